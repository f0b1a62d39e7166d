// One block per supported question type: what is accepted, what is refused and why.
import { describe, expect, it } from 'vitest';
import { codes, compile } from './helpers.ts';

describe('text', () => {
  const v = compile([
    { type: 'text', name: 't', maxLength: 5 },
    { type: 'text', name: 'n', inputType: 'number', min: 0, max: 10, step: 0.5 },
    { type: 'text', name: 'e', inputType: 'email' },
    { type: 'text', name: 'd', inputType: 'date', min: '2000-01-01', max: '2020-12-31' },
    { type: 'text', name: 'tel', inputType: 'tel' },
    { type: 'text', name: 'url', inputType: 'url' },
  ]);
  it('accepts valid values of each input type', () => {
    expect(
      codes(v, { t: 'abc', n: 7.5, e: 'a@b.fr', d: '2010-02-28', tel: '+33 1', url: 'https://x.fr' }),
    ).toEqual([]);
    expect(codes(v, {})).toEqual([]);
  });
  it('refuses a non-string text and a text over maxLength', () => {
    expect(codes(v, { t: 12 })).toEqual(['t:wrong_type']);
    expect(codes(v, { t: 'abcdef' })).toEqual(['t:too_long']);
  });
  it('number: only JSON numbers, within min/max and step', () => {
    expect(codes(v, { n: '7' })).toEqual(['n:wrong_type']);
    expect(codes(v, { n: Number.NaN })).toEqual(['n:wrong_type']);
    expect(codes(v, { n: -1 })).toEqual(['n:below_min']);
    expect(codes(v, { n: 11 })).toEqual(['n:above_max']);
    expect(codes(v, { n: 0.3 })).toEqual(['n:step']);
    expect(codes(v, { n: 0 })).toEqual([]);
  });
  it('email: the address format', () => {
    expect(codes(v, { e: 'not-an-address' })).toEqual(['e:invalid_email']);
  });
  it('date: YYYY-MM-DD, a real day, within min/max', () => {
    expect(codes(v, { d: '2010-02-30' })).toEqual(['d:invalid_date']);
    expect(codes(v, { d: '01/02/2010' })).toEqual(['d:invalid_date']);
    expect(codes(v, { d: '1999-12-31' })).toEqual(['d:below_min']);
    expect(codes(v, { d: '2021-01-01' })).toEqual(['d:above_max']);
  });
  it('min/max from minValueExpression / maxValueExpression', () => {
    const w = compile([
      { type: 'text', name: 'a', inputType: 'number' },
      { type: 'text', name: 'b', inputType: 'number', minValueExpression: '{a}' },
    ]);
    expect(codes(w, { a: 5, b: 6 })).toEqual([]);
    expect(codes(w, { a: 5, b: 4 })).toEqual(['b:below_min']);
  });
});

describe('comment', () => {
  const v = compile([{ type: 'comment', name: 'c', maxLength: 10 }]);
  it('accepts a string, refuses other types and long texts', () => {
    expect(codes(v, { c: 'hello\nworld' })).toEqual(['c:too_long']);
    expect(codes(v, { c: 'hello' })).toEqual([]);
    expect(codes(v, { c: ['hello'] })).toEqual(['c:wrong_type']);
  });
});

