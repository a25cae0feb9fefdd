import { eq, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
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
        ...scope.scopes.map((s) => (s.exact ? eq(pathColumn, s.path) : or(eq(pathColumn, s.path), like(pathColumn, likePrefixOf(s.path))))),
      ) as SQL;
  }
}
