import { can } from '@postal/authz';
import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { MAX_CODE_RESENDS } from './domain.js';
import { maskIdDocument, maskPhone } from './parties.js';
import { receiptOf } from './receipt.js';
import type { MoneyOrderRow } from './repository.js';

const moneyOf = (amount: string, currency: string) => toMoneyOutput(money(amount, currency));

/** Parties in full for holders of mo.parties.read over the order's booking or paying office; masked for the others. */
function party(context: Context, order: MoneyOrderRow, who: 'sender' | 'payee') {
  const full = can(context.identity, 'mo.parties.read', order.bookingOfficePath) || can(context.identity, 'mo.parties.read', order.payingOfficePath);
  const phone = who === 'sender' ? order.senderPhone : order.payeePhone;
  const document = who === 'sender' ? order.senderIdDocument : order.payeeIdDocument;
  return {
    name: who === 'sender' ? order.senderName : order.payeeName,
    phone: full ? phone : maskPhone(phone),
    address: who === 'sender' ? order.senderAddress : order.payeeAddress,
    // `== null`: the order a booking answers is built from the inserted row, which has no payeeIdDocument yet (undefined).
    idDocument: document == null ? null : full ? document : maskIdDocument(document),
  };
}

const delivery = (value: { channel: string; to: string; expiresAt: Date; resendsLeft: number }) => ({ ...value, expiresAt: value.expiresAt.toISOString() });

export const orderResolvers: Resolvers<Context> = {
  Query: {
    moneyOrder: (_parent, { reference }, context) => context.services.orders.find(context.identity, reference) as never,
    moneyOrders: (_parent, { filter, first, after }, context) => context.services.orders.list(context.identity, filter, first, after) as never,
    moneyOrderReconciliation: async (_parent, { asOf, officeCode }, context) => {
      const result = await context.services.orders.reconcile(context.identity, asOf, officeCode, context.requestId);
      return {
        ...result,
        ledgerBalance: moneyOf(result.ledgerBalance, result.currency),
        outstandingAmount: moneyOf(result.outstandingAmount, result.currency),
        difference: moneyOf(result.difference, result.currency),
        items: result.items.map((item) => ({ ...item, status: item.status as never, amount: moneyOf(item.amount, item.currency) })),
      };
    },
    trackMoneyOrder: (_parent, { reference, senderPhone }, context) => context.services.tracking.track(context, reference, senderPhone) as never,
  },
  Mutation: {
    bookMoneyOrder: async (_parent, { input }, context) => {
      const booked = await context.services.orders.book(context.identity, input as never, context.requestId);
      return { order: booked.order as never, codeDelivery: delivery(booked.codeDelivery) };
    },
    payMoneyOrder: (_parent, { input }, context) => context.services.orders.pay(context.identity, input, context.requestId) as never,
    resendMoneyOrderCode: async (_parent, { reference }, context) => delivery(await context.services.orders.resend(context.identity, reference)),
    stopMoneyOrder: (_parent, { reference, reason }, context) => context.services.orders.stop(context.identity, reference, reason, context.requestId) as never,
    returnMoneyOrder: (_parent, { reference, reason }, context) => context.services.orders.return(context.identity, reference, reason, context.requestId) as never,
    lockMoneyOrder: (_parent, { reference, reason }, context) => context.services.orders.lock(context.identity, reference, reason, context.requestId) as never,
    releaseMoneyOrder: (_parent, { reference, reason }, context) => context.services.orders.release(context.identity, reference, reason, context.requestId) as never,
    refundMoneyOrder: async (_parent, { input }, context) => {
      const refunded = await context.services.orders.refund(context.identity, input, context.requestId);
      return { order: refunded.order as never, approvalRequest: refunded.approvalRequestId ? { id: refunded.approvalRequestId } : null };
    },
    requestMoneyOrderStopCode: (_parent, { reference, senderPhone }, context) => context.services.tracking.requestStopCode(context, reference, senderPhone),
    stopMoneyOrderAsSender: (_parent, { reference, senderPhone, code, reason }, context) =>
      context.services.tracking.stopAsSender(context, reference, senderPhone, code, reason) as never,
  },
  MoneyOrder: {
    __resolveReference: (async (reference: { reference: string }, context: Context) => context.services.orders.find(context.identity, reference.reference)) as never,
    amount: (order) => moneyOf((order as unknown as MoneyOrderRow).amount, (order as unknown as MoneyOrderRow).currency),
    commission: (order) => moneyOf((order as unknown as MoneyOrderRow).commission, (order as unknown as MoneyOrderRow).currency),
    tax: (order) => moneyOf((order as unknown as MoneyOrderRow).tax, (order as unknown as MoneyOrderRow).currency),
    total: (order) => moneyOf((order as unknown as MoneyOrderRow).total, (order as unknown as MoneyOrderRow).currency),
    tariffVersion: (order) => (order as unknown as MoneyOrderRow).tariffVersionId,
    sender: (order, _args, context) => party(context, order as unknown as MoneyOrderRow, 'sender'),
    payee: (order, _args, context) => party(context, order as unknown as MoneyOrderRow, 'payee'),
    bookedAt: (order) => (order as unknown as MoneyOrderRow).bookedAt.toISOString(),
    paidAt: (order) => (order as unknown as MoneyOrderRow).paidAt?.toISOString() ?? null,
    codeResendsLeft: (order) => MAX_CODE_RESENDS - (order as unknown as MoneyOrderRow).codeResends,
    timeline: async (order, _args, context) =>
      (await context.loaders.timeline.load((order as unknown as MoneyOrderRow).id)).map((row) => ({
        from: row.fromStatus as never,
        to: row.toStatus as never,
        actor: row.actor,
        officeCode: row.officeCode,
        at: row.at.toISOString(),
        reason: row.reason,
      })),
    ledgerMovements: async (order, _args, context) =>
      (await context.loaders.movements.load((order as unknown as MoneyOrderRow).id)).map((row) => ({
        movement: row.movement,
        status: row.status as never,
        rejection: row.rejection,
        at: (row.answeredAt ?? row.createdAt).toISOString(),
      })),
    receipt: (order) => ({ text: receiptOf(order as unknown as MoneyOrderRow) }),
  },
  Office: {
    moneyOrderSummary: async (office, { date }, context) => {
      const summary = await context.services.orders.daySummary(context.identity, office.code, date);
      const m = (amount: string) => moneyOf(amount, summary.currency);
      return {
        date: summary.date,
        bookedCount: summary.bookedCount,
        bookedAmount: m(summary.bookedAmount),
        paidCount: summary.paidCount,
        paidAmount: m(summary.paidAmount),
        refundedCount: summary.refundedCount,
        refundedAmount: m(summary.refundedAmount),
        commission: m(summary.commission),
        tax: m(summary.tax),
      };
    },
  },
};
