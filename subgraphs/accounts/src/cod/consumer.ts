import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { newEvent, type AnyEvent, type CodMovementPayload, type TypedEvent } from '@postal/events';
import { isExpectedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import type { CodMovementResult } from './model.js';
import { postCodMovement } from './post-movement.js';
import { findMovementResult, insertMovementResult, lockMovement } from './repository.js';

/** Where accounts hears `cod.movement` (packages/events catalogue). */
export const COD_QUEUE = 'accounts.cod';

/** The longest error message an answer carries (the event's limit for reasons). */
const MAX_MESSAGE_LENGTH = 500;

export interface CodConsumerOptions {
  clock?: () => Date;
  /** The operator's time zone: the business date today, the latest an entry is normally dated. */
  timeZone?: string;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
}

/**
 * Posts each COD movement's entries (rules.ts) and answers cod-settlement with `cod.movement-posted`, staged in the
 * same transaction as the entries (consumeIdempotently's), so an answer is sent exactly when the entries commit:
 * - POSTED with the entries' ids (none for a deposit of nothing);
 * - REJECTED with the rule's code and message when the ledger refuses it for a business reason (any ExpectedError:
 *   an unknown office, a settlement office with no bank, amounts that do not add up, a settlement beyond what the
 *   biller is owed, a failed payout whose settlement was never posted...). The refused attempt is rolled back to a
 *   savepoint (the biller's account it may have opened with it), the refusal recorded (cod_movements) and answered:
 *   never thrown, so the event never sits in the queue's retries. cod-settlement shows it for a person to act on.
 * - Anything else (the database unavailable, a bug) throws: the delivery rolls back and the queue retries it.
 * A movement is handled once per movement id whatever the event id: a later copy is answered again with the recorded
 * outcome, and posts nothing.
 */
export function createCodConsumer(options: CodConsumerOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;

  async function attempt(tx: Tx, payload: CodMovementPayload): Promise<Pick<CodMovementResult, 'outcome' | 'entryIds' | 'error'>> {
    const today = businessDate(clock(), timeZone);
    try {
      const entries = await tx.transaction((savepoint) => postCodMovement(savepoint, payload, { today, ledgerStartDate: options.ledgerStartDate }));
      return { outcome: 'POSTED', entryIds: entries.map((entry) => entry.id), error: null };
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      return { outcome: 'REJECTED', entryIds: [], error: { code: error.code, message: error.message.slice(0, MAX_MESSAGE_LENGTH) } };
    }
  }

  return async function onCodMovement(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'cod.movement') throw new Error(`${COD_QUEUE} does not take ${event.type} events`);
    const payload = (event as TypedEvent<'cod.movement'>).payload;
    await lockMovement(tx, payload.movementId);
    let result = await findMovementResult(tx, payload.movementId);
    if (!result) {
      result = { movementId: payload.movementId, movement: payload.movement, ...(await attempt(tx, payload)) };
      await insertMovementResult(tx, { ...result, eventId: event.id });
    }
    await stageEvents(tx, { outbox, processedEvents }, [
      newEvent(
        'cod.movement-posted',
        {
          movement: result.movement,
          movementId: result.movementId,
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
