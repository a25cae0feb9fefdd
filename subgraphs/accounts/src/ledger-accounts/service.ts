import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can, holds, scopeOf } from '@postal/authz';
import type { Database, Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { currencyOf, Decimal, isMoneyError } from '@postal/money';
import { stageEvents } from '@postal/outbox';
import { auditEvent, changeSummary, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { closedThroughOf } from '../business-days/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { createLoaders, type Loaders } from '../loaders.js';
import { AccountNotFoundError } from '../journal/errors.js';
import { AccountExistsError, AccountNotEmptyError, OfficeNotFoundError } from './errors.js';
import type { AccountKind, AccountRecord, AccountStatus, AccountType, BalanceConstraint, OfficeLedgerStatus } from './model.js';
import {
  findAccount,
  findKnownOfficePath,
  findKnownOfficeStatus,
  firstUnclosedChildOf,
  insertAccountIfAbsent,
  listAccountsPage,
  lockAccount,
  nonZeroAccountsOf,
  officeHasPendingHolds,
  updateAccountStatus,
  type AccountFilter,
  type NewAccountRow,
} from './repository.js';

export type { AccountFilter } from './repository.js';

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

const HEADER_CODE = /^[0-9]{4,10}$/;
const HEAD_CODE = /^[0-9]{2,10}$/;
const ACCOUNT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(:[0-9A-Za-z._-]{1,20})?$/;
/** The most accounts one status lists; an office has about ten. */
const MAX_LISTED_ACCOUNTS = 100;
const auditTables = { outbox, processedEvents };

/** Whether the caller's scope for a permission is a whole tree (a top-level office) — needed for the global chart. */
function coversWholeTree(identity: Identity, permission: Parameters<typeof scopeOf>[1]): boolean {
  const scope = scopeOf(identity, permission);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.scopes.some((s) => !s.exact && !s.path.includes('/'));
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
 * The ledger's accounts: the chart (opening accounts, changing their status, listing them), an office's accounts, and
 * an office's ledger status for other subgraphs. Reading is under `ledger.read` over the account's office (its path is
 * this subgraph's own copy, from office events); out of scope, a list is empty and a single account is not found.
 * Headers and office-less accounts form the global chart: anyone holding ledger.read sees the headers (they hold no
 * money), office-less detail accounts are the system's (services only); changing the global chart needs
 * ledger.account.manage over a whole tree (a circle).
 */
/** Codes one accounts(filter: { codes }) may name: a page's worth (a journal has at most 100 postings). */
export const MAX_FILTER_CODES = 100;

export function createAccountService(database: Database, options: { clock?: () => Date; loaders?: Loaders } = {}) {
  // Reads outside a transaction go through the request's loaders (batched per page); a service without a request's
  // loaders batches but remembers nothing.
  const loaders = options.loaders ?? createLoaders(database.db, { cache: false });
  const officePath = async (code: string) => (await loaders.officePaths.load(code)) ?? undefined;

  async function canRead(identity: Identity, account: Pick<AccountRecord, 'kind' | 'officeCode'>): Promise<boolean> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind === 'service') return true;
    // Headers are the chart's structure (no money): anyone who reads the ledger. Office-less detail accounts are the
    // system's (services only), as for the whole-ledger trial balance.
    if (account.officeCode === null) return account.kind === 'HEADER' && holds(identity, 'ledger.read');
    const path = await officePath(account.officeCode);
    return path !== undefined && can(identity, 'ledger.read', path);
  }

  /** Whether the caller may read an office's accounts (none for the office-less global chart, except services). */
  async function readableOffice(identity: Identity, officeCode: string | null): Promise<boolean> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind === 'service') return true;
    if (officeCode === null) return false;
    const path = await officePath(officeCode);
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

  async function validateOpen(tx: Tx, input: OpenAccountInput): Promise<NewAccountRow> {
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
      const status = await findKnownOfficeStatus(tx, officeCode);
      if (status === undefined) throw new OfficeNotFoundError(officeCode);
      if (status !== 'ACTIVE') throw new BadUserInputError('officeCode', `office ${officeCode} is closed`);
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
    const closedThrough = officeCode === null ? null : await closedThroughOf(tx, officeCode);
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
      closedThrough,
    };
  }

  return {
    canRead,

    async getAccount(identity: Identity, code: string): Promise<AccountRecord | null> {
      const account = await loaders.accounts.load(code);
      return account && (await canRead(identity, account)) ? account : null;
    },

    async openAccount(context: SignedRequestContext, input: OpenAccountInput): Promise<AccountRecord> {
      const opened = await database.db.transaction(async (tx) => {
        await assertManage(context.identity, input.officeCode ?? null, tx);
        const row = await validateOpen(tx, input);
        if (!(await insertAccountIfAbsent(tx, row))) throw new AccountExistsError(row.code);
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
      loaders.clearAll();
      return opened;
    },

    /**
     * Freezes, reopens or closes an account. Closing is final and needs nothing left on it: no balance, nothing pending.
     * The row is locked, so a posting racing the change either lands before it (and blocks a close) or is refused.
     */
    async setAccountStatus(context: SignedRequestContext, code: string, status: AccountStatus, reason: string): Promise<AccountRecord> {
      const trimmed = reason?.trim() ?? '';
      if (trimmed.length === 0 || trimmed.length > 500) throw new BadUserInputError('reason', 'a reason is 1 to 500 characters');
      const changed = await database.db.transaction(async (tx) => {
        const account = await lockAccount(tx, code);
        if (!account) throw new AccountNotFoundError(code);
        await assertManage(context.identity, account.officeCode, tx);
        if (account.status === status) return account;
        if (account.status === 'CLOSED') throw new BadUserInputError('status', 'a closed account stays closed');
        if (status === 'CLOSED') {
          if (!new Decimal(account.debitTotal).equals(account.creditTotal)) throw new AccountNotEmptyError(code, 'it has a balance');
          if (!new Decimal(account.pendingDebit).isZero() || !new Decimal(account.pendingCredit).isZero()) throw new AccountNotEmptyError(code, 'it has pending holds');
          if (account.kind === 'HEADER') {
            const child = await firstUnclosedChildOf(tx, code);
            if (child) throw new AccountNotEmptyError(code, `account ${child} under it is not closed`);
          }
        }
        const after = await updateAccountStatus(tx, code, status);
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
      loaders.clearAll();
      return changed;
    },

    /** Accounts ordered by code, in the caller's ledger.read scope, filtered and paged in SQL. */
    async listAccounts(identity: Identity, filter: AccountFilter, first?: number | null, after?: string | null): Promise<Connection<AccountRecord>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const size = pageSize(first);
      if (filter.codes && filter.codes.length > MAX_FILTER_CODES) {
        throw new BadUserInputError('filter.codes', `name at most ${MAX_FILTER_CODES} account codes at a time`, { max: MAX_FILTER_CODES });
      }
      const cursor = decodeCursor(after, 1);
      let underPath: string | undefined;
      if (filter.underOfficeCode) {
        underPath = await officePath(filter.underOfficeCode);
        if (underPath === undefined) return toConnection([], size, () => []);
      }
      const rows = await listAccountsPage(database.db, { reader: identity, filter, underPath, afterCode: cursor ? cursor[0]! : undefined, limit: size + 1 });
      for (const account of rows) loaders.accounts.prime(account.code, account);
      return toConnection(rows, size, (account) => [account.code]);
    },

    /** The accounts directly under a header, in the caller's scope. */
    async childrenOf(identity: Identity, parentCode: string): Promise<AccountRecord[]> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      return loaders.childrenOf(identity).load(parentCode);
    },

    /** Office.ledgerAccounts: the office's accounts, none out of the caller's scope. */
    async ledgerAccountsOf(identity: Identity, officeCode: string): Promise<AccountRecord[]> {
      return (await readableOffice(identity, officeCode)) ? loaders.accountsOfOffice.load(officeCode) : [];
    },

    /**
     * For other subgraphs (administration asks before closing an office): which of the office's accounts carry a
     * balance. Only a signed service may ask; it is no business of staff, who read balances through ledger.read.
     * An office this subgraph has not heard of has no accounts, so no balances, no holds and no closed days.
     */
    async officeLedgerStatus(identity: Identity, officeCode: string): Promise<OfficeLedgerStatus> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind !== 'service') throw new ForbiddenError('only another subgraph may ask for an office ledger status');
      const [nonZeroAccounts, hasPendingHolds, closedThrough] = await Promise.all([
        nonZeroAccountsOf(database.db, officeCode, MAX_LISTED_ACCOUNTS),
        officeHasPendingHolds(database.db, officeCode),
        closedThroughOf(database.db, officeCode),
      ]);
      return { officeCode, hasOpenBalances: nonZeroAccounts.length > 0, nonZeroAccounts, hasPendingHolds, closedThrough };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
