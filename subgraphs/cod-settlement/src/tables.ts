/** Every table the cod-settlement subgraph owns, in the `cod` schema; drizzle-kit reads this file. */
export { codSchema, outbox, processedEvents } from './db-schema.js';
export { feeSchedules } from './fees/tables.js';
export { billers, billerBankAccounts, billerCodeSerial } from './billers/tables.js';
export { contracts, bankHolidays } from './contracts/tables.js';
export { articles, articleEvents, collections } from './articles/tables.js';
export { ledgerMovements } from './ledger/tables.js';
export { knownOffices } from './offices/tables.js';
export { codExceptions } from './exceptions/tables.js';
export { postmanDeposits } from './deposits/tables.js';
export { manifests, manifestRows } from './manifests/tables.js';
export { settlementBatches, settlementLines, dueDays, settlementDays, payouts, payoutFileTemplates, payoutFiles } from './settlement/tables.js';
export { disputes, disputeEvents } from './disputes/tables.js';
export { bankAccounts, bankStatementImports, bankStatementFiles, bankStatements, bankImportStatements, bankStatementLines } from './recon/tables.js';
export { reconMatches, reconMatchLines, reconMatchItems, reconRuns, reconRuleSets } from './recon/matching/tables.js';
