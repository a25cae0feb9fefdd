import type { SignedRequestContext } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate, isCalendarDate } from '@postal/calendar';
import { rowsOf, type Tx } from '@postal/db';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '@postal/server';
import { sql } from 'drizzle-orm';
import { addCalendarDays, dueCutoff, isBusinessDay, isoWeekday } from '../contracts/calendar.js';
import { holidaysBetween } from '../contracts/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { findOffice } from '../offices/repository.js';
import { claimAdjustments, createBatchesAndClaim, termsAtOffice, totalBatches, type Cutoff } from './build-repository.js';
import type { SettlementDeps } from './deps.js';
import { SettlementError } from './errors.js';
import { batchesByIds, type BatchRow } from './repository.js';

/** How far back holidays are read for a cutoff: T+60 at most (contracts_cycle_valid) spans well under 200 days. */
const HOLIDAY_LOOKBACK_DAYS = 200;

export interface BuildInput {
  settlementOfficeCode: string;
  cycleDate?: string | null;
}

/** The cutoffs for every (calendar, T+n) the office's contracts use, on the bank calendar as data. */
async function cutoffsFor(tx: Tx, officeCode: string, cycleDate: string): Promise<Cutoff[]> {
  const terms = await termsAtOffice(tx, officeCode, cycleDate);
  const unknownRule = terms.find((t) => t.feeRuleKind !== 'PERCENT_WITH_MINIMUM_THEN_EXCESS');
  // The SQL prices this one rule kind; a contract with another is a release this code does not know: fail loudly.
  if (unknownRule) throw new Error(`settlement build does not price fee rule ${unknownRule.feeRuleKind}`);
  const cutoffs: Cutoff[] = [];
  for (const calendar of new Set(terms.map((t) => t.calendar))) {
    const holidays = await holidaysBetween(tx, calendar, addCalendarDays(cycleDate, -HOLIDAY_LOOKBACK_DAYS), cycleDate);
    const days = new Set(terms.filter((t) => t.calendar === calendar).flatMap((t) => (t.earlyDays === null ? [t.cycleDays] : [t.cycleDays, t.earlyDays])));
    for (const n of days) cutoffs.push({ calendar, days: n, cutoff: dueCutoff(cycleDate, n, holidays), businessDay: isBusinessDay(cycleDate, holidays) });
  }
  return cutoffs;
}

/**
 * The build inside the caller's transaction (the service's, or a test's that throws half-way to prove a crash leaves
 * nothing behind). Builds at one office are serialised by a transaction advisory lock, so two runs never update the
 * same collections in different orders (no deadlock). Collections becoming due at the office take the same lock
 * shared (migration 0009's trigger), so while a build claims days none can become due into them. At most once does
 * not rest on the lock: a day's claim is refused a second time by settlement_days' unique index on active days, and a
 * collection settling alone by the conditional UPDATE and the active-line unique index.
 */
export async function buildSettlementBatchesInTx(tx: Tx, officeCode: string, cycleDate: string, builtBy: string, now: Date): Promise<string[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cod.settlement.build:${officeCode}`}))`);
  const cutoffs = await cutoffsFor(tx, officeCode, cycleDate);
  const batchIds = await createBatchesAndClaim(tx, { officeCode, cycleDate, weekday: isoWeekday(cycleDate), cutoffs, builtBy, now });
  await claimAdjustments(tx, batchIds);
  await totalBatches(tx, batchIds);
  return batchIds;
}

function actorIdOf(context: SignedRequestContext): string {
  const { identity } = context;
  return identity.kind === 'staff' ? identity.staffId : identity.kind === 'service' ? identity.service : 'anonymous';
}

/** buildSettlementBatches (cod.settlement.manage at the settlement office): one DRAFT batch per biller with anything due. */
export async function buildSettlementBatches(deps: SettlementDeps, context: SignedRequestContext, input: BuildInput): Promise<BatchRow[]> {
  const now = deps.clock();
  const cycleDate = input.cycleDate ?? businessDate(now, deps.timeZone);
  if (!isCalendarDate(cycleDate)) throw new SettlementError('INVALID_INPUT', `cycle date must be a 'YYYY-MM-DD' date; got ${cycleDate}`, { field: 'cycleDate' });
  const office = await findOffice(deps.database.db, input.settlementOfficeCode);
  assertCan(context.identity, 'cod.settlement.manage', office ?? `?/${input.settlementOfficeCode}`);
  if (!office) throw new SettlementError('OFFICE_NOT_FOUND', `no office ${input.settlementOfficeCode}`, { field: 'settlementOfficeCode' });
  return deps.database.db.transaction(async (tx) => {
    const ids = await buildSettlementBatchesInTx(tx, office.code, cycleDate, actorIdOf(context), now);
    const batches = await batchesByIds(tx, ids);
    await stageEvents(tx, { outbox, processedEvents }, [
      auditEvent('cod-settlement', context, {
        action: 'COD_SETTLEMENT_BATCHES_BUILT',
        target: { type: 'Office', id: office.code },
        officeCode: office.code,
        outcome: 'SUCCESS',
        after: { cycleDate, batches: batches.length, articles: batches.reduce((n, b) => n + b.articleCount, 0) },
      }),
    ]);
    return batches;
  });
}

/** The job's run: every settlement office with active billers, each in its own transaction, as the system. */
export async function buildDueEverywhere(deps: SettlementDeps): Promise<{ offices: number; batches: number }> {
  const rows = await deps.database.db.execute(sql`select distinct settlement_office_code as code from cod.billers where status = 'ACTIVE' order by 1`);
  const codes = rowsOf<{ code: string }>(rows);
  const context: SignedRequestContext = { identity: { kind: 'service', service: 'cod-settlement' }, requestId: `settlement-job-${deps.clock().toISOString()}`, clientAddress: undefined };
  let batches = 0;
  for (const { code } of codes) batches += (await buildSettlementBatches(deps, context, { settlementOfficeCode: code })).length;
  return { offices: codes.length, batches };
}
