import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { JsonScalar } from './json-scalar.js';

/** A one-field schema that echoes its JSON argument, to see the scalar as a client does. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: { type: JsonScalar, args: { value: { type: JsonScalar } }, resolve: (_root, args: { value: unknown }) => args.value },
      notAnObject: { type: JsonScalar, resolve: () => [1, 2] },
    },
  }),
});

async function run(source: string, variableValues?: Record<string, unknown>) {
  return graphql({ schema, source, ...(variableValues ? { variableValues } : {}) });
}

describe('the JSON scalar', () => {
  it('takes an object as a variable and gives it back', async () => {
    const value = { amount: '1050.00', lines: [{ account: 'NDGPO:1100', side: 'DEBIT' }], count: 2, flag: true, none: null };
    expect(await run('query($v: JSON) { echo(value: $v) }', { v: value })).toEqual({ data: { echo: value } });
  });

  it('takes an inline object literal', async () => {
    const result = await run('{ echo(value: { a: "x", b: [1, true, null], c: { d: ENUMISH } }) }');
    expect(result).toEqual({ data: { echo: { a: 'x', b: [1, true, null], c: { d: 'ENUMISH' } } } });
  });

  const refused: Array<[string, string, Record<string, unknown> | undefined]> = [
    ['an array variable', 'query($v: JSON) { echo(value: $v) }', { v: [1] }],
    ['a string of JSON', 'query($v: JSON) { echo(value: $v) }', { v: '{"a":1}' }],
    ['a fraction', 'query($v: JSON) { echo(value: $v) }', { v: { amount: 10.5 } }],
    ['an oversized object', 'query($v: JSON) { echo(value: $v) }', { v: { big: 'x'.repeat(20_000) } }],
    ['a float literal', '{ echo(value: { amount: 10.5 }) }', undefined],
    ['a variable inside a literal', 'query($x: String) { echo(value: { a: $x }) }', { x: 'y' }],
  ];
  it.each(refused)('refuses %s with BAD_USER_INPUT', async (_name, source, variables) => {
    const result = await run(source, variables);
    expect(result.data?.echo ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to send a value that is not an object (a server bug, not the client)', async () => {
    const result = await run('{ notAnObject }');
    expect(result.errors?.[0]?.message).toMatch(/not an object/);
  });
});
