// The anonymised research export across caisses: what a row may say about a person, and the
// coarsening that keeps every combination of quasi-identifiers shared by at least MIN_CELL people.
//
// Rows: one per current response to a participant-level questionnaire. Never written: participant
// code, link token, participant / response / client ids, submission time, free text (comment
// questions, text inputs other than number/range, multipletext items likewise, expressions, every
// `-Comment` text) and the raw answers behind the quasi-identifiers (sex, age, household size and
// type, cotisation amount). Each export draws a fresh random key: respondent and caisse ids are
// HMACs of the real ids under that key, the same within one export (a person's waves stay linked),
// unlinkable across exports; rows come in random order, so that position links nothing either.
//
// Quasi-identifiers: the caisse and wave (published), respondent_sex, age_band, household_type,
// household_size_band, cotisation_tier (bands from the answers, household from the participant
// record when the questionnaire does not ask it). Coarsening, per wave (each person once):
//  1. count people per full combination (first pass over the rows);
//  2. level 0 publishes every attribute; a combination shared by ≥ MIN_CELL people stays at level 0;
//     the others go on to level 1, which drops household_type, and are grouped by the attributes
//     left; groups of ≥ MIN_CELL are published at that level, the rest go on: level 2 drops
//     age_band, level 3 household_size_band, level 4 cotisation_tier, level 5 respondent_sex;
//     dropped attributes read `suppressed`. Every published group is a class of ≥ MIN_CELL rows
//     showing identical attributes;
//  3. if fewer than MIN_CELL people are left after level 5, the smallest published groups join
//     them at level 5 until they are MIN_CELL (complementary suppression);
//  4. a wave with fewer than MIN_CELL respondents in all is left out (caisse and period alone would
//     single them out). Rows whose combination appeared after the first pass are left out too.
// Known limit: each wave is protected on its own; linking a person's waves through the respondent
// id is not checked against combinations across waves.
import { createHmac, randomBytes } from 'node:crypto';
import { householdSizeBand, participantAttributes } from '../../indicators/index.ts';
import type { Cell } from './columns.ts';
import type { Json } from './survey-json.ts';

export const QUASI_IDENTIFIERS = [
  'respondent_sex',
  'age_band',
  'household_type',
  'household_size_band',
  'cotisation_tier',
] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];
type Values = (string | null)[];

/** Attributes dropped at each level, cumulatively (level 0 drops none). */
export const DROP_ORDER: readonly QuasiIdentifier[] = [
  'household_type',
  'age_band',
  'household_size_band',
  'cotisation_tier',
  'respondent_sex',
];
export const LAST_LEVEL = DROP_ORDER.length;
export const SUPPRESSED = 'suppressed';

const kept = (level: number): boolean[] =>
  QUASI_IDENTIFIERS.map((q) => !DROP_ORDER.slice(0, level).includes(q));
const KEPT = Array.from({ length: LAST_LEVEL + 1 }, (_, l) => kept(l));

export function parseJsonObject(text: string | null): Json {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
  } catch {
    return {};
  }
}

/** The respondent's quasi-identifier values, in QUASI_IDENTIFIERS order. */
export function quasiIdentifiers(answers: Json, participant: Json): Values {
  const a = participantAttributes(answers);
  const size = participant.householdSize;
  const type = participant.householdType;
  const values: Record<QuasiIdentifier, string | null> = {
    ...a,
    household_type: a.household_type ?? (typeof type === 'string' ? type : null),
    household_size_band:
      a.household_size_band ?? (typeof size === 'number' && size >= 1 ? householdSizeBand(size) : null),
  };
  return QUASI_IDENTIFIERS.map((k) => values[k]);
}

export const combinationKey = (values: Values): string => JSON.stringify(values);
const projection = (values: Values, level: number) =>
  JSON.stringify(values.map((v, i) => (KEPT[level]![i] ? v : SUPPRESSED)));

