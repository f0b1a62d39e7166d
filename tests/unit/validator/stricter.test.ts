// Where we are deliberately stricter than survey-core: each case is a response survey-core's
// validate() accepts (it silently drops, ignores or keeps the value) and we refuse.
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { type Json, codes, compile, definition, surveyCoreErrors } from './helpers.ts';

const elements: Json[] = [
  { type: 'radiogroup', name: 'r', choices: [1, 2, 3] },
  { type: 'checkbox', name: 'c', choices: ['a', 'b', 'c'], showNoneItem: true, maxSelectedChoices: 2 },
  { type: 'rating', name: 'rt', rateMin: 1, rateMax: 5 },
  { type: 'text', name: 'n', inputType: 'number' },
  { type: 'text', name: 'd', inputType: 'date' },
  { type: 'text', name: 't', maxLength: 5 },
  { type: 'boolean', name: 'b' },
  { type: 'boolean', name: 'yn', valueTrue: 'yes', valueFalse: 'no' },
  { type: 'boolean', name: 'show' },
  { type: 'text', name: 'hidden', visibleIf: '{show} = true' },
  { type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2] },
  { type: 'ranking', name: 'rk', choices: ['x', 'y', 'z'] },
  { type: 'paneldynamic', name: 'pd', maxPanelCount: 2, templateElements: [{ type: 'text', name: 'v' }] },
];
const v = compile(elements);

const cases: [category: string, data: Json, expected: string][] = [
  ['value outside the choices (radiogroup)', { r: 7 }, 'r:not_a_choice'],
  ['value outside the choices (checkbox)', { c: ['a', 'zz'] }, 'c:not_a_choice'],
  ['choice of another type ("1" for 1)', { r: '1' }, 'r:not_a_choice'],
  ['rating out of range', { rt: 9 }, 'rt:out_of_range'],
  ['wrong type: numeric string for inputType number', { n: '40' }, 'n:wrong_type'],
  ['wrong type: number for a text', { t: 12 }, 't:wrong_type'],
  ['wrong type: string for a boolean', { b: 'true' }, 'b:wrong_type'],
  ['wrong type: true when valueTrue is "yes"', { yn: true }, 'yn:wrong_type'],
  ['wrong type: null', { t: null }, 't:wrong_type'],
  ['invalid calendar date', { d: '2001-02-30' }, 'd:invalid_date'],
  ['unknown key', { zz: 1 }, 'zz:unknown_key'],
  ['hidden question carrying a value', { show: false, hidden: 'x' }, 'hidden:hidden_value'],
  ['more than maxSelectedChoices', { c: ['a', 'b', 'c'] }, 'c:max_selected'],
  ['"none" together with other choices', { c: ['a', 'none'] }, 'c:exclusive_choice'],
  ['text longer than maxLength', { t: 'abcdefgh' }, 't:too_long'],
  ['matrix: unknown row', { m: { r1: 1, r9: 2 } }, 'm.r9:unknown_row'],
  ['matrix: unknown column', { m: { r1: 7 } }, 'm.r1:not_a_choice'],
  ['ranking missing items', { rk: ['x'] }, 'rk:ranking_incomplete'],
  ['dynamic panel over maxPanelCount', { pd: [{ v: 'a' }, { v: 'b' }, { v: 'c' }] }, 'pd:max_panels'],
  ['dynamic panel item with an unknown key', { pd: [{ v: 'a', w: 1 }] }, 'pd[0].w:unknown_key'],
];

describe('stricter than survey-core', () => {
  it.each(cases)('%s', (_category, data, expected) => {
    // A fresh Model per case: a reused one keeps state from earlier invalid values.
    expect(surveyCoreErrors(new Model(definition(elements)), data)).toEqual([]);
    expect(codes(v, data)).toEqual([expected]);
  });
});
