import type { Identity } from '@postal/auth';
import { assertCan, can, scopeOf } from '@postal/authz';
import type { Database } from '@postal/db';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { createLoaders, type Loaders } from '../loaders.js';
import { accountStatement, type AccountStatementReport, type StatementQuery } from './statement.js';
import { trialBalance, type TrialBalanceReport } from './trial-balance.js';

export interface TrialBalanceRequest {
  asOf: string;
  /** An office and everything under it; null or absent for the whole ledger. */
  officeCode?: string | null;
  currency: string;
}

/** The trial balance as the API shows it: the report with the office it was asked for. */
export type TrialBalanceView = TrialBalanceReport & { officeCode: string | null };

/**
 * Whether the caller may read the whole ledger (every office, and the accounts of none): services only. Staff scopes
 * stop at a circle (only circles stand at the top of the tree), so a circle's officer or auditor reading "the whole
 * ledger" reads their own subtree, and accounts without an office are the system's.
 */
export function mayReadWholeLedger(identity: Identity): boolean {
  return scopeOf(identity, 'ledger.read').kind === 'all';
}

/** The ledger's reports, read under ledger.read over the office concerned (services may read everything). */
export function createReportService(database: Database, options: { loaders?: Loaders } = {}) {
  // The request's loaders (context.ts): the account and its office path are often already loaded by the page.
  const loaders = options.loaders ?? createLoaders(database.db, { cache: false });
  const pathOf = async (code: string) => (await loaders.officePaths.load(code)) ?? undefined;
  return {
    /**
     * Needs ledger.read over the office (FORBIDDEN otherwise; OFFICE_NOT_FOUND for an office the ledger does not
     * know); offices under it outside the caller's scope are left out. For the whole ledger, mayReadWholeLedger.
     */
    async trialBalance(identity: Identity, request: TrialBalanceRequest): Promise<TrialBalanceView> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      // Staff asking for the whole ledger get their own office's subtree: theirs is the widest scope they hold.
      const officeCode = request.officeCode ?? (identity.kind === 'staff' ? identity.officeCode : null);
      let officePath: string | null = null;
      if (officeCode === null) {
        if (!mayReadWholeLedger(identity)) throw new ForbiddenError('you may not ledger.read the whole ledger: name an office');
      } else {
        const path = await pathOf(officeCode);
        if (path === undefined) throw new OfficeNotFoundError(officeCode);
        assertCan(identity, 'ledger.read', path);
        officePath = path;
      }
      const report = await trialBalance(database.db, {
        asOf: request.asOf,
        officePath,
        currency: request.currency,
        readerScope: scopeOf(identity, 'ledger.read'),
      });
      return { ...report, officeCode };
    },

    /**
     * Null when the account does not exist or is outside the caller's ledger.read scope (an account without an office
     * is readable by whoever may read the whole ledger).
     */
    async accountStatement(identity: Identity, query: StatementQuery): Promise<AccountStatementReport | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const account = await loaders.accounts.load(query.accountCode);
      if (!account) return null;
      if (account.officeCode === null) {
        if (!mayReadWholeLedger(identity)) return null;
      } else {
        const path = await pathOf(account.officeCode);
        if (path === undefined || !can(identity, 'ledger.read', path)) return null;
      }
      return (await accountStatement(database.db, query, account)) ?? null;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
