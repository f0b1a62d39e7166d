// A questionnaire version flattened into export columns, shared by the responses export, the
// codebook and the research export. Names are stable (derived from question names and choice
// codes only): a question is one column, except
// - checkbox / tagbox: one column per choice, `<name>__<choice>`, 1 if ticked, 0 if not, empty if
//   the question was not answered;
// - ranking: one column per choice, `<name>__<choice>`, its rank (1 = first);
// - matrix: one column per row, `<name>__<row>`, the chosen column's code;
// - multipletext: one column per item, `<name>__<item>`;
// - paneldynamic: `<name>__count`, then `<name>__<n>__<question>` for panels n = 1 … the most
//   panels any exported response has (at least 1);
// - a `<name>-Comment` answer ("other" text, comment area): `<name>__comment`.
// Booleans are written 1/0 (unless the question has its own valueTrue/valueFalse).
import { COLLECTION_MODE_LABELS, COLLECTION_MODES } from '../../indicators/taxonomy.ts';
import { modules } from '../../surveys/index.ts';
import {
  booleanChoices,
  type ChoiceItem,
  type Code,
  choicesOf,
  hasCommentKey,
  type Json,
  joinText,
  type Localized,
  matrixColumns,
  matrixRows,
  questionsOf,
  rateChoices,
  rootElements,
  templateOf,
  textItems,
  titleOf,
} from './survey-json.ts';

export type Cell = string | number | null;

export interface ColumnInfo {
  name: string;
  /** The answer it comes from (a top-level question name); null for the metadata columns. */
  question: string | null;
  /** SurveyJS question type (`text:<inputType>` for typed text inputs), or `meta`. */
  type: string;
  text: Localized;
  /** The codes the column holds, with their labels. */
  choices: ChoiceItem[];
}

export interface QuestionColumn extends ColumnInfo {
  read(data: Json): Cell;
}

export interface FlattenOptions {
  /** Most panels per dynamic panel in the exported responses (name → count). */
  panelCounts?: ReadonlyMap<string, number>;
  /** Research export: no free text, comments or expressions, no raw quasi-identifier answers. */
  research?: boolean;
}

/** Answers the research export replaces by coarsened attributes (see research.ts). */
export const QUASI_IDENTIFIER_QUESTIONS: ReadonlySet<string> = new Set([
  'respondent_sex',
  'respondent_age',
  'household_size',
  'household_type',
  'cotisation_month',
]);
const NUMERIC_INPUTS = new Set(['number', 'range']);

