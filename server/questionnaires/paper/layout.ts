// A SurveyJS definition as a paper questionnaire: every visible question numbered in order, its answer
// drawn as boxes, lines or a grid, and each visibility condition (page, panel or question visibleIf)
// written as a skip instruction (« Si vous avez répondu « Non » à la question 5, passez à la question 12. »).
// Pure: definition in, layout out; conditions are parsed by survey-core's own ConditionsParser.
import { ConditionsParser } from 'survey-core';

export type PaperLang = 'fr' | 'en';

export interface PaperOption {
  value: unknown;
  label: string;
  /** "Other (please specify)": a line follows the box. */
  specify?: boolean;
}

export type PaperAnswer =
  | {
      kind: 'choice';
      multiple: boolean;
      rank?: boolean;
      options: PaperOption[];
      minLabel?: string;
      maxLabel?: string;
      scale: boolean;
    }
  | { kind: 'matrix'; multiple: boolean; rows: PaperOption[]; columns: PaperOption[] }
  | { kind: 'grid'; rows: PaperOption[]; columns: PaperOption[] }
  | { kind: 'number'; cells: number; hint?: string }
  | { kind: 'date' }
  | { kind: 'lines'; lines: number }
  | { kind: 'fields'; fields: string[] };

export interface PaperQuestion {
  kind: 'question';
  number: number;
  name: string;
  title: string;
  description?: string;
  answer: PaperAnswer;
}
export interface PaperSection {
  kind: 'section';
  level: 1 | 2;
  title: string;
  description?: string;
}
export interface PaperInstruction {
  kind: 'instruction';
  text: string;
  /** false: the condition could not be put in words and is printed as written. */
  worded: boolean;
  /** The condition as written in the definition. */
  expression: string;
  /** The numbered questions the condition governs. */
  first: number;
  last: number;
}
export type PaperItem = PaperQuestion | PaperSection | PaperInstruction;

export interface PaperLayout {
  title: string;
  description?: string;
  items: PaperItem[];
  questionCount: number;
}

type Json = Record<string, unknown>;

const WORDS = {
  fr: {
    yes: 'Oui',
    no: 'Non',
    none: 'Aucun',
    other: 'Autre (précisez)',
    refuse: 'Je ne souhaite pas répondre',
    dontKnow: 'Je ne sais pas',
    between: (a: string, b: string) => `entre ${a} et ${b}`,
  },
  en: {
    yes: 'Yes',
    no: 'No',
    none: 'None',
    other: 'Other (please specify)',
    refuse: 'I prefer not to answer',
    dontKnow: "I don't know",
    between: (a: string, b: string) => `between ${a} and ${b}`,
  },
} as const;

/** A SurveyJS localizable string: plain, or `{ default|fr, en, … }`. */
export function localized(value: unknown, lang: PaperLang): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const pick = lang === 'fr' ? (v.fr ?? v.default) : (v.en ?? v.default ?? v.fr);
    if (typeof pick === 'string') return pick;
  }
  return undefined;
}

const NOT_QUESTIONS = new Set(['html', 'image', 'expression', 'panel']);

function itemsOf(list: unknown, lang: PaperLang): PaperOption[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    if (item && typeof item === 'object') {
      const o = item as Json;
      return { value: o.value, label: localized(o.text, lang) ?? String(o.value) };
    }
    return { value: item, label: String(item) };
  });
}

function choiceExtras(q: Json, lang: PaperLang): PaperOption[] {
  const w = WORDS[lang];
  const out: PaperOption[] = [];
  if (q.showOtherItem === true || q.hasOther === true)
    out.push({ value: 'other', label: localized(q.otherText, lang) ?? w.other, specify: true });
  if (q.showNoneItem === true || q.hasNone === true)
    out.push({ value: 'none', label: localized(q.noneText, lang) ?? w.none });
  if (q.showDontKnowItem === true)
    out.push({ value: 'dontknow', label: localized(q.dontKnowText, lang) ?? w.dontKnow });
  if (q.showRefuseItem === true)
    out.push({ value: 'refused', label: localized(q.refuseText, lang) ?? w.refuse });
  return out;
}

