// The demo caisses: synthetic, with figures in the ranges of the national study (DOMAIN.md). The first
// one, Villeurbanne, is the showcase of a single caisse (objectives ● analysed and ○ set but not
// analysed, a dimension measured without an objective, a baseline and a follow-up paired by period);
// the others give the research view something to compare: territory types, target publics, stages,
// objectives (access 28/32 and capacity 26/32 most often, health the least evaluated), each with its
// own selection of indicators, some analysing most of their objectives and some few.
import type { CaisseCreate } from '../caisses/index.ts';
import type { ObjectivesPut } from '../objectives/index.ts';
import type { CaisseEconomy, PopulationOptions } from './synthetic.ts';

export type Periodicity = 'each_wave' | 'quarterly' | 'biannual' | 'annual';

export interface DemoSelection {
  indicatorId: string;
  objectives: string[];
  /** A target value, 'auto' (a plausible step from the measured baseline), or none (default 'auto'). */
  target?: number | 'auto' | null;
  /** Declare the value measured at the baseline wave as the baseline (default true). */
  baseline?: boolean;
  periodicity?: Periodicity;
}

/** A wave in a semester relative to the current one (0 = current, -1 = previous…). */
export interface DemoWave {
  semester: number;
  status: 'open' | 'closed';
}

export interface DemoParticipantWave extends DemoWave {
  /** Probability that a participant answers (a follow-up: one who answered the previous wave). */
  rate: number;
  /** A follow-up's improvement of hardship since entry (0..1). */
  improvement?: number;
  /** A wave that has just opened: no more responses than this. */
  maxResponses?: number;
}

export interface DemoCaisse {
  /** Prefix of the participants' pseudonymous codes. */
  key: string;
  seed: number;
  profile: CaisseCreate;
  participants: number;
  population: PopulationOptions;
  economy: Omit<CaisseEconomy, 'allocation' | 'cotisationsMonthly'>;
  objectives: ObjectivesPut['objectives'];
  selection: DemoSelection[];
  /** The entry questionnaire: the participant baseline. */
  entry?: DemoParticipantWave;
  followups?: DemoParticipantWave[];
  /** Monitoring forms, one per semester; the first is the caisse-level baseline. */
  monitoring?: DemoWave[];
}

const universal: PopulationOptions = { precariousShare: 0.4 };

