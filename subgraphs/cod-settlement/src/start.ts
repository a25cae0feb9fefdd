import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './ledger/results.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './offices/repository.js';
import type { JobQueue } from '@postal/jobs';
import type { Notifier } from '@postal/notify';
import { createApprovalSubmitter } from './settlement/administration-client.js';
import { COD_APPROVALS_QUEUE, createSettlementApprovalExecutor } from './settlement/approval-executor.js';
import { DEFAULT_PAYOUT_BANK, type PayoutBankProfile, type SettlementDeps } from './settlement/deps.js';
import { startSettlementJob } from './jobs/settlement-build.js';
import { createCodLedgerClient } from './summaries/ledger-client.js';

export interface CodSettlementOptions extends SubgraphRuntimeOptions {
  /** Administration's GraphQL URL (the approvals inbox: SETTLEMENT_RELEASE); a function when known later. */
  administrationUrl?: string | (() => string | undefined);
  /** The accounts subgraph's GraphQL URL (codReconciliation asks it the COD payable per biller). */
  accountsUrl?: string | (() => string | undefined);
  /** How sellers are told of a failed payout (e-mail; the local outbox in the embedded default). */
  notifier?: Notifier;
  /** Background jobs (@postal/jobs): the settlement build on a schedule. Absent: no scheduled build. */
  jobs?: JobQueue;
  /** How often the scheduled build runs (default: SETTLEMENT_BUILD_EVERY_MS, hourly). */
  settlementBuildIntervalMs?: number;
  /** The operator's bank at the settlement offices: its bulk-file layout and ids (default DEFAULT_PAYOUT_BANK). */
  payoutBank?: PayoutBankProfile;
}

export async function startCodSettlement(options: CodSettlementOptions): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const settlement: SettlementDeps & { ledger?: ReturnType<typeof createCodLedgerClient> } = {
    database: options.database,
    clock,
    timeZone,
    payoutBank: options.payoutBank ?? DEFAULT_PAYOUT_BANK,
    logger: options.logger,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.administrationUrl ? { approvals: createApprovalSubmitter({ url: options.administrationUrl, identitySecret: options.identitySecret }) } : {}),
    ...(options.accountsUrl ? { ledger: createCodLedgerClient({ url: options.accountsUrl, identitySecret: options.identitySecret }) } : {}),
  };
  const services = {
    fees: createFeeService({
      database: options.database,
      clock,
      timeZone,
    }),
    settlement,
  };
  const running = await startSubgraph<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEvent,
      // Modules that act on an answer (a failed settlement flagged, say) add their listener here.
      [LEDGER_RESULTS_QUEUE]: createLedgerResultsHandler(clock, {}),
      // Until the billers module's createCodApprovalExecutor is on main (settlement/approval-executor.ts).
      [COD_APPROVALS_QUEUE]: createSettlementApprovalExecutor(settlement, { identitySecret: options.identitySecret }),
    },
    buildContext: (request) => ({ ...request, services }),
  });
  if (options.jobs) await startSettlementJob(options.jobs, settlement, options.settlementBuildIntervalMs);
  return running;
}
