// Questionnaire assembly: from a caisse's indicator selection, the participant and caisse
// questionnaires that measure it (consent first, one page per dimension, every module once), kept
// as new versions of one assembled questionnaire per level, with the caisse's own questions kept.
import { indicatorById } from '../../indicators/index.ts';
import { DIMENSION_LABELS } from '../../indicators/taxonomy.ts';
import { buildDefinition, moduleOfQuestion } from '../../surveys/index.ts';
import type { Queryable } from '../db/schema.ts';
import { listSelection } from '../indicators/index.ts';
import { findAssembled, hashDefinition, latestVersion } from './questionnaires.repository.ts';
import { addVersion, checkedDefinition, createQuestionnaire } from './versions.ts';

type Level = 'participant' | 'caisse';

export interface Assembled {
  questionnaireId: string;
  versionId: string;
  version: number;
  modules: string[];
  changed: boolean;
}

const TITLES: Record<Level, { default: string; en: string }> = {
  participant: { default: 'Questionnaire des expérimentateurs', en: 'Experimenters’ questionnaire' },
  caisse: { default: 'Suivi de la caisse', en: 'Caisse monitoring' },
};

const dimensionPages = Object.fromEntries(
  Object.entries(DIMENSION_LABELS).map(([d, l]) => [d, { default: l.fr, en: l.en }]),
);

/** The caisse's own questions in a definition: every element whose name no standard module uses. */
export function ownQuestions(definition: { pages?: { elements?: unknown[] }[] }): unknown[] {
  const out: unknown[] = [];
  const walk = (elements: unknown[] | undefined) => {
    for (const e of elements ?? []) {
      const el = e as { type?: string; name?: string; elements?: unknown[] };
      if (el.type === 'panel') walk(el.elements);
      else if (el.name && el.name !== 'consent' && moduleOfQuestion(el.name) === undefined) out.push(e);
    }
  };
  for (const p of definition.pages ?? []) walk(p.elements);
  return out;
}

function modulesFor(level: Level, indicatorIds: string[]): string[] {
  const mods = new Set<string>();
  for (const id of indicatorIds) {
    const def = indicatorById.get(id);
    if (!def || def.level !== level) continue;
    mods.add(def.module);
    for (const m of def.extraModules ?? []) mods.add(m);
  }
  if (mods.size === 0) return [];
  // Participants: who answers (for the breakdowns) first, their free comment last.
  return level === 'participant'
    ? ['profile', ...[...mods].filter((m) => m !== 'profile'), 'feedback']
    : [...mods];
}

async function assembleLevel(
  trx: Queryable,
  caisseId: string,
  level: Level,
  ids: string[],
  createdBy: string,
): Promise<Assembled | null> {
  const modules = modulesFor(level, ids);
  if (modules.length === 0) return null;
  const existing = await findAssembled(trx, caisseId, level);
  const previous = existing ? await latestVersion(trx, existing.id) : undefined;
  const extraElements = previous ? ownQuestions(JSON.parse(previous.definition)) : [];
  const definition = buildDefinition({ title: TITLES[level], level, modules, extraElements, dimensionPages });
  if (existing && previous) {
    if (
      previous.definition_hash === hashDefinition(JSON.stringify(checkedDefinition(definition).definition))
    ) {
      return {
        questionnaireId: existing.id,
        versionId: previous.id,
        version: previous.version,
        modules,
        changed: false,
      };
    }
    const v = await addVersion(trx, existing.id, definition, createdBy);
    return { questionnaireId: existing.id, versionId: v.id, version: v.version, modules, changed: true };
  }
  const { questionnaire, version } = await createQuestionnaire(
    trx,
    { caisseId, origin: 'assembled', title: TITLES[level].default, level, definition },
    createdBy,
  );
  return {
    questionnaireId: questionnaire.id,
    versionId: version.id,
    version: version.version,
    modules,
    changed: true,
  };
}

export async function assembleQuestionnaires(trx: Queryable, caisseId: string, createdBy: string) {
  const ids = (await listSelection(trx, caisseId)).map((s) => s.indicatorId);
  return {
    participant: await assembleLevel(trx, caisseId, 'participant', ids, createdBy),
    caisse: await assembleLevel(trx, caisseId, 'caisse', ids, createdBy),
  };
}
