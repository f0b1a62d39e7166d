import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { definitionIssues, translationIssues } from './api.ts';

describe('definition issues', () => {
  it('gives them in the reader’s language', () => {
    const def = new ApiError(400, 'INVALID_DEFINITION', 'x', [
      { path: 'q1.visibleIf', message: 'Expression invalide', messageEn: 'Invalid expression' },
    ]);
    expect(definitionIssues(def, 'fr')).toEqual(['q1.visibleIf — Expression invalide']);
    expect(definitionIssues(def, 'en')).toEqual(['q1.visibleIf — Invalid expression']);
  });
});

describe('translation issues', () => {
  it('reads the rows and columns of a 422 only', () => {
    const errors = [{ row: 3, column: 'C', message: 'Texte français vide' }];
    expect(translationIssues(new ApiError(422, 'INVALID_TRANSLATIONS', 'x', { errors }))).toEqual(errors);
    expect(translationIssues(new ApiError(400, 'INVALID_XLSX', 'x'))).toEqual([]);
    expect(translationIssues(new Error('x'))).toEqual([]);
  });
});
