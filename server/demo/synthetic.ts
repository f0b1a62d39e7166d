// Synthetic but plausible answers for the standard modules, from a seeded generator: used by the
// demo data and the benchmarks (never by a real caisse). A latent "hardship" level per person
// drives the food-insecurity, precarity and wellbeing answers together so the figures hang together.

export type Rng = () => number;

/** mulberry32: small, fast, seedable; the same seed gives the same demo every time. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const intBetween = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
/** An integer 1..k leaning high when `lean` is near 1. */
const scale = (rng: Rng, k: number, lean: number) => clamp(Math.round(1 + (k - 1) * clamp(lean + (rng() - 0.5) * 0.6, 0, 1)), 1, k);

export interface Person {
  /** 0 = comfortable … 1 = severe hardship. */
  hardship: number;
  /** 0 … 1: how involved in the caisse's life. */
  engagement: number;
  sex: 'female' | 'male' | 'other';
  age: number;
  householdSize: number;
  householdType: 'single' | 'couple' | 'single_parent' | 'couple_children' | 'shared' | 'other';
  cotisation: number;
  allocation: number;
}

export function syntheticPerson(rng: Rng, opts: { precariousShare?: number } = {}): Person {
  const precarious = chance(rng, opts.precariousShare ?? 0.45);
  const hardship = clamp(precarious ? 0.45 + rng() * 0.5 : rng() * 0.45, 0, 1);
  const householdType = pick(rng, ['single', 'couple', 'single_parent', 'couple_children', 'shared', 'other'] as const);
  const householdSize =
    householdType === 'single' ? 1 : householdType === 'couple' ? 2 : householdType === 'shared' ? intBetween(rng, 2, 4) : intBetween(rng, 2, 6);
  // Cotisation according to means (a self-chosen scale), a flat monthly allocation.
  const cotisation = hardship > 0.6 ? pick(rng, [0, 10, 20]) : hardship > 0.3 ? pick(rng, [30, 50, 75]) : pick(rng, [75, 100, 150]);
  return {
    hardship,
    engagement: rng(),
    sex: chance(rng, 0.62) ? 'female' : chance(rng, 0.97) ? 'male' : 'other',
    age: intBetween(rng, 19, 78),
    householdSize,
    householdType,
    cotisation,
    allocation: 150,
  };
}

const HFIAS_SEVERITY = [0.15, 0.1, 0.05, 0.2, 0.35, 0.45, 0.65, 0.75, 0.85];

