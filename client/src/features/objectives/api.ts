// A caisse's objectives: GET and PUT /api/caisses/:id/objectives (shapes of
// server/objectives/objectives.schema.ts), and an objective's label in the reader's language.
import { isStandardObjective, OBJECTIVE_LABELS } from '../../../../indicators/taxonomy.ts';
import type { ObjectiveDto, ObjectivesPut } from '../../../../server/objectives/objectives.schema.ts';
import type { Lang } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';

export type Objective = ObjectiveDto;
export type ObjectiveInput = ObjectivesPut['objectives'][number];

const path = (caisseId: string) => `/caisses/${encodeURIComponent(caisseId)}/objectives`;

export const objectivesApi = {
  list: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: Objective[] }>(path(caisseId), { signal })).items,
  save: async (caisseId: string, objectives: ObjectiveInput[]) =>
    (await api.put<{ items: Objective[] }>(path(caisseId), { objectives })).items,
};

/** The label of an objective in the reader's language. */
export function objectiveLabel(o: Pick<Objective, 'code' | 'label' | 'labelEn'>, lang: Lang): string {
  if (isStandardObjective(o.code)) return OBJECTIVE_LABELS[o.code][lang];
  return lang === 'en' && o.labelEn ? o.labelEn : o.label;
}
