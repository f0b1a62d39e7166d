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
const scale = (rng: Rng, k: number, lean: number) =>
  clamp(Math.round(1 + (k - 1) * clamp(lean + (rng() - 0.5) * 0.6, 0, 1)), 1, k);

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

export type HouseholdType = Person['householdType'];

export interface PopulationOptions {
  /** Share of people in precarity (default 0.45). */
  precariousShare?: number;
  /** Age range of respondents (default 19–78). */
  ageRange?: readonly [number, number];
  /** Household types drawn from (default: all six). */
  householdTypes?: readonly HouseholdType[];
  /** The self-chosen cotisation scale, EUR a month, for high, middle and low hardship (default 0–20, 30–75, 75–150). */
  cotisations?: {
    readonly hard: readonly number[];
    readonly middle: readonly number[];
    readonly easy: readonly number[];
  };
  /** The caisse's flat monthly allocation (default 150 EUR). */
  allocation?: number;
}

const ALL_HOUSEHOLDS: readonly HouseholdType[] = [
  'single',
  'couple',
  'single_parent',
  'couple_children',
  'shared',
  'other',
];
const DEFAULT_COTISATIONS = { hard: [0, 10, 20], middle: [30, 50, 75], easy: [75, 100, 150] } as const;

/** One synthetic experimenter; the defaults reproduce the draws of earlier versions (same seed, same person). */
export function syntheticPerson(rng: Rng, opts: PopulationOptions = {}): Person {
  const precarious = chance(rng, opts.precariousShare ?? 0.45);
  const hardship = clamp(precarious ? 0.45 + rng() * 0.5 : rng() * 0.45, 0, 1);
  const householdType = pick(rng, opts.householdTypes ?? ALL_HOUSEHOLDS);
  const householdSize =
    householdType === 'single'
      ? 1
      : householdType === 'couple'
        ? 2
        : householdType === 'shared'
          ? intBetween(rng, 2, 4)
          : intBetween(rng, 2, 6);
  // Cotisation according to means (a self-chosen scale), a flat monthly allocation.
  const scaleOf = opts.cotisations ?? DEFAULT_COTISATIONS;
  const cotisation =
    hardship > 0.6
      ? pick(rng, scaleOf.hard)
      : hardship > 0.3
        ? pick(rng, scaleOf.middle)
        : pick(rng, scaleOf.easy);
  const [ageLo, ageHi] = opts.ageRange ?? [19, 78];
  return {
    hardship,
    engagement: rng(),
    sex: chance(rng, 0.62) ? 'female' : chance(rng, 0.97) ? 'male' : 'other',
    age: intBetween(rng, ageLo, ageHi),
    householdSize,
    householdType,
    cotisation,
    allocation: opts.allocation ?? 150,
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
        Object.assign(a, {
          food_budget_month: budget,
          allocation_month: person.allocation,
          cotisation_month: person.cotisation,
        });
        break;
      }
      case 'hfias':
        HFIAS_SEVERITY.forEach((sev, i) => {
          const yes = chance(rng, clamp((h - sev) * 1.6 + 0.08, 0, 0.95));
          a[`hfias_q${i + 1}`] = yes;
          if (yes)
            a[`hfias_q${i + 1}a`] = clamp(Math.round(1 + 2 * clamp(h - sev + rng() * 0.5, 0, 1)), 1, 3);
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
        ['worried', 'healthy', 'fewfood', 'ateless', 'skipped', 'runout', 'hungry', 'whlday'].forEach(
          (k, i) => {
            a[`fies_${k}`] = chance(rng, clamp(h * 1.3 - i * 0.11, 0.02, 0.95));
          },
        );
        break;
      case 'epices': {
        const yesIf = [
          h,
          1 - h,
          0.5,
          1 - h * 1.2,
          h * 1.1,
          1 - h,
          0.6 - h * 0.4,
          0.7 - h * 0.5,
          0.85 - h * 0.3,
          0.8 - h * 0.4,
          0.75 - h * 0.4,
        ];
        yesIf.forEach((p, i) => {
          a[`epices_q${i + 1}`] = chance(rng, clamp(p, 0.03, 0.97));
        });
        break;
      }
      case 'swemwbs':
        for (let i = 1; i <= 7; i++) a[`swemwbs_${i}`] = scale(rng, 5, 0.75 - h * 0.45);
        break;
      case 'self_rated_health':
        a.health_self_rated = pick(
          rng,
          h > 0.6
            ? ['good', 'fair', 'fair', 'bad', 'very_bad']
            : ['very_good', 'good', 'good', 'fair', 'bad'],
        );
        break;
      case 'fruit_veg':
        a.fruit_veg_portions = clamp(
          Math.round((1 - h) * 5 + (rng() - 0.3) * 3 + (opts.improvement ?? 0)),
          0,
          12,
        );
        break;
      case 'mastery':
        for (let i = 1; i <= 7; i++) {
          const positive = i === 4 || i === 6;
          const lean = 0.7 - h * 0.4 + person.engagement * 0.15;
          a[`mastery_${i}`] = positive ? scale(rng, 4, lean) : scale(rng, 4, 1 - lean);
        }
        break;
      case 'loneliness':
        for (let i = 1; i <= 3; i++)
          a[`loneliness_${i}`] = scale(rng, 3, h * 0.6 + (1 - person.engagement) * 0.25);
        break;
      case 'hdds':
        'abcdefghijkl'.split('').forEach((g, i) => {
          a[`hdds_${g}`] = chance(
            rng,
            clamp(
              [0.97, 0.8, 0.85, 0.75, 0.6, 0.5, 0.3, 0.45, 0.8, 0.9, 0.7, 0.85][i]! - h * 0.3,
              0.05,
              0.99,
            ),
          );
        });
        break;
      case 'mddw':
        for (let i = 1; i <= 10; i++)
          a[`mddw_${i}`] = chance(
            rng,
            clamp([0.97, 0.4, 0.35, 0.75, 0.7, 0.5, 0.45, 0.5, 0.7, 0.65][i - 1]! - h * 0.3, 0.05, 0.99),
          );
        break;
      case 'participation':
        a.committee_meetings_attended = chance(rng, person.engagement * 0.8) ? intBetween(rng, 1, 4) : 0;
        a.training_activities_attended = chance(rng, person.engagement * 0.7) ? intBetween(rng, 1, 3) : 0;
        a.power_to_act = scale(rng, 5, 0.35 + person.engagement * 0.4 + (opts.improvement ?? 0) * 0.2);
        break;
      case 'practices':
        if (opts.followup) {
          a.allocation_spent_organic_local_pct = clamp(
            Math.round(35 + person.engagement * 40 + (rng() - 0.5) * 30),
            0,
            100,
          );
          a.buying_change = pick(rng, [
            'much_more_sustainable',
            'somewhat_more_sustainable',
            'somewhat_more_sustainable',
            'no_change',
            'no_change',
            'less_sustainable',
          ]);
        }
        a.home_cooking = pick(rng, ['always', 'often', 'often', 'rarely', 'never']);
        a.organic_frequency = pick(
          rng,
          h > 0.5 ? ['rarely', 'never', 'never', 'often'] : ['always', 'often', 'rarely', 'rarely'],
        );
        a.fresh_produce_outlets = [
          ...new Set([
            pick(rng, ['supermarket', 'market_farm', 'local_shops']),
            pick(rng, ['supermarket', 'market_farm']),
          ]),
        ];
        break;
      case 'feedback':
        if (chance(rng, 0.15))
          a.comment = pick(rng, [
            'Merci pour cette initiative.',
            'Plus de producteurs au marché, svp.',
            'Les ateliers cuisine sont super.',
          ]);
        break;
      default:
        throw new Error(`synthetic answers: unknown module ${m}`);
    }
  }
  return a;
}

