/**
 * A parsed statement made ready to store, pure: checked against the bank account it is imported into (the account
 * and the currency), its totals counted, and its hash taken (the same statement from another file is recognised).
 */
import { createHash } from 'node:crypto';
import type { ParsedStatement, StatementLine } from '@postal/bank-statements';
import { Decimal } from '@postal/money';
import { statementIsForAccount } from '../bank-accounts/domain.js';
import type { BankAccountRow } from '../bank-accounts/repository.js';
import { ReconError } from '../errors.js';

export interface PreparedStatement {
  parsed: ParsedStatement;
  contentHash: string;
  opening: { amount: string; date: string } | null;
  closing: { amount: string; date: string } | null;
  fromDate: string | null;
  toDate: string | null;
  creditCount: number;
  debitCount: number;
  creditTotal: string;
  debitTotal: string;
}

/** Booked lines (BOOK, or no status): the ones the balance check and the totals count. */
export function isBooked(line: Pick<StatementLine, 'status'>): boolean {
  return line.status === undefined || line.status === 'BOOK';
}

/** The canonical JSON of a value: keys sorted, so the same statement always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function prepareStatements(statements: readonly ParsedStatement[], account: Pick<BankAccountRow, 'accountNumber' | 'isIban' | 'currency'>): PreparedStatement[] {
  const seen = new Set<string>();
  return statements.map((parsed) => {
    if (!statementIsForAccount(parsed.account, account)) {
      const named = parsed.account.iban ?? parsed.account.other ?? '';
      throw new ReconError('BANK_ACCOUNT_MISMATCH', `statement ${parsed.statementId} is for account ${named.slice(0, 40)}, not ${account.accountNumber}`, {
        field: 'content',
        details: { statementId: parsed.statementId, account: named.slice(0, 40) },
      });
    }
    if (parsed.currency !== account.currency) {
      throw new ReconError('CURRENCY_MISMATCH', `statement ${parsed.statementId} is in ${parsed.currency}; the account is in ${account.currency}`, {
        field: 'content',
        details: { statementId: parsed.statementId, currency: parsed.currency },
      });
    }
    if (seen.has(parsed.statementId)) {
      throw new ReconError('STATEMENT_MALFORMED', `the file holds statement ${parsed.statementId} twice`, { field: 'content', details: { statementId: parsed.statementId } });
    }
    seen.add(parsed.statementId);
    const opening = parsed.balances.find((b) => b.type === 'OPBD') ?? parsed.balances.find((b) => b.type === 'PRCD');
    const closing = parsed.balances.find((b) => b.type === 'CLBD');
    let credit = new Decimal(0);
    let debit = new Decimal(0);
    let creditCount = 0;
    let from: string | null = null;
    let to: string | null = null;
    for (const line of parsed.lines) {
      const day = line.bookingDate ?? line.valueDate;
      if (day !== undefined) {
        if (from === null || day < from) from = day;
        if (to === null || day > to) to = day;
      }
      if (line.direction === 'CREDIT') creditCount += 1;
      if (!isBooked(line)) continue;
      if (line.direction === 'CREDIT') credit = credit.plus(line.amount);
      else debit = debit.plus(line.amount);
    }
    return {
      parsed,
      contentHash: createHash('sha256').update(canonical(parsed)).digest('hex'),
      opening: opening ? { amount: opening.amount, date: opening.date } : null,
      closing: closing ? { amount: closing.amount, date: closing.date } : null,
      fromDate: from,
      toDate: to,
      creditCount,
      debitCount: parsed.lines.length - creditCount,
      creditTotal: credit.toString(),
      debitTotal: debit.toString(),
    };
  });
}
