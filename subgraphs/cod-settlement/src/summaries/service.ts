import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertHolds, can, holds, scopeOf } from '@postal/authz';
import { businessDate, isCalendarDate } from '@postal/calendar';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { Decimal } from '@postal/money';
import { findBiller, type BillerRow } from '../billers/repository.js';
import { addCalendarDays, dueCutoff } from '../contracts/calendar.js';
import { contractInForce, holidaysBetween } from '../contracts/repository.js';
import { billerCodeOf } from '../disputes/service.js';
import { findOffice } from '../offices/repository.js';
import type { SettlementDeps } from '../settlement/deps.js';
import { isUuid } from '../settlement/domain.js';
import { SettlementError } from '../settlement/errors.js';
import type { CodLedgerClient } from './ledger-client.js';
import { agingRows, articleNumbersOfBatch, billerMoney, lastRemittance, officeDay, remittanceArticles, remittanceDays, remittancesPage, unsettledByBiller, type OfficeScope } from './repository.js';
import { bankHolidaysOfYear } from '../contracts/holidays.js';

const MAX_PAGE = 100;
const MAX_CSV_ROWS = 100_000;

/** A biller is visible to cod.read over its settlement office, or to its own people (cod.biller.self). */
export function canSeeBiller(identity: Identity, biller: BillerRow): boolean {
  if (can(identity, 'cod.read', { code: biller.settlementOfficeCode, path: biller.settlementOfficePath })) return true;
  return holds(identity, 'cod.biller.self') && billerCodeOf(identity) === biller.code;
}

async function visibleBiller(deps: SettlementDeps, identity: Identity, billerId: string): Promise<BillerRow> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  const biller = isUuid(billerId) ? await findBiller(deps.database.db, billerId) : undefined;
  if (!biller || !canSeeBiller(identity, biller)) throw new SettlementError('SETTLEMENT_BATCH_NOT_FOUND', `no biller ${billerId.slice(0, 60)}`);
  return biller;
}

/**
 * The reach of cod.read for office-wide reads: null for a service (everything). An own-office grant (a counter clerk's,
 * a postman's) reaches its office alone, never the offices under it: `exact` says so, and the SQL keeps to it.
 */
function readScope(identity: Identity): OfficeScope | null {
  assertHolds(identity, 'cod.read');
  const scope = scopeOf(identity, 'cod.read');
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') throw new ForbiddenError('you may not cod.read');
  return scope.scopes[0]!;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new SettlementError('INVALID_INPUT', `first must be from 1 to ${MAX_PAGE}`, { field: 'first' });
  return size;
}

/** Biller.codSummary: available, pending, initiated, last remitted, 30-day total, reversals, delivery-to-remittance days. */
export async function billerCodSummary(deps: SettlementDeps, identity: Identity, billerId: string) {
  const biller = await visibleBiller(deps, identity, billerId);
  const today = businessDate(deps.clock(), deps.timeZone);
  const contract = await contractInForce(deps.database.db, biller.id, today);
  const days = contract ? (contract.earlySettlementEnabled && contract.earlySettlementDays !== null ? contract.earlySettlementDays : contract.settlementCycleDays) : 0;
  const holidays = await holidaysBetween(deps.database.db, contract?.holidayCalendar ?? 'IN', addCalendarDays(today, -200), today);
  const cutoff = dueCutoff(today, days, holidays);
  const money = await billerMoney(deps.database.db, biller.id, cutoff, today);
  const last = await lastRemittance(deps.database.db, biller.id);
  const timing = await remittanceDays(deps.database.db, biller.id);
  return {
    currency: biller.currency,
    available: new Decimal(money.available!).plus(money.adjustments!).toFixed(2),
    pending: new Decimal(money.pending!).toFixed(2),
    initiated: new Decimal(money.initiated!).toFixed(2),
    lastRemitted: last ? { date: last.outcome_on, amount: new Decimal(last.amount).toFixed(2), utr: last.utr } : null,
    remittedLast30Days: new Decimal(money.remitted_30!).toFixed(2),
    reversals: new Decimal(money.reversals!).toFixed(2),
    reversalCount: Number(money.reversal_count),
    averageDaysToRemittance: timing.average,
    p95DaysToRemittance: timing.p95,
  };
}

function cursorOf(row: { released_on: string; id: string }): string {
  return Buffer.from(`${row.released_on}|${row.id}`).toString('base64url');
}

function parseCursor(after: string | null | undefined): { releasedOn: string; id: string } | undefined {
  if (!after) return undefined;
  const [releasedOn, id] = Buffer.from(after, 'base64url').toString().split('|');
  if (!releasedOn || !id || !isCalendarDate(releasedOn) || !isUuid(id)) throw new SettlementError('INVALID_INPUT', 'after is not a cursor of this list', { field: 'after' });
  return { releasedOn, id };
}

