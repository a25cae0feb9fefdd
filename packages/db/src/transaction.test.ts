import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { rowsOf } from './rows.js';
import { transaction, type IsolationLevel } from './transaction.js';

/*
 * The level asked for is the level the transaction runs at, whatever the server's default: the test database's
 * default is set to serializable, so a helper that forgot to set the level would be seen.
 */
// (@postal/testkit builds on this package, so this test makes its database itself.)
const serverUrl = process.env.DATABASE_URL;
const name = `pf_test_tx_${randomBytes(4).toString('hex')}`;
let database: Database;

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  if (!serverUrl) {
    database = await openDatabase({});
    return;
  }
  await onServer(`create database ${name}`);
  await onServer(`alter database ${name} set default_transaction_isolation = 'serializable'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ url: url.toString(), poolSize: 2 });
});
afterAll(async () => {
  await database?.close();
  if (serverUrl) await onServer(`drop database if exists ${name} with (force)`);
});

const setting = async (tx: Parameters<Parameters<typeof transaction>[2]>[0], name: string) =>
  rowsOf<{ value: string }>(await tx.execute(sql`select current_setting(${name}) as value`))[0]!.value;

describe('transaction', () => {
  it.each<IsolationLevel>(['read committed', 'repeatable read', 'serializable'])('runs at %s', async (level) => {
    expect(await transaction(database, level, (tx) => setting(tx, 'transaction_isolation'))).toBe(level);
  });

  it('a read-only transaction refuses writes', async () => {
    expect(await transaction(database, 'repeatable read', (tx) => setting(tx, 'transaction_read_only'), { readOnly: true })).toBe('on');
    const refused = await transaction(database, 'read committed', (tx) => tx.execute(sql`create table nope (id int)`), { readOnly: true }).catch(
      (error: unknown) => error,
    );
    // drizzle wraps the driver's error; PostgreSQL's own words are its cause.
    expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/read-only transaction/);
  });

  it('rolls back when the work throws', async () => {
    await transaction(database, 'read committed', (tx) => tx.execute(sql`create table kept (id int)`));
    await expect(
      transaction(database, 'read committed', async (tx) => {
        await tx.execute(sql`insert into kept values (1)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from kept`))[0]!.n).toBe(0);
  });
});
