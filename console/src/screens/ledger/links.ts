import { operatorToday } from '../../format/dates';

/**
 * Where the ledger's screens live, so every link to them (from this section, the journal screens, the dashboard)
 * is built one way. Account codes hold a colon (`NDGPO:1100`): they are encoded as one path segment.
 */
export function statementPath(accountCode: string, range?: { from?: string; to?: string }): string {
  const query = new URLSearchParams();
  if (range?.from) query.set('from', range.from);
  if (range?.to) query.set('to', range.to);
  const search = query.toString();
  return `/ledger/accounts/${encodeURIComponent(accountCode)}/statement${search ? `?${search}` : ''}`;
}

export function entryPath(entryId: string): string {
  return `/ledger/entries/${encodeURIComponent(entryId)}`;
}

export function trialBalancePath(filters: { asOf?: string; office?: string } = {}): string {
  const query = new URLSearchParams(Object.entries(filters).filter((pair): pair is [string, string] => Boolean(pair[1])));
  const search = query.toString();
  return `/ledger/trial-balance${search ? `?${search}` : ''}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as the API's Date scalar takes it (the server checks it is a real day). */
export function isDateText(text: string): boolean {
  return DATE.test(text);
}

/**
 * A statement's default period: the current month so far, in the operator's time zone. A busy counter's cash account
 * takes thousands of lines a month; the person widens the period when they need to.
 */
export function defaultStatementRange(now = new Date()): { from: string; to: string } {
  const to = operatorToday(now);
  return { from: `${to.slice(0, 8)}01`, to };
}
