import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can } from '@postal/authz';
import { businessDate, DEFAULT_TIME_ZONE, isCalendarDate } from '@postal/calendar';
import { transaction, type Database } from '@postal/db';
import { BadUserInputError, UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { ledgerActor } from '../journal/actor.js';
import type { LedgerActor } from '../journal/model.js';
import { findKnownOfficePath } from '../ledger-accounts/repository.js';
import { createLoaders, type Loaders } from '../loaders.js';
import { balanceOnNormalSide, moneyOf, type MoneyOutput } from '../reports/amounts.js';
import { closeBusinessDay } from './close.js';
import type { BusinessDayCloseRecord, DailyBalanceRecord } from './model.js';
import { countOfficesNotClosedThrough, dailyBalancesOfCloses, listDayCloses, listOfficesNotClosedThrough } from './repository.js';

/** A DailyBalance as the API shows it (schema/accounts.graphql). */
export interface DailyBalanceView {
  accountCode: string;
  businessDate: string;
  debitTotal: MoneyOutput;
  creditTotal: MoneyOutput;
  periodDebit: MoneyOutput;
  periodCredit: MoneyOutput;
  /** On the account's normal side. */
  balance: MoneyOutput;
}

/** A BusinessDayClose as the API shows it. */
export interface BusinessDayCloseView {
  officeCode: string;
  businessDate: string;
  previousDate: string | null;
  closedAt: Date;
  closedBy: LedgerActor;
  balances: DailyBalanceView[];
}

export function dailyBalanceView(row: DailyBalanceRecord): DailyBalanceView {
  return {
    accountCode: row.accountCode,
    businessDate: row.businessDate,
    debitTotal: moneyOf(row.debitTotal, row.currency),
    creditTotal: moneyOf(row.creditTotal, row.currency),
    periodDebit: moneyOf(row.periodDebit, row.currency),
    periodCredit: moneyOf(row.periodCredit, row.currency),
    balance: moneyOf(balanceOnNormalSide(row.type, row.debitTotal, row.creditTotal), row.currency),
  };
}

function closeView(close: Omit<BusinessDayCloseRecord, 'balances' | 'accountsMoved'>, balances: DailyBalanceRecord[]): BusinessDayCloseView {
  const { officeCode, businessDate, previousDate, closedAt, closedBy } = close;
  return { officeCode, businessDate, previousDate, closedAt, closedBy, balances: balances.map(dailyBalanceView) };
}

/**
 * A page of offices that have not closed through a day (UnclosedOfficeConnection), each an Office reference; the total
 * is counted only when a caller asks for it, as it reads the whole of their scope.
 */
export interface UnclosedOfficesPage extends Connection<{ code: string }> {
  totalCount: () => Promise<number>;
}

export interface BusinessDayServiceOptions {
  database: Database;
  clock?: () => Date;
  timeZone?: string;
  /** Called after a commit that staged events, so the relay publishes them soon rather than at its next poll. */
  onEventsStaged?: () => void;
  /** The request's loaders (context.ts); a service without them batches its reads but remembers nothing. */
  loaders?: Loaders;
}

/** The most closes one listing answers. */
const DEFAULT_LISTED_CLOSES = 30;

/**
 * Closing business days and reading them back. Closing needs ledger.day.close over the office (counter clerks hold it
 * for their own office, finance officers for their subtree; services may); reading needs ledger.read over it, and out
 * of scope a list is empty and a single value null.
 */
export function createBusinessDayService(options: BusinessDayServiceOptions) {
  const { database } = options;
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const loaders = options.loaders ?? createLoaders(database.db, { cache: false });

  async function readablePath(identity: Identity, officeCode: string): Promise<string | undefined> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    const path = (await loaders.officePaths.load(officeCode)) ?? undefined;
    return path !== undefined && can(identity, 'ledger.read', path) ? path : undefined;
  }

  return {
    /** Closes the office's days through `date` and records the close in the audit trail, in one transaction. */
    async closeBusinessDay(context: SignedRequestContext, officeCode: string, date: string): Promise<BusinessDayCloseView> {
      const { identity } = context;
      const actor = ledgerActor(identity);
      const today = businessDate(clock(), timeZone);
      // READ COMMITTED: the close locks the day row and the office's accounts (in the postings' order) and moves what
      // is committed once it holds them; a posting queued behind it then re-reads closed_through and is refused.
      const close = await transaction(database, 'read committed', async (tx) => {
        const path = await findKnownOfficePath(tx, officeCode);
        if (path === undefined) throw new OfficeNotFoundError(officeCode);
        assertCan(identity, 'ledger.day.close', path);
        const closed = await closeBusinessDay(tx, { officeCode, date, actor, today });
        await stageEvents(tx, { outbox, processedEvents }, [
          auditEvent('accounts', context, {
            action: 'BUSINESS_DAY_CLOSED',
            target: { type: 'Office', id: officeCode },
            officeCode,
            outcome: 'SUCCESS',
            after: { closedThrough: closed.businessDate, previousDate: closed.previousDate, accountsMoved: closed.accountsMoved },
          }),
        ]);
        return closed;
      });
      options.onEventsStaged?.();
      loaders.clearAll();
      return closeView(close, close.balances);
    },

    /** The office's closes, newest first, each with its closing balances (two queries whatever the count). */
    async businessDayCloses(identity: Identity, officeCode: string, first?: number | null): Promise<BusinessDayCloseView[]> {
      const limit = pageSize(first, DEFAULT_LISTED_CLOSES);
      if ((await readablePath(identity, officeCode)) === undefined) return [];
      const closes = await listDayCloses(database.db, officeCode, limit);
      const balances = await dailyBalancesOfCloses(
        database.db,
        officeCode,
        closes.map((close) => close.businessDate),
      );
      const byDate = new Map<string, DailyBalanceRecord[]>();
      for (const row of balances) byDate.set(row.businessDate, [...(byDate.get(row.businessDate) ?? []), row]);
      return closes.map((close) => closeView(close, byDate.get(close.businessDate) ?? []));
    },

    /**
     * Offices in the caller's ledger.read scope (under `underOfficeCode` if given) that keep a ledger and have not closed
     * through `date`, by code, in keyset pages. The page's closed days and paths are primed into the loaders, so the
     * Office.closedThrough of every row costs nothing more.
     */
    async officesNotClosedThrough(
      identity: Identity,
      query: { date: string; underOfficeCode?: string | null | undefined },
      first?: number | null,
      after?: string | null,
    ): Promise<UnclosedOfficesPage> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (!isCalendarDate(query.date)) throw new BadUserInputError('date', 'date must be a date, YYYY-MM-DD');
      const size = pageSize(first);
      const cursor = decodeCursor(after, 1);
      let underPath: string | undefined;
      if (query.underOfficeCode) {
        underPath = (await loaders.officePaths.load(query.underOfficeCode)) ?? undefined;
        // An office this ledger has not heard of has nothing under it.
        if (underPath === undefined) return { ...toConnection([], size, () => []), totalCount: async () => 0 };
      }
      const filter = { reader: identity, date: query.date, underPath };
      const rows = await listOfficesNotClosedThrough(database.db, { ...filter, afterCode: cursor?.[0], limit: size + 1 });
      for (const row of rows) {
        loaders.officePaths.prime(row.code, row.path);
        loaders.closedThrough.prime(row.code, row.closedThrough);
      }
      return {
        ...toConnection(
          rows.map((row) => ({ code: row.code })),
          size,
          (office) => [office.code],
        ),
        totalCount: () => countOfficesNotClosedThrough(database.db, filter),
      };
    },

    /** Office.closedThrough: the last day the office closed, null if never or out of the caller's scope. */
    async closedThrough(identity: Identity, officeCode: string): Promise<string | null> {
      if ((await readablePath(identity, officeCode)) === undefined) return null;
      return loaders.closedThrough.load(officeCode);
    },
  };
}

export type BusinessDayService = ReturnType<typeof createBusinessDayService>;
