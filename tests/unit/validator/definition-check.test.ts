// checkDefinition: what a questionnaire definition must satisfy before it is saved.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../../server/questionnaires/definition-check.ts';
import { definition, type Json } from './helpers.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/forty-questions.json', import.meta.url), 'utf8'),
) as Json;

function refusal(input: unknown): string[] {
  const res = checkDefinition(input);
  if (res.ok) throw new Error('accepted');
  for (const e of res.errors) {
    expect(typeof e.message).toBe('string');
    expect(typeof e.messageEn).toBe('string');
  }
  return res.errors.map((e) => `${e.path ?? ''} | ${e.messageEn}`);
}

describe('checkDefinition accepts', () => {
  it('the 44-question fixture, and lists its question names', () => {
    const res = checkDefinition(fixture);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.definition).toBe(fixture);
    expect(res.questionNames).toContain('hfias_q9a');
    expect(res.questionNames).toContain('swemwbs_7');
    expect(res.questionNames).toHaveLength(44);
  });
  it('a JSON string', () => {
    const res = checkDefinition(JSON.stringify(definition([{ type: 'text', name: 'a' }])));
    expect(res).toMatchObject({ ok: true, questionNames: ['a'] });
  });
  it('top-level "elements" without pages', () => {
    expect(checkDefinition({ elements: [{ type: 'text', name: 'a' }] })).toMatchObject({ ok: true });
  });
});