function ratingOptions(q: Json, lang: PaperLang): PaperOption[] {
  if (Array.isArray(q.rateValues) && q.rateValues.length > 0) return itemsOf(q.rateValues, lang);
  const count = typeof q.rateCount === 'number' ? q.rateCount : undefined;
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : count !== undefined ? min + (count - 1) * step : 5;
  const out: PaperOption[] = [];
  for (let v = min; v <= max + 1e-9 && out.length < 30; v += step) out.push({ value: v, label: String(v) });
  return out;
}

/** Options of a question whose answer is one of a known set (used by the skip instructions too). */
function answerOf(q: Json, lang: PaperLang): PaperAnswer {
  const w = WORDS[lang];
  const type = String(q.type);
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
    case 'imagepicker':
      return {
        kind: 'choice',
        multiple:
          type === 'checkbox' || type === 'tagbox' || (type === 'imagepicker' && q.multiSelect === true),
        rank: type === 'ranking' || undefined,
        options: [...itemsOf(q.choices, lang), ...choiceExtras(q, lang)],
        scale: false,
      };
    case 'boolean':
      return {
        kind: 'choice',
        multiple: false,
        options: [
          { value: q.valueTrue ?? true, label: localized(q.labelTrue, lang) ?? w.yes },
          { value: q.valueFalse ?? false, label: localized(q.labelFalse, lang) ?? w.no },
        ],
        scale: false,
      };
    case 'rating': {
      return {
        kind: 'choice',
        multiple: false,
        options: ratingOptions(q, lang),
        minLabel: localized(q.minRateDescription, lang),
        maxLabel: localized(q.maxRateDescription, lang),
        scale: true,
      };
    }
    case 'matrix':
      return {
        kind: 'matrix',
        multiple: q.cellType === 'checkbox',
        rows: itemsOf(q.rows, lang),
        columns: itemsOf(q.columns, lang),
      };
    case 'matrixdropdown':
      return {
        kind: 'grid',
        rows: itemsOf(q.rows, lang),
        columns: Array.isArray(q.columns)
          ? (q.columns as Json[]).map((c) => ({
              value: c.name,
              label: localized(c.title, lang) ?? String(c.name),
            }))
          : [],
      };
    case 'multipletext':
      return {
        kind: 'fields',
        fields: Array.isArray(q.items)
          ? (q.items as Json[]).map((i) => localized(i.title, lang) ?? String(i.name))
          : [],
      };
    case 'comment':
      return { kind: 'lines', lines: Math.min(Math.max(typeof q.rows === 'number' ? q.rows : 3, 2), 6) };
    case 'paneldynamic':
      return { kind: 'lines', lines: 4 };
    case 'text': {
      const input = typeof q.inputType === 'string' ? q.inputType : 'text';
      if (input === 'number' || input === 'range') {
        const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
        const validator = Array.isArray(q.validators)
          ? (q.validators as Json[]).find((v) => v.type === 'numeric')
          : undefined;
        const min = num(q.min) ?? num(validator?.minValue);
        const max = num(q.max) ?? num(validator?.maxValue);
        const digits = max !== undefined ? String(Math.trunc(Math.abs(max))).length : 4;
        const decimals = typeof q.step === 'number' && !Number.isInteger(q.step) ? 2 : 0;
        return {
          kind: 'number',
          cells: Math.min(Math.max(digits + decimals, 2), 10),
          hint:
            min !== undefined && max !== undefined ? `(${w.between(String(min), String(max))})` : undefined,
        };
      }
      if (input === 'date') return { kind: 'date' };
      return { kind: 'lines', lines: 1 };
    }
    default:
      return { kind: 'lines', lines: 1 };
  }
}

// --- conditions ---------------------------------------------------------------------------------

type Test =
  | 'eq'
  | 'neq'
  | 'anyof'
  | 'noneof'
  | 'contains'
  | 'notcontains'
  | 'empty'
  | 'notempty'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge';
type Cond = { op: 'and' | 'or'; parts: Cond[] } | { op: 'atom'; name: string; test: Test; values: unknown[] };

