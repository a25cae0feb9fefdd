import type { Database } from '@postal/db';
import type { RequestContext } from '@postal/server';
import type { ApprovalsClient } from './approvals/administration-client.js';
import { createBusinessDayService, type BusinessDayService } from './business-days/service.js';
import { createCodLedgerService, type CodLedgerService } from './cod/service.js';
import { AccountFactsCache } from './journal/account-facts.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createJournalService, type JournalService } from './journal/service.js';
import { createAccountService, type AccountService } from './ledger-accounts/service.js';
import { createReportService, type ReportService } from './reports/service.js';
import { createMoneyOrderLedgerService, type MoneyOrderLedgerService } from './money-orders/service.js';
import { createLedgerVerificationService, type LedgerVerificationService } from './sealing/service.js';

export interface Services {
  /** The chart of accounts, an office's accounts and its ledger status. */
  accounts: AccountService;
  journal: JournalService;
  reports: ReportService;
  businessDays: BusinessDayService;
  /** verifyLedger and the chain hashes the sealer wrote. */
  ledger: LedgerVerificationService;
  /** Administration's approvals inbox: where a person's manual journal goes to wait for a second finance officer. */
  approvals: ApprovalsClient;
  /** Money orders' side of the ledger: cash reserved at the counter, the control balance, an order's entries. */
  moneyOrders: MoneyOrderLedgerService;
  /** Cash on delivery's side of the ledger: each biller's COD payable, for cod-settlement's reconciliation. */
  cod: CodLedgerService;
}

export interface Context extends RequestContext {
  services: Services;
  /** This request's DataLoaders: the services read through them (loaders.ts). */
  loaders: Loaders;
}

/** What lives as long as the process and every request's services share. */
export interface ContextDependencies {
  database: Database;
  clock: () => Date;
  timeZone?: string | undefined;
  approvals: ApprovalsClient;
  /** Told after postings commit (the journal sealer's nudge). */
  onPosted?: () => void;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
  /** The accounts' fixed facts, read once per process (journal/account-facts.ts). */
  facts: AccountFactsCache;
}

export function contextDependencies(options: Omit<ContextDependencies, 'facts'> & { facts?: AccountFactsCache }): ContextDependencies {
  return { ...options, facts: options.facts ?? new AccountFactsCache() };
}

export function createServices(deps: ContextDependencies, loaders: Loaders): Services {
  const { database, clock, approvals } = deps;
  return {
    accounts: createAccountService(database, { clock, loaders }),
    journal: createJournalService(database, {
      clock,
      approvals,
      facts: deps.facts,
      loaders,
      ledgerStartDate: deps.ledgerStartDate,
      ...(deps.onPosted ? { onPosted: deps.onPosted } : {}),
    }),
    reports: createReportService(database, { loaders }),
    businessDays: createBusinessDayService({ database, clock, loaders, ...(deps.timeZone ? { timeZone: deps.timeZone } : {}) }),
    ledger: createLedgerVerificationService(database, { loaders }),
    approvals,
    moneyOrders: createMoneyOrderLedgerService(database, { clock, loaders }),
    cod: createCodLedgerService(database, { loaders }),
  };
}

/** A request's context: the signed caller and request facts, its own loaders, and services reading through them. */
export function createContext(deps: ContextDependencies, request: RequestContext): Context {
  const loaders = createLoaders(deps.database.db);
  return { ...request, loaders, services: createServices(deps, loaders) };
}
