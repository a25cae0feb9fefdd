/** Every table the money-orders subgraph owns, in the `money_orders` schema; drizzle-kit reads this file. */
export { moneyOrdersSchema, outbox, processedEvents } from './db-schema.js';
export { tariffs } from './tariffs/tables.js';
export { moneyOrderLimits, senderMonthlyTotals } from './limits/tables.js';
export { knownOffices } from './offices/tables.js';
export { moneyOrders, moneyOrderTransitions, moneyOrderLedgerMovements, moneyOrderRequests, referenceSerial } from './orders/tables.js';
export { bulkUploads, bulkUploadRows } from './bulk/tables.js';
