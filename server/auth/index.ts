// The auth feature as other folders see it: who the actor is, what they may do, and the account
// records the demo seeds.
export { type Actor, anonymous, type CaisseRole, roleLabel, type UserActor } from './actor.ts';
export { hashPassword } from './passwords.ts';
export {
  canSeeCaisseProfile,
  caisseRole,
  isCoordinatorOf,
  requireAdmin,
  requireCaisse,
  requireReminders,
  requireResearch,
  requireUser,
} from './policy.ts';
export { insertUser, setMembership } from './users.repository.ts';
