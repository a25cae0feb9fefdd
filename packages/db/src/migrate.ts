import { join } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.js';
import { findRepoRoot } from './repo-root.js';

/** Each subgraph owns one PostgreSQL schema and never reads another's. */
export const SUBGRAPH_SCHEMAS = {
  administration: 'administration',
  accounts: 'accounts',
  'money-orders': 'money_orders',
  'cod-settlement': 'cod',
} as const;
export type SubgraphName = keyof typeof SUBGRAPH_SCHEMAS;

export function migrationsFolder(subgraph: SubgraphName): string {
  return join(findRepoRoot(), 'migrations', subgraph);
}

/**
 * Applies the subgraph's pending drizzle-kit migrations. Each subgraph keeps its own journal table,
 * `drizzle.__migrations_<subgraph>`, so the four histories never collide and a subgraph can later move to a database
 * of its own. (The journal cannot live in the subgraph's schema: the first migration creates that schema.)
 */
export async function migrateSubgraph(database: Database, subgraph: SubgraphName): Promise<void> {
  const config = {
    migrationsFolder: migrationsFolder(subgraph),
    migrationsSchema: 'drizzle',
    migrationsTable: migrationsTable(subgraph),
  };
  // The migrators are typed per driver; the handle was built by the matching driver in openDatabase.
  if (database.kind === 'postgres') await migratePg(database.db as never, config);
  else await migratePglite(database.db as never, config);
}

export function migrationsTable(subgraph: SubgraphName): string {
  return `__migrations_${SUBGRAPH_SCHEMAS[subgraph]}`;
}