export const DEMO_CAISSES: DemoCaisse[] = [
  {
    key: 'VIL',
    seed: 20261123,
    profile: {
      name: 'Caisse commune de l’alimentation de Villeurbanne (démo)',
      slug: 'demo-villeurbanne',
      region: '84',
      commune: 'Villeurbanne',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: '2025-01-15',
      stage: 'fonctionnement',
      ssaCollectiveMember: true,
      patInvolvement: 'governance',
    },
    participants: 200,
    population: { precariousShare: 0.45, allocation: 150 },
    economy: { outlets: [18, 30] },
    // Economy is covered by no declared objective (so self-financing is analysed without one), and
    // advocacy is declared without any indicator (○).
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'food_insecurity', priority: 1 },
      { code: 'governance', priority: 2 },
      { code: 'capacity', priority: 2 },
      { code: 'advocacy', priority: 3 },
      {
        code: 'lien_social',
        label: 'Renforcer le lien social entre expérimentateurs',
        dimensions: ['democracy', 'health'],
        description: 'Objectif propre à la caisse : rompre l’isolement.',
        priority: 3,
      },
    ],
    selection: [
      { indicatorId: 'hfias_category', objectives: ['access', 'food_insecurity'], periodicity: 'biannual' },
      {
        indicatorId: 'fies_moderate_severe',
        objectives: ['access', 'food_insecurity'],
        target: 0.25,
        periodicity: 'biannual',
      },
      { indicatorId: 'allocation_budget_share', objectives: ['access'], periodicity: 'biannual' },
      { indicatorId: 'committee_participation', objectives: ['governance'], periodicity: 'biannual' },
      {
        indicatorId: 'committee_attendance_rate',
        objectives: ['governance'],
        target: 0.75,
        periodicity: 'biannual',
      },
      { indicatorId: 'mastery_mean', objectives: ['capacity'], periodicity: 'biannual' },
      { indicatorId: 'power_to_act', objectives: ['capacity'], periodicity: 'biannual' },
      { indicatorId: 'loneliness_share', objectives: ['lien_social'], periodicity: 'biannual' },
      { indicatorId: 'self_financing_share', objectives: [], target: 0.37, periodicity: 'biannual' },
      { indicatorId: 'budget_per_experimenter', objectives: [], target: null, periodicity: 'annual' },
    ],
    entry: { semester: -1, status: 'closed', rate: 0.9 },
    followups: [{ semester: 0, status: 'open', rate: 0.88, improvement: 0.4 }],
    monitoring: [
      { semester: -1, status: 'closed' },
      { semester: 0, status: 'open' },
    ],
  },
  {
    key: 'SDN',
    seed: 93200,
    profile: {
      name: 'Caisse alimentaire solidaire de Saint-Denis (démo)',
      slug: 'demo-saint-denis',
      region: '11',
      commune: 'Saint-Denis',
      territoryType: 'urbain',
      targetPublic: 'precarious',
      startDate: '2024-10-01',
      stage: 'fonctionnement',
      ssaCollectiveMember: true,
      patInvolvement: 'both',
    },
    participants: 120,
    population: {
      precariousShare: 0.85,
      allocation: 120,
      cotisations: { hard: [0, 5, 10], middle: [10, 20, 30], easy: [40, 60, 80] },
    },
    economy: { publicShare: 0.7, outlets: [10, 20], directShare: 0.4 },
    objectives: [
      { code: 'food_insecurity', priority: 1 },
      { code: 'access', priority: 1 },
      {
        code: 'sante_familles',
        label: 'Améliorer l’alimentation et la santé des familles',
        dimensions: ['health'],
        priority: 2,
      },
      { code: 'capacity', priority: 2 },
      { code: 'governance', priority: 3 },
    ],
    selection: [
      { indicatorId: 'hfias_score', objectives: ['food_insecurity', 'access'] },
      { indicatorId: 'usda6_food_insecure', objectives: ['food_insecurity'], periodicity: 'annual' },
      { indicatorId: 'fruit_veg_5', objectives: ['sante_familles'] },
      { indicatorId: 'health_good', objectives: ['sante_familles'] },
      { indicatorId: 'swemwbs_metric', objectives: ['sante_familles', 'capacity'] },
      { indicatorId: 'power_to_act', objectives: ['capacity'] },
      { indicatorId: 'training_participation', objectives: ['capacity'] },
      { indicatorId: 'committee_participation', objectives: ['governance'] },
      { indicatorId: 'cotisation_distribution', objectives: [] },
    ],
    entry: { semester: -2, status: 'closed', rate: 0.88 },
    followups: [{ semester: -1, status: 'closed', rate: 0.78, improvement: 0.3 }],
    monitoring: [
      { semester: -2, status: 'closed' },
      { semester: -1, status: 'closed' },
    ],
  },
  {
    key: 'MOR',
    seed: 29600,
    profile: {
      name: 'Caisse commune de l’alimentation du Pays de Morlaix (démo)',
      slug: 'demo-pays-de-morlaix',
      region: '53',
      commune: 'Morlaix',
      territoryType: 'rural',
      targetPublic: 'universal',
      startDate: '2025-09-01',
      stage: 'demarrage',
      ssaCollectiveMember: true,
      patInvolvement: 'governance',
    },
    participants: 38,
    population: { ...universal, allocation: 80 },
    economy: { outlets: [6, 12], directShare: 0.8 },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'producers', priority: 1 },
      { code: 'capacity', priority: 2 },
      { code: 'points_of_sale', priority: 3 },
    ],
    selection: [
      { indicatorId: 'organic_consumer', objectives: ['access'] },
      { indicatorId: 'outlets_direct_share', objectives: ['producers', 'points_of_sale'] },
    ],
    entry: { semester: 0, status: 'closed', rate: 0.87 },
    monitoring: [{ semester: 0, status: 'open' }],
  },
  {
    key: 'LIM',
    seed: 11300,
    profile: {
      name: 'Caisse alimentaire de la Haute Vallée de l’Aude (démo)',
      slug: 'demo-haute-vallee-aude',
      region: '76',
      commune: 'Limoux',
      territoryType: 'rural',
      targetPublic: 'universal',
      startDate: '2024-06-01',
      stage: 'fonctionnement',
      ssaCollectiveMember: false,
      patInvolvement: 'funding',
    },
    participants: 45,
    population: { ...universal, allocation: 100 },
    economy: { paidStaff: false, outlets: [5, 10], directShare: 0.8 },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'producers', priority: 1 },
      { code: 'capacity', priority: 2 },
      { code: 'advocacy', priority: 3 },
    ],
    selection: [
      { indicatorId: 'market_farm_purchase', objectives: ['producers'] },
      {
        indicatorId: 'organic_local_spend',
        objectives: ['access', 'producers'],
        baseline: false,
        target: 0.6,
      },
      { indicatorId: 'mastery_mean', objectives: ['capacity'] },
    ],
    entry: { semester: -1, status: 'closed', rate: 0.9 },
    followups: [{ semester: 0, status: 'open', rate: 0.7, improvement: 0.25 }],
    monitoring: [
      { semester: -1, status: 'closed' },
      { semester: 0, status: 'open' },
    ],
  },
  {
    key: 'LIL',
    seed: 59800,
    profile: {
      name: 'Caisse de l’alimentation de Lille-Fives (démo)',
      slug: 'demo-lille-fives',
      region: '32',
      commune: 'Lille',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: '2024-09-15',
      stage: 'fonctionnement',
      ssaCollectiveMember: true,
      patInvolvement: 'governance',
    },
    participants: 95,
    population: { ...universal, allocation: 120 },
    economy: { outlets: [12, 25] },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'capacity', priority: 1 },
      { code: 'governance', priority: 2 },
      { code: 'points_of_sale', priority: 2 },
      { code: 'advocacy', priority: 3 },
    ],
    selection: [
      { indicatorId: 'fies_moderate_severe', objectives: ['access'] },
      {
        indicatorId: 'buying_change',
        objectives: ['capacity', 'points_of_sale'],
        baseline: false,
        target: 0.6,
      },
      { indicatorId: 'outlets_env_share', objectives: ['points_of_sale'] },
      { indicatorId: 'committee_attendance_rate', objectives: ['governance'] },
      { indicatorId: 'decisions_per_meeting', objectives: ['governance'] },
      { indicatorId: 'volunteer_fte_share', objectives: [] },
    ],
    entry: { semester: -2, status: 'closed', rate: 0.85 },
    followups: [
      { semester: -1, status: 'closed', rate: 0.75, improvement: 0.2 },
      { semester: 0, status: 'open', rate: 0.7, improvement: 0.35 },
    ],
    monitoring: [
      { semester: -2, status: 'closed' },
      { semester: -1, status: 'closed' },
      { semester: 0, status: 'open' },
    ],
  },
  {
    key: 'POI',
    seed: 86000,
    profile: {
      name: 'Caisse alimentaire étudiante de Poitiers (démo)',
      slug: 'demo-etudiante-poitiers',
      region: '75',
      commune: 'Poitiers',
      territoryType: 'urbain',
      targetPublic: 'students',
      startDate: '2026-02-01',
      stage: 'prototypage',
      ssaCollectiveMember: false,
      patInvolvement: 'none',
    },
    participants: 60,
    population: {
      precariousShare: 0.6,
      allocation: 60,
      ageRange: [18, 27],
      householdTypes: ['single', 'single', 'shared', 'couple'],
      cotisations: { hard: [0, 5], middle: [10, 15, 20], easy: [25, 40] },
    },
    economy: { outlets: [4, 8], directShare: 0.5 },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'food_insecurity', priority: 1 },
      { code: 'capacity', priority: 2 },
    ],
    selection: [
      { indicatorId: 'fies_moderate_severe', objectives: ['food_insecurity', 'access'] },
      { indicatorId: 'allocation_budget_share', objectives: ['access'] },
      { indicatorId: 'home_cooking', objectives: ['capacity'] },
    ],
    entry: { semester: 0, status: 'open', rate: 0.82 },
  },
  {
    key: 'REZ',
    seed: 44400,
    profile: {
      name: 'Caisse commune de l’alimentation de Rezé (démo)',
      slug: 'demo-reze',
      region: '52',
      commune: 'Rezé',
      territoryType: 'periurbain',
      targetPublic: 'universal',
      startDate: '2025-11-01',
      stage: 'demarrage',
      ssaCollectiveMember: false,
      patInvolvement: 'both',
    },
    participants: 52,
    population: { ...universal, allocation: 100 },
    economy: { outlets: [8, 14] },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'food_insecurity', priority: 1 },
      { code: 'governance', priority: 2 },
      { code: 'producers', priority: 3 },
    ],
    selection: [
      { indicatorId: 'hfias_category', objectives: ['access', 'food_insecurity'] },
      { indicatorId: 'committee_participation', objectives: ['governance'] },
      { indicatorId: 'committee_attendance_rate', objectives: ['governance'] },
    ],
    entry: { semester: -1, status: 'closed', rate: 0.88 },
    // The follow-up has just opened: a handful of responses, too few to analyse.
    followups: [{ semester: 0, status: 'open', rate: 0.7, improvement: 0.1, maxResponses: 4 }],
    monitoring: [{ semester: -1, status: 'closed' }],
  },
  {
    key: 'LAN',
    seed: 52200,
    profile: {
      name: 'Caisse alimentaire du Pays de Langres (démo)',
      slug: 'demo-pays-de-langres',
      region: '44',
      commune: 'Langres',
      territoryType: 'rural',
      targetPublic: 'other',
      startDate: '2026-03-01',
      stage: 'prototypage',
      ssaCollectiveMember: false,
      patInvolvement: 'funding',
    },
    participants: 24,
    population: {
      precariousShare: 0.55,
      allocation: 100,
      ageRange: [24, 52],
      householdTypes: ['single_parent', 'single_parent', 'couple_children'],
    },
    economy: { paidStaff: false, outlets: [3, 7], directShare: 0.7 },
    objectives: [
      { code: 'access', priority: 1 },
      {
        code: 'alimentation_enfants',
        label: 'Mieux nourrir les enfants des familles participantes',
        dimensions: ['health', 'access'],
        priority: 1,
      },
      { code: 'capacity', priority: 2 },
    ],
    selection: [{ indicatorId: 'fruit_veg_5', objectives: ['alimentation_enfants'] }],
    entry: { semester: 0, status: 'closed', rate: 0.9 },
  },
  {
    key: 'CHE',
    seed: 21300,
    profile: {
      name: 'Caisse commune de l’alimentation de Dijon Sud – Chenôve (démo)',
      slug: 'demo-chenove',
      region: '27',
      commune: 'Chenôve',
      territoryType: 'periurbain',
      targetPublic: 'precarious',
      startDate: '2024-11-01',
      stage: 'fonctionnement',
      ssaCollectiveMember: false,
      patInvolvement: 'governance',
    },
    participants: 78,
    population: {
      precariousShare: 0.8,
      allocation: 100,
      cotisations: { hard: [0, 5, 10], middle: [15, 25], easy: [40, 60] },
    },
    economy: { publicShare: 0.65, outlets: [8, 16], directShare: 0.45 },
    objectives: [
      { code: 'food_insecurity', priority: 1 },
      { code: 'access', priority: 1 },
      { code: 'capacity', priority: 2 },
      { code: 'governance', priority: 2 },
    ],
    // EPICES and USDA are only in the entry questionnaire, and the semester's monitoring form is not in yet:
    // at the follow-up, food insecurity and governance are set but not analysed.
    selection: [
      { indicatorId: 'epices_precarity', objectives: ['food_insecurity'], target: null },
      { indicatorId: 'usda6_food_insecure', objectives: ['food_insecurity'] },
      { indicatorId: 'allocation_budget_share', objectives: ['access'] },
      { indicatorId: 'training_participation', objectives: ['capacity'] },
      { indicatorId: 'committee_attendance_rate', objectives: ['governance'] },
    ],
    entry: { semester: -1, status: 'closed', rate: 0.87 },
    followups: [{ semester: 0, status: 'open', rate: 0.72, improvement: 0.3 }],
    monitoring: [{ semester: -1, status: 'closed' }],
  },
  {
    key: 'SPR',
    seed: 97410,
    profile: {
      name: 'Caisse solidaire de l’alimentation de Saint-Pierre (démo)',
      slug: 'demo-saint-pierre-reunion',
      region: '04',
      commune: 'Saint-Pierre',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: '2025-10-01',
      stage: 'demarrage',
      ssaCollectiveMember: false,
      patInvolvement: 'none',
    },
    participants: 30,
    population: { precariousShare: 0.5, allocation: 100 },
    economy: { publicShare: 0.6, outlets: [5, 10], directShare: 0.7 },
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'producers', priority: 1 },
      { code: 'points_of_sale', priority: 2 },
    ],
    selection: [
      { indicatorId: 'organic_consumer', objectives: ['access'] },
      { indicatorId: 'market_farm_purchase', objectives: ['producers'] },
      { indicatorId: 'outlets_direct_share', objectives: ['producers', 'points_of_sale'] },
      { indicatorId: 'cotisation_allocation_ratio', objectives: [] },
    ],
    entry: { semester: 0, status: 'closed', rate: 0.85 },
    monitoring: [{ semester: 0, status: 'open' }],
  },
  {
    key: 'AUG',
    seed: 14100,
    profile: {
      name: 'Caisse commune de l’alimentation du Pays d’Auge (démo)',
      slug: 'demo-pays-d-auge',
      region: '28',
      commune: 'Lisieux',
      territoryType: 'rural',
      targetPublic: 'universal',
      startDate: '2024-05-01',
      stage: 'fonctionnement',
      ssaCollectiveMember: false,
      patInvolvement: 'none',
    },
    participants: 28,
    population: { ...universal, allocation: 90 },
    economy: { paidStaff: false, outlets: [6, 11], directShare: 0.85 },
    objectives: [
      { code: 'producers', priority: 1 },
      { code: 'points_of_sale', priority: 1 },
      { code: 'capacity', priority: 2 },
      { code: 'governance', priority: 2 },
    ],
    selection: [
      { indicatorId: 'outlets_direct_share', objectives: ['producers', 'points_of_sale'] },
      { indicatorId: 'committee_participation', objectives: ['governance'] },
    ],
    entry: { semester: -2, status: 'closed', rate: 0.9 },
    followups: [{ semester: -1, status: 'closed', rate: 0.8, improvement: 0.2 }],
    monitoring: [
      { semester: -2, status: 'closed' },
      { semester: -1, status: 'closed' },
    ],
  },
  {
    key: 'MAR',
    seed: 13300,
    profile: {
      name: 'Caisse commune de l’alimentation de Marseille Nord (démo)',
      slug: 'demo-marseille-nord',
      region: '93',
      commune: 'Marseille',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: null,
      stage: 'reflexion',
      experimentersCount: null,
      ssaCollectiveMember: true,
      patInvolvement: 'none',
    },
    // Still thinking it through: objectives and indicators chosen, no experimenters, no waves.
    participants: 0,
    population: universal,
    economy: {},
    objectives: [
      { code: 'access', priority: 1 },
      { code: 'food_insecurity', priority: 1 },
      { code: 'capacity', priority: 2 },
      { code: 'advocacy', priority: 2 },
    ],
    selection: [
      { indicatorId: 'hfias_category', objectives: ['access', 'food_insecurity'], target: 0.2 },
      { indicatorId: 'power_to_act', objectives: ['capacity'], target: 0.6 },
    ],
  },
];
