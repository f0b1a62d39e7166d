// What each export contains, decided and audited before a byte is sent: access, the wave, the
// columns, the Excel row limit, then the audit entry, then the first rows read. After that only the
// database or the client can interrupt a download.
import type { Readable } from 'node:stream';
import { type Actor, requireCaisse, requireResearch } from '../auth/index.ts';
import { audit } from '../audit/index.ts';
import { canForceTableScan } from '../db/dialect-sql.ts';
import { streamRows } from '../db/read-snapshot.ts';
import { notFound, unprocessable } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { CODEBOOK_CSV_HEADER, type CodebookEntry, codebookCsvRow, codebookEntries } from './codebook.ts';
import {
  type Cell,
  dynamicPanels,
  flattenDefinition,
  type QuestionColumn,
  RESPONSE_META_COLUMNS,
  scalar,
} from './columns.ts';
import {
  caisseProfiles,
  caisseWaveVersions,
  countAllResponses,
  countCurrent,
  type ExportRow,
  findCaisseSlug,
  panelCounts,
  participantWaveVersions,
  researchQuery,
  type ResearchRow,
  type WaveVersion,
  waveResponsesQuery,
  waveVersion,
} from './exports.repository.ts';
import { csvLine, csvStream } from './csv.ts';
import { jsonStream } from './json-stream.ts';
import {
  COARSENING_METHOD,
  CombinationCounts,
  coarsened,
  combinationKey,
  DROP_ORDER,
  parseJsonObject,
  planCoarsening,
  pseudonymiser,
  QUASI_IDENTIFIERS,
  quasiIdentifiers,
  RESEARCH_META_COLUMNS,
} from './research.ts';
import { noRows, primed } from './source.ts';
import type { Json } from './survey-json.ts';
import { XLSX_MAX_ROWS, xlsxStream } from './xlsx.ts';

/** File names keep to letters, digits and `-_.`. */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';

export interface Download {
  filename: string;
  header: string[];
  /** Batches of rows. */
  rows: AsyncIterableIterator<Cell[][]>;
}

/** A caisse's wave, for a coordinator (or an admin) of that caisse; 404 for a wave of another caisse. */
async function caisseWave(deps: Deps, actor: Actor, caisseId: string, waveId: string | undefined) {
  requireCaisse(actor, caisseId, 'coordinator');
  const caisse = await findCaisseSlug(deps.db, caisseId);
  if (!caisse) throw notFound('Caisse');
  if (waveId === undefined) return { caisse, wave: null };
  const wave = await waveVersion(deps.db, waveId);
  if (!wave || wave.caisse_id !== caisseId) throw notFound('Vague');
  return { caisse, wave };
}

/** The question columns of the versions used by these waves (wave order), with the waves of each. */
async function versionColumns(
  deps: Deps,
  waves: WaveVersion[],
  research: boolean,
  reserved: readonly string[],
) {
  const byVersion = new Map<string, { waves: WaveVersion[]; definition: Json }>();
  for (const w of waves) {
    const v = byVersion.get(w.version_id);
    if (v) v.waves.push(w);
    else byVersion.set(w.version_id, { waves: [w], definition: parseJsonObject(w.definition) });
  }
  const out: { waves: WaveVersion[]; columns: QuestionColumn[] }[] = [];
  for (const v of byVersion.values()) {
    const counts = await panelCounts(
      deps.db,
      v.waves.map((w) => w.wave_id),
      dynamicPanels(v.definition),
    );
    out.push({
      waves: v.waves,
      columns: flattenDefinition(v.definition, { panelCounts: counts, research }, reserved),
    });
  }
  return out;
}

const META_NAMES = RESPONSE_META_COLUMNS.map((c) => c.name);

