// Health dimension: wellbeing, perceived health, loneliness, diet (fruit and vegetables, diversity), cooking.
import {
  HDDS_QUESTIONS,
  LONELINESS_QUESTIONS,
  MDDW_QUESTIONS,
  SWEMWBS_QUESTIONS,
  fruitVegAtLeastFive,
  scoreHdds,
  scoreLoneliness,
  scoreMddw,
  scoreSwemwbs,
  selfRatedHealthGood,
} from '../instruments/index.ts';
import type { IndicatorDefinition } from '../schema.ts';
import { choice } from './readers.ts';
import { PARTICIPANT_DISAGGREGATIONS } from './shared.ts';

const LONELINESS_SOURCE =
  'Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. A short scale for measuring loneliness in large surveys: ' +
  'results from two population-based studies. Res Aging 2004;26(6):655–672. French items from the ' +
  'French-Canadian ÉSUL (échelle de solitude de l’Université Laval).';
const LONELINESS_MISSING = {
  fr: 'Réponse manquante si l’un des trois items manque ou n’est pas un entier de 1 à 3 (l’article ne donne pas de règle de proratisation).',
  en: 'A response is missing if any of the three items is unanswered or not an integer from 1 to 3 (the paper gives no prorating rule).',
};
const LONELINESS_FRENCH_NOTE = {
  fr: 'Items français repris de l’ÉSUL validée au Québec, conservés sur l’échelle en trois points de Hughes et al. pour que les scores restent comparables.',
  en: 'French items taken from the validated French-Canadian ÉSUL, kept on the three-point scale of Hughes et al. so that scores stay comparable.',
};

const withoutSexAndAge = PARTICIPANT_DISAGGREGATIONS.filter(
  (k) => k !== 'respondent_sex' && k !== 'age_band',
);

