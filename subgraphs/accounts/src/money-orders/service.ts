import type { Identity, SignedRequestContext } from '@postal/auth';
import { isCalendarDate } from '@postal/calendar';
import { transaction, type Database } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { moneyOf, type MoneyOutput } from '../reports/amounts.js';
import { ledgerActor } from '../journal/actor.js';
import { CurrencyMismatchError, IdempotencyConflictError } from '../journal/errors.js';
import { placeHoldInTx } from '../journal/holds.js';
import { findHoldByKey } from '../journal/holds-repository.js';
import type { HoldRecord, JournalEntryRecord, PostingOrigin } from '../journal/model.js';
import { findEntriesByIds, listEntryIds } from '../journal/repository.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { LEDGER_CURRENCY } from '../ledger-accounts/office-events.js';
import type { Loaders } from '../loaders.js';
import type { CashReservation } from './model.js';
import { controlBalance } from './repository.js';
import { cashMovementLegs, holdKey, MONEY_ORDER_SOURCE } from './rules.js';

/** The only caller of the service-only operations: the money-orders subgraph's signed identity. */
export const MONEY_ORDERS_SERVICE = 'money-orders';

/**
 * How long a counter's cash reservation lasts uncaptured. money-orders reserves inside its payout transaction; if that
 * transaction rolls back, nothing captures the hold, and the sweep releases it after this. Long enough that a movement
 * held up in the outbox is still captured (a lapsed hold is not an error, only no longer a reservation: post-movement.ts).
 */
export const CASH_RESERVATION_MS = 24 * 60 * 60 * 1000;

/** Entries one money order lists: a booking, a payout or refund (two each across offices), an expiry, a void. */
const MAX_ENTRIES_PER_ORDER = 50;

const REFERENCE = /^\d{18}$/;

function requireMoneyOrders(identity: Identity, what: string): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (identity.kind !== 'service' || identity.service !== MONEY_ORDERS_SERVICE) throw new ForbiddenError(`${what} is for the money-orders service only`);
}

function withoutHash(hold: HoldRecord & { requestHash?: string }): HoldRecord {
  const { requestHash: _hash, ...record } = hold;
  return record;
}

function checkReservation(input: CashReservation): void {
  if (typeof input.reference !== 'string' || !REFERENCE.test(input.reference)) throw new BadUserInputError('reference', 'a money-order reference is 18 digits');
  if (input.movement !== 'PAID' && input.movement !== 'REFUNDED') throw new BadUserInputError('movement', 'cash is reserved for PAID or REFUNDED');
  if (input.movement === 'PAID' && input.fromExpired) throw new BadUserInputError('fromExpired', 'an expired order is refunded, not paid');
  for (const field of ['officeCode', 'bookingOfficeCode'] as const) {
    const code = input[field];
    if (typeof code !== 'string' || code.length === 0 || code.length > 64) throw new BadUserInputError(field, `${field} is 1 to 64 characters`);
  }
}

export interface MoneyOrderLedgerServiceOptions {
  clock?: () => Date;
  loaders: Loaders;
}

/** The ledger's service-only side of money orders (reserve cash, the control balance) and an order's entries. */
export function createMoneyOrderLedgerService(database: Database, options: MoneyOrderLedgerServiceOptions) {
  const clock = options.clock ?? (() => new Date());
  const { loaders } = options;

  return {
    /**
     * Reserves the counter office's cash for a payout or refund: a hold debiting what the movement's cash leg debits
     * (MO payable or expired MO payable at the booking office, or the counter's inter-office clearing for an order
     * booked elsewhere) and crediting the counter's cash, so the balance rules refuse a reservation the cash (less
     * other holds) cannot cover: INSUFFICIENT_FUNDS. One hold per (reference, movement): asking again, whatever has
     * become of it, answers the same hold.
     */
    async reserveMoneyOrderCash(context: SignedRequestContext, input: CashReservation): Promise<HoldRecord> {
      requireMoneyOrders(context.identity, 'reserving money-order cash');
      checkReservation(input);
      const key = holdKey(input.reference, input.movement);
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      const cashLeg = cashMovementLegs(input).find((leg) => leg.paysCash)!;
      const [debit, credit] = cashLeg.postings;
      return transaction(database, 'read committed', async (tx) => {
        const existing = await findHoldByKey(tx, key);
        if (existing) return withoutHash(existing);
        const now = clock();
        try {
          const { hold } = await placeHoldInTx(
            tx,
            {
              idempotencyKey: key,
              officeCode: cashLeg.officeCode,
              description: cashLeg.description,
              source: { type: MONEY_ORDER_SOURCE, reference: input.reference },
              debitAccountCode: debit!.accountCode,
              creditAccountCode: credit!.accountCode,
              amount: input.amount,
              expiresAt: new Date(now.getTime() + CASH_RESERVATION_MS),
            },
            origin,
            now,
          );
          // The order's currency must be the accounts' (rolled back with the hold otherwise).
          if (hold.currency !== input.currency) throw new CurrencyMismatchError(credit!.accountCode, hold.currency, input.currency);
          return hold;
        } catch (error) {
          // Two reservations racing on the key: the one that won is the answer.
          if (error instanceof IdempotencyConflictError) {
            const winner = await findHoldByKey(tx, key);
            if (winner) return withoutHash(winner);
          }
          throw error;
        }
      });
    },

    /** Credit balance of 2100 + 2110 over the office's subtree, as of the end of asOf (money-orders' reconciliation). */
    async moneyOrderControlBalance(identity: Identity, asOf: string, officeCode: string): Promise<MoneyOutput> {
      requireMoneyOrders(identity, 'the money-order control balance');
      if (!isCalendarDate(asOf)) throw new BadUserInputError('asOf', 'asOf must be a date, YYYY-MM-DD');
      const path = await loaders.officePaths.load(officeCode);
      if (path === null || path === undefined) throw new OfficeNotFoundError(officeCode);
      return moneyOf(await controlBalance(database.db, path, asOf, LEDGER_CURRENCY), LEDGER_CURRENCY);
    },

    /** The order's entries in posting order, those in the caller's ledger.read scope (services read them all). */
    async ledgerEntriesOf(identity: Identity, reference: string): Promise<JournalEntryRecord[]> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const rows = await listEntryIds(database.db, {
        reader: identity,
        filter: { sourceType: MONEY_ORDER_SOURCE, sourceReference: reference },
        limit: MAX_ENTRIES_PER_ORDER,
      });
      const entries = new Map((await findEntriesByIds(database.db, rows.map((row) => row.id))).map((entry) => [entry.id, entry]));
      return rows
        .map((row) => entries.get(row.id)!)
        .sort((a, b) => a.seq - b.seq);
    },
  };
}

export type MoneyOrderLedgerService = ReturnType<typeof createMoneyOrderLedgerService>;
