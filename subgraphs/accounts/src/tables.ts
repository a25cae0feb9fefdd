/** Every table the accounts subgraph owns, in the `accounts` schema; drizzle-kit reads this file. */
export { accountsSchema, outbox, processedEvents } from './db-schema.js';
export { accounts, knownOffices } from './ledger-accounts/tables.js';
export { journalEntries, postings, holds } from './journal/tables.js';
export { businessDays, dayCloses, dailyBalances } from './business-days/tables.js';
export { journalSeals } from './sealing/tables.js';
export { moneyOrderMovements } from './money-orders/tables.js';
export { codMovements } from './cod/tables.js';
