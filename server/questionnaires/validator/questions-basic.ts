// Value rules of the simple question types: text, comment, boolean, rating, expression, html, image.
import { compileExpression, type ExprScope } from './expressions.ts';
import { report } from './messages.ts';
import { EMAIL_RE, compileValidators } from './sjs-validators.ts';
import type {
  DefinitionIssue,
  DomainCheck,
  DynamicPanels,
  Env,
  ErrorsCheck,
  Expr,
  Scope,
  Sink,
} from './types.ts';
import { isPrimitive } from './values.ts';

// biome-ignore lint/suspicious/noExplicitAny: survey-core question objects are read dynamically
export type SjsQuestion = any;

export interface BuildCtx {
  scope: ExprScope;
  issues: DefinitionIssue[];
  /** Where in the definition, for issue paths. */
  where: string;
  /** Compiles the template of a dynamic panel into its own scope. */
  compileTemplate(elements: SjsQuestion[], where: string): Scope;
}

export interface Built {
  domain: DomainCheck;
  errors: ErrorsCheck[];
  commentKey?: boolean;
  emptyAsArray?: boolean;
  computed?: Expr | null;
  noValue?: boolean;
  panels?: DynamicPanels;
}

export function unsupported(ctx: BuildCtx, fr: string, en: string): null {
  ctx.issues.push({ path: ctx.where, message: fr, messageEn: en });
  return null;
}

const ok: DomainCheck = () => true;

const STRING_INPUTS = new Set(['text', 'password', 'email', 'tel', 'url']);
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** A min/max bound: static, or survey-core's min/maxValueExpression evaluated per response. */
function bound(
  ctx: BuildCtx,
  staticValue: unknown,
  expression: unknown,
  label: string,
): ((env: Env) => unknown) | null {
  if (typeof expression === 'string' && expression.trim() !== '') {
    const expr = compileExpression(expression, ctx.scope, `${ctx.where}.${label}`, ctx.issues);
    return expr ? (env) => expr.run(env) : null;
  }
  if (staticValue === undefined || staticValue === null || staticValue === '') return null;
  return () => staticValue;
}

/** survey-core's step test (scales decimals to integers before the modulo). */
function stepMismatch(value: number, step: number): boolean {
  let val = value;
  let st = step;
  let pw = 1;
  while ((Math.round(st * pw) / pw !== st || Math.round(val * pw) / pw !== val) && pw < 1000000) pw *= 10;
  val = Math.round(val * pw);
  st = Math.round(st * pw);
  return st > 0 && val % st !== 0;
}

/** text question, also used for multipletext items (their editor is a text question). */
export function buildText(q: SjsQuestion, ctx: BuildCtx, validators: unknown[] = q.validators): Built | null {
  const inputType: string = q.inputType ?? 'text';
  if (q.maskType && q.maskType !== 'none') {
    return unsupported(
      ctx,
      `Masque de saisie (maskType « ${q.maskType} ») non pris en charge par la validation serveur`,
      `Input mask (maskType "${q.maskType}") is not supported by server-side validation`,
    );
  }
  const list = validators as SjsQuestion[];
  const errors = compileValidators(list, ctx.scope, ctx.where, ctx.issues);
  if (STRING_INPUTS.has(inputType)) {
    const maxLength: number | null = q.getMaxLength();
    // survey-core adds an e-mail check to inputType "email" unless an email validator is there.
    const email = inputType === 'email' && !list.some((v) => v.getType() === 'emailvalidator');
    const domain: DomainCheck = (value, path, _env, sink) => {
      if (typeof value !== 'string') {
        report(sink, path, 'wrong_type', path, 'un texte', 'a string', value);
        return false;
      }
      if (maxLength !== null && value.length > maxLength) report(sink, path, 'too_long', path, maxLength);
      if (email && value.trim() !== '' && !EMAIL_RE.test(value)) report(sink, path, 'invalid_email', path);
      return true;
    };
    return { domain, errors };
  }
  if (inputType === 'number') {
    const min = bound(ctx, q.min, q.minValueExpression, 'minValueExpression');
    const max = bound(ctx, q.max, q.maxValueExpression, 'maxValueExpression');
    const step = typeof q.step === 'number' ? q.step : Number.NaN;
    const domain: DomainCheck = (value, path, env, sink) => {
      // survey-core stores JSON numbers for inputType "number"; numeric strings are refused.
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report(sink, path, 'wrong_type', path, 'un nombre', 'a number', value);
        return false;
      }
      const lo = min ? Number(min(env)) : Number.NaN;
      const hi = max ? Number(max(env)) : Number.NaN;
      if (!Number.isNaN(lo) && value < lo) report(sink, path, 'below_min', path, lo);
      if (!Number.isNaN(hi) && value > hi) report(sink, path, 'above_max', path, hi);
      if (step > 0 && stepMismatch(value, step)) report(sink, path, 'step', path, step);
      return true;
    };
    return { domain, errors };
  }
  if (inputType === 'date') {
    const min = bound(ctx, q.min, q.minValueExpression, 'minValueExpression');
    const max = bound(ctx, q.max, q.maxValueExpression, 'maxValueExpression');
    const time = (v: unknown): number =>
      typeof v === 'string' || v instanceof Date ? new Date(v).getTime() : Number.NaN;
    const domain: DomainCheck = (value, path, env, sink) => {
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        report(sink, path, 'invalid_date', path, value);
        return false;
      }
      const t = Date.parse(value);
      const lo = min?.(env);
      const hi = max?.(env);
      if (lo !== undefined && t < time(lo)) report(sink, path, 'below_min', path, lo);
      if (hi !== undefined && t > time(hi)) report(sink, path, 'above_max', path, hi);
      return true;
    };
    return { domain, errors };
  }
  return unsupported(
    ctx,
    `Type de saisie « ${inputType} » non pris en charge par la validation serveur (pris en charge : text, number, email, date, tel, url, password)`,
    `Input type "${inputType}" is not supported by server-side validation (supported: text, number, email, date, tel, url, password)`,
  );
}