const BINARY: Record<string, Test> = {
  equal: 'eq',
  notequal: 'neq',
  anyof: 'anyof',
  noneof: 'noneof',
  contains: 'contains',
  notcontains: 'notcontains',
  less: 'lt',
  lessorequal: 'le',
  greater: 'gt',
  greaterorequal: 'ge',
};
const SWAPPED: Partial<Record<Test, Test>> = { eq: 'eq', neq: 'neq', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

interface OperandLike {
  getType(): string;
  operator?: string;
  leftOperand?: OperandLike;
  rightOperand?: OperandLike;
  expression?: OperandLike;
  variable?: string;
  correctValue?: unknown;
  values?: OperandLike[];
}

function constValues(o: OperandLike | undefined): unknown[] | null {
  if (!o) return null;
  if (o.getType() === 'const') return [o.correctValue];
  if (o.getType() === 'array' && o.values?.every((v) => v.getType() === 'const'))
    return o.values.map((v) => v.correctValue);
  return null;
}

/** survey-core's operand tree → our conditions, or null for anything we cannot put in words. */
function toCond(o: OperandLike | undefined): Cond | null {
  if (!o) return null;
  const type = o.getType();
  if (type === 'binary') {
    if (o.operator === 'and' || o.operator === 'or') {
      const l = toCond(o.leftOperand);
      const r = toCond(o.rightOperand);
      if (!l || !r) return null;
      const op = o.operator;
      const flat = (c: Cond) => (c.op === op ? (c as { parts: Cond[] }).parts : [c]);
      return { op, parts: [...flat(l), ...flat(r)] };
    }
    let test = BINARY[o.operator ?? ''];
    if (!test) return null;
    let variable = o.leftOperand;
    let values = constValues(o.rightOperand);
    if (variable?.getType() !== 'variable' && o.rightOperand?.getType() === 'variable') {
      const swapped = SWAPPED[test];
      if (!swapped) return null;
      test = swapped;
      variable = o.rightOperand;
      values = constValues(o.leftOperand);
    }
    if (variable?.getType() !== 'variable' || !values || !variable.variable) return null;
    return { op: 'atom', name: variable.variable, test, values };
  }
  if (type === 'unary' && (o.operator === 'empty' || o.operator === 'notempty')) {
    const v = o.expression;
    if (v?.getType() !== 'variable' || !v.variable) return null;
    return { op: 'atom', name: v.variable, test: o.operator, values: [] };
  }
  return null;
}

const NEGATE: Record<Test, Test> = {
  eq: 'neq',
  neq: 'eq',
  anyof: 'noneof',
  noneof: 'anyof',
  contains: 'notcontains',
  notcontains: 'contains',
  empty: 'notempty',
  notempty: 'empty',
  lt: 'ge',
  ge: 'lt',
  le: 'gt',
  gt: 'le',
};

function negate(c: Cond): Cond {
  if (c.op === 'atom') return { ...c, test: NEGATE[c.test] };
  return { op: c.op === 'and' ? 'or' : 'and', parts: c.parts.map(negate) };
}

interface Known {
  number: number;
  answer: PaperAnswer;
}

const same = (a: unknown, b: unknown) => String(a) === String(b);

const PHRASES = {
  fr: {
    answered: (labels: string[], n: number) => `vous avez répondu ${labels.join(' ou ')} à la question ${n}`,
    ticked: (labels: string[], n: number) => `vous avez coché ${labels.join(' ou ')} à la question ${n}`,
    notTicked: (labels: string[], n: number) =>
      labels.length === 1
        ? `vous n'avez pas coché ${labels[0]} à la question ${n}`
        : `vous n'avez coché ni ${labels.join(' ni ')} à la question ${n}`,
    isNot: (labels: string[], n: number) =>
      `votre réponse à la question ${n} n'est pas ${labels.join(' ni ')}`,
    empty: (n: number) => `vous n'avez pas répondu à la question ${n}`,
    notempty: (n: number) => `vous avez répondu à la question ${n}`,
    compare: {
      lt: 'inférieure à',
      le: 'inférieure ou égale à',
      gt: 'supérieure à',
      ge: 'supérieure ou égale à',
    },
    compared: (n: number, how: string, v: string) => `votre réponse à la question ${n} est ${how} ${v}`,
    and: ' et si ',
    or: ' ou si ',
    quote: (s: string) => `« ${s} »`,
    sentence: (clause: string, to: string) => `Si ${clause}, ${to}.`,
    goTo: (n: number) => `passez à la question ${n}`,
    goToEnd: 'passez à la fin du questionnaire',
    askedOnlyIf: (first: number, last: number, expr: string) =>
      first === last
        ? `(question ${first} posée seulement si : ${expr})`
        : `(questions ${first} à ${last} posées seulement si : ${expr})`,
  },
  en: {
    answered: (labels: string[], n: number) => `you answered ${labels.join(' or ')} to question ${n}`,
    ticked: (labels: string[], n: number) => `you ticked ${labels.join(' or ')} at question ${n}`,
    notTicked: (labels: string[], n: number) =>
      labels.length === 1
        ? `you did not tick ${labels[0]} at question ${n}`
        : `you ticked neither ${labels.join(' nor ')} at question ${n}`,
    isNot: (labels: string[], n: number) => `your answer to question ${n} is not ${labels.join(' or ')}`,
    empty: (n: number) => `you did not answer question ${n}`,
    notempty: (n: number) => `you answered question ${n}`,
    compare: { lt: 'less than', le: 'at most', gt: 'more than', ge: 'at least' },
    compared: (n: number, how: string, v: string) => `your answer to question ${n} is ${how} ${v}`,
    and: ' and ',
    or: ' or if ',
    quote: (s: string) => `"${s}"`,
    sentence: (clause: string, to: string) => `If ${clause}, ${to}.`,
    goTo: (n: number) => `go to question ${n}`,
    goToEnd: 'go to the end of the questionnaire',
    askedOnlyIf: (first: number, last: number, expr: string) =>
      first === last
        ? `(question ${first} asked only if: ${expr})`
        : `(questions ${first} to ${last} asked only if: ${expr})`,
  },
} as const;

/** The skip condition in words, or null when one of its parts cannot be worded. */
function word(c: Cond, known: Map<string, Known>, before: number, lang: PaperLang): string | null {
  const p = PHRASES[lang];
  if (c.op !== 'atom') {
    const parts = c.parts.map((part) => (part.op === 'atom' ? word(part, known, before, lang) : null));
    if (parts.some((x) => x === null)) return null;
    return parts.join(c.op === 'and' ? p.and : p.or);
  }
  const q = known.get(c.name.toLowerCase());
  if (!q || q.number >= before) return null;
  const n = q.number;
  const options = q.answer.kind === 'choice' ? q.answer.options : null;
  const multiple = q.answer.kind === 'choice' && q.answer.multiple;
  const label = (v: unknown) => p.quote(options?.find((o) => same(o.value, v))?.label ?? String(v));
  const flatValues = c.values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (flatValues.some((v) => v !== null && typeof v === 'object')) return null;
  switch (c.test) {
    case 'empty':
      return p.empty(n);
    case 'notempty':
      return p.notempty(n);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const [v] = flatValues;
      if (typeof v !== 'number') return null;
      return p.compared(n, p.compare[c.test], String(v));
    }
    default:
      break;
  }
  const positive = c.test === 'eq' || c.test === 'anyof' || c.test === 'contains';
  if (multiple) {
    if (c.test === 'eq' || c.test === 'neq') return null; // equality with a whole set of ticks: too rare to word
    return positive ? p.ticked(flatValues.map(label), n) : p.notTicked(flatValues.map(label), n);
  }
  if (c.test === 'contains' || c.test === 'notcontains') return null;
  if (positive) return p.answered(flatValues.map(label), n);
  // "Not this value": with a known list of answers, name the others.
  if (options) {
    const others = options.filter((o) => !flatValues.some((v) => same(o.value, v)));
    if (others.length === 0) return null;
    return p.answered(
      others.map((o) => p.quote(o.label)),
      n,
    );
  }
  return p.isNot(flatValues.map(label), n);
}

