import { createHash, randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import type { Delivery } from '@postal/notify';
import { actorOf } from './actor.js';
import { stageMovement, type Actor } from './changes.js';
import type { OrderDeps } from './deps.js';
import { expiryDate, MAX_CODE_RESENDS, MAX_MESSAGE_LENGTH, monthOf, OTP_TTL_DAYS, voidDate } from './domain.js';
import { IdempotencyConflictError } from './errors.js';
import type { KnownOffice } from '../offices/repository.js';
import { counterOffice } from './offices.js';
import { checkAddress, checkName, checkPhone, maskPhone, normaliseIdDocument } from './parties.js';
import { referenceOf } from './reference.js';
import { findOrderByKey, insertOrder, insertTransition, nextSerial, type MoneyOrderRow } from './repository.js';
import { OTP_LENGTH, randomDigits, SECRET_CODE_LENGTH } from './secrets.js';
import { sendCode } from './notify.js';

export interface BookInput {
  idempotencyKey: string;
  product: string;
  officeCode: string;
  amount: string;
  sender: { name: string; phone: string; address: string; idDocument: string };
  payee: { name: string; phone: string; address: string; payingOfficeCode: string };
  message?: string | null;
  paymentMode: string;
}

export interface CodeDelivery {
  channel: string;
  to: string;
  expiresAt: Date;
  resendsLeft: number;
}

export interface Booked {
  order: MoneyOrderRow;
  codeDelivery: CodeDelivery;
}

const PRODUCTS = new Set(['ORDINARY', 'ELECTRONIC', 'INSTANT', 'SERVICE']);
const PAYMENT_MODES = new Set(['CASH', 'UPI', 'CARD']);
const MAX_KEY_LENGTH = 200;

export function checkIdempotencyKey(value: unknown): string {
  const key = typeof value === 'string' ? value.trim() : '';
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || /[\u0000-\u001f]/.test(key)) {
    throw new BadUserInputError('idempotencyKey', `an idempotency key is 1 to ${MAX_KEY_LENGTH} printable characters`);
  }
  return key;
}

/**
 * The booking as checked at the edge: every party field normalised, so a retry hashes the same. Pure: a bulk upload
 * checks each of its rows with it too.
 */
export function checkBookingInput(input: BookInput) {
  if (!PRODUCTS.has(input.product)) throw new BadUserInputError('product', 'unknown money-order product');
  if (!PAYMENT_MODES.has(input.paymentMode)) throw new BadUserInputError('paymentMode', 'payment is CASH, UPI or CARD');
  const message = input.message == null ? null : input.message.trim().replace(/\s+/g, ' ');
  if (message !== null && (message.length > MAX_MESSAGE_LENGTH || /[\u0000-\u001f\u007f]/.test(message))) {
    throw new BadUserInputError('message', `a message is at most ${MAX_MESSAGE_LENGTH} printable characters`);
  }
  return {
    idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
    product: input.product,
    officeCode: input.officeCode,
    amount: input.amount,
    paymentMode: input.paymentMode,
    message: message === '' ? null : message,
    sender: {
      name: checkName(input.sender?.name, 'sender.name'),
      phone: checkPhone(input.sender?.phone, 'sender.phone'),
      address: checkAddress(input.sender?.address, 'sender.address'),
      idDocument: normaliseIdDocument(input.sender?.idDocument, 'sender.idDocument'),
    },
    payee: {
      name: checkName(input.payee?.name, 'payee.name'),
      phone: checkPhone(input.payee?.phone, 'payee.phone'),
      address: checkAddress(input.payee?.address, 'payee.address'),
      payingOfficeCode: input.payee?.payingOfficeCode,
    },
  };
}

export type CheckedBooking = ReturnType<typeof checkBookingInput>;

/** The booking's content for its idempotency key: a retry with other content is IDEMPOTENCY_CONFLICT. */
export function bookingHash(checked: CheckedBooking): string {
  const { idempotencyKey: _key, ...content } = checked;
  return createHash('sha256').update(JSON.stringify(['book/1', content]), 'utf8').digest('hex');
}

export function deliveryOf(order: MoneyOrderRow): CodeDelivery {
  return { channel: order.codeChannel, to: maskPhone(order.codeSentTo), expiresAt: order.codeExpiresAt, resendsLeft: MAX_CODE_RESENDS - order.codeResends };
}

/** What one booking needs besides its input: where, by whom and when, all fixed before its transaction. */
export interface BookingContext {
  office: KnownOffice;
  payingOffice: KnownOffice;
  actor: Actor;
  now: Date;
  /** The business date of `now` in the operator's zone. */
  today: string;
  requestId: string | undefined;
}

/** An order written in the caller's transaction, with its payout code in clear: to be sent only after commit. */
export interface WrittenBooking {
  order: MoneyOrderRow;
  code: string;
  codeTo: 'payee' | 'sender';
}

/**
 * Books an order at a counter: checked, priced under the tariff in force, the sender's monthly cap reserved, and the
 * order, its timeline's first line and its BOOKED movement to the ledger written in one transaction. The payout code
 * (the payee's OTP, or the iMO secret code for the sender) is stored hashed and sent after commit. A retry with the
 * same key answers the same order without sending again.
 */
