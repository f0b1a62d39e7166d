// Economy dimension: the socio-economic model (cotisations, redistribution, self-financing, work, budget).
import type { Answers } from '../instruments/index.ts';
import type { IndicatorDefinition } from '../schema.ts';
import { amount, cotisationBand, count, ratio, sumOrNull } from './readers.ts';
import { CAISSE_DISAGGREGATIONS, PARTICIPANT_DISAGGREGATIONS, recolteSource } from './shared.ts';

const MANAGEMENT_DATA = {
  fr: 'Données de gestion de la caisse, non un échantillon : pas d’intervalle.',
  en: 'Caisse management data, not a sample: no interval.',
};

/**
 * The caisse's accounts as its monitoring form states them, read with the same rules as the economy
 * indicators (a non-negative finite amount, a whole count; anything else is unknown): what a report prints
 * beside the indicators, never recomputed elsewhere.
 */
export function monitoringAccounts(a: Answers) {
  return {
    budget: {
      cotisations: amount(a, 'budget_cotisations'),
      gifts: amount(a, 'budget_gifts'),
      private: amount(a, 'budget_private'),
      public: amount(a, 'budget_public'),
      other: amount(a, 'budget_other'),
    },
    budgetTotal: amount(a, 'budget_total'),
    ftePaid: amount(a, 'fte_paid'),
    fteVolunteer: amount(a, 'fte_volunteer'),
    allocationsPaid: amount(a, 'allocations_paid_total'),
    cotisationsReceived: amount(a, 'cotisations_received_total'),
    experimentersActive: count(a, 'experimenters_active'),
  };
}
export type MonitoringAccounts = ReturnType<typeof monitoringAccounts>;

