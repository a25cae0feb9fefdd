import { eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Identity } from '@postal/auth';
import { scopeOf } from './can.js';
import { likePrefixOf } from './paths.js';
import type { Permission } from './permissions.js';

/**
 * The caller's scope for a permission as a SQL condition on an office-path column, so lists are filtered in the
 * database (an index-backed prefix match) rather than after loading. `false` when the caller may see nothing.
 */
export function scopeCondition(identity: Identity, permission: Permission, pathColumn: AnyColumn): SQL {
  const scope = scopeOf(identity, permission);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'paths':
      return or(
        ...scope.scopes.map((s) => (s.exact ? eq(pathColumn, s.path) : withinTree(pathColumn, s.path))),
      ) as SQL;
  }
}

/**
 * The office at `path` and everything under it, as a condition on an office-path column (or any SQL expression that
 * yields a path): `path = $1 or path like '$1/%'`, which a text_pattern_ops index answers with one range scan. The one
 * way every subgraph writes the whole-tree predicate.
 */
export function withinTree(pathColumn: AnyColumn | SQL | SQL.Aliased, path: string): SQL {
  return sql`(${pathColumn} = ${path} or ${pathColumn} like ${likePrefixOf(path)})`;
}
