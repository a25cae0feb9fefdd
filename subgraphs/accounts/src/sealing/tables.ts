import { bigint, customType, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';
import { journalEntries } from '../journal/tables.js';

const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The journal's hash chain, written by the sealer (never by the posting path, so writers are not serialised behind
 * one chain head). Position n seals one entry: `entry_hash` = SHA-256 of the entry's canonical form with its
 * postings, `chain_hash` = SHA-256(chain_hash(n-1) || entry_hash). Append-only, like the journal.
 * Entries are sealed in (xid, seq) order, and only those of transactions older than every transaction still running,
 * so no entry can later appear before the watermark.
 */
export const journalSeals = accountsSchema.table('journal_seals', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  entryId: uuid('entry_id')
    .notNull()
    .unique()
    .references(() => journalEntries.id),
  entryXid: xid8('entry_xid').notNull(),
  entrySeq: bigint('entry_seq', { mode: 'number' }).notNull(),
  entryHash: text('entry_hash').notNull(),
  chainHash: text('chain_hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
