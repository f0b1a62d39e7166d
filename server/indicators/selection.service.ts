// A caisse's indicator selection: read, and replaced as a whole in one transaction with its audit entry.
import { audit } from '../audit/index.ts';
import type { UserActor } from '../auth/index.ts';
import { findCaisse, touchCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { listObjectives } from '../objectives/index.ts';
import { listSelection, replaceSelection, type Selection, type SelectionPut } from './selection.ts';

export function caisseSelection(db: Db, caisseId: string): Promise<Selection[]> {
  return listSelection(db.kysely, caisseId);
}

/** Every objective an indicator is linked to must be one the caisse declared. */
export function replaceCaisseSelection(
  db: Db,
  actor: UserActor,
  caisseId: string,
  body: SelectionPut,
): Promise<Selection[]> {
  return db.kysely.transaction().execute(async (trx) => {
    if (!(await findCaisse(trx, caisseId))) throw notFound('Caisse');
    const declared = new Set((await listObjectives(trx, caisseId)).map((o) => o.code));
    const unknown = [...new Set(body.indicators.flatMap((i) => i.objectives))].filter(
      (o) => !declared.has(o),
    );
    if (unknown.length > 0) {
      throw badRequest(
        'UNKNOWN_OBJECTIVE',
        `Objectif(s) non déclaré(s) par la caisse : ${unknown.join(', ')}`,
      );
    }
    await replaceSelection(trx, caisseId, body);
    await touchCaisse(trx, caisseId);
    await audit(trx, actor, {
      caisseId,
      action: 'indicators.replace',
      targetType: 'caisse',
      targetId: caisseId,
    });
    return listSelection(trx, caisseId);
  });
}
