/**
 * The feed's cursor, pure. A position is (transaction id, row id): the feed is read in that order, and a cursor never
 * passes the oldest transaction still running when a page was read (its `xmin`). A revocation written by a transaction
 * that commits late has an xid at or above that xmin, so the next page still finds it; a cursor on row ids alone
 * would have skipped it for good once a later id committed first.
 */
export interface FeedCursor {
  xid: string;
  id: string;
}

const CURSOR = /^(\d{1,20}):(\d{1,19})$/;

export function parseFeedCursor(text: string): FeedCursor | undefined {
  const match = CURSOR.exec(text);
  return match ? { xid: match[1]!, id: match[2]! } : undefined;
}

export function formatFeedCursor(cursor: FeedCursor): string {
  return `${cursor.xid}:${cursor.id}`;
}

function compare(a: FeedCursor, b: FeedCursor): number {
  const byXid = BigInt(a.xid) - BigInt(b.xid);
  if (byXid !== 0n) return byXid < 0n ? -1 : 1;
  const byId = BigInt(a.id) - BigInt(b.id);
  return byId === 0n ? 0 : byId < 0n ? -1 : 1;
}

/**
 * Where the next page starts. `oldestRunningXid` is the xmin of the snapshot the page was read in: every row below it
 * is visible or never will be, so the cursor may stand at (xmin, 0) (the next page is then every row with xid >= xmin,
 * some of them again: applying a revocation twice changes nothing). A full page stops at its last row, unless that is
 * past the xmin.
 */
export function nextFeedCursor(last: FeedCursor | undefined, pageWasFull: boolean, oldestRunningXid: string): FeedCursor {
  const watermark: FeedCursor = { xid: oldestRunningXid, id: '0' };
  if (!pageWasFull || last === undefined) return watermark;
  return compare(last, watermark) < 0 ? last : watermark;
}
