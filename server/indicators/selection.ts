// A caisse's selection of indicators: which indicator evidences which declared objective, with the
// declared baseline value, the target and the periodicity.
import { z } from 'zod';
import { indicatorById } from '../../indicators/index.ts';
import type { Queryable } from '../db/schema.ts';

export const periodicities = ['each_wave', 'quarterly', 'biannual', 'annual'] as const;

const selectionItem = z.strictObject({
  indicatorId: z.string().refine((id) => indicatorById.has(id), { message: 'indicateur inconnu' }),
  objectives: z.array(z.string().min(1).max(60)).max(20).default([]),
  baseline: z.number().finite().nullable().optional(),
  target: z.number().finite().nullable().optional(),
  periodicity: z.enum(periodicities).nullable().optional(),
});

export const selectionPutSchema = z.strictObject({
  indicators: z
    .array(selectionItem)
    .max(200)
    .refine(
      (l) => new Set(l.map((i) => i.indicatorId)).size === l.length,
      'indicateur sélectionné deux fois',
    ),
});

export const selectionSchema = z.object({
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      objectives: z.array(z.string()),
      baseline: z.number().nullable(),
      target: z.number().nullable(),
      periodicity: z.enum(periodicities).nullable(),
    }),
  ),
});

export type SelectionPut = z.infer<typeof selectionPutSchema>;
export type Selection = z.infer<typeof selectionSchema>['indicators'][number];

export async function listSelection(db: Queryable, caisseId: string): Promise<Selection[]> {
  const rows = await db
    .selectFrom('indicator_selections')
    .selectAll()
    .where('caisse_id', '=', caisseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    objectives: JSON.parse(r.objectives) as string[],
    baseline: r.baseline,
    target: r.target,
    periodicity: r.periodicity as Selection['periodicity'],
  }));
}

export async function replaceSelection(trx: Queryable, caisseId: string, input: SelectionPut): Promise<void> {
  await trx.deleteFrom('indicator_selections').where('caisse_id', '=', caisseId).execute();
  if (input.indicators.length === 0) return;
  await trx
    .insertInto('indicator_selections')
    .values(
      input.indicators.map((s, position) => ({
        caisse_id: caisseId,
        indicator_id: s.indicatorId,
        objectives: JSON.stringify(s.objectives),
        baseline: s.baseline ?? null,
        target: s.target ?? null,
        periodicity: s.periodicity ?? null,
        position,
      })),
    )
    .execute();
}

/** Objectives were replaced: links to objectives that no longer exist go. */
export async function pruneSelectionObjectives(
  trx: Queryable,
  caisseId: string,
  codes: ReadonlySet<string>,
): Promise<void> {
  for (const s of await listSelection(trx, caisseId)) {
    const kept = s.objectives.filter((o) => codes.has(o));
    if (kept.length !== s.objectives.length) {
      await trx
        .updateTable('indicator_selections')
        .set({ objectives: JSON.stringify(kept) })
        .where('caisse_id', '=', caisseId)
        .where('indicator_id', '=', s.indicatorId)
        .execute();
    }
  }
}
