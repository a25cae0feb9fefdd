import { describe, expect, it } from 'vitest';
import { CurrencyCodeScalar } from './index.js';
import { fromLiteral, graphqlErrorFrom } from './test-support/literals.js';

describe('CurrencyCodeScalar', () => {
  it.each(['INR', 'PKR', 'USD', 'JPY'])('accepts %s', (code) => {
    expect(CurrencyCodeScalar.parseValue(code)).toBe(code);
    expect(fromLiteral(CurrencyCodeScalar, `"${code}"`)).toBe(code);
    expect(CurrencyCodeScalar.serialize(code)).toBe(code);
  });

  it.each([
    ['inr', 'upper-case'],
    ['IN', 'upper-case'],
    ['RUPEE', 'upper-case'],
    ['ZZZ', 'not an ISO 4217'],
    [356, 'must be a string'],
    [null, 'must be a string'],
  ])('refuses the variable %j (%s)', (input, reason) => {
    const error = graphqlErrorFrom(() => CurrencyCodeScalar.parseValue(input));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([
    ['INR', 'quoted string'],
    ['356', 'quoted string'],
    ['"ZZZ"', 'not an ISO 4217'],
  ])('refuses the literal %s (%s)', (literal, reason) => {
    const error = graphqlErrorFrom(() => fromLiteral(CurrencyCodeScalar, literal));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([['inr'], ['ZZZ'], [356]])('refuses to send %j', (output) => {
    expect(graphqlErrorFrom(() => CurrencyCodeScalar.serialize(output)).message).toContain(
      'CurrencyCode cannot represent',
    );
  });
});