/** People per wave and full combination (first pass). */
export class CombinationCounts {
  readonly waves = new Map<string, Map<string, number>>();
  add(waveId: string, values: Values): void {
    let m = this.waves.get(waveId);
    if (!m) {
      m = new Map();
      this.waves.set(waveId, m);
    }
    const key = combinationKey(values);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
}

export interface CoarseningPlan {
  /** wave → combination key → level; a wave or combination absent here is left out. */
  levels: Map<string, Map<string, number>>;
  excludedWaves: number;
  excludedRows: number;
}

/** Steps 2–4 of the algorithm above, wave by wave. */
export function planCoarsening(counts: CombinationCounts, minCell: number): CoarseningPlan {
  const plan: CoarseningPlan = { levels: new Map(), excludedWaves: 0, excludedRows: 0 };
  for (const [waveId, combos] of counts.waves) {
    const total = [...combos.values()].reduce((s, n) => s + n, 0);
    if (total < minCell) {
      plan.excludedWaves += 1;
      plan.excludedRows += total;
      continue;
    }
    let pool = [...combos.entries()].map(([key, n]) => ({ key, n, values: JSON.parse(key) as Values }));
    const published: { level: number; keys: string[]; n: number }[] = [];
    for (let level = 0; level <= LAST_LEVEL && pool.length > 0; level++) {
      const groups = new Map<string, typeof pool>();
      for (const c of pool) {
        const p = projection(c.values, level);
        const g = groups.get(p);
        if (g) g.push(c);
        else groups.set(p, [c]);
      }
      pool = [];
      for (const members of groups.values()) {
        const n = members.reduce((s, c) => s + c.n, 0);
        if (n >= minCell) published.push({ level, keys: members.map((c) => c.key), n });
        else pool.push(...members);
      }
    }
    const levels = new Map<string, number>();
    let left = pool.reduce((s, c) => s + c.n, 0);
    if (left > 0) {
      // The whole wave has ≥ minCell people, so the published groups hold enough to complete them.
      for (const g of [...published].sort((a, b) => a.n - b.n)) {
        if (left >= minCell) break;
        g.level = LAST_LEVEL;
        left += g.n;
      }
      for (const c of pool) levels.set(c.key, LAST_LEVEL);
    }
    for (const g of published) for (const k of g.keys) levels.set(k, g.level);
    plan.levels.set(waveId, levels);
  }
  return plan;
}

/** The published attribute values at a level: dropped ones read `suppressed`. */
export const coarsened = (values: Values, level: number): Cell[] =>
  values.map((v, i) => (KEPT[level]![i] ? v : SUPPRESSED));

/** Pseudonyms for one export: HMAC of the real id under a key drawn for this export only. */
export function pseudonymiser(): (kind: 'respondent' | 'caisse', id: string) => string {
  const key = randomBytes(32);
  const cache = new Map<string, string>();
  const hmac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  return (kind, id) => {
    if (kind === 'caisse') {
      let c = cache.get(id);
      if (!c) {
        c = `c${hmac(`caisse:${id}`).slice(0, 10)}`;
        cache.set(id, c);
      }
      return c;
    }
    return hmac(`respondent:${id}`).slice(0, 16);
  };
}

export const RESEARCH_META_COLUMNS = [
  'respondent_id',
  'caisse_id',
  'territory_type',
  'target_public',
  'region',
  'stage',
  'wave_period',
  ...QUASI_IDENTIFIERS,
] as const;

/** The algorithm above, for the API documentation and the JSON export. */
export const COARSENING_METHOD = {
  fr:
    'Une ligne par réponse en vigueur à un questionnaire participant. Ni code, ni jeton, ni identifiant ' +
    'réel, ni texte libre. Identifiants de répondant et de caisse tirés au hasard à chaque export ' +
    '(HMAC sous une clé jetée ensuite), lignes dans un ordre aléatoire. Quasi-identifiants : caisse et ' +
    'vague, sexe, tranche d’âge, type de foyer, taille du foyer en tranches, palier de cotisation. Par ' +
    'vague, une combinaison partagée par moins de MIN_CELL personnes est regroupée en retirant, dans ' +
    'l’ordre, le type de foyer, la tranche d’âge, la taille du foyer, le palier de cotisation, puis le ' +
    'sexe (valeur « suppressed ») ; un reste de moins de MIN_CELL personnes est complété par les plus ' +
    'petits groupes, tout retiré ; une vague de moins de MIN_CELL répondants est exclue.',
  en:
    'One row per current response to a participant questionnaire. No code, token, real id or free ' +
    'text. Respondent and caisse ids drawn afresh for each export (HMAC under a key then discarded), ' +
    'rows in random order. Quasi-identifiers: caisse and wave, sex, age band, household type, household ' +
    'size band, cotisation tier. Per wave, a combination shared by fewer than MIN_CELL people is ' +
    'grouped by dropping, in turn, household type, age band, household size band, cotisation tier, ' +
    'then sex (value "suppressed"); a remainder of fewer than MIN_CELL people is completed with the ' +
    'smallest groups, everything dropped; a wave with fewer than MIN_CELL respondents is left out.',
};
