import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can, holds, scopeCondition, scopeOf, withinTree } from '@postal/authz';
import type { Database, Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { currencyOf, Decimal, isMoneyError } from '@postal/money';
import { stageEvents } from '@postal/outbox';
import { auditEvent, changeSummary, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { outbox, processedEvents } from '../db-schema.js';
import { AccountExistsError, AccountNotEmptyError, AccountNotFoundError, OfficeNotFoundError } from '../journal/errors.js';
import type { AccountKind, AccountRecord, AccountStatus, AccountType, BalanceConstraint } from './model.js';
import { accountColumns, findAccount, findKnownOfficePath } from './repository.js';
import { accounts, knownOffices } from './tables.js';
import { businessDays } from '../business-days/tables.js';

export interface OpenAccountInput {
  code?: string | null;
  name: string;
  type: AccountType;
  kind: AccountKind;
  parentCode?: string | null;
  headCode: string;
  currency?: string | null;
  officeCode?: string | null;
  balanceConstraint: BalanceConstraint;
  allowManualEntries: boolean;
}

export interface AccountFilter {
  underOfficeCode?: string | null;
  officeCode?: string | null;
  type?: AccountType | null;
  kind?: AccountKind | null;
  status?: AccountStatus | null;
  headCode?: string | null;
  globalOnly?: boolean | null;
}

const HEADER_CODE = /^[0-9]{4,10}$/;
const HEAD_CODE = /^[0-9]{2,10}$/;
const ACCOUNT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(:[0-9A-Za-z._-]{1,20})?$/;
const MAX_CHILDREN = 500;
const auditTables = { outbox, processedEvents };

/** Whether the caller's scope for a permission is a whole tree (a top-level office) — needed for the global chart. */
function coversWholeTree(identity: Identity, permission: Parameters<typeof scopeOf>[1]): boolean {
  const scope = scopeOf(identity, permission);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.scopes.some((s) => !s.exact && !s.path.includes('/'));
}

/** The accounts a caller may read, as SQL over accounts left-joined to known_offices (the rule of canRead). */
function visibleTo(identity: Identity): SQL {
  const global: SQL = isNull(accounts.officeCode);
  const globalVisible: SQL =
    identity.kind === 'service'
      ? global
      : holds(identity, 'ledger.read')
        ? (and(global, eq(accounts.kind, 'HEADER')) as SQL)
        : sql`false`;
  return or(globalVisible, scopeCondition(identity, 'ledger.read', knownOffices.path)) as SQL;
}

function accountSummary(account: AccountRecord): Record<string, unknown> {
  return {
    code: account.code,
    name: account.name,
    type: account.type,
    kind: account.kind,
    status: account.status,
    parentCode: account.parentCode,
    currency: account.currency,
    officeCode: account.officeCode,
    balanceConstraint: account.balanceConstraint,
    allowManualEntries: account.allowManualEntries,
  };
}

/**
 * The chart of accounts: opening accounts, changing their status, and listing them. Headers and office-less accounts
 * form the global chart: anyone holding ledger.read sees the headers (they hold no money), office-less detail accounts
 * are the system's (services only); changing the global chart needs ledger.account.manage over a whole tree (a circle).
 */
export function createChartService(database: Database, options: { clock?: () => Date } = {}) {
  const clock = options.clock ?? (() => new Date());

  async function canRead(identity: Identity, account: Pick<AccountRecord, 'kind' | 'officeCode'>): Promise<boolean> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind === 'service') return true;
    // Headers are the chart's structure (no money): anyone who reads the ledger. Office-less detail accounts are the
    // system's (services only), as for the whole-ledger trial balance.
    if (account.officeCode === null) return account.kind === 'HEADER' && holds(identity, 'ledger.read');
    const path = await findKnownOfficePath(database.db, account.officeCode);
    return path !== undefined && can(identity, 'ledger.read', path);
  }

  async function assertManage(identity: Identity, officeCode: string | null, tx: Tx | Database['db']): Promise<string | null> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (officeCode === null) {
      if (!coversWholeTree(identity, 'ledger.account.manage')) throw new ForbiddenError('the global chart is changed only by holders of ledger.account.manage over a whole tree');
      return null;
    }
    const path = await findKnownOfficePath(tx, officeCode);
    if (path === undefined) throw new OfficeNotFoundError(officeCode);
    assertCan(identity, 'ledger.account.manage', { code: officeCode, path });
    return path;
  }

  async function validateOpen(tx: Tx, input: OpenAccountInput): Promise<Omit<AccountRecord, 'debitTotal' | 'creditTotal' | 'pendingDebit' | 'pendingCredit' | 'version' | 'status'>> {
    const name = input.name?.trim() ?? '';
    if (name.length === 0 || name.length > 200) throw new BadUserInputError('name', 'a name is 1 to 200 characters');
    if (!HEAD_CODE.test(input.headCode ?? '')) throw new BadUserInputError('headCode', 'a head code is 2 to 10 digits');
    const officeCode = input.officeCode ?? null;
    if (input.kind === 'HEADER') {
      if (officeCode !== null) throw new BadUserInputError('officeCode', 'a header belongs to the global chart, not to an office');
      if (input.currency) throw new BadUserInputError('currency', 'a header has no currency');
      if (!input.code || !HEADER_CODE.test(input.code)) throw new BadUserInputError('code', 'a header code is 4 to 10 digits');
      if (input.balanceConstraint !== 'NONE') throw new BadUserInputError('balanceConstraint', 'a header carries no balance to constrain');
    }
    let currency: string | null = null;
    if (input.kind === 'DETAIL') {
      currency = input.currency ?? 'INR';
      try {
        currencyOf(currency);
      } catch (error) {
        if (isMoneyError(error)) throw new BadUserInputError('currency', error.message);
        throw error;
      }
    }
    if (officeCode !== null) {
      const [office] = await tx.select({ status: knownOffices.status }).from(knownOffices).where(eq(knownOffices.code, officeCode));
      if (!office) throw new OfficeNotFoundError(officeCode);
      if (office.status !== 'ACTIVE') throw new BadUserInputError('officeCode', `office ${officeCode} is closed`);
    }
    const code = input.code ?? (officeCode !== null ? `${officeCode}:${input.headCode}` : undefined);
    if (!code) throw new BadUserInputError('code', 'an account without an office needs a code');
    if (!ACCOUNT_CODE.test(code)) throw new BadUserInputError('code', 'an account code is letters, digits, ".", "_" or "-", with an optional ":head"');
    if (officeCode !== null && input.code && !input.code.startsWith(`${officeCode}:`)) {
      throw new BadUserInputError('code', `an account of office ${officeCode} has a code starting "${officeCode}:"`);
    }
    // The parent: the header named, or the head's own header when it exists.
    let parentCode = input.parentCode ?? null;
    if (parentCode === null && input.kind === 'DETAIL') {
      const head = await findAccount(tx, input.headCode);
      if (head?.kind === 'HEADER') parentCode = head.code;
    }
    if (parentCode !== null) {
      const parent = await findAccount(tx, parentCode);
      if (!parent) throw new AccountNotFoundError(parentCode);
      if (parent.kind !== 'HEADER') throw new BadUserInputError('parentCode', `${parentCode} is a detail account; accounts sit under headers`);
      if (parent.type !== input.type) throw new BadUserInputError('parentCode', `${parentCode} is ${parent.type}; an ${input.type} account cannot sit under it`);
    }
    const [day] = officeCode === null ? [] : await tx.select({ closedThrough: businessDays.closedThrough }).from(businessDays).where(eq(businessDays.officeCode, officeCode));
    return {
      code,
      name,
      type: input.type,
      kind: input.kind,
      parentCode,
      headCode: input.kind === 'HEADER' ? code : input.headCode,
      currency,
      officeCode,
      balanceConstraint: input.balanceConstraint,
      allowManualEntries: input.allowManualEntries,
      // A new account of an office that has closed days is closed through them too.
      closedThrough: day?.closedThrough ?? null,
    };
  }

  return {
    canRead,

    async getAccount(identity: Identity, code: string): Promise<AccountRecord | null> {
      const account = await findAccount(database.db, code);
      return account && (await canRead(identity, account)) ? account : null;
    },

    async openAccount(context: SignedRequestContext, input: OpenAccountInput): Promise<AccountRecord> {
      return database.db.transaction(async (tx) => {
        await assertManage(context.identity, input.officeCode ?? null, tx);
        const row = await validateOpen(tx, input);
        const [inserted] = await tx.insert(accounts).values(row).onConflictDoNothing({ target: accounts.code }).returning({ code: accounts.code });
        if (!inserted) throw new AccountExistsError(row.code);
        const account = (await findAccount(tx, row.code))!;
        await stageEvents(tx, auditTables, [
          auditEvent('accounts', context, {
            action: 'ACCOUNT_OPENED',
            outcome: 'SUCCESS',
            target: { type: 'Account', id: account.code },
            ...(account.officeCode ? { officeCode: account.officeCode } : {}),
            after: accountSummary(account),
          }),
        ]);
        return account;
      });
    },

    /**
     * Freezes, reopens or closes an account. Closing is final and needs nothing left on it: no balance, nothing pending.
     * The row is locked, so a posting racing the change either lands before it (and blocks a close) or is refused.
     */
    async setAccountStatus(context: SignedRequestContext, code: string, status: AccountStatus, reason: string): Promise<AccountRecord> {
      const trimmed = reason?.trim() ?? '';
      if (trimmed.length === 0 || trimmed.length > 500) throw new BadUserInputError('reason', 'a reason is 1 to 500 characters');
      return database.db.transaction(async (tx) => {
        const [locked] = await tx.select(accountColumns).from(accounts).where(eq(accounts.code, code)).for('update');
        const account = locked as AccountRecord | undefined;
        if (!account) throw new AccountNotFoundError(code);
        await assertManage(context.identity, account.officeCode, tx);
        if (account.status === status) return account;
        if (account.status === 'CLOSED') throw new BadUserInputError('status', 'a closed account stays closed');
        if (status === 'CLOSED') {
          if (!new Decimal(account.debitTotal).equals(account.creditTotal)) throw new AccountNotEmptyError(code, 'it has a balance');
          if (!new Decimal(account.pendingDebit).isZero() || !new Decimal(account.pendingCredit).isZero()) throw new AccountNotEmptyError(code, 'it has pending holds');
          if (account.kind === 'HEADER') {
            const [child] = await tx.select({ code: accounts.code }).from(accounts).where(and(eq(accounts.parentCode, code), sql`${accounts.status} <> 'CLOSED'`)).limit(1);
            if (child) throw new AccountNotEmptyError(code, `account ${child.code} under it is not closed`);
          }
        }
        const [updated] = await tx
          .update(accounts)
          .set({ status, version: sql`${accounts.version} + 1` })
          .where(eq(accounts.code, code))
          .returning(accountColumns);
        const after = updated as AccountRecord;
        await stageEvents(tx, auditTables, [
          auditEvent('accounts', context, {
            action: 'ACCOUNT_STATUS_CHANGED',
            outcome: 'SUCCESS',
            target: { type: 'Account', id: code },
            ...(account.officeCode ? { officeCode: account.officeCode } : {}),
            reason: trimmed,
            ...changeSummary({ status: account.status }, { status: after.status }),
          }),
        ]);
        return after;
      });
    },

    /** Accounts ordered by code, in the caller's ledger.read scope, filtered and paged in SQL. */
    async listAccounts(identity: Identity, filter: AccountFilter, first?: number | null, after?: string | null): Promise<Connection<AccountRecord>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const size = pageSize(first);
      const cursor = decodeCursor(after, 1);
      const global: SQL = isNull(accounts.officeCode);
      const conditions: SQL[] = [visibleTo(identity)];
      if (filter.globalOnly) conditions.push(global);
      if (filter.officeCode) conditions.push(eq(accounts.officeCode, filter.officeCode));
      if (filter.underOfficeCode) {
        const path = await findKnownOfficePath(database.db, filter.underOfficeCode);
        if (path === undefined) return toConnection([], size, () => []);
        conditions.push(withinTree(knownOffices.path, path));
      }
      if (filter.type) conditions.push(eq(accounts.type, filter.type));
      if (filter.kind) conditions.push(eq(accounts.kind, filter.kind));
      if (filter.status) conditions.push(eq(accounts.status, filter.status));
      if (filter.headCode) conditions.push(eq(accounts.headCode, filter.headCode));
      if (cursor) conditions.push(gt(accounts.code, cursor[0]!));
      const rows = await database.db
        .select(accountColumns)
        .from(accounts)
        .leftJoin(knownOffices, eq(knownOffices.code, accounts.officeCode))
        .where(and(...conditions))
        .orderBy(asc(accounts.code))
        .limit(size + 1);
      return toConnection(rows as AccountRecord[], size, (account) => [account.code]);
    },

    /** The accounts directly under a header, in the caller's scope. */
    async childrenOf(identity: Identity, parentCode: string): Promise<AccountRecord[]> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const rows = await database.db
        .select(accountColumns)
        .from(accounts)
        .leftJoin(knownOffices, eq(knownOffices.code, accounts.officeCode))
        .where(and(eq(accounts.parentCode, parentCode), visibleTo(identity)))
        .orderBy(asc(accounts.code))
        .limit(MAX_CHILDREN);
      return rows as AccountRecord[];
    },
  };
}

export type ChartService = ReturnType<typeof createChartService>;
