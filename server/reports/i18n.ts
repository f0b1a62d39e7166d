// The evaluation report's own words (headings, profile values, reasons) in French and English, and the
// number formats every renderer shares. Indicator, objective and dimension labels come from the reference
// sheets and the taxonomy, never from here.
import { REGION_NAMES } from '../../indicators/taxonomy.ts';
import type { Lang } from '../../indicators/index.ts';

// Indicator values, intervals and changes are printed by the library's formatter (the sheet's `format`):
// the same strings as the dashboard and the research view.
export {
  formatChange,
  formatChangeInterval,
  formatEur,
  formatInterval,
  formatNumber,
  formatPercent,
  formatValue,
  type Lang,
  tickFormatter,
  type ValueFormat,
} from '../../indicators/index.ts';
export type Audience = 'external' | 'internal';

type L = { fr: string; en: string };
const pick = (l: L, lang: Lang) => l[lang];

const TEXTS = {
  title: { fr: 'Rapport d’évaluation', en: 'Evaluation report' },
  subtitle: {
    fr: 'Suivi-évaluation de la caisse alimentaire',
    en: 'Monitoring and evaluation of the food fund',
  },
  period: { fr: 'Période', en: 'Period' },
  comparedWith: { fr: 'comparée à', en: 'compared with' },
  generatedOn: { fr: 'Édité le', en: 'Issued on' },
  audienceExternal: {
    fr: 'Diffusion externe : les effectifs de moins de {min} répondants sont masqués.',
    en: 'For external circulation: groups of fewer than {min} respondents are suppressed.',
  },
  audienceInternal: {
    fr: 'Document interne à la caisse : il contient des petits effectifs, ne pas diffuser.',
    en: 'Internal to the caisse: it contains small groups, do not circulate.',
  },
  producedWith: { fr: 'Produit avec Récolte', en: 'Produced with Récolte' },
  contents: { fr: 'Sommaire', en: 'Contents' },
  page: { fr: 'Page', en: 'Page' },
  of: { fr: 'sur', en: 'of' },

  summary: { fr: 'En bref', en: 'At a glance' },
  objectivesAnalysed: { fr: 'objectifs analysés', en: 'objectives analysed' },
  dimensionsCovered: { fr: 'dimensions couvertes', en: 'dimensions covered' },
  respondents: { fr: 'répondants', en: 'respondents' },
  responseRate: { fr: 'taux de réponse', en: 'response rate' },
  targetsMet: { fr: 'cibles atteintes', en: 'targets met' },
  keyFigures: { fr: 'Chiffres clés', en: 'Key figures' },
  noKeyFigure: {
    fr: 'Aucun indicateur mesuré pour cette période.',
    en: 'No indicator measured for this period.',
  },

  s1: { fr: 'La caisse', en: 'The caisse' },
  s2: { fr: 'Objectifs et couverture de l’évaluation', en: 'Objectives and evaluation coverage' },
  s3: { fr: 'Indicateurs par dimension', en: 'Indicators by dimension' },
  s4: { fr: 'Modèle socio-économique', en: 'Socio-economic model' },
  s5: { fr: 'Méthodologie', en: 'Methodology' },
  s6: { fr: 'Annexe : fiches des indicateurs', en: 'Annex: indicator reference sheets' },

  commune: { fr: 'Commune', en: 'Municipality' },
  region: { fr: 'Région', en: 'Region' },
  territory: { fr: 'Type de territoire', en: 'Territory type' },
  public: { fr: 'Public visé', en: 'Target public' },
  startDate: { fr: 'Démarrage', en: 'Start date' },
  stage: { fr: 'Stade', en: 'Stage' },
  experimenters: { fr: 'Expérimentateurs', en: 'Experimenters' },
  ssaCollective: { fr: 'Membre du collectif national SSA', en: 'Member of the national SSA collective' },
  pat: { fr: 'Projet alimentaire territorial (PAT)', en: 'Local food plan (PAT)' },
  yes: { fr: 'oui', en: 'yes' },
  no: { fr: 'non', en: 'no' },
  yesWithoutObjective: { fr: 'oui, sans objectif déclaré', en: 'yes, without a declared objective' },
  notStated: { fr: 'non renseigné', en: 'not stated' },

  objectivesIntro: {
    fr: 'Chaque objectif déclaré par la caisse est rapproché des indicateurs effectivement mesurés sur la période : ● objectif fixé et analysé, ○ objectif fixé mais non analysé (avec la raison). Un objectif est analysé lorsqu’au moins un indicateur qui lui est lié est mesuré auprès d’au moins {min} répondants.',
    en: 'Each objective the caisse declared is matched with the indicators actually measured in the period: ● objective set and analysed, ○ objective set but not analysed (with the reason). An objective is analysed when at least one linked indicator is measured among at least {min} respondents.',
  },
  objective: { fr: 'Objectif', en: 'Objective' },
  dimensionsCol: { fr: 'Dimensions', en: 'Dimensions' },
  indicatorsCol: { fr: 'Indicateurs', en: 'Indicators' },
  statusCol: { fr: 'Situation', en: 'Status' },
  analysed: { fr: 'analysé', en: 'analysed' },
  dimensionsMatrix: { fr: 'Dimensions de l’évaluation', en: 'Evaluation dimensions' },
  dimension: { fr: 'Dimension', en: 'Dimension' },
  objectiveSet: { fr: 'Objectif fixé', en: 'Objective set' },
  covered: { fr: 'Mesurée', en: 'Measured' },
  withoutObjective: { fr: 'Analysé sans objectif déclaré', en: 'Analysed without a declared objective' },
  withoutObjectiveNone: {
    fr: 'Aucun indicateur n’est mesuré hors des dimensions des objectifs déclarés.',
    en: 'No indicator is measured outside the dimensions of the declared objectives.',
  },
  noObjective: {
    fr: 'La caisse n’a pas encore déclaré d’objectif.',
    en: 'The caisse has not declared any objective yet.',
  },

  indicatorsIntro: {
    fr: 'Valeur sur la période avec son intervalle de confiance à 95 %, nombre de répondants (n) et de réponses manquantes, évolution depuis la vague de comparaison et position par rapport à la cible fixée par la caisse.',
    en: 'Value in the period with its 95 % confidence interval, number of respondents (n) and of missing answers, change since the comparison wave and position against the target set by the caisse.',
  },
  noIndicator: { fr: 'Aucun indicateur n’a été choisi.', en: 'No indicator has been selected.' },
  value: { fr: 'Valeur', en: 'Value' },
  interval: { fr: 'IC 95 %', en: '95 % CI' },
  n: { fr: 'Répondants (n)', en: 'Respondents (n)' },
  nForms: { fr: 'Formulaires de suivi (n)', en: 'Monitoring forms (n)' },
  missing: { fr: 'Manquants', en: 'Missing' },
  change: { fr: 'Évolution', en: 'Change' },
  changeSince: { fr: 'depuis', en: 'since' },
  paired: { fr: 'apparié', en: 'paired' },
  independent: { fr: 'échantillons indépendants', en: 'independent samples' },
  pairs: { fr: 'paires', en: 'pairs' },
  significant: { fr: 'significative', en: 'significant' },
  notSignificant: { fr: 'non significative', en: 'not significant' },
  improvement: { fr: 'amélioration', en: 'improvement' },
  deterioration: { fr: 'dégradation', en: 'deterioration' },
  target: { fr: 'Cible', en: 'Target' },
  declaredBaseline: { fr: 'Valeur de référence déclarée', en: 'Declared baseline' },
  met: { fr: 'atteinte', en: 'met' },
  notMet: { fr: 'non atteinte', en: 'not met' },
  unknownTarget: { fr: 'non évaluable', en: 'cannot be assessed' },
  noChange: { fr: 'pas de vague de comparaison', en: 'no comparison wave' },
  category: { fr: 'Catégorie', en: 'Category' },
  share: { fr: 'Part', en: 'Share' },
  suppressed: { fr: 'effectif trop faible (< {min})', en: 'too few respondents (< {min})' },
  cellSuppressed: { fr: 'masqué (< {min})', en: 'suppressed (< {min})' },
  cellComplementary: { fr: 'masqué (secret secondaire)', en: 'suppressed (secondary)' },
  hidden: { fr: 'masqué', en: 'suppressed' },
  noData: { fr: 'Pas de réponse pour cette période.', en: 'No answer for this period.' },
  notMeasurable: {
    fr: 'Non mesurable : questions absentes du questionnaire de la vague ({q}).',
    en: 'Not measurable: questions missing from the wave’s questionnaire ({q}).',
  },
  current: { fr: 'Période', en: 'Period' },
  baseline: { fr: 'Comparaison', en: 'Comparison' },

  economyIntro: {
    fr: 'Chiffres déclarés par la caisse dans son formulaire de suivi de la période {p} (données de gestion : pas d’intervalle ni de masquage).',
    en: 'Figures declared by the caisse in its monitoring form for period {p} (management data: no interval, no suppression).',
  },
  noMonitoring: {
    fr: 'Aucun formulaire de suivi de la caisse n’a été saisi pour la période {p}.',
    en: 'No monitoring form of the caisse has been entered for period {p}.',
  },
  budgetSources: { fr: 'Budget et sources de financement', en: 'Budget and funding sources' },
  source: { fr: 'Source', en: 'Source' },
  amount: { fr: 'Montant', en: 'Amount' },
  budgetTotal: { fr: 'Budget total', en: 'Total budget' },
  budgetCotisations: { fr: 'Cotisations des expérimentateurs', en: 'Experimenters’ cotisations' },
  budgetGifts: { fr: 'Dons', en: 'Gifts' },
  budgetPrivate: { fr: 'Financements privés', en: 'Private funding' },
  budgetPublic: { fr: 'Financements publics', en: 'Public funding' },
  budgetOther: { fr: 'Autres ressources', en: 'Other resources' },
  selfFinancing: {
    fr: 'Part d’autofinancement (cotisations + dons)',
    en: 'Self-financed share (cotisations + gifts)',
  },
  work: { fr: 'Travail et flux', en: 'Work and flows' },
  ftePaid: { fr: 'ETP salariés', en: 'Paid FTE' },
  fteVolunteer: { fr: 'ETP bénévoles', en: 'Volunteer FTE' },
  volunteerShare: { fr: 'Part bénévole du travail', en: 'Volunteer share of work' },
  allocationsPaid: { fr: 'Allocations versées', en: 'Allocations paid' },
  cotisationsReceived: { fr: 'Cotisations reçues', en: 'Cotisations received' },
  cotisationAllocation: {
    fr: 'Cotisations pour 1 € d’allocation',
    en: 'Cotisations per EUR 1 of allocation',
  },
  activeExperimenters: { fr: 'Expérimentateurs actifs', en: 'Active experimenters' },
  budgetPerExperimenter: { fr: 'Budget par expérimentateur', en: 'Budget per experimenter' },
  benchmark: {
    fr: 'Repères de l’étude nationale 2025 (32 caisses) : 37 % d’autofinancement, 28 % de financements privés, 35 % publics ; 65 % du travail est bénévole.',
    en: 'Benchmarks from the 2025 national study (32 caisses): 37 % self-financed, 28 % private funding, 35 % public; 65 % of the work is volunteer.',
  },
  fundingChart: { fr: 'Sources de financement', en: 'Funding sources' },

  instruments: { fr: 'Instruments et sources', en: 'Instruments and sources' },
  responseRates: { fr: 'Taux de réponse par vague', en: 'Response rates by wave' },
  level: { fr: 'Niveau', en: 'Level' },
  levelParticipant: { fr: 'Participants', en: 'Participants' },
  levelCaisse: { fr: 'Caisse (suivi)', en: 'Caisse (monitoring)' },
  status: { fr: 'État', en: 'Status' },
  submitted: { fr: 'Réponses', en: 'Responses' },
  expected: { fr: 'Attendues', en: 'Expected' },
  rate: { fr: 'Taux', en: 'Rate' },
  baselineWave: { fr: 'référence', en: 'baseline' },
  thisReport: { fr: 'ce rapport', en: 'this report' },
  draft: { fr: 'brouillon', en: 'draft' },
  open: { fr: 'ouverte', en: 'open' },
  closed: { fr: 'close', en: 'closed' },
  noWave: { fr: 'Aucune vague.', en: 'No wave.' },
  missingRules: { fr: 'Données manquantes', en: 'Missing data' },
  missingIntro: {
    fr: 'Aucune réponse manquante n’est imputée : une réponse incomplète pour un indicateur est comptée dans « manquants » et exclue de son calcul, selon la règle de chaque fiche.',
    en: 'No missing answer is imputed: a response incomplete for an indicator is counted as “missing” and left out of its computation, following each sheet’s rule.',
  },
  suppression: { fr: 'Secret statistique', en: 'Statistical disclosure control' },
  suppressionText: {
    fr: 'Hors de la coordination de la caisse, une valeur reposant sur moins de {min} répondants est masquée, ainsi que toute catégorie comptant de 1 à {min1} personnes ; lorsqu’une seule case d’un ensemble est masquée, la plus petite suivante l’est aussi (secret secondaire), pour qu’aucune ne se déduise du total. Les indicateurs de niveau caisse (comptes de la structure) ne sont pas masqués.',
    en: 'Outside the caisse’s coordination, a value resting on fewer than {min} respondents is suppressed, as is any category of 1 to {min1} people; when a single cell of a set is suppressed, the next smallest is too (secondary suppression), so that none can be derived from the total. Caisse-level indicators (the organisation’s accounts) are not suppressed.',
  },
  suppressionApplied: { fr: 'Ce rapport applique ces règles.', en: 'This report applies these rules.' },
  suppressionNotApplied: {
    fr: 'Ce rapport interne ne les applique pas : il ne doit pas sortir de la caisse.',
    en: 'This internal report does not apply them: it must not leave the caisse.',
  },
  statistics: { fr: 'Méthodes statistiques', en: 'Statistical methods' },
  statisticsText: {
    fr: 'Intervalles de confiance à 95 % : de Wilson pour les proportions et les parts, de Student pour les moyennes ; aucun pour les indicateurs de niveau caisse, qui sont des données de gestion et non un échantillon. Évolution : appariée (moyenne des différences individuelles) lorsqu’au moins {min} participants ont répondu aux deux vagues, sinon comparaison d’échantillons indépendants (Newcombe pour les proportions, Welch pour les moyennes). Une évolution est dite significative lorsque son intervalle à 95 % exclut zéro.',
    en: '95 % confidence intervals: Wilson for proportions and shares, Student for means; none for caisse-level indicators, which are management data, not a sample. Change: paired (mean of individual differences) when at least {min} participants answered both waves, else a comparison of independent samples (Newcombe for proportions, Welch for means). A change is called significant when its 95 % interval excludes zero.',
  },
  usedBy: { fr: 'Utilisé par', en: 'Used by' },

  fewCaution: {
    fr: 'Moins de {min} répondants : valeur fragile, à lire avec prudence et à ne pas diffuser hors de la caisse.',
    en: 'Fewer than {min} respondents: a fragile value, to be read with caution and not circulated outside the caisse.',
  },
  managementData: { fr: 'sans objet', en: 'n/a' },
  kindProportion: { fr: 'proportion', en: 'proportion' },
  kindMean: { fr: 'moyenne', en: 'mean' },
  kindDistribution: { fr: 'répartition', en: 'distribution' },
  kindRatio: { fr: 'ratio', en: 'ratio' },
  levelParticipantShort: { fr: 'réponses des participants', en: 'participants’ answers' },
  levelCaisseShort: { fr: 'formulaire de suivi de la caisse', en: 'caisse monitoring form' },
  expectedNote: {
    fr: 'Réponses attendues : les participants inscrits aujourd’hui (un formulaire par période pour le suivi de la caisse).',
    en: 'Expected responses: the participants registered today (one form per period for the caisse monitoring).',
  },
  sheetId: { fr: 'Identifiant', en: 'Identifier' },
  description: { fr: 'Définition', en: 'Definition' },
  levelKind: { fr: 'Niveau et type', en: 'Level and kind' },
  unit: { fr: 'Unité', en: 'Unit' },
  direction: { fr: 'Sens', en: 'Direction' },
  method: { fr: 'Calcul', en: 'Computation' },
  missingRule: { fr: 'Règle des manquants', en: 'Missing-data rule' },
  questions: { fr: 'Questions', en: 'Questions' },
  categories: { fr: 'Catégories', en: 'Categories' },
  sourceRef: { fr: 'Source', en: 'Source' },
  higherIsBetter: { fr: 'plus élevé = mieux', en: 'higher is better' },
  lowerIsBetter: { fr: 'plus bas = mieux', en: 'lower is better' },
  neutral: { fr: 'neutre', en: 'neutral' },
} as const satisfies Record<string, L>;

