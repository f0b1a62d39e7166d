// A caisse's objectives: read in declared order, replaced as a whole with the indicator selection
// pruned to match, in one transaction with its audit entry.
import { audit } from '../audit/index.ts';
import type { UserActor } from '../auth/index.ts';
import { findCaisse, touchCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import { notFound } from '../http/errors.ts';
import { pruneSelectionObjectives } from '../indicators/index.ts';
import { listObjectives, replaceObjectives, toObjectiveDto } from './objectives.repository.ts';
import type { ObjectiveDto, ObjectivesPut } from './objectives.schema.ts';

export async function listCaisseObjectives(db: Db, caisseId: string): Promise<ObjectiveDto[]> {
  if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
  return (await listObjectives(db.kysely, caisseId)).map(toObjectiveDto);
}

export async function replaceCaisseObjectives(
  db: Db,
  actor: UserActor,
  caisseId: string,
  input: ObjectivesPut,
): Promise<ObjectiveDto[]> {
  const rows = await db.kysely.transaction().execute(async (trx) => {
    if (!(await findCaisse(trx, caisseId))) throw notFound('Caisse');
    await replaceObjectives(trx, caisseId, input);
    await pruneSelectionObjectives(trx, caisseId, new Set(input.objectives.map((o) => o.code)));
    await touchCaisse(trx, caisseId);
    await audit(trx, actor, {
      caisseId,
      action: 'objectives.replace',
      targetType: 'caisse',
      targetId: caisseId,
    });
    return listObjectives(trx, caisseId);
  });
  return rows.map(toObjectiveDto);
}
