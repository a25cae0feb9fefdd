import { knownOfficeStore } from '@postal/known-offices';
import { knownOffices } from './tables.js';

export type { KnownOffice } from '@postal/known-offices';

export const { findOffice, findOffices, lockOffice, upsertOffice, rewriteSubtreePaths, findRootOffice, handleOfficeEvent } = knownOfficeStore(knownOffices);

/** Where cod-settlement hears office.created / office.updated (packages/events catalogue). */
export const OFFICE_EVENTS_QUEUE = 'cod-settlement.office-events';
