// The objectives taxonomy and evaluation dimensions of the national study (DOMAIN.md), with the
// default objective → dimension map. Stable codes are ours; French labels are the study's.
export const DIMENSIONS = ['access', 'democracy', 'agroecology', 'health', 'economy'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const STANDARD_OBJECTIVES = [
  'access',
  'capacity',
  'governance',
  'producers',
  'points_of_sale',
  'food_insecurity',
  'advocacy',
] as const;
export type StandardObjective = (typeof STANDARD_OBJECTIVES)[number];

export interface Localized {
  fr: string;
  en: string;
}

export const DIMENSION_LABELS: Record<Dimension, Localized> = {
  access: { fr: 'Accès à l’alimentation', en: 'Access to food' },
  democracy: { fr: 'Démocratie alimentaire', en: 'Food democracy' },
  agroecology: { fr: 'Agroécologie', en: 'Agroecology' },
  health: { fr: 'Santé', en: 'Health' },
  economy: { fr: 'Modèle socio-économique', en: 'Socio-economic model' },
};

export const OBJECTIVE_LABELS: Record<StandardObjective, Localized> = {
  access: {
    fr: 'Accès à l’alimentation durable pour toutes et tous',
    en: 'Access to sustainable food for all',
  },
  capacity: {
    fr: 'Formation, sensibilisation, accompagnement et capacitation des citoyens vers des pratiques alimentaires durables (renforcer le pouvoir d’agir)',
    en: 'Training, awareness, support and empowerment of citizens towards sustainable food practices (power to act)',
  },
  governance: { fr: 'Gouvernance partagée', en: 'Shared governance' },
  producers: {
    fr: 'Installation ou maintien de producteurs locaux en agriculture durable, rémunérés équitablement',
    en: 'Setting up or keeping local sustainable farmers, fairly paid',
  },
  points_of_sale: {
    fr: 'Soutien et sensibilisation des points de vente ciblés',
    en: 'Support and awareness of targeted points of sale',
  },
  food_insecurity: {
    fr: 'Lutte contre la précarité alimentaire (publics précaires en tant que cibles spécifiques)',
    en: 'Fighting food insecurity (people in precarity as specific targets)',
  },
  advocacy: { fr: 'Plaidoyer', en: 'Advocacy' },
};

export const DEFAULT_OBJECTIVE_DIMENSIONS: Record<StandardObjective, readonly Dimension[]> = {
  access: ['access', 'agroecology'],
  capacity: ['democracy', 'health'],
  governance: ['democracy'],
  producers: ['agroecology', 'economy'],
  points_of_sale: ['agroecology', 'economy'],
  food_insecurity: ['access', 'health'],
  advocacy: ['democracy'],
};

export const isStandardObjective = (code: string): code is StandardObjective =>
  (STANDARD_OBJECTIVES as readonly string[]).includes(code);

// ---- Caisse profile vocabulary (the study's questionnaire), shared by the API schemas, the
// reports and the client's forms and filters.

export const TERRITORY_TYPES = ['urbain', 'periurbain', 'rural'] as const;
export const TARGET_PUBLICS = ['universal', 'precarious', 'students', 'other'] as const;
export const STAGES = ['reflexion', 'prototypage', 'demarrage', 'fonctionnement'] as const;
export const PAT_INVOLVEMENTS = ['governance', 'funding', 'both', 'none'] as const;

/** INSEE codes of the 18 current regions (13 metropolitan including Corsica, 5 overseas). */
export const INSEE_REGIONS = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
] as const;
export type InseeRegion = (typeof INSEE_REGIONS)[number];

export const REGION_NAMES: Record<InseeRegion, string> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': 'Provence-Alpes-Côte d’Azur',
  '94': 'Corse',
};

// ---- Participant vocabularies: the codes of the profile questions and of the disaggregation bands,
// defined once for the library, the server's schemas and the client.

export const COTISATION_BANDS = ['zero', 'up_to_20', 'over_20_to_50', 'over_50_to_100', 'over_100'] as const;
export type CotisationBand = (typeof COTISATION_BANDS)[number];

export const COTISATION_TIERS = ['up_to_20', 'over_20_to_50', 'over_50'] as const;
export type CotisationTier = (typeof COTISATION_TIERS)[number];

export const HOUSEHOLD_SIZE_BANDS = ['1', '2', '3_4', '5_plus'] as const;
export type HouseholdSizeBand = (typeof HOUSEHOLD_SIZE_BANDS)[number];

export const AGE_BANDS = ['15_29', '30_44', '45_59', '60_74', '75_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const HOUSEHOLD_TYPES = [
  'single',
  'couple',
  'single_parent',
  'couple_children',
  'shared',
  'other',
] as const;
export const RESPONDENT_SEXES = ['female', 'male', 'other'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export type RespondentSex = (typeof RESPONDENT_SEXES)[number];

/**
 * How a response was collected: the participant alone (`self`, their link), with a volunteer or an
 * enumerator (`assisted`), entered from a paper form (`paper`), or imported from another tool (`import`).
 * A breakdown by mode shows a mode effect on an indicator.
 */
export const COLLECTION_MODES = ['self', 'assisted', 'paper', 'import'] as const;
export type CollectionMode = (typeof COLLECTION_MODES)[number];

export const COLLECTION_MODE_LABELS: Record<CollectionMode, Localized> = {
  self: { fr: 'Seul·e (lien personnel)', en: 'Alone (personal link)' },
  assisted: { fr: 'Avec un·e bénévole ou enquêteur·rice', en: 'With a volunteer or enumerator' },
  paper: { fr: 'Questionnaire papier saisi', en: 'Paper form, entered' },
  import: { fr: 'Importé d’un autre outil', en: 'Imported from another tool' },
};
