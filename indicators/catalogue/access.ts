// Access dimension: food insecurity (HFIAS, USDA six-item, FIES), precarity (EPICES), allocation coverage.
import {
  EPICES_QUESTIONS,
  FIES_QUESTIONS,
  HFIAS_CATEGORY_CODES,
  HFIAS_FREQUENCY_QUESTIONS,
  HFIAS_OCCURRENCE_QUESTIONS,
  USDA6_QUESTIONS,
  scoreEpices,
  fiesRawScore,
  scoreFies,
  scoreHfias,
  scoreUsda6,
} from '../instruments/index.ts';
import type { IndicatorDefinition } from '../schema.ts';
import { amount } from './readers.ts';
import { PARTICIPANT_DISAGGREGATIONS, recolteSource } from './shared.ts';

const HFIAS_SOURCE =
  'Coates J, Swindale A, Bilinsky P. Household Food Insecurity Access Scale (HFIAS) for Measurement of Food ' +
  'Access: Indicator Guide, v3. Washington DC: FANTA, 2007.';
const HFIAS_QUESTIONS = [...HFIAS_OCCURRENCE_QUESTIONS, ...HFIAS_FREQUENCY_QUESTIONS];
const HFIAS_MISSING = {
  fr:
    "Réponse comptée comme manquante si l'une des neuf questions d'occurrence manque, ou si la fréquence " +
    "manque alors que l'occurrence est « oui » (le guide FANTA ne prévoit pas d'imputation). Une fréquence " +
    'restée après une occurrence « non » est ignorée.',
  en:
    'A response is missing if any of the nine occurrence questions is unanswered, or if the frequency is ' +
    'unanswered while the occurrence is "yes" (the FANTA guide provides no imputation). A frequency left ' +
    'after a "no" occurrence is ignored.',
};

const USDA_SOURCE =
  'USDA Economic Research Service. U.S. Household Food Security Survey Module: Six-Item Short Form. 2012.';
const USDA_MISSING = {
  fr:
    'Réponse manquante si HH3, HH4, AD1, AD2 ou AD3 manque, ou si AD1 = oui et que AD1a manque (le guide ' +
    "de l'USDA ne traite pas les non-réponses de la forme courte : règle prudente, sans imputation).",
  en:
    'A response is missing if HH3, HH4, AD1, AD2 or AD3 is unanswered, or if AD1 = yes and AD1a is ' +
    "unanswered (USDA's guide is silent on item non-response in the short form: conservative rule, no " +
    'imputation).',
};

const FIES_SOURCE =
  'FAO Voices of the Hungry. Cafiero C, Viviani S, Nord M. Food security measurement in a global context: the ' +
  'Food Insecurity Experience Scale. Measurement 2018;116:146–152; R package RM.weights (global standard scale).';
const FIES_MISSING = {
  fr: 'Réponse manquante si l’une des huit questions manque (la FAO ne calcule le score que sur des réponses complètes).',
  en: 'A response is missing if any of the eight items is unanswered (FAO scores complete answers only).',
};
const fiesMethod = (thresholdFr: string, thresholdEn: string) => ({
  fr:
    'Score brut = nombre de « oui » (0–8). Un échantillon de caisse est bien trop petit pour estimer son ' +
    "propre modèle de Rasch : on utilise directement les sévérités d'items de l'échelle mondiale de " +
    'référence de la FAO. Pour chaque score brut r, la sévérité a_r résout Σ logistique(a − b_j) = r (r = 0,5 ' +
    `et 7,5 pour les scores 0 et 8) ; la probabilité d'être au-delà du seuil (${thresholdFr}) vaut ` +
    '1 − Φ((seuil − a_r)/se_r) ; un score 0 compte pour 0 mais reste au dénominateur. La prévalence est la ' +
    'moyenne de ces probabilités sur les répondants (méthode RM.weights, sans pondération) ; intervalle à ' +
    "95 % de Student sur cette moyenne, qui ignore l'incertitude de l'étalonnage sur l'échelle mondiale.",
  en:
    'Raw score = number of "yes" (0–8). A caisse sample is far too small to fit its own Rasch model, so ' +
    "the FAO global standard scale's item severities are used directly. For each raw score r, the severity " +
    'a_r solves Σ logistic(a − b_j) = r (r = 0.5 and 7.5 for raw scores 0 and 8); the probability of being ' +
    `beyond the threshold (${thresholdEn}) is 1 − Φ((threshold − a_r)/se_r); a raw score of 0 contributes 0 ` +
    'but stays in the denominator. Prevalence is the mean of these probabilities over respondents ' +
    '(RM.weights method, unweighted); 95 % Student interval on that mean, which ignores the uncertainty of ' +
    'the equating to the global scale.',
});

