// Cross-type rules: unknown keys, required / requiredIf, visibility (question, panel, page, in
// dependency order), enableIf / readOnly, validators, expression functions, error shape.
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../../server/questionnaires/validator.ts';
import { codes, compile } from './helpers.ts';

describe('response shape and unknown keys', () => {
  const v = compile([{ type: 'text', name: 'a' }]);
  it('refuses a response that is not an object', () => {
    for (const data of [null, 'x', 3, [], undefined]) expect(codes(v, data)).toEqual(['null:not_an_object']);
  });
  it('refuses unknown keys, including prototype names', () => {
    expect(codes(v, { a: 'x', b: 1 })).toEqual(['b:unknown_key']);
    expect(codes(v, JSON.parse('{"__proto__": {"a": 1}}'))).toEqual(['__proto__:unknown_key']);
    expect(codes(v, { constructor: 1 })).toEqual(['constructor:unknown_key']);
  });
  it('refuses null as a value (survey-core never stores it)', () => {
    expect(codes(v, { a: null })).toEqual(['a:wrong_type']);
  });
  it('errors carry the question path, a code, French and English messages', () => {
    const res = v.validate({ b: 1 });
    expect(res).toEqual({
      ok: false,
      errors: [
        {
          question: 'b',
          code: 'unknown_key',
          message: "« b » n'est pas une question de ce questionnaire",
          messageEn: '"b" is not a question of this questionnaire',
        },
      ],
    });
  });
  it('returns the validated data', () => {
    expect(v.validate({ a: 'x' })).toEqual({ ok: true, data: { a: 'x' } });
    expect(v.questionNames).toEqual(['a']);
  });
});

describe('isRequired and requiredIf', () => {
  const v = compile([
    { type: 'text', name: 'a', isRequired: true },
    { type: 'boolean', name: 'b', isRequired: true },
    { type: 'text', name: 'c', requiredIf: '{b} = true' },
    { type: 'text', name: 'd', isRequired: true, requiredIf: '{b} = true' },
    { type: 'checkbox', name: 'e', choices: ['x'], requiredIf: '{a} = "all"' },
  ]);
  it('empty means undefined, "", whitespace, [] (false and 0 are answers)', () => {
    expect(codes(v, { a: 'x', b: false })).toEqual([]);
    expect(codes(v, { b: false })).toEqual(['a:required']);
    expect(codes(v, { a: '   ', b: false })).toEqual(['a:required']);
    expect(codes(v, { a: 'x' })).toEqual(['b:required']);
  });
  it('requiredIf decides, overriding isRequired', () => {
    expect(codes(v, { a: 'x', b: true })).toEqual(['c:required', 'd:required']);
    expect(codes(v, { a: 'x', b: true, c: 'y', d: 'z' })).toEqual([]);
    expect(codes(v, { a: 'all', b: false, e: [] })).toEqual(['e:required']);
  });
});

