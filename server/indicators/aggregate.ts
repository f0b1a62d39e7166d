// The engine's hot loop: one pass over the stored measure vectors of a wave (and its comparison
// wave) accumulating, per indicator, the sufficient statistics, the breakdowns by attribute and the
// moments of paired differences, all in flat Float64Arrays; the engine's types are built at the end.
import type { IndicatorDefinition, Moments, SufficientStats } from '../../indicators/index.ts';
import { ATTRIBUTE_CODES, type AttributeKey, LAYOUT, NOT_MEASURABLE } from './measure-codec.ts';

/**
 * Rows of one wave: the participant (null for caisse-level forms) and the measure vector. The vector
 * is only valid during the call: sources may hand the same array over again, refilled, for each row.
 */
export type RowSource = (visit: (participantId: string | null, v: Float64Array) => void) => Promise<void>;

export interface Aggregated {
  stats: SufficientStats;
  baseline: SufficientStats | null;
  paired: { paired: Moments | null; pairedByCategory: Record<string, Moments> | null } | null;
  groups: Map<string, Map<string, SufficientStats>>;
}

const PROP_MEAN = 0;
const DIST = 1;
const RATIO = 2;

interface Plan {
  def: IndicatorDefinition;
  slot: number;
  kind: number;
  /** Block: [total, n, …] then sum, sumSq (proportion, mean) / one count per category / num, den (ratio). */
  size: number;
  stats: Float64Array;
  baseline: Float64Array;
  keys: { key: AttributeKey; slot: number; blocks: Float64Array }[];
  headline: Uint8Array | null;
  /** Column of this indicator in the kept baseline rows (-1: ratios have no paired change). */
  pairColumn: number;
  /** Paired: [pairs, sum, sumSq] then per category [sum, sumSq]. */
  paired: Float64Array;
}

function add(a: Float64Array, off: number, kind: number, x: number, y: number): void {
  a[off]! += 1;
  if (x !== x) return; // NaN: missing
  a[off + 1]! += 1;
  if (kind === DIST) a[off + 2 + x]! += 1;
  else if (kind === RATIO) {
    a[off + 2]! += x;
    a[off + 3]! += y;
  } else {
    a[off + 2]! += x;
    a[off + 3]! += x * x;
  }
}

/**
 * The baseline wave's measures that paired change reads, one row of `columns` slots per participant
 * in one growing array: a wave of 100,000 responses costs a few MB and no object per row.
 */
class KeptRows {
  readonly rowOf = new Map<string, number>();
  values: Float64Array;
  private rows = 0;

  constructor(private readonly columns: Int32Array) {
    this.values = new Float64Array(columns.length * 1024);
  }

