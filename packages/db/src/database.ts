import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/**
 * The drizzle handle every service uses. It is the common base of the node-postgres and the PGlite drivers, so one
 * piece of code runs on a real server and on the embedded database alike.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Where it lives, without credentials: for logs. */
  readonly description: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL. When absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite's data directory; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** Upper bound on pooled connections to a real server. */
  poolSize?: number;
  applicationName?: string;
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'postal-finance',
    // A connection that cannot be had in this time is an outage, not a queue to wait in.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  // A connection the server drops while a query is using it (a failover, an administrator's kill) emits 'error' on the
  // client; unheard, that would crash the process. The query in flight fails on its own and its transaction rolls back.
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  // Fail at start-up, not at the first request, when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    description: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    description: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    close: () => client.close(),
  };
}
