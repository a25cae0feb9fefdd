/**
 * The authorization matrix's rows for COD settlement after the build (issue 12): a batch and its payout, the payout
 * file, the payout's outcome, cancelling, disputes, the sellers' and officers' figures, the reconciliation (and the
 * ledger's service-only side of it), bank holidays. Kept beside the matrix like the articles' rows, on the same
 * billers (cod-articles-matrix.ts: one settled at each place's office; the matrix's BILLER is the own one's).
 *
 * Fixtures are built by service identities (in scope everywhere) and only when a cell needs them: what the reads look
 * at (a released batch with its payout and file, per place) once for the file; what a command uses up (a pending
 * payout, a draft batch, a delivered article, an open dispute) is kept for the next cell until a cell succeeds with
 * it, since a refused command changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { Decimal } from '@postal/money';
import { createCodLedgerService } from '../../subgraphs/accounts/src/cod/service.js';
import { createLoaders as createAccountsLoaders } from '../../subgraphs/accounts/src/loaders.js';
import { addCalendarDays, isBusinessDay, isoWeekday } from '../../subgraphs/cod-settlement/src/contracts/calendar.js';
import { holidaysBetween } from '../../subgraphs/cod-settlement/src/contracts/repository.js';
import { listCodDisputes } from '../../subgraphs/cod-settlement/src/disputes/queries.js';
import { raiseCodDispute, resolveCodDispute } from '../../subgraphs/cod-settlement/src/disputes/service.js';
import { createSettlementApprovalExecutor } from '../../subgraphs/cod-settlement/src/settlement/approval-executor.js';
import { buildSettlementBatches } from '../../subgraphs/cod-settlement/src/settlement/build.js';
import { DEFAULT_PAYOUT_BANK, type SettlementDeps } from '../../subgraphs/cod-settlement/src/settlement/deps.js';
import { markPayoutFailed, markPayoutPaid } from '../../subgraphs/cod-settlement/src/settlement/payouts.js';
import { payoutFile, settlementBatch, settlementBatchList } from '../../subgraphs/cod-settlement/src/settlement/queries.js';
import { payoutOfBatch } from '../../subgraphs/cod-settlement/src/settlement/repository.js';
import { closeUnreleasedBatch, submitSettlementBatches } from '../../subgraphs/cod-settlement/src/settlement/submit.js';
import { decidedEvent, identitySecret, recordingInbox } from '../../subgraphs/cod-settlement/src/settlement/test-support/seed.js';
import type { CodLedgerClient } from '../../subgraphs/cod-settlement/src/summaries/ledger-client.js';
import {
  bankHolidays,
  billerCodSummary,
  billerRemittances,
  billerRemittancesCsv,
  codAging,
  codReconciliation,
  officeCodSummary,
} from '../../subgraphs/cod-settlement/src/summaries/service.js';
import type { CodFixtures, CodMatrixContext, Place } from './cod-articles-matrix.js';

// prettier-ignore
export const COD_SETTLEMENT_EXPECTED: Record<string, string> = {
  //                                                      ADMIN FINANCE AUDITOR CLERK POSTMAN BILLER ANONYMOUS
  // A batch is read with cod.read over its settlement office (finance officers and auditors over their subtree,
  // clerks and postmen at their own office) or by its own biller's people; out of sight it is not found.
  'settlementBatch(id) (released, settled at the office)': 'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  'settlementBatches (lists the batch)':                 'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  // The bank's file carries every payee's account in full: cod.settlement.manage alone downloads it.
  'payoutFile (of the released batch)':                  'NNN   AAN     NNN     NNN   NNN     NNN    UUU',
  // Commands on a payout or an unreleased batch: cod.settlement.manage over the settlement office, else FORBIDDEN.
  'markPayoutPaid (a pending payout)':                   'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'markPayoutFailed (a pending payout)':                 'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'cancelSettlementBatch (a draft batch)':               'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  // Raised by finance officers (cod.dispute.manage over the biller's settlement office) or the biller's own people;
  // to anyone else the article is not found (ARTICLE_NOT_FOUND), as a resolve's dispute is (DISPUTE_NOT_FOUND).
  'raiseCodDispute (a delivered article)':               'NNN   AAN     NNN     NNN   NNN     ANN    UUU',
  'resolveCodDispute (an open dispute)':                 'NNN   AAN     NNN     NNN   NNN     NNN    UUU',
  // Listed with cod.read over the biller's settlement office, or by the biller's own people (their own biller's only).
  'codDisputes (an open dispute of the biller settled there)': 'FFF   AAN     AAN     ANN   ANN     ANN    UUU',
  // The biller's figures: cod.read over its settlement office, or its own people.
  'Biller.codSummary':                                   'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  'Biller.remittances (lists the payout)':               'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  'Biller.remittancesCsv (has the article)':             'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  // Office internals: cod.read over the office; a biller's people hold none.
  'Office.codSummary (a delivery there today)':          'NNN   AAN     AAN     ANN   ANN     NNN    UUU',
  'codReconciliation (the biller settled there)':        'FFF   AAN     AAN     ANN   ANN     FFF    UUU',
  'codAging (the biller settled there)':                 'FFF   AAN     AAN     ANN   ANN     FFF    UUU',
  'bankHolidays':                                        'F--   A--     A--     A--   A--     F--    U--',
  // accounts' ledger side of the reconciliation: the cod-settlement service alone (no person, whatever their role).
  'codPayableBalances (cod-settlement only)':            'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
};

const SETUP: Identity = { kind: 'service', service: 'cod-settlement' };
const contextOf = (identity: Identity): SignedRequestContext => ({ identity, requestId: `matrix-${randomUUID()}`, clientAddress: undefined });
/** Submits the fixtures' releases (a release is submitted by a member of staff, never a service), from the root. */
const RELEASER: Identity = {
  kind: 'staff',
  staffId: randomUUID(),
  username: 'matrix.releaser',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'DL',
  officePath: 'DL',
  grants: [{ permission: 'cod.settlement.release', scope: 'SUBTREE' }],
};
/** Settlement fixtures are delivered and deposited three weeks before the matrix's clock: due by any cycle after. */
const DELIVERED_EARLIER = () => new Date('2026-11-02T06:30:00Z');