describe('radiogroup and dropdown', () => {
  const v = compile([
    { type: 'radiogroup', name: 'r', choices: [1, 2, 3], showOtherItem: true, showNoneItem: true },
    {
      type: 'dropdown',
      name: 'd',
      choices: ['a', { value: 'b', visibleIf: '{r} = 1' }],
      choicesVisibleIf: "{item} != 'x'",
    },
    { type: 'dropdown', name: 'age', choicesMin: 18, choicesMax: 20 },
    { type: 'radiogroup', name: 'rc', choices: ['a'], showCommentArea: true },
  ]);
  it('accepts a choice, "none", and "other" with its text', () => {
    expect(codes(v, { r: 2 })).toEqual([]);
    expect(codes(v, { r: 'none' })).toEqual([]);
    expect(codes(v, { r: 'other', 'r-Comment': 'mine' })).toEqual([]);
    expect(codes(v, { age: 19 })).toEqual([]);
    expect(codes(v, { rc: 'a', 'rc-Comment': 'note' })).toEqual([]);
  });
  it('refuses a value outside the choices, compared strictly (2 is not "2")', () => {
    expect(codes(v, { r: 7 })).toEqual(['r:not_a_choice']);
    expect(codes(v, { r: '2' })).toEqual(['r:not_a_choice']);
    expect(codes(v, { r: [2] })).toEqual(['r:wrong_type']);
    expect(codes(v, { age: 21 })).toEqual(['age:not_a_choice']);
  });
  it('"other" needs its text in <name>-Comment, which must be a string', () => {
    expect(codes(v, { r: 'other' })).toEqual(['r:other_empty']);
    expect(codes(v, { r: 'other', 'r-Comment': '  ' })).toEqual(['r:other_empty']);
    expect(codes(v, { r: 'other', 'r-Comment': 3 })).toEqual(['r-Comment:wrong_type', 'r:other_empty']);
  });
  it('refuses <name>-Comment on a question without other / comment area', () => {
    expect(codes(v, { d: 'a', 'd-Comment': 'x' })).toEqual(['d-Comment:unknown_key']);
  });
  it('refuses a choice hidden by its visibleIf', () => {
    expect(codes(v, { r: 1, d: 'b' })).toEqual([]);
    expect(codes(v, { r: 2, d: 'b' })).toEqual(['d:hidden_choice']);
  });
  it('choicesVisibleIf is evaluated with {item}', () => {
    const w = compile([
      { type: 'checkbox', name: 'owned', choices: ['car', 'bike'] },
      {
        type: 'radiogroup',
        name: 'best',
        choices: ['car', 'bike'],
        choicesVisibleIf: '{owned} contains {item}',
      },
    ]);
    expect(codes(w, { owned: ['car'], best: 'car' })).toEqual([]);
    expect(codes(w, { owned: ['car'], best: 'bike' })).toEqual(['best:hidden_choice']);
  });
});

describe('checkbox and tagbox', () => {
  const v = compile([
    {
      type: 'checkbox',
      name: 'c',
      choices: ['a', 'b', 'c', { value: 'x', isExclusive: true }],
      showNoneItem: true,
      showOtherItem: true,
      minSelectedChoices: 2,
      maxSelectedChoices: 3,
    },
    { type: 'tagbox', name: 't', choices: [1, 2, 3] },
  ]);
  it('accepts distinct choices within min/max', () => {
    expect(codes(v, { c: ['a', 'b'], t: [1, 3] })).toEqual([]);
    expect(codes(v, { c: ['a', 'other'], 'c-Comment': 'z' })).toEqual([]);
  });
  it('one exclusive item alone satisfies minSelectedChoices', () => {
    expect(codes(v, { c: ['none'] })).toEqual([]);
    expect(codes(v, { c: ['x'] })).toEqual([]);
  });
  it('refuses non-arrays, unknown or repeated choices', () => {
    expect(codes(v, { c: 'a' })).toContain('c:wrong_type');
    expect(codes(v, { c: ['a', 'zz'] })).toEqual(['c:not_a_choice']);
    expect(codes(v, { c: ['a', 'a'] })).toEqual(['c:duplicate_choice']);
    expect(codes(v, { c: ['a', 'b'], t: [4] })).toEqual(['t:not_a_choice']);
  });
  it('refuses an exclusive item with others, too many or too few choices', () => {
    expect(codes(v, { c: ['a', 'none'] })).toEqual(['c:exclusive_choice']);
    expect(codes(v, { c: ['a', 'x'] })).toEqual(['c:exclusive_choice']);
    expect(codes(v, { c: ['a', 'b', 'c', 'other'], 'c-Comment': 'z' })).toEqual(['c:max_selected']);
    expect(codes(v, { c: ['a'] })).toEqual(['c:min_selected']);
  });
  it('the legacy hasOther / hasNone aliases work like showOtherItem / showNoneItem', () => {
    const w = compile([{ type: 'checkbox', name: 'k', choices: ['a'], hasOther: true, hasNone: true }]);
    expect(codes(w, { k: ['a', 'other'], 'k-Comment': 'z' })).toEqual([]);
    expect(codes(w, { k: ['other'] })).toEqual(['k:other_empty']);
    expect(codes(w, { k: ['none'] })).toEqual([]);
  });
  it('minSelectedChoices applies even when nothing is selected (as survey-core)', () => {
    expect(codes(v, {})).toEqual(['c:min_selected']);
  });
});

