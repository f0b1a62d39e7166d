import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { fieldErrors } from './errors.ts';

describe('server errors', () => {
  it('maps request-validation details to fields', () => {
    const err = new ApiError(400, 'VALIDATION_ERROR', 'Requête invalide', [
      { path: 'body/region', message: 'code de région INSEE inconnu' },
      { path: 'body/name', message: 'trop court' },
    ]);
    expect(fieldErrors(err)).toEqual({ region: 'code de région INSEE inconnu', name: 'trop court' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
