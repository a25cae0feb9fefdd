import { createHash } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { BadUserInputError, type ExpectedError } from '@postal/errors';
import { actorOf } from './actor.js';
import { checkIdempotencyKey } from './book.js';
import { visible } from './lifecycle.js';
import { applyChange } from './changes.js';
import type { OrderDeps } from './deps.js';
import { MAX_CODE_ATTEMPTS } from './domain.js';
import {
  AlreadyPaidError,
  CodeExpiredError,
  IdempotencyConflictError,
  InvalidReferenceError,
  InvalidTransitionError,
  MoneyOrderLockedError,
  MoneyOrderNotFoundError,
  WrongCodeError,
  WrongOfficeError,
} from './errors.js';
import { counterOffice } from './offices.js';
import { normaliseIdDocument } from './parties.js';
import { isValidReference } from './reference.js';
import { findOrderById, findRequest, insertRequest, lockOrder, updateOrder, type MoneyOrderRow } from './repository.js';
import { normaliseCode } from './secrets.js';

export interface PayInput {
  reference: string;
  officeCode: string;
  otp?: string | null;
  secretCode?: string | null;
  payeeIdDocument: string;
  idempotencyKey: string;
}

/** What a payout's first look decided under the lock: paid already (this request), or a refusal to answer after the wrong-code count committed. */
type Outcome = { paid: MoneyOrderRow } | { refusal: ExpectedError };

/**
 * Pays an order exactly once, in three steps so that no transaction is open while the ledger is asked: under the
 * order's row lock, the state, the office and the code (a wrong one is counted, and the fifth locks the order,
 * committed even though the payout is refused); then the paying office's cash is reserved in the ledger
 * (INSUFFICIENT_FUNDS at the counter, not later in a consumer); then, under the lock again, the order becomes PAID with
 * its PAID movement. Fifty payouts at once queue on the lock; the first to come back pays and the others find it PAID
 * (ALREADY_PAID). A retry with the same idempotency key answers the paid order.
 */
export async function payMoneyOrder(deps: OrderDeps, identity: Identity, input: PayInput, requestId: string): Promise<MoneyOrderRow> {
  if (!isValidReference(input.reference)) throw new InvalidReferenceError();
  const key = checkIdempotencyKey(input.idempotencyKey);
  const payeeIdDocument = normaliseIdDocument(input.payeeIdDocument, 'payeeIdDocument');
  const requestHash = createHash('sha256').update(JSON.stringify(['pay/1', input.reference, input.officeCode, payeeIdDocument]), 'utf8').digest('hex');
  const replay = await replayOf(deps, key, requestHash);
  if (replay) return replay;
  const office = await counterOffice(deps.database.db, input.officeCode, 'officeCode');
  assertCan(identity, 'mo.pay', office);
  // 1. Under the row lock: the state, the office and the code. A wrong code is counted and commits with the refusal.
  const checked = await transaction(deps.database, 'read committed', async (tx): Promise<Outcome | { ready: MoneyOrderRow }> => {
    const order = await lockPayable(tx, deps, identity, input, office.code, key, requestHash);
    if ('paid' in order) return order;
    const codeRefusal = await checkCode(tx, deps, order.order, input, identity, office.code);
    return codeRefusal ? { refusal: codeRefusal } : { ready: order.order };
  });
  if ('refusal' in checked) throw checked.refusal;
  if ('paid' in checked) return checked.paid;
  // 2. The paying office's cash, reserved by the ledger, with no transaction open here: the ledger may share this
  //    database (the embedded default has one connection, which an open transaction would hold while accounts waits).
  //    The reservation is idempotent on (reference, PAID): concurrent payouts with the right code share one hold.
  const order = checked.ready;
  const holdId = await deps.ledger.reserveCash(
    { reference: order.reference, movement: 'PAID', officeCode: office.code, bookingOfficeCode: order.bookingOfficeCode, amount: order.amount, currency: order.currency, fromExpired: false },
    requestId,
  );
  // 3. Under the lock again: whoever gets here first pays; the others find it PAID (ALREADY_PAID). An order locked,
  //    stopped or re-coded in between is refused as it now stands; the unused hold lapses (accounts' hold expiry).
  return transaction(deps.database, 'read committed', async (tx) => {
    const again = await lockPayable(tx, deps, identity, input, office.code, key, requestHash);
    if ('paid' in again) return again.paid;
    const code = normaliseCode(again.order.product === 'INSTANT' ? input.secretCode : input.otp) ?? '';
    if (!deps.hasher.matches(again.order.id, 'PAYOUT', code, again.order.codeHash)) throw new WrongCodeError(MAX_CODE_ATTEMPTS - again.order.failedCodeAttempts, again.order.product === 'INSTANT' ? 'secretCode' : 'otp');
    if (!(await insertRequest(tx, { idempotencyKey: key, action: 'PAY', orderId: again.order.id, requestHash, createdAt: deps.clock() }))) throw new IdempotencyConflictError(key);
    return applyChange(tx, deps, {
      order: again.order,
      to: 'PAID',
      actor: actorOf(identity),
      officeCode: office.code,
      set: { paidAt: deps.clock(), settledOfficeCode: office.code, settledOn: businessDate(deps.clock(), deps.timeZone), payeeIdDocument, failedCodeAttempts: 0 },
      movement: { kind: 'PAID', officeCode: office.code, holdId },
      requestId,
    });
  });
}

