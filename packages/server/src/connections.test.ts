import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './connections.js';

describe('connections', () => {
  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 1.5]) {
      expect(() => pageSize(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }));
    }
  });

  it('round-trips a cursor and refuses a forged one', () => {
    expect(decodeCursor(encodeCursor(['B-2']), 1)).toEqual(['B-2']);
    expect(decodeCursor(undefined, 1)).toBeUndefined();
    for (const bad of ['!!', encodeCursor(['a', 'b']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    }
  });

  it('uses the extra row only to say there is a next page', () => {
    const page = toConnection(['a', 'b', 'c'], 2, (row) => [row]);
    expect(page.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    expect(toConnection(['a'], 2, (row) => [row]).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 2, (row: string) => [row]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
