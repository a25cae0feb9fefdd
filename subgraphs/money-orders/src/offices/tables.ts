import { knownOfficesTable } from '@postal/known-offices';
import { moneyOrdersSchema } from '../db-schema.js';

/** This subgraph's copy of the office tree (@postal/known-offices): only counter offices book and pay. */
export const knownOffices = knownOfficesTable(moneyOrdersSchema, 'mo');
