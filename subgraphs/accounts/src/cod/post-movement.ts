import type { Tx } from '@postal/db';
import type { CodMovementPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import { postingDate } from '../business-days/domain.js';
import { LIMITS } from '../journal/domain.js';
import type { JournalEntryRecord, LedgerActor, PostEntryCommand, PostingOrigin } from '../journal/model.js';
import { postEntryInTx, reverseEntryInTx, type PostOptions } from '../journal/posting.js';
import { findEntriesByKeys, readPostingContext } from '../journal/repository.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { prepareBillerAccount } from './biller-accounts.js';
import { CodMovementMismatchError, SettlementNotPostedError } from './errors.js';
import { differenceOffice, type SettlementOffice } from './repository.js';
import { billerOf, billerPayableCode, COD_SOURCE, entryKey, inLockOrder, movementLegs, payoutFailedReason, REVERSAL_LEG, type CodMovementLeg, type MovementPlaces } from './rules.js';

export interface CodPostingOptions {
  /** The operator's business date now: the latest date an entry is normally given. */
  today: string;
  ledgerStartDate?: string | null | undefined;
}

/** cod-settlement's signed name: the ledger's actor for its jobs (a settlement run) and for the biller's own actions. */
export const COD_SETTLEMENT_SERVICE = 'cod-settlement';

/** Who the ledger records: the member of staff who acted (a postman, a finance officer), else the COD service. */
export function movementActor(actor: CodMovementPayload['actor']): LedgerActor {
  if (actor.kind === 'staff' && actor.id) return { kind: 'staff', id: actor.id, ...(actor.username ? { username: actor.username } : {}) };
  return { kind: 'service', id: COD_SETTLEMENT_SERVICE };
}

/** The later of two YYYY-MM-DD dates. */
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Posts every entry of a COD movement in the caller's transaction (a savepoint the consumer rolls back on a refusal),
 * each through the ledger's posting path with all its rules, and answers them in the rules' order. The biller's COD
 * payable is opened first if this is its first use. Entries are idempotent on their own keys, so a movement half
 * posted cannot exist (one transaction) and a replay answers the same entries.
 */
export async function postCodMovement(tx: Tx, payload: CodMovementPayload, options: CodPostingOptions): Promise<JournalEntryRecord[]> {
  const origin: PostingOrigin = { actor: movementActor(payload.actor), manual: false };
  const biller = billerOf(payload);
  const office = biller ? await prepareBillerAccount(tx, biller, payload.currency) : undefined;
  if (payload.movement === 'PAYOUT_FAILED') return [await reverseSettlement(tx, payload, office!, origin, options)];
  const legs = movementLegs(payload, await placesOf(tx, payload));
  if (legs.length === 0 && payload.movement === 'DEPOSITED') {
    // A deposit of nothing against nothing expected moves no money; the office must still be one the ledger knows.
    if (!(await readPostingContext(tx, payload.officeCode, [])).officeKnown) throw new OfficeNotFoundError(payload.officeCode);
  }
  const posted = new Map<string, JournalEntryRecord>();
  for (const leg of inLockOrder(legs)) posted.set(leg.leg, await postLeg(tx, payload, leg, origin, options));
  return legs.map((leg) => posted.get(leg.leg)!);
}

/** A deposit with a difference needs to know where its office keeps differences; nothing else reads the ledger first. */
async function placesOf(tx: Tx, payload: CodMovementPayload): Promise<MovementPlaces> {
  if (payload.movement !== 'DEPOSITED') return {};
  const differs = !new Decimal(payload.shortage).isZero() || !new Decimal(payload.excess).isZero();
  return differs ? { differencesAt: await differenceOffice(tx, payload.officeCode) } : {};
}

/** One leg's entry, dated the movement's business date at the leg's office, or that office's open day if it closed since. */
async function postLeg(tx: Tx, payload: CodMovementPayload, leg: CodMovementLeg, origin: PostingOrigin, options: CodPostingOptions): Promise<JournalEntryRecord> {
  const key = entryKey(payload.movementId, leg.leg);
  // Posted before (whatever date it was posted with): the same entry, not a second one.
  const [earlier] = await findEntriesByKeys(tx, [key]);
  if (earlier) return earlier;
  const context = await readPostingContext(tx, leg.officeCode, []);
  if (!context.officeKnown) throw new OfficeNotFoundError(leg.officeCode);
  const effectiveDate = postingDate(payload.businessDate, context.officeClosedThrough);
  const command: PostEntryCommand = {
    idempotencyKey: key,
    officeCode: leg.officeCode,
    effectiveDate,
    description: leg.description.slice(0, LIMITS.description),
    source: { type: COD_SOURCE, reference: payload.movementId },
    postings: leg.postings.map((posting) => ({ ...posting, currency: payload.currency })),
  };
  // The latest allowed date is the later of today and the entry's: an office that closed today posts into tomorrow.
  const postOptions: PostOptions = { origin, today: later(effectiveDate, options.today), ledgerStartDate: options.ledgerStartDate };
  return (await postEntryInTx(tx, command, postOptions)).entry;
}

/**
 * A failed payout: the entry its SETTLED movement made is reversed through the journal's reversal (the mirror entry,
 * linked to it, at most once), so the biller's payable holds the amount again and the bank, fee and GST lines are
 * undone. Dated the movement's business date at the settlement office, or its open day. Refused when that settlement
 * was never posted (SETTLEMENT_NOT_POSTED) or is another biller's or office's (COD_MOVEMENT_MISMATCH); a settlement
 * already reversed (by another failure, or by hand) is ALREADY_REVERSED.
 */
async function reverseSettlement(
  tx: Tx,
  payload: Extract<CodMovementPayload, { movement: 'PAYOUT_FAILED' }>,
  office: SettlementOffice,
  origin: PostingOrigin,
  options: CodPostingOptions,
): Promise<JournalEntryRecord> {
  const [settled] = await findEntriesByKeys(tx, [entryKey(payload.settledMovementId, 'settlement')]);
  if (!settled) throw new SettlementNotPostedError(payload.settledMovementId);
  const payable = billerPayableCode(payload.settlementOfficeCode, payload.billerCode);
  if (settled.officeCode !== payload.settlementOfficeCode || !settled.postings.some((posting) => posting.accountCode === payable && posting.side === 'DEBIT')) {
    throw new CodMovementMismatchError(payload.settledMovementId, `its entry ${settled.id} at ${settled.officeCode} does not settle ${payable}`);
  }
  // reverseEntryInTx dates the reversal its `today`: the movement's day, or the settlement office's open day.
  const effectiveDate = postingDate(payload.businessDate, office.closedThrough);
  const { entry } = await reverseEntryInTx(
    tx,
    { entryId: settled.id, reason: payoutFailedReason(payload, LIMITS.reason), idempotencyKey: entryKey(payload.movementId, REVERSAL_LEG) },
    { origin, today: effectiveDate, ledgerStartDate: options.ledgerStartDate },
  );
  return entry;
}
