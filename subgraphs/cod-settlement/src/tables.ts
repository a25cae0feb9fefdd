/** Every table the cod-settlement subgraph owns, in the `cod` schema; drizzle-kit reads this file. */
export { codSchema, outbox, processedEvents } from './db-schema.js';
export { feeSchedules } from './fees/tables.js';
