import type { Database, Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { outboxTables, type OutboxTables } from '../tables.js';

/**
 * The one place the tests' DDL lives. No subgraph migration creates an outbox yet, so the tests create the tables in
 * a test-only schema. The outbox and processed_events statements are what drizzle-kit generates for outboxTables()
 * (copied from its output); the other tables stand for a service's state and a consumer's effect.
 */
export const TEST_SCHEMA = 'outbox_test';

export function outboxDdl(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE SCHEMA ${s}`,
    `CREATE TABLE ${s}."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
)`,
    `CREATE TABLE ${s}."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
)`,
    `CREATE INDEX "outbox_unpublished_idx" ON ${s}."outbox" USING btree ("id") WHERE ${s}."outbox"."published_at" is null`,
    // A service's state: the row an office.created event announces.
    `CREATE TABLE ${s}."offices" ("code" text PRIMARY KEY, "name" text NOT NULL)`,
    // A consumer's effect, which must happen once per event.
    `CREATE TABLE ${s}."counters" ("name" text PRIMARY KEY, "value" integer NOT NULL)`,
    // Every handler invocation, written outside the idempotent transaction, to show a redelivery really happened.
    `CREATE TABLE ${s}."deliveries" ("id" serial PRIMARY KEY, "event_id" uuid NOT NULL, "pid" integer NOT NULL)`,
  ];
}

export interface OutboxTestSchema {
  readonly schema: string;
  readonly tables: OutboxTables;
}

export async function createOutboxTestSchema(database: Database, schema = TEST_SCHEMA): Promise<OutboxTestSchema> {
  for (const statement of outboxDdl(schema)) await database.db.execute(sql.raw(statement));
  return { schema, tables: outboxTables(pgSchema(schema)) };
}

/** The effect the tests' consumers have: add one to a named counter. */
export async function incrementCounter(tx: Tx, schema: string, name: string): Promise<void> {
  await tx.execute(
    sql`INSERT INTO ${sql.identifier(schema)}.counters (name, value) VALUES (${name}, 1)
        ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`,
  );
}

export async function counterValue(database: Database, schema: string, name: string): Promise<number> {
  const rows = rowsOf<{ value: number }>(
    await database.db.execute(sql`SELECT value FROM ${sql.identifier(schema)}.counters WHERE name = ${name}`),
  );
  return rows[0]?.value ?? 0;
}

export async function recordDelivery(database: Database, schema: string, eventId: string): Promise<void> {
  await database.db.execute(
    sql`INSERT INTO ${sql.identifier(schema)}.deliveries (event_id, pid) VALUES (${eventId}, ${process.pid})`,
  );
}

export async function deliveries(database: Database, schema: string): Promise<Array<{ eventId: string; pid: number }>> {
  return rowsOf<{ eventId: string; pid: number }>(
    await database.db.execute(
      sql`SELECT event_id AS "eventId", pid FROM ${sql.identifier(schema)}.deliveries ORDER BY id`,
    ),
  );
}

export interface OutboxRow {
  eventId: string;
  type: string;
  publishedAt: Date | string | null;
  attempts: number;
  lastError: string | null;
}

export async function outboxRows(database: Database, schema: string): Promise<OutboxRow[]> {
  return rowsOf<OutboxRow>(
    await database.db.execute(
      sql`SELECT event_id AS "eventId", type, published_at AS "publishedAt", attempts, last_error AS "lastError"
          FROM ${sql.identifier(schema)}.outbox ORDER BY id`,
    ),
  );
}