export async function responsesExport(
  deps: Deps,
  actor: Actor,
  input: { caisseId: string; waveId: string; format: 'csv' | 'xlsx' },
): Promise<Download> {
  const { caisse, wave } = await caisseWave(deps, actor, input.caisseId, input.waveId);
  const w = wave!;
  const { columns } = (await versionColumns(deps, [w], false, META_NAMES))[0]!;
  const n = await countCurrent(deps.db, w.wave_id);
  if (input.format === 'xlsx' && n + 1 > XLSX_MAX_ROWS) {
    throw unprocessable(
      'TOO_MANY_ROWS_FOR_XLSX',
      `${n} réponses : au-delà de ce qu’Excel peut ouvrir (${XLSX_MAX_ROWS - 1} lignes). Utilisez l’export CSV.`,
    );
  }
  // SQLite: a wave holding a quarter of all responses or more is read in one pass over the table.
  const scan = canForceTableScan(deps.db) && n > 10_000 && n * 4 >= (await countAllResponses(deps.db));
  await audit(deps.db.kysely, actor, {
    caisseId: input.caisseId,
    action: 'export.responses',
    targetType: 'wave',
    targetId: w.wave_id,
  });
  const toCells = (r: ExportRow): Cell[] => {
    const data = parseJsonObject(r.data);
    const attrs = parseJsonObject(r.attributes);
    const cells: Cell[] = [
      r.id,
      r.code,
      scalar(attrs.cotisationTier),
      scalar(attrs.householdSize),
      scalar(attrs.householdType),
      w.period,
      w.version,
      r.submitted_at,
      r.collection_mode,
    ];
    for (const c of columns) cells.push(c.read(data));
    return cells;
  };
  return {
    filename: `recolte-${fileSafe(caisse.slug)}-${fileSafe(w.period)}.${input.format}`,
    header: [...META_NAMES, ...columns.map((c) => c.name)],
    rows: await primed(streamRows(deps.db, waveResponsesQuery(deps.db, w.wave_id, scan)), toCells),
  };
}

export async function codebook(
  deps: Deps,
  actor: Actor,
  input: { caisseId: string; waveId: string | undefined },
): Promise<{
  filename: string;
  waves: { id: string; period: string; questionnaireVersion: number }[];
  entries: CodebookEntry[];
}> {
  const { caisse, wave } = await caisseWave(deps, actor, input.caisseId, input.waveId);
  const waves = wave ? [wave] : await caisseWaveVersions(deps.db, input.caisseId);
  const versions = await versionColumns(deps, waves, false, META_NAMES);
  const entries = codebookEntries(
    RESPONSE_META_COLUMNS,
    versions.flatMap((v) => v.waves.map((w) => ({ period: w.period, columns: v.columns }))),
  );
  await audit(deps.db.kysely, actor, {
    caisseId: input.caisseId,
    action: 'export.codebook',
    targetType: wave ? 'wave' : 'caisse',
    targetId: wave ? wave.wave_id : input.caisseId,
  });
  return {
    filename: `recolte-${fileSafe(caisse.slug)}-codebook${wave ? `-${fileSafe(wave.period)}` : ''}`,
    waves: waves.map((w) => ({ id: w.wave_id, period: w.period, questionnaireVersion: w.version })),
    entries,
  };
}

export interface ResearchDownload extends Download {
  minCell: number;
  excluded: { waves: number; rows: number };
}

