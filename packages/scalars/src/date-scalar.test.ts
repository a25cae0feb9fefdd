import { describe, expect, it } from 'vitest';
import { DateScalar } from './index.js';
import { fromLiteral, graphqlErrorFrom } from './test-support/literals.js';

describe('DateScalar', () => {
  it.each(['2024-12-16', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01'])('accepts %s', (input) => {
    expect(DateScalar.parseValue(input)).toBe(input);
    expect(fromLiteral(DateScalar, JSON.stringify(input))).toBe(input);
  });

  it.each([
    ['2023-02-29', 'not a real calendar date'],
    ['1900-02-29', 'not a real calendar date'],
    ['2024-04-31', 'not a real calendar date'],
    ['2024-13-01', 'not a real calendar date'],
    ['2024-00-10', 'not a real calendar date'],
    ['2024-01-00', 'not a real calendar date'],
    ['2024-1-5', 'YYYY-MM-DD'],
    ['20241216', 'YYYY-MM-DD'],
    ['2024-12-16T00:00:00Z', 'YYYY-MM-DD'],
    ['16/12/2024', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ])('refuses the variable %j (%s)', (input, reason) => {
    const error = graphqlErrorFrom(() => DateScalar.parseValue(input));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([[20241216], [null], [new Date('2024-12-16T00:00:00Z')]])('refuses the non-string variable %s', (input) => {
    expect(graphqlErrorFrom(() => DateScalar.parseValue(input)).extensions['code']).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['"2023-02-29"', 'not a real calendar date'],
    ['20241216', 'quoted string'],
    ['TODAY', 'quoted string'],
  ])('refuses the literal %s (%s)', (literal, reason) => {
    const error = graphqlErrorFrom(() => fromLiteral(DateScalar, literal));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([
    ['2024-12-16', '2024-12-16'],
    [new Date('2024-12-16T00:00:00Z'), '2024-12-16'],
    // The UTC day: 23:30 in India on the 16th is still the 16th in UTC, 01:00 on the 17th IST is the 16th UTC.
    [new Date('2024-12-16T23:30:00Z'), '2024-12-16'],
    [new Date('2024-12-17T01:00:00+05:30'), '2024-12-16'],
  ])('serializes %s as %s', (output, expected) => {
    expect(DateScalar.serialize(output)).toBe(expected);
  });

  it.each([['2023-02-29'], [new Date(Number.NaN)], [new Date('+010000-01-01T00:00:00Z')], [20241216], [null]])(
    'refuses to send %s',
    (output) => {
      expect(graphqlErrorFrom(() => DateScalar.serialize(output)).message).toContain('Date cannot represent');
    },
  );
});
