// Login, logout, password change, invitations and their acceptance. The session cookie is the
// route's business: the functions that open a session are given `openSession`, which returns the
// new session's CSRF token.
import { audit } from '../audit/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import { conflict, notFound, unauthorized } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { newToken } from '../util.ts';
import type { CaisseRole, UserActor } from './actor.ts';
import type { InvitationResult, Me } from './auth.schema.ts';
import { consumeInvitation, findPendingInvitation, insertInvitation } from './invitations.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import {
  caisseMembershipsOf,
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  grantPlatformRole,
  insertUser,
  membershipsOf,
  setMembership,
  setPasswordHash,
} from './users.repository.ts';

export type OpenSession = (userId: string) => Promise<string>;
type Ctx = Pick<Deps, 'db' | 'config'>;

/** The signed-in user, their roles and caisses, and the CSRF token to send back. */
export async function currentUser(db: Db, u: UserActor): Promise<Me> {
  const rows = await caisseMembershipsOf(db.kysely, u.user.id);
  const caisses = rows.map((r) => ({ id: r.id, name: r.name, role: r.role as 'coordinator' | 'member' }));
  const roles = new Set<Me['roles'][number]>();
  if (u.user.isAdmin) roles.add('admin');
  if (u.user.isResearcher) roles.add('researcher');
  for (const c of caisses) roles.add(c.role);
  return {
    user: { id: u.user.id, email: u.user.email },
    roles: [...roles],
    caisses,
    csrfToken: u.csrfToken,
  };
}

/** The actor of a session just opened for `userId`. */
async function freshActor(db: Db, userId: string, csrfToken: string): Promise<UserActor> {
  const u = (await findUserById(db.kysely, userId))!;
  const memberships = new Map(
    (await membershipsOf(db.kysely, userId)).map((m) => [m.caisse_id, m.role as CaisseRole]),
  );
  return {
    kind: 'user',
    sessionId: '',
    csrfToken,
    user: { id: u.id, email: u.email, isAdmin: u.is_admin === 1, isResearcher: u.is_researcher === 1 },
    memberships,
  };
}

/**
 * Checks the credentials (in constant time whether the account exists or not) and opens a new
 * session; `previousSessionId`, the session this browser had, is closed first.
 */
export async function login(
  db: Db,
  credentials: { email: string; password: string },
  previousSessionId: string | null,
  openSession: OpenSession,
): Promise<Me> {
  const user = await findUserByEmail(db.kysely, credentials.email);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), credentials.password);
  if (!user || !ok || user.disabled_at) throw unauthorized('Email ou mot de passe incorrect');
  if (previousSessionId !== null) await deleteSession(db.kysely, previousSessionId);
  const csrfToken = await openSession(user.id);
  const memberships = new Map(
    (await membershipsOf(db.kysely, user.id)).map((m) => [m.caisse_id, m.role as CaisseRole]),
  );
  return currentUser(db, {
    kind: 'user',
    sessionId: '',
    csrfToken,
    user: {
      id: user.id,
      email: user.email,
      isAdmin: user.is_admin === 1,
      isResearcher: user.is_researcher === 1,
    },
    memberships,
  });
}

export async function logout(db: Db, u: UserActor): Promise<void> {
  await deleteSession(db.kysely, u.sessionId);
}

/** Closes every session of the user, then opens a new one for this browser. */
export async function changePassword(
  db: Db,
  u: UserActor,
  input: { currentPassword: string; newPassword: string },
  openSession: OpenSession,
): Promise<void> {
  const user = (await findUserById(db.kysely, u.user.id))!;
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw unauthorized('Mot de passe actuel incorrect');
  }
  const hashed = await hashPassword(input.newPassword);
  await db.kysely.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, hashed);
    await deleteSessionsOfUser(trx, user.id);
    await audit(trx, u, {
      caisseId: null,
      action: 'user.password',
      targetType: 'user',
      targetId: user.id,
    });
  });
  await openSession(user.id);
}

/** Creates an invitation (audited in the same transaction); the token is only ever in this answer. */
export async function invite(
  { db, config }: Ctx,
  actor: UserActor,
  i: { email: string; role: string; caisseId: string | null },
): Promise<InvitationResult> {
  const token = newToken();
  const inv = await db.kysely.transaction().execute(async (trx) => {
    const row = await insertInvitation(trx, { ...i, invitedBy: actor.user.id, token });
    await audit(trx, actor, {
      caisseId: i.caisseId,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: row.id,
    });
    return row;
  });
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    caisseId: inv.caisse_id,
    token,
    link: `${config.publicUrl ?? ''}/invitation/${token}`,
    expiresAt: inv.expires_at,
  };
}

export async function inviteToCaisse(
  ctx: Ctx,
  actor: UserActor,
  caisseId: string,
  i: { email: string; role: CaisseRole },
): Promise<InvitationResult> {
  if (!(await findCaisse(ctx.db.kysely, caisseId))) throw notFound('Caisse');
  return invite(ctx, actor, { ...i, caisseId });
}

/**
 * Uses the invitation once: a new account with the chosen password, or an existing account (its
 * own password required) that gains the role; then opens a session.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string },
  openSession: OpenSession,
): Promise<Me> {
  const inv = await findPendingInvitation(db.kysely, input.token);
  if (!inv) throw notFound('Invitation (expirée, déjà utilisée ou inconnue)');
  const hashed = await hashPassword(input.password);
  const userId = await db.kysely.transaction().execute(async (trx) => {
    if (!(await consumeInvitation(trx, inv.id)))
      throw conflict('INVITATION_USED', 'Invitation déjà utilisée');
    let user = await findUserByEmail(trx, inv.email);
    if (user) {
      // An existing account gains the role; its password is not changed by an invitation link.
      if (!(await verifyPassword(user.password_hash, input.password))) {
        throw conflict('ACCOUNT_EXISTS', 'Un compte existe déjà pour cet email : utilisez son mot de passe');
      }
    } else {
      user = { ...(await insertUser(trx, { email: inv.email, passwordHash: hashed })) };
    }
    if (inv.role === 'researcher' || inv.role === 'admin') await grantPlatformRole(trx, user.id, inv.role);
    else await setMembership(trx, user.id, inv.caisse_id!, inv.role as CaisseRole);
    await audit(
      trx,
      { kind: 'anonymous' },
      { caisseId: inv.caisse_id, action: 'invitation.accept', targetType: 'user', targetId: user.id },
    );
    return user.id;
  });
  const csrfToken = await openSession(userId);
  return currentUser(db, await freshActor(db, userId, csrfToken));
}
