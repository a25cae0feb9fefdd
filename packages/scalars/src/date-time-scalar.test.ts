import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './index.js';
import { fromLiteral, graphqlErrorFrom } from './test-support/literals.js';

describe('DateTimeScalar', () => {
  it.each([
    ['2024-12-16T10:15:00Z', '2024-12-16T10:15:00.000Z'],
    ['2024-12-16T10:15:00.123Z', '2024-12-16T10:15:00.123Z'],
    ['2024-12-16T15:45:00+05:30', '2024-12-16T10:15:00.000Z'],
    ['2024-12-16T05:15:00-05:00', '2024-12-16T10:15:00.000Z'],
    ['2024-12-16T10:15:00.5Z', '2024-12-16T10:15:00.500Z'],
    ['2024-12-16T10:15:00.123456Z', '2024-12-16T10:15:00.123Z'],
    ['2024-01-01T02:00:00+05:30', '2023-12-31T20:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('%s becomes the instant %s', (input, instant) => {
    const fromVariable = DateTimeScalar.parseValue(input);
    expect(fromVariable).toBeInstanceOf(Date);
    expect(fromVariable.toISOString()).toBe(instant);
    expect(fromLiteral(DateTimeScalar, JSON.stringify(input)).toISOString()).toBe(instant);
  });

  it.each([
    ['2024-12-16T10:15:00', 'time zone is required'],
    ['2024-12-16T10:15', 'time zone is required'],
    ['2024-12-16T10:15:00.123', 'time zone is required'],
    ['2024-12-16', 'ISO 8601'],
    ['2024-12-16 10:15:00Z', 'ISO 8601'],
    ['2024-12-16T10:15:00+0530', 'ISO 8601'],
    ['2024-12-16t10:15:00z', 'ISO 8601'],
    ['1734344100000', 'ISO 8601'],
    ['2023-02-29T10:15:00Z', 'not a real calendar date'],
    ['2024-12-16T24:00:00Z', 'time of day'],
    ['2024-12-16T23:60:00Z', 'time of day'],
    ['2016-12-31T23:59:60Z', 'time of day'],
    ['2024-12-16T10:15:00+24:00', 'offset'],
  ])('refuses the variable %j (%s)', (input, reason) => {
    const error = graphqlErrorFrom(() => DateTimeScalar.parseValue(input));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(reason);
  });

  it.each([[1734344100000], [null], [new Date()]])('refuses the non-string variable %s', (input) => {
    expect(graphqlErrorFrom(() => DateTimeScalar.parseValue(input)).extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a numeric literal', () => {
    const error = graphqlErrorFrom(() => fromLiteral(DateTimeScalar, '1734344100000'));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('quoted string');
  });

  it.each([
    [new Date('2024-12-16T15:45:00+05:30'), '2024-12-16T10:15:00.000Z'],
    ['2024-12-16T15:45:00+05:30', '2024-12-16T10:15:00.000Z'],
  ])('serializes %s as UTC %s', (output, expected) => {
    expect(DateTimeScalar.serialize(output)).toBe(expected);
  });

  it.each([[new Date(Number.NaN)], ['2024-12-16T10:15:00'], [1734344100000], [null]])('refuses to send %s', (output) => {
    expect(graphqlErrorFrom(() => DateTimeScalar.serialize(output)).message).toContain('DateTime cannot represent');
  });
});
