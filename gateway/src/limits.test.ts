import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armorConfig } from './limits.js';

const schema = buildSchema('type Query { whoami: String }');
const limits = { maxDepth: 5, maxAliases: 3, maxCost: 100, maxTokens: 1_000 };
const off = { enabled: false };
const onlyOthersOff = { maxAliases: off, maxDirectives: off, maxTokens: off, blockFieldSuggestion: off };

/** The messages armor's validation rules give for `query`, with only depth and cost switched on. */
function armorErrors(query: string, depthAndCost: { maxDepth: object; costLimit: object }): string[] {
  const { validationRules } = new ApolloArmor({ ...onlyOthersOff, ...depthAndCost }).protect();
  return validate(schema, parse(query), validationRules).map((error) => error.message);
}

const deepUnderSchema = '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';

describe('armor options', () => {
  it('close the __schema bypass that armor leaves open by default', () => {
    // The library default: everything under __schema counts as nothing, so this depth-8 query passes a limit of 5...
    expect(armorErrors(deepUnderSchema, { maxDepth: { n: 5 }, costLimit: { maxCost: 10 } })).toEqual([]);
    // ...and with the gateway's options it is counted.
    const config = armorConfig({ ...limits, maxCost: 10 });
    expect(armorErrors(deepUnderSchema, { maxDepth: { ...config.maxDepth }, costLimit: { ...config.costLimit } })).toEqual([
      expect.stringMatching(/Cost limit of 10 exceeded/),
      'Syntax Error: Query depth limit of 5 exceeded, found 8.',
    ]);
  });

  it('count a fragment as the fields it stands for', () => {
    const viaFragments = '{ ...A } fragment A on Query { ... on Query { whoami } }';
    const config = armorConfig({ ...limits, maxDepth: 1 });
    expect(armorErrors(viaFragments, { maxDepth: { ...config.maxDepth }, costLimit: off })).toEqual([]);
    // Without flattening, the two fragment levels would count as depth and refuse this depth-1 query.
    expect(armorErrors(viaFragments, { maxDepth: { n: 1 }, costLimit: off })).toHaveLength(1);
  });

  it('refuse the standard introspection query at the test and production limits (depth 15, cost about 15,500)', () => {
    // What Apollo Sandbox and most tools send. The development defaults (gatewayLimits in @postal/config: depth 15,
    // cost 20,000) let it through; production serves no introspection at all.
    const at = (maxDepth: number, maxCost: number) => {
      const config = armorConfig({ ...limits, maxDepth, maxCost });
      return armorErrors(getIntrospectionQuery(), { maxDepth: { ...config.maxDepth }, costLimit: { ...config.costLimit } });
    };
    expect(at(10, 5_000)).toEqual([
      expect.stringMatching(/Cost limit of 5000 exceeded, found 1554\d/),
      'Syntax Error: Query depth limit of 10 exceeded, found 15.',
    ]);
    expect(at(15, 16_000)).toEqual([]);
    expect(at(15, 20_000)).toEqual([]);
  });

  it('count aliases of __typename, which armor lets through by default', () => {
    const typenames = `{ ${Array.from({ length: 200 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const aliasErrors = (maxAliases: object) => {
      const { validationRules } = new ApolloArmor({ maxDepth: off, costLimit: off, maxDirectives: off, maxTokens: off, blockFieldSuggestion: off, maxAliases }).protect();
      return validate(schema, parse(typenames), validationRules).map((error) => error.message);
    };
    // The library default allows any number of them...
    expect(aliasErrors({ n: 3 })).toEqual([]);
    // ...the gateway's options count every one.
    expect(aliasErrors({ ...armorConfig(limits).maxAliases })).toEqual(['Syntax Error: Aliases limit of 3 exceeded, found 200.']);
  });
});
