/**
 * `db.execute(sql)` answers a node-postgres QueryResult on one driver and a PGlite Results on the other; both carry
 * `rows`. This reads them with one type.
 */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('query result has no rows array');
  return rows as T[];
}
