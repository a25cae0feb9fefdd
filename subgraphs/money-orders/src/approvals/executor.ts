import { businessDate } from '@postal/calendar';
import { createApprovalExecutor, type ApprovalKindHandler } from '@postal/server';
import { Decimal } from '@postal/money';
import { outbox, processedEvents } from '../db-schema.js';
import type { Actor } from '../orders/changes.js';
import type { OrderDeps } from '../orders/deps.js';
import { MoneyOrderNotFoundError } from '../orders/errors.js';
import { refundInTx, refundRequestHash, type RefundApprovalPayload } from '../orders/refund.js';
import { findOrder } from '../orders/repository.js';
import { parseTariffChangePayload, type TariffChangePayload } from '../tariffs/change.js';
import { applyTariffChangeInTx } from '../tariffs/service.js';
import { RefundMismatchError } from './errors.js';
import { parseRefundPayload } from './refund-payload.js';

/** Where money-orders hears `approval.decided` (packages/events catalogue). */
export const APPROVALS_QUEUE = 'money-orders.approvals';

/** The processed_events key space for approval requests acted on (see @postal/server createApprovalExecutor). */
export const APPROVAL_REQUESTS_KEY = 'money-orders.approvals/requests';

/**
 * Executes money-orders' approved requests exactly once, inside consumeIdempotently's transaction, and reports each
 * back to the inbox (approval.executed) with an audit record; the owner's rules (each request once, the payload's MAC,
 * a refusal rolled back to a savepoint and reported FAILED, DEPENDENCY_UNAVAILABLE retried) are the shared ones.
 * - MO_TARIFF_CHANGE: the version inserted and the open one ended (tariffs/service.ts applyTariffChangeInTx).
 * - MO_REFUND: the refund the maker asked for, done as the maker with the checker's approval (orders/refund.ts
 *   refundInTx), if the order still carries the approved amount.
 */
export function createMoneyOrdersApprovalExecutor(deps: OrderDeps, options: { identitySecret: string }) {
  const tariffChange: ApprovalKindHandler<TariffChangePayload> = {
    description: 'a money-order tariff change',
    parse: parseTariffChangePayload,
    async execute(tx, payload, request) {
      const today = businessDate(deps.clock(), deps.timeZone);
      const applied = await applyTariffChangeInTx(tx, { tariff: payload.tariff, approvalRequestId: request.requestId, today });
      const { tariff } = payload;
      return {
        result: { ...applied },
        audit: {
          action: 'MO_TARIFF_CHANGED',
          target: { type: 'MoneyOrderTariff', id: tariff.id },
          officeCode: request.officeCode,
          after: { tariffVersionId: tariff.id, product: tariff.product, currency: tariff.currency, effectiveFrom: tariff.effectiveFrom, closedVersionId: applied.closedVersionId },
        },
      };
    },
    failure: { action: 'MO_TARIFF_CHANGE_FAILED', after: (payload) => (payload ? { tariffVersionId: payload.tariff.id } : {}) },
  };

  const refund: ApprovalKindHandler<RefundApprovalPayload> = {
    description: 'a money-order refund',
    parse: parseRefundPayload,
    async execute(tx, payload, request, context) {
      const order = await findOrder(tx, payload.reference);
      if (!order) throw new MoneyOrderNotFoundError(payload.reference);
      if (!new Decimal(order.amount).eq(payload.amount) || order.currency !== payload.currency) {
        throw new RefundMismatchError(payload.reference, `${payload.currency} ${payload.amount}`, `${order.currency} ${order.amount}`);
      }
      // The maker did it (as the timeline says); the checker's approval is in the audit record and the inbox.
      const actor: Actor = { label: request.maker.username, event: { kind: 'staff', id: request.maker.id, username: request.maker.username } };
      const hash = refundRequestHash(payload.reference, payload.officeCode);
      const refunded = await refundInTx(tx, deps, actor, payload.reference, payload.officeCode, payload.idempotencyKey, hash, context.requestId);
      return {
        result: { reference: refunded.reference, status: refunded.status },
        audit: {
          action: 'MO_REFUNDED',
          target: { type: 'MoneyOrder', id: refunded.reference },
          officeCode: payload.officeCode,
          after: { reference: refunded.reference, amount: refunded.amount, currency: refunded.currency, status: refunded.status },
        },
      };
    },
    failure: { action: 'MO_REFUND_FAILED', after: (payload) => (payload ? { reference: payload.reference } : {}) },
  };

  return createApprovalExecutor({
    subgraph: 'money-orders',
    queue: APPROVALS_QUEUE,
    requestsKey: APPROVAL_REQUESTS_KEY,
    identitySecret: options.identitySecret,
    outboxTables: { outbox, processedEvents },
    clock: deps.clock,
    kinds: { MO_TARIFF_CHANGE: tariffChange, MO_REFUND: refund },
  });
}
