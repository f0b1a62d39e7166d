// Stored measures as a fixed-layout vector of doubles: one slot per indicator of the catalogue (two
// for a ratio) followed by the respondent's disaggregation attributes. Results then read ~300 bytes
// per response and decode them without parsing, which is what keeps the engine below the cost of
// reading the answers once. Sentinels: -Infinity = not measurable in the version, NaN = missing.
import { indicators } from './catalogue/index.ts';
import { type Measure, measureAll, participantAttributes } from './measure.ts';
import type { Answers } from './instruments/index.ts';
import type { IndicatorDefinition } from './schema.ts';
import { householdSizeBand } from './catalogue/readers.ts';
import {
  AGE_BANDS,
  COLLECTION_MODES,
  type CollectionMode,
  COTISATION_TIERS,
  HOUSEHOLD_SIZE_BANDS,
  HOUSEHOLD_TYPES,
  RESPONDENT_SEXES,
} from './taxonomy.ts';

export const ATTRIBUTE_CODES = {
  cotisation_tier: COTISATION_TIERS,
  household_type: HOUSEHOLD_TYPES,
  household_size_band: HOUSEHOLD_SIZE_BANDS,
  respondent_sex: RESPONDENT_SEXES,
  age_band: AGE_BANDS,
  collection_mode: COLLECTION_MODES,
} as const satisfies Record<string, readonly string[]>;
export type AttributeKey = keyof typeof ATTRIBUTE_CODES;
export const ATTRIBUTE_KEYS = Object.keys(ATTRIBUTE_CODES) as AttributeKey[];

export const NOT_MEASURABLE = Number.NEGATIVE_INFINITY;

export interface Layout {
  /** Changes whenever the catalogue's indicators, kinds or categories change. */
  id: string;
  slot: ReadonlyMap<string, number>;
  attributeSlot: Readonly<Record<AttributeKey, number>>;
  size: number;
}

/** FNV-1a, 64 bits, as 16 hex digits: a layout fingerprint (not a security hash), with no I/O or Node API. */
function fnv1a64(text: string): string {
  const prime = 0x100000001b3n;
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * prime) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

function buildLayout(defs: readonly IndicatorDefinition[]): Layout {
  const slot = new Map<string, number>();
  let at = 0;
  for (const d of defs) {
    slot.set(d.id, at);
    at += d.kind === 'ratio' ? 2 : 1;
  }
  const attributeSlot = Object.fromEntries(ATTRIBUTE_KEYS.map((k, i) => [k, at + i])) as Record<
    AttributeKey,
    number
  >;
  const signature = defs
    .map((d) => `${d.id}:${d.kind}:${(d.categories ?? []).map((c) => c.code).join(',')}`)
    .join('|');
  return {
    id: fnv1a64(`${signature}|${ATTRIBUTE_KEYS.join(',')}`),
    slot,
    attributeSlot,
    size: at + ATTRIBUTE_KEYS.length,
  };
}

export const LAYOUT = buildLayout(indicators);

const codesOf = (d: IndicatorDefinition) => (d.categories ?? []).map((c) => c.code);

export function encodeMeasures(
  measures: ReadonlyMap<string, Measure | null>,
  attributes: Readonly<Record<string, string | null>>,
): Uint8Array {
  const a = new Float64Array(LAYOUT.size).fill(NOT_MEASURABLE);
  for (const d of indicators) {
    if (!measures.has(d.id)) continue;
    const s = LAYOUT.slot.get(d.id)!;
    const m = measures.get(d.id) ?? null;
    if (m === null) {
      a[s] = Number.NaN;
      if (d.kind === 'ratio') a[s + 1] = Number.NaN;
      continue;
    }
    switch (d.kind) {
      case 'proportion':
        a[s] = m === true ? 1 : 0;
        break;
      case 'mean':
        a[s] = m as number;
        break;
      case 'distribution': {
        const i = codesOf(d).indexOf(m as string);
        a[s] = i < 0 ? Number.NaN : i;
        break;
      }
      case 'ratio': {
        const r = m as { num: number; den: number };
        a[s] = r.num;
        a[s + 1] = r.den;
        break;
      }
    }
  }
  for (const k of ATTRIBUTE_KEYS) {
    const v = attributes[k];
    const i = v == null ? -1 : (ATTRIBUTE_CODES[k] as readonly string[]).indexOf(v);
    a[LAYOUT.attributeSlot[k]] = i < 0 ? Number.NaN : i;
  }
  return new Uint8Array(a.buffer);
}

/** A view on the stored bytes (copied only when the driver's buffer is not 8-byte aligned). */
export function decodeMeasures(buf: Uint8Array): Float64Array {
  if (buf.byteOffset % 8 === 0) return new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
  return new Float64Array(buf.slice().buffer);
}

/** The measure in slot form back to the engine's type (null: missing). */
export function measureAt(d: IndicatorDefinition, a: Float64Array, s: number): Measure | null {
  const v = a[s]!;
  if (Number.isNaN(v)) return null;
  switch (d.kind) {
    case 'proportion':
      return v === 1;
    case 'mean':
      return v;
    case 'distribution':
      return d.categories![v]!.code;
    case 'ratio':
      return { num: v, den: a[s + 1]! };
  }
}

/** The code of an attribute in slot form, or null. */
export function attributeAt(a: Float64Array, k: AttributeKey): string | null {
  const v = a[LAYOUT.attributeSlot[k]]!;
  return Number.isNaN(v) ? null : (ATTRIBUTE_CODES[k][v] ?? null);
}

/** What the participant's record says of the household, for follow-ups that do not ask it again. */
export interface ParticipantRecord {
  householdType?: string | null;
  householdSize?: number | null;
}

/** Measures keyed by indicator id (absent: not measurable in this version) and the respondent's attributes. */
export function computeMeasures(
  answers: Answers,
  questionNames: ReadonlySet<string>,
  participant: ParticipantRecord | null,
  collectionMode: CollectionMode | null,
): { measures: Map<string, Measure | null>; attributes: Record<string, string | null> } {
  const measures = measureAll(answers, questionNames);
  const attributes: Record<string, string | null> = {
    ...participantAttributes(answers),
    collection_mode: collectionMode,
  };
  // Follow-up questionnaires do not ask the household again: fall back on the participant's record.
  if (participant) {
    attributes.household_type ??= participant.householdType ?? null;
    if (attributes.household_size_band === null && participant.householdSize != null) {
      attributes.household_size_band = householdSizeBand(participant.householdSize);
    }
  }
  return { measures, attributes };
}

/** A response as it is stored: the layout id and its measure vector (bytes of a Float64Array). */
export function storedMeasures(
  answers: Answers,
  questionNames: ReadonlySet<string>,
  participant: ParticipantRecord | null,
  collectionMode: CollectionMode | null,
): { layout: string; measures: Uint8Array } {
  const m = computeMeasures(answers, questionNames, participant, collectionMode);
  return { layout: LAYOUT.id, measures: encodeMeasures(m.measures, m.attributes) };
}
