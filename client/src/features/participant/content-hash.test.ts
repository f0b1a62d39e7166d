// The browser's hash (Web Crypto) equals the server's (node:crypto) on many answers: same
// serializer (surveys/canonical-json.ts), same digest. The server module is imported by this test
// only, never by the client at run time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHashOf as serverHash } from '../../../../server/responses/content-hash.ts';
import { contentHashOf } from './content-hash.ts';

const answer = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('é', '€', '😀', '\uff61', '\u2028', '"\\', '1e21', -0, 1e21, 0.1 + 0.2),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 4 }),
  fc.constant(null),
);

describe('content hash in the browser', () => {
  it('matches the server’s on arbitrary answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ unit: 'grapheme' }), answer, { maxKeys: 12 }), async (d) => {
        expect(await contentHashOf(d)).toBe(serverHash(d));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores key order', async () => {
    expect(await contentHashOf({ b: 1, a: [1, 'x'] })).toBe(await contentHashOf({ a: [1, 'x'], b: 1 }));
  });
});
