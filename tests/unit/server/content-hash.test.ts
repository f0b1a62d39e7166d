import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/http/errors.ts';
import { contentHashOf } from '../../../server/responses/content-hash.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('contentHashOf', () => {
  it('is the SHA-256 of the RFC 8785 form: sorted keys, shortest numbers, no whitespace', () => {
    expect(contentHashOf({ b: [1e21, 0.1, 'é'], a: { z: null, y: 1.0 } })).toBe(
      sha('{"a":{"y":1,"z":null},"b":[1e+21,0.1,"é"]}'),
    );
  });

  it('does not depend on key order, and tells apart any changed value', () => {
    expect(contentHashOf({ x: 1, y: 'a' })).toBe(contentHashOf({ y: 'a', x: 1 }));
    expect(contentHashOf({ x: 1, y: 'a' })).not.toBe(contentHashOf({ x: 2, y: 'a' }));
    expect(contentHashOf({ x: '1' })).not.toBe(contentHashOf({ x: 1 }));
  });

  it('refuses a string with a lone surrogate with a 400', () => {
    expect(() => contentHashOf({ note: 'a\uD800b' })).toThrow(AppError);
    try {
      contentHashOf({ note: 'a\uD800b' });
    } catch (e) {
      expect(e).toMatchObject({ statusCode: 400, code: 'INVALID_DATA' });
    }
  });
});
