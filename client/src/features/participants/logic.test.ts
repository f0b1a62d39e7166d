import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { importErrors } from './api.ts';
import { absoluteLink, csvRowsToParticipants } from './logic.ts';

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

describe('links and the import report', () => {
  it('makes links absolute', () => {
    expect(absoluteLink('/r/abc', 'https://recolte.example')).toBe('https://recolte.example/r/abc');
    expect(absoluteLink('https://x.test/r/abc', 'https://recolte.example')).toBe('https://x.test/r/abc');
  });
  it('reads the rows of a refused import', () => {
    const imp = new ApiError(422, 'IMPORT_REJECTED', 'x', {
      errors: [{ row: 2, code: 'P-2', messages: ['ce code existe déjà'] }],
    });
    expect(importErrors(imp)).toEqual([{ row: 2, code: 'P-2', messages: ['ce code existe déjà'] }]);
  });
});