const EPICES_SOURCE =
  'Sass C, Moulin JJ, Guéguen R, et al. Le score Epices : un score individuel de précarité. BEH 2006;14:93–96.';
const EPICES_MISSING = {
  fr: "Réponse manquante si l'une des onze questions manque (le score est construit sur des réponses complètes ; une absence de réponse n'est pas lue comme « non »).",
  en: 'A response is missing if any of the eleven questions is unanswered (the score is built on complete answers; no answer is not read as "no").',
};

export const accessIndicators: IndicatorDefinition[] = [
  {
    id: 'hfias_category',
    version: 1,
    label: {
      fr: 'Insécurité alimentaire des ménages (HFIAS) : répartition par niveau',
      en: 'Household food insecurity access (HFIAS): distribution by category',
    },
    description: {
      fr: 'Part des ménages en sécurité alimentaire et en insécurité alimentaire légère, modérée ou sévère au cours des quatre dernières semaines.',
      en: 'Share of households food secure and mildly, moderately or severely food insecure over the past four weeks.',
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'hfias',
    questions: HFIAS_QUESTIONS,
    unit: { fr: '% des ménages', en: '% of households' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'distribution',
    categories: [
      { code: HFIAS_CATEGORY_CODES[1], label: { fr: 'Sécurité alimentaire', en: 'Food secure' } },
      { code: HFIAS_CATEGORY_CODES[2], label: { fr: 'Insécurité légère', en: 'Mildly food insecure' } },
      { code: HFIAS_CATEGORY_CODES[3], label: { fr: 'Insécurité modérée', en: 'Moderately food insecure' } },
      { code: HFIAS_CATEGORY_CODES[4], label: { fr: 'Insécurité sévère', en: 'Severely food insecure' } },
    ],
    headlineCategories: [HFIAS_CATEGORY_CODES[3], HFIAS_CATEGORY_CODES[4]],
    missingRule: HFIAS_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        "Catégorie HFIAP du guide FANTA (v3), règles évaluées dans l'ordre publié, la dernière qui s'applique " +
        "l'emportant. Part de chaque catégorie parmi les répondants ayant une catégorie ; valeur principale " +
        '(comparée à la cible) : part en insécurité modérée ou sévère. Intervalles de Wilson à 95 %.',
      en:
        "FANTA's HFIAP category (v3), rules evaluated in the published order, a later match overriding an " +
        'earlier one. Share of each category among respondents with a category; headline value (compared ' +
        'with the target): share moderately or severely food insecure. 95 % Wilson intervals.',
    },
    source: HFIAS_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => {
      const r = scoreHfias(a);
      return r === null ? null : HFIAS_CATEGORY_CODES[r.category];
    },
  },
  {
    id: 'hfias_score',
    version: 1,
    label: { fr: 'Score HFIAS moyen', en: 'Mean HFIAS score' },
    description: {
      fr: "Score moyen d'insécurité alimentaire des ménages (0 à 27, plus il est élevé, plus l'insécurité est grande).",
      en: 'Mean household food insecurity access score (0 to 27, higher means more food insecure).',
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'hfias',
    questions: HFIAS_QUESTIONS,
    unit: { fr: 'score 0–27', en: 'score 0–27' },
    direction: 'lower_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: HFIAS_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Score = Σ des fréquences Q1a…Q9a (0 où l’occurrence est « non », sinon 1 rarement, 2 parfois, 3 souvent). Moyenne, intervalle de Student à 95 %.',
      en: 'Score = Σ of frequencies Q1a…Q9a (0 where the occurrence is "no", else 1 rarely, 2 sometimes, 3 often). Mean, 95 % Student interval.',
    },
    source: HFIAS_SOURCE,
    range: { min: 0, max: 27 },
    measure: (a) => scoreHfias(a)?.score ?? null,
  },
  {
    id: 'usda6_status',
    version: 1,
    label: {
      fr: 'Sécurité alimentaire (USDA, six questions) : répartition',
      en: 'Food security (USDA six-item): distribution',
    },
    description: {
      fr: 'Part des ménages en sécurité alimentaire élevée ou marginale, faible ou très faible au cours des douze derniers mois.',
      en: 'Share of households with high or marginal, low or very low food security over the past twelve months.',
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'usda6',
    questions: [...USDA6_QUESTIONS],
    unit: { fr: '% des ménages', en: '% of households' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'distribution',
    categories: [
      { code: 'high_marginal', label: { fr: 'Élevée ou marginale', en: 'High or marginal' } },
      { code: 'low', label: { fr: 'Faible', en: 'Low' } },
      { code: 'very_low', label: { fr: 'Très faible', en: 'Very low' } },
    ],
    headlineCategories: ['low', 'very_low'],
    missingRule: USDA_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Réponses affirmatives : « souvent » ou « parfois » (HH3, HH4), « oui » (AD1, AD2, AD3), « presque tous ' +
        'les mois » ou « certains mois » (AD1a). Score brut 0–6 : 0–1 sécurité élevée ou marginale, 2–4 faible, ' +
        '5–6 très faible. Valeur principale : part en sécurité faible ou très faible. Intervalles de Wilson à 95 %.',
      en:
        'Affirmative answers: "often" or "sometimes" (HH3, HH4), "yes" (AD1, AD2, AD3), "almost every month" ' +
        'or "some months" (AD1a). Raw score 0–6: 0–1 high or marginal, 2–4 low, 5–6 very low food security. ' +
        'Headline value: share with low or very low food security. 95 % Wilson intervals.',
    },
    source: USDA_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreUsda6(a)?.status ?? null,
  },
  {
    id: 'usda6_food_insecure',
    version: 1,
    label: {
      fr: 'Part des ménages en insécurité alimentaire (USDA, six questions)',
      en: 'Share of food-insecure households (USDA six-item)',
    },
    description: {
      fr: 'Part des ménages en sécurité alimentaire faible ou très faible (score brut 2 à 6) au cours des douze derniers mois.',
      en: 'Share of households with low or very low food security (raw score 2 to 6) over the past twelve months.',
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'usda6',
    questions: [...USDA6_QUESTIONS],
    unit: { fr: '% des ménages', en: '% of households' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: USDA_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Score brut (nombre de réponses affirmatives) de 2 à 6 = insécurité alimentaire. Proportion, intervalle de Wilson à 95 %.',
      en: 'Raw score (number of affirmative answers) 2 to 6 = food insecure. Proportion, 95 % Wilson interval.',
    },
    source: USDA_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreUsda6(a)?.foodInsecure ?? null,
  },
  {
    id: 'fies_moderate_severe',
    version: 1,
    label: {
      fr: 'Prévalence de l’insécurité alimentaire modérée ou grave (FIES)',
      en: 'Prevalence of moderate or severe food insecurity (FIES)',
    },
    description: {
      fr: 'Part estimée des personnes en insécurité alimentaire modérée ou grave au cours des douze derniers mois, sur l’échelle mondiale de référence de la FAO.',
      en: "Estimated share of people moderately or severely food insecure over the past twelve months, on FAO's global reference scale.",
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'fies',
    questions: [...FIES_QUESTIONS],
    unit: { fr: '% des personnes', en: '% of people' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'mean',
    missingRule: FIES_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: fiesMethod(
      "sévérité de l'item 5, « pas mangé autant qu'il aurait fallu », −0,3117999",
      'severity of item 5, ATELESS, −0.3117999',
    ),
    source: FIES_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreFies(a)?.moderateOrSevere ?? null,
  },
  {
    id: 'fies_severe',
    version: 1,
    label: {
      fr: 'Prévalence de l’insécurité alimentaire grave (FIES)',
      en: 'Prevalence of severe food insecurity (FIES)',
    },
    description: {
      fr: 'Part estimée des personnes en insécurité alimentaire grave au cours des douze derniers mois, sur l’échelle mondiale de référence de la FAO.',
      en: "Estimated share of people severely food insecure over the past twelve months, on FAO's global reference scale.",
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'fies',
    questions: [...FIES_QUESTIONS],
    unit: { fr: '% des personnes', en: '% of people' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'mean',
    missingRule: FIES_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: fiesMethod(
      "sévérité de l'item 8, « rien mangé de toute la journée », 1,8755353",
      'severity of item 8, WHLDAY, 1.8755353',
    ),
    source: FIES_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreFies(a)?.severe ?? null,
  },
  {
    id: 'fies_raw_score',
    version: 1,
    label: { fr: 'Score brut FIES moyen', en: 'Mean FIES raw score' },
    description: {
      fr: 'Nombre moyen de « oui » aux huit questions de l’échelle FIES (0 à 8) : plus il est élevé, plus les difficultés d’accès à l’alimentation vécues sont nombreuses.',
      en: 'Mean number of "yes" answers to the eight FIES items (0 to 8): the higher, the more food access difficulties were experienced.',
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'fies',
    questions: [...FIES_QUESTIONS],
    unit: { fr: 'score 0–8', en: 'score 0–8' },
    direction: 'lower_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: FIES_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Score brut = nombre de « oui » aux huit questions (0–8), sur les réponses complètes ; moyenne sur les ' +
        'répondants, intervalle à 95 % de Student. Le score brut est ordinal : il se compare dans le temps et ' +
        'entre groupes d’une même caisse, pas comme une prévalence (voir les indicateurs de prévalence FIES).',
      en:
        'Raw score = number of "yes" answers to the eight items (0–8), over complete answers; mean over ' +
        'respondents, 95 % Student interval. The raw score is ordinal: compare it over time and between groups ' +
        'of one caisse, not as a prevalence (see the FIES prevalence indicators).',
    },
    source: FIES_SOURCE,
    range: { min: 0, max: 8 },
    measure: fiesRawScore,
  },
  {
    id: 'epices_precarity',
    version: 1,
    label: {
      fr: 'Part des participants en situation de précarité (EPICES)',
      en: 'Share of participants in precarity (EPICES)',
    },
    description: {
      fr: 'Part des participants dont le score EPICES est d’au moins 30,17 : indique si la caisse atteint les publics précaires.',
      en: 'Share of participants with an EPICES score of at least 30.17: shows whether the caisse reaches people in precarity.',
    },
    dimension: 'access',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'epices',
    questions: [...EPICES_QUESTIONS],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'neutral',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: EPICES_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Score = 75,14 + Σ des coefficients publiés des questions répondues « oui », calculé en centièmes entiers ' +
        "pour que le seuil de 30,17 soit comparé exactement. Sens « neutre » : c'est un indicateur de profil " +
        '(public atteint), non un effet attendu de la caisse. Proportion, intervalle de Wilson à 95 %.',
      en:
        'Score = 75.14 + Σ of the published coefficients of the questions answered "yes", computed in integer ' +
        'hundredths so that the 30.17 threshold compares exactly. "Neutral" direction: this describes who the ' +
        'caisse reaches, not an expected effect. Proportion, 95 % Wilson interval.',
    },
    source: EPICES_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreEpices(a)?.precarious ?? null,
  },
  {
    id: 'epices_score',
    version: 1,
    label: { fr: 'Score EPICES moyen', en: 'Mean EPICES score' },
    description: {
      fr: 'Score individuel de précarité moyen des participants (0 à 100, plus il est élevé, plus la précarité est grande).',
      en: 'Mean individual deprivation score of participants (0 to 100, higher means more deprived).',
    },
    dimension: 'access',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'epices',
    questions: [...EPICES_QUESTIONS],
    unit: { fr: 'score 0–100', en: 'score 0–100' },
    direction: 'neutral',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: EPICES_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Score = 75,14 + Σ des coefficients publiés des questions répondues « oui ». Indicateur de profil (sens neutre). Moyenne, intervalle de Student à 95 %.',
      en: 'Score = 75.14 + Σ of the published coefficients of the questions answered "yes". A profile descriptor (neutral direction). Mean, 95 % Student interval.',
    },
    source: EPICES_SOURCE,
    range: { min: 0, max: 100 },
    measure: (a) => scoreEpices(a)?.score ?? null,
  },
  {
    id: 'allocation_budget_share',
    version: 1,
    label: {
      fr: 'Part du budget alimentaire couverte par l’allocation',
      en: 'Share of the food budget covered by the allocation',
    },
    description: {
      fr: 'Part moyenne des dépenses alimentaires mensuelles du ménage couverte par l’allocation de la caisse.',
      en: "Mean share of the household's monthly food spending covered by the caisse's allocation.",
    },
    dimension: 'access',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'food_budget',
    questions: ['allocation_month', 'food_budget_month'],
    unit: { fr: '% du budget alimentaire', en: '% of the food budget' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'mean',
    missingRule: {
      fr: 'Réponse manquante si l’allocation ou le budget alimentaire manque, ou si le budget déclaré est nul.',
      en: 'A response is missing if the allocation or the food budget is unanswered, or if the declared budget is zero.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Pour chaque répondant : allocation mensuelle / budget alimentaire mensuel (allocation comprise), plafonné ' +
        'à 1 (un rapport supérieur signale un budget sous-déclaré). Moyenne des parts individuelles, intervalle ' +
        'de Student à 95 %. Question propre à Récolte.',
      en:
        'For each respondent: monthly allocation / monthly food budget (allocation included), capped at 1 (a ' +
        'higher ratio signals an under-declared budget). Mean of individual shares, 95 % Student interval. ' +
        'Question defined by Récolte.',
    },
    source: recolteSource('food_budget'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const allocation = amount(a, 'allocation_month');
      const budget = amount(a, 'food_budget_month');
      if (allocation === null || budget === null || budget === 0) return null;
      return Math.min(1, allocation / budget);
    },
  },
];
