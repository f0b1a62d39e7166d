// Creating, listing, reading and editing caisses: each write and its audit entry in one transaction.
import type { UserActor } from '../auth/index.ts';
import { audit } from '../audit/index.ts';
import type { Db } from '../db/connect.ts';
import { conflict, isUniqueViolation, notFound } from '../http/errors.ts';
import { findCaisse, insertCaisse, listCaisses, toCaisseDto, updateCaisse } from './caisses.repository.ts';
import type { CaisseCreate, CaisseDto, CaisseUpdateInput } from './caisses.schema.ts';

export async function createCaisse(db: Db, actor: UserActor, input: CaisseCreate): Promise<CaisseDto> {
  try {
    const row = await db.kysely.transaction().execute(async (trx) => {
      const c = await insertCaisse(trx, input);
      await audit(trx, actor, {
        caisseId: c.id,
        action: 'caisse.create',
        targetType: 'caisse',
        targetId: c.id,
      });
      return c;
    });
    return toCaisseDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('SLUG_TAKEN', `Le slug « ${input.slug} » est déjà pris`);
    throw err;
  }
}

/** Admins and researchers see every caisse, others the caisses they belong to. */
export async function listVisibleCaisses(db: Db, actor: UserActor): Promise<CaisseDto[]> {
  const all = actor.user.isAdmin || actor.user.isResearcher;
  const rows = await listCaisses(db.kysely, all ? null : [...actor.memberships.keys()]);
  return rows.map(toCaisseDto);
}

export async function getCaisse(db: Db, caisseId: string): Promise<CaisseDto> {
  const c = await findCaisse(db.kysely, caisseId);
  if (!c) throw notFound('Caisse');
  return toCaisseDto(c);
}

export async function updateCaisseProfile(
  db: Db,
  actor: UserActor,
  caisseId: string,
  input: CaisseUpdateInput,
): Promise<CaisseDto> {
  try {
    const c = await db.kysely.transaction().execute(async (trx) => {
      const updated = await updateCaisse(trx, caisseId, input);
      if (!updated) throw notFound('Caisse');
      await audit(trx, actor, {
        caisseId: updated.id,
        action: 'caisse.update',
        targetType: 'caisse',
        targetId: updated.id,
      });
      return updated;
    });
    return toCaisseDto(c);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('SLUG_TAKEN', 'Ce slug est déjà pris');
    throw err;
  }
}