describe('boolean', () => {
  const v = compile([
    { type: 'boolean', name: 'b' },
    { type: 'boolean', name: 'yn', valueTrue: 'yes', valueFalse: 'no' },
  ]);
  it('accepts true/false, or valueTrue/valueFalse when set', () => {
    expect(codes(v, { b: false, yn: 'no' })).toEqual([]);
    expect(codes(v, { b: true, yn: 'yes' })).toEqual([]);
  });
  it('refuses anything else', () => {
    expect(codes(v, { b: 'true' })).toEqual(['b:wrong_type']);
    expect(codes(v, { b: 1 })).toEqual(['b:wrong_type']);
    expect(codes(v, { yn: true })).toEqual(['yn:wrong_type']);
  });
});

describe('rating', () => {
  const v = compile([
    { type: 'rating', name: 'r' },
    { type: 'rating', name: 's', rateMin: 0, rateMax: 10, rateStep: 2 },
    { type: 'rating', name: 'l', rateValues: ['low', { value: 'high', text: 'High' }] },
  ]);
  it('accepts the values of the scale', () => {
    expect(codes(v, { r: 1, s: 4, l: 'high' })).toEqual([]);
    expect(codes(v, { r: 5, s: 0, l: 'low' })).toEqual([]);
  });
  it('refuses values off the scale', () => {
    expect(codes(v, { r: 6 })).toEqual(['r:out_of_range']);
    expect(codes(v, { r: 0 })).toEqual(['r:out_of_range']);
    expect(codes(v, { r: '3' })).toEqual(['r:out_of_range']);
    expect(codes(v, { s: 3 })).toEqual(['s:out_of_range']);
    expect(codes(v, { l: 'mid' })).toEqual(['l:out_of_range']);
  });
});

describe('ranking', () => {
  const v = compile([
    { type: 'ranking', name: 'r', choices: ['a', 'b', 'c'] },
    { type: 'ranking', name: 's', choices: ['a', 'b', 'c'], selectToRankEnabled: true },
  ]);
  it('accepts every choice once, in any order', () => {
    expect(codes(v, { r: ['c', 'a', 'b'], s: ['b'] })).toEqual([]);
  });
  it('refuses incomplete rankings (unless selectToRankEnabled), unknown or repeated items', () => {
    expect(codes(v, { r: ['a', 'b'] })).toEqual(['r:ranking_incomplete']);
    expect(codes(v, { r: ['a', 'b', 'b'] })).toEqual(['r:duplicate_choice']);
    expect(codes(v, { r: ['a', 'b', 'z'] })).toEqual(['r:not_a_choice']);
    expect(codes(v, { s: ['z'] })).toEqual(['s:not_a_choice']);
  });
});

