import { describe, expect, it } from 'vitest';
import { fromInput, isShare, objectivesWithoutIndicator, toInput } from './logic.ts';

describe('targets and baselines: % on screen, fractions stored', () => {
  it('converts a percentage to a fraction and back', () => {
    expect(fromInput('25', true)).toBe(0.25);
    expect(fromInput('12,5', true)).toBe(0.125);
    expect(fromInput('33 %', true)).toBe(0.33);
    expect(toInput(0.25, true)).toBe('25');
    expect(toInput(0.125, true)).toBe('12.5');
    expect(toInput(0.07, true)).toBe('7');
  });
  it('leaves other units alone, empty is null, garbage is NaN', () => {
    expect(fromInput('14.2', false)).toBe(14.2);
    expect(toInput(14.2, false)).toBe('14.2');
    expect(fromInput('  ', true)).toBeNull();
    expect(toInput(null, true)).toBe('');
    expect(fromInput('abc', true)).toBeNaN();
  });
  it('knows which indicators are shares', () => {
    const u = (fr: string) => ({ fr, en: fr });
    expect(isShare({ kind: 'proportion', unit: u('% des participants'), range: { min: 0, max: 1 } })).toBe(
      true,
    );
    expect(isShare({ kind: 'mean', unit: u('% des personnes'), range: { min: 0, max: 1 } })).toBe(true);
    expect(isShare({ kind: 'mean', unit: u('score 0–27'), range: { min: 0, max: 27 } })).toBe(false);
    expect(isShare({ kind: 'ratio', unit: u('décisions par réunion') })).toBe(false);
  });
});

describe('objectives without an indicator', () => {
  it('lists declared objectives that no selected indicator evidences, in order', () => {
    const objectives = [
      { code: 'access' },
      { code: 'governance' },
      { code: 'jardins' },
      { code: 'advocacy' },
    ];
    const selection = [
      { objectives: ['access'] },
      { objectives: ['governance', 'unknown'] },
      { objectives: [] },
    ];
    expect(objectivesWithoutIndicator(objectives, selection)).toEqual(['jardins', 'advocacy']);
    expect(objectivesWithoutIndicator(objectives, [])).toEqual([
      'access',
      'governance',
      'jardins',
      'advocacy',
    ]);
  });
});
