import { rowsOf, type Database } from '@postal/db';
import { readLocalOutbox } from '@postal/notify';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';

/**
 * What the bench reads behind the API, in its own database and the subgraph process's local outbox: whether the
 * ledger has posted the bookings (money-orders' movement answered, so the order AVAILABLE), when each booking's
 * journal entry was posted, and the payees' one-time passwords. Read only; the bench never writes a table.
 */

/** A booking as the bench saw its answer: the reference and the epoch ms the answer arrived. */
export interface AnsweredBooking {
  reference: string;
  answeredAtMs: number;
}

/** References in one query at most (a JSON array parameter; the run's bookings go in chunks). */
const CHUNK = 5_000;

/** How many of the orders' BOOKED movements the ledger has answered (POSTED or REJECTED), and the first rejection. */
async function bookingProgress(database: Database, references: readonly string[]): Promise<{ posted: number; rejected: number; firstRejection: string | null }> {
  const total = { posted: 0, rejected: 0, firstRejection: null as string | null };
  for (let i = 0; i < references.length; i += CHUNK) {
    const [row] = rowsOf<{ posted: number; rejected: number; first_rejection: string | null }>(
      await database.db.execute(sql`
        select count(*) filter (where m.status = 'POSTED')::int as posted,
               count(*) filter (where m.status = 'REJECTED')::int as rejected,
               min(m.rejection) as first_rejection
          from money_orders.money_order_ledger_movements m
          join money_orders.money_orders o on o.id = m.order_id
         where m.movement = 'BOOKED'
           and o.reference in (select jsonb_array_elements_text(${JSON.stringify(references.slice(i, i + CHUNK))}::jsonb))`),
    );
    total.posted += row!.posted;
    total.rejected += row!.rejected;
    total.firstRejection ??= row!.first_rejection;
  }
  return total;
}

/**
 * Waits until the ledger has posted every one of the bookings (each order then AVAILABLE at its paying office). A
 * rejected booking breaks the run: the ledger refused what the bench booked, which is a defect, not a slow ledger.
 */
export async function waitForBookingsPosted(database: Database, references: readonly string[], timeoutMs: number, what: string): Promise<void> {
  if (references.length === 0) return;
  let last = { posted: 0, rejected: 0, firstRejection: null as string | null };
  try {
    await waitFor(
      async () => {
        last = await bookingProgress(database, references);
        if (last.rejected > 0) throw new Error(`the ledger rejected ${last.rejected} of ${what}; the first: ${last.firstRejection}`);
        return last.posted === references.length ? true : undefined;
      },
      { timeoutMs, intervalMs: 250, what: `the ledger to post ${what}` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} (${last.posted} of ${references.length} posted)`, { cause: error });
  }
}

/** For each booking: ms from its answer to its journal entry's posted_at, and to the order's movement answered (AVAILABLE). */
export interface BookingLag {
  /** To its movement published by money-orders' relay (where the queue takes over): where the time goes. */
  toPublishedMs: number[];
  toEntryMs: number[];
  toAvailableMs: number[];
  /** Bookings with no journal entry (none once waitForBookingsPosted has passed for them). */
  missing: number;
  /** The first and the last of their entries' posted_at (epoch ms): how fast the ledger posted them. */
  firstEntryAtMs: number;
  lastEntryAtMs: number;
}

/**
 * The lag of each booking, from when the bench had its answer to:
 * - its movement event published: money-orders' outbox published_at (the relay's transaction), where the queue
 *   takes over, to tell the relay's share of the lag from the queue's and the ledger's;
 * - its journal entry: accounts.journal_entries (source MONEY_ORDER, the order's reference), posted_at, which is the
 *   posting transaction's start (PostgreSQL's now()), so at most its few ms short of when the entry is visible;
 * - the order AVAILABLE: money-orders' BOOKED movement answered_at, after the ledger's answer has come back
 *   through the queue (what a payout waits for).
 * Both clocks are this machine's (the database server and the subgraph process run here), so the differences are
 * meaningful to the ms. A lag can be a few ms below zero: the relay may have the event posted before the booking's
 * answer, sent after the commit and the code's notification, has come back to the bench.
 */
export async function bookingLag(database: Database, bookings: readonly AnsweredBooking[]): Promise<BookingLag> {
  const lag: BookingLag = { toPublishedMs: [], toEntryMs: [], toAvailableMs: [], missing: 0, firstEntryAtMs: Infinity, lastEntryAtMs: -Infinity };
  for (let i = 0; i < bookings.length; i += CHUNK) {
    const chunk = bookings.slice(i, i + CHUNK);
    const rows = rowsOf<{ reference: string; published_at: Date | string | null; entry_at: Date | string | null; available_at: Date | string | null }>(
      await database.db.execute(sql`
        with wanted(reference) as (select jsonb_array_elements_text(${JSON.stringify(chunk.map((booking) => booking.reference))}::jsonb))
        select w.reference,
               (select x.published_at from money_orders.money_order_ledger_movements m join money_orders.money_orders o on o.id = m.order_id
                  join money_orders.outbox x on x.event_id = m.event_id
                 where o.reference = w.reference and m.movement = 'BOOKED') as published_at,
               (select min(e.posted_at) from accounts.journal_entries e where e.source_type = 'MONEY_ORDER' and e.source_reference = w.reference) as entry_at,
               (select m.answered_at from money_orders.money_order_ledger_movements m join money_orders.money_orders o on o.id = m.order_id
                 where o.reference = w.reference and m.movement = 'BOOKED' and m.status = 'POSTED') as available_at
          from wanted w`),
    );
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    for (const booking of chunk) {
      const row = byReference.get(booking.reference);
      if (!row?.entry_at) {
        lag.missing += 1;
        continue;
      }
      const entryAtMs = new Date(row.entry_at).getTime();
      lag.toEntryMs.push(entryAtMs - booking.answeredAtMs);
      lag.firstEntryAtMs = Math.min(lag.firstEntryAtMs, entryAtMs);
      lag.lastEntryAtMs = Math.max(lag.lastEntryAtMs, entryAtMs);
      if (row.published_at) lag.toPublishedMs.push(new Date(row.published_at).getTime() - booking.answeredAtMs);
      if (row.available_at) lag.toAvailableMs.push(new Date(row.available_at).getTime() - booking.answeredAtMs);
    }
  }
  return lag;
}

const OTP_BODY = /Money order (\d{18}) .*one-time password to collect it: (\d{6})\b/;

/** The payees' one-time passwords the subgraph process wrote to its local outbox, by order reference. */
export async function payeeCodes(outboxDir: string): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  // Newest first: a code sent again would be the one that counts, so the first seen for a reference wins.
  for (const line of await readLocalOutbox(outboxDir)) {
    if (line.kind !== 'MO_OTP') continue;
    const match = OTP_BODY.exec(line.body);
    if (match && !codes.has(match[1]!)) codes.set(match[1]!, match[2]!);
  }
  return codes;
}