export function buildComment(q: SjsQuestion, ctx: BuildCtx): Built {
  const maxLength: number | null = q.getMaxLength();
  const domain: DomainCheck = (value, path, _env, sink) => {
    if (typeof value !== 'string') {
      report(sink, path, 'wrong_type', path, 'un texte', 'a string', value);
      return false;
    }
    if (maxLength !== null && value.length > maxLength) report(sink, path, 'too_long', path, maxLength);
    return true;
  };
  return { domain, errors: compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues) };
}

function oneOf(
  allowed: readonly unknown[],
  code: 'wrong_type' | 'out_of_range',
  fr: string,
  en: string,
): DomainCheck {
  return (value, path, _env, sink: Sink) => {
    if (allowed.includes(value)) return true;
    if (code === 'out_of_range') report(sink, path, 'out_of_range', path, value);
    else report(sink, path, 'wrong_type', path, fr, en, value);
    return false;
  };
}

export function buildBoolean(q: SjsQuestion, ctx: BuildCtx): Built {
  const custom = q.valueTrue !== undefined || q.valueFalse !== undefined;
  const t: unknown = custom ? q.getValueTrue() : true;
  const f: unknown = custom ? q.getValueFalse() : false;
  const list = `${JSON.stringify(t)} ou ${JSON.stringify(f)}`;
  return {
    domain: oneOf([t, f], 'wrong_type', list, list.replace(' ou ', ' or ')),
    errors: compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues),
  };
}

export function buildRating(q: SjsQuestion, ctx: BuildCtx): Built | null {
  const values: unknown[] = (q.visibleRateValues ?? []).map((item: { value: unknown }) => item.value);
  if (values.length === 0 || !values.every(isPrimitive)) {
    return unsupported(
      ctx,
      'Échelle de notation sans valeurs simples (nombres ou textes)',
      'Rating scale without plain values (numbers or strings)',
    );
  }
  return {
    domain: oneOf(values, 'out_of_range', '', ''),
    errors: compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues),
  };
}

/** expression: computed here from the other answers; a submitted value is ignored and replaced. */
export function buildExpression(q: SjsQuestion, ctx: BuildCtx): Built {
  const text: string = q.expression ?? '';
  const computed =
    text.trim() === '' ? null : compileExpression(text, ctx.scope, `${ctx.where}.expression`, ctx.issues);
  return { domain: ok, errors: [], computed: computed ?? { run: () => undefined, reads: new Set() } };
}

/** html, image: display only, never a value. */
export function buildNoValue(): Built {
  return { domain: ok, errors: [], noValue: true };
}
