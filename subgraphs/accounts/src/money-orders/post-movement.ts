import type { Tx } from '@postal/db';
import type { MoneyOrderMovementPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import { isUuid } from '@postal/validation';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { captureHoldInTx, expireHoldInTx } from '../journal/holds.js';
import { findHold } from '../journal/holds-repository.js';
import type { JournalEntryRecord, LedgerActor, PostEntryCommand, PostingOrigin } from '../journal/model.js';
import { postEntryInTx, type PostOptions } from '../journal/posting.js';
import { findEntriesByKeys, readPostingContext } from '../journal/repository.js';
import { HoldMismatchError } from './errors.js';
import { postingDate } from '../business-days/domain.js';
import { entryKey, MONEY_ORDER_SOURCE, movementLegs, type MovementLeg } from './rules.js';

export interface MovementPostingOptions {
  /** The operator's business date now: the latest date an entry is normally given. */
  today: string;
  now: Date;
  ledgerStartDate?: string | null | undefined;
}

/** Who the ledger records: the member of staff at the counter, else the money-orders service (its jobs, the sender). */
export function movementActor(actor: MoneyOrderMovementPayload['actor']): LedgerActor {
  if (actor.kind === 'staff' && actor.id) return { kind: 'staff', id: actor.id, ...(actor.username ? { username: actor.username } : {}) };
  return { kind: 'service', id: 'money-orders' };
}

/**
 * Posts every entry of a movement in the caller's transaction (a savepoint the consumer rolls back on a refusal), each
 * through the ledger's posting path with all its rules, and answers them in order. Each entry is idempotent on its own
 * key, so a movement half posted by an earlier attempt cannot exist (one transaction) and a replay answers the same.
 */
export async function postMovement(tx: Tx, payload: MoneyOrderMovementPayload, options: MovementPostingOptions): Promise<JournalEntryRecord[]> {
  const origin: PostingOrigin = { actor: movementActor(payload.actor), manual: false };
  const entries: JournalEntryRecord[] = [];
  for (const leg of movementLegs(payload)) {
    const key = entryKey(payload.reference, payload.movement, leg.leg);
    // Posted before (whatever date or hold it was posted with): the same entry, not a second one.
    const [earlier] = await findEntriesByKeys(tx, [key]);
    if (earlier) {
      entries.push(earlier);
      continue;
    }
    const context = await readPostingContext(tx, leg.officeCode, []);
    if (!context.officeKnown) throw new OfficeNotFoundError(leg.officeCode);
    const effectiveDate = postingDate(payload.businessDate, context.officeClosedThrough);
    const command: PostEntryCommand = {
      idempotencyKey: key,
      officeCode: leg.officeCode,
      effectiveDate,
      description: leg.description,
      source: { type: MONEY_ORDER_SOURCE, reference: payload.reference },
      postings: leg.postings.map((posting) => ({ ...posting, currency: payload.currency })),
    };
    // The latest allowed date is the later of today and the entry's: an office that closed today posts into tomorrow.
    const postOptions: PostOptions = { origin, today: effectiveDate > options.today ? effectiveDate : options.today, ledgerStartDate: options.ledgerStartDate };
    const holdId = leg.paysCash && payload.holdId ? payload.holdId : undefined;
    entries.push(holdId ? await postCashLeg(tx, command, leg, holdId, postOptions, options.now) : (await postEntryInTx(tx, command, postOptions)).entry);
  }
  return entries;
}

/**
 * The leg that pays cash out at the counter, when the counter reserved it: the hold is captured by this entry (its
 * reservation released and the same lines posted). A hold that no longer reserves anything (it lapsed, or was voided)
 * leaves the entry to post as any other: the cash did go out at the counter, so the ledger records it, under the
 * ordinary balance rules. A hold that does not match the leg is refused (HOLD_MISMATCH).
 */
async function postCashLeg(tx: Tx, command: PostEntryCommand, leg: MovementLeg, holdId: string, options: PostOptions, now: Date): Promise<JournalEntryRecord> {
  const hold = isUuid(holdId) ? await findHold(tx, holdId) : undefined;
  if (hold && hold.status === 'PENDING') {
    const [debit, credit] = leg.postings;
    const mismatch =
      hold.officeCode !== leg.officeCode
        ? `it is at office ${hold.officeCode}, not ${leg.officeCode}`
        : hold.debitAccountCode !== debit!.accountCode || hold.creditAccountCode !== credit!.accountCode
          ? `it reserves ${hold.debitAccountCode} / ${hold.creditAccountCode}, not ${debit!.accountCode} / ${credit!.accountCode}`
          : !new Decimal(hold.amount).equals(debit!.amount)
            ? `it reserves ${hold.amount}, not ${debit!.amount}`
            : null;
    if (mismatch) throw new HoldMismatchError(holdId, mismatch);
    if (!(await expireHoldInTx(tx, holdId, now))) {
      const captured = await captureHoldInTx(tx, { holdId, idempotencyKey: command.idempotencyKey, effectiveDate: command.effectiveDate ?? null }, { ...options, now });
      return captured.entry;
    }
  } else if (hold && hold.status === 'CAPTURED') {
    throw new HoldMismatchError(holdId, `it was captured by entry ${hold.captureEntryId}`);
  }
  return (await postEntryInTx(tx, command, options)).entry;
}
