// SurveyJS validators (numeric, text, regex, email, expression, answercount), compiled once.
// Same rules as survey-core's validator classes (survey-core/src/validator.ts), same order of
// tests; where survey-core is odd, we are stricter, never laxer (noted inline).
import { Helpers } from 'survey-core';
import { compileCondition, type ExprScope } from './expressions.ts';
import { messages } from './messages.ts';
import type { DefinitionIssue, ErrorsCheck, Sink } from './types.ts';
import { isEmptyAnswer, localized } from './values.ts';

// survey-core's EmailValidator expression, verbatim.
export const EMAIL_RE =
  /^(([^<>()[\].,;:\s@"]+(\.[^<>()[\].,;:\s@"]+)*)|(".+"))@(([^<>()=[\].,;:\s@"]+\.)+[^<>()=[\].,;:\s@"]{2,})$/i;

type Pair = readonly [string, string];

function emit(sink: Sink, path: string, code: string, custom: Pair | null, standard: Pair): void {
  const [fr, en] = custom ?? standard;
  sink.add(path, code, fr, en);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// biome-ignore lint/suspicious/noExplicitAny: survey-core validator objects are untyped here
type SjsValidator = any;

export function compileValidators(
  validators: SjsValidator[],
  scope: ExprScope,
  where: string,
  issues: DefinitionIssue[],
): ErrorsCheck[] {
  const checks: ErrorsCheck[] = [];
  for (const v of validators) {
    // survey-core counts only "error" notifications as validation failures.
    if ((v.notificationType ?? 'error') !== 'error') continue;
    const custom = localized(v.locText?.getJson?.());
    const type: string = v.getType();
    switch (type) {
      case 'numericvalidator': {
        const min = num(v.minValue);
        const max = num(v.maxValue);
        checks.push((value, path, _env, sink) => {
          if (isEmptyAnswer(value)) return;
          if (!Helpers.isNumber(value)) return emit(sink, path, 'numeric', custom, messages.numeric(path));
          const n = Helpers.getNumber(value);
          if ((min !== null && min > n) || (max !== null && max < n)) {
            emit(sink, path, 'numeric_range', custom, messages.numeric_range(path, min, max));
          }
        });
        break;
      }
      case 'textvalidator': {
        const minLength = num(v.minLength) ?? 0;
        const maxLength = num(v.maxLength) ?? 0;
        const allowDigits = v.allowDigits !== false;
        checks.push((value, path, _env, sink) => {
          if (isEmptyAnswer(value)) return;
          const s = typeof value === 'string' ? value : Array.isArray(value) ? null : String(value);
          // survey-core only refuses trailing digits (/\d+$/); we refuse any digit.
          if (!allowDigits && /\d/.test(s ?? String(value))) {
            return emit(sink, path, 'no_digits', custom, messages.no_digits(path));
          }
          const length = s === null ? (value as unknown[]).length : s.length;
          if ((minLength > 0 && length < minLength) || (maxLength > 0 && length > maxLength)) {
            emit(sink, path, 'text_length', custom, messages.text_length(path, minLength, maxLength));
          }
        });
        break;
      }
      case 'regexvalidator': {
        if (typeof v.regex !== 'string' || v.regex === '') break;
        let re: RegExp;
        try {
          re = new RegExp(v.regex, v.caseInsensitive ? 'i' : '');
        } catch (e) {
          issues.push({
            path: where,
            message: `Expression régulière invalide « ${v.regex} » (${(e as Error).message})`,
            messageEn: `Invalid regular expression "${v.regex}" (${(e as Error).message})`,
          });
          break;
        }
        checks.push((value, path, _env, sink) => {
          if (isEmptyAnswer(value)) return;
          // As survey-core: every item of an array, then the value itself (coerced to a string).
          const items = Array.isArray(value) ? value : [];
          if (items.some((item) => !re.test(item as string)) || !re.test(value as string)) {
            emit(sink, path, 'regex', custom, messages.regex(path));
          }
        });
        break;
      }
      case 'emailvalidator':
        checks.push((value, path, _env, sink) => {
          if (!value) return;
          if (!EMAIL_RE.test(value as string))
            emit(sink, path, 'invalid_email', custom, messages.invalid_email(path));
        });
        break;
      case 'expressionvalidator': {
        const text: string = v.expression ?? '';
        if (text.trim() === '') break;
        const cond = compileCondition(text, scope, where, issues);
        if (!cond) break;
        // Runs even on an empty answer, as survey-core does.
        checks.push((_value, path, env, sink) => {
          if (!cond.run(env)) emit(sink, path, 'expression', custom, messages.expression(path, text));
        });
        break;
      }
      case 'answercountvalidator': {
        const min = num(v.minCount) || null;
        const max = num(v.maxCount) || null;
        checks.push((value, path, _env, sink) => {
          if (!Array.isArray(value) || value.length === 0) return;
          if ((min !== null && value.length < min) || (max !== null && value.length > max)) {
            emit(sink, path, 'answer_count', custom, messages.answer_count(path, min, max));
          }
        });
        break;
      }
      default:
        issues.push({
          path: where,
          message: `Validateur « ${type} » non pris en charge par la validation serveur`,
          messageEn: `Validator "${type}" is not supported by server-side validation`,
        });
    }
  }
  return checks;
}