export async function bookMoneyOrder(deps: OrderDeps, identity: Identity, input: BookInput, requestId: string): Promise<Booked> {
  const checked = checkBookingInput(input);
  const requestHash = bookingHash(checked);
  const replay = await findOrderByKey(deps.database.db, checked.idempotencyKey);
  if (replay) return answerReplay(replay, requestHash, checked.idempotencyKey);
  const office = await counterOffice(deps.database.db, checked.officeCode, 'officeCode');
  assertCan(identity, 'mo.book', office);
  const payingOffice = await counterOffice(deps.database.db, checked.payee.payingOfficeCode, 'payee.payingOfficeCode');
  const now = deps.clock();
  const context: BookingContext = { office, payingOffice, actor: actorOf(identity), now, today: businessDate(now, deps.timeZone), requestId };
  const written = await transaction(deps.database, 'read committed', (tx) => bookInTransaction(tx, deps, context, checked, requestHash));
  if (!written) {
    // Another request with this key won the race: answer its order.
    const winner = await findOrderByKey(deps.database.db, checked.idempotencyKey);
    if (!winner) throw new Error(`idempotency key ${checked.idempotencyKey} was taken but its order is not visible`);
    return answerReplay(winner, requestHash, checked.idempotencyKey);
  }
  const delivery = await sendCode(deps, written.order, written.code, written.codeTo);
  return { order: written.order, codeDelivery: { ...deliveryOf(written.order), channel: delivery?.channel ?? 'NOT_SENT' } };
}

/**
 * The booking itself, in the caller's transaction (a counter booking's own, or a bulk upload's): priced, limits
 * checked and reserved, the order, its first timeline line and its BOOKED movement written. Undefined when the
 * idempotency key is taken already (nothing is written then). The code is returned in clear for the caller to send
 * after commit, never before: a rolled-back booking must not have told anyone a code.
 */
export async function bookInTransaction(tx: Tx, deps: OrderDeps, context: BookingContext, checked: CheckedBooking, requestHash: string): Promise<WrittenBooking | undefined> {
  const { office, payingOffice, actor, now, today } = context;
  const instant = checked.product === 'INSTANT';
  const code = randomDigits(instant ? SECRET_CODE_LENGTH : OTP_LENGTH);
  const codeTo = instant ? checked.sender.phone : checked.payee.phone;
  const id = randomUUID();
  const quote = await deps.pricing.quote(tx, checked.product, checked.amount, today);
  await deps.pricing.assertOrderLimit(tx, checked.product, quote.amount, today);
  const senderKey = deps.hasher.senderKey(checked.sender.phone, checked.sender.idDocument);
  await deps.pricing.reserveSenderMonthly(tx, { senderKey, month: monthOf(today), product: checked.product, amount: quote.amount, currency: quote.currency, onDate: today });
  const expiresOn = expiryDate(today);
  const row = {
    id,
    reference: referenceOf(today, await nextSerial(tx)),
    product: checked.product,
    status: 'BOOKED',
    currency: quote.currency,
    amount: quote.amount,
    commission: quote.commission,
    tax: quote.tax,
    total: quote.total,
    tariffVersionId: quote.tariffVersionId,
    paymentMode: checked.paymentMode,
    bookingOfficeCode: office.code,
    bookingOfficePath: office.path,
    payingOfficeCode: payingOffice.code,
    payingOfficePath: payingOffice.path,
    senderName: checked.sender.name,
    senderPhone: checked.sender.phone,
    senderAddress: checked.sender.address,
    senderIdDocument: checked.sender.idDocument,
    senderKey,
    payeeName: checked.payee.name,
    payeePhone: checked.payee.phone,
    payeeAddress: checked.payee.address,
    message: checked.message,
    bookedOn: today,
    expiresOn,
    voidOn: voidDate(expiresOn),
    bookedAt: now,
    bookedBy: actor.label,
    codeHash: deps.hasher.hash(id, 'PAYOUT', code),
    codeChannel: deps.notifier.channel,
    codeSentTo: codeTo,
    // An iMO's secret code works as long as the order; an OTP for 30 days, then it is sent again on request.
    codeExpiresAt: instant ? endOfDay(expiresOn) : new Date(now.getTime() + OTP_TTL_DAYS * 86_400_000),
    idempotencyKey: checked.idempotencyKey,
    requestHash,
  } satisfies Parameters<typeof insertOrder>[1];
  if (!(await insertOrder(tx, row))) return undefined;
  await insertTransition(tx, { orderId: id, fromStatus: null, toStatus: 'BOOKED', actor: actor.label, officeCode: office.code, at: now, reason: null });
  const order = { ...row, version: 1, codeResends: 0, failedCodeAttempts: 0, stopCodeAttempts: 0 } as MoneyOrderRow;
  await stageMovement(tx, deps, order, { kind: 'BOOKED', officeCode: office.code }, actor, context.requestId);
  return { order, code, codeTo: instant ? 'sender' : 'payee' };
}

function answerReplay(order: MoneyOrderRow, requestHash: string, key: string): Booked {
  if (order.requestHash !== requestHash) throw new IdempotencyConflictError(key);
  return { order, codeDelivery: deliveryOf(order) };
}

/** The end of a business date in the operator's zone is near enough as 23:59:59 UTC + 1 day margin: codes are not deadlines. */
function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

export type { Delivery };
