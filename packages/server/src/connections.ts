import { BadUserInputError } from '@postal/errors';
import { unstorableTextProblem } from './input-validation.js';

/** The most rows one page may ask for; a client wanting more pages on. */
export const MAX_PAGE_SIZE = 100;

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Validates `first` (1 to MAX_PAGE_SIZE): a page size is a limit, and an unbounded one is a denial of service. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `first must be between 1 and ${MAX_PAGE_SIZE}`, { max: MAX_PAGE_SIZE });
  }
  return size;
}

/**
 * Keyset cursors: the sort key of the last row, opaque to clients (base64url JSON). Resuming after it is an index
 * seek, so page 10,000 costs what page 1 does.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, keyLength: number): string[] | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A key part no column can hold (a NUL) would fail in SQL, not here: refused with the rest.
    if (Array.isArray(key) && key.length === keyLength && key.every((part) => typeof part === 'string' && !unstorableTextProblem(part))) return key;
  } catch {
    // Falls through to the error below.
  }
  throw new BadUserInputError('after', 'the cursor is not one this API issued');
}

/** Builds a page from `size + 1` fetched rows: the extra row only says whether there is a next page. */
export function toConnection<T>(rows: T[], size: number, keyOf: (row: T) => readonly string[]): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}