describe('matrix', () => {
  const v = compile([
    { type: 'text', name: 'show', inputType: 'number' },
    {
      type: 'matrix',
      name: 'm',
      rows: ['r1', 'r2', { value: 'r3', visibleIf: '{show} = 1' }],
      columns: [1, 2, 3],
      isAllRowRequired: true,
    },
    { type: 'matrix', name: 'u', rows: ['a', 'b'], columns: ['x', 'y'], eachRowUnique: true },
  ]);
  it('accepts one existing column per visible row', () => {
    expect(codes(v, { m: { r1: 1, r2: 3 } })).toEqual([]);
    expect(codes(v, { show: 1, m: { r1: 1, r2: 3, r3: 2 } })).toEqual([]);
  });
  it('refuses unknown rows and columns, hidden rows', () => {
    expect(codes(v, { m: { r1: 1, r2: 3, zz: 1 } })).toEqual(['m.zz:unknown_row']);
    expect(codes(v, { m: { r1: 1, r2: 4 } })).toEqual(['m.r2:not_a_choice']);
    expect(codes(v, { m: { r1: 1, r2: 3, r3: 2 } })).toEqual(['m.r3:hidden_row']);
    expect(codes(v, { m: [1, 2] })).toContain('m:wrong_type');
  });
  it('isAllRowRequired: every visible row, even when the matrix is unanswered (as survey-core)', () => {
    expect(codes(v, { m: { r1: 1 } })).toEqual(['m:required_all_rows']);
    expect(codes(v, {})).toEqual(['m:required_all_rows']);
    expect(codes(v, { show: 1, m: { r1: 1, r2: 3 } })).toEqual(['m:required_all_rows']);
  });
  it('eachRowUnique', () => {
    expect(codes(v, { m: { r1: 1, r2: 1 }, u: { a: 'x', b: 'x' } })).toEqual(['u:rows_not_unique']);
  });
});

describe('multipletext', () => {
  const v = compile([
    {
      type: 'multipletext',
      name: 'mt',
      items: [
        { name: 'first', isRequired: true },
        { name: 'age', inputType: 'number', validators: [{ type: 'numeric', minValue: 0, maxValue: 120 }] },
      ],
    },
  ]);
  it('accepts an object of item values', () => {
    expect(codes(v, { mt: { first: 'Ana', age: 30 } })).toEqual([]);
  });
  it('checks each item: type, validators, required (even when unanswered, as survey-core)', () => {
    expect(codes(v, { mt: { first: 'Ana', age: '30' } })).toEqual(['mt.age:wrong_type']);
    expect(codes(v, { mt: { first: 'Ana', age: 130 } })).toEqual(['mt.age:numeric_range']);
    expect(codes(v, { mt: { age: 30 } })).toEqual(['mt.first:required']);
    expect(codes(v, {})).toEqual(['mt.first:required']);
  });
  it('refuses unknown items and non-objects', () => {
    expect(codes(v, { mt: { first: 'Ana', zz: 1 } })).toEqual(['mt.zz:unknown_key']);
    expect(codes(v, { mt: 'Ana' })).toContain('mt:wrong_type');
  });
});

describe('expression', () => {
  const v = compile([
    { type: 'text', name: 'a', inputType: 'number' },
    { type: 'expression', name: 'double', expression: '{a} * 2' },
    { type: 'expression', name: 'quad', expression: '{double} * 2' },
    { type: 'text', name: 'big', visibleIf: '{quad} > 10' },
  ]);
  it('is computed here: a submitted value is ignored and replaced', () => {
    const res = v.validate({ a: 2, double: 999, quad: 'x' });
    expect(res).toEqual({ ok: true, data: { a: 2, double: 4, quad: 8 } });
  });
  it('computed values feed conditions, also chained', () => {
    expect(codes(v, { a: 3, big: 'yes' })).toEqual([]);
    expect(codes(v, { a: 2, big: 'yes' })).toEqual(['big:hidden_value']);
  });
  it('computed values are seen inside dynamic panels and by choicesVisibleIf', () => {
    const w = compile([
      { type: 'text', name: 'n', inputType: 'number' },
      { type: 'expression', name: 'limit', expression: '{n} + 1' },
      {
        type: 'paneldynamic',
        name: 'pd',
        templateElements: [{ type: 'text', name: 'x', visibleIf: '{limit} > 5' }],
      },
      {
        type: 'radiogroup',
        name: 'r',
        choices: [1, 2, 3, 4, 5, 6, 7],
        choicesVisibleIf: '{item} <= {limit}',
      },
    ]);
    expect(codes(w, { n: 5, pd: [{ x: 'a' }], r: 6 })).toEqual([]);
    expect(codes(w, { n: 4, pd: [{ x: 'a' }], r: 6 })).toEqual(['pd[0].x:hidden_value', 'r:hidden_choice']);
  });
});

