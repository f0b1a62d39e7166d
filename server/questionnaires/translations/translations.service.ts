// Translations of a questionnaire as a spreadsheet: the download of a version's strings, and the
// upload that makes a new version with them (checked whole first, so nothing is half-applied).
import { type Actor, requireAdmin, requireCaisse, requireUser } from '../../auth/index.ts';
import type { Db } from '../../db/connect.ts';
import { badRequest, notFound, unprocessable } from '../../http/errors.ts';
import { findQuestionnaire, findVersion, latestVersion } from '../questionnaires.repository.ts';
import { createVersion } from '../questionnaires.service.ts';
import { applySheet, definitionToTable } from './strings.ts';
import { tableToXlsx, xlsxToSheet } from './xlsx.ts';

/** As for the questionnaire itself: staff read the standard library, only admins change it. */
function authorize(actor: Actor, caisseId: string | null, write: boolean) {
  if (caisseId === null) return write ? requireAdmin(actor) : requireUser(actor);
  return requireCaisse(actor, caisseId, write ? 'coordinator' : 'member');
}

const slug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'questionnaire';

export async function getVersionTranslations(db: Db, actor: Actor, versionId: string) {
  const v = await findVersion(db.kysely, versionId);
  if (!v) throw notFound('Version');
  authorize(actor, v.caisse_id, false);
  const table = definitionToTable(JSON.parse(v.definition) as Record<string, unknown>);
  return { xlsx: await tableToXlsx(table), filename: `${slug(v.title)}-v${v.version}-traductions.xlsx` };
}

export async function importTranslations(db: Db, actor: Actor, questionnaireId: string, bytes: Buffer) {
  const q = await findQuestionnaire(db.kysely, questionnaireId);
  if (!q) throw notFound('Questionnaire');
  authorize(actor, q.caisse_id, true);
  const sheet = await xlsxToSheet(bytes);
  if (!sheet) throw badRequest('INVALID_XLSX', 'Le fichier n’est pas un classeur Excel (.xlsx) lisible');
  const latest = await latestVersion(db.kysely, q.id);
  if (!latest) throw notFound('Version');
  const result = applySheet(JSON.parse(latest.definition) as Record<string, unknown>, sheet);
  if (!result.ok) {
    throw unprocessable(
      'INVALID_TRANSLATIONS',
      `Traductions refusées : ${result.errors.length} erreur(s), aucune version créée`,
      { errors: result.errors },
    );
  }
  const created = await createVersion(db, actor, q.id, result.definition);
  return { ...created, locales: result.locales };
}