/** Two passes over the rows: count the combinations, then write the coarsened rows (research.ts). */
export async function researchExport(
  deps: Deps,
  actor: Actor,
  format: 'csv' | 'json',
): Promise<ResearchDownload> {
  requireResearch(actor);
  const { db, config } = deps;
  const waves = await participantWaveVersions(db);
  const waveIds = waves.map((w) => w.wave_id);
  const periods = new Map(waves.map((w) => [w.wave_id, w.period]));
  const profiles = new Map((await caisseProfiles(db)).map((c) => [c.id, c]));

  // Question columns: every participant-level version in use, first description of a name wins.
  const reserved: string[] = [...RESEARCH_META_COLUMNS];
  const columns: QuestionColumn[] = [];
  for (const v of await versionColumns(deps, waves, true, reserved)) {
    for (const c of v.columns) {
      if (reserved.includes(c.name)) continue;
      reserved.push(c.name);
      columns.push(c);
    }
  }

  const counts = new CombinationCounts();
  if (waveIds.length > 0) {
    for await (const batch of streamRows(db, researchQuery(db, waveIds, false))) {
      for (const r of batch) {
        counts.add(r.wave_id, quasiIdentifiers(parseJsonObject(r.data), parseJsonObject(r.attributes)));
      }
    }
  }
  const plan = planCoarsening(counts, config.minCell);
  await audit(db.kysely, actor, {
    caisseId: null,
    action: 'export.research',
    targetType: 'research',
    targetId: null,
  });

  const pseudonym = pseudonymiser();
  const publishedWaves = [...plan.levels.keys()];
  const toCells = (r: ResearchRow): Cell[] | null => {
    const data = parseJsonObject(r.data);
    const values = quasiIdentifiers(data, parseJsonObject(r.attributes));
    const level = plan.levels.get(r.wave_id)?.get(combinationKey(values));
    if (level === undefined) return null;
    const p = profiles.get(r.caisse_id);
    const cells: Cell[] = [
      pseudonym('respondent', r.participant_id),
      pseudonym('caisse', r.caisse_id),
      p?.territory_type ?? null,
      p?.target_public ?? null,
      p?.region ?? null,
      p?.stage ?? null,
      periods.get(r.wave_id) ?? null,
      ...coarsened(values, level),
    ];
    for (const c of columns) cells.push(c.read(data));
    return cells;
  };
  const source =
    publishedWaves.length === 0
      ? noRows<ResearchRow>()
      : streamRows(db, researchQuery(db, publishedWaves, true));
  return {
    filename: `recolte-research-${new Date().toISOString().slice(0, 10)}.${format}`,
    header: [...RESEARCH_META_COLUMNS, ...columns.map((c) => c.name)],
    rows: await primed(source, toCells),
    minCell: config.minCell,
    excluded: { waves: plan.excludedWaves, rows: plan.excludedRows },
  };
}

// The files as they are sent: the routes only add the HTTP headers.

export interface CsvChoice {
  bom: boolean;
  delimiter: ',' | ';';
}

export interface ExportFile {
  format: 'csv' | 'xlsx' | 'json';
  filename: string;
  /** A stream (rows read as it is consumed) or the whole text. */
  body: Readable | string;
}

export async function responsesFile(
  deps: Deps,
  actor: Actor,
  input: { caisseId: string; waveId: string; format: 'csv' | 'xlsx'; csv: CsvChoice },
): Promise<ExportFile> {
  const d = await responsesExport(deps, actor, input);
  const body =
    input.format === 'csv'
      ? csvStream(d.header, d.rows, input.csv)
      : await xlsxStream('responses', d.header, d.rows);
  return { format: input.format, filename: d.filename, body };
}

export async function codebookDocument(
  deps: Deps,
  actor: Actor,
  input: { caisseId: string; waveId: string | undefined },
) {
  const cb = await codebook(deps, actor, input);
  return {
    generatedAt: new Date().toISOString(),
    caisseId: input.caisseId,
    waves: cb.waves,
    columns: cb.entries,
  };
}

export async function codebookCsvFile(
  deps: Deps,
  actor: Actor,
  input: { caisseId: string; waveId: string | undefined; csv: CsvChoice },
): Promise<ExportFile> {
  const cb = await codebook(deps, actor, input);
  const lines = [[...CODEBOOK_CSV_HEADER], ...cb.entries.map(codebookCsvRow)];
  const text = `${input.csv.bom ? '\uFEFF' : ''}${lines.map((l) => csvLine(l, input.csv.delimiter)).join('')}`;
  return { format: 'csv', filename: `${cb.filename}.csv`, body: text };
}

export async function researchFile(
  deps: Deps,
  actor: Actor,
  format: 'csv' | 'json',
  csv: CsvChoice,
): Promise<ExportFile> {
  const d = await researchExport(deps, actor, format);
  if (format === 'csv') return { format, filename: d.filename, body: csvStream(d.header, d.rows, csv) };
  const head = {
    generatedAt: new Date().toISOString(),
    minCell: d.minCell,
    quasiIdentifiers: [...QUASI_IDENTIFIERS],
    dropOrder: [...DROP_ORDER],
    method: COARSENING_METHOD,
    excluded: d.excluded,
    columns: d.header,
  };
  return { format, filename: d.filename, body: jsonStream(head, 'rows', d.rows) };
}
