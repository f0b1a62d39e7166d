// Users, memberships and sessions in the database.
import type { Queryable } from '../db/schema.ts';
import { newId, nowIso } from '../util.ts';
import type { CaisseRole } from './actor.ts';

export const findUserByEmail = (db: Queryable, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Queryable, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(
  db: Queryable,
  u: { email: string; passwordHash: string; isAdmin?: boolean; isResearcher?: boolean },
) {
  const now = nowIso();
  const row = {
    id: newId(),
    email: u.email.toLowerCase(),
    password_hash: u.passwordHash,
    is_admin: u.isAdmin ? 1 : 0,
    is_researcher: u.isResearcher ? 1 : 0,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function setMembership(db: Queryable, userId: string, caisseId: string, role: CaisseRole) {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, caisse_id: caisseId, role, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'caisse_id']).doUpdateSet({ role }))
    .execute();
}

export const membershipsOf = (db: Queryable, userId: string) =>
  db.selectFrom('memberships').select(['caisse_id', 'role']).where('user_id', '=', userId).execute();

export async function insertSession(
  db: Queryable,
  s: { id: string; userId: string; csrfToken: string; ttlMs: number },
) {
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + s.ttlMs).toISOString(),
    })
    .execute();
}

/** The session with its user, when both are valid now. */
export const findLiveSession = (db: Queryable, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.is_admin',
      'users.is_researcher',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', nowIso())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();

export const deleteSession = (db: Queryable, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).execute();
export const deleteSessionsOfUser = (db: Queryable, userId: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).execute();

/** The caisses a user belongs to, by name, with the role in each. */
export const caisseMembershipsOf = (db: Queryable, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('caisses', 'caisses.id', 'memberships.caisse_id')
    .select(['caisses.id', 'caisses.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('caisses.name')
    .execute();

export const listUserIds = (db: Queryable) => db.selectFrom('users').select('id').orderBy('email').execute();

export const setPasswordHash = (db: Queryable, id: string, passwordHash: string) =>
  db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();

export const updateUserFlags = (
  db: Queryable,
  id: string,
  f: { isAdmin?: boolean | undefined; isResearcher?: boolean | undefined; disabled?: boolean | undefined },
) =>
  db
    .updateTable('users')
    .set({
      ...(f.isAdmin !== undefined && { is_admin: f.isAdmin ? 1 : 0 }),
      ...(f.isResearcher !== undefined && { is_researcher: f.isResearcher ? 1 : 0 }),
      ...(f.disabled !== undefined && { disabled_at: f.disabled ? nowIso() : null }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();

/** The platform role an invitation gives (without touching updated_at, as before). */
export const grantPlatformRole = (db: Queryable, id: string, role: 'researcher' | 'admin') =>
  db
    .updateTable('users')
    .set(role === 'researcher' ? { is_researcher: 1 } : { is_admin: 1 })
    .where('id', '=', id)
    .execute();

/** True when there was a membership to remove. */
export async function removeMembership(db: Queryable, userId: string, caisseId: string): Promise<boolean> {
  const del = await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('caisse_id', '=', caisseId)
    .executeTakeFirst();
  return Number(del.numDeletedRows) > 0;
}

/** A caisse's team, by email. */
export const listCaisseTeam = (db: Queryable, caisseId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'memberships.role'])
    .where('memberships.caisse_id', '=', caisseId)
    .orderBy('users.email')
    .execute();
