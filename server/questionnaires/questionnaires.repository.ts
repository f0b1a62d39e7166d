// Questionnaires and versions in the database. Versions are only ever inserted, never updated.
import { createHash } from 'node:crypto';
import type { Queryable, Questionnaire, QuestionnaireVersion } from '../db/schema.ts';
import { newId, nowIso } from '../util.ts';

export const hashDefinition = (json: string): string => createHash('sha256').update(json).digest('hex');

export async function insertQuestionnaire(
  db: Queryable,
  q: { caisseId: string | null; standardKey?: string | null; title: string; level: string; origin?: string },
): Promise<Questionnaire> {
  const now = nowIso();
  const row: Questionnaire = {
    id: newId(),
    caisse_id: q.caisseId,
    standard_key: q.standardKey ?? null,
    title: q.title,
    level: q.level,
    origin: q.origin ?? (q.standardKey ? 'standard' : 'custom'),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('questionnaires').values(row).execute();
  return row;
}

export async function insertVersion(
  db: Queryable,
  v: { questionnaireId: string; definition: unknown; questionNames: string[]; createdBy: string | null },
): Promise<QuestionnaireVersion> {
  const last = await db
    .selectFrom('questionnaire_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('questionnaire_id', '=', v.questionnaireId)
    .executeTakeFirst();
  const json = JSON.stringify(v.definition);
  const now = nowIso();
  const row: QuestionnaireVersion = {
    id: newId(),
    questionnaire_id: v.questionnaireId,
    version: Number(last?.v ?? 0) + 1,
    definition: json,
    definition_hash: hashDefinition(json),
    question_names: JSON.stringify(v.questionNames),
    created_at: now,
    created_by: v.createdBy,
  };
  await db.insertInto('questionnaire_versions').values(row).execute();
  await db
    .updateTable('questionnaires')
    .set({ updated_at: now })
    .where('id', '=', v.questionnaireId)
    .execute();
  return row;
}

export const findQuestionnaire = (db: Queryable, id: string) =>
  db.selectFrom('questionnaires').selectAll().where('id', '=', id).executeTakeFirst();

export const findVersion = (db: Queryable, id: string) =>
  db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .selectAll('questionnaire_versions')
    .select(['questionnaires.caisse_id', 'questionnaires.level', 'questionnaires.title'])
    .where('questionnaire_versions.id', '=', id)
    .executeTakeFirst();

export const listVersions = (db: Queryable, questionnaireId: string) =>
  db
    .selectFrom('questionnaire_versions')
    .selectAll()
    .where('questionnaire_id', '=', questionnaireId)
    .orderBy('version', 'desc')
    .execute();

/** A caisse's own questionnaires and the standard library, each with its latest version. */
export const listQuestionnairesWithLatest = (db: Queryable, caisseId: string) =>
  db
    .selectFrom('questionnaires as q')
    .innerJoin('questionnaire_versions as v', 'v.questionnaire_id', 'q.id')
    .selectAll('q')
    .select(['v.id as latest_version_id', 'v.version as latest_version'])
    .where((eb) => eb.or([eb('q.caisse_id', '=', caisseId), eb('q.caisse_id', 'is', null)]))
    .where((eb) =>
      eb(
        'v.version',
        '=',
        eb
          .selectFrom('questionnaire_versions as v2')
          .select((e2) => e2.fn.max('v2.version').as('m'))
          .whereRef('v2.questionnaire_id', '=', 'q.id'),
      ),
    )
    .orderBy('q.caisse_id')
    .orderBy('q.title')
    .execute();

export const findByStandardKey = (db: Queryable, key: string) =>
  db.selectFrom('questionnaires').selectAll().where('standard_key', '=', key).executeTakeFirst();

export const latestVersion = (db: Queryable, questionnaireId: string) =>
  db
    .selectFrom('questionnaire_versions')
    .selectAll()
    .where('questionnaire_id', '=', questionnaireId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findAssembled = (db: Queryable, caisseId: string, level: string) =>
  db
    .selectFrom('questionnaires')
    .selectAll()
    .where('caisse_id', '=', caisseId)
    .where('origin', '=', 'assembled')
    .where('level', '=', level)
    .executeTakeFirst();
