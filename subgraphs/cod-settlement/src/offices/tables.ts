import { knownOfficesTable } from '@postal/known-offices';
import { codSchema } from '../db-schema.js';

/** This subgraph's copy of the office tree (@postal/known-offices): delivery offices and settlement (head) offices. */
export const knownOffices = knownOfficesTable(codSchema, 'cod');
