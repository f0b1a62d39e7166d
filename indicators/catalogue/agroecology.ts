// Agroecology dimension: spending at organic or local outlets, buying practices, conventioned outlets.
import type { IndicatorDefinition } from '../schema.ts';
import { amount, choice, choices, count, ratio, sumOrNull } from './readers.ts';
import { CAISSE_DISAGGREGATIONS, PARTICIPANT_DISAGGREGATIONS, recolteSource } from './shared.ts';

const INCA3_SOURCE =
  'ANSES. Étude individuelle nationale des consommations alimentaires 3 (INCA3), 2014–2015: questionnaire ' +
  '« habitudes alimentaires » (wording of the practice items).';

export const agroecologyIndicators: IndicatorDefinition[] = [
  {
    id: 'organic_local_spend',
    version: 1,
    label: {
      fr: 'Part de l’allocation dépensée en bio ou en local',
      en: 'Share of the allocation spent at organic or local outlets',
    },
    description: {
      fr: 'Part moyenne de l’allocation que les participants déclarent dépenser dans des points de vente bio ou locaux.',
      en: 'Mean share of the allocation participants report spending at organic or local outlets.',
    },
    dimension: 'agroecology',
    objectives: ['producers', 'access'],
    level: 'participant',
    module: 'practices',
    questions: ['allocation_spent_organic_local_pct'],
    unit: { fr: '% de l’allocation', en: '% of the allocation' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'mean',
    missingRule: {
      fr: 'Réponse manquante si le pourcentage n’est pas renseigné ou sort de 0–100.',
      en: 'A response is missing if the percentage is unanswered or outside 0–100.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Pourcentage déclaré / 100, moyenne des répondants, intervalle de Student à 95 %. Déclaratif : à croiser avec les données de transaction de la monnaie de la caisse quand elles existent.',
      en: "Declared percentage / 100, mean over respondents, 95 % Student interval. Self-reported: cross-check with the caisse's currency transaction data where available.",
    },
    source: recolteSource('practices'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const pct = amount(a, 'allocation_spent_organic_local_pct');
      return pct === null || pct > 100 ? null : pct / 100;
    },
  },
  {
    id: 'buying_change',
    version: 1,
    label: {
      fr: 'Évolution déclarée vers des achats plus durables',
      en: 'Declared shift towards more sustainable buying',
    },
    description: {
      fr: 'Part des participants déclarant que leurs achats alimentaires sont devenus un peu ou beaucoup plus durables depuis leur entrée dans la caisse.',
      en: 'Share of participants who say their food buying has become somewhat or much more sustainable since joining the caisse.',
    },
    dimension: 'agroecology',
    objectives: ['points_of_sale', 'capacity'],
    level: 'participant',
    module: 'practices',
    questions: ['buying_change'],
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
      fr: '« Beaucoup plus durables » ou « un peu plus durables » parmi les quatre modalités. Proportion, intervalle de Wilson à 95 %. Évolution perçue : elle documente le report des achats vers les points de vente conventionnés ciblés.',
      en: '"Much more sustainable" or "somewhat more sustainable" among the four options. Proportion, 95 % Wilson interval. A perceived change: it documents the shift of purchases towards the targeted conventioned outlets.',
    },
    source: recolteSource('practices'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const v = choice(a, 'buying_change', [
        'much_more_sustainable',
        'somewhat_more_sustainable',
        'no_change',
        'less_sustainable',
      ]);
      return v === null ? null : v === 'much_more_sustainable' || v === 'somewhat_more_sustainable';
    },
  },
  {
    id: 'organic_consumer',
    version: 1,
    label: {
      fr: 'Consommation de fruits et légumes bio',
      en: 'Organic fruit and vegetable consumption',
    },
    description: {
      fr: 'Part des participants consommant toujours ou souvent la version bio des fruits et légumes frais (12 derniers mois).',
      en: 'Share of participants who always or often eat the organic version of fresh fruit and vegetables (past 12 months).',
    },
    dimension: 'agroecology',
    objectives: ['access'],
    level: 'participant',
    module: 'practices',
    questions: ['organic_frequency'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si la question n’est pas renseignée ; « n’en mange pas » compte comme non-consommateur bio.',
      en: 'A response is missing if the question is unanswered; "does not eat" counts as not an organic consumer.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Définition INCA3 du « consommateur bio » (au moins un groupe d’aliments toujours ou souvent en bio), restreinte ici au seul groupe des fruits et légumes frais. Proportion, intervalle de Wilson à 95 %.',
      en: 'INCA3 definition of an "organic consumer" (at least one food group always or often organic), restricted here to the fresh fruit and vegetable group only. Proportion, 95 % Wilson interval.',
    },
    source: INCA3_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => {
      const v = choice(a, 'organic_frequency', ['always', 'often', 'rarely', 'never', 'does_not_eat']);
      return v === null ? null : v === 'always' || v === 'often';
    },
  },
  {
    id: 'market_farm_purchase',
    version: 1,
    label: {
      fr: 'Achats de produits frais au marché ou à la ferme',
      en: 'Fresh produce bought at markets or farms',
    },
    description: {
      fr: 'Part des participants qui achètent leurs produits frais au marché, en cueillette ou directement auprès d’un agriculteur.',
      en: 'Share of participants who buy fresh produce at markets, pick-your-own or directly from a farmer.',
    },
    dimension: 'agroecology',
    objectives: ['producers'],
    level: 'participant',
    module: 'practices',
    questions: ['fresh_produce_outlets'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si aucune case n’est cochée ou si la réponse contient un code inconnu.',
      en: 'A response is missing if no box is ticked or if the answer holds an unknown code.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Case « marché, cueillette ou directement auprès d’un agriculteur » cochée (lieux d’achat INCA3). Proportion, intervalle de Wilson à 95 %.',
      en: 'Box "market, pick-your-own or directly from a farmer" ticked (INCA3 places of purchase). Proportion, 95 % Wilson interval.',
    },
    source: INCA3_SOURCE,
    range: { min: 0, max: 1 },
    measure: (a) => {
      const v = choices(a, 'fresh_produce_outlets', ['supermarket', 'market_farm', 'local_shops', 'never']);
      return v === null || v.length === 0 ? null : v.includes('market_farm');
    },
  },
  {
    id: 'outlets_direct_share',
    version: 1,
    label: {
      fr: 'Part des points de vente conventionnés en circuit direct',
      en: 'Share of conventioned outlets selling direct from producers',
    },
    description: {
      fr: 'Part des points de vente conventionnés qui sont des magasins de producteurs ou de la vente à la ferme.',
      en: "Share of conventioned outlets that are producers' shops or farm sales.",
    },
    dimension: 'agroecology',
    objectives: ['producers', 'points_of_sale'],
    level: 'caisse',
    module: 'caisse_outlets',
    questions: ['outlets_producer_shops', 'outlets_farm_sales', 'outlets_total'],
    unit: { fr: '% des points de vente', en: '% of outlets' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des trois valeurs manque, si aucun point de vente n’est conventionné, ou si magasins de producteurs + vente à la ferme dépassent le total (formulaire incohérent).',
      en: "Missing if any of the three values is unanswered, if no outlet is conventioned, or if producers' shops + farm sales exceed the total (inconsistent form).",
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: '(Magasins de producteurs + vente à la ferme) / points de vente conventionnés ; sur plusieurs caisses : Σ numérateurs / Σ dénominateurs. Données de gestion : pas d’intervalle.',
      en: "(Producers' shops + farm sales) / conventioned outlets; across caisses: Σ numerators / Σ denominators. Management data: no interval.",
    },
    source: recolteSource('caisse_outlets', 'outlet types as in the national study'),
    range: { min: 0, max: 1 },
    measure: (a) =>
      ratio(
        sumOrNull(count(a, 'outlets_producer_shops'), count(a, 'outlets_farm_sales')),
        count(a, 'outlets_total'),
        { atMostOne: true },
      ),
  },
  {
    id: 'outlets_env_share',
    version: 1,
    label: {
      fr: 'Part des points de vente conventionnés sur critères environnementaux',
      en: 'Share of outlets conventioned on environmental criteria',
    },
    description: {
      fr: 'Part des points de vente conventionnés retenus sur des critères environnementaux (label bio, pêche durable…).',
      en: 'Share of conventioned outlets selected on environmental criteria (organic label, sustainable fishing label…).',
    },
    dimension: 'agroecology',
    objectives: ['points_of_sale'],
    level: 'caisse',
    module: 'caisse_outlets',
    questions: ['outlets_env_criteria', 'outlets_total'],
    unit: { fr: '% des points de vente', en: '% of outlets' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des deux valeurs manque, si aucun point de vente n’est conventionné, ou si le nombre sur critères dépasse le total.',
      en: 'Missing if either value is unanswered, if no outlet is conventioned, or if the number on criteria exceeds the total.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: 'Points de vente sur critères environnementaux / points de vente conventionnés ; sur plusieurs caisses : Σ / Σ. Données de gestion : pas d’intervalle.',
      en: 'Outlets on environmental criteria / conventioned outlets; across caisses: Σ / Σ. Management data: no interval.',
    },
    source: recolteSource('caisse_outlets', 'environmental criteria as in the national study'),
    range: { min: 0, max: 1 },
    measure: (a) => ratio(count(a, 'outlets_env_criteria'), count(a, 'outlets_total'), { atMostOne: true }),
  },
];
