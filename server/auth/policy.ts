// Authorization rules in one place: every route calls one of these before touching data.
import { forbidden, unauthorized } from '../http/errors.ts';
import type { Actor, CaisseRole, UserActor } from './actor.ts';

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

export function requireAdmin(actor: Actor): UserActor {
  const u = requireUser(actor);
  if (!u.user.isAdmin) throw forbidden('Réservé aux administrateurs');
  return u;
}

/** Researchers and admins: cross-caisse aggregates only. */
export function requireResearch(actor: Actor): UserActor {
  const u = requireUser(actor);
  if (!u.user.isAdmin && !u.user.isResearcher) throw forbidden('Réservé aux chercheurs et administrateurs');
  return u;
}

const rank: Record<CaisseRole, number> = { member: 1, coordinator: 2 };

/** Effective role in a caisse: admins act as coordinators everywhere. */
export function caisseRole(actor: Actor, caisseId: string): CaisseRole | null {
  if (actor.kind !== 'user') return null;
  if (actor.user.isAdmin) return 'coordinator';
  return actor.memberships.get(caisseId) ?? null;
}

/** Members read a caisse's configuration and aggregates; coordinators configure it and read individuals. */
export function requireCaisse(actor: Actor, caisseId: string, min: CaisseRole): UserActor {
  const u = requireUser(actor);
  const role = caisseRole(u, caisseId);
  if (!role || rank[role] < rank[min]) {
    throw forbidden(
      min === 'coordinator'
        ? 'Réservé aux coordinateurs de cette caisse'
        : 'Accès réservé aux membres de cette caisse',
    );
  }
  return u;
}

/**
 * Who may chase a wave's non-respondents (their list and the relaunch sheet that reissues their links).
 * A future facilitator role is granted by adding it here.
 */
const REMINDER_ROLES: ReadonlySet<CaisseRole> = new Set(['coordinator']);

export function requireReminders(actor: Actor, caisseId: string): UserActor {
  const u = requireUser(actor);
  const role = caisseRole(u, caisseId);
  if (!role || !REMINDER_ROLES.has(role)) throw forbidden('Réservé aux coordinateurs de cette caisse');
  return u;
}

/** Caisse profiles are not personal data: members see theirs, researchers and admins see all. */
export function canSeeCaisseProfile(actor: Actor, caisseId: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.user.isAdmin || actor.user.isResearcher || actor.memberships.has(caisseId);
}

/** Individual responses and their exports: coordinators and admins only. */
export function isCoordinatorOf(actor: Actor, caisseId: string): boolean {
  return caisseRole(actor, caisseId) === 'coordinator';
}
