import { rowsOf, type Db, type Tx } from '@postal/db';
import type { CodMovement } from '@postal/events';
import { eq, sql } from 'drizzle-orm';
import { totalsAsOf } from '../reports/repository.js';
import type { CodMovementResult } from './model.js';
import { HEADS } from './rules.js';
import { codMovements } from './tables.js';

/* The COD module's queries (consumer.ts, post-movement.ts and service.ts decide; this reads and writes). */

/**
 * Serialises the handling of one movement for the rest of the transaction: two copies under different event ids,
 * delivered at once, are handled one after the other, and the second finds the first's answer. A transaction-scoped
 * advisory lock: released at commit or rollback, nothing to clean up.
 */
export async function lockMovement(tx: Tx, movementId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cod/${movementId}`}, 0))`);
}

export async function findMovementResult(db: Db | Tx, movementId: string): Promise<CodMovementResult | undefined> {
  const [row] = await db.select().from(codMovements).where(eq(codMovements.movementId, movementId));
  if (!row) return undefined;
  return {
    movementId: row.movementId,
    movement: row.movement as CodMovement,
    outcome: row.outcome as CodMovementResult['outcome'],
    entryIds: row.entryIds,
    error: row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? '' },
  };
}

export async function insertMovementResult(tx: Tx, result: CodMovementResult & { eventId: string }): Promise<void> {
  await tx.insert(codMovements).values({
    movementId: result.movementId,
    movement: result.movement,
    eventId: result.eventId,
    outcome: result.outcome,
    entryIds: result.entryIds,
    errorCode: result.error?.code ?? null,
    errorMessage: result.error?.message ?? null,
  });
}

/** What a biller movement needs to know of its settlement office before posting there. */
export interface SettlementOffice {
  name: string;
  closedThrough: string | null;
  /** Whether the office keeps the bank account (1500) a settlement pays from. */
  keepsBank: boolean;
}

/** The settlement office (undefined when the ledger has not heard of it), in one query. */
export async function readSettlementOffice(db: Db | Tx, officeCode: string): Promise<SettlementOffice | undefined> {
  const [row] = rowsOf<{ name: string; closed_through: string | null; keeps_bank: boolean }>(
    await db.execute(sql`
      select o.name, bd.closed_through::text as closed_through,
             exists (select 1 from accounts.accounts a where a.code = ${`${officeCode}:${HEADS.bank}`} and a.kind = 'DETAIL') as keeps_bank
        from accounts.known_offices o
        left join accounts.business_days bd on bd.office_code = o.code
       where o.code = ${officeCode}`),
  );
  return row ? { name: row.name, closedThrough: row.closed_through, keepsBank: row.keeps_bank } : undefined;
}

/**
 * The office that keeps a deposit's difference at `officeCode`: the office itself when it has a staff shortage
 * receivable (1300), else the office it is in account with (a branch office: cash only), which is its parent when the
 * office tree names no account office. Undefined when the ledger has not heard of the office.
 */
export async function differenceOffice(db: Db | Tx, officeCode: string): Promise<string | undefined> {
  const [row] = rowsOf<{ keeps: boolean; account_office: string | null }>(
    await db.execute(sql`
      select exists (select 1 from accounts.accounts a where a.code = ${`${officeCode}:${HEADS.shortage}`} and a.kind = 'DETAIL') as keeps,
             coalesce(o.account_office_code, o.parent_code) as account_office
        from accounts.known_offices o where o.code = ${officeCode}`),
  );
  if (!row) return undefined;
  return row.keeps || row.account_office === null ? officeCode : row.account_office;
}

/** A biller's COD payable as the ledger holds it: credits less debits. */
export interface PayableBalanceRow {
  code: string;
  currency: string;
  balance: string;
}

/**
 * The COD payable accounts of billers at an office (`<office>:2200:<biller>`), by code: all of them, or those named;
 * their credit balance now (posted totals), or as of the end of `asOf` (the balance-as-of rule). At most `limit` rows.
 */
export async function payableBalances(db: Db | Tx, query: { officeCode: string; codes: readonly string[] | null; asOf: string | null; limit: number }): Promise<PayableBalanceRow[]> {
  const prefix = `${query.officeCode}:${HEADS.codPayable}:`;
  const named = query.codes === null ? sql`true` : query.codes.length === 0 ? sql`false` : sql`a.code in (${sql.join(query.codes.map((code) => sql`${code}`), sql`, `)})`;
  const balance = query.asOf === null ? sql`(a.credit_total - a.debit_total)` : sql`(t.credit_total - t.debit_total)`;
  const lateral = query.asOf === null ? sql`` : sql`cross join lateral ${totalsAsOf(sql`a.code`, { date: query.asOf })} t`;
  return rowsOf<PayableBalanceRow>(
    await db.execute(sql`
      select a.code, a.currency, ${balance}::text as balance
        from accounts.accounts a ${lateral}
       where a.office_code = ${query.officeCode} and a.head_code = ${HEADS.codPayable} and a.kind = 'DETAIL'
         and left(a.code, ${prefix.length}) = ${prefix} and ${named}
       order by a.code
       limit ${query.limit}`),
  );
}
