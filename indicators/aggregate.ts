// The engine's hot loop: one pass over the stored measure vectors of a wave (and its comparison
// wave) accumulating, per indicator, the sufficient statistics, the breakdowns by attribute and the
// moments of paired differences, all in flat Float64Arrays; the engine's types are built at the end.
import { ATTRIBUTE_CODES, type AttributeKey, LAYOUT, NOT_MEASURABLE } from './codec.ts';
import type { SufficientStats } from './engine.ts';
import type { IndicatorDefinition } from './schema.ts';
import type { Moments } from './stats.ts';

/**
 * Rows of one wave: the participant (null for caisse-level forms) and the measure vector, valid only
 * during the call (a source may refill the same vector for every row: what is kept is copied).
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
  /** Column of the indicator in the kept baseline rows; -1 for ratios, which have no paired change. */
  pairColumn: number;
  /** Paired: [pairs, sum, sumSq] then per category [sum, sumSq]. */
  paired: Float64Array;
}

function add(a: Float64Array, off: number, kind: number, x: number, y: number): void {
  a[off]! += 1;
  if (Number.isNaN(x)) return;
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

/** Rows per chunk of kept baseline measures. */
const CHUNK = 4096;

/**
 * Per baseline participant, only what paired change reads (one double per indicator but ratios), in
 * chunks of CHUNK rows that are never copied: no object per row, where a copied vector per
 * participant was most of the engine's memory and garbage collection.
 */
class KeptRows {
  /** Participant → row; a participant answering twice keeps the last row, as the rows come. */
  readonly rowOf = new Map<string, number>();
  readonly chunks: Float64Array[] = [];
  private rows = 0;

  constructor(private readonly slots: Int32Array) {}

  keep(participantId: string, v: Float64Array): void {
    const slots = this.slots;
    const i = this.rows % CHUNK;
    if (i === 0) this.chunks.push(new Float64Array(CHUNK * slots.length));
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = i * slots.length;
    for (let c = 0; c < slots.length; c++) chunk[at + c] = v[slots[c]!]!;
    this.rowOf.set(participantId, this.rows++);
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
  // Kept baseline columns: one per indicator but ratios.
  let width = 0;
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
      pairColumn: kind === RATIO ? -1 : width++,
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
      if (participantId && width > 0) rows.keep(participantId, v);
    });
    kept = rows;
  }
  const rowOf = kept?.rowOf;
  const chunks = kept?.chunks ?? [];

  await current((participantId, v) => {
    const row = participantId && rowOf ? rowOf.get(participantId) : undefined;
    // The participant's baseline measure of column c, if any: base[b + c].
    const base = row === undefined ? null : chunks[Math.floor(row / CHUNK)]!;
    const b = row === undefined ? 0 : (row % CHUNK) * width;
    for (const p of plans) {
      const x = v[p.slot]!;
      if (x === NOT_MEASURABLE) continue;
      const y = v[p.slot + 1]!;
      add(p.stats, 0, p.kind, x, y);
      for (const k of p.keys) {
        const g = v[k.slot]!;
        if (!Number.isNaN(g)) add(k.blocks, g * p.size, p.kind, x, y);
      }
      if (base === null || p.kind === RATIO || Number.isNaN(x)) continue;
      const bx = base[b + p.pairColumn]!;
      if (bx === NOT_MEASURABLE || Number.isNaN(bx)) continue;
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
