import type { Decimal } from '@postal/money';
import { formatMoney, readAmount, sumAmounts } from '../../format/money';

/**
 * A manual journal's lines as the maker types them, in the voucher layout a finance officer knows: each line an
 * account and an amount in either the debit or the credit column. Amounts stay the typed text; they are read by the
 * server's own rules (readAmount) and summed with decimal.js, never as JavaScript numbers.
 */
export interface DraftLine {
  /** Stable across edits and removals, for React and for focus. */
  key: string;
  accountCode: string;
  debit: string;
  credit: string;
}

export type Side = 'DEBIT' | 'CREDIT';

/** What the browser can already say about one line while it is typed. */
export interface LineCheck {
  side: Side | null;
  amount: Decimal | null;
  /** A problem with the typed amount (shown under the column it was typed in). */
  amountError: string | undefined;
  /** Nothing typed at all: left out when the journal is sent. */
  blank: boolean;
}

export interface JournalTotals {
  debits: Decimal;
  credits: Decimal;
  /** Debits less credits: zero when the journal balances. */
  difference: Decimal;
  balanced: boolean;
  lines: LineCheck[];
}

let lineCounter = 0;
export function newLine(): DraftLine {
  lineCounter += 1;
  return { key: `line-${lineCounter}`, accountCode: '', debit: '', credit: '' };
}

/** One line, checked as the server would check its amount: a decimal with at most the currency's places, above zero. */
export function checkLine(line: DraftLine, currency = 'INR'): LineCheck {
  const debit = line.debit.trim();
  const credit = line.credit.trim();
  const blank = line.accountCode.trim() === '' && debit === '' && credit === '';
  if (debit !== '' && credit !== '') {
    return { side: null, amount: null, amountError: 'A line is a debit or a credit, not both: use two lines.', blank };
  }
  const side: Side | null = debit !== '' ? 'DEBIT' : credit !== '' ? 'CREDIT' : null;
  const text = debit !== '' ? debit : credit;
  if (side === null) return { side, amount: null, amountError: undefined, blank };
  const read = readAmount(text, currency);
  if (!read.ok) return { side, amount: null, amountError: read.message, blank };
  if (read.value.lte(0)) return { side, amount: null, amountError: 'The amount must be greater than zero.', blank };
  return { side, amount: read.value, amountError: undefined, blank };
}

/** The running totals: every amount that reads, summed exactly; a line whose amount does not read counts for nothing. */
export function totalsOf(lines: DraftLine[], currency = 'INR'): JournalTotals {
  const checks = lines.map((line) => checkLine(line, currency));
  const debits = sumAmounts(checks.filter((check) => check.side === 'DEBIT' && check.amount).map((check) => check.amount!));
  const credits = sumAmounts(checks.filter((check) => check.side === 'CREDIT' && check.amount).map((check) => check.amount!));
  const difference = debits.minus(credits);
  return { debits, credits, difference, balanced: difference.isZero() && debits.gt(0), lines: checks };
}

/** A posting as the API takes it, with the draft line it came from (the API's `postings.N` is the Nth sent line). */
export interface SentPosting {
  lineKey: string;
  accountCode: string;
  side: Side;
  amount: string;
}

/**
 * The lines to send, blank ones left out, or the problems that stop it being sent. The checks are the server's (it
 * decides again): a line needs an account and an amount, and the journal two lines and equal sides.
 */
export function postingsOf(lines: DraftLine[], currency = 'INR'): { postings: SentPosting[]; lineErrors: Map<string, { account?: string; amount?: string }>; journalError?: string } {
  const totals = totalsOf(lines, currency);
  const lineErrors = new Map<string, { account?: string; amount?: string }>();
  const postings: SentPosting[] = [];
  lines.forEach((line, index) => {
    const check = totals.lines[index]!;
    if (check.blank) return;
    const errors: { account?: string; amount?: string } = {};
    if (line.accountCode.trim() === '') errors.account = 'Enter the account code.';
    if (check.amountError) errors.amount = check.amountError;
    else if (check.side === null) errors.amount = 'Enter a debit or a credit amount.';
    if (errors.account || errors.amount) lineErrors.set(line.key, errors);
    else postings.push({ lineKey: line.key, accountCode: line.accountCode.trim().toUpperCase(), side: check.side!, amount: check.amount!.toFixed() });
  });
  if (lineErrors.size > 0) return { postings, lineErrors };
  if (postings.length < 2) return { postings, lineErrors, journalError: 'A journal needs at least two lines.' };
  if (!totals.difference.isZero()) {
    return { postings, lineErrors, journalError: `Debits and credits differ by ${formatMoney({ amount: totals.difference.abs().toFixed(), currency })} ${currency}: the journal must balance.` };
  }
  return { postings, lineErrors };
}
