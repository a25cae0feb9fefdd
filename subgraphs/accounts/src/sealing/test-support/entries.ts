import type { SealableEntry } from '../chain.js';

/** A stored entry as the sealer reads it (every column as PostgreSQL's text of it). */
export const sampleEntry: SealableEntry = {
  xid: '1000',
  id: '0b5c2f4e-8d1a-4e55-9a57-3f0c1d2e4b6a',
  seq: '42',
  officeCode: 'HO1',
  effectiveDate: '2026-11-20',
  description: 'Money order MO-1 booked, नई दिल्ली',
  sourceType: 'MONEY_ORDER',
  sourceReference: 'MO-1',
  actor: { kind: 'service', id: 'money-orders' },
  approvedBy: null,
  approvalRequestId: null,
  idempotencyKey: 'mo-1-book',
  requestHash: 'a'.repeat(64),
  reversesEntryId: null,
  holdId: null,
  postedAt: '2026-11-20T04:45:00.123456Z',
  postings: [
    { line: 1, accountCode: 'HO1:1100', side: 'DEBIT', amount: '1050.50', currency: 'INR' },
    { line: 2, accountCode: 'HO1:2100', side: 'CREDIT', amount: '1050.50', currency: 'INR' },
  ],
};

/** The sample entry at another place in the journal. */
export function entryAt(index: number): SealableEntry {
  return { ...sampleEntry, id: `0b5c2f4e-8d1a-4e55-9a57-${String(index).padStart(12, '0')}`, seq: String(index), xid: String(1000 + index), idempotencyKey: `key-${index}` };
}
