// Invitations: single-use, expiring tokens stored as hashes.
import type { Queryable } from '../db/schema.ts';
import { hashToken, newId, nowIso } from '../util.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function insertInvitation(
  db: Queryable,
  i: { email: string; role: string; caisseId: string | null; invitedBy: string; token: string },
) {
  const now = new Date();
  const row = {
    id: newId(),
    token_hash: hashToken(i.token),
    email: i.email.toLowerCase(),
    role: i.role,
    caisse_id: i.caisseId,
    invited_by: i.invitedBy,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    accepted_at: null,
  };
  await db.insertInto('invitations').values(row).execute();
  return row;
}

export const findPendingInvitation = (db: Queryable, token: string) =>
  db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();

/** Marks it used; false when someone else used it first (single use even under a race). */
export async function consumeInvitation(db: Queryable, id: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: nowIso() })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
