import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can, scopeCondition } from '@postal/authz';
import { businessDate, DEFAULT_TIME_ZONE, isCalendarDate } from '@postal/calendar';
import type { Database, Tx } from '@postal/db';
import { BadUserInputError, UnauthenticatedError } from '@postal/errors';
import { newEvent, type EventEnvelope } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { refusalAuditor } from '../audit/refusals.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { sql } from 'drizzle-orm';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import type { AccountsClient } from './accounts-client.js';
import {
  checkAccountOffice,
  checkClosingDate,
  checkMove,
  checkTypeOrder,
  childPath,
  DEFAULT_DELIVERY_SHIFTS,
  defaultAccountOfficeCode,
  MAX_DEPTH,
  needsPin,
  parseAddress,
  parseDeliveryShifts,
  parseEmail,
  parseName,
  parseOfficeCode,
  parsePhone,
  parsePin,
  parseSearch,
} from './domain.js';
import {
  InvalidAccountOfficeError,
  OfficeAlreadyClosedError,
  OfficeClosedError,
  OfficeCodeTakenError,
  OfficeHasActiveChildrenError,
  OfficeHasActiveStaffError,
  OfficeHasOpenBalancesError,
  OfficeNotFoundError,
} from './errors.js';
import type { DeliveryShifts, OfficeAddress, OfficeRecord, OfficeStatus, OfficeType } from './model.js';
import {
  accountOfficesBrokenByMove,
  activeChildren,
  assignedStaffCount,
  findAncestors,
  findOffice,
  insertOffice,
  listChildren,
  listOffices,
  lockOffices,
  lockSubtree,
  moveSubtree,
  officeExists,
  updateOfficeRow,
  findOfficePath,
} from './repository.js';
import { offices } from './tables.js';
import type { OfficeLoaders } from './loaders.js';

type AddressInput = { line1: string; line2?: string | null; city: string; district?: string | null; state: string };

export interface CreateOfficeInput {
  code: string;
  name: string;
  type: OfficeType;
  parentCode?: string | null;
  accountOfficeCode?: string | null;
  pin?: string | null;
  address?: AddressInput | null;
  deliveryShifts?: DeliveryShifts | null;
  phone?: string | null;
  email?: string | null;
  openedOn?: string | null;
}

/** Fields left out are unchanged; null clears one that may be empty. */
export interface UpdateOfficeInput {
  address?: AddressInput | null;
  pin?: string | null;
  phone?: string | null;
  email?: string | null;
  deliveryShifts?: DeliveryShifts | null;
  accountOfficeCode?: string | null;
}

export interface OfficeFilter {
  underCode?: string | null;
  type?: OfficeType | null;
  status?: OfficeStatus | null;
  search?: string | null;
}

export interface OfficeServiceOptions {
  database: Database;
  accounts: AccountsClient;
  clock?: () => Date;
  timeZone?: string;
  /** Called after a commit that staged events, so the relay publishes them soon rather than at its next poll. */
  onEventsStaged?: () => void;
}

const outboxTables = { outbox, processedEvents };
/** How many offending offices an error lists: enough to act on, bounded. */
const MAX_LISTED = 20;
/** Moves are rare; taking them one at a time means two moves never lock overlapping subtrees in opposite orders. */
const MOVE_LOCK_KEY = sql`hashtext('administration.offices.move')`;

/** What an audit record says about an office, before or after a change. */
function summary(office: OfficeRecord, keys: Array<keyof OfficeRecord>): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, office[key]]));
}

function updatedEvent(context: SignedRequestContext, office: OfficeRecord, previousPath: string) {
  return newEvent(
    'office.updated',
    {
      code: office.code,
      name: office.name,
      type: office.type,
      parentCode: office.parentCode,
      path: office.path,
      previousPath,
      accountOfficeCode: office.accountOfficeCode,
      openedOn: office.openedOn,
      status: office.status,
      version: office.version,
    },
    { source: 'administration', requestId: context.requestId },
  );
}

