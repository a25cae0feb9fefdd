import type { Identity } from '@postal/auth';
import { assertCan, assertHolds, scopeCondition } from '@postal/authz';
import { businessDate, isCalendarDate } from '@postal/calendar';
import { BadUserInputError } from '@postal/errors';
import { Decimal } from '@postal/money';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, eq, gte, lte, or, type SQL } from 'drizzle-orm';
import { findOffice } from '../offices/repository.js';
import type { OrderDeps } from './deps.js';
import { MONEY_ORDER_STATUSES } from './domain.js';
import { OfficeNotFoundError } from './errors.js';
import { checkPhone } from './parties.js';
import { daySummary, listOrders, openMovements, outstandingOrders, payableBySubledger, underOffice, type MoneyOrderRow } from './repository.js';
import { moneyOrders } from './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OrderFilter {
  officeCode?: string | null;
  status?: string | null;
  product?: string | null;
  from?: string | null;
  to?: string | null;
  senderPhone?: string | null;
}

function checkDate(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (!isCalendarDate(value)) throw new BadUserInputError(field, `${field} is a date, YYYY-MM-DD`);
  return value;
}

/** Orders in the caller's mo.read scope (booked or paid there), newest first, keyset pages. */
export async function listMoneyOrders(deps: OrderDeps, identity: Identity, filter: OrderFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<MoneyOrderRow>> {
  assertHolds(identity, 'mo.read');
  const size = pageSize(first);
  const cursor = decodeCursor(after, 2);
  const conditions: SQL[] = [or(scopeCondition(identity, 'mo.read', moneyOrders.bookingOfficePath), scopeCondition(identity, 'mo.read', moneyOrders.payingOfficePath))!];
  if (filter?.officeCode != null) {
    const office = await findOffice(deps.database.db, filter.officeCode);
    if (!office) throw new OfficeNotFoundError(filter.officeCode, 'filter.officeCode');
    conditions.push(underOffice(office.path));
  }
  if (filter?.status != null) {
    if (!(MONEY_ORDER_STATUSES as readonly string[]).includes(filter.status)) throw new BadUserInputError('filter.status', 'unknown status');
    conditions.push(eq(moneyOrders.status, filter.status));
  }
  if (filter?.product != null) conditions.push(eq(moneyOrders.product, filter.product));
  const from = checkDate(filter?.from, 'filter.from');
  const to = checkDate(filter?.to, 'filter.to');
  if (from) conditions.push(gte(moneyOrders.bookedOn, from));
  if (to) conditions.push(lte(moneyOrders.bookedOn, to));
  if (filter?.senderPhone != null) {
    // Searching by phone is looking a person up: it needs the right to see parties.
    assertHolds(identity, 'mo.parties.read');
    conditions.push(eq(moneyOrders.senderPhone, checkPhone(filter.senderPhone, 'filter.senderPhone')));
    conditions.push(scopeCondition(identity, 'mo.parties.read', moneyOrders.bookingOfficePath));
  }
  // A cursor is ours ([bookedAt ISO instant, order uuid]) or refused: it goes into SQL as a timestamp and a uuid.
  if (cursor && (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor[0]!) || Number.isNaN(Date.parse(cursor[0]!)) || !UUID.test(cursor[1]!))) {
    throw new BadUserInputError('after', 'the cursor is not one this API issued');
  }
  const rows = await listOrders(deps.database.db, { conditions, after: cursor ? { bookedAt: cursor[0]!, id: cursor[1]! } : undefined, limit: size + 1 });
  return toConnection(rows, size, (row) => [row.bookedAt.toISOString(), row.id]);
}

export async function officeDaySummary(deps: OrderDeps, identity: Identity, officeCode: string, date: string | null | undefined) {
  const office = await findOffice(deps.database.db, officeCode);
  if (!office) throw new OfficeNotFoundError(officeCode, 'code');
  assertCan(identity, 'mo.read', office);
  const day = checkDate(date, 'date') ?? businessDate(deps.clock(), deps.timeZone);
  return { date: day, currency: deps.currency, ...(await daySummary(deps.database.db, office.code, day)) };
}

/** Items listed with a reconciliation, at most. */
const MAX_ITEMS = 100;

/**
 * The MO payable control accounts in the ledger against the subledger. The subledger side is the sum of every movement
 * money-orders has sent for orders booked under the office, dated by the asOf date; what the ledger has not yet
 * answered is "in flight", what it refused is listed. Once every movement has settled the difference is zero.
 */
export async function reconcile(deps: OrderDeps, identity: Identity, asOfInput: string, officeCode: string, requestId: string) {
  const asOf = checkDate(asOfInput, 'asOf')!;
  const office = await findOffice(deps.database.db, officeCode);
  if (!office) throw new OfficeNotFoundError(officeCode, 'officeCode');
  assertCan(identity, 'mo.read', office);
  const [ledger, subledger, outstanding, items] = await Promise.all([
    deps.ledger.controlBalance(asOf, office.code, requestId),
    payableBySubledger(deps.database.db, office.path, asOf),
    outstandingOrders(deps.database.db, office.path, asOf),
    openMovements(deps.database.db, office.path, asOf, MAX_ITEMS),
  ]);
  const difference = new Decimal(ledger.amount).minus(outstanding.amount);
  return {
    asOf,
    officeCode: office.code,
    currency: ledger.currency,
    ledgerBalance: ledger.amount,
    outstandingAmount: outstanding.amount,
    outstandingCount: outstanding.count,
    difference: difference.toFixed(),
    inFlightCount: subledger.pending,
    items: items.map((item) => ({ reference: item.reference, status: item.status, amount: item.amount, currency: item.currency, reason: item.ledgerStatus === 'PENDING' ? `PENDING_IN_LEDGER (${item.movement})` : `REJECTED_BY_LEDGER (${item.movement})` })),
  };
}
