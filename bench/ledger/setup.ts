import { migrateSubgraph, openDatabase, rowsOf, type Database } from '@postal/db';
import { newEvent } from '@postal/events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { onServer, withDatabase } from '../support/server.js';
import { handleOfficeEvent } from '../../subgraphs/accounts/src/ledger-accounts/office-events.js';
import { generateOfficeTree, type GeneratedOffice } from '../office-tree.js';
import type { OfficeAccounts, Workload } from './workload.js';

/**
 * A database of the benchmark's own on the server DATABASE_URL names (created fresh, dropped at the end, also when
 * the run fails or is interrupted), with the accounts subgraph's migrations applied, and two pools on it: node-postgres for the raw SQL
 * baselines and the drizzle handle the ledger's code takes. Both have one connection per worker, so neither path
 * queues for a connection the other would have had.
 */
export interface BenchDatabase {
  name: string;
  url: string;
  database: Database;
  pool: pg.Pool;
  drop(): Promise<void>;
  /** Drops the database at once, connections in use or not (for an interrupted run). */
  dropNow(): Promise<void>;
}

/** `bench_ledger_<pid>_<purpose>`: one database per measurement family, so neither's rows weigh on the other's. */
export async function createBenchDatabase(serverUrl: string, purpose: string, connections: number): Promise<BenchDatabase> {
  const name = `bench_ledger_${process.pid}_${purpose}`;
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ url, poolSize: connections, applicationName: 'bench-ledger' });
  const pool = new pg.Pool({ connectionString: url, max: connections, application_name: 'bench-ledger-raw' });
  const dropNow = () => onServer(serverUrl, `drop database if exists ${name} with (force)`);
  const drop = async () => {
    await pool.end();
    await database.close();
    await dropNow();
  };
  try {
    await migrateSubgraph(database, 'accounts');
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, database, pool, drop, dropNow };
}

/** Three divisions of the generated national tree: about 1,100 offices, 6 head, 167 sub and 927 branch offices. */
const TREE_SCALE = 3 / 450;
/** Office events consumed per transaction while loading. */
const EVENTS_PER_TRANSACTION = 200;

/**
 * Opens the offices' standard charts the way production does: each office's `office.created` event through the
 * consumer's handler, which records the office and opens its accounts (about 3,400 detail accounts).
 */
export async function loadChart(database: Database): Promise<GeneratedOffice[]> {
  const tree = generateOfficeTree(TREE_SCALE);
  for (let start = 0; start < tree.length; start += EVENTS_PER_TRANSACTION) {
    const batch = tree.slice(start, start + EVENTS_PER_TRANSACTION);
    await database.db.transaction(async (tx) => {
      for (const office of batch) {
        const payload = { code: office.code, name: office.name, type: office.type, parentCode: office.parentCode, path: office.path, accountOfficeCode: office.accountOfficeCode };
        await handleOfficeEvent(tx, newEvent('office.created', payload, { source: 'administration' }));
      }
    });
  }
  await database.db.execute(sql`analyze accounts.accounts`);
  await database.db.execute(sql`analyze accounts.known_offices`);
  return tree;
}

interface AccountRow {
  code: string;
  office_code: string;
  head_code: string;
  office_type: string;
  balance_constraint: string;
}

/** The pairs the throughput measurements draw from, read back from the chart the events opened. */
export async function readWorkload(database: Database): Promise<Workload> {
  const rows = rowsOf<AccountRow>(
    await database.db.execute(sql`
      select a.code, a.office_code, a.head_code, o.type as office_type, a.balance_constraint
        from accounts.accounts a join accounts.known_offices o on o.code = a.office_code
       where a.kind = 'DETAIL' and a.status = 'OPEN'
       order by a.code`),
  );
  const byOffice = new Map<string, OfficeAccounts>();
  for (const row of rows) {
    const office = byOffice.get(row.office_code) ?? { officeCode: row.office_code, debitable: [], creditable: [] };
    byOffice.set(row.office_code, office);
    if (row.balance_constraint !== 'DEBITS_NOT_EXCEED_CREDITS') office.debitable.push(row.code);
    if (row.balance_constraint !== 'CREDITS_NOT_EXCEED_DEBITS') {
      office.creditable.push(row.code);
    }
  }
  // An account that is an office's only creditable one cannot be debited against it (a branch office's inter-office
  // clearing account, say): it is left out of the debit side, so every pair drawn names two accounts.
  for (const office of byOffice.values()) office.debitable = office.debitable.filter((code) => office.creditable.some((other) => other !== code));
  const offices = [...byOffice.values()].filter((office) => office.debitable.length > 0 && office.creditable.length > 0);
  const hot = rows.find((row) => row.office_type === 'HEAD_OFFICE' && row.head_code === '1100');
  if (!hot || offices.length === 0) throw new Error('the chart has no head office cash account or no office with both sides');
  // The hot account's entries stay within its office: an entry must balance within each office it touches
  // (UNBALANCED_OFFICE), so the other side is one of that office's own creditable accounts.
  const hotCredits = byOffice.get(hot.office_code)!.creditable.filter((code) => code !== hot.code);
  return { offices, creditable: hotCredits, hotAccount: { officeCode: hot.office_code, code: hot.code } };
}