/** Equal as data: jsonb hands objects back with its own key order, so keys are compared sorted. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, canonical(v)]))
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error || (current && typeof current === 'object'); ) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
    if (current === undefined) break;
  }
  return false;
}

export function createOfficeService(options: OfficeServiceOptions) {
  const { database, accounts } = options;
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = () => businessDate(clock(), timeZone);

  function signedIn(identity: Identity): void {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  }

  /** Commits the change with its events (domain and audit), then nudges the relay. */
  async function commit<T>(work: (tx: Tx) => Promise<{ result: T; events: EventEnvelope[] }>): Promise<T> {
    const { result, staged } = await database.db.transaction(async (tx) => {
      const { result, events } = await work(tx);
      await stageEvents(tx, outboxTables, events);
      return { result, staged: events.length > 0 };
    });
    if (staged) options.onEventsStaged?.();
    return result;
  }

  /**
   * An office about to change, locked FOR UPDATE: not found when it is not there or the caller may not even see it,
   * FORBIDDEN when they may see it but not manage it.
   */
  async function lockForChange(tx: Tx, identity: Identity, code: string, field = 'code'): Promise<OfficeRecord> {
    const office = (await lockOffices(tx, [code], 'update')).get(code);
    if (!office || !can(identity, 'office.read', office)) throw new OfficeNotFoundError(code, field);
    assertCan(identity, 'office.manage', office);
    return office;
  }

  /** The account office an office would have, loaded and checked against where the office is (or will be). */
  async function checkedAccountOffice(tx: Tx, office: { code: string; type: OfficeType; path: string }, accountCode: string | null, field: string) {
    const account = accountCode === null ? null : ((await lockOffices(tx, [accountCode], 'share')).get(accountCode) ?? null);
    if (accountCode !== null && account === null) throw new InvalidAccountOfficeError(`there is no office ${accountCode}`, { field });
    checkAccountOffice(office, account, field);
    return accountCode;
  }

  const service = {
    /** One office; one outside the caller's scope is answered as not found, so codes cannot be probed. */
    async getOffice(identity: Identity, code: string, loaders?: OfficeLoaders): Promise<OfficeRecord | null> {
      signedIn(identity);
      // Through the request's loader when a resolver asks (batched with the other offices of the page).
      const office = loaders ? await loaders.officeByCode.load(code) : await findOffice(database.db, code);
      return office && can(identity, 'office.read', office) ? office : null;
    },

    /** Offices in the caller's scope and the filter, all in SQL, keyset by code. */
    async listOffices(identity: Identity, filter: OfficeFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<OfficeRecord>> {
      signedIn(identity);
      const size = pageSize(first);
      const [afterCode] = decodeCursor(after, 1) ?? [];
      let underPath: string | undefined;
      if (filter?.underCode) {
        underPath = await findOfficePath(database.db, filter.underCode);
        // Unknown: nothing is under it. (Whatever is, the scope below still filters.)
        if (underPath === undefined) return toConnection([], size, (office: OfficeRecord) => [office.code]);
      }
      const rows = await listOffices(database.db, {
        scope: scopeCondition(identity, 'office.read', offices.path),
        underPath,
        type: filter?.type ?? undefined,
        status: filter?.status ?? undefined,
        search: filter?.search === null || filter?.search === undefined ? undefined : parseSearch(filter.search),
        afterCode,
        limit: size + 1,
      });
      return toConnection(rows, size, (office) => [office.code]);
    },

    /** One page of an office's children; through the request's loader, a page of offices asks for all of them at once. */
    async children(
      identity: Identity,
      office: OfficeRecord,
      first: number | null | undefined,
      after: string | null | undefined,
      loaders?: OfficeLoaders,
    ): Promise<Connection<OfficeRecord>> {
      signedIn(identity);
      const size = pageSize(first);
      const [afterCode] = decodeCursor(after, 1) ?? [];
      // The loader was built with this request's identity, so its scope is the same office.read scope.
      const rows = loaders
        ? await loaders.childrenOf.load({ parentCode: office.code, afterCode, limit: size + 1 })
        : await listChildren(database.db, { parentCode: office.code, scope: scopeCondition(identity, 'office.read', offices.path), afterCode, limit: size + 1 });
      return toConnection(rows, size, (child) => [child.code]);
    },

    /** The offices above, top down, those in the caller's scope only. */
    async ancestors(identity: Identity, office: OfficeRecord): Promise<OfficeRecord[]> {
      signedIn(identity);
      return findAncestors(database.db, office.path, scopeCondition(identity, 'office.read', offices.path));
    },

    async createOffice(context: SignedRequestContext, input: CreateOfficeInput): Promise<OfficeRecord> {
      const { identity } = context;
      signedIn(identity);
      const code = parseOfficeCode(input.code);
      const name = parseName(input.name);
      const parentCode = input.parentCode ? parseOfficeCode(input.parentCode, 'parentCode') : null;
      const openedOn = input.openedOn ?? today();
      if (!isCalendarDate(openedOn) || openedOn > today()) throw new BadUserInputError('openedOn', `a date not after today (${today()})`);
      if (needsPin(input.type) && !input.pin) throw new BadUserInputError('pin', `a ${input.type} needs a PIN`);
      const details = {
        pin: input.pin ? parsePin(input.pin) : null,
        address: input.address ? parseAddress(input.address) : null,
        deliveryShifts: input.deliveryShifts ? parseDeliveryShifts(input.deliveryShifts) : DEFAULT_DELIVERY_SHIFTS,
        phone: input.phone ? parsePhone(input.phone) : null,
        email: input.email ? parseEmail(input.email) : null,
      };
      try {
        return await commit(async (tx) => {
          // The parent is held FOR SHARE: it cannot close or move while it gains a child.
          const parent = parentCode === null ? null : ((await lockOffices(tx, [parentCode], 'share')).get(parentCode) ?? null);
          if (parentCode !== null && (!parent || !can(identity, 'office.read', parent))) throw new OfficeNotFoundError(parentCode, 'parentCode');
          const path = childPath(parent?.path ?? null, code);
          // A new top-level office is in nobody's subtree: only a caller whose scope is everything may add one.
          assertCan(identity, 'office.manage', parent ?? { code, path });
          if (parent?.status === 'CLOSED') throw new OfficeClosedError(parent.code, 'parentCode');
          checkTypeOrder(input.type, parent?.type ?? null);
          if (path.split('/').length > MAX_DEPTH) throw new BadUserInputError('parentCode', `the tree is at most ${MAX_DEPTH} offices deep`);
          if (await officeExists(tx, code)) throw new OfficeCodeTakenError(code);
          const accountCode = input.accountOfficeCode ? parseOfficeCode(input.accountOfficeCode, 'accountOfficeCode') : defaultAccountOfficeCode(input.type, parent);
          await checkedAccountOffice(tx, { code, type: input.type, path }, accountCode, 'accountOfficeCode');
          const office = await insertOffice(tx, { code, name, type: input.type, parentCode, path, accountOfficeCode: accountCode, openedOn, ...details });
          const created = newEvent(
            'office.created',
            { code, name, type: office.type, parentCode, path, accountOfficeCode: accountCode, openedOn: office.openedOn },
            { source: 'administration', requestId: context.requestId },
          );
          const audit = auditEvent(context, {
            action: 'OFFICE_CREATED',
            outcome: 'SUCCESS',
            target: { type: 'Office', id: code },
            officeCode: code,
            after: summary(office, ['name', 'type', 'parentCode', 'accountOfficeCode', 'pin', 'openedOn']),
          });
          return { result: office, events: [created, audit] };
        });
      } catch (error) {
        // Two creates of one code at once: the loser hears what a later one would.
        if (isUniqueViolation(error)) throw new OfficeCodeTakenError(code);
        throw error;
      }
    },

    async renameOffice(context: SignedRequestContext, code: string, rawName: string): Promise<OfficeRecord> {
      signedIn(context.identity);
      const name = parseName(rawName);
      return commit(async (tx) => {
        const office = await lockForChange(tx, context.identity, code);
        if (office.status === 'CLOSED') throw new OfficeClosedError(code, 'code');
        if (office.name === name) return { result: office, events: [] };
        const renamed = await updateOfficeRow(tx, code, { name });
        const audit = auditEvent(context, {
          action: 'OFFICE_RENAMED',
          outcome: 'SUCCESS',
          target: { type: 'Office', id: code },
          officeCode: code,
          before: { name: office.name },
          after: { name },
        });
        return { result: renamed, events: [updatedEvent(context, renamed, renamed.path), audit] };
      });
    },

    async updateOffice(context: SignedRequestContext, code: string, input: UpdateOfficeInput): Promise<OfficeRecord> {
      signedIn(context.identity);
      return commit(async (tx) => {
        const office = await lockForChange(tx, context.identity, code);
        if (office.status === 'CLOSED') throw new OfficeClosedError(code, 'code');
        const changes = await parseChanges(tx, office, input);
        const keys = (Object.keys(changes) as Array<keyof typeof changes>).filter((key) => !sameValue(changes[key], office[key]));
        if (keys.length === 0) return { result: office, events: [] };
        const updated = await updateOfficeRow(tx, code, Object.fromEntries(keys.map((key) => [key, changes[key]])));
        const audit = auditEvent(context, {
          action: 'OFFICE_UPDATED',
          outcome: 'SUCCESS',
          target: { type: 'Office', id: code },
          officeCode: code,
          before: summary(office, keys),
          after: summary(updated, keys),
        });
        return { result: updated, events: [updatedEvent(context, updated, updated.path), audit] };
      });
    },

    async moveOffice(context: SignedRequestContext, code: string, newParentCode: string, accountOfficeCode?: string | null): Promise<OfficeRecord> {
      const { identity } = context;
      signedIn(identity);
      return commit(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MOVE_LOCK_KEY})`);
        const locked = await lockOffices(tx, [code, newParentCode], 'update');
        const office = locked.get(code);
        const newParent = locked.get(newParentCode);
        if (!office || !can(identity, 'office.read', office)) throw new OfficeNotFoundError(code);
        if (!newParent || !can(identity, 'office.read', newParent)) throw new OfficeNotFoundError(newParentCode, 'newParentCode');
        assertCan(identity, 'office.manage', office);
        assertCan(identity, 'office.manage', newParent);
        checkMove(office, newParent);
        const newPath = childPath(newParent.path, code);
        const accountCode = accountOfficeCode ? parseOfficeCode(accountOfficeCode, 'accountOfficeCode') : office.accountOfficeCode;
        await checkedAccountOffice(tx, { code, type: office.type, path: newPath }, accountCode, 'accountOfficeCode');
        await lockSubtree(tx, office.path);
        const broken = await accountOfficesBrokenByMove(tx, office.path, newPath, MAX_LISTED);
        if (broken.length > 0) {
          throw new InvalidAccountOfficeError('offices under it are in account with an office that would no longer be above them', { offices: broken });
        }
        const moved = await moveSubtree(tx, { code, oldPath: office.path, newPath, newParentCode, accountOfficeCode: accountCode });
        const after = (await findOffice(tx, code))!;
        const audit = auditEvent(context, {
          action: 'OFFICE_MOVED',
          outcome: 'SUCCESS',
          target: { type: 'Office', id: code },
          officeCode: code,
          before: summary(office, ['parentCode', 'path', 'accountOfficeCode']),
          after: { ...summary(after, ['parentCode', 'path', 'accountOfficeCode']), officesMoved: moved },
        });
        return { result: after, events: [updatedEvent(context, after, office.path), audit] };
      });
    },

    /**
     * Closes an office with nothing left in it: no active office under it, no staff assigned, no balance in the ledger
     * and no pending hold in the ledger (asked of the accounts subgraph before the transaction, so no lock is held across
     * a network call).
     */
    async closeOffice(context: SignedRequestContext, code: string, closedOn: string): Promise<OfficeRecord> {
      const { identity } = context;
      signedIn(identity);
      const current = await findOffice(database.db, code);
      if (!current || !can(identity, 'office.read', current)) throw new OfficeNotFoundError(code);
      assertCan(identity, 'office.manage', current);
      // Cheap refusals first, so a doomed close does not call another subgraph; all are checked again under the lock.
      await checkClosable(database.db, current, closedOn);
      const ledger = await accounts.officeLedgerStatus(code, context.requestId);
      if (ledger.hasOpenBalances || ledger.hasPendingHolds) {
        throw new OfficeHasOpenBalancesError(code, ledger.nonZeroAccounts.slice(0, MAX_LISTED), ledger.hasPendingHolds);
      }
      return commit(async (tx) => {
        const office = await lockForChange(tx, identity, code);
        await checkClosable(tx, office, closedOn);
        const closed = await updateOfficeRow(tx, code, { status: 'CLOSED', closedOn });
        const audit = auditEvent(context, {
          action: 'OFFICE_CLOSED',
          outcome: 'SUCCESS',
          target: { type: 'Office', id: code },
          officeCode: code,
          before: summary(office, ['status', 'closedOn']),
          after: summary(closed, ['status', 'closedOn']),
        });
        return { result: closed, events: [updatedEvent(context, closed, closed.path), audit] };
      });
    },
  };

  // Refused office commands are audited like every other refused command (see audit/refusals.ts).
  const refusals = refusalAuditor(options);
  const office = (code: string) => ({ type: 'Office', id: code });
  return {
    ...service,
    createOffice: (context: SignedRequestContext, input: CreateOfficeInput) =>
      refusals.audited(context, 'OFFICE_CREATED', office(input.code), () => service.createOffice(context, input)),
    renameOffice: (context: SignedRequestContext, code: string, name: string) =>
      refusals.audited(context, 'OFFICE_RENAMED', office(code), () => service.renameOffice(context, code, name)),
    updateOffice: (context: SignedRequestContext, code: string, input: UpdateOfficeInput) =>
      refusals.audited(context, 'OFFICE_UPDATED', office(code), () => service.updateOffice(context, code, input)),
    moveOffice: (context: SignedRequestContext, code: string, newParentCode: string, accountOfficeCode?: string | null) =>
      refusals.audited(context, 'OFFICE_MOVED', office(code), () => service.moveOffice(context, code, newParentCode, accountOfficeCode)),
    closeOffice: (context: SignedRequestContext, code: string, closedOn: string) =>
      refusals.audited(context, 'OFFICE_CLOSED', office(code), () => service.closeOffice(context, code, closedOn)),
  };

  async function checkClosable(db: Database['db'] | Tx, office: OfficeRecord, closedOn: string): Promise<void> {
    if (office.status === 'CLOSED') throw new OfficeAlreadyClosedError(office.code);
    checkClosingDate(closedOn, office.openedOn, today());
    const children = await activeChildren(db, office.code, MAX_LISTED);
    if (children.length > 0) throw new OfficeHasActiveChildrenError(office.code, children);
    const staffCount = await assignedStaffCount(db, office.code);
    if (staffCount > 0) throw new OfficeHasActiveStaffError(office.code, staffCount);
  }

  async function parseChanges(tx: Tx, office: OfficeRecord, input: UpdateOfficeInput) {
    const changes: Partial<Pick<OfficeRecord, 'address' | 'pin' | 'phone' | 'email' | 'deliveryShifts' | 'accountOfficeCode'>> = {};
    if (input.address !== undefined) changes.address = input.address === null ? null : (parseAddress(input.address) as OfficeAddress);
    if (input.pin !== undefined) {
      if (input.pin === null && needsPin(office.type)) throw new BadUserInputError('pin', `a ${office.type} needs a PIN`);
      changes.pin = input.pin === null ? null : parsePin(input.pin);
    }
    if (input.phone !== undefined) changes.phone = input.phone === null ? null : parsePhone(input.phone);
    if (input.email !== undefined) changes.email = input.email === null ? null : parseEmail(input.email);
    if (input.deliveryShifts !== undefined) {
      if (input.deliveryShifts === null) throw new BadUserInputError('deliveryShifts', 'say which shifts run; they cannot be cleared');
      changes.deliveryShifts = parseDeliveryShifts(input.deliveryShifts);
    }
    if (input.accountOfficeCode !== undefined) {
      const accountCode = input.accountOfficeCode === null ? null : parseOfficeCode(input.accountOfficeCode, 'accountOfficeCode');
      changes.accountOfficeCode = await checkedAccountOffice(tx, office, accountCode, 'accountOfficeCode');
    }
    return changes;
  }
}

export type OfficeService = ReturnType<typeof createOfficeService>;
