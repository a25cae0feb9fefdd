import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  const cases: Array<[string, unknown, string]> = [
    ['null', null, 'null'],
    ['booleans', [true, false], '[true,false]'],
    ['integers and decimals in shortest form', [1, 1.5, 100, 1e21, 0.1], '[1,1.5,100,1e+21,0.1]'],
    ['negative zero as zero', -0, '0'],
    ['keys sorted at every level', { b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    ['keys sorted by UTF-16 code units (upper case before lower)', { b: 1, B: 2, a: 3, _: 4 }, '{"B":2,"_":4,"a":3,"b":1}'],
    ['array order kept', ['z', 'a'], '["z","a"]'],
    ['non-ASCII kept as it is', { naam: 'नई दिल्ली' }, '{"naam":"नई दिल्ली"}'],
    ['control characters escaped', 'a\nb\u0001', '"a\\nb\\u0001"'],
    ['quotes and backslashes escaped', 'say "hi" \\', '"say \\"hi\\" \\\\"'],
    ['a lone surrogate escaped, not replaced', '\ud800', '"\\ud800"'],
    ['astral characters as themselves', '💰', '"💰"'],
    ['empty containers', { a: [], b: {} }, '{"a":[],"b":{}}'],
  ];
  it.each(cases)('writes %s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts astral keys by code units, as RFC 8785 does (U+1F4B0 before U+FF21)', () => {
    // By code point U+FF21 (Ａ) would come first; by UTF-16 code units the surrogate 0xD83D sorts before 0xFF21.
    expect(canonicalJson({ '\uff21': 1, '💰': 2 })).toBe('{"💰":2,"Ａ":1}');
  });

  const refused: Array<[string, unknown]> = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined inside an object', { a: undefined }],
    ['a Date (convert to a string first)', new Date(0)],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a class instance', new (class Decimalish {})()],
  ];
  it.each(refused)('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow();
  });

  it('refuses nesting deeper than its limit', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 40; level += 1) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(RangeError);
  });

  it('is the same whatever order the keys were written in, and is valid JSON for the same value', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).filter((value) => !Object.is(value, -0));
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
  }
  return value;
}
