import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { buildSettlementBatchesInTx } from '../subgraphs/cod-settlement/src/settlement/build.js';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!.replace(/\/[^/]*$/, `/${process.argv[2]}`), max: 1 });
pool.on('connect', (client) => client.on('notice', (m) => console.log(m.message)));
const database = { db: drizzle(pool) as never as import('@postal/db').Db, close: () => pool.end() };
await database.db.transaction(async (tx) => {
  await tx.execute(sql`load 'auto_explain'`);
  await tx.execute(sql`set local auto_explain.log_min_duration = 3`);
  await tx.execute(sql`set local auto_explain.log_analyze = on`);
  await tx.execute(sql`set local auto_explain.log_level = 'notice'`);
  await tx.execute(sql`set local client_min_messages = 'notice'`);
  const t = performance.now();
  await buildSettlementBatchesInTx(tx, process.argv[3]!, '2026-12-16', 'probe', new Date());
  console.log('build ms', performance.now() - t);
  throw new Error('rollback');
}).catch((e) => console.log(String(e).slice(0, 80)));
await database.close();
