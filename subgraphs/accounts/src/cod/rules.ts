import type { CodMovementPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import type { PostingInput } from '../journal/model.js';
import { accountCode, subAccountCode } from '../ledger-accounts/chart.js';
import { CodAmountsInconsistentError } from './errors.js';

/*
 * The posting rules of cash on delivery (packages/events payloads.ts, above codMovementSchema; issue 12), as pure
 * functions: a movement in, the entries it makes out. Each entry lies within one office and balances there. D is the
 * delivery office (where a postman's cash sits), S the biller's settlement office (its COD payable and its bank):
 *   COLLECTED CASH:    D = S: at S Dr postman cash 1200 / Cr COD payable (biller)
 *                      D ≠ S: at D Dr 1200 / Cr inter-office clearing 1600, and at S Dr 1600 / Cr COD payable (biller)
 *   COLLECTED UPI/CARD: at S Dr UPI clearing 1400 / Cr COD payable (biller): the money never touched D
 *   DEPOSITED at D:    Dr cash 1100 deposited, Dr staff shortage 1300 / Cr 1200 expected, Cr suspense 2400 excess
 *                      at a branch office B (cash only: no 1300, no 2400) the difference goes to its account office A
 *                      through 1600: at B Dr 1100, Dr 1600 shortage / Cr 1200, Cr 1600 excess; at A Dr 1300 / Cr 1600
 *                      (short) or Dr 1600 / Cr 2400 (over)
 *   DIGITAL_CLEARED:   at S Dr bank 1500 / Cr 1400
 *   SETTLED:           at S Dr COD payable (biller) gross / Cr bank 1500 net, Cr COD fee income 4200, Cr GST 2300
 *   PAYOUT_FAILED:     the SETTLED movement's entry reversed (post-movement.ts, through the journal's reversal)
 *   ADJUSTED:          at S Dr COD claims expense 5100 / Cr COD payable (biller)
 * Zero legs are left out. The biller's COD payable is its own account under 2200 at S: billerPayableCode.
 */

export const HEADS = {
  cash: '1100',
  postmanCash: '1200',
  shortage: '1300',
  upiClearing: '1400',
  bank: '1500',
  interOffice: '1600',
  codPayable: '2200',
  gstPayable: '2300',
  suspense: '2400',
  codFees: '4200',
  codClaims: '5100',
} as const;

/** The source every COD entry carries: its movement's id (the reversal of a failed payout is the journal's REVERSAL). */
export const COD_SOURCE = 'COD';

export type CodLegName = 'collection' | 'payable' | 'deposit' | 'difference' | 'clearing' | 'settlement' | 'adjustment';
/** The leg of a PAYOUT_FAILED movement: the reversal of its SETTLED movement's entry. */
export const REVERSAL_LEG = 'reversal';

/** One entry of a movement: a name unique within the movement, its office, and its lines. */
export interface CodMovementLeg {
  leg: CodLegName;
  officeCode: string;
  description: string;
  postings: PostingInput[];
}

/** The entry's idempotency key: one entry per (movement id, leg), whatever event carried the movement. */
export function entryKey(movementId: string, leg: CodLegName | typeof REVERSAL_LEG): string {
  return `cod/${movementId}/${leg}`;
}

/** A biller's COD payable at its settlement office: `<S>:2200:<billerCode>`. */
export function billerPayableCode(settlementOfficeCode: string, billerCode: string): string {
  return subAccountCode(settlementOfficeCode, HEADS.codPayable, billerCode);
}

/** The settlement office's bank account, which only head offices keep. */
export function bankAccountCode(settlementOfficeCode: string): string {
  return accountCode(settlementOfficeCode, HEADS.bank);
}

type BillerMovement = Exclude<CodMovementPayload, { movement: 'DEPOSITED' }>;

/** The biller account a movement names, to be opened on first use: none for a deposit (the postman's, not a biller's). */
export function billerOf(payload: CodMovementPayload): { settlementOfficeCode: string; billerCode: string } | null {
  if (payload.movement === 'DEPOSITED') return null;
  return { settlementOfficeCode: payload.settlementOfficeCode, billerCode: payload.billerCode };
}

// Amounts go to the posting path as the movement's text: it checks them (INVALID_AMOUNT for more places than the
// currency has), so nothing is rounded here.
const line = (side: PostingInput['side'], code: string, amount: string): PostingInput => ({ accountCode: code, side, amount });
const debit = (officeCode: string, head: string, amount: string) => line('DEBIT', accountCode(officeCode, head), amount);
const credit = (officeCode: string, head: string, amount: string) => line('CREDIT', accountCode(officeCode, head), amount);
const nonZero = (amount: string) => !new Decimal(amount).isZero();

/** Where the ledger keeps what a movement's rules cannot read off the movement itself. */
export interface MovementPlaces {
  /**
   * DEPOSITED: the office whose staff shortage receivable (1300) and suspense (2400) take the deposit's difference: the
   * delivery office itself, or, for a branch office (it keeps cash only), the office it is in account with. Left out: D.
   */
  differencesAt?: string | undefined;
}

/** Every entry a movement makes other than a reversal (PAYOUT_FAILED: none here), in the order they are answered. */
export function movementLegs(payload: CodMovementPayload, places: MovementPlaces = {}): CodMovementLeg[] {
  switch (payload.movement) {
    case 'COLLECTED':
      return collectionLegs(payload);
    case 'DEPOSITED':
      return depositLegs(payload, places.differencesAt ?? payload.officeCode);
    case 'DIGITAL_CLEARED': {
      const s = payload.settlementOfficeCode;
      const description = `COD digital collections of ${payload.billerCode} cleared (${payload.reference})`;
      return [{ leg: 'clearing', officeCode: s, description, postings: [debit(s, HEADS.bank, payload.amount), credit(s, HEADS.upiClearing, payload.amount)] }];
    }
    case 'SETTLED':
      return settlementLegs(payload);
    case 'PAYOUT_FAILED':
      return [];
    case 'ADJUSTED': {
      const s = payload.settlementOfficeCode;
      const description = `COD dispute ${payload.disputeId} upheld for ${payload.articleNumber} (${payload.billerCode})`;
      const payable = line('CREDIT', billerPayableCode(s, payload.billerCode), payload.amount);
      return [{ leg: 'adjustment', officeCode: s, description, postings: [debit(s, HEADS.codClaims, payload.amount), payable] }];
    }
  }
}

function collectionLegs(payload: Extract<CodMovementPayload, { movement: 'COLLECTED' }>): CodMovementLeg[] {
  const { officeCode: d, settlementOfficeCode: s, amount } = payload;
  const payable = line('CREDIT', billerPayableCode(s, payload.billerCode), amount);
  const description = `COD ${payload.articleNumber} collected (${payload.mode}) for ${payload.billerCode}`;
  if (payload.mode !== 'CASH') {
    return [{ leg: 'collection', officeCode: s, description, postings: [debit(s, HEADS.upiClearing, amount), payable] }];
  }
  if (d === s) return [{ leg: 'collection', officeCode: s, description, postings: [debit(s, HEADS.postmanCash, amount), payable] }];
  return [
    { leg: 'collection', officeCode: d, description: `${description}, payable at ${s}`, postings: [debit(d, HEADS.postmanCash, amount), credit(d, HEADS.interOffice, amount)] },
    { leg: 'payable', officeCode: s, description: `${description} at ${d}`, postings: [debit(s, HEADS.interOffice, amount), payable] },
  ];
}

/**
 * A postman's deposit: what was handed over against what the day's cash collections say, the difference a staff
 * shortage or a suspense excess. An all-zero deposit moves nothing and makes no entry. When the difference is kept at
 * another office `a` (a branch office's account office), it crosses there through both offices' clearing (1600), so
 * each entry still balances within its own office.
 */
function depositLegs(payload: Extract<CodMovementPayload, { movement: 'DEPOSITED' }>, a: string): CodMovementLeg[] {
  checkDeposit(payload);
  const d = payload.officeCode;
  const { deposited, expected, shortage, excess } = payload;
  const here = a === d;
  const postings = [
    ...(nonZero(deposited) ? [debit(d, HEADS.cash, deposited)] : []),
    ...(nonZero(shortage) ? [debit(d, here ? HEADS.shortage : HEADS.interOffice, shortage)] : []),
    ...(nonZero(expected) ? [credit(d, HEADS.postmanCash, expected)] : []),
    ...(nonZero(excess) ? [credit(d, here ? HEADS.suspense : HEADS.interOffice, excess)] : []),
  ];
  if (postings.length === 0) return [];
  const description = `COD deposit ${payload.depositId} by postman ${payload.postmanId}`;
  const legs: CodMovementLeg[] = [{ leg: 'deposit', officeCode: d, description, postings }];
  if (!here && nonZero(shortage)) {
    legs.push({ leg: 'difference', officeCode: a, description: `${description} at ${d}: shortage`, postings: [debit(a, HEADS.shortage, shortage), credit(a, HEADS.interOffice, shortage)] });
  }
  if (!here && nonZero(excess)) {
    legs.push({ leg: 'difference', officeCode: a, description: `${description} at ${d}: excess`, postings: [debit(a, HEADS.interOffice, excess), credit(a, HEADS.suspense, excess)] });
  }
  return legs;
}

/** deposited + shortage = expected + excess, and a deposit is short or over, never both. */
export function checkDeposit(payload: Pick<Extract<CodMovementPayload, { movement: 'DEPOSITED' }>, 'expected' | 'deposited' | 'shortage' | 'excess'>): void {
  const { expected, deposited, shortage, excess } = payload;
  if (!new Decimal(deposited).plus(shortage).equals(new Decimal(expected).plus(excess))) {
    throw new CodAmountsInconsistentError('DEPOSITED', `deposited ${deposited} + shortage ${shortage} is not expected ${expected} + excess ${excess}`);
  }
  if (nonZero(shortage) && nonZero(excess)) throw new CodAmountsInconsistentError('DEPOSITED', `a deposit is short (${shortage}) or over (${excess}), not both`);
}

function settlementLegs(payload: Extract<BillerMovement, { movement: 'SETTLED' }>): CodMovementLeg[] {
  checkSettlement(payload);
  const s = payload.settlementOfficeCode;
  const postings = [
    line('DEBIT', billerPayableCode(s, payload.billerCode), payload.gross),
    ...(nonZero(payload.net) ? [credit(s, HEADS.bank, payload.net)] : []),
    ...(nonZero(payload.fee) ? [credit(s, HEADS.codFees, payload.fee)] : []),
    ...(nonZero(payload.tax) ? [credit(s, HEADS.gstPayable, payload.tax)] : []),
  ];
  const description = `COD settlement of ${payload.billerCode}, batch ${payload.batchId}, payout ${payload.payoutId}`;
  return [{ leg: 'settlement', officeCode: s, description, postings }];
}

/** gross = net + fee + tax. */
export function checkSettlement(payload: Pick<Extract<BillerMovement, { movement: 'SETTLED' }>, 'gross' | 'net' | 'fee' | 'tax'>): void {
  const { gross, net, fee, tax } = payload;
  if (!new Decimal(net).plus(fee).plus(tax).equals(gross)) {
    throw new CodAmountsInconsistentError('SETTLED', `gross ${gross} is not net ${net} + fee ${fee} + tax ${tax}`);
  }
}

/**
 * The order the legs are posted in: by office code in code-unit order. An office's account codes all start `<office>:`
 * and no office code contains a colon, so this is the order of the legs' account codes too (the journal locks accounts
 * in code order within an entry): two movements crossing the same two offices in opposite directions queue rather than
 * deadlock.
 */
export function inLockOrder(legs: readonly CodMovementLeg[]): CodMovementLeg[] {
  const key = (leg: CodMovementLeg) => `${leg.officeCode}:`;
  return [...legs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The reason a failed payout's reversal gives (the journal keeps at most 500 characters). */
export function payoutFailedReason(payload: Extract<CodMovementPayload, { movement: 'PAYOUT_FAILED' }>, maxLength: number): string {
  return `COD payout ${payload.payoutId} of ${payload.billerCode} failed: ${payload.reason}`.slice(0, maxLength);
}
