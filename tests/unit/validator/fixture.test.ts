// The 44-question fixture (shapes of the standard participant questionnaire): a complete
// response, the HFIAS skip logic, consent refusal, agreement with survey-core, and speed.
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { completeResponse, fortyQuestions } from './fixtures/forty-questions.ts';
import { type Json, codes, compileChecked, surveyCoreErrors } from './helpers.ts';

describe('forty-question fixture', () => {
  const v = compileChecked(fortyQuestions);

  it('accepts a complete response, as survey-core does, and computes the expression', () => {
    const data = completeResponse();
    const res = v.validate(data);
    expect(res.ok).toBe(true);
    const model = new Model(fortyQuestions);
    expect(surveyCoreErrors(model, data)).toEqual([]);
    // hfias_q2a = 3, the other two frequencies absent; survey-core computes the same.
    if (res.ok) expect(res.data.hfias_score).toBe(3);
    expect(model.getValue('hfias_score')).toBe(3);
  });

  it('HFIAS: a frequency only after a "yes", and then it is required', () => {
    const data = completeResponse();
    expect(codes(v, { ...data, hfias_q1a: 2 })).toEqual(['hfias_q1a:hidden_value']);
    expect(codes(v, { ...data, hfias_q1: true })).toEqual(['hfias_q1a:required']);
    const { hfias_q2a: _, ...missing } = data;
    expect(codes(v, missing)).toEqual(['hfias_q2a:required']);
    expect(codes(v, { ...data, hfias_q2a: 4 })).toEqual(['hfias_q2a:not_a_choice']);
  });

  it('consent refused: nothing else may be stored', () => {
    expect(codes(v, { consent: false })).toEqual([]);
    expect(codes(v, { consent: false, respondent_age: 41 })).toEqual(['respondent_age:hidden_value']);
    expect(codes(v, {})).toEqual(['consent:required']);
  });

  it('reports every problem at once, in French and English', () => {
    const res = v.validate({
      ...completeResponse(),
      swemwbs_3: 0,
      respondent_age: 12,
      usda_ad1a: undefined,
      extra: 1,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => `${e.question}:${e.code}`)).toEqual([
      'extra:unknown_key',
      'swemwbs_3:out_of_range',
      'respondent_age:below_min',
      'usda_ad1a:required',
    ]);
    expect(res.errors[1]?.message).toBe("« swemwbs_3 » : 0 n'est pas une valeur de l'échelle");
    expect(res.errors[1]?.messageEn).toBe('"swemwbs_3": 0 is not a value of the scale');
  });

  it('validates a 44-question response in well under 0.1 ms on average (loose bound for CI)', () => {
    const data = JSON.parse(JSON.stringify(completeResponse())) as Json;
    for (let i = 0; i < 2000; i++) v.validate(data);
    const n = 5000;
    const start = performance.now();
    for (let i = 0; i < n; i++) v.validate(data);
    const microseconds = ((performance.now() - start) * 1000) / n;
    expect(microseconds).toBeLessThan(250);
  });
});
