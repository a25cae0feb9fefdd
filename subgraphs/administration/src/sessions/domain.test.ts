import { describe, expect, it } from 'vitest';
import { formatFeedCursor, nextFeedCursor, parseFeedCursor } from './domain.js';

describe('the session feed cursor', () => {
  it('round-trips and refuses anything else', () => {
    expect(parseFeedCursor('12345:67')).toEqual({ xid: '12345', id: '67' });
    expect(formatFeedCursor({ xid: '9', id: '0' })).toBe('9:0');
    for (const bad of ['', '12', 'a:1', '1:-1', '1:2:3', `${'9'.repeat(21)}:1`, '1:1\u0000']) expect(parseFeedCursor(bad)).toBeUndefined();
  });

  it('never passes a transaction that was still running: a row it writes later is still ahead', () => {
    // A page that was not full: everything below xmin has been seen, so the cursor moves up to xmin and no further,
    // even when the page held rows of later transactions (they come again; applying them twice changes nothing).
    expect(nextFeedCursor({ xid: '900', id: '12' }, false, '800')).toEqual({ xid: '800', id: '0' });
    expect(nextFeedCursor(undefined, false, '800')).toEqual({ xid: '800', id: '0' });
    // A full page stops at its last row when that is below xmin (compared as numbers, not text)...
    expect(nextFeedCursor({ xid: '99', id: '5' }, true, '800')).toEqual({ xid: '99', id: '5' });
    // ...and at xmin when its last row is past it.
    expect(nextFeedCursor({ xid: '1000', id: '5' }, true, '800')).toEqual({ xid: '800', id: '0' });
  });
});
