/** The scalars inside a real graphql() execution: variables, literals and outputs end to end. */
import { GraphQLScalarType, buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Decimal, money } from '@postal/money';
import { scalarResolvers, toMoneyOutput } from './index.js';

const sdl = /* GraphQL */ `
  scalar Decimal
  scalar Date
  scalar DateTime
  scalar CurrencyCode

  type Money {
    amount: Decimal!
    currency: CurrencyCode!
  }

  type Query {
    double(amount: Decimal!): Decimal!
    quote(amount: Decimal!, currency: CurrencyCode!): Money!
    dayOf(at: DateTime!): Date!
    nextDay(day: Date!): Date!
  }
`;

/** buildSchema makes placeholder scalars; give them our behaviour, as a subgraph's resolver map would. */
function schemaWithScalars(): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [name, scalar] of Object.entries(scalarResolvers)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) throw new Error(`${name} is not a scalar in the test schema`);
    Object.assign(type, {
      serialize: scalar.serialize,
      parseValue: scalar.parseValue,
      parseLiteral: scalar.parseLiteral,
    });
  }
  return schema;
}

const schema = schemaWithScalars();

const rootValue = {
  double: ({ amount }: { amount: Decimal }) => {
    // The resolver receives a real Decimal, never a float.
    if (!Decimal.isDecimal(amount)) throw new Error('expected a Decimal');
    return amount.times(2);
  },
  quote: ({ amount, currency }: { amount: Decimal; currency: string }) => toMoneyOutput(money(amount, currency)),
  dayOf: ({ at }: { at: Date }) => at,
  nextDay: ({ day }: { day: string }) => {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next;
  },
};

function run(source: string, variableValues?: Record<string, unknown>) {
  return graphql({ schema, source, rootValue, ...(variableValues ? { variableValues } : {}) });
}

describe('scalars in a graphql() execution', () => {
  it('carries an exact decimal from a variable through a resolver and back as a string', async () => {
    const result = await run('query ($a: Decimal!) { double(amount: $a) }', { a: '99999999999999999.99' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ double: '199999999999999999.98' });
  });

  it('accepts a string literal', async () => {
    const result = await run('{ double(amount: "0.1") }');
    expect(result.data).toEqual({ double: '0.2' });
  });

  it('fixes Money amounts to the currency minor units', async () => {
    const result = await run('{ quote(amount: "50", currency: "INR") { amount currency } }');
    expect(result.data).toEqual({ quote: { amount: '50.00', currency: 'INR' } });
  });

  it('refuses a float variable with BAD_USER_INPUT, before any resolver runs', async () => {
    const result = await run('query ($a: Decimal!) { double(amount: $a) }', { a: 10.5 });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error?.message).toContain('Variable "$a" got invalid value 10.5');
    expect(error?.message).toContain('floating point');
    expect(error?.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['Decimal!', '1e5', 'exponent'],
    ['CurrencyCode!', 'inr', 'upper-case'],
    ['Date!', '2023-02-29', 'not a real calendar date'],
    ['DateTime!', '2024-12-16T10:15:00', 'time zone is required'],
  ])('refuses a bad %s variable %j with BAD_USER_INPUT', async (type, value, reason) => {
    const field = {
      'Decimal!': 'double(amount: $v)',
      'CurrencyCode!': 'quote(amount: "1", currency: $v) { amount }',
      'Date!': 'nextDay(day: $v)',
      'DateTime!': 'dayOf(at: $v)',
    }[type];
    const result = await run(`query ($v: ${type}) { ${field} }`, { v: value });
    expect(result.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(reason);
  });

  it('refuses a float literal in validation, with its location', async () => {
    const result = await run('{ double(amount: 10.5) }');
    expect(result.data).toBeUndefined();
    const [error] = result.errors ?? [];
    expect(error?.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('quoted string');
    expect(error?.locations).toEqual([{ line: 1, column: 18 }]);
  });

  it('serializes Date and DateTime outputs', async () => {
    const result = await run('{ dayOf(at: "2024-12-17T01:00:00+05:30") nextDay(day: "2024-02-28") }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ dayOf: '2024-12-16', nextDay: '2024-02-29' });
  });
});
