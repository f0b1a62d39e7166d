// Error messages of the response validator, French first, English beside. Each names the value's path.
import type { Sink, ValidationError } from './types.ts';

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

type Pair = readonly [fr: string, en: string];

/** code → (question path, params) → [fr, en] */
export const messages = {
  not_an_object: (): Pair => ['La réponse doit être un objet JSON', 'The response must be a JSON object'],
  unknown_key: (q: string): Pair => [
    `« ${q} » n'est pas une question de ce questionnaire`,
    `"${q}" is not a question of this questionnaire`,
  ],
  hidden_value: (q: string): Pair => [
    `« ${q} » est masquée par ses conditions et ne doit pas avoir de valeur`,
    `"${q}" is hidden by its conditions and must not carry a value`,
  ],
  no_value: (q: string): Pair => [`« ${q} » n'accepte pas de valeur`, `"${q}" does not take a value`],
  required: (q: string): Pair => [`« ${q} » : réponse obligatoire`, `"${q}": response required`],
  one_answer_required: (q: string): Pair => [
    `Panneau « ${q} » : au moins une réponse est obligatoire`,
    `Panel "${q}": at least one answer is required`,
  ],
  wrong_type: (q: string, expected: string, expectedEn: string, v: unknown): Pair => [
    `« ${q} » : ${expected} attendu, reçu ${show(v)}`,
    `"${q}": expected ${expectedEn}, got ${show(v)}`,
  ],
  not_a_choice: (q: string, v: unknown): Pair => [
    `« ${q} » : ${show(v)} ne fait pas partie des choix`,
    `"${q}": ${show(v)} is not one of the choices`,
  ],
  hidden_choice: (q: string, v: unknown): Pair => [
    `« ${q} » : le choix ${show(v)} est masqué par ses conditions`,
    `"${q}": choice ${show(v)} is hidden by its conditions`,
  ],
  duplicate_choice: (q: string, v: unknown): Pair => [
    `« ${q} » : ${show(v)} est sélectionné plusieurs fois`,
    `"${q}": ${show(v)} is selected more than once`,
  ],
  exclusive_choice: (q: string, v: unknown): Pair => [
    `« ${q} » : ${show(v)} exclut tout autre choix`,
    `"${q}": ${show(v)} excludes any other choice`,
  ],
  other_empty: (q: string): Pair => [
    `« ${q} » : précisez la réponse « autre »`,
    `"${q}": please specify the "other" answer`,
  ],
  min_selected: (q: string, n: number): Pair => [
    `« ${q} » : choisissez au moins ${n} réponse(s)`,
    `"${q}": select at least ${n} answer(s)`,
  ],
  max_selected: (q: string, n: number): Pair => [
    `« ${q} » : choisissez au plus ${n} réponse(s)`,
    `"${q}": select at most ${n} answer(s)`,
  ],
  ranking_incomplete: (q: string): Pair => [
    `« ${q} » : le classement doit contenir chaque choix visible une fois`,
    `"${q}": the ranking must contain every visible choice once`,
  ],
  out_of_range: (q: string, v: unknown): Pair => [
    `« ${q} » : ${show(v)} n'est pas une valeur de l'échelle`,
    `"${q}": ${show(v)} is not a value of the scale`,
  ],
  below_min: (q: string, min: unknown): Pair => [
    `« ${q} » : la valeur doit être au moins ${show(min)}`,
    `"${q}": the value must be at least ${show(min)}`,
  ],
  above_max: (q: string, max: unknown): Pair => [
    `« ${q} » : la valeur doit être au plus ${show(max)}`,
    `"${q}": the value must be at most ${show(max)}`,
  ],
  step: (q: string, step: unknown): Pair => [
    `« ${q} » : la valeur doit être un multiple de ${show(step)}`,
    `"${q}": the value must be a multiple of ${show(step)}`,
  ],
  too_long: (q: string, n: number): Pair => [
    `« ${q} » : ${n} caractères au plus`,
    `"${q}": at most ${n} characters`,
  ],
  invalid_date: (q: string, v: unknown): Pair => [
    `« ${q} » : ${show(v)} n'est pas une date AAAA-MM-JJ valide`,
    `"${q}": ${show(v)} is not a valid YYYY-MM-DD date`,
  ],
  invalid_email: (q: string): Pair => [
    `« ${q} » : adresse e-mail invalide`,
    `"${q}": invalid e-mail address`,
  ],
  unknown_row: (q: string, row: string): Pair => [
    `« ${q} » : la ligne « ${row} » n'existe pas`,
    `"${q}": row "${row}" does not exist`,
  ],
  hidden_row: (q: string, row: string): Pair => [
    `« ${q} » : la ligne « ${row} » est masquée par ses conditions`,
    `"${q}": row "${row}" is hidden by its conditions`,
  ],
  required_all_rows: (q: string): Pair => [
    `« ${q} » : répondez à toutes les lignes`,
    `"${q}": answer every row`,
  ],
  rows_not_unique: (q: string): Pair => [
    `« ${q} » : chaque ligne doit avoir une réponse différente`,
    `"${q}": each row needs a different answer`,
  ],
  min_panels: (q: string, n: number): Pair => [
    `« ${q} » : au moins ${n} élément(s)`,
    `"${q}": at least ${n} item(s)`,
  ],
  max_panels: (q: string, n: number): Pair => [
    `« ${q} » : au plus ${n} élément(s)`,
    `"${q}": at most ${n} item(s)`,
  ],
  key_not_unique: (q: string): Pair => [
    `« ${q} » : cette valeur doit être unique`,
    `"${q}": this value must be unique`,
  ],
  numeric: (q: string): Pair => [`« ${q} » : un nombre est attendu`, `"${q}": a number is expected`],
  numeric_range: (q: string, min: number | null, max: number | null): Pair => {
    if (min !== null && max !== null) {
      return [
        `« ${q} » : la valeur doit être entre ${min} et ${max}`,
        `"${q}": the value must be between ${min} and ${max}`,
      ];
    }
    if (min !== null)
      return [`« ${q} » : la valeur doit être au moins ${min}`, `"${q}": the value must be at least ${min}`];
    return [`« ${q} » : la valeur doit être au plus ${max}`, `"${q}": the value must be at most ${max}`];
  },
  text_length: (q: string, min: number, max: number): Pair => {
    if (min > 0 && max > 0) {
      return [`« ${q} » : entre ${min} et ${max} caractères`, `"${q}": between ${min} and ${max} characters`];
    }
    if (min > 0) return [`« ${q} » : au moins ${min} caractères`, `"${q}": at least ${min} characters`];
    return [`« ${q} » : au plus ${max} caractères`, `"${q}": at most ${max} characters`];
  },
  no_digits: (q: string): Pair => [
    `« ${q} » : les chiffres ne sont pas autorisés`,
    `"${q}": digits are not allowed`,
  ],
  regex: (q: string): Pair => [`« ${q} » : format invalide`, `"${q}": invalid format`],
  expression: (q: string, e: string): Pair => [
    `« ${q} » : la condition « ${e} » n'est pas remplie`,
    `"${q}": the condition "${e}" is not met`,
  ],
  answer_count: (q: string, min: number | null, max: number | null): Pair => {
    if (min !== null && max !== null) {
      return [`« ${q} » : entre ${min} et ${max} réponses`, `"${q}": between ${min} and ${max} answers`];
    }
    if (min !== null) return [`« ${q} » : au moins ${min} réponses`, `"${q}": at least ${min} answers`];
    return [`« ${q} » : au plus ${max} réponses`, `"${q}": at most ${max} answers`];
  },
} as const;

export type MessageCode = keyof typeof messages;

export function createSink(): Sink {
  const errors: ValidationError[] = [];
  return {
    errors,
    add(question, code, message, messageEn) {
      errors.push({ question, code, message, messageEn });
    },
  };
}

/** Adds the error `code` with its standard message. */
export function report<C extends MessageCode>(
  sink: Sink,
  path: string | null,
  code: C,
  ...args: Parameters<(typeof messages)[C]>
): void {
  const [fr, en] = (messages[code] as (...a: unknown[]) => Pair)(...args);
  sink.add(path, code, fr, en);
}