const SELECTED: ChoiceItem[] = [
  { code: 1, label: { fr: 'coché', en: 'selected' } },
  { code: 0, label: { fr: 'non coché', en: 'not selected' } },
];
const COMMENT_TEXT: Localized = { fr: 'précision / commentaire', en: 'details / comment' };

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One answer as a cell: numbers and strings as they are, booleans 1/0, anything else as JSON. */
export function scalar(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

/** A code as a column-name part: letters, digits, `_ . -` kept, anything else `_`. */
const part = (code: Code) => String(code).replace(/[^\p{L}\p{N}_.-]+/gu, '_');

interface Scope {
  /** The object holding the question's answer: the response, or one item of a dynamic panel. */
  holder: (data: Json) => Json | undefined;
  prefix: string;
  /** The enclosing dynamic panel's name, null at the top level. */
  root: string | null;
  label: Localized | null;
}
const TOP: Scope = { holder: (d) => d, prefix: '', root: null, label: null };

function questionColumns(q: Json, s: Scope, opts: FlattenOptions): QuestionColumn[] {
  const name = String(q.name);
  const type = String(q.type);
  const research = opts.research === true;
  if (research && s.root === null && QUASI_IDENTIFIER_QUESTIONS.has(name)) return [];
  const title = s.label ? joinText(s.label, titleOf(q)) : titleOf(q);
  const value = (d: Json) => s.holder(d)?.[name];
  const column = (
    suffix: string,
    colType: string,
    text: Localized,
    choices: ChoiceItem[],
    read: (d: Json) => Cell,
  ): QuestionColumn => ({
    name: `${s.prefix}${name}${suffix}`,
    question: s.root ?? name,
    type: colType,
    text,
    choices,
    read,
  });
  const single = (choices: ChoiceItem[], colType = type) => [
    column('', colType, title, choices, (d) => scalar(value(d))),
  ];

  let out: QuestionColumn[];
  switch (type) {
    case 'html':
    case 'image':
      return [];
    case 'checkbox':
    case 'tagbox':
      out = choicesOf(q).map((c) =>
        column(`__${part(c.code)}`, type, joinText(title, c.label), SELECTED, (d) => {
          const v = value(d);
          return Array.isArray(v) ? (v.includes(c.code) ? 1 : 0) : null;
        }),
      );
      break;
    case 'ranking':
      out = choicesOf(q).map((c) =>
        column(`__${part(c.code)}`, type, joinText(title, c.label), [], (d) => {
          const v = value(d);
          const rank = Array.isArray(v) ? v.indexOf(c.code) : -1;
          return rank < 0 ? null : rank + 1;
        }),
      );
      break;
    case 'matrix':
      out = matrixRows(q).map((r) =>
        column(`__${part(r.code)}`, type, joinText(title, r.label), matrixColumns(q), (d) => {
          const v = value(d);
          return isObject(v) ? scalar(v[String(r.code)]) : null;
        }),
      );
      break;
    case 'multipletext':
      out = textItems(q)
        .filter((i) => !research || NUMERIC_INPUTS.has(i.inputType ?? ''))
        .map((i) =>
          column(
            `__${part(i.name)}`,
            i.inputType ? `${type}:${i.inputType}` : type,
            joinText(title, i.title),
            [],
            (d) => {
              const v = value(d);
              return isObject(v) ? scalar(v[i.name]) : null;
            },
          ),
        );
      break;
    case 'paneldynamic':
      // SurveyJS does not nest dynamic panels in ours (the validator refuses it): kept as JSON.
      if (s.root !== null) return research ? [] : single([]);
      out = [
        column('__count', type, joinText(title, { fr: 'nombre', en: 'count' }), [], (d) => {
          const v = value(d);
          return Array.isArray(v) ? v.length : null;
        }),
      ];
      for (let i = 1; i <= Math.max(1, opts.panelCounts?.get(name) ?? 0); i++) {
        const scope: Scope = {
          holder: (d) => {
            const v = value(d);
            const it = Array.isArray(v) ? v[i - 1] : undefined;
            return isObject(it) ? it : undefined;
          },
          prefix: `${name}__${i}__`,
          root: name,
          label: { fr: `${title.fr} [${i}]`, en: `${title.en} [${i}]` },
        };
        for (const sub of templateOf(q)) out.push(...questionColumns(sub, scope, opts));
      }
      break;
    case 'boolean':
      out = single(booleanChoices(q));
      break;
    case 'rating':
      out = single(rateChoices(q));
      break;
    case 'radiogroup':
    case 'dropdown':
      out = single(choicesOf(q));
      break;
    case 'text': {
      const inputType = typeof q.inputType === 'string' && q.inputType !== 'text' ? q.inputType : null;
      if (research && !NUMERIC_INPUTS.has(inputType ?? '')) return [];
      out = single([], inputType ? `text:${inputType}` : 'text');
      break;
    }
    default:
      // comment (free text), expression (may compute anything) and types we do not know.
      if (research) return [];
      out = single([]);
  }
  if (hasCommentKey(q) && !research) {
    out.push(
      column('__comment', 'comment', joinText(title, COMMENT_TEXT), [], (d) =>
        scalar(s.holder(d)?.[`${name}-Comment`]),
      ),
    );
  }
  return out;
}

/** Names of the dynamic panels of a definition (their column count depends on the data). */
export const dynamicPanels = (definition: Json): string[] =>
  questionsOf(rootElements(definition))
    .filter((q) => q.type === 'paneldynamic')
    .map((q) => String(q.name));

/** The columns of one definition, in definition order; names unique (and unlike `reserved`). */
export function flattenDefinition(
  definition: Json,
  opts: FlattenOptions = {},
  reserved: Iterable<string> = [],
): QuestionColumn[] {
  const seen = new Set(reserved);
  const out: QuestionColumn[] = [];
  for (const q of questionsOf(rootElements(definition))) {
    for (const c of questionColumns(q, TOP, opts)) {
      let name = c.name;
      for (let k = 2; seen.has(name); k++) name = `${c.name}__${k}`;
      seen.add(name);
      out.push(name === c.name ? c : { ...c, name });
    }
  }
  return out;
}

// ---------------------------------------------------------------- metadata columns

const profileChoices = (question: string): ChoiceItem[] => {
  const q = modules.profile?.elements.find((e) => e.name === question);
  return q ? choicesOf(q as unknown as Json) : [];
};
const meta = (name: string, fr: string, en: string, choices: ChoiceItem[] = []): ColumnInfo => ({
  name,
  question: null,
  type: 'meta',
  text: { fr, en },
  choices,
});

/** The columns before the questions in the responses export, in order. */
export const RESPONSE_META_COLUMNS: readonly ColumnInfo[] = [
  meta('response_id', 'Identifiant de la réponse', 'Response id'),
  meta(
    'participant_code',
    'Code du participant (vide pour un questionnaire de la caisse)',
    'Participant code (empty for a caisse questionnaire)',
  ),
  // Prefixed: the profile module asks `household_size` and `household_type` too, and question names win.
  meta(
    'participant_cotisation_tier',
    'Palier de cotisation (fiche du participant)',
    'Cotisation tier (participant record)',
  ),
  meta(
    'participant_household_size',
    'Taille du foyer (fiche du participant)',
    'Household size (participant record)',
  ),
  meta(
    'participant_household_type',
    'Type de foyer (fiche du participant)',
    'Household type (participant record)',
    profileChoices('household_type'),
  ),
  meta('wave_period', 'Période de la vague', 'Wave period'),
  meta('questionnaire_version', 'Numéro de version du questionnaire', 'Questionnaire version number'),
  meta(
    'submitted_at',
    'Date et heure de soumission (UTC, ISO 8601)',
    'Submission date and time (UTC, ISO 8601)',
  ),
  meta(
    'collection_mode',
    'Mode de collecte',
    'Collection mode',
    COLLECTION_MODES.map((code) => ({ code, label: COLLECTION_MODE_LABELS[code] })),
  ),
];
