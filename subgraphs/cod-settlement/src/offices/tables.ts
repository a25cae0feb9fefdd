// The table alone (not the package's index): drizzle-kit loads this file, and the store's imports reach @postal/auth.
import { knownOfficesTable } from '@postal/known-offices/tables';
import { codSchema } from '../db-schema.js';

/** This subgraph's copy of the office tree (@postal/known-offices): delivery offices and settlement (head) offices. */
export const knownOffices = knownOfficesTable(codSchema, 'cod');