export type TextKey = keyof typeof TEXTS;

/** A heading or phrase of the report, with {placeholders} filled. */
export function t(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return pick(TEXTS[key], lang).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const TERRITORY: Record<string, L> = {
  urbain: { fr: 'urbain', en: 'urban' },
  periurbain: { fr: 'périurbain', en: 'peri-urban' },
  rural: { fr: 'rural', en: 'rural' },
};
const PUBLIC: Record<string, L> = {
  universal: { fr: 'universel (tous les habitants)', en: 'universal (all residents)' },
  precarious: { fr: 'prioritairement les personnes en précarité', en: 'primarily people in precarity' },
  students: { fr: 'étudiants', en: 'students' },
  other: { fr: 'autre', en: 'other' },
};
const STAGE: Record<string, L> = {
  reflexion: { fr: 'réflexion', en: 'reflection' },
  prototypage: { fr: 'prototypage', en: 'prototyping' },
  demarrage: { fr: 'démarrage', en: 'start-up' },
  fonctionnement: { fr: 'fonctionnement', en: 'running' },
};
const PAT: Record<string, L> = {
  governance: { fr: 'dans la gouvernance', en: 'in the governance' },
  funding: { fr: 'finance en partie la caisse', en: 'partly funds the caisse' },
  both: { fr: 'dans la gouvernance et finance en partie', en: 'in the governance and partly funds it' },
  none: { fr: 'pas de lien', en: 'no link' },
};
const REGIONS: Record<string, string> = REGION_NAMES;

export const profileLabel = {
  territory: (v: string, lang: Lang) => (TERRITORY[v] ? pick(TERRITORY[v], lang) : v),
  public: (v: string, lang: Lang) => (PUBLIC[v] ? pick(PUBLIC[v], lang) : v),
  stage: (v: string, lang: Lang) => (STAGE[v] ? pick(STAGE[v], lang) : v),
  pat: (v: string, lang: Lang) => (PAT[v] ? pick(PAT[v], lang) : v),
  region: (code: string) => REGIONS[code] ?? code,
};

const REASONS: Record<string, L> = {
  no_indicator: {
    fr: 'aucun indicateur choisi pour cet objectif',
    en: 'no indicator chosen for this objective',
  },
  no_data: { fr: 'pas encore de réponse pour cette période', en: 'no answer yet for this period' },
  too_few_respondents: {
    fr: 'trop peu de répondants (moins de {min})',
    en: 'too few respondents (fewer than {min})',
  },
  not_measurable: {
    fr: 'questions absentes du questionnaire de la vague',
    en: 'questions missing from the wave’s questionnaire',
  },
};

export function reasonText(reason: string | null, lang: Lang, minCell: number): string {
  if (reason === null) return t(lang, 'analysed');
  const r = REASONS[reason];
  return r ? pick(r, lang).replace('{min}', String(minCell)) : reason;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
