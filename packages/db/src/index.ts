export { openDatabase, type Database, type Db, type Tx, type OpenDatabaseOptions } from './database.js';
export { migrateSubgraph, migrationsFolder, migrationsTable, SUBGRAPH_SCHEMAS, type SubgraphName } from './migrate.js';
export { rowsOf } from './rows.js';
export { findRepoRoot } from './repo-root.js';
export { escapeLike, likeContaining } from './like.js';
export { transaction, type IsolationLevel, type TransactionOptions } from './transaction.js';