export interface CaisseEconomy {
  /** Flat monthly allocation per experimenter, EUR (default 150). */
  allocation?: number;
  /** Sum of the experimenters' monthly cotisations, EUR (default: 45–80 % of the allocations). */
  cotisationsMonthly?: number;
  /** Share of the external funding that is public (default 0.4–0.65; the study: 35 % public, 28 % private). */
  publicShare?: number;
  /** Whether the caisse pays staff (default true; small rural caisses often run on volunteers only). */
  paidStaff?: boolean;
  /** Range of conventioned points of sale (default 8–30). */
  outlets?: readonly [number, number];
  /** Share of points of sale that are producers' shops, farm sales or markets (default 0.6). */
  directShare?: number;
}

/**
 * A caisse-level monitoring form for one period, scaled on the number of experimenters: allocations
 * paid, cotisations received, the budget and its sources (self-financing, public and private funding
 * in the proportions of the national study), paid and volunteer FTE, the committee and the outlets.
 */
export function caisseAnswers(
  rng: Rng,
  experimenters: number,
  monthsInPeriod = 6,
  eco: CaisseEconomy = {},
): Record<string, unknown> {
  const allocations = Math.round(experimenters * (eco.allocation ?? 150) * monthsInPeriod);
  const cotisations =
    eco.cotisationsMonthly !== undefined
      ? Math.round(eco.cotisationsMonthly * monthsInPeriod)
      : Math.round(allocations * (0.45 + rng() * 0.35));
  // Running costs (staff, premises, events) on top of the allocations.
  const costs = Math.round(allocations * (1.3 + rng() * 0.4));
  const gifts = Math.round(costs * (0.02 + rng() * 0.05));
  const external = Math.max(0, costs - cotisations - gifts);
  const publicShare = eco.publicShare ?? 0.4 + rng() * 0.25;
  const budgetPublic = Math.round(external * publicShare);
  const budgetOther = Math.round(external * 0.03 * rng());
  const budgetPrivate = Math.max(0, external - budgetPublic - budgetOther);
  const total = cotisations + gifts + budgetPublic + budgetPrivate + budgetOther;
  // About 1 paid FTE for 1.5 volunteer FTE (the study); volunteers only in the smallest caisses.
  const paid =
    eco.paidStaff === false ? 0 : Math.round((0.2 + (experimenters / 120) * (0.6 + rng() * 0.8)) * 10) / 10;
  const volunteer = Math.round((0.5 + Math.max(paid, 0.4) * (1.2 + rng()) + experimenters / 100) * 10) / 10;
  const [oLo, oHi] = eco.outlets ?? [8, 30];
  const outlets = intBetween(rng, oLo, oHi);
  const direct = eco.directShare ?? 0.6;
  const producerShops = Math.round(outlets * direct * 0.4);
  const farmSales = Math.round(outlets * direct * 0.35);
  const markets = Math.max(0, Math.round(outlets * direct) - producerShops - farmSales);
  const grocery = Math.round((outlets - producerShops - farmSales - markets) * 0.7);
  const supermarkets = Math.max(0, outlets - producerShops - farmSales - markets - grocery);
  const members = Math.min(30, intBetween(rng, 6, 12) + Math.round(experimenters / 20));
  const meetings = intBetween(rng, 3, 8);
  return {
    budget_total: total,
    budget_cotisations: cotisations,
    budget_gifts: gifts,
    budget_private: budgetPrivate,
    budget_public: budgetPublic,
    budget_other: budgetOther,
    fte_paid: paid,
    fte_volunteer: volunteer,
    committee_meetings: meetings,
    committee_members: members,
    committee_attendance_total: Math.round(meetings * members * (0.55 + rng() * 0.3)),
    decisions_count: intBetween(rng, meetings, meetings * 3),
    outlets_total: outlets,
    outlets_producer_shops: producerShops,
    outlets_farm_sales: farmSales,
    outlets_markets: markets,
    outlets_grocery: grocery,
    outlets_supermarkets: supermarkets,
    outlets_env_criteria: Math.round(outlets * (0.4 + rng() * 0.4)),
    outlets_criteria: ['organic_label', 'local', ...(chance(rng, 0.4) ? ['fair_price'] : [])],
    allocations_paid_total: allocations,
    cotisations_received_total: cotisations,
    experimenters_active: experimenters,
    trainings_organised: intBetween(rng, 1, 3 + Math.round(experimenters / 25)),
    training_participants: intBetween(
      rng,
      Math.min(5, experimenters),
      Math.max(6, Math.round(experimenters * 0.6)),
    ),
  };
}
