// A response's indicator measures and disaggregation attributes, computed once when it is stored.
import { householdSizeBand } from '../../indicators/catalogue/readers.ts';
import { type Measure, measureAll, participantAttributes } from '../../indicators/index.ts';
import type { Attributes } from '../participants/participants.schema.ts';

/** JSON form of a measure: booleans, numbers and codes as they are, a ratio as [num, den]. */
export type StoredMeasure = boolean | number | string | [number, number] | null;

export function toStored(m: Measure | null): StoredMeasure {
  if (m === null || typeof m !== 'object') return m;
  return [m.num, m.den];
}

export function fromStored(m: StoredMeasure | undefined): Measure | null {
  if (m === undefined || m === null) return null;
  if (Array.isArray(m)) return { num: m[0], den: m[1] };
  return m;
}

/** Measures keyed by indicator id (absent: not measurable in this version) and the respondent's attributes. */
export function computeMeasures(
  answers: Record<string, unknown>,
  questionNames: ReadonlySet<string>,
  participantAttrs: Attributes | null,
): { measures: Record<string, StoredMeasure>; attributes: Record<string, string | null> } {
  const measures: Record<string, StoredMeasure> = {};
  for (const [id, m] of measureAll(answers, questionNames)) measures[id] = toStored(m);
  const attributes: Record<string, string | null> = participantAttributes(answers);
  // Follow-up questionnaires do not ask the household again: fall back on the participant's record.
  if (participantAttrs) {
    attributes.household_type ??= participantAttrs.householdType ?? null;
    if (attributes.household_size_band === null && participantAttrs.householdSize !== undefined) {
      attributes.household_size_band = householdSizeBand(participantAttrs.householdSize);
    }
  }
  return { measures, attributes };
}
