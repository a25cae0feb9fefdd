import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, canonicalJson, checkPayload, payloadIntact, payloadMac, type ApprovalPayload } from './payload.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  const cases: Array<[string, unknown, string]> = [
    ['sorts keys, no whitespace', { b: 1, a: 'x' }, '{"a":"x","b":1}'],
    ['sorts nested keys, keeps array order', { z: [3, { d: true, c: null }], y: {} }, '{"y":{},"z":[3,{"c":null,"d":true}]}'],
    ['sorts by UTF-16 code unit (upper case first, then lower, then non-ASCII)', { é: 1, a: 2, B: 3 }, '{"B":3,"a":2,"é":1}'],
    ['escapes strings as JSON does', { s: 'quote " backslash \\ newline \n' }, '{"s":"quote \\" backslash \\\\ newline \\n"}'],
    ['writes an empty object', {}, '{}'],
    ['writes negative and zero integers', { n: -5, z: 0 }, '{"n":-5,"z":0}'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ u: undefined })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('payloadMac', () => {
  const secret = 'payload-test-identity-secret-0123456789';

  it('is the keyed MAC of kind and payload, never a plain SHA-256 of the canonical form', () => {
    const payload = { username: 'ravi', role: 'ADMIN', staffId: '0b6f3f1e-3b8e-4a53-9d7a-8d4e0a1f2b3c', officeCode: 'NDGPO' };
    const mac = payloadMac(secret, 'ROLE_GRANT', payload);
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(mac).not.toBe(sha256('{"officeCode":"NDGPO","role":"ADMIN","staffId":"0b6f3f1e-3b8e-4a53-9d7a-8d4e0a1f2b3c","username":"ravi"}'));
    expect(payloadIntact(secret, { kind: 'ROLE_GRANT', payload, payloadHash: mac })).toBe(true);
    expect(payloadIntact(secret, { kind: 'ROLE_GRANT', payload: { ...payload, role: 'AUDITOR' }, payloadHash: mac })).toBe(false);
  });

  it('does not depend on key order, and does depend on every value', () => {
    const payloadHash = (payload: ApprovalPayload) => payloadMac(secret, 'ROLE_GRANT', payload);
    expect(payloadHash({ a: 1, b: [1, 2] })).toBe(payloadHash({ b: [1, 2], a: 1 }));
    expect(payloadHash({ a: 1, b: [1, 2] })).not.toBe(payloadHash({ a: 1, b: [2, 1] }));
    expect(payloadHash({ amount: '100.00' })).not.toBe(payloadHash({ amount: '100.0' }));
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string().filter((s) => !s.includes('\u0000')),
      fc.array(tie('value'), { maxLength: 4 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.string().filter((s) => !s.includes('\u0000')), tie('value'), { maxKeys: 4 }),
  }));

  it('survives a JSON round trip and any reordering of keys (property)', () => {
    fc.assert(
      fc.property(json.object, (payload) => {
        const reordered = Object.fromEntries(Object.entries(payload).reverse());
        const roundTripped = JSON.parse(JSON.stringify(payload)) as ApprovalPayload;
        const mac = payloadMac(secret, 'ROLE_GRANT', payload as ApprovalPayload);
        expect(payloadMac(secret, 'ROLE_GRANT', reordered as ApprovalPayload)).toBe(mac);
        expect(payloadMac(secret, 'ROLE_GRANT', roundTripped)).toBe(mac);
        expect(JSON.parse(canonicalJson(payload))).toEqual(payload);
      }),
    );
  });
});

/** An object nested `levels` deep: { a: { a: ... { a: 1 } } }. */
function nested(levels: number): Record<string, unknown> {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value as Record<string, unknown>;
}

describe('checkPayload', () => {
  it('accepts a plain object and answers its canonical form', () => {
    expect(checkPayload({ b: '1.50', a: [1, null, true] })).toEqual({ ok: true, payload: { b: '1.50', a: [1, null, true] }, canonical: '{"a":[1,null,true],"b":"1.50"}' });
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['an array', [1, 2], /must be a JSON object/],
    ['a string', '{"a":1}', /must be a JSON object/],
    ['null', null, /must be a JSON object/],
    ['a Date', new Date(), /must be a JSON object/],
    ['a fraction (decimals travel as strings)', { amount: 10.5 }, /payload.amount is a number that is not a safe integer/],
    ['an unsafe integer', { n: 2 ** 53 }, /not a safe integer/],
    ['infinity', { n: Number.POSITIVE_INFINITY }, /not a safe integer/],
    ['a NUL in a string (jsonb cannot store it)', { s: 'a\u0000b' }, /NUL/],
    ['a NUL in a key', { 'a\u0000': 1 }, /NUL/],
    ['undefined', { u: undefined }, /undefined/],
    ['a Map inside', { m: new Map() }, /not a plain object/],
    ['nesting deeper than 8 levels', nested(9), /deeper than 8/],
    ['more than 16 kB', { big: 'x'.repeat(MAX_PAYLOAD_BYTES) }, /at most 16384/],
  ];
  it.each(refused)('refuses %s', (_name, value, problem) => {
    const checked = checkPayload(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });

  it('accepts exactly 8 levels and exactly 16 kB', () => {
    expect(checkPayload(nested(8)).ok).toBe(true);
    const filler = 'x'.repeat(MAX_PAYLOAD_BYTES - '{"s":""}'.length);
    expect(checkPayload({ s: filler }).ok).toBe(true);
  });
});