const parser = new ConditionsParser();

function instructionFor(
  expression: string,
  first: number,
  last: number,
  next: number | null,
  known: Map<string, Known>,
  lang: PaperLang,
): PaperInstruction {
  const p = PHRASES[lang];
  let cond: Cond | null = null;
  try {
    cond = toCond(parser.parseExpression(expression) as unknown as OperandLike);
  } catch {
    cond = null;
  }
  const clause = cond ? word(negate(cond), known, first, lang) : null;
  if (clause) {
    const to = next === null ? p.goToEnd : p.goTo(next);
    return { kind: 'instruction', text: p.sentence(clause, to), worded: true, expression, first, last };
  }
  const readable = expression.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const q = known.get(name.trim().toLowerCase());
    return q ? `Q${q.number}` : whole;
  });
  return {
    kind: 'instruction',
    text: p.askedOnlyIf(first, last, readable),
    worded: false,
    expression,
    first,
    last,
  };
}

// --- layout ---------------------------------------------------------------------------------------

interface Gate {
  level: number; // 0 page, 1 panel, 2 question
  expression: string;
  /** Index in `items` where the gated part starts. */
  at: number;
  first: number;
  last: number;
}

/** The printed layout of a definition in one language. */
export function paperLayout(definition: unknown, lang: PaperLang): PaperLayout {
  const def = (definition && typeof definition === 'object' ? definition : {}) as Json;
  const items: PaperItem[] = [];
  const known = new Map<string, Known>();
  const gates: Gate[] = [];
  let number = 0;

  const visibleIf = (e: Json) =>
    typeof e.visibleIf === 'string' && e.visibleIf.trim() !== '' ? e.visibleIf.trim() : undefined;

  const walk = (elements: unknown, level: number): void => {
    if (!Array.isArray(elements)) return;
    for (const raw of elements) {
      if (!raw || typeof raw !== 'object') continue;
      const e = raw as Json;
      if (e.visible === false) continue;
      const type = String(e.type);
      const at = items.length;
      const before = number;
      if (type === 'panel') {
        const title = localized(e.title, lang);
        if (title)
          items.push({ kind: 'section', level: 2, title, description: localized(e.description, lang) });
        walk(e.elements, level + 1);
      } else if (!NOT_QUESTIONS.has(type)) {
        number += 1;
        const answer = answerOf(e, lang);
        items.push({
          kind: 'question',
          number,
          name: String(e.name),
          title: localized(e.title, lang) ?? String(e.name),
          description: localized(e.description, lang),
          answer,
        });
        known.set(String(e.name).toLowerCase(), { number, answer });
      } else {
        continue;
      }
      const expr = visibleIf(e);
      if (expr && number > before)
        gates.push({
          level: type === 'panel' ? 1 : 2,
          expression: expr,
          at,
          first: before + 1,
          last: number,
        });
    }
  };

  const pages = Array.isArray(def.pages) ? (def.pages as Json[]) : [{ elements: def.elements }];
  for (const page of pages) {
    if (!page || page.visible === false) continue;
    const at = items.length;
    const before = number;
    const title = localized(page.title, lang);
    if (title)
      items.push({ kind: 'section', level: 1, title, description: localized(page.description, lang) });
    walk(page.elements, 1);
    const expr = visibleIf(page);
    if (expr && number > before)
      gates.push({ level: 0, expression: expr, at, first: before + 1, last: number });
  }

  // Adjacent pages (or questions) with the same condition share one instruction.
  const merged: Gate[] = [];
  for (const g of gates) {
    const prev = merged.findLast(
      (m) => m.level === g.level && m.expression === g.expression && m.last + 1 === g.first,
    );
    if (prev) prev.last = g.last;
    else merged.push({ ...g });
  }

  const inserts = merged
    .map((g) => ({
      at: g.at,
      level: g.level,
      item: instructionFor(g.expression, g.first, g.last, g.last < number ? g.last + 1 : null, known, lang),
    }))
    .sort((a, b) => b.at - a.at || b.level - a.level);
  // From the end, deeper first, so that at one position the outer instruction ends up first.
  for (const ins of inserts) items.splice(ins.at, 0, ins.item);

  return {
    title: localized(def.title, lang) ?? (lang === 'fr' ? 'Questionnaire' : 'Questionnaire'),
    description: localized(def.description, lang),
    items,
    questionCount: number,
  };
}
