import { randomBytes } from 'node:crypto';
import { migrateSubgraph, openDatabase, type Database, type SubgraphName } from '@postal/db';
import pg from 'pg';

export interface TestDatabase {
  readonly database: Database;
  /** The server URL of this test's own database, or undefined on PGlite. */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A database of the test's own: with DATABASE_URL, a new database on that server (dropped afterwards), so test
 * files never see each other's rows; without it, an in-memory PGlite. The given subgraphs' migrations are applied,
 * the same ones production runs.
 */
export async function createTestDatabase(subgraphs: SubgraphName[] = []): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    for (const subgraph of subgraphs) await migrateSubgraph(database, subgraph);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `pf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ url, poolSize: 20 });
  for (const subgraph of subgraphs) await migrateSubgraph(database, subgraph);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
