import { loadSubgraphTypeDefs, startBatchLoop, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import { createApprovalsClient } from './approvals/administration-client.js';
import { APPROVALS_QUEUE, createApprovalExecutor } from './approvals/executor.js';
import { contextDependencies, createContext, type Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { expireHolds } from './journal/holds.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './ledger-accounts/office-events.js';
import { COD_QUEUE, createCodConsumer } from './cod/consumer.js';
import { createMoneyOrderConsumer, MONEY_ORDERS_QUEUE } from './money-orders/consumer.js';
import { startJournalSealer, type JournalSealer } from './sealing/sealer.js';
import { resolvers } from './resolvers.js';

/** Movements posted at once by one accounts process (a bulk upload stages thousands). */
const MONEY_ORDER_CONSUMER_CONCURRENCY = 8;
/** COD movements posted at once (a day's deliveries, a settlement run's payouts). */
const COD_CONSUMER_CONCURRENCY = 8;

export interface AccountsOptions extends SubgraphRuntimeOptions {
  /**
   * Administration's GraphQL URL: a person's manual journal is submitted to its approvals inbox
   * (approvals/administration-client.ts). A function when the URL is only known after accounts has started (the stack
   * starts accounts first, so that its consumers are listening before administration publishes); read at each call.
   */
  administrationUrl: string | (() => string | undefined);
  /** How often the journal sealer looks for entries to chain when nobody nudges it; default 1,000 ms. */
  journalSealIntervalMs?: number;
  /** How often pending holds past their expiry are released; default 10,000 ms. */
  holdExpiryIntervalMs?: number;
  /** LEDGER_START_DATE: the first business date the journal takes (unset: none but each office's opening). */
  ledgerStartDate?: string | undefined;
}

/** Holds released per sweep transaction. */
const HOLD_EXPIRY_BATCH = 500;

export async function startAccounts(options: AccountsOptions): Promise<RunningSubgraph> {
  const { administrationUrl, journalSealIntervalMs, holdExpiryIntervalMs, ledgerStartDate, ...runtime } = options;
  const { database } = options;
  const clock = options.clock ?? (() => new Date());
  // The sealer starts once the server is up; postings before that are chained at its first run.
  let sealer: JournalSealer | undefined;
  const approvals = createApprovalsClient({ url: administrationUrl, identitySecret: options.identitySecret });
  const deps = contextDependencies({
    database,
    clock,
    timeZone: options.timeZone,
    ledgerStartDate,
    approvals,
    onPosted: () => sealer?.nudge(),
  });
  const running = await startSubgraph<Context>({
    name: 'accounts',
    typeDefs: loadSubgraphTypeDefs('accounts'),
    resolvers,
    ...runtime,
    outboxTables: { outbox, processedEvents },
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEvent,
      // Maker-checker: post the manual journals the approvals inbox approved, and report each back.
      [APPROVALS_QUEUE]: createApprovalExecutor({
        identitySecret: options.identitySecret,
        clock,
        ledgerStartDate,
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      }),
      // Money orders' movements: posted by the chart's rules and answered (POSTED or REJECTED) in the same transaction.
      [MONEY_ORDERS_QUEUE]: createMoneyOrderConsumer({ clock, ledgerStartDate, ...(options.timeZone ? { timeZone: options.timeZone } : {}) }),
      // Cash on delivery's movements: the same, answered with cod.movement-posted.
      [COD_QUEUE]: createCodConsumer({ clock, ledgerStartDate, ...(options.timeZone ? { timeZone: options.timeZone } : {}) }),
    },
    // Money-order movements of different orders post side by side (their accounts' row locks order them); an order's
    // own movements never race, as money-orders stages each only once the one before it is posted.
    // COD movements likewise: a biller's collections at once meet on its payable account's row lock (and its first
    // opening, on the account's key), a movement's own legs are locked office by office (cod/rules.ts inLockOrder).
    eventConcurrency: { [MONEY_ORDERS_QUEUE]: MONEY_ORDER_CONSUMER_CONCURRENCY, [COD_QUEUE]: COD_CONSUMER_CONCURRENCY },
    // Services per request (cheap closures), so each request has its own loaders (context.ts).
    buildContext: (request) => createContext(deps, request),
  });
  const journalSealer = startJournalSealer({
    database,
    logger: options.logger.child({ component: 'journal-sealer' }),
    ...(journalSealIntervalMs === undefined ? {} : { intervalMs: journalSealIntervalMs }),
  });
  sealer = journalSealer;
  const holdExpiry = startBatchLoop({
    name: 'hold expiry',
    logger: options.logger.child({ component: 'hold-expiry' }),
    intervalMs: holdExpiryIntervalMs ?? 10_000,
    runBatch: async () => ({ moreWaiting: (await expireHolds(database.db, clock(), HOLD_EXPIRY_BATCH)) === HOLD_EXPIRY_BATCH }),
  });
  return {
    ...running,
    async stop() {
      await running.stop();
      // Entries left unsealed are chained after the next start; holds past expiry are released then.
      await Promise.all([journalSealer.stop(), holdExpiry.stop()]);
    },
  };
}
