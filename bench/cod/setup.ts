import { migrateSubgraph, openDatabase, rowsOf, type Database } from '@postal/db';
import { newEvent } from '@postal/events';
import { sql } from 'drizzle-orm';
import { handleOfficeEvent } from '../../subgraphs/accounts/src/ledger-accounts/office-events.js';
import { generateOfficeTree } from '../office-tree.js';
import { onServer, withDatabase } from '../support/server.js';

export interface CodBenchDatabase {
  name: string;
  database: Database;
  drop(): Promise<void>;
  dropNow(): Promise<void>;
}

/** `bench_cod_<pid>`: both subgraphs' migrations in one fresh database (their own schemas), dropped at the end. */
export async function createCodBenchDatabase(serverUrl: string): Promise<CodBenchDatabase> {
  const name = `bench_cod_${process.pid}`;
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  const database = await openDatabase({ url: withDatabase(serverUrl, name), poolSize: 3, applicationName: 'bench-cod' });
  const dropNow = () => onServer(serverUrl, `drop database if exists ${name} with (force)`);
  const drop = async () => {
    await database.close();
    await dropNow();
  };
  try {
    await migrateSubgraph(database, 'accounts');
    await migrateSubgraph(database, 'cod-settlement');
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, database, drop, dropNow };
}

/**
 * Three divisions of the generated national tree (about 1,100 offices): accounts opens their charts through its
 * office.created consumer, as in production; cod-settlement's copy of the tree gets the same rows by SQL. Answers the
 * head offices (settlement offices: they hold a bank account 1500) and the delivery offices.
 */
export async function loadOffices(database: Database, settlementOffices: number): Promise<{ settlement: Array<{ code: string; path: string }>; delivery: Array<{ code: string; path: string }> }> {
  const tree = generateOfficeTree(3 / 450);
  for (let start = 0; start < tree.length; start += 200) {
    await database.db.transaction(async (tx) => {
      for (const office of tree.slice(start, start + 200)) {
        const payload = { code: office.code, name: office.name, type: office.type, parentCode: office.parentCode, path: office.path, accountOfficeCode: office.accountOfficeCode };
        await handleOfficeEvent(tx, newEvent('office.created', payload, { source: 'administration' }));
      }
    });
  }
  await database.db.execute(sql`
    insert into cod.known_offices (code, name, type, path, parent_code)
    select code, name, type, path, parent_code from accounts.known_offices`);
  const heads = rowsOf<{ code: string; path: string }>(await database.db.execute(sql`select code, path from cod.known_offices where type = 'HEAD_OFFICE' order by code`));
  const delivery = rowsOf<{ code: string; path: string }>(await database.db.execute(sql`select code, path from cod.known_offices where type in ('SUB_OFFICE','BRANCH_OFFICE') order by code`));
  if (heads.length < settlementOffices) throw new Error(`the tree has ${heads.length} head offices; --offices=${settlementOffices} is too many`);
  return { settlement: heads.slice(0, settlementOffices), delivery };
}