describe('checkDefinition refuses', () => {
  it('malformed JSON, with the parser message', () => {
    const res = checkDefinition('{"pages": [');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors[0]?.message).toMatch(/^JSON invalide : /);
    expect(res.errors[0]?.messageEn).toMatch(/^Invalid JSON: .+/);
  });
  it('anything but an object', () => {
    expect(refusal([1])).toEqual([' | The definition must be a JSON object']);
    expect(refusal('"text"')).toEqual([' | The definition must be a JSON object']);
  });
  it('no question at all', () => {
    expect(refusal({})).toEqual([' | The questionnaire has no question']);
    expect(refusal({ pages: [{ name: 'p', elements: [{ type: 'html', name: 'h', html: 'x' }] }] })).toEqual([
      ' | The questionnaire has no question',
    ]);
  });
  it('unknown question types (survey-core jsonErrors)', () => {
    expect(
      refusal(
        definition([
          { type: 'text', name: 'a' },
          { type: 'sliderz', name: 'b' },
        ]),
      ),
    ).toEqual(['pages[0].elements[1] | Unknown type "sliderz" in "elements"']);
  });
  it('unknown properties (survey-core jsonErrors)', () => {
    expect(refusal(definition([{ type: 'text', name: 'a', colour: 'red' }], { foo: 1 })).sort()).toEqual([
      ' | Unknown property "foo" (type "survey")',
      'pages[0].elements[0] | Unknown property "colour" (type "text")',
    ]);
  });
  it('elements without type or name', () => {
    expect(refusal(definition([{ name: 'a' }, { type: 'text' }]))).toEqual([
      'pages[0].elements[1] | Question without a name',
      'pages[0].elements[0] | Element without a type in "elements"',
    ]);
  });
  it('duplicate names, anywhere, case-insensitive', () => {
    const errors = refusal(
      definition([
        { type: 'text', name: 'a' },
        { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'A' }] },
        { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'a' }] },
      ]),
    );
    expect(errors.filter((e) => e.includes('Duplicate question name'))).toHaveLength(2);
    expect(errors[0]).toMatch(/^pages\[0\]\.elements\[1\]\.elements\[0\] \| Duplicate question name: "A"/);
  });
  it('names that expressions cannot reference', () => {
    for (const name of ['a.b', 'x[0]', 'q-Comment', 'panel', ' a']) {
      expect(
        refusal(definition([{ type: 'text', name }])).some((e) => e.includes('unusable in expressions')),
      ).toBe(true);
    }
  });
  it('"pages" together with "elements" (survey-core would drop the pages)', () => {
    expect(
      refusal({
        pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }] }],
        elements: [{ type: 'text', name: 'b' }],
      }),
    ).toEqual([' | "pages" and "elements" cannot be used together']);
  });
  it('expressions with a syntax error, an unknown function or an unknown variable', () => {
    expect(
      refusal(
        definition([
          { type: 'text', name: 'a', visibleIf: '{b} = 1 and (' },
          { type: 'text', name: 'b' },
        ]),
      ),
    ).toEqual(['a.visibleIf | Expression "{b} = 1 and (": invalid syntax']);
    expect(refusal(definition([{ type: 'text', name: 'a', visibleIf: 'nosuch({a}) = 1' }]))).toEqual([
      'a.visibleIf | Expression "nosuch({a}) = 1": unknown function (nosuch)',
    ]);
    expect(refusal(definition([{ type: 'text', name: 'a', visibleIf: '{zz} = 1' }]))).toEqual([
      'pages[0].elements[0].visibleIf | Expression "{zz} = 1": unknown variable {zz}',
    ]);
  });
  it('a template variable without {panel.…}', () => {
    const errors = refusal(
      definition([
        {
          type: 'paneldynamic',
          name: 'pd',
          templateElements: [
            { type: 'text', name: 'x' },
            { type: 'text', name: 'y', visibleIf: '{x} = 1' },
          ],
        },
      ]),
    );
    expect(errors[0]).toMatch(/unknown variable \{x\} \(inside a dynamic panel, use \{panel\.x\}\)/);
  });
  it('question types the validator does not support', () => {
    for (const el of [
      { type: 'matrixdropdown', name: 'm', rows: ['a'], columns: [{ name: 'c' }] },
      { type: 'matrixdynamic', name: 'm', columns: [{ name: 'c' }] },
      { type: 'file', name: 'f' },
      { type: 'signaturepad', name: 's' },
      { type: 'imagepicker', name: 'i', choices: [] },
    ]) {
      const errors = refusal(definition([el]));
      expect(
        errors.some((e) => e.includes(`Question type "${el.type}" ("${el.name}") is not supported`)),
      ).toBe(true);
    }
  });
  it('features the validator cannot check', () => {
    const cases: [Json[], Json, RegExp][] = [
      [
        [{ type: 'text', name: 'a' }],
        { triggers: [{ type: 'complete', expression: '{a} = 1' }] },
        /Triggers are not supported/,
      ],
      [
        [{ type: 'text', name: 'a' }],
        { calculatedValues: [{ name: 'x', expression: '1' }] },
        /Calculated values are not supported/,
      ],
      [[{ type: 'dropdown', name: 'a', choicesByUrl: { url: 'https://x' } }], {}, /choicesByUrl/],
      [[{ type: 'text', name: 'a', inputType: 'color' }], {}, /Input type "color"/],
      [[{ type: 'text', name: 'a', maskType: 'pattern' }], {}, /Input mask/],
      [[{ type: 'text', name: 'a', valueName: 'b' }], {}, /valueName/],
      [
        [{ type: 'radiogroup', name: 'a', choices: ['x'], showOtherItem: true, showCommentArea: true }],
        {},
        /"Other" stored in the value/,
      ],
      [
        [{ type: 'matrix', name: 'm', rows: ['a'], columns: ['x'], cellType: 'checkbox' }],
        {},
        /cellType "checkbox"/,
      ],
      [[{ type: 'text', name: 'a', visibleIf: '{$a.isVisible} = true' }], {}, /property references/],
      [
        [{ type: 'text', name: 'a', validators: [{ type: 'regex', regex: '(' }] }],
        {},
        /Invalid regular expression/,
      ],
      [
        [
          {
            type: 'paneldynamic',
            name: 'a',
            templateElements: [
              { type: 'paneldynamic', name: 'b', templateElements: [{ type: 'text', name: 'c' }] },
            ],
          },
        ],
        {},
        /dynamic panel inside another/,
      ],
    ];
    for (const [elements, extra, pattern] of cases) {
      const errors = refusal(definition(elements, extra));
      expect(
        errors.some((e) => pattern.test(e)),
        `${JSON.stringify(elements)} → ${JSON.stringify(errors)}`,
      ).toBe(true);
    }
  });
});