/** The locked order if it can be paid here, its earlier payout by this same request, or the refusal that says why not. */
async function lockPayable(tx: Tx, deps: OrderDeps, identity: Identity, input: PayInput, officeCode: string, key: string, requestHash: string): Promise<{ order: MoneyOrderRow } | { paid: MoneyOrderRow }> {
  const order = await lockOrder(tx, input.reference);
  // An order neither booked nor payable in the caller's scope is not found (a reference is no way to learn where an
  // order is going), unless it is an iMO, which any counter may pay against its secret code.
  if (!order || (order.product !== 'INSTANT' && !visible(identity, order))) throw new MoneyOrderNotFoundError(input.reference);
  if (order.status === 'PAID') {
    const again = await replayOf(deps, key, requestHash, tx);
    if (again) return { paid: again };
    throw new AlreadyPaidError(order.reference);
  }
  if (order.status === 'LOCKED') throw new MoneyOrderLockedError(order.reference, order.lockReason);
  if (order.status !== 'AVAILABLE') throw new InvalidTransitionError(order.reference, order.status, 'paid');
  // An iMO is paid at any counter office; the others at the office the sender chose.
  if (order.product !== 'INSTANT' && order.payingOfficeCode !== officeCode) throw new WrongOfficeError(order.reference, order.payingOfficeCode);
  return { order };
}

/** The order a retried request already paid, or IDEMPOTENCY_CONFLICT when the key was used for another request. */
async function replayOf(deps: OrderDeps, key: string, requestHash: string, tx?: Tx): Promise<MoneyOrderRow | undefined> {
  const db = tx ?? deps.database.db;
  const earlier = await findRequest(db, key);
  if (!earlier) return undefined;
  if (earlier.action !== 'PAY' || earlier.requestHash !== requestHash) throw new IdempotencyConflictError(key);
  return findOrderById(db, earlier.orderId);
}

/**
 * Checks the payout code on the locked row. A wrong code is counted in this transaction, which then commits with the
 * count (and, at the fifth, the order LOCKED) while the payout is refused.
 */
async function checkCode(tx: Tx, deps: OrderDeps, order: MoneyOrderRow, input: PayInput, identity: Identity, officeCode: string): Promise<ExpectedError | undefined> {
  const field = order.product === 'INSTANT' ? 'secretCode' : 'otp';
  const code = normaliseCode(order.product === 'INSTANT' ? input.secretCode : input.otp);
  if (code === undefined) throw new BadUserInputError(field, order.product === 'INSTANT' ? 'give the 16-digit secret code' : 'give the payee\'s one-time password');
  if (deps.hasher.matches(order.id, 'PAYOUT', code, order.codeHash)) {
    if (order.codeExpiresAt.getTime() < deps.clock().getTime()) return new CodeExpiredError();
    return undefined;
  }
  const attempts = order.failedCodeAttempts + 1;
  if (attempts >= MAX_CODE_ATTEMPTS) {
    await applyChange(tx, deps, {
      order,
      to: 'LOCKED',
      actor: actorOf(identity),
      officeCode,
      reason: `${MAX_CODE_ATTEMPTS} wrong codes`,
      set: { failedCodeAttempts: attempts, lockReason: 'TOO_MANY_WRONG_CODES', lockedFromStatus: order.status },
    });
    return new WrongCodeError(0, field);
  }
  await updateOrder(tx, order.id, { failedCodeAttempts: attempts });
  return new WrongCodeError(MAX_CODE_ATTEMPTS - attempts, field);
}
