// The table alone (not the package's index): drizzle-kit loads this file, and the store's imports reach @postal/auth.
import { knownOfficesTable } from '@postal/known-offices/tables';
import { moneyOrdersSchema } from '../db-schema.js';

/** This subgraph's copy of the office tree (@postal/known-offices): only counter offices book and pay. */
export const knownOffices = knownOfficesTable(moneyOrdersSchema, 'mo');
