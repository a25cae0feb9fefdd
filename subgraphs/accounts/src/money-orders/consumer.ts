import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { newEvent, type AnyEvent, type MoneyOrderMovementPayload, type TypedEvent } from '@postal/events';
import { isExpectedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import type { MovementResult } from './model.js';
import { postMovement } from './post-movement.js';
import { findMovementResult, insertMovementResult, lockMovement } from './repository.js';

/** Where accounts hears `money-order.movement` (packages/events catalogue). */
export const MONEY_ORDERS_QUEUE = 'accounts.money-orders';

/** The longest error message an answer carries (the event's limit for reasons). */
const MAX_MESSAGE_LENGTH = 500;

export interface MoneyOrderConsumerOptions {
  clock?: () => Date;
  /** The operator's time zone: the business date today, the latest an entry is normally dated. */
  timeZone?: string;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
}

/**
 * Posts each money-order movement's entries (rules.ts) and answers money-orders with `money-order.movement-posted`,
 * staged in the same transaction as the entries (consumeIdempotently's), so an answer is sent exactly when the
 * entries commit:
 * - POSTED with the entries' ids;
 * - REJECTED with the rule's code and message when the ledger refuses it for a business reason (any ExpectedError:
 *   an unknown office, a frozen or closed account, an unbalanced entry, a day before the ledger start...). The refused
 *   attempt is rolled back to a savepoint, the refusal recorded (money_order_movements) and answered: never thrown, so
 *   the event never sits in the queue's retries. money-orders shows it in its reconciliation for a person to act on.
 * - Anything else (the database unavailable, a bug) throws: the delivery rolls back and the queue retries it.
 * A movement is handled once per (reference, movement) whatever the event id: a later copy is answered again with the
 * recorded outcome, and posts nothing.
 */
export function createMoneyOrderConsumer(options: MoneyOrderConsumerOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;

  async function attempt(tx: Tx, payload: MoneyOrderMovementPayload): Promise<Omit<MovementResult, 'reference' | 'movement' | 'moneyOrderId'>> {
    const now = clock();
    try {
      const entries = await tx.transaction((savepoint) => postMovement(savepoint, payload, { today: businessDate(now, timeZone), now, ledgerStartDate: options.ledgerStartDate }));
      return { outcome: 'POSTED', entryIds: entries.map((entry) => entry.id), error: null };
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      return { outcome: 'REJECTED', entryIds: [], error: { code: error.code, message: error.message.slice(0, MAX_MESSAGE_LENGTH) } };
    }
  }

  return async function onMoneyOrderMovement(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'money-order.movement') throw new Error(`${MONEY_ORDERS_QUEUE} does not take ${event.type} events`);
    const payload = (event as TypedEvent<'money-order.movement'>).payload;
    await lockMovement(tx, payload.reference, payload.movement);
    let result = await findMovementResult(tx, payload.reference, payload.movement);
    if (!result) {
      result = { reference: payload.reference, movement: payload.movement, moneyOrderId: payload.moneyOrderId, ...(await attempt(tx, payload)) };
      await insertMovementResult(tx, { ...result, eventId: event.id });
    }
    await stageEvents(tx, { outbox, processedEvents }, [
      newEvent(
        'money-order.movement-posted',
        {
          movement: result.movement,
          moneyOrderId: result.moneyOrderId,
          reference: result.reference,
          outcome: result.outcome,
          entryIds: result.entryIds,
          ...(result.error ? { error: result.error } : {}),
          postedAt: clock().toISOString(),
        },
        { source: 'accounts', requestId: event.requestId ?? event.id },
      ),
    ]);
  };
}
