import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { definitionIssues } from './api.ts';

describe('definition issues', () => {
  it('gives them in the reader’s language', () => {
    const def = new ApiError(400, 'INVALID_DEFINITION', 'x', [
      { path: 'q1.visibleIf', message: 'Expression invalide', messageEn: 'Invalid expression' },
    ]);
    expect(definitionIssues(def, 'fr')).toEqual(['q1.visibleIf — Expression invalide']);
    expect(definitionIssues(def, 'en')).toEqual(['q1.visibleIf — Invalid expression']);
  });
});
