export { startAccounts, type AccountsOptions } from './start.js';
export { chartFor, accountCode } from './ledger-accounts/chart.js';
export { OFFICE_EVENTS_QUEUE } from './ledger-accounts/office-events.js';
