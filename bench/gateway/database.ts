import { openDatabase, rowsOf, type Database } from '@postal/db';
import { migrateAll, seedDemo } from '@postal/stack';
import { sql } from 'drizzle-orm';
import { onServer, withDatabase } from '../support/server.js';
import type { NewOffice } from '../../subgraphs/administration/src/offices/model.js';
import { DEMO_OFFICES_OPENED_ON, insertOfficesAnnounced } from '../../subgraphs/administration/src/seed/demo.js';

/**
 * The benchmark's own database on the server DATABASE_URL names (created fresh, dropped at the end, also when the run
 * fails or is interrupted): every subgraph's migrations, the demo offices and staff (for the logins), and enough
 * offices under one division for the entity-heavy list.
 */
export interface BenchDatabase {
  name: string;
  url: string;
  database: Database;
  /** Drops the database, connections in use or not (the children may still hold some when a run is cut short). */
  drop(): Promise<void>;
}

/** The division whose offices the entity-heavy list reads; the demo's finance officer has it in scope. */
export const LIST_DIVISION = 'DL-NDC';
/** Sub offices added under the demo's New Delhi GPO, each with BRANCHES_PER_SUB_OFFICE branch offices. */
const EXTRA_SUB_OFFICES = 4;
const BRANCHES_PER_SUB_OFFICE = 23;

export interface BenchDatabaseOptions {
  /** The database's name before `_<pid>`; default bench_gateway. */
  prefix?: string;
  /** The 96 more offices under DL-NDC for the entity-heavy list; default true (bench:money-orders needs none). */
  listOffices?: boolean;
}

export async function createBenchDatabase(serverUrl: string, options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const prefix = options.prefix ?? 'bench_gateway';
  const name = `${prefix}_${process.pid}`;
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ url, poolSize: 2, applicationName: prefix.replace(/_/g, '-') });
  const drop = async () => {
    await database.close().catch(() => undefined);
    await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    await migrateAll(database);
    await seedDemo(database, 'test');
    if (options.listOffices ?? true) await seedListOffices(database);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, database, drop };
}

/**
 * 4 sub offices under NDGPO with 23 branch offices each: with the demo's 8, 104 offices under DL-NDC. Written as the
 * demo seed writes its offices (rows and their `office.created` events in one transaction), so the accounts subgraph
 * opens their charts when its consumer hears of them: every sub office gets its accounting heads, every branch office
 * cash and postman cash.
 */
async function seedListOffices(database: Database): Promise<void> {
  const rows: NewOffice[] = [];
  for (let s = 1; s <= EXTRA_SUB_OFFICES; s += 1) {
    const sub = `NDGPO-B${s}`;
    const subPath = `DL/DL-NDC/NDGPO/${sub}`;
    rows.push({ code: sub, name: `Bench SO ${s}`, type: 'SUB_OFFICE', parentCode: 'NDGPO', path: subPath, accountOfficeCode: 'NDGPO', pin: '110001', openedOn: DEMO_OFFICES_OPENED_ON, status: 'ACTIVE' });
    for (let b = 1; b <= BRANCHES_PER_SUB_OFFICE; b += 1) {
      const code = `${sub}-${String(b).padStart(2, '0')}`;
      rows.push({ code, name: `Bench BO ${s}.${b}`, type: 'BRANCH_OFFICE', parentCode: sub, path: `${subPath}/${code}`, accountOfficeCode: sub, pin: '110002', openedOn: DEMO_OFFICES_OPENED_ON, status: 'ACTIVE' });
    }
  }
  await database.db.transaction((tx) => insertOfficesAnnounced(tx, rows));
}

/** How many offices administration has, and how many of them the accounts subgraph has heard of (and charted). */
export async function chartProgress(database: Database): Promise<{ offices: number; known: number; accounts: number }> {
  const [row] = rowsOf<{ offices: number; known: number; accounts: number }>(
    await database.db.execute(sql`
      select (select count(*)::int from administration.offices) as offices,
             (select count(*)::int from accounts.known_offices) as known,
             (select count(*)::int from accounts.accounts where office_code is not null) as accounts`),
  );
  return row!;
}
