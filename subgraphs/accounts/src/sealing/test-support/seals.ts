import { rowsOf, type Database } from '@postal/db';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { sealAllJournal } from '../sealer.js';

/** The chain's shape: how many seals, the highest position, distinct entries, and whether (xid, seq) rises with it. */
export async function chainShape(database: Database): Promise<{ seals: number; maxPosition: number; distinctEntries: number; ordered: boolean }> {
  const [row] = rowsOf<{ seals: number; max_position: number; distinct_entries: number; ordered: boolean }>(
    await database.db.execute(sql`
      select count(*)::int as seals, coalesce(max(position), 0)::int as max_position, count(distinct entry_id)::int as distinct_entries,
             coalesce(bool_and(previous_xid is null or (entry_xid, entry_seq) > (previous_xid, previous_seq)), true) as ordered
      from (select position, entry_id, entry_xid, entry_seq,
                   lag(entry_xid) over (order by position) as previous_xid, lag(entry_seq) over (order by position) as previous_seq
            from accounts.journal_seals) seals`),
  );
  return { seals: row!.seals, maxPosition: row!.max_position, distinctEntries: row!.distinct_entries, ordered: row!.ordered };
}

export async function entryCount(database: Database): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await database.db.execute(sql`select count(*)::int as count from accounts.journal_entries`));
  return row!.count;
}

/** The chain position of each of the given entries (absent while unsealed). */
export async function positionsOf(database: Database, entryIds: readonly string[]): Promise<Map<string, number>> {
  const rows = rowsOf<{ entry_id: string; position: number }>(
    await database.db.execute(sql`select entry_id::text, position::int from accounts.journal_seals
                                  where entry_id in (${sql.join(entryIds.map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  return new Map(rows.map((row) => [row.entry_id, row.position]));
}

/** How long a test waits for other transactions on a shared server to end before it gives up. */
const SHARED_SERVER_PATIENCE_MS = 60_000;

/**
 * Waits until every entry written so far may be sealed: no transaction older than the newest entry's is still running.
 * On a shared PostgreSQL server a transaction of another test run holds sealing back (xids are cluster-wide, sealer.ts);
 * after this, what a sealing pass does is determined by this test alone.
 */
export async function waitUntilSealable(database: Database): Promise<void> {
  await waitFor(
    async () => {
      const [row] = rowsOf<{ sealable: boolean }>(
        await database.db.execute(sql`select coalesce((select max(xid) from accounts.journal_entries) < pg_snapshot_xmin(pg_current_snapshot()), true) as sealable`),
      );
      return row?.sealable ? true : undefined;
    },
    { timeoutMs: SHARED_SERVER_PATIENCE_MS, what: 'older transactions on the server to end' },
  );
}

/**
 * Seals until every entry is sealed. On a shared PostgreSQL server a transaction of another test file that is still
 * running holds sealing back (xids are cluster-wide, sealer.ts), so this waits for it rather than failing.
 */
export async function sealEverything(database: Database): Promise<void> {
  await waitFor(
    async () => {
      await sealAllJournal(database);
      return (await chainShape(database)).seals === (await entryCount(database)) ? true : undefined;
    },
    { timeoutMs: SHARED_SERVER_PATIENCE_MS, what: 'every entry to be sealed' },
  );
}
