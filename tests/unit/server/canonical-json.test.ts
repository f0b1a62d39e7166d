// Our RFC 8785 serializer against the `canonicalize` package (the oracle, still used by the
// content-hash migration): same output for any JSON value, plus the RFC's own examples.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/http/errors.ts';
import { CanonicalJsonError, canonicalJson } from '../../../surveys/canonical-json.ts';
import { contentHashOf } from '../../../server/responses/content-hash.ts';

/** Characters whose UTF-16 code-unit order differs from their code-point order, escapes, astral. */
const tricky = fc.constantFrom(
  'a',
  'B',
  '1',
  '\r',
  '\u0000',
  '\u001f',
  '"',
  '\\',
  '/',
  '\u007f',
  '\u0080',
  'é',
  'ö',
  '€',
  '\u2028',
  '\ue000',
  '\ufb33',
  '\uff61',
  '\uffff',
  '😀',
  '𐀀',
  '🇫🇷',
  '👩‍👩‍👧',
);
const trickyString = fc.oneof(
  fc.string({ unit: tricky, maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e-7,
    1e-6,
    0.1 + 0.2,
    2 ** 53,
    2 ** 68,
    -(2 ** 63),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    1e23,
    333333333.3333333,
    4.5,
    1.0,
  ),
);
const { value: trickyJson } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    numbers,
    trickyString,
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(trickyString, tie('value'), { maxKeys: 8 }),
}));

const same = (v: unknown): void => {
  expect(canonicalJson(v)).toBe(canonicalize(v));
};

describe('canonicalJson', () => {
  it('matches `canonicalize` on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 2000 });
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary' }), same), { numRuns: 1000 });
  });

  it('matches `canonicalize` on unicode/astral keys, escapes and edge-case numbers', () => {
    fc.assert(fc.property(trickyJson, same), { numRuns: 3000 });
    // Many keys: both the insertion sort and the Array.prototype.sort() path.
    fc.assert(fc.property(fc.dictionary(trickyString, trickyJson, { minKeys: 20, maxKeys: 120 }), same), {
      numRuns: 300,
    });
  });

  it('sorts by UTF-16 code units, not code points', () => {
    // U+FF61 < U+1F600 as code points, but the emoji's first unit (0xD83D) < 0xFF61.
    expect(canonicalJson({ '\uff61': 1, '😀': 2 })).toBe('{"😀":2,"｡":1}');
  });

  it('reproduces the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('reproduces the RFC 8785 §3.2.3 sorting example', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        ' "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    // The values in member order (Object.values would put the integer-like name "1" first).
    const values = [...canonicalJson(input)!.matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    same(input);
  });

  it('reproduces the RFC 8785 Appendix B number samples', () => {
    const samples: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    const view = new DataView(new ArrayBuffer(8));
    for (const [hex, expected] of samples) {
      view.setBigUint64(0, BigInt(`0x${hex}`));
      expect(canonicalJson([view.getFloat64(0)]), hex).toBe(`[${expected}]`);
    }
    for (const hex of ['7fffffffffffffff', '7ff0000000000000']) {
      view.setBigUint64(0, BigInt(`0x${hex}`));
      expect(() => canonicalJson({ n: view.getFloat64(0) }), hex).toThrow(CanonicalJsonError);
    }
  });

  it('refuses lone surrogates in values and in keys, as `canonicalize` does', () => {
    for (const bad of ['a\ud800b', '\udc00', 'x\ud83d', '\ude00\ud83d']) {
      expect(() => canonicalJson({ note: bad })).toThrow(CanonicalJsonError);
      expect(() => canonicalJson([1, [bad]])).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ [bad]: 1 })).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
      expect(() => canonicalize({ note: bad })).toThrow();
      expect(() => canonicalize({ [bad]: 1 })).toThrow();
      for (const data of [{ note: bad }, { [bad]: 1 }]) {
        expect(() => contentHashOf(data)).toThrow(AppError);
        try {
          contentHashOf(data);
        } catch (e) {
          expect(e).toMatchObject({ statusCode: 400, code: 'INVALID_DATA' });
        }
      }
    }
  });

  it('handles what JSON.stringify does: undefined, toJSON, shared and deep values; refuses cycles', () => {
    const d = new Date(Date.UTC(2026, 11, 5));
    same({ b: undefined, a: [undefined, 1], d });
    expect(canonicalJson({ b: undefined, a: [undefined, 1], d })).toBe(
      '{"a":[null,1],"d":"2026-12-05T00:00:00.000Z"}',
    );
    expect(canonicalJson(undefined)).toBeUndefined();
    const shared = { x: [1] };
    same({ a: shared, b: shared, c: [shared, shared] });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = i % 2 ? { [`k${i}`]: deep, z: i } : [deep, i];
    same(deep);
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(CanonicalJsonError);
    const deepLoop: Record<string, unknown> = {};
    let cur = deepLoop;
    for (let i = 0; i < 100; i++) {
      const next: Record<string, unknown> = { i };
      cur.next = next;
      cur = next;
    }
    cur.back = deepLoop;
    expect(() => canonicalJson([deepLoop])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: 1n })).toThrow(CanonicalJsonError);
  });
});