/** Biller.remittances: newest first, each with its UTR and (up to 500 of) its article numbers. */
export async function billerRemittances(deps: SettlementDeps, identity: Identity, billerId: string, first?: number | null, after?: string | null) {
  const biller = await visibleBiller(deps, identity, billerId);
  const size = pageSize(first);
  const rows = await remittancesPage(deps.database.db, biller.id, size, parseCursor(after));
  const page = rows.slice(0, size);
  const edges = await Promise.all(
    page.map(async (row) => ({ cursor: cursorOf(row), node: { ...row, articleNumbers: await articleNumbersOfBatch(deps.database.db, row.batch_id, 500) } })),
  );
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

function csvCell(value: string | null | undefined): string {
  const text = value ?? '';
  // A cell that a spreadsheet would run as a formula is quoted with a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The remittance history as CSV, one line per article of each payout (at most 100,000 lines). */
export async function billerRemittancesCsv(deps: SettlementDeps, identity: Identity, billerId: string): Promise<string> {
  const biller = await visibleBiller(deps, identity, billerId);
  const rows = await remittanceArticles(deps.database.db, biller.id, MAX_CSV_ROWS);
  const columns = ['released_on', 'outcome_on', 'reference', 'utr', 'status', 'article_number', 'delivered_on', 'gross', 'fee', 'tax', 'early_fee', 'net'];
  const header = 'released_on,paid_on,batch,utr,status,article_number,delivered_on,gross,fee,tax,early_fee,net';
  return [header, ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\r\n') + '\r\n';
}

/** Office.codSummary(date): the office's COD day (cod.read over the office). */
export async function officeCodSummary(deps: SettlementDeps, identity: Identity, officeCode: string, date?: string | null) {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  const day = date ?? businessDate(deps.clock(), deps.timeZone);
  if (!isCalendarDate(day)) throw new SettlementError('INVALID_INPUT', `date must be 'YYYY-MM-DD'; got ${day}`, { field: 'date' });
  const office = await findOffice(deps.database.db, officeCode);
  if (!office || !can(identity, 'cod.read', office)) throw new SettlementError('OFFICE_NOT_FOUND', `no office ${officeCode}`);
  const figures = await officeDay(deps.database.db, office.code, day);
  return { date: day, ...figures };
}

/**
 * bankHolidays(calendar, year): the bank holidays of a calendar in a year, for cod.read anywhere (a calendar is no
 * office's; a biller's people, who hold no cod.read, are refused).
 */
export async function bankHolidays(deps: SettlementDeps, identity: Identity, calendar: string, year: number) {
  assertHolds(identity, 'cod.read');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new SettlementError('INVALID_INPUT', 'year must be from 2000 to 2100', { field: 'year' });
  return bankHolidaysOfYear(deps.database.db, calendar, `${year}-01-01`, `${year}-12-31`);
}

export async function codAging(deps: SettlementDeps, identity: Identity, filter: { billerCode?: string | null; officeCode?: string | null }) {
  const scope = readScope(identity);
  return agingRows(deps.database.db, businessDate(deps.clock(), deps.timeZone), scope, filter);
}

/**
 * codReconciliation: per biller, the ledger's COD payable (accounts, asked per settlement office) against what the cod
 * tables say is owed (unsettledByBiller); the difference is zero when both agree.
 */
export async function codReconciliation(deps: SettlementDeps & { ledger?: CodLedgerClient }, context: SignedRequestContext, asOf?: string | null, billerId?: string | null) {
  const scope = readScope(context.identity);
  const day = asOf ?? businessDate(deps.clock(), deps.timeZone);
  if (!isCalendarDate(day)) throw new SettlementError('INVALID_INPUT', `asOf must be 'YYYY-MM-DD'; got ${day}`, { field: 'asOf' });
  if (billerId && !isUuid(billerId)) return [];
  const rows = await unsettledByBiller(deps.database.db, day, scope, billerId);
  if (!deps.ledger) throw new Error('the accounts client is not configured for cod-settlement');
  const byOffice = new Map<string, string[]>();
  for (const row of rows) byOffice.set(row.settlement_office_code, [...(byOffice.get(row.settlement_office_code) ?? []), row.biller_code]);
  const ledger = new Map<string, string>();
  for (const [office, codes] of byOffice) {
    for (const balance of await deps.ledger.codPayableBalances({ settlementOfficeCode: office, billerCodes: codes, asOf: day }, context.requestId)) ledger.set(balance.billerCode, balance.amount);
  }
  return rows.map((row) => {
    const owed = new Decimal(row.collected).plus(row.adjustments);
    const inLedger = new Decimal(ledger.get(row.biller_code) ?? '0');
    return { billerId: row.biller_id, billerCode: row.biller_code, currency: row.currency, ledgerPayable: inLedger.toFixed(2), unsettled: owed.toFixed(2), difference: inLedger.minus(owed).toFixed(2) };
  });
}
