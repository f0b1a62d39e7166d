// The codebook: every column of the responses export with its question text (fr/en), type, codes
// and labels, the indicators that read it, and the waves whose questionnaire has it.
import { indicators } from '../../indicators/index.ts';
import type { ColumnInfo } from './columns.ts';
import type { Code, Localized } from './survey-json.ts';

export interface CodebookEntry {
  column: string;
  question: string | null;
  type: string;
  text: Localized;
  choices: { code: Code; label: Localized }[];
  indicators: string[];
  waves: string[];
}

const readers = new Map<string, string[]>();
for (const def of indicators) {
  for (const q of def.questions) readers.set(q, [...(readers.get(q) ?? []), def.id]);
}
/** Ids of the indicators that read a question. */
export const indicatorsReading = (question: string | null): string[] =>
  question === null ? [] : [...(readers.get(question) ?? [])];

/**
 * Entries for the metadata columns, then each version's columns in wave order; a column name seen
 * in an earlier version keeps that version's description and gains the later wave.
 */
export function codebookEntries(
  meta: readonly ColumnInfo[],
  versions: readonly { period: string; columns: readonly ColumnInfo[] }[],
): CodebookEntry[] {
  const periods = [...new Set(versions.map((v) => v.period))];
  const byName = new Map<string, CodebookEntry>();
  const add = (c: ColumnInfo, waves: string[]) =>
    byName.set(c.name, {
      column: c.name,
      question: c.question,
      type: c.type,
      text: c.text,
      choices: c.choices,
      indicators: indicatorsReading(c.question),
      waves,
    });
  for (const c of meta) add(c, [...periods]);
  for (const v of versions) {
    for (const c of v.columns) {
      const known = byName.get(c.name);
      if (!known) add(c, [v.period]);
      else if (!known.waves.includes(v.period)) known.waves.push(v.period);
    }
  }
  return [...byName.values()];
}

export const CODEBOOK_CSV_HEADER = [
  'column',
  'question',
  'type',
  'text_fr',
  'text_en',
  'choice_codes',
  'choice_labels_fr',
  'choice_labels_en',
  'indicators',
  'waves',
] as const;

/** One CSV line per entry; lists joined with " | ". */
export function codebookCsvRow(e: CodebookEntry): string[] {
  const join = (xs: readonly (string | number)[]) => xs.join(' | ');
  return [
    e.column,
    e.question ?? '',
    e.type,
    e.text.fr,
    e.text.en,
    join(e.choices.map((c) => c.code)),
    join(e.choices.map((c) => c.label.fr)),
    join(e.choices.map((c) => c.label.en)),
    join(e.indicators),
    join(e.waves),
  ];
}
