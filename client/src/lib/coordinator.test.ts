import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import {
  absoluteLink,
  csvRowsToParticipants,
  definitionIssues,
  fieldErrors,
  fromInput,
  importErrors,
  isShare,
  objectivesWithoutIndicator,
  toInput,
} from './coordinator.ts';

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

describe('CSV rows → import body', () => {
  it('maps the columns, types the household size and drops empty cells and rows', () => {
    const rows = csvRowsToParticipants([
      { code: ' P-001 ', cotisationTier: 'B', householdSize: '3', householdType: 'couple_children' },
      { Code: 'P-002', 'household size': '', household_type: 'single', extra: 'ignoré' },
      { code: 'P-003', householdSize: 'trois' },
      { code: '', householdSize: '' },
    ]);
    expect(rows).toEqual([
      {
        code: 'P-001',
        attributes: { cotisationTier: 'B', householdSize: 3, householdType: 'couple_children' },
      },
      { code: 'P-002', attributes: { householdType: 'single' } },
      { code: 'P-003', attributes: { householdSize: 'trois' } },
    ]);
  });
});

describe('server errors', () => {
  it('maps request-validation details to fields', () => {
    const err = new ApiError(400, 'VALIDATION_ERROR', 'Requête invalide', [
      { path: 'body/region', message: 'code de région INSEE inconnu' },
      { path: 'body/name', message: 'trop court' },
    ]);
    expect(fieldErrors(err)).toEqual({ region: 'code de région INSEE inconnu', name: 'trop court' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
  it('gives definition issues in the reader’s language, and the import report rows', () => {
    const def = new ApiError(400, 'INVALID_DEFINITION', 'x', [
      { path: 'q1.visibleIf', message: 'Expression invalide', messageEn: 'Invalid expression' },
    ]);
    expect(definitionIssues(def, 'fr')).toEqual(['q1.visibleIf — Expression invalide']);
    expect(definitionIssues(def, 'en')).toEqual(['q1.visibleIf — Invalid expression']);
    const imp = new ApiError(422, 'IMPORT_REJECTED', 'x', {
      errors: [{ row: 2, code: 'P-2', messages: ['ce code existe déjà'] }],
    });
    expect(importErrors(imp)).toEqual([{ row: 2, code: 'P-2', messages: ['ce code existe déjà'] }]);
  });
  it('makes links absolute', () => {
    expect(absoluteLink('/r/abc', 'https://recolte.example')).toBe('https://recolte.example/r/abc');
    expect(absoluteLink('https://x.test/r/abc', 'https://recolte.example')).toBe('https://x.test/r/abc');
  });
});
