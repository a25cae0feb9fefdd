import { businessDate } from '@postal/calendar';
import { transaction } from '@postal/db';
import { applyChange, type Actor } from './changes.js';
import type { OrderDeps } from './deps.js';
import { lockDue, movementsOf } from './repository.js';

/** Orders changed per transaction by the sweep: a bounded lock time, and the job simply runs again for the rest. */
export const EXPIRY_BATCH = 500;
const JOB_ACTOR: Actor = { label: 'money-orders expiry job', event: { kind: 'service', id: 'money-orders' } };

/**
 * One batch of the daily sweep (jobs/expiry.ts runs it until nothing is left): AVAILABLE orders past their last day
 * become EXPIRED (their liability moves to expired MO payable), and EXPIRED orders a year past expiry, never refunded,
 * become VOID (unclaimed: the liability goes to income). Rows are locked SKIP LOCKED, so two sweeps at once share the
 * work and a clerk paying an order at the same moment either wins or finds it expired.
 */
export async function expireDueBatch(deps: OrderDeps, limit = EXPIRY_BATCH): Promise<{ expired: number; voided: number }> {
  const today = businessDate(deps.clock(), deps.timeZone);
  return transaction(deps.database, 'read committed', async (tx) => {
    let expired = 0;
    let voided = 0;
    for (const order of await lockDue(tx, 'AVAILABLE', today, limit)) {
      await applyChange(tx, deps, { order, to: 'EXPIRED', actor: JOB_ACTOR, officeCode: null, reason: `unpaid after ${order.expiresOn}`, movement: { kind: 'EXPIRED', officeCode: order.bookingOfficeCode } });
      expired += 1;
    }
    const dueToVoid = await lockDue(tx, 'EXPIRED', today, limit - expired);
    const movements = await movementsOf(tx, dueToVoid.map((order) => order.id));
    for (const order of dueToVoid) {
      // The void draws on expired MO payable, so the expiry must be in the ledger first; otherwise the next run.
      if ((movements.get(order.id) ?? []).find((movement) => movement.movement === 'EXPIRED')?.status !== 'POSTED') continue;
      await applyChange(tx, deps, { order, to: 'VOID', actor: JOB_ACTOR, officeCode: null, reason: `unclaimed after ${order.voidOn}`, movement: { kind: 'VOIDED', officeCode: order.bookingOfficeCode, fromExpired: true } });
      voided += 1;
    }
    return { expired, voided };
  });
}

/** Runs batches until a batch comes back short: what one scheduled run of the job does. */
export async function expireDue(deps: OrderDeps): Promise<{ expired: number; voided: number }> {
  const total = { expired: 0, voided: 0 };
  for (;;) {
    const batch = await expireDueBatch(deps);
    total.expired += batch.expired;
    total.voided += batch.voided;
    if (batch.expired + batch.voided < EXPIRY_BATCH) return total;
  }
}
