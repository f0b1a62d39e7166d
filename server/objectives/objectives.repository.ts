// A caisse's objectives: replaced as a whole, read in declared order.
import {
  DEFAULT_OBJECTIVE_DIMENSIONS,
  type Dimension,
  isStandardObjective,
  OBJECTIVE_LABELS,
} from '../../indicators/taxonomy.ts';
import type { Objective, Queryable } from '../db/schema.ts';
import { newId } from '../util.ts';
import type { ObjectiveDto, ObjectivesPut } from './objectives.schema.ts';

export function toObjectiveDto(o: Objective): ObjectiveDto {
  const standard = isStandardObjective(o.code);
  return {
    id: o.id,
    code: o.code,
    standard,
    label: o.label ?? (standard ? OBJECTIVE_LABELS[o.code as keyof typeof OBJECTIVE_LABELS].fr : o.code),
    labelEn: o.label ? null : standard ? OBJECTIVE_LABELS[o.code as keyof typeof OBJECTIVE_LABELS].en : null,
    dimensions: JSON.parse(o.dimensions) as Dimension[],
    description: o.description,
    priority: o.priority,
  };
}

export const listObjectives = (db: Queryable, caisseId: string) =>
  db.selectFrom('objectives').selectAll().where('caisse_id', '=', caisseId).orderBy('position').execute();

export async function replaceObjectives(
  trx: Queryable,
  caisseId: string,
  input: ObjectivesPut,
): Promise<void> {
  await trx.deleteFrom('objectives').where('caisse_id', '=', caisseId).execute();
  if (input.objectives.length === 0) return;
  await trx
    .insertInto('objectives')
    .values(
      input.objectives.map((o, position) => ({
        id: newId(),
        caisse_id: caisseId,
        code: o.code,
        label: o.label ?? null,
        description: o.description ?? null,
        priority: o.priority ?? null,
        dimensions: JSON.stringify(
          o.dimensions ?? (isStandardObjective(o.code) ? DEFAULT_OBJECTIVE_DIMENSIONS[o.code] : []),
        ),
        position,
      })),
    )
    .execute();
}