  /** A participant answering twice keeps the last answer, as the rows come. */
  keep(participantId: string, v: Float64Array): void {
    const width = this.columns.length;
    let at = this.rows * width;
    if (at + width > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.rowOf.set(participantId, at);
    for (let i = 0; i < width; i++) this.values[at++] = v[this.columns[i]!]!;
    this.rows++;
  }
}

function toStats(p: Plan, a: Float64Array, off: number): SufficientStats {
  const total = a[off]!;
  const n = a[off + 1]!;
  if (p.kind === DIST) {
    const counts: Record<string, number> = {};
    p.def.categories!.forEach((c, j) => {
      if (a[off + 2 + j]! > 0) counts[c.code] = a[off + 2 + j]!;
    });
    return { kind: 'distribution', total, n, counts };
  }
  if (p.kind === RATIO) return { kind: 'ratio', total, n, num: a[off + 2]!, den: a[off + 3]! };
  return { kind: p.def.kind as 'proportion' | 'mean', total, n, sum: a[off + 2]!, sumSq: a[off + 3]! };
}

export async function aggregateWaves(
  defs: IndicatorDefinition[],
  current: RowSource,
  baseline: RowSource | null,
  dropKeys: ReadonlySet<string>,
): Promise<Map<string, Aggregated>> {
  let pairColumns = 0;
  const plans: Plan[] = defs.map((def) => {
    const kind = def.kind === 'distribution' ? DIST : def.kind === 'ratio' ? RATIO : PROP_MEAN;
    const k = def.categories?.length ?? 0;
    const size = kind === DIST ? 2 + k : 4;
    const keys = def.disaggregations
      .filter((key): key is AttributeKey => !dropKeys.has(key) && key in ATTRIBUTE_CODES)
      .map((key) => ({
        key,
        slot: LAYOUT.attributeSlot[key],
        blocks: new Float64Array(ATTRIBUTE_CODES[key].length * size),
      }));
    const headline = def.headlineCategories
      ? Uint8Array.from(def.categories!.map((c) => (def.headlineCategories!.includes(c.code) ? 1 : 0)))
      : null;
    return {
      def,
      slot: LAYOUT.slot.get(def.id)!,
      kind,
      size,
      stats: new Float64Array(size),
      baseline: new Float64Array(size),
      keys,
      headline,
      pairColumn: kind === RATIO ? -1 : pairColumns++,
      paired: new Float64Array(3 + 2 * k),
    };
  });

  let kept: KeptRows | null = null;
  if (baseline) {
    const rows = new KeptRows(Int32Array.from(plans.filter((p) => p.pairColumn >= 0).map((p) => p.slot)));
    await baseline((participantId, v) => {
      for (const p of plans) {
        const x = v[p.slot]!;
        if (x !== NOT_MEASURABLE) add(p.baseline, 0, p.kind, x, v[p.slot + 1]!);
      }
      if (participantId && pairColumns > 0) rows.keep(participantId, v);
    });
    kept = rows;
  }
  const rowOf = kept?.rowOf;
  const base = kept?.values ?? new Float64Array(0);

  await current((participantId, v) => {
    const b = participantId && rowOf ? (rowOf.get(participantId) ?? -1) : -1;
    for (const p of plans) {
      const x = v[p.slot]!;
      if (x === NOT_MEASURABLE) continue;
      const y = v[p.slot + 1]!;
      add(p.stats, 0, p.kind, x, y);
      for (const k of p.keys) {
        const g = v[k.slot]!;
        if (g === g) add(k.blocks, g * p.size, p.kind, x, y);
      }
      if (b < 0 || p.pairColumn < 0 || x !== x) continue;
      const bx = base[b + p.pairColumn]!;
      if (bx === NOT_MEASURABLE || bx !== bx) continue;
      const q = p.paired;
      q[0]! += 1;
      if (p.kind === PROP_MEAN) {
        const d = x - bx;
        q[1]! += d;
        q[2]! += d * d;
      } else {
        if (p.headline) {
          const d = p.headline[x]! - p.headline[bx]!;
          q[1]! += d;
          q[2]! += d * d;
        }
        if (x !== bx) {
          // Category x gains one (+1), category bx loses one (−1); every other difference is 0.
          q[3 + 2 * x]! += 1;
          q[4 + 2 * x]! += 1;
          q[3 + 2 * bx]! -= 1;
          q[4 + 2 * bx]! += 1;
        }
      }
    }
  });

  const out = new Map<string, Aggregated>();
  for (const p of plans) {
    const groups = new Map<string, Map<string, SufficientStats>>();
    for (const k of p.keys) {
      const m = new Map<string, SufficientStats>();
      ATTRIBUTE_CODES[k.key].forEach((code, i) => {
        if (k.blocks[i * p.size]! > 0) m.set(code, toStats(p, k.blocks, i * p.size));
      });
      groups.set(k.key, m);
    }
    const pairs = p.paired[0]!;
    let paired: Aggregated['paired'] = null;
    if (baseline) {
      if (p.kind === RATIO) paired = { paired: null, pairedByCategory: null };
      else if (p.kind === PROP_MEAN)
        paired = { paired: { n: pairs, sum: p.paired[1]!, sumSq: p.paired[2]! }, pairedByCategory: null };
      else {
        const byCategory: Record<string, Moments> = {};
        p.def.categories!.forEach((c, j) => {
          byCategory[c.code] = { n: pairs, sum: p.paired[3 + 2 * j]!, sumSq: p.paired[4 + 2 * j]! };
        });
        paired = {
          paired: { n: pairs, sum: p.paired[1]!, sumSq: p.paired[2]! },
          pairedByCategory: byCategory,
        };
      }
    }
    out.set(p.def.id, {
      stats: toStats(p, p.stats, 0),
      baseline: baseline ? toStats(p, p.baseline, 0) : null,
      paired,
      groups,
    });
  }
  return out;
}
