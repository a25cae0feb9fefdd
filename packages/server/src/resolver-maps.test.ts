import { describe, expect, it } from 'vitest';
import { mergeResolverMaps } from './resolver-maps.js';

describe('mergeResolverMaps', () => {
  it('merges the modules type by type', () => {
    const a = () => 'a';
    const b = () => 'b';
    expect(mergeResolverMaps<Record<string, object>>([{ Query: { a } }, { Query: { b }, Office: { b } }])).toEqual({ Query: { a, b }, Office: { b } });
  });

  it('refuses two modules resolving one field', () => {
    expect(() => mergeResolverMaps<Record<string, object>>([{ Query: { a: () => 1 } }, { Query: { a: () => 2 } }])).toThrow('two modules resolve Query.a');
  });
});