export function codSettlementOperations(context: CodMatrixContext, fixtures: CodFixtures) {
  const db = () => context.database().db;
  const deps = (): SettlementDeps => ({ database: context.database(), clock: context.clock, timeZone: 'Asia/Kolkata', payoutBank: DEFAULT_PAYOUT_BANK });
  const as = (actor: string) => context.identity(actor);
  const present = (value: unknown) => value !== null && value !== undefined;
  const billerAt = async (place: Place) => (await fixtures.billers())[place];
  let utrs = 0;
  const nextUtr = () => `SBINN${String(++utrs).padStart(11, '0')}`;

  /** One live batch per biller and cycle date: each build takes the next payout day (Mon, Wed, Fri) of the calendar. */
  let cycleDate = '2026-11-19';
  let holidays: Set<string> | undefined;
  async function nextCycleDate(): Promise<string> {
    holidays ??= await holidaysBetween(db(), 'IN', '2026-11-01', '2027-12-31');
    do cycleDate = addCalendarDays(cycleDate, 1);
    while (![1, 3, 5].includes(isoWeekday(cycleDate)) || !isBusinessDay(cycleDate, holidays));
    return cycleDate;
  }
  /** A DRAFT batch of the place's biller, with one due article (built by the system, as the scheduled build does). */
  async function draftBatchAt(place: Place) {
    const { articleNumber } = await fixtures.depositedArticleAt(place, DELIVERED_EARLIER);
    const biller = await billerAt(place);
    const built = await buildSettlementBatches(deps(), contextOf(SETUP), { settlementOfficeCode: context.officeAt[place], cycleDate: await nextCycleDate() });
    const batch = built.find((b) => b.billerId === biller.id);
    if (!batch) throw new Error(`the matrix built no batch for ${biller.code}`);
    return { batch, articleNumber };
  }
  /** A RELEASED batch and its PENDING payout (in a payout file): submitted, approved by a checker, executed. */
  async function releasedAt(place: Place) {
    const { batch, articleNumber } = await draftBatchAt(place);
    const inbox = recordingInbox();
    const releasing = { ...deps(), approvals: inbox.submitter };
    await submitSettlementBatches(releasing, contextOf(RELEASER), [batch.id], 'matrix');
    await db().transaction((tx) => createSettlementApprovalExecutor(releasing, { identitySecret })(tx, decidedEvent(inbox.submissions.at(-1)!)));
    const payout = await payoutOfBatch(db(), batch.id);
    if (!payout?.payoutFileId) throw new Error(`the matrix batch ${batch.reference} was not released`);
    return { batch, payout, articleNumber };
  }
  /** An open dispute on an article delivered today (raised by the system: cod.dispute.manage reaches everywhere). */
  async function openDisputeAt(place: Place) {
    const { articleNumber } = await fixtures.articleAt(place, 'DELIVERED');
    return raiseCodDispute(deps(), contextOf(SETUP), articleNumber, { kind: 'NOT_RECEIVED', note: 'matrix' });
  }

  /** Made once per place, for the reads. */
  function once<T>(make: (place: Place) => Promise<T>) {
    const made = new Map<Place, Promise<T>>();
    return (place: Place) => made.get(place) ?? made.set(place, make(place)).get(place)!;
  }
  /** Made when needed, kept while cells are refused (nothing changes), made again once a cell succeeds with it. */
  function consumable<T>(make: (place: Place) => Promise<T>) {
    const ready = new Map<Place, Promise<T>>();
    return async (place: Place, use: (fixture: T) => Promise<unknown>): Promise<boolean> => {
      const fixture = ready.get(place) ?? ready.set(place, make(place)).get(place)!;
      const answer = await use(await fixture);
      ready.delete(place);
      return present(answer);
    };
  }
  const released = once(releasedAt);
  const deliveredToday = once((place) => fixtures.articleAt(place, 'DELIVERED'));
  const pendingPayout = consumable(async (place) => (await releasedAt(place)).payout);
  const draftBatch = consumable(async (place) => (await draftBatchAt(place)).batch);
  const deliveredArticle = consumable(async (place) => (await fixtures.articleAt(place, 'DELIVERED')).articleNumber);
  const openDispute = consumable(openDisputeAt);
  const disputed = once(openDisputeAt);

  const ledgerAccounts = () => createCodLedgerService(context.database(), { loaders: createAccountsLoaders(context.database().db, { cache: false }) });
  /** The reconciliation's ledger, asked as cod-settlement asks it in production: signed as the cod-settlement service. */
  const ledger: CodLedgerClient = {
    codPayableBalances: async (input) =>
      (await ledgerAccounts().codPayableBalances(SETUP, input)).map((row) => ({ billerCode: row.billerCode, amount: row.balance.amount, currency: row.balance.currency })),
  };

  type Run = (actor: string, place: Place) => Promise<boolean>;
  const placed = (run: Run) => ({ placed: true, run });
  return {
    'settlementBatch(id) (released, settled at the office)': placed(async (actor, place) => {
      const { batch } = await released(place);
      return (await settlementBatch(deps(), as(actor), batch.id))?.id === batch.id;
    }),
    'settlementBatches (lists the batch)': placed(async (actor, place) => {
      const { batch } = await released(place);
      const page = await settlementBatchList(deps(), as(actor), { billerCode: (await billerAt(place)).code, status: 'RELEASED' }, 100);
      return page.edges.some((edge) => edge.node.id === batch.id);
    }),
    'payoutFile (of the released batch)': placed(async (actor, place) => {
      const { payout } = await released(place);
      const file = await payoutFile(deps(), as(actor), payout.payoutFileId!);
      return file !== null && file.content.includes(payout.accountNumber);
    }),
    'markPayoutPaid (a pending payout)': placed((actor, place) =>
      pendingPayout(place, async (payout) => {
        const paid = await markPayoutPaid(deps(), contextOf(as(actor)), payout.id, nextUtr());
        return paid.status === 'PAID' ? paid : null;
      }),
    ),
    'markPayoutFailed (a pending payout)': placed((actor, place) =>
      pendingPayout(place, async (payout) => {
        const failed = await markPayoutFailed(deps(), contextOf(as(actor)), payout.id, { reason: 'account closed', status: 'FAILED' });
        return failed.status === 'FAILED' ? failed : null;
      }),
    ),
    'cancelSettlementBatch (a draft batch)': placed((actor, place) =>
      draftBatch(place, async (batch) => {
        const cancelled = await closeUnreleasedBatch(deps(), contextOf(as(actor)), batch.id, 'CANCELLED', 'matrix');
        return cancelled.status === 'CANCELLED' ? cancelled : null;
      }),
    ),
    'raiseCodDispute (a delivered article)': placed((actor, place) =>
      deliveredArticle(place, async (articleNumber) => {
        const dispute = await raiseCodDispute(deps(), contextOf(as(actor)), articleNumber, { kind: 'PARTIAL_AMOUNT', claimedAmount: '50', note: 'matrix' });
        return dispute.status === 'OPEN' ? dispute : null;
      }),
    ),
    'resolveCodDispute (an open dispute)': placed((actor, place) =>
      openDispute(place, async (dispute) => {
        const resolved = await resolveCodDispute(deps(), contextOf(as(actor)), dispute.id, { outcome: 'REJECTED', note: 'matrix' });
        return resolved.status === 'REJECTED' ? resolved : null;
      }),
    ),
    'codDisputes (an open dispute of the biller settled there)': placed(async (actor, place) => {
      const dispute = await disputed(place);
      const page = await listCodDisputes(deps(), as(actor), { status: 'OPEN', billerId: (await billerAt(place)).id }, 100, null);
      return page.edges.some((edge) => edge.node.id === dispute.id);
    }),
    'Biller.codSummary': placed(async (actor, place) => {
      const { payout } = await released(place);
      // The released payout is pending for good (commands use payouts of their own): it is initiated, at least.
      return new Decimal((await billerCodSummary(deps(), as(actor), (await billerAt(place)).id)).initiated).gte(payout.amount);
    }),
    'Biller.remittances (lists the payout)': placed(async (actor, place) => {
      const { payout } = await released(place);
      let after: string | null = null;
      for (let pageNumber = 0; pageNumber < 10; pageNumber += 1) {
        const page = await billerRemittances(deps(), as(actor), (await billerAt(place)).id, 100, after);
        if (page.edges.some((edge) => edge.node.id === payout.id)) return true;
        if (!page.pageInfo.hasNextPage) return false;
        after = page.pageInfo.endCursor;
      }
      return false;
    }),
    'Biller.remittancesCsv (has the article)': placed(async (actor, place) => {
      const { articleNumber, batch } = await released(place);
      const csv = await billerRemittancesCsv(deps(), as(actor), (await billerAt(place)).id);
      return csv.split('\r\n').some((line) => line.includes(`,${batch.reference},`) && line.includes(`,${articleNumber},`));
    }),
    'Office.codSummary (a delivery there today)': placed(async (actor, place) => {
      await deliveredToday(place);
      return (await officeCodSummary(deps(), as(actor), context.officeAt[place], null)).delivered.count !== '0';
    }),
    'codReconciliation (the biller settled there)': placed(async (actor, place) => {
      const biller = await billerAt(place);
      const rows = await codReconciliation({ ...deps(), ledger }, contextOf(as(actor)), null, biller.id);
      return rows.some((row) => row.billerCode === biller.code);
    }),
    'codAging (the biller settled there)': placed(async (actor, place) => {
      await deliveredToday(place);
      const biller = await billerAt(place);
      return (await codAging(deps(), as(actor), { billerCode: biller.code })).some((row) => row.biller_code === biller.code);
    }),
    bankHolidays: {
      placed: false,
      run: async (actor: string) => (await bankHolidays(deps(), as(actor), 'IN', 2026)).some((holiday) => holiday.date === '2026-12-25'),
    },
    'codPayableBalances (cod-settlement only)': placed(async (actor, place) =>
      present(await ledgerAccounts().codPayableBalances(as(actor), { settlementOfficeCode: context.officeAt[place], billerCodes: [(await billerAt(place)).code] })),
    ),
  };
}

/** accounts' codPayableBalances as a given identity (the matrix checks which services it answers). */
export function codPayableBalancesAs(context: CodMatrixContext, identity: Identity, settlementOfficeCode: string, billerCodes: string[]) {
  return createCodLedgerService(context.database(), { loaders: createAccountsLoaders(context.database().db, { cache: false }) }).codPayableBalances(identity, { settlementOfficeCode, billerCodes });
}
