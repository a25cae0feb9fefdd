import type { SignedRequestContext } from '@postal/auth';
import { businessDate } from '@postal/calendar';
import type { Tx } from '@postal/db';
import type { AnyEvent, ApprovalKind, TypedEvent } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { auditEvent, createApprovalExecutor, type ApprovalKindHandler } from '@postal/server';
import { applyBankChangeInTx, rejectBankChangeInTx, type BankChangePayload } from '../billers/bank-change.js';
import { maskAccountNumber } from '../billers/domain.js';
import { outbox, processedEvents } from '../db-schema.js';
import { parseBankChangePayload } from './bank-change-payload.js';

/** Where cod-settlement hears `approval.decided` (packages/events catalogue). */
export const APPROVALS_QUEUE = 'cod-settlement.approvals';

/** The processed_events key space for approval requests acted on (see @postal/server createApprovalExecutor). */
export const APPROVAL_REQUESTS_KEY = 'cod-settlement.approvals/requests';

export interface CodApprovalDeps {
  clock: () => Date;
  timeZone: string;
  /** IDENTITY_SECRET: the key of the payload MAC checked before anything approved is executed. */
  identitySecret: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own payload type
export type CodApprovalHandlers = Partial<Record<ApprovalKind, ApprovalKindHandler<any>>>;

function bankChangeHandler(deps: CodApprovalDeps): ApprovalKindHandler<BankChangePayload> {
  return {
    description: 'a biller bank-detail change',
    parse: parseBankChangePayload,
    async execute(tx, payload, request) {
      const today = businessDate(deps.clock(), deps.timeZone);
      const { biller, activated, superseded } = await applyBankChangeInTx(tx, payload, { approvalRequestId: request.requestId, today, now: deps.clock() });
      return {
        result: { billerId: biller.id, bankAccountId: activated.id, supersededBankAccountId: superseded?.id ?? null, activatedOn: today },
        audit: {
          action: 'COD_BILLER_BANK_CHANGED',
          target: { type: 'Biller', id: biller.code },
          officeCode: biller.settlementOfficeCode,
          after: { bankAccountId: activated.id, accountNumber: maskAccountNumber(activated.accountNumber), ifsc: activated.ifsc, activatedOn: today, supersededBankAccountId: superseded?.id ?? null },
        },
      };
    },
    failure: { action: 'COD_BILLER_BANK_CHANGE_FAILED', after: (payload) => (payload ? { billerCode: payload.billerCode, bankAccountId: payload.bankAccountId } : {}) },
  };
}

/**
 * The pending change of a REJECTED or EXPIRED COD_BANK_CHANGE request marked REJECTED. The shared executor acts only
 * on approvals; this needs no MAC, since it reads nothing from the payload: the row is found by the request's id.
 */
async function onBankChangeNotApproved(tx: Tx, deps: CodApprovalDeps, event: TypedEvent<'approval.decided'>): Promise<void> {
  const decided = event.payload;
  const rejected = await rejectBankChangeInTx(tx, decided.requestId, deps.clock());
  if (!rejected) return;
  const context: SignedRequestContext = { identity: { kind: 'service', service: 'cod-settlement' }, requestId: event.requestId ?? event.id, clientAddress: undefined };
  await stageEvents(tx, { outbox, processedEvents }, [
    auditEvent('cod-settlement', context, {
      action: 'COD_BILLER_BANK_CHANGE_REJECTED',
      outcome: 'SUCCESS',
      target: { type: 'Biller', id: rejected.biller.code },
      officeCode: rejected.biller.settlementOfficeCode,
      reason: decided.decision,
      after: { approvalRequestId: decided.requestId, bankAccountId: rejected.rejected.id, decision: decided.decision, checker: decided.checker?.username ?? null },
    }),
  ]);
}

/**
 * cod-settlement's approval.decided consumer: COD_BANK_CHANGE here, and whatever other kinds the modules plug in
 * (`extraHandlers`, e.g. settlement's SETTLEMENT_RELEASE), executed once each by the shared executor (MAC, once per
 * request, FAILED reports, audit). A rejected or expired bank change is also acted on: its pending row is REJECTED.
 */
export function createCodApprovalExecutor(deps: CodApprovalDeps, extraHandlers: CodApprovalHandlers = {}) {
  const approved = createApprovalExecutor({
    subgraph: 'cod-settlement',
    queue: APPROVALS_QUEUE,
    requestsKey: APPROVAL_REQUESTS_KEY,
    identitySecret: deps.identitySecret,
    outboxTables: { outbox, processedEvents },
    clock: deps.clock,
    kinds: { ...extraHandlers, COD_BANK_CHANGE: bankChangeHandler(deps) },
  });
  return async function onApprovalDecided(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type === 'approval.decided') {
      const decided = event as TypedEvent<'approval.decided'>;
      const { subgraph, kind, decision } = decided.payload;
      if (subgraph === 'cod-settlement' && kind === 'COD_BANK_CHANGE' && decision !== 'APPROVED') return onBankChangeNotApproved(tx, deps, decided);
    }
    return approved(tx, event);
  };
}
