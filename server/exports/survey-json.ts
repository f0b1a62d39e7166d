// Reading a stored SurveyJS definition as plain JSON, for the exports and the codebook: elements in
// definition order, localizable strings in French and English, choices with their codes and labels.
// survey-core is not needed here: versions were checked with it when they were saved.

export type Json = Record<string, unknown>;
export interface Localized {
  fr: string;
  en: string;
}
export type Code = string | number;
export interface ChoiceItem {
  code: Code;
  label: Localized;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** A SurveyJS localizable string (`"…"` or `{ default, en, fr… }`, `default` being French here). */
export function localized(v: unknown, fallback: string): Localized {
  if (typeof v === 'string' && v !== '') return { fr: v, en: v };
  if (isObject(v)) {
    const str = (k: string) => (typeof v[k] === 'string' && v[k] !== '' ? (v[k] as string) : undefined);
    const any = Object.values(v).find((x): x is string => typeof x === 'string' && x !== '');
    const fr = str('fr') ?? str('default') ?? any ?? fallback;
    return { fr, en: str('en') ?? str('default') ?? fr };
  }
  return { fr: fallback, en: fallback };
}

export const joinText = (a: Localized, b: Localized): Localized => ({
  fr: `${a.fr} — ${b.fr}`,
  en: `${a.en} — ${b.en}`,
});

/** The top-level elements: every page's, then root `elements` / legacy `questions`. */
export function rootElements(definition: Json): Json[] {
  return [
    ...objects(definition.pages).flatMap((p) => objects(p.elements)),
    ...objects(definition.elements),
    ...objects(definition.questions),
  ];
}

/** Questions in definition order; static panels are transparent (their questions keep their names). */
export function questionsOf(elements: Json[]): Json[] {
  const out: Json[] = [];
  for (const el of elements) {
    if (el.type === 'panel' || el.type === 'flowpanel') out.push(...questionsOf(objects(el.elements)));
    else if (typeof el.name === 'string' && el.name !== '') out.push(el);
  }
  return out;
}

export const templateOf = (q: Json): Json[] => questionsOf(objects(q.templateElements));

export const titleOf = (q: Json): Localized => localized(q.title, String(q.name));

function item(v: unknown): ChoiceItem | null {
  if (typeof v === 'string' || typeof v === 'number')
    return { code: v, label: { fr: String(v), en: String(v) } };
  if (isObject(v) && (typeof v.value === 'string' || typeof v.value === 'number')) {
    return { code: v.value, label: localized(v.text, String(v.value)) };
  }
  return null;
}
const items = (v: unknown): ChoiceItem[] =>
  (Array.isArray(v) ? v : []).map(item).filter((c): c is ChoiceItem => c !== null);

/** SurveyJS's built-in items: flag(s) that show them, their value and default text. */
const SPECIAL_ITEMS = [
  { flags: ['showNoneItem', 'hasNone'], value: 'none', text: 'noneText', label: { fr: 'Aucun', en: 'None' } },
  {
    flags: ['showRefuseItem'],
    value: 'refused',
    text: 'refuseText',
    label: { fr: 'Refuse de répondre', en: 'Refuse to answer' },
  },
  {
    flags: ['showDontKnowItem'],
    value: 'dontknow',
    text: 'dontKnowText',
    label: { fr: 'Ne sait pas', en: "Don't know" },
  },
  {
    flags: ['showOtherItem', 'hasOther'],
    value: 'other',
    text: 'otherText',
    label: { fr: 'Autre (préciser)', en: 'Other (describe)' },
  },
] as const;

const hasOther = (q: Json) => q.showOtherItem === true || q.hasOther === true;

/** Choices of a radiogroup, dropdown, checkbox, tagbox or ranking, built-in items included. */
export function choicesOf(q: Json): ChoiceItem[] {
  const out: ChoiceItem[] = [];
  const { choicesMin, choicesMax } = q;
  if (q.type === 'dropdown' && typeof choicesMin === 'number' && typeof choicesMax === 'number') {
    const step = typeof q.choicesStep === 'number' && q.choicesStep > 0 ? q.choicesStep : 1;
    for (let v = choicesMin; v <= choicesMax; v += step)
      out.push({ code: v, label: { fr: `${v}`, en: `${v}` } });
  }
  out.push(...items(q.choices));
  for (const s of SPECIAL_ITEMS) {
    if (!s.flags.some((f) => q[f] === true)) continue;
    const custom = q[s.text];
    out.push({ code: s.value, label: custom === undefined ? { ...s.label } : localized(custom, s.label.fr) });
  }
  return out;
}

/** A rating's scale: `rateValues`, or rateMin…rateMax by rateStep (SurveyJS defaults 1…5). */
export function rateChoices(q: Json): ChoiceItem[] {
  const listed = items(q.rateValues);
  if (listed.length > 0) return listed;
  const num = (k: string, d: number) => (typeof q[k] === 'number' ? (q[k] as number) : d);
  const min = num('rateMin', 1);
  const step = num('rateStep', 1) > 0 ? num('rateStep', 1) : 1;
  const max =
    typeof q.rateCount === 'number' && q.rateMax === undefined
      ? min + (q.rateCount - 1) * step
      : num('rateMax', 5);
  const out: ChoiceItem[] = [];
  for (let v = min; v <= max && out.length < 100; v += step)
    out.push({ code: v, label: { fr: `${v}`, en: `${v}` } });
  return out;
}

/** A boolean question's two answers, with the codes the export writes (1/0 unless custom values). */
export function booleanChoices(q: Json): ChoiceItem[] {
  const code = (v: unknown, d: Code): Code => (typeof v === 'string' || typeof v === 'number' ? v : d);
  return [
    { code: code(q.valueTrue, 1), label: localized(q.labelTrue, 'Oui') },
    { code: code(q.valueFalse, 0), label: localized(q.labelFalse, 'Non') },
  ].map((c, i) =>
    q[i === 0 ? 'labelTrue' : 'labelFalse'] === undefined
      ? { code: c.code, label: i === 0 ? { fr: 'Oui', en: 'Yes' } : { fr: 'Non', en: 'No' } }
      : c,
  );
}

export const matrixRows = (q: Json): ChoiceItem[] => items(q.rows);
export const matrixColumns = (q: Json): ChoiceItem[] => items(q.columns);

/** multipletext items: name, title and input type. */
export function textItems(q: Json): { name: string; title: Localized; inputType: string | null }[] {
  return objects(q.items)
    .filter((i) => typeof i.name === 'string' && i.name !== '')
    .map((i) => ({
      name: i.name as string,
      title: localized(i.title, i.name as string),
      inputType: typeof i.inputType === 'string' ? i.inputType : null,
    }));
}

/** Whether the question stores a `<name>-Comment` text (an "other" item or a comment area). */
export const hasCommentKey = (q: Json): boolean =>
  (['radiogroup', 'dropdown', 'checkbox', 'tagbox'].includes(String(q.type)) && hasOther(q)) ||
  q.showCommentArea === true ||
  q.hasComment === true;
