// Questionnaires of a caisse: each write and its audit entry in one transaction; reads authorized
// against the questionnaire's caisse (or the standard library) once it is loaded.
import { audit } from '../audit/index.ts';
import { type Actor, requireAdmin, requireCaisse, requireUser, type UserActor } from '../auth/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import type { Questionnaire, QuestionnaireVersion } from '../db/schema.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { assembleQuestionnaires } from './assembly.ts';
import { type PaperLang, paperLayout, renderPaperPdf } from './paper/index.ts';
import {
  findQuestionnaire,
  findVersion,
  listQuestionnairesWithLatest,
  listVersions,
} from './questionnaires.repository.ts';
import type { Level, QuestionnaireCreate } from './questionnaires.schema.ts';
import { addVersion, createQuestionnaire } from './versions.ts';

// The in-transaction building blocks, still read here by the benchmarks.
export { addVersion, checkedDefinition, createQuestionnaire } from './versions.ts';

const created = (q: Questionnaire, v: QuestionnaireVersion) => ({
  id: q.id,
  versionId: v.id,
  version: v.version,
  title: q.title,
  level: q.level as Level,
  caisseId: q.caisse_id,
});

function toQuestionnaireDto(q: Questionnaire, latest: { id: string; version: number }) {
  return {
    id: q.id,
    caisseId: q.caisse_id,
    standardKey: q.standard_key,
    origin: q.origin as 'standard' | 'assembled' | 'custom',
    title: q.title,
    level: q.level as Level,
    latestVersionId: latest.id,
    latestVersion: latest.version,
    createdAt: q.created_at,
    updatedAt: q.updated_at,
  };
}

/** Standard questionnaires are readable by all staff; a caisse's by its members; writes need more. */
function authorizeQuestionnaire(actor: Actor, caisseId: string | null, write: boolean) {
  if (caisseId === null) return write ? requireAdmin(actor) : requireUser(actor);
  return requireCaisse(actor, caisseId, write ? 'coordinator' : 'member');
}

export async function createCaisseQuestionnaire(
  db: Db,
  actor: UserActor,
  caisseId: string,
  input: QuestionnaireCreate,
) {
  const result = await db.kysely.transaction().execute(async (trx) => {
    if (!(await findCaisse(trx, caisseId))) throw notFound('Caisse');
    const r = await createQuestionnaire(trx, { caisseId, ...input }, actor.user.id);
    await audit(trx, actor, {
      caisseId,
      action: 'questionnaire.create',
      targetType: 'questionnaire',
      targetId: r.questionnaire.id,
    });
    return r;
  });
  return created(result.questionnaire, result.version);
}

export function assembleForCaisse(db: Db, actor: UserActor, caisseId: string) {
  return db.kysely.transaction().execute(async (trx) => {
    if (!(await findCaisse(trx, caisseId))) throw notFound('Caisse');
    const r = await assembleQuestionnaires(trx, caisseId, actor.user.id);
    if (!r.participant && !r.caisse) {
      throw badRequest(
        'EMPTY_SELECTION',
        'Aucun indicateur sélectionné : choisissez des indicateurs avant d’assembler',
      );
    }
    await audit(trx, actor, {
      caisseId,
      action: 'questionnaire.assemble',
      targetType: 'caisse',
      targetId: caisseId,
    });
    return r;
  });
}

export async function listCaisseQuestionnaires(db: Db, caisseId: string) {
  const rows = await listQuestionnairesWithLatest(db.kysely, caisseId);
  return rows.map((q) => toQuestionnaireDto(q, { id: q.latest_version_id, version: q.latest_version }));
}

export async function getQuestionnaireDetail(db: Db, actor: Actor, questionnaireId: string) {
  const q = await findQuestionnaire(db.kysely, questionnaireId);
  if (!q) throw notFound('Questionnaire');
  authorizeQuestionnaire(actor, q.caisse_id, false);
  const versions = await listVersions(db.kysely, q.id);
  const latest = versions[0]!;
  return {
    ...toQuestionnaireDto(q, latest),
    definition: JSON.parse(latest.definition) as Record<string, unknown>,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: v.created_at,
      questionNames: JSON.parse(v.question_names) as string[],
    })),
  };
}

export async function createVersion(db: Db, actor: Actor, questionnaireId: string, definition: unknown) {
  const q = await findQuestionnaire(db.kysely, questionnaireId);
  if (!q) throw notFound('Questionnaire');
  const writer = authorizeQuestionnaire(actor, q.caisse_id, true);
  const v = await db.kysely.transaction().execute(async (trx) => {
    const version = await addVersion(trx, q.id, definition, writer.user.id);
    await audit(trx, writer, {
      caisseId: q.caisse_id,
      action: 'questionnaire.version',
      targetType: 'questionnaire_version',
      targetId: version.id,
    });
    return version;
  });
  return created(q, v);
}

export async function getVersionDetail(db: Db, actor: Actor, versionId: string) {
  const v = await findVersion(db.kysely, versionId);
  if (!v) throw notFound('Version');
  authorizeQuestionnaire(actor, v.caisse_id, false);
  return {
    id: v.id,
    questionnaireId: v.questionnaire_id,
    version: v.version,
    title: v.title,
    level: v.level as Level,
    createdAt: v.created_at,
    questionNames: JSON.parse(v.question_names) as string[],
    definition: JSON.parse(v.definition) as Record<string, unknown>,
  };
}

/** The printable paper questionnaire of a version (anyone who may read the version). */
export async function getVersionPaperPdf(db: Db, actor: Actor, versionId: string, lang: PaperLang) {
  const v = await findVersion(db.kysely, versionId);
  if (!v) throw notFound('Version');
  authorizeQuestionnaire(actor, v.caisse_id, false);
  const definition = JSON.parse(v.definition) as Record<string, unknown>;
  const layout = paperLayout({ ...definition, title: definition.title ?? v.title }, lang);
  const pdf = await renderPaperPdf(layout, lang);
  const slug =
    v.title
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'questionnaire';
  return { pdf, filename: `${slug}-v${v.version}-${lang}.pdf` };
}