export const economyIndicators: IndicatorDefinition[] = [
  {
    id: 'cotisation_distribution',
    version: 1,
    label: { fr: 'Répartition des cotisations mensuelles', en: 'Distribution of monthly cotisations' },
    description: {
      fr: 'Répartition des participants selon le montant de la cotisation qu’ils versent chaque mois.',
      en: 'Distribution of participants by the amount of cotisation they pay each month.',
    },
    dimension: 'economy',
    objectives: ['access'],
    level: 'participant',
    module: 'food_budget',
    questions: ['cotisation_month'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'neutral',
    format: { style: 'percent', decimals: 1 },
    kind: 'distribution',
    categories: [
      { code: 'zero', label: { fr: '0 €', en: 'EUR 0' } },
      { code: 'up_to_20', label: { fr: 'Plus de 0 à 20 €', en: 'Over EUR 0 to 20' } },
      { code: 'over_20_to_50', label: { fr: 'Plus de 20 à 50 €', en: 'Over EUR 20 to 50' } },
      { code: 'over_50_to_100', label: { fr: 'Plus de 50 à 100 €', en: 'Over EUR 50 to 100' } },
      { code: 'over_100', label: { fr: 'Plus de 100 €', en: 'Over EUR 100' } },
    ],
    missingRule: {
      fr: 'Réponse manquante si le montant n’est pas renseigné ou est négatif.',
      en: 'A response is missing if the amount is unanswered or negative.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS.filter((k) => k !== 'cotisation_tier'),
    method: {
      fr:
        'Tranches de cotisation mensuelle (bornes supérieures incluses) : 0 €, ]0 ; 20], ]20 ; 50], ]50 ; 100], ' +
        'plus de 100 €. Part de chaque tranche, intervalles de Wilson à 95 %. Montre si la cotisation selon les ' +
        'moyens ouvre effectivement la caisse à tous (universalité).',
      en:
        'Monthly cotisation bands (upper bounds included): EUR 0, ]0, 20], ]20, 50], ]50, 100], over 100. ' +
        'Share of each band, 95 % Wilson intervals. Shows whether contribution according to means actually ' +
        'opens the caisse to everyone (universality).',
    },
    source: recolteSource('food_budget'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const eur = amount(a, 'cotisation_month');
      return eur === null ? null : cotisationBand(eur);
    },
  },
  {
    id: 'redistribution_share',
    version: 1,
    label: {
      fr: 'Part des participants cotisant moins que leur allocation',
      en: 'Share of participants contributing less than their allocation',
    },
    description: {
      fr: 'Part des participants dont la cotisation mensuelle est inférieure à l’allocation reçue : mesure la redistribution opérée par la caisse.',
      en: 'Share of participants whose monthly cotisation is below the allocation they receive: measures the redistribution the caisse achieves.',
    },
    dimension: 'economy',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'food_budget',
    questions: ['cotisation_month', 'allocation_month'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'neutral',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si la cotisation ou l’allocation n’est pas renseignée.',
      en: 'A response is missing if the cotisation or the allocation is unanswered.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Cotisation mensuelle strictement inférieure à l’allocation mensuelle. Proportion, intervalle de Wilson à ' +
        '95 %. Sens neutre : le bon niveau dépend de l’équilibre financier visé par la caisse.',
      en:
        'Monthly cotisation strictly below the monthly allocation. Proportion, 95 % Wilson interval. Neutral ' +
        "direction: the right level depends on the caisse's intended financial balance.",
    },
    source: recolteSource('food_budget'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const cotisation = amount(a, 'cotisation_month');
      const allocation = amount(a, 'allocation_month');
      return cotisation === null || allocation === null ? null : cotisation < allocation;
    },
  },
  {
    id: 'self_financing_share',
    version: 1,
    label: { fr: 'Part d’autofinancement du budget', en: 'Self-financed share of the budget' },
    description: {
      fr: 'Part du budget de la période financée par les cotisations et les dons.',
      en: "Share of the period's budget financed by cotisations and gifts.",
    },
    dimension: 'economy',
    objectives: [],
    level: 'caisse',
    module: 'caisse_budget',
    questions: ['budget_cotisations', 'budget_gifts', 'budget_total'],
    unit: { fr: '% du budget', en: '% of the budget' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des trois valeurs manque (un montant nul se saisit 0), si le budget total est nul, ou si cotisations + dons dépassent le total.',
      en: 'Missing if any of the three values is unanswered (a nil amount is entered as 0), if the total budget is zero, or if cotisations + gifts exceed the total.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: `(Cotisations + dons) / budget total ; sur plusieurs caisses : Σ / Σ (pondéré par le budget). Repère : 37 % en moyenne dans l’étude nationale de 2025. ${MANAGEMENT_DATA.fr}`,
      en: `(Cotisations + gifts) / total budget; across caisses: Σ / Σ (budget-weighted). Benchmark: 37 % on average in the 2025 national study. ${MANAGEMENT_DATA.en}`,
    },
    source: recolteSource('caisse_budget'),
    range: { min: 0, max: 1 },
    measure: (a) =>
      ratio(
        sumOrNull(amount(a, 'budget_cotisations'), amount(a, 'budget_gifts')),
        amount(a, 'budget_total'),
        {
          atMostOne: true,
        },
      ),
  },
  {
    id: 'volunteer_fte_share',
    version: 1,
    label: { fr: 'Part bénévole du travail (ETP)', en: 'Volunteer share of the work (FTE)' },
    description: {
      fr: 'Part des équivalents temps plein bénévoles dans le travail total (salarié et bénévole) de la caisse.',
      en: "Share of volunteer full-time equivalents in the caisse's total (paid and volunteer) work.",
    },
    dimension: 'economy',
    objectives: [],
    level: 'caisse',
    module: 'caisse_staff',
    questions: ['fte_paid', 'fte_volunteer'],
    unit: { fr: '% des ETP', en: '% of FTE' },
    direction: 'neutral',
    format: { style: 'percent', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des deux valeurs manque ou si le total des ETP est nul.',
      en: 'Missing if either value is unanswered or if total FTE is zero.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: `ETP bénévoles / (ETP salariés + ETP bénévoles) ; sur plusieurs caisses : Σ / Σ. Repère : 65 % dans l’étude nationale de 2025. Sens neutre : un fort bénévolat est une ressource et un risque de fragilité. ${MANAGEMENT_DATA.fr}`,
      en: `Volunteer FTE / (paid FTE + volunteer FTE); across caisses: Σ / Σ. Benchmark: 65 % in the 2025 national study. Neutral direction: heavy volunteering is both a resource and a fragility. ${MANAGEMENT_DATA.en}`,
    },
    source: recolteSource('caisse_staff'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const volunteer = amount(a, 'fte_volunteer');
      return ratio(volunteer, sumOrNull(amount(a, 'fte_paid'), volunteer));
    },
  },
  {
    id: 'budget_per_experimenter',
    version: 1,
    label: { fr: 'Budget par expérimentateur', en: 'Budget per experimenter' },
    description: {
      fr: 'Budget total de la période rapporté au nombre d’expérimentateurs actifs.',
      en: "The period's total budget per active experimenter.",
    },
    dimension: 'economy',
    objectives: [],
    level: 'caisse',
    module: 'caisse_budget',
    extraModules: ['caisse_flows'],
    questions: ['budget_total', 'experimenters_active'],
    unit: { fr: 'EUR par expérimentateur', en: 'EUR per experimenter' },
    direction: 'neutral',
    format: { style: 'eur', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des deux valeurs manque ou si aucun expérimentateur actif n’est déclaré.',
      en: 'Missing if either value is unanswered or if no active experimenter is declared.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: `Budget total / expérimentateurs actifs ; sur plusieurs caisses : Σ budgets / Σ expérimentateurs. ${MANAGEMENT_DATA.fr}`,
      en: `Total budget / active experimenters; across caisses: Σ budgets / Σ experimenters. ${MANAGEMENT_DATA.en}`,
    },
    source: recolteSource('caisse_budget'),
    measure: (a) => ratio(amount(a, 'budget_total'), count(a, 'experimenters_active')),
  },
  {
    id: 'cotisation_allocation_ratio',
    version: 1,
    label: {
      fr: 'Cotisations reçues rapportées aux allocations versées',
      en: 'Cotisations received over allocations paid',
    },
    description: {
      fr: 'Montant des cotisations reçues pour un euro d’allocation versé sur la période.',
      en: 'Cotisations received per euro of allocation paid in the period.',
    },
    dimension: 'economy',
    objectives: [],
    level: 'caisse',
    module: 'caisse_flows',
    questions: ['cotisations_received_total', 'allocations_paid_total'],
    unit: { fr: '€ de cotisation par € d’allocation', en: 'EUR of cotisation per EUR of allocation' },
    direction: 'neutral',
    format: { style: 'number', decimals: 2 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des deux valeurs manque ou si aucune allocation n’a été versée.',
      en: 'Missing if either value is unanswered or if no allocation was paid.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: `Cotisations reçues / allocations versées ; sur plusieurs caisses : Σ / Σ. Inférieur à 1 : la caisse complète les cotisations par d’autres ressources. ${MANAGEMENT_DATA.fr}`,
      en: `Cotisations received / allocations paid; across caisses: Σ / Σ. Below 1: the caisse tops up cotisations with other resources. ${MANAGEMENT_DATA.en}`,
    },
    source: recolteSource('caisse_flows'),
    measure: (a) => ratio(amount(a, 'cotisations_received_total'), amount(a, 'allocations_paid_total')),
  },
];
