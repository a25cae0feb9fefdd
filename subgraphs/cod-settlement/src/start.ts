import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { JobQueue } from '@postal/jobs';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';
import { createArticleService } from './articles/service.js';
import { createDepositService } from './deposits/index.js';
import { createManifestService } from './manifests/service.js';
import { startManifestJob } from './jobs/manifest-upload.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './ledger/results.js';
import { OFFICE_EVENTS_QUEUE } from './offices/repository.js';
import { handleOfficeEventWithBillers } from './billers/office-events.js';
import { createApprovalSubmitter } from './approvals/administration-client.js';
import { APPROVALS_QUEUE } from './approvals/executor.js';
import { createSettlementApprovalExecutor } from './settlement/approval-executor.js';
import { createBillerLoaders } from './billers/loaders.js';
import { createBillerService } from './billers/service.js';
import { createContractService } from './contracts/service.js';
import type { Notifier } from '@postal/notify';
import { DEFAULT_PAYOUT_BANK, type PayoutBankProfile, type SettlementDeps } from './settlement/deps.js';
import { startSettlementJob } from './jobs/settlement-build.js';
import { createCodLedgerClient } from './summaries/ledger-client.js';
import { createBankAccountService } from './recon/bank-accounts/service.js';
import { createStatementImportService } from './recon/imports/service.js';
import { startStatementImportJob } from './recon/imports/job.js';
import { createBankLedgerClient } from './recon/ledger-client.js';
import type { ReconDeps } from './recon/deps.js';
import { createMatchingService } from './recon/matching/service.js';
import { startMatchingJob } from './recon/matching/job.js';
import { BANK_STATEMENT_UPLOAD } from './recon/upload-route.js';

export interface CodSettlementOptions extends SubgraphRuntimeOptions {
  /**
   * Administration's GraphQL URL: the approvals inbox (bank-detail changes, settlement releases). A function when it is
   * only known later (the stack starts cod-settlement before administration); absent, such requests are refused.
   */
  administrationUrl?: string | (() => string | undefined);
  /** The operator's currency; default INR. */
  currency?: string;
  /** The accounts subgraph's GraphQL URL (codReconciliation asks it the COD payable per biller). */
  accountsUrl?: string | (() => string | undefined);
  /** How sellers are told of a failed payout (e-mail; the local outbox in the embedded default). */
  notifier?: Notifier;
  /** Background jobs (@postal/jobs): manifest uploads and the scheduled settlement build; the caller's, closed by whoever created it. */
  jobs: JobQueue;
  /** How often the scheduled build runs (default: SETTLEMENT_BUILD_EVERY_MS, hourly). */
  settlementBuildIntervalMs?: number;
  /** The operator's bank at the settlement offices: its bulk-file layout and ids (default DEFAULT_PAYOUT_BANK). */
  payoutBank?: PayoutBankProfile;
}

export async function startCodSettlement(options: CodSettlementOptions): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const approvals = options.administrationUrl ? createApprovalSubmitter({ url: options.administrationUrl, identitySecret: options.identitySecret }) : undefined;
  const billerDeps = { database: options.database, clock, timeZone, currency: options.currency ?? 'INR', ...(approvals ? { approvals } : {}) };
  const currency = options.currency ?? 'INR';
  const articleDeps = { database: options.database, clock, timeZone, currency };
  const settlement: SettlementDeps & { ledger?: ReturnType<typeof createCodLedgerClient> } = {
    database: options.database,
    clock,
    timeZone,
    payoutBank: options.payoutBank ?? DEFAULT_PAYOUT_BANK,
    currency: options.currency ?? 'INR',
    logger: options.logger,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(approvals ? { approvals } : {}),
    ...(options.accountsUrl ? { ledger: createCodLedgerClient({ url: options.accountsUrl, identitySecret: options.identitySecret }) } : {}),
  };
  const recon: ReconDeps = {
    database: options.database,
    clock,
    timeZone,
    jobs: options.jobs,
    notifier: options.notifier,
    logger: options.logger,
    approvals,
    ...(options.accountsUrl ? { ledger: createBankLedgerClient({ url: options.accountsUrl, identitySecret: options.identitySecret }) } : {}),
  };
  const statementImports = createStatementImportService(recon);
  const services = {
    fees: createFeeService({ database: options.database, clock, timeZone }),
    billers: createBillerService(billerDeps),
    contracts: createContractService(billerDeps),
    articles: createArticleService(articleDeps),
    deposits: createDepositService(articleDeps),
    manifests: createManifestService(articleDeps, options.jobs),
    settlement,
    bankAccounts: createBankAccountService(recon),
    statementImports,
    recon,
    matching: createMatchingService(recon),
  };
  const running = await startSubgraph<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    // A manifest CSV (8 MB at most, manifests/csv.ts) in JSON, escaped, with the rest of the request.
    maxBody: '12mb',
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEventWithBillers,
      // Modules that act on an answer (a failed settlement flagged, say) add their listener here.
      [LEDGER_RESULTS_QUEUE]: createLedgerResultsHandler(clock, {}),
      // The one approvals consumer: bank-detail changes (billers) and settlement releases (settlement/approval-executor.ts).
      [APPROVALS_QUEUE]: createSettlementApprovalExecutor(settlement, { identitySecret: options.identitySecret }),
    },
    buildContext: (request) => ({ ...request, services, billerLoaders: createBillerLoaders(options.database.db) }),
    // A large statement file as its raw bytes (the gateway's POST /uploads/bank-statement), outside GraphQL's JSON.
    uploads: [{ ...BANK_STATEMENT_UPLOAD, handle: (request, params, bytes) => BANK_STATEMENT_UPLOAD.answer(statementImports, request, params, bytes) }],
  });
  await startManifestJob(options.jobs, articleDeps);
  await startSettlementJob(options.jobs, settlement, options.settlementBuildIntervalMs);
  await startStatementImportJob(options.jobs, recon, options.logger);
  await startMatchingJob(options.jobs, recon);
  return running;
}