describe('html and image', () => {
  const v = compile([
    { type: 'html', name: 'intro', html: '<p>Bonjour</p>' },
    { type: 'image', name: 'logo', imageLink: 'https://example.org/a.png' },
    { type: 'text', name: 't' },
  ]);
  it('take no value', () => {
    expect(codes(v, { t: 'x' })).toEqual([]);
    expect(codes(v, { intro: 'x', logo: 1 })).toEqual(['intro:no_value', 'logo:no_value']);
  });
});

describe('panel and paneldynamic', () => {
  const v = compile([
    { type: 'boolean', name: 'has_kids' },
    {
      type: 'panel',
      name: 'pn',
      visibleIf: '{has_kids} = true',
      elements: [{ type: 'text', name: 'kids_count', inputType: 'number', isRequired: true }],
    },
    {
      type: 'paneldynamic',
      name: 'kids',
      visibleIf: '{has_kids} = true',
      minPanelCount: 1,
      maxPanelCount: 3,
      keyName: 'kid_name',
      templateElements: [
        { type: 'text', name: 'kid_name', isRequired: true },
        { type: 'text', name: 'kid_age', inputType: 'number', min: 0, max: 25 },
        {
          type: 'radiogroup',
          name: 'school',
          choices: ['yes', 'no'],
          visibleIf: '{panel.kid_age} >= 3',
          isRequired: true,
        },
      ],
    },
  ]);
  it('accepts items following the template', () => {
    const data = {
      has_kids: true,
      kids_count: 2,
      kids: [
        { kid_name: 'A', kid_age: 1 },
        { kid_name: 'B', kid_age: 7, school: 'yes' },
      ],
    };
    expect(codes(v, data)).toEqual([]);
  });
  it('recurses with the item context ({panel.x}) and paths', () => {
    expect(codes(v, { has_kids: true, kids_count: 1, kids: [{ kid_name: 'A', kid_age: 7 }] })).toEqual([
      'kids[0].school:required',
    ]);
    expect(
      codes(v, { has_kids: true, kids_count: 1, kids: [{ kid_name: 'A', kid_age: 1, school: 'no' }] }),
    ).toEqual(['kids[0].school:hidden_value']);
    expect(codes(v, { has_kids: true, kids_count: 1, kids: [{ kid_name: 'A', zz: 1 }] })).toEqual([
      'kids[0].zz:unknown_key',
    ]);
    expect(codes(v, { has_kids: true, kids_count: 1, kids: ['A'] })).toEqual(['kids[0]:wrong_type']);
  });
  it('maxPanelCount, keyName uniqueness', () => {
    const four = ['A', 'B', 'C', 'D'].map((kid_name) => ({ kid_name }));
    expect(codes(v, { has_kids: true, kids_count: 4, kids: four })).toEqual(['kids:max_panels']);
    expect(
      codes(v, { has_kids: true, kids_count: 2, kids: [{ kid_name: 'A' }, { kid_name: 'a ' }] }),
    ).toEqual(['kids[1].kid_name:key_not_unique']);
  });
  it('without a value, the minPanelCount empty panels are validated (as survey-core)', () => {
    expect(codes(v, { has_kids: true, kids_count: 0 })).toEqual(['kids[0].kid_name:required']);
  });
  it('a hidden panel hides its questions', () => {
    expect(codes(v, { has_kids: false })).toEqual([]);
    expect(codes(v, { has_kids: false, kids_count: 2 })).toEqual(['kids_count:hidden_value']);
    expect(codes(v, { has_kids: false, kids: [] })).toEqual(['kids:hidden_value']);
  });
});
