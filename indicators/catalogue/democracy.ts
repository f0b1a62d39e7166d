// Democracy dimension: participation in the citizen committee, pouvoir d'agir, training and awareness.
import { MASTERY_QUESTIONS, scoreMastery } from '../instruments/index.ts';
import type { IndicatorDefinition } from '../schema.ts';
import { count, int, ratio } from './readers.ts';
import { CAISSE_DISAGGREGATIONS, PARTICIPANT_DISAGGREGATIONS, recolteSource } from './shared.ts';

export const democracyIndicators: IndicatorDefinition[] = [
  {
    id: 'committee_participation',
    version: 1,
    label: {
      fr: 'Participation aux réunions du comité citoyen',
      en: 'Participation in citizen committee meetings',
    },
    description: {
      fr: 'Part des participants ayant assisté à au moins une réunion du comité citoyen de l’alimentation au cours des trois derniers mois.',
      en: 'Share of participants who attended at least one citizen food committee meeting in the past three months.',
    },
    dimension: 'democracy',
    objectives: ['governance', 'advocacy'],
    level: 'participant',
    module: 'participation',
    questions: ['committee_meetings_attended'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si le nombre de réunions n’est pas renseigné (ou n’est pas un entier positif ou nul).',
      en: 'A response is missing if the number of meetings is unanswered (or not a non-negative integer).',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Au moins une réunion du comité suivie dans les trois derniers mois. Proportion, intervalle de Wilson à ' +
        '95 %. Rattaché aussi au plaidoyer : le comité citoyen est le lieu où les personnes concernées ' +
        'délibèrent sur l’alimentation de leur territoire et portent publiquement la démarche de sécurité ' +
        'sociale de l’alimentation ; leur participation est la condition d’un plaidoyer porté par elles-mêmes ' +
        '(indicateur de moyens, non d’effet du plaidoyer).',
      en:
        'At least one committee meeting attended in the past three months. Proportion, 95 % Wilson interval. ' +
        'Also linked to advocacy: the citizen committee is where the people concerned deliberate on their ' +
        "territory's food and publicly carry the social security of food approach; their participation is " +
        'the precondition of advocacy carried by themselves (a means indicator, not an effect of advocacy).',
    },
    source: recolteSource('participation'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const n = count(a, 'committee_meetings_attended');
      return n === null ? null : n >= 1;
    },
  },
  {
    id: 'power_to_act',
    version: 1,
    label: {
      fr: 'Sentiment de pouvoir agir sur son alimentation',
      en: 'Perceived power to act on one’s food',
    },
    description: {
      fr: 'Part des participants d’accord ou tout à fait d’accord avec « Grâce à la caisse, j’ai davantage le sentiment de pouvoir agir sur mon alimentation ».',
      en: 'Share of participants who agree or strongly agree with "Thanks to the caisse, I feel more able to act on my food".',
    },
    dimension: 'democracy',
    objectives: ['capacity'],
    level: 'participant',
    module: 'participation',
    questions: ['power_to_act'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si la note n’est pas un entier de 1 à 5.',
      en: 'A response is missing if the rating is not an integer from 1 to 5.',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Notes 4 et 5 sur une échelle d’accord de 1 (pas du tout d’accord) à 5 (tout à fait d’accord). Proportion, intervalle de Wilson à 95 %.',
      en: 'Ratings 4 and 5 on an agreement scale from 1 (strongly disagree) to 5 (strongly agree). Proportion, 95 % Wilson interval.',
    },
    source: recolteSource('participation'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const r = int(a, 'power_to_act', 1, 5);
      return r === null ? null : r >= 4;
    },
  },
  {
    id: 'mastery_mean',
    version: 1,
    label: {
      fr: 'Sentiment de maîtrise (Pearlin) : score moyen',
      en: 'Sense of mastery (Pearlin): mean score',
    },
    description: {
      fr: 'Score moyen de sentiment de maîtrise de sa vie (7 à 28, plus il est élevé, plus le sentiment de maîtrise est fort) : une mesure du pouvoir d’agir.',
      en: 'Mean sense of control over one’s life (7 to 28, higher means more mastery): a measure of empowerment (pouvoir d’agir).',
    },
    dimension: 'democracy',
    objectives: ['capacity'],
    level: 'participant',
    module: 'mastery',
    questions: [...MASTERY_QUESTIONS],
    unit: { fr: 'score 7–28', en: 'score 7–28' },
    direction: 'higher_is_better',
    format: { style: 'number', decimals: 1 },
    kind: 'mean',
    missingRule: {
      fr: 'Réponse manquante si l’un des sept items manque ou n’est pas un entier de 1 à 4 (aucune règle de proratisation publiée).',
      en: 'A response is missing if any of the seven items is unanswered or not an integer from 1 to 4 (no published prorating rule).',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr:
        'Items 1, 2, 3, 5 et 7 inversés (5 − x), puis somme (7–28). Pas de seuil publié : on rapporte la moyenne, ' +
        'avec un intervalle de Student à 95 %. Le texte français des items est notre traduction (la version ' +
        'française de Statistique Canada, « échelle du sentiment de maîtrise », n’a pas été récupérée).',
      en:
        'Items 1, 2, 3, 5 and 7 reversed (5 − x), then summed (7–28). No published cut-off: the mean is ' +
        "reported, with a 95 % Student interval. The French item wording is our translation (Statistics Canada's " +
        'French version, « échelle du sentiment de maîtrise », was not retrieved).',
    },
    source: 'Pearlin LI, Schooler C. The structure of coping. J Health Soc Behav 1978;19(1):2–21.',
    range: { min: 7, max: 28 },
    measure: (a) => scoreMastery(a),
  },
  {
    id: 'training_participation',
    version: 1,
    label: {
      fr: 'Participation aux formations et actions de sensibilisation',
      en: 'Participation in training and awareness activities',
    },
    description: {
      fr: 'Part des participants ayant suivi au moins une formation ou action de sensibilisation au cours des trois derniers mois.',
      en: 'Share of participants who attended at least one training or awareness activity in the past three months.',
    },
    dimension: 'democracy',
    objectives: ['capacity'],
    level: 'participant',
    module: 'participation',
    questions: ['training_activities_attended'],
    unit: { fr: '% des participants', en: '% of participants' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 1 },
    kind: 'proportion',
    missingRule: {
      fr: 'Réponse manquante si le nombre d’activités n’est pas renseigné (ou n’est pas un entier positif ou nul).',
      en: 'A response is missing if the number of activities is unanswered (or not a non-negative integer).',
    },
    disaggregations: PARTICIPANT_DISAGGREGATIONS,
    method: {
      fr: 'Au moins une activité de formation ou de sensibilisation suivie dans les trois derniers mois. Proportion, intervalle de Wilson à 95 %.',
      en: 'At least one training or awareness activity attended in the past three months. Proportion, 95 % Wilson interval.',
    },
    source: recolteSource('participation'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const n = count(a, 'training_activities_attended');
      return n === null ? null : n >= 1;
    },
  },
  {
    id: 'committee_attendance_rate',
    version: 1,
    label: { fr: 'Taux de présence aux réunions du comité', en: 'Committee meeting attendance rate' },
    description: {
      fr: 'Présences cumulées aux réunions du comité rapportées au nombre de places possibles (réunions × membres) sur la période.',
      en: 'Total attendance at committee meetings over the possible seats (meetings × members) in the period.',
    },
    dimension: 'democracy',
    objectives: ['governance'],
    level: 'caisse',
    module: 'caisse_governance',
    questions: ['committee_attendance_total', 'committee_meetings', 'committee_members'],
    unit: { fr: '% des places', en: '% of seats' },
    direction: 'higher_is_better',
    format: { style: 'percent', decimals: 0 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des trois valeurs manque, si aucune réunion ou aucun membre n’est déclaré, ou si les présences dépassent réunions × membres (formulaire incohérent).',
      en: 'Missing if any of the three values is unanswered, if no meeting or no member is declared, or if attendance exceeds meetings × members (inconsistent form).',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: 'Présences totales / (réunions × membres). Sur plusieurs formulaires ou caisses : Σ présences / Σ (réunions × membres). Données de gestion de la caisse, non un échantillon : pas d’intervalle.',
      en: 'Total attendance / (meetings × members). Across several forms or caisses: Σ attendance / Σ (meetings × members). Caisse management data, not a sample: no interval.',
    },
    source: recolteSource('caisse_governance'),
    range: { min: 0, max: 1 },
    measure: (a) => {
      const meetings = count(a, 'committee_meetings');
      const members = count(a, 'committee_members');
      return ratio(
        count(a, 'committee_attendance_total'),
        meetings === null || members === null ? null : meetings * members,
        { atMostOne: true },
      );
    },
  },
  {
    id: 'decisions_per_meeting',
    version: 1,
    label: { fr: 'Décisions prises par réunion du comité', en: 'Decisions taken per committee meeting' },
    description: {
      fr: 'Nombre de décisions prises par le comité citoyen rapporté au nombre de ses réunions sur la période.',
      en: 'Number of decisions taken by the citizen committee per meeting held in the period.',
    },
    dimension: 'democracy',
    objectives: ['governance'],
    level: 'caisse',
    module: 'caisse_governance',
    questions: ['decisions_count', 'committee_meetings'],
    unit: { fr: 'décisions par réunion', en: 'decisions per meeting' },
    direction: 'neutral',
    format: { style: 'number', decimals: 2 },
    kind: 'ratio',
    missingRule: {
      fr: 'Manquant si l’une des deux valeurs manque ou si aucune réunion n’est déclarée.',
      en: 'Missing if either value is unanswered or if no meeting is declared.',
    },
    disaggregations: CAISSE_DISAGGREGATIONS,
    method: {
      fr: 'Décisions / réunions ; sur plusieurs formulaires ou caisses : Σ décisions / Σ réunions. Sens neutre : le nombre de décisions dépend de leur portée. Pas d’intervalle (données de gestion).',
      en: 'Decisions / meetings; across several forms or caisses: Σ decisions / Σ meetings. Neutral direction: the count depends on the scope of decisions. No interval (management data).',
    },
    source: recolteSource('caisse_governance'),
    measure: (a) => ratio(count(a, 'decisions_count'), count(a, 'committee_meetings')),
  },
];
