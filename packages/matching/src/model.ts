import type { Counterparty, Direction, LineReferences } from '@postal/bank-statements';

/**
 * What the engine matches (issue 13): bank statement lines on one side, "open items" from our own books on the other.
 * Amounts are positive decimal strings with at most the currency's minor units (never floats); dates 'YYYY-MM-DD'.
 */

export type { Counterparty, Direction, LineReferences };

/** One booked line of a bank statement (from @postal/bank-statements' StatementLine), with a stable id of our own. */
export interface BankLine {
  id: string;
  direction: Direction;
  amount: string;
  currency: string;
  /** The date the window is measured from: a line always has one; the value date is only carried. */
  bookingDate: string;
  valueDate?: string;
  references: LineReferences;
  remittance?: string;
  counterparty?: Counterparty;
}

/**
 * What our books expect to see on the bank:
 * - PAYOUT: a COD settlement paid to a biller (a DEBIT), with the UTR once the bank gave one and the batch reference;
 * - AGGREGATOR_CREDIT: a UPI/card collection for a COD article (a CREDIT); the aggregator pays many in one credit, so
 *   the collections share a groupKey (its settlement id);
 * - CASH_DEPOSIT: office cash paid into the bank (a CREDIT), with the deposit slip number;
 * - MONEY_ORDER: a money order moving through the bank (either way).
 */
export type ItemKind = 'PAYOUT' | 'AGGREGATOR_CREDIT' | 'CASH_DEPOSIT' | 'MONEY_ORDER';
export const ITEM_KINDS: readonly ItemKind[] = ['PAYOUT', 'AGGREGATOR_CREDIT', 'CASH_DEPOSIT', 'MONEY_ORDER'];

export interface ItemReferences {
  /** NEFT UTR (22 characters, 16 before 2024) or RTGS UTR (`XXXXRCYYYYMMDD########`). */
  utr?: string;
  /** Our settlement batch's reference, which we send to the bank with the payment file. */
  batchReference?: string;
  /** The end-to-end id we gave the payment (pain.001 EndToEndId). */
  endToEndId?: string;
  /** IMPS/UPI retrieval reference number (12 digits). */
  rrn?: string;
  /** A cash deposit's pay-in slip number. */
  depositSlip?: string;
  /** A money order's number. */
  moneyOrderNumber?: string;
}

export interface OpenItem {
  id: string;
  kind: ItemKind;
  /** The direction the item should appear with on the bank: a payout is a DEBIT, a deposit or a collection a CREDIT. */
  direction: Direction;
  amount: string;
  currency: string;
  /** The day the money moved in our books (payout initiated, collection taken, cash deposited). */
  date: string;
  references: ItemReferences;
  counterparty?: Counterparty;
  /**
   * Items the bank pays or books as one: the aggregator's settlement id for its collections, a biller and day for a
   * settlement's payouts. ONE_TO_MANY rules match one line against a whole group.
   */
  groupKey?: string;
}

export type MatchStatus = 'CONFIRMED' | 'SUGGESTED';

/** One fact a match rests on: which field, what the line(s) said, what the item(s) said. */
export interface Evidence {
  /** `reference`, `amount`, `date`, `counterparty`, `group`. */
  field: string;
  lineValue: string;
  itemValue: string;
  /** How they compare: `utr = utr`, `within tolerance 1.00`, `2 days`, `account`. */
  detail?: string;
}

export interface Match {
  ruleId: string;
  strategy: 'ONE_TO_ONE' | 'ONE_TO_MANY' | 'MANY_TO_ONE';
  /** Sorted. */
  lineIds: string[];
  /** Sorted. */
  itemIds: string[];
  /** 0..1 with four decimals, e.g. "0.9800". */
  confidence: string;
  status: MatchStatus;
  evidence: Evidence[];
  /** Line total − items total, as a decimal string in the currency ("0.00", "-1.50"). */
  difference: string;
  currency: string;
}

export interface MatchResult {
  /** In the order they were accepted: by rule priority, then the tie-break order within each rule. */
  matches: Match[];
  /** Sorted. */
  unmatchedLineIds: string[];
  /** Sorted. */
  unmatchedItemIds: string[];
}
