import { isCalendarDate } from '@postal/calendar';
import type { Db, Tx } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { decodeCursor, encodeCursor } from '@postal/server';
import { HeaderAccountError } from '../journal/errors.js';
import type { PostingSide } from '../journal/model.js';
import type { AccountRecord } from '../ledger-accounts/model.js';
import { findAccount } from '../ledger-accounts/repository.js';
import { balanceOnNormalSide, moneyOf, type MoneyOutput } from './amounts.js';
import { balanceAsOf, statementPageRows, type LedgerPosition } from './repository.js';

/** Statement pages are larger than other lists (schema: at most 500): a statement is read through, page after page. */
export const MAX_STATEMENT_PAGE_SIZE = 500;
export const DEFAULT_STATEMENT_PAGE_SIZE = 100;

export interface StatementLine {
  entryId: string;
  postingId: string;
  effectiveDate: string;
  description: string;
  side: PostingSide;
  amount: MoneyOutput;
  /** The balance after this line, on the account's normal side. */
  runningBalance: MoneyOutput;
}

export interface AccountStatementReport {
  account: AccountRecord;
  from: string;
  to: string;
  /** The balance at the start of `from` (as of the day before). */
  openingBalance: MoneyOutput;
  /** The balance at the end of `to`. */
  closingBalance: MoneyOutput;
  edges: Array<{ cursor: string; node: StatementLine }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface StatementQuery {
  accountCode: string;
  from: string;
  to: string;
  first?: number | null;
  after?: string | null;
}

export function statementPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_STATEMENT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_STATEMENT_PAGE_SIZE) {
    throw new BadUserInputError('first', `first must be between 1 and ${MAX_STATEMENT_PAGE_SIZE}`, { max: MAX_STATEMENT_PAGE_SIZE });
  }
  return size;
}

/**
 * Where a page starts: just after the cursor's posting, or (page 1) just before `from`, which is the position
 * (from, posting 0) since posting ids start at 1. A cursor is (effective date, posting id) of the last line shown.
 */
export function startPosition(from: string, after: string | null | undefined): LedgerPosition & { throughPostingId: string } {
  const key = decodeCursor(after, 2);
  if (key === undefined) return { date: from, throughPostingId: '0' };
  const [date, postingId] = key as [string, string];
  if (!isCalendarDate(date) || !/^[1-9][0-9]{0,18}$/.test(postingId) || date < from) {
    throw new BadUserInputError('after', 'the cursor is not one of this statement');
  }
  return { date, throughPostingId: postingId };
}

/**
 * One page of an account's statement between two dates (inclusive), in posting order (effective date, posting id).
 * Every page costs the same however deep: the balance where the page starts is the balance-as-of rule at the cursor
 * (the latest daily row before the cursor's day, plus the postings after it up to the cursor's posting), never a sum
 * of the pages before; the page itself is one range scan of postings(account_code, effective_date, id) from the cursor,
 * and each line's running balance a window sum over the page added to that start. Opening and closing balances are
 * the same rule at `from - 1` and `to`. (On a 2-million-posting ledger, EXPLAIN ANALYZE of page 1 and of a page 200
 * lines deep each read 516 buffers.)
 *
 * Undefined when there is no such account; HEADER_ACCOUNT for a header, which has no postings of its own. `known` is
 * the account's row when the caller has it already (one query less per page).
 */
export async function accountStatement(db: Db | Tx, query: StatementQuery, known?: AccountRecord): Promise<AccountStatementReport | undefined> {
  const { accountCode, from, to } = query;
  if (!isCalendarDate(from)) throw new BadUserInputError('from', `${from} is not a calendar date (YYYY-MM-DD)`);
  if (!isCalendarDate(to)) throw new BadUserInputError('to', `${to} is not a calendar date (YYYY-MM-DD)`);
  if (from > to) throw new BadUserInputError('to', 'the statement ends before it starts');
  const size = statementPageSize(query.first);
  const start = startPosition(from, query.after);
  // The caller that has just read the account (the report service, through the request's loader) passes it in.
  const account = known ?? (await findAccount(db, accountCode));
  if (!account) return undefined;
  if (account.kind === 'HEADER' || account.currency === null) throw new HeaderAccountError(accountCode);
  const currency = account.currency;

  const [opening, closing, rows] = await Promise.all([
    balanceAsOf(db, accountCode, { date: from, throughPostingId: '0' }),
    balanceAsOf(db, accountCode, { date: to }),
    statementPageRows(db, account, start, to, size),
  ]);
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({
    cursor: encodeCursor([row.effective_date, row.posting_id]),
    node: {
      entryId: row.entry_id,
      postingId: row.posting_id,
      effectiveDate: row.effective_date,
      description: row.description,
      side: row.side,
      amount: moneyOf(row.amount, currency),
      runningBalance: moneyOf(row.running_balance, currency),
    },
  }));
  return {
    account,
    from,
    to,
    openingBalance: moneyOf(balanceOnNormalSide(account.type, opening.debitTotal, opening.creditTotal), currency),
    closingBalance: moneyOf(balanceOnNormalSide(account.type, closing.debitTotal, closing.creditTotal), currency),
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