/** Answers to the given participant modules for one person at one wave; `improvement` (0..1) eases hardship at follow-ups. */
export function participantAnswers(
  rng: Rng,
  person: Person,
  moduleIds: readonly string[],
  opts: { improvement?: number; followup?: boolean } = {},
): Record<string, unknown> {
  const h = clamp(person.hardship - (opts.improvement ?? 0) * 0.25 + (rng() - 0.5) * 0.1, 0, 1);
  const a: Record<string, unknown> = {};
  for (const m of moduleIds) {
    switch (m) {
      case 'consent':
        a.consent = true;
        break;
      case 'profile':
        Object.assign(a, {
          respondent_sex: person.sex,
          respondent_age: person.age,
          household_size: person.householdSize,
          household_type: person.householdType,
        });
        break;
      case 'food_budget': {
        const budget = Math.round(person.householdSize * (160 + (1 - h) * 140) * (0.8 + rng() * 0.4));
        Object.assign(a, { food_budget_month: budget, allocation_month: person.allocation, cotisation_month: person.cotisation });
        break;
      }
      case 'hfias':
        HFIAS_SEVERITY.forEach((sev, i) => {
          const yes = chance(rng, clamp((h - sev) * 1.6 + 0.08, 0, 0.95));
          a[`hfias_q${i + 1}`] = yes;
          if (yes) a[`hfias_q${i + 1}a`] = clamp(Math.round(1 + 2 * clamp(h - sev + rng() * 0.5, 0, 1)), 1, 3);
        });
        break;
      case 'usda6': {
        const freq = () => (chance(rng, h * 0.9) ? (chance(rng, h) ? 'often' : 'sometimes') : 'never');
        a.usda_hh3 = freq();
        a.usda_hh4 = freq();
        a.usda_ad1 = chance(rng, clamp(h - 0.25, 0, 1));
        if (a.usda_ad1) a.usda_ad1a = pick(rng, ['almost_every_month', 'some_months', 'one_or_two_months']);
        a.usda_ad2 = chance(rng, clamp(h - 0.2, 0, 1));
        a.usda_ad3 = chance(rng, clamp(h - 0.45, 0, 1));
        break;
      }
      case 'fies':
        ['worried', 'healthy', 'fewfood', 'ateless', 'skipped', 'runout', 'hungry', 'whlday'].forEach((k, i) => {
          a[`fies_${k}`] = chance(rng, clamp(h * 1.3 - i * 0.11, 0.02, 0.95));
        });
        break;
      case 'epices': {
        const yesIf = [h, 1 - h, 0.5, 1 - h * 1.2, h * 1.1, 1 - h, 0.6 - h * 0.4, 0.7 - h * 0.5, 0.85 - h * 0.3, 0.8 - h * 0.4, 0.75 - h * 0.4];
        yesIf.forEach((p, i) => {
          a[`epices_q${i + 1}`] = chance(rng, clamp(p, 0.03, 0.97));
        });
        break;
      }
      case 'swemwbs':
        for (let i = 1; i <= 7; i++) a[`swemwbs_${i}`] = scale(rng, 5, 0.75 - h * 0.45);
        break;
      case 'self_rated_health':
        a.health_self_rated = pick(rng, h > 0.6 ? ['good', 'fair', 'fair', 'bad', 'very_bad'] : ['very_good', 'good', 'good', 'fair', 'bad']);
        break;
      case 'fruit_veg':
        a.fruit_veg_portions = clamp(Math.round((1 - h) * 5 + (rng() - 0.3) * 3 + (opts.improvement ?? 0)), 0, 12);
        break;
      case 'mastery':
        for (let i = 1; i <= 7; i++) {
          const positive = i === 4 || i === 6;
          const lean = 0.7 - h * 0.4 + person.engagement * 0.15;
          a[`mastery_${i}`] = positive ? scale(rng, 4, lean) : scale(rng, 4, 1 - lean);
        }
        break;
      case 'loneliness':
        for (let i = 1; i <= 3; i++) a[`loneliness_${i}`] = scale(rng, 3, h * 0.6 + (1 - person.engagement) * 0.25);
        break;
      case 'hdds':
        'abcdefghijkl'.split('').forEach((g, i) => {
          a[`hdds_${g}`] = chance(rng, clamp([0.97, 0.8, 0.85, 0.75, 0.6, 0.5, 0.3, 0.45, 0.8, 0.9, 0.7, 0.85][i]! - h * 0.3, 0.05, 0.99));
        });
        break;
      case 'mddw':
        for (let i = 1; i <= 10; i++) a[`mddw_${i}`] = chance(rng, clamp([0.97, 0.4, 0.35, 0.75, 0.7, 0.5, 0.45, 0.5, 0.7, 0.65][i - 1]! - h * 0.3, 0.05, 0.99));
        break;
      case 'participation':
        a.committee_meetings_attended = chance(rng, person.engagement * 0.8) ? intBetween(rng, 1, 4) : 0;
        a.training_activities_attended = chance(rng, person.engagement * 0.7) ? intBetween(rng, 1, 3) : 0;
        a.power_to_act = scale(rng, 5, 0.35 + person.engagement * 0.4 + (opts.improvement ?? 0) * 0.2);
        break;
      case 'practices':
        if (opts.followup) {
          a.allocation_spent_organic_local_pct = clamp(Math.round(35 + person.engagement * 40 + (rng() - 0.5) * 30), 0, 100);
          a.buying_change = pick(rng, ['much_more_sustainable', 'somewhat_more_sustainable', 'somewhat_more_sustainable', 'no_change', 'no_change', 'less_sustainable']);
        }
        a.home_cooking = pick(rng, ['always', 'often', 'often', 'rarely', 'never']);
        a.organic_frequency = pick(rng, h > 0.5 ? ['rarely', 'never', 'never', 'often'] : ['always', 'often', 'rarely', 'rarely']);
        a.fresh_produce_outlets = [...new Set([pick(rng, ['supermarket', 'market_farm', 'local_shops']), pick(rng, ['supermarket', 'market_farm'])])];
        break;
      case 'feedback':
        if (chance(rng, 0.15)) a.comment = pick(rng, ['Merci pour cette initiative.', 'Plus de producteurs au marché, svp.', 'Les ateliers cuisine sont super.']);
        break;
      default:
        throw new Error(`synthetic answers: unknown module ${m}`);
    }
  }
  return a;
}

/** A caisse-level monitoring form for one period, scaled on the number of experimenters. */
export function caisseAnswers(rng: Rng, experimenters: number, monthsInPeriod = 6): Record<string, unknown> {
  const allocations = experimenters * 150 * monthsInPeriod;
  const cotisations = Math.round(allocations * (0.45 + rng() * 0.35));
  const total = Math.round(allocations * (1.3 + rng() * 0.4));
  const gifts = Math.round(total * 0.04);
  const publicShare = Math.round(total * (0.25 + rng() * 0.2));
  const priv = Math.round(total * (0.2 + rng() * 0.1));
  const outlets = intBetween(rng, 8, 30);
  const members = intBetween(rng, 10, 25);
  const meetings = intBetween(rng, 3, 8);
  return {
    budget_total: total,
    budget_cotisations: cotisations,
    budget_gifts: gifts,
    budget_private: priv,
    budget_public: publicShare,
    budget_other: Math.max(0, total - cotisations - gifts - priv - publicShare),
    fte_paid: Math.round((0.8 + rng() * 1.5) * 10) / 10,
    fte_volunteer: Math.round((1.5 + rng() * 2.5) * 10) / 10,
    committee_meetings: meetings,
    committee_members: members,
    committee_attendance_total: Math.round(meetings * members * (0.55 + rng() * 0.3)),
    decisions_count: intBetween(rng, 4, 15),
    outlets_total: outlets,
    outlets_producer_shops: Math.round(outlets * 0.25),
    outlets_farm_sales: Math.round(outlets * 0.2),
    outlets_markets: Math.round(outlets * 0.15),
    outlets_grocery: Math.round(outlets * 0.3),
    outlets_supermarkets: Math.max(0, outlets - Math.round(outlets * 0.25) - Math.round(outlets * 0.2) - Math.round(outlets * 0.15) - Math.round(outlets * 0.3)),
    outlets_env_criteria: Math.round(outlets * (0.4 + rng() * 0.4)),
    outlets_criteria: ['organic_label', 'local', ...(chance(rng, 0.4) ? ['fair_price'] : [])],
    allocations_paid_total: allocations,
    cotisations_received_total: cotisations,
    experimenters_active: experimenters,
    trainings_organised: intBetween(rng, 2, 10),
    training_participants: intBetween(rng, 10, Math.max(11, experimenters)),
  };
}
