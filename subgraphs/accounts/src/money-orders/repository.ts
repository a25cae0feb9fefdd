import { withinTree } from '@postal/authz';
import { rowsOf, type Db, type Tx } from '@postal/db';
import type { MoneyOrderMovement } from '@postal/events';
import { and, eq, sql } from 'drizzle-orm';
import { totalsAsOf } from '../reports/repository.js';
import type { MovementResult } from './model.js';
import { HEADS } from './rules.js';
import { moneyOrderMovements } from './tables.js';

/* The money-order module's queries (consumer.ts and service.ts decide; this reads and writes). */

/**
 * Serialises the handling of one (reference, movement) for the rest of the transaction: two copies of a movement
 * under different event ids, delivered at once, are handled one after the other, and the second finds the first's
 * answer. A transaction-scoped advisory lock: released at commit or rollback, nothing to clean up.
 */
export async function lockMovement(tx: Tx, reference: string, movement: MoneyOrderMovement): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`money-order/${reference}/${movement}`}, 0))`);
}

export async function findMovementResult(db: Db | Tx, reference: string, movement: MoneyOrderMovement): Promise<MovementResult | undefined> {
  const [row] = await db
    .select()
    .from(moneyOrderMovements)
    .where(and(eq(moneyOrderMovements.reference, reference), eq(moneyOrderMovements.movement, movement)));
  if (!row) return undefined;
  return {
    reference: row.reference,
    movement: row.movement as MoneyOrderMovement,
    moneyOrderId: row.moneyOrderId,
    outcome: row.outcome as MovementResult['outcome'],
    entryIds: row.entryIds,
    error: row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? '' },
  };
}

export async function insertMovementResult(tx: Tx, result: MovementResult & { eventId: string }): Promise<void> {
  await tx.insert(moneyOrderMovements).values({
    reference: result.reference,
    movement: result.movement,
    moneyOrderId: result.moneyOrderId,
    eventId: result.eventId,
    outcome: result.outcome,
    entryIds: result.entryIds,
    errorCode: result.error?.code ?? null,
    errorMessage: result.error?.message ?? null,
  });
}

/**
 * The MO control accounts' credit balance (2100 + 2110, credits less debits) over the offices under `officePath`, the
 * office included, as of the end of `asOf`, in `currency`: each account by the balance-as-of rule (its last daily
 * balance and the postings since), so the cost grows with the subtree's accounts, not with its history.
 */
export async function controlBalance(db: Db | Tx, officePath: string, asOf: string, currency: string): Promise<string> {
  const [row] = rowsOf<{ balance: string }>(
    await db.execute(sql`
      select coalesce(sum(t.credit_total - t.debit_total), 0)::text as balance
        from accounts.accounts a
        join accounts.known_offices o on o.code = a.office_code and ${withinTree(sql`o.path`, officePath)}
        cross join lateral ${totalsAsOf(sql`a.code`, { date: asOf })} t
       where a.kind = 'DETAIL' and a.currency = ${currency} and a.head_code in (${HEADS.moPayable}, ${HEADS.expiredMoPayable})`),
  );
  return row?.balance ?? '0';
}
