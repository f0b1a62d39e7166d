// The indicators screen's pure logic: shares shown as percentages and stored as fractions, the
// declared objectives no selected indicator evidences, and the check of a typed value.
import type { Objective } from '../objectives/api.ts';
import type { ReferenceSheet, SelectionItem } from './api.ts';

/** An indicator of the selection as edited (the inputs' text). */
export interface Draft {
  objectives: string[];
  baseline: string;
  target: string;
  periodicity: string;
}

/** Values of this indicator are shares (0–1) shown and entered as percentages. */
export function isShare(sheet: Pick<ReferenceSheet, 'unit' | 'range' | 'kind'>): boolean {
  if (sheet.kind === 'proportion' || sheet.kind === 'distribution') return true;
  return sheet.unit.fr.trim().startsWith('%') && sheet.range?.min === 0 && sheet.range?.max === 1;
}

/** What the input shows for a stored value: a percentage for shares (0.25 → "25"). */
export function toInput(value: number | null, share: boolean): string {
  if (value === null || !Number.isFinite(value)) return '';
  const v = share ? value * 100 : value;
  return String(Math.round(v * 1e6) / 1e6);
}

/** What is stored for an input: shares as fractions ("25" → 0.25; "12,5" → 0.125). Null when empty, NaN when not a number. */
export function fromInput(text: string, share: boolean): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.').replace(/%$/, '');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return Number.NaN;
  return share ? Math.round((n / 100) * 1e9) / 1e9 : n;
}

/** Declared objectives that no selected indicator evidences (the ○ list). */
export function objectivesWithoutIndicator(
  objectives: readonly Pick<Objective, 'code'>[],
  selection: readonly Pick<SelectionItem, 'objectives'>[],
): string[] {
  const covered = new Set(selection.flatMap((s) => s.objectives));
  return objectives.map((o) => o.code).filter((code) => !covered.has(code));
}

/** Checks a draft value: the number to store, or the message to show. */
export function checkValue(
  text: string,
  share: boolean,
): { value: number | null } | { error: 'nan' | 'range' } {
  const value = fromInput(text, share);
  if (value !== null && Number.isNaN(value)) return { error: 'nan' };
  if (share && value !== null && (value < 0 || value > 1)) return { error: 'range' };
  return { value };
}

/** The drafts of a stored selection (shares as percentages). */
export function draftsFrom(library: ReferenceSheet[], selection: SelectionItem[]): Map<string, Draft> {
  const byId = new Map(library.map((s) => [s.id, s]));
  return new Map(
    selection.map((s) => {
      const share = byId.has(s.indicatorId) && isShare(byId.get(s.indicatorId)!);
      return [
        s.indicatorId,
        {
          objectives: s.objectives,
          baseline: toInput(s.baseline, share),
          target: toInput(s.target, share),
          periodicity: s.periodicity ?? '',
        },
      ];
    }),
  );
}
