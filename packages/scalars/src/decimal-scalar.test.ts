import { describe, expect, it } from 'vitest';
import { Decimal as GlobalDecimal } from 'decimal.js';
import { Decimal } from '@postal/money';
import { DecimalScalar } from './index.js';
import { fromLiteral, graphqlErrorFrom } from './test-support/literals.js';

describe('DecimalScalar input', () => {
  it.each([
    ['10.50', '10.5'],
    ['-0.01', '-0.01'],
    ['0', '0'],
    ['99999999999999999.99', '99999999999999999.99'],
  ])('variable %j becomes the Decimal %s', (input, expected) => {
    const value = DecimalScalar.parseValue(input);
    expect(Decimal.isDecimal(value)).toBe(true);
    expect(value.toFixed()).toBe(expected);
  });

  it('literal "10.50" becomes a Decimal of @postal/money (precision 40)', () => {
    const value = fromLiteral(DecimalScalar, '"10.50"');
    expect(value.toFixed()).toBe('10.5');
    expect(fromLiteral(DecimalScalar, '"1"').dividedBy(3).toFixed()).toBe(`0.${'3'.repeat(40)}`);
  });

  it.each([
    [10.5, 'must be a string'],
    [10, 'must be a string'],
    [null, 'must be a string'],
    [true, 'must be a string'],
    [{ amount: '1' }, 'must be a string'],
    ['1e5', 'exponent'],
    ['NaN', 'not a finite number'],
    ['Infinity', 'not a finite number'],
    ['+1', `leading '+'`],
    ['007', 'leading zeros'],
    [' 1', 'whitespace'],
    ['1'.repeat(41), 'longer than 40'],
  ])('variable %j is refused with BAD_USER_INPUT (%s)', (input, reason) => {
    const error = graphqlErrorFrom(() => DecimalScalar.parseValue(input));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([
    ['10.5', 'quoted string'],
    ['10', 'quoted string'],
    ['1e5', 'quoted string'],
    ['true', 'quoted string'],
    ['TEN', 'quoted string'],
    ['["1"]', 'quoted string'],
    ['"1e5"', 'exponent'],
    ['"abc"', 'not a plain decimal'],
  ])('literal %s is refused with BAD_USER_INPUT (%s)', (literal, reason) => {
    const error = graphqlErrorFrom(() => fromLiteral(DecimalScalar, literal));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
    expect(error.nodes).toHaveLength(1);
  });

  it('explains why numbers are refused', () => {
    expect(graphqlErrorFrom(() => DecimalScalar.parseValue(0.1)).message).toContain('floating point');
  });
});

describe('DecimalScalar output', () => {
  it.each([
    [new Decimal('10.50'), '10.5'],
    [new Decimal('1e-7'), '0.0000001'],
    [new Decimal('1e25'), '10000000000000000000000000'],
    [new GlobalDecimal('1e25'), '10000000000000000000000000'],
    [new Decimal('-0'), '0'],
    ['50.00', '50.00'],
    ['-0.00', '0.00'],
    ['1234.5', '1234.5'],
  ])('%s -> %j', (output, expected) => {
    expect(DecimalScalar.serialize(output)).toBe(expected);
  });

  it.each([[10.5], [10n], [null], [undefined], ['1e5'], ['abc'], [new Decimal(NaN)], [new Decimal(Infinity)]])(
    'refuses to send %s, without blaming the client',
    (output) => {
      const error = graphqlErrorFrom(() => DecimalScalar.serialize(output));
      expect(error.message).toContain('Decimal cannot represent');
      expect(error.extensions['code']).toBeUndefined();
    },
  );
});
