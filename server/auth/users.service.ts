// Administration of accounts and caisse teams, each change with its audit entry in one transaction.
import { audit } from '../audit/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { CaisseRole, UserActor } from './actor.ts';
import {
  caisseMembershipsOf,
  deleteSessionsOfUser,
  findUserById,
  listCaisseTeam,
  listUserIds,
  removeMembership,
  setMembership,
  updateUserFlags,
} from './users.repository.ts';
import type { TeamMember, UserDto, UserUpdate } from './users.schema.ts';

async function userDto(db: Db, id: string): Promise<UserDto> {
  const u = await findUserById(db.kysely, id);
  if (!u) throw notFound('Utilisateur');
  const ms = await caisseMembershipsOf(db.kysely, id);
  return {
    id: u.id,
    email: u.email,
    isAdmin: u.is_admin === 1,
    isResearcher: u.is_researcher === 1,
    disabled: u.disabled_at !== null,
    createdAt: u.created_at,
    memberships: ms.map((m) => ({
      caisseId: m.id,
      caisseName: m.name,
      role: m.role as CaisseRole,
    })),
  };
}

export async function listUsers(db: Db): Promise<UserDto[]> {
  const ids = await listUserIds(db.kysely);
  return Promise.all(ids.map((u) => userDto(db, u.id)));
}

/** Platform roles and disabling; disabling closes the account's sessions. */
export async function updateUser(db: Db, actor: UserActor, userId: string, b: UserUpdate): Promise<UserDto> {
  if (userId === actor.user.id && (b.isAdmin === false || b.disabled)) {
    throw badRequest('SELF_LOCKOUT', 'Un administrateur ne peut pas se retirer ses propres droits');
  }
  await userDto(db, userId);
  await db.kysely.transaction().execute(async (trx) => {
    await updateUserFlags(trx, userId, b);
    if (b.disabled) await deleteSessionsOfUser(trx, userId);
    await audit(trx, actor, {
      caisseId: null,
      action: 'user.update',
      targetType: 'user',
      targetId: userId,
    });
  });
  return userDto(db, userId);
}

export async function setCaisseRole(
  db: Db,
  actor: UserActor,
  userId: string,
  caisseId: string,
  role: CaisseRole,
): Promise<UserDto> {
  await userDto(db, userId);
  if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
  await db.kysely.transaction().execute(async (trx) => {
    await setMembership(trx, userId, caisseId, role);
    await audit(trx, actor, {
      caisseId,
      action: 'membership.set',
      targetType: 'user',
      targetId: userId,
    });
  });
  return userDto(db, userId);
}

export async function removeFromCaisse(
  db: Db,
  actor: UserActor,
  userId: string,
  caisseId: string,
): Promise<{ removed: boolean }> {
  const removed = await db.kysely.transaction().execute(async (trx) => {
    const r = await removeMembership(trx, userId, caisseId);
    await audit(trx, actor, {
      caisseId,
      action: 'membership.remove',
      targetType: 'user',
      targetId: userId,
    });
    return r;
  });
  return { removed };
}

export async function caisseTeam(db: Db, caisseId: string): Promise<TeamMember[]> {
  const rows = await listCaisseTeam(db.kysely, caisseId);
  return rows.map((r) => ({ userId: r.id, email: r.email, role: r.role as CaisseRole }));
}
