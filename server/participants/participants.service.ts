// Participants of a caisse: creation (the token is returned once), batch import (all or nothing),
// link reissue and revocation, and erasure (GDPR), each with its audit entry in one transaction.
import { audit } from '../audit/index.ts';
import { type Actor, requireCaisse, type UserActor } from '../auth/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Participant, Queryable } from '../db/schema.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { newToken } from '../util.ts';
import {
  eraseParticipant,
  findParticipant,
  findParticipantsByCodes,
  insertParticipant,
  listParticipants,
  setToken,
  toParticipantDto,
} from './participants.repository.ts';
import {
  type ImportReport,
  type ParticipantCreate,
  type ParticipantDto,
  type ParticipantWithToken,
  participantCreateSchema,
} from './participants.schema.ts';

type Ctx = Pick<Deps, 'db' | 'config'>;

/** A participant's link: the token under `base` (PUBLIC_URL, or nothing for a link relative to the site). */
export const participantLink = (base: string | null, token: string) => `${base ?? ''}/r/${token}`;
const linkFor = (ctx: Ctx, token: string) => participantLink(ctx.config.publicUrl, token);
const withToken = (ctx: Ctx, p: Participant, token: string): ParticipantWithToken => ({
  ...toParticipantDto(p),
  token,
  link: linkFor(ctx, token),
});

/** The participant, for the coordinators of its caisse. */
async function coordinatorOfParticipant(ctx: Ctx, actor: Actor, id: string) {
  const p = await findParticipant(ctx.db.kysely, id);
  if (!p) throw notFound('Participant');
  return { p, coordinator: requireCaisse(actor, p.caisse_id, 'coordinator') };
}

export async function createParticipant(
  ctx: Ctx,
  actor: UserActor,
  caisseId: string,
  input: ParticipantCreate,
): Promise<ParticipantWithToken> {
  const { db } = ctx;
  if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
  const token = newToken();
  try {
    const p = await db.kysely.transaction().execute(async (trx) => {
      const row = await insertParticipant(trx, caisseId, input, token);
      await audit(trx, actor, {
        caisseId,
        action: 'participant.create',
        targetType: 'participant',
        targetId: row.id,
      });
      return row;
    });
    return withToken(ctx, p, token);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('CODE_TAKEN', `Le code « ${input.code} » existe déjà dans cette caisse`);
    throw err;
  }
}

/** Every row checked first (shape, duplicates, existing codes): one error and nothing is stored. */
export async function importParticipants(
  ctx: Ctx,
  actor: UserActor,
  caisseId: string,
  rows: unknown[],
): Promise<ImportReport> {
  const { db } = ctx;
  if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
  const errors: ImportReport['errors'] = [];
  const valid: { row: number; input: ParticipantCreate }[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const parsed = participantCreateSchema.safeParse(raw);
    const code = (raw as { code?: unknown })?.code;
    if (!parsed.success) {
      errors.push({
        row: i + 1,
        code: typeof code === 'string' ? code : null,
        messages: parsed.error.issues.map((is) => `${is.path.join('.') || 'ligne'} : ${is.message}`),
      });
    } else if (seen.has(parsed.data.code)) {
      errors.push({ row: i + 1, code: parsed.data.code, messages: ['code en double dans le fichier'] });
    } else {
      seen.add(parsed.data.code);
      valid.push({ row: i + 1, input: parsed.data });
    }
  });
  const existing = new Set(
    (
      await findParticipantsByCodes(
        db.kysely,
        caisseId,
        valid.map((v) => v.input.code),
      )
    ).map((p) => p.code),
  );
  for (const v of valid) {
    if (existing.has(v.input.code))
      errors.push({ row: v.row, code: v.input.code, messages: ['ce code existe déjà'] });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw unprocessable('IMPORT_REJECTED', `${errors.length} ligne(s) en erreur : rien n’a été importé`, {
      errors,
    });
  }
  const created = await db.kysely.transaction().execute(async (trx) => {
    const out = [];
    for (const v of valid) {
      const token = newToken();
      const row = await insertParticipant(trx, caisseId, v.input, token);
      out.push(withToken(ctx, row, token));
    }
    await audit(trx, actor, {
      caisseId,
      action: 'participant.import',
      targetType: 'caisse',
      targetId: caisseId,
    });
    return out;
  });
  return { created, errors: [] };
}

export async function listCaisseParticipants(ctx: Ctx, caisseId: string): Promise<ParticipantDto[]> {
  return (await listParticipants(ctx.db.kysely, caisseId)).map(toParticipantDto);
}

/** A new link; the old one stops working. */
export async function reissueToken(
  ctx: Ctx,
  actor: Actor,
  participantId: string,
): Promise<ParticipantWithToken> {
  const { db } = ctx;
  const { p, coordinator } = await coordinatorOfParticipant(ctx, actor, participantId);
  const token = await db.kysely.transaction().execute((trx) => reissueTokenIn(trx, coordinator, p));
  return withToken(ctx, (await findParticipant(db.kysely, p.id))!, token);
}

/**
 * A new link inside the caller's transaction, audited; returns the token. The caller has checked
 * that the actor may reissue it (a wave's relaunch reissues many links in one transaction, with
 * tokens drawn beforehand so that their sheet is printed before anything changes).
 */
export async function reissueTokenIn(
  trx: Queryable,
  actor: Actor,
  p: Pick<Participant, 'id' | 'caisse_id'>,
  token: string = newToken(),
): Promise<string> {
  await setToken(trx, p.id, token);
  await audit(trx, actor, {
    caisseId: p.caisse_id,
    action: 'participant.token.reissue',
    targetType: 'participant',
    targetId: p.id,
  });
  return token;
}

export async function revokeToken(ctx: Ctx, actor: Actor, participantId: string): Promise<ParticipantDto> {
  const { db } = ctx;
  const { p, coordinator } = await coordinatorOfParticipant(ctx, actor, participantId);
  await db.kysely.transaction().execute(async (trx) => {
    await setToken(trx, p.id, null);
    await audit(trx, coordinator, {
      caisseId: p.caisse_id,
      action: 'participant.token.revoke',
      targetType: 'participant',
      targetId: p.id,
    });
  });
  return toParticipantDto((await findParticipant(db.kysely, p.id))!);
}

/** Erases the participant and everything about them (GDPR). */
export async function erase(ctx: Ctx, actor: Actor, participantId: string): Promise<{ erased: true }> {
  const { db } = ctx;
  const { p, coordinator } = await coordinatorOfParticipant(ctx, actor, participantId);
  await db.kysely.transaction().execute(async (trx) => {
    await eraseParticipant(trx, p.id);
    // Only the fact of an erasure stays: no id of the erased person.
    await audit(trx, coordinator, {
      caisseId: p.caisse_id,
      action: 'participant.erase',
      targetType: 'participant',
      targetId: null,
    });
  });
  return { erased: true };
}