describe('visibility', () => {
  const v = compile([
    { type: 'boolean', name: 'q1' },
    { type: 'radiogroup', name: 'q1a', visibleIf: '{q1} = true', isRequired: true, choices: [1, 2, 3] },
    { type: 'text', name: 'q1b', visibleIf: '{q1a} = 3', isRequired: true },
    { type: 'text', name: 'never', visible: false },
    { type: 'text', name: 'kept', visibleIf: '{q1} = true', clearIfInvisible: 'none' },
  ]);
  it('a hidden question is not required and must not carry a value', () => {
    expect(codes(v, { q1: false })).toEqual([]);
    expect(codes(v, { q1: false, q1a: 2 })).toEqual(['q1a:hidden_value']);
    expect(codes(v, { never: 'x' })).toEqual(['never:hidden_value']);
  });
  it('a visible question is required', () => {
    expect(codes(v, { q1: true })).toEqual(['q1a:required']);
    expect(codes(v, { q1: true, q1a: 2 })).toEqual([]);
  });
  it('follows dependency chains', () => {
    expect(codes(v, { q1: true, q1a: 3 })).toEqual(['q1b:required']);
    expect(codes(v, { q1: true, q1a: 3, q1b: 'x' })).toEqual([]);
    expect(codes(v, { q1: false, q1b: 'x' })).toEqual(['q1b:hidden_value']);
  });
  it('clearIfInvisible "none" keeps a hidden value (still type-checked)', () => {
    expect(codes(v, { q1: false, kept: 'x' })).toEqual([]);
    expect(codes(v, { q1: false, kept: 3 })).toEqual(['kept:wrong_type']);
  });
  it('survey clearInvisibleValues "none" keeps hidden values', () => {
    const w = compile(
      [
        { type: 'boolean', name: 'a' },
        { type: 'text', name: 'b', visibleIf: '{a} = true' },
      ],
      { clearInvisibleValues: 'none' },
    );
    expect(codes(w, { a: false, b: 'x' })).toEqual([]);
  });
  it('pages and nested panels hide their questions', () => {
    const w = compileValidator({
      pages: [
        { name: 'consent', elements: [{ type: 'boolean', name: 'consent', isRequired: true }] },
        {
          name: 'main',
          visibleIf: '{consent} = true',
          elements: [
            { type: 'text', name: 'a', isRequired: true },
            {
              type: 'panel',
              name: 'outer',
              visibleIf: '{a} = "x"',
              elements: [
                {
                  type: 'panel',
                  name: 'inner',
                  elements: [{ type: 'text', name: 'deep', isRequired: true }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(codes(w, { consent: false })).toEqual([]);
    expect(codes(w, { consent: false, a: 'x' })).toEqual(['a:hidden_value']);
    expect(codes(w, { consent: true })).toEqual(['a:required']);
    expect(codes(w, { consent: true, a: 'y' })).toEqual([]);
    expect(codes(w, { consent: true, a: 'x' })).toEqual(['deep:required']);
    expect(codes(w, { consent: true, a: 'y', deep: 'z' })).toEqual(['deep:hidden_value']);
  });
  it('variables are case-insensitive, as in survey-core', () => {
    const w = compile([
      { type: 'text', name: 'Age', inputType: 'number' },
      { type: 'text', name: 'adult', visibleIf: '{AGE} >= 18' },
    ]);
    expect(codes(w, { Age: 20, adult: 'y' })).toEqual([]);
    expect(codes(w, { Age: 10, adult: 'y' })).toEqual(['adult:hidden_value']);
  });
});

describe('enableIf and readOnly', () => {
  const v = compile([
    { type: 'boolean', name: 'a' },
    { type: 'text', name: 'b', enableIf: '{a} = true', isRequired: true },
    { type: 'text', name: 'c', readOnly: true, isRequired: true },
    {
      type: 'panel',
      name: 'p',
      enableIf: '{a} = true',
      elements: [{ type: 'text', name: 'd', isRequired: true, inputType: 'number' }],
    },
  ]);
  it('a disabled question is not required (survey-core skips its errors) but its value is kept', () => {
    expect(codes(v, { a: false })).toEqual([]);
    expect(codes(v, { a: false, b: 'x', c: 'y' })).toEqual([]);
    expect(codes(v, { a: true, b: 'x', d: 1 })).toEqual([]);
    expect(codes(v, { a: true, d: 1 })).toEqual(['b:required']);
    expect(codes(v, { a: true, b: 'x' })).toEqual(['d:required']);
  });
  it('the value of a disabled question must still be of the right type', () => {
    expect(codes(v, { a: false, d: 'one' })).toEqual(['d:wrong_type']);
  });
});

describe('panel isRequired', () => {
  const v = compile([
    {
      type: 'panel',
      name: 'contact',
      isRequired: true,
      elements: [
        { type: 'text', name: 'phone' },
        { type: 'text', name: 'mail', inputType: 'email' },
      ],
    },
  ]);
  it('needs one answer among its visible questions', () => {
    expect(codes(v, {})).toEqual(['contact:one_answer_required']);
    expect(codes(v, { mail: 'a@b.fr' })).toEqual([]);
  });
});

describe('validators', () => {
  const v = compile([
    { type: 'text', name: 'n', validators: [{ type: 'numeric', minValue: 1, maxValue: 5 }] },
    {
      type: 'text',
      name: 't',
      validators: [{ type: 'text', minLength: 2, maxLength: 4, allowDigits: false }],
    },
    {
      type: 'text',
      name: 'r',
      validators: [
        {
          type: 'regex',
          regex: '^[A-Z]{2}\\d{3}$',
          text: { default: 'Format AA000', en: 'Format AA000 (en)' },
        },
      ],
    },
    { type: 'text', name: 'm', validators: [{ type: 'email' }] },
    { type: 'text', name: 'lo', inputType: 'number' },
    // survey-core runs an expression validator even on an empty answer: hence "empty or".
    {
      type: 'text',
      name: 'x',
      inputType: 'number',
      validators: [{ type: 'expression', expression: '{x} empty or {x} > {lo}' }],
    },
    {
      type: 'checkbox',
      name: 'c',
      choices: ['a', 'b', 'c'],
      validators: [{ type: 'answercount', minCount: 2, maxCount: 2 }],
    },
    { type: 'text', name: 'w', validators: [{ type: 'numeric', maxValue: 5, notificationType: 'warning' }] },
  ]);
  it('numeric: a number (numeric strings allowed, as survey-core) within range', () => {
    expect(codes(v, { n: '3' })).toEqual([]);
    expect(codes(v, { n: 'abc' })).toEqual(['n:numeric']);
    expect(codes(v, { n: '9' })).toEqual(['n:numeric_range']);
  });
  it('text: length and digits', () => {
    expect(codes(v, { t: 'abc' })).toEqual([]);
    expect(codes(v, { t: 'a' })).toEqual(['t:text_length']);
    expect(codes(v, { t: 'abcde' })).toEqual(['t:text_length']);
    expect(codes(v, { t: 'a1b' })).toEqual(['t:no_digits']);
  });
  it('regex, with the custom message in both languages', () => {
    expect(codes(v, { r: 'AB123' })).toEqual([]);
    const res = v.validate({ r: 'ab123' });
    expect(res.ok ? [] : res.errors).toEqual([
      { question: 'r', code: 'regex', message: 'Format AA000', messageEn: 'Format AA000 (en)' },
    ]);
  });
  it('email', () => {
    expect(codes(v, { m: 'a@b.fr' })).toEqual([]);
    expect(codes(v, { m: 'a@b' })).toEqual(['m:invalid_email']);
  });
  it('expression', () => {
    expect(codes(v, { lo: 2, x: 3 })).toEqual([]);
    expect(codes(v, { lo: 2, x: 1 })).toEqual(['x:expression']);
  });
  it('answercount', () => {
    expect(codes(v, { c: ['a', 'b'] })).toEqual([]);
    expect(codes(v, { c: ['a'] })).toEqual(['c:answer_count']);
    expect(codes(v, { c: ['a', 'b', 'c'] })).toEqual(['c:answer_count']);
  });
  it('warnings and infos do not block, as in survey-core', () => {
    expect(codes(v, { w: '9' })).toEqual([]);
  });
});

describe('survey-core expression functions and operators', () => {
  const cases: [string, Record<string, unknown>, boolean][] = [
    ["iif({a} > 1, 'big', 'small') = 'big'", { a: 2 }, true],
    ["iif({a} > 1, 'big', 'small') = 'big'", { a: 1 }, false],
    ['age({d}) >= 18', { d: '1990-05-01' }, true],
    ['age({d}) >= 18', { d: `${new Date().getFullYear() - 5}-01-01` }, false],
    ['{d} < today()', { d: '1990-05-01' }, true],
    ['{t} notempty', { t: 'x' }, true],
    ['{t} notempty', {}, false],
    ['{t} empty', {}, true],
    ["{c} contains 'a'", { c: ['a', 'b'] }, true],
    ["{c} contains 'a'", { c: ['b'] }, false],
    ["{c} anyof ['a', 'z']", { c: ['a'] }, true],
    ["{c} allof ['a', 'b']", { c: ['a'] }, false],
    ["{c} allof ['a', 'b']", { c: ['a', 'b'] }, true],
    ['{c.length} = 0', {}, true],
    ["{c} notcontains 'a'", {}, true],
  ];
  const v = compile([
    { type: 'text', name: 'a', inputType: 'number' },
    { type: 'text', name: 'd', inputType: 'date' },
    { type: 'text', name: 't' },
    { type: 'checkbox', name: 'c', choices: ['a', 'b'] },
    ...cases.map(([expression], i) => ({
      type: 'text',
      name: `v${i}`,
      visibleIf: expression,
      isRequired: true,
    })),
  ]);
  it.each(cases.map((c, i) => [i, ...c] as const))('#%i %s', (i, _expression, data, visible) => {
    const errors = codes(v, data);
    // A visible question is required here, a hidden one is not.
    expect(errors.includes(`v${i}:required`)).toBe(visible);
  });
});
