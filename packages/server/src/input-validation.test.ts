import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor } from './connections.js';
import { findUnstorableInput, unstorableTextProblem } from './input-validation.js';

const document = (text: string) => parse(text);
const QUERY = document('query($input: In, $u: String) { f(input: $input, u: $u) }');

describe('unstorableTextProblem', () => {
  it.each([['plain'], [''], ['नई दिल्ली'], ['emoji \uD83D\uDE00 is a pair'], ["';--%_\\"]])('accepts %j', (text) => {
    expect(unstorableTextProblem(text)).toBeUndefined();
  });

  it.each([
    ['\u0000', 'NUL'],
    ['NDGPO\u0000', 'NUL'],
    ['\uD800', 'surrogate'],
    ['a\uDFFFb', 'surrogate'],
    ['\uDE00\uD83D', 'surrogate'],
    ['pair then lone \uD83D\uDE00\uD83D', 'surrogate'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(unstorableTextProblem(text)).toContain(reason);
  });
});

describe('findUnstorableInput', () => {
  it('names the variable path of a bad value deep in the variables', () => {
    expect(findUnstorableInput(QUERY, { input: { postings: [{ amount: '1' }, { amount: '1\u0000' }] } })).toEqual({
      field: 'input.postings.1.amount',
      problem: 'contains a NUL character (U+0000)',
    });
    expect(findUnstorableInput(QUERY, { u: '\uD800' })?.field).toBe('u');
  });

  it('reads object keys, which a JSON payload stores too', () => {
    expect(findUnstorableInput(QUERY, { input: { payload: { 'a\u0000': 1 } } })?.field).toBe('input.payload.(a key)');
  });

  it('names the argument path of a bad literal, in fields, directives and variable defaults', () => {
    expect(findUnstorableInput(document('{ offices(filter: { search: "a\\u0000" }) { x } }'), undefined)?.field).toBe('filter.search');
    expect(findUnstorableInput(document('{ f(list: ["ok", "\\u0000"]) }'), {})?.field).toBe('list.1');
    expect(findUnstorableInput(document('{ f @include(if: true) @d(why: "\\u0000") }'), {})?.field).toBe('why');
    expect(findUnstorableInput(document('query($s: String = "\\u0000") { f(s: $s) }'), {})?.field).toBe('s');
  });

  it('passes ordinary input', () => {
    expect(findUnstorableInput(document('{ f(a: "x", b: 1, c: ENUM, d: { e: ["y"] }) }'), { v: ['x', 1, null, { k: 'v' }] })).toBeUndefined();
  });
});

describe('decodeCursor', () => {
  it('refuses a cursor whose key holds text no column can hold', () => {
    const cursor = Buffer.from(JSON.stringify(['\u0000'])).toString('base64url');
    expect(() => decodeCursor(cursor, 1)).toThrow('the cursor is not one this API issued');
  });
});