export const healthIndicators: IndicatorDefinition[] = [
  {
    id: 'swemwbs_metric',
    version: 1,
    label: { fr: 'Bien-être mental (SWEMWBS) : score moyen', en: 'Mental wellbeing (SWEMWBS): mean score' },
    description: {
      fr: 'Score moyen de bien-être mental sur les deux dernières semaines (7 à 35, plus il est élevé, meilleur est le bien-être).',
      en: 'Mean mental wellbeing score over the past two weeks (7 to 35, higher means better wellbeing).',
    },
    dimension: 'health',
    objectives: ['food_insecurity', 'capacity'],
    level: 'participant',
    module: 'swemwbs',
    questions: [...SWEMWBS_QUESTIONS],
    unit: { fr: 'score métrique 7–35', en: 'metric score 7–35' },
    direction: 'higher_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: {
      fr: 'Réponse manquante si l’un des sept items manque ou n’est pas un entier de 1 à 5 : la table de conversion ne s’applique qu’aux scores bruts complets.',
      en: 'A response is missing if any of the seven items is unanswered or not an integer from 1 to 5: the conversion table applies to complete raw scores only.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Somme des sept items (7–35) convertie en score métrique par la table de Rasch publiée ; moyenne des scores métriques, intervalle de Student à 95 %.',
      en: 'Sum of the seven items (7–35) converted to the metric score with the published Rasch table; mean of metric scores, 95 % Student interval.',
    },
    source:
      'Stewart-Brown S, Tennant A, Tennant R, et al. Internal construct validity of the Warwick-Edinburgh Mental ' +
      'Well-being Scale (WEMWBS): a Rasch analysis. Health Qual Life Outcomes 2009;7:15; SWEMWBS conversion ' +
      'table, Warwick Medical School.',
    range: { min: 7, max: 35 },
    measure: (a) => scoreSwemwbs(a)?.metric ?? null,
  },
  {
    id: 'health_good',
    version: 1,
    label: { fr: 'Santé perçue bonne ou très bonne', en: 'Self-rated health good or very good' },
    description: {
      fr: 'Part des participants qui jugent leur état de santé général bon ou très bon.',
      en: 'Share of participants who rate their general health as good or very good.',
    },
    dimension: 'health',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'self_rated_health',
    questions: ['health_self_rated'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si la question n’est pas renseignée.',
      en: 'A response is missing if the question is unanswered.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: '« Très bon » ou « bon » parmi les cinq modalités du mini-module européen. Proportion, intervalle de Wilson à 95 %.',
      en: '"Very good" or "good" among the five options of the Minimum European Health Module. Proportion, 95 % Wilson interval.',
    },
    source:
      'Eurostat. European Health Interview Survey: Minimum European Health Module (MEHM), general health item.',
    range: { min: 0, max: 1 },
    measure: (a) => selfRatedHealthGood(a),
  },
  {
    id: 'fruit_veg_5',
    version: 1,
    label: {
      fr: 'Au moins 5 fruits et légumes par jour',
      en: 'At least 5 portions of fruit and vegetables a day',
    },
    description: {
      fr: 'Part des participants ayant mangé au moins cinq portions de fruits et légumes la veille.',
      en: 'Share of participants who ate at least five portions of fruit and vegetables the day before.',
    },
    dimension: 'health',
    objectives: ['capacity', 'food_insecurity'],
    level: 'participant',
    module: 'fruit_veg',
    questions: ['fruit_veg_portions'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si le nombre de portions n’est pas un entier positif ou nul.',
      en: 'A response is missing if the number of portions is not a non-negative integer.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Portions (80 à 100 g) mangées la veille ≥ 5, repère du PNNS. Rappel d’une seule journée : estimation de population, non diagnostic individuel. Proportion, intervalle de Wilson à 95 %.',
      en: 'Portions (80–100 g) eaten the day before ≥ 5, the PNNS benchmark. A single-day recall: a population estimate, not an individual diagnosis. Proportion, 95 % Wilson interval.',
    },
    source: 'Programme national nutrition santé (PNNS), « au moins 5 fruits et légumes par jour ».',
    range: { min: 0, max: 1 },
    measure: (a) => fruitVegAtLeastFive(a),
  },
  {
    id: 'loneliness_mean',
    version: 1,
    label: {
      fr: 'Solitude (UCLA, trois items) : score moyen',
      en: 'Loneliness (UCLA three-item): mean score',
    },
    description: {
      fr: 'Score moyen de solitude (3 à 9, plus il est élevé, plus la solitude est grande).',
      en: 'Mean loneliness score (3 to 9, higher means lonelier).',
    },
    dimension: 'health',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'loneliness',
    questions: [...LONELINESS_QUESTIONS],
    unit: { fr: 'score 3–9', en: 'score 3–9' },
    direction: 'lower_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: LONELINESS_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: `Somme des trois items (1 presque jamais, 2 parfois, 3 souvent). Moyenne, intervalle de Student à 95 %. ${LONELINESS_FRENCH_NOTE.fr}`,
      en: `Sum of the three items (1 hardly ever, 2 some of the time, 3 often). Mean, 95 % Student interval. ${LONELINESS_FRENCH_NOTE.en}`,
    },
    source: LONELINESS_SOURCE,
    range: { min: 3, max: 9 },
    measure: (a) => scoreLoneliness(a)?.score ?? null,
  },
  {
    id: 'loneliness_share',
    version: 1,
    label: {
      fr: 'Part des participants se sentant seuls (UCLA ≥ 6)',
      en: 'Share of participants feeling lonely (UCLA ≥ 6)',
    },
    description: {
      fr: 'Part des participants dont le score de solitude est d’au moins 6 sur 9.',
      en: 'Share of participants whose loneliness score is at least 6 out of 9.',
    },
    dimension: 'health',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'loneliness',
    questions: [...LONELINESS_QUESTIONS],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'lower_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: LONELINESS_MISSING,
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: `Score ≥ 6 : seuil conventionnel répandu, qui ne fait pas partie de l’article original (on rapporte aussi la moyenne). Proportion, intervalle de Wilson à 95 %. ${LONELINESS_FRENCH_NOTE.fr}`,
      en: `Score ≥ 6: a widespread convention, not part of the original paper (the mean is reported too). Proportion, 95 % Wilson interval. ${LONELINESS_FRENCH_NOTE.en}`,
    },
    source: LONELINESS_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => scoreLoneliness(a)?.lonely ?? null,
  },
  {
    id: 'hdds_mean',
    version: 1,
    label: {
      fr: 'Diversité alimentaire des ménages (HDDS) : score moyen',
      en: 'Household dietary diversity (HDDS): mean score',
    },
    description: {
      fr: 'Nombre moyen de groupes d’aliments (sur 12) consommés à la maison par le ménage au cours des dernières 24 heures.',
      en: 'Mean number of food groups (out of 12) eaten at home by the household in the past 24 hours.',
    },
    dimension: 'health',
    objectives: ['access', 'food_insecurity'],
    level: 'participant',
    module: 'hdds',
    questions: [...HDDS_QUESTIONS],
    unit: { fr: 'groupes 0–12', en: 'groups 0–12' },
    direction: 'higher_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: {
      fr: 'Réponse manquante si l’un des douze groupes n’est pas renseigné (une absence de réponse n’est pas lue comme « non consommé »).',
      en: 'A response is missing if any of the twelve groups is unanswered (no answer is not read as "not eaten").',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Nombre de groupes consommés (0–12) ; moyenne, intervalle de Student à 95 %. Le guide FANTA ne fixe pas de seuil universel.',
      en: 'Number of groups eaten (0–12); mean, 95 % Student interval. The FANTA guide sets no universal cut-off.',
    },
    source:
      'Swindale A, Bilinsky P. Household Dietary Diversity Score (HDDS) for Measurement of Household Food Access: ' +
      'Indicator Guide, v2. Washington DC: FANTA, 2006.',
    range: { min: 0, max: 12 },
    measure: (a) => scoreHdds(a),
  },
  {
    id: 'mddw_prevalence',
    version: 1,
    label: {
      fr: 'Diversité alimentaire minimale des femmes (MDD-W)',
      en: 'Minimum dietary diversity for women (MDD-W)',
    },
    description: {
      fr: 'Part des femmes de 15 à 49 ans ayant consommé au moins 5 des 10 groupes d’aliments la veille (jour et nuit).',
      en: 'Share of women aged 15–49 who ate at least 5 of the 10 food groups the previous day and night.',
    },
    dimension: 'health',
    objectives: ['food_insecurity'],
    level: 'participant',
    module: 'mddw',
    extraModules: ['profile'],
    questions: [...MDDW_QUESTIONS, 'respondent_sex', 'respondent_age'],
    unit: { fr: '% des femmes de 15–49 ans', en: '% of women aged 15–49' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr:
        'Indicateur de population réservé aux femmes de 15 à 49 ans : les autres répondants (et ceux dont le sexe ' +
        'ou l’âge manque) sont hors champ et comptés parmi les « manquants ». Réponse manquante aussi si l’un des ' +
        'dix groupes n’est pas renseigné.',
      en:
        'A population indicator for women aged 15–49 only: other respondents (and those whose sex or age is ' +
        'unanswered) are out of scope and counted as "missing". A response is also missing if any of the ten ' +
        'groups is unanswered.',
    },
    disaggregations: withoutSexAndAge,
    method: {
      fr: 'Au moins 5 groupes sur 10 (les quantités infimes ne comptent pas). Indicateur de population, pas de dépistage individuel. Proportion, intervalle de Wilson à 95 %.',
      en: 'At least 5 of 10 groups (trivial amounts do not count). A population indicator, not for screening individuals. Proportion, 95 % Wilson interval.',
    },
    source:
      'FAO, FHI 360. Minimum Dietary Diversity for Women: A Guide for Measurement. Rome: FAO, 2016; FAO. Minimum ' +
      'dietary diversity for women. Rome, 2021.',
    range: { min: 0, max: 1 },
    measure: (a) => {
      const r = scoreMddw(a);
      return r === null || !r.eligible ? null : r.meetsMinimum;
    },
  },
  {
    id: 'home_cooking',
    version: 1,
    label: { fr: 'Consommation de plats faits maison', en: 'Eating home-made dishes' },
    description: {
      fr: 'Part des participants qui consomment toujours ou souvent des plats faits maison.',
      en: 'Share of participants who always or often eat home-made dishes.',
    },
    dimension: 'health',
    objectives: ['capacity'],
    level: 'participant',
    module: 'practices',
    questions: ['home_cooking'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si la question n’est pas renseignée.',
      en: 'A response is missing if the question is unanswered.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: '« Toujours » ou « souvent » à l’item INCA3 « Consomme des plats faits maison ». Proportion, intervalle de Wilson à 95 %.',
      en: '"Always" or "often" to the INCA3 item "Eats home-made dishes". Proportion, 95 % Wilson interval.',
    },
    source:
      'ANSES. Étude individuelle nationale des consommations alimentaires 3 (INCA3), 2014–2015: questionnaire ' +
      '« habitudes alimentaires ».',
    range: { min: 0, max: 1 },
    measure: (a) => {
      const v = choice(a, 'home_cooking', ['always', 'often', 'rarely', 'never']);
      return v === null ? null : v === 'always' || v === 'often';
    },
  },
];
