// A response's indicator measures and disaggregation attributes, computed once when it is stored.
import { householdSizeBand } from '../../indicators/catalogue/readers.ts';
import { type Measure, measureAll, participantAttributes } from '../../indicators/index.ts';
import { encodeMeasures, LAYOUT } from './measure-codec.ts';
import type { Attributes } from '../participants/participants.schema.ts';

/** Measures keyed by indicator id (absent: not measurable in this version) and the respondent's attributes. */
export function computeMeasures(
  answers: Record<string, unknown>,
  questionNames: ReadonlySet<string>,
  participantAttrs: Attributes | null,
): { measures: Map<string, Measure | null>; attributes: Record<string, string | null> } {
  const measures = measureAll(answers, questionNames);
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

/** The stored form: the layout id and the encoded vector. */
export function storedMeasures(
  answers: Record<string, unknown>,
  questionNames: ReadonlySet<string>,
  participantAttrs: Attributes | null,
): { layout: string; measures: Buffer } {
  const m = computeMeasures(answers, questionNames, participantAttrs);
  return { layout: LAYOUT.id, measures: encodeMeasures(m.measures, m.attributes) };
}
