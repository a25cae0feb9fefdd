import { join } from 'node:path';
import { ConfigError, commonEnv, loadConfig } from '@postal/config';
import { openDatabase } from '@postal/db';
import { migrateAll } from './setup.js';

/** `npm run migrate`: applies every subgraph's pending migrations to DATABASE_URL (or the embedded database). */
let config;
try {
  config = loadConfig(commonEnv);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
try {
  await migrateAll(database);
  console.log(`Migrations applied to ${database.description}.`);
} finally {
  await database.close();
}
