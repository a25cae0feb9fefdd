import type { Identity } from '@postal/auth';
import { UnauthenticatedError } from '@postal/errors';
import { bookMoneyOrder, type BookInput } from './book.js';
import type { OrderDeps } from './deps.js';
import { findVisibleOrder, lockMoneyOrder, releaseMoneyOrder, resendMoneyOrderCode, returnMoneyOrder, stopMoneyOrder } from './lifecycle.js';
import { payMoneyOrder, type PayInput } from './payout.js';
import { listMoneyOrders, officeDaySummary, reconcile, type OrderFilter } from './queries.js';
import { refundMoneyOrder, type RefundInput } from './refund.js';

/** Every order operation is for signed-in staff (or a service): an anonymous caller is UNAUTHENTICATED, not "not found". */
function signedIn<A extends [Identity, ...unknown[]], R>(operation: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    if (args[0].kind === 'anonymous') throw new UnauthenticatedError();
    return operation(...args);
  };
}

/** The order operations, each taking the caller; the resolvers call these and nothing else. */
export function createOrderService(deps: OrderDeps) {
  return {
    deps,
    ...signedInOperations(deps),
  };
}

function signedInOperations(deps: OrderDeps) {
  const operations = {
    book: (identity: Identity, input: BookInput, requestId: string) => bookMoneyOrder(deps, identity, input, requestId),
    pay: (identity: Identity, input: PayInput, requestId: string) => payMoneyOrder(deps, identity, input, requestId),
    resend: (identity: Identity, reference: string) => resendMoneyOrderCode(deps, identity, reference),
    stop: (identity: Identity, reference: string, reason: string, requestId: string) => stopMoneyOrder(deps, identity, reference, reason, requestId),
    return: (identity: Identity, reference: string, reason: string, requestId: string) => returnMoneyOrder(deps, identity, reference, reason, requestId),
    lock: (identity: Identity, reference: string, reason: string, requestId: string) => lockMoneyOrder(deps, identity, reference, reason, requestId),
    release: (identity: Identity, reference: string, reason: string, requestId: string) => releaseMoneyOrder(deps, identity, reference, reason, requestId),
    refund: (identity: Identity, input: RefundInput, requestId: string) => refundMoneyOrder(deps, identity, input, requestId),
    find: (identity: Identity, reference: string) => findVisibleOrder(deps, identity, reference),
    list: (identity: Identity, filter: OrderFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) => listMoneyOrders(deps, identity, filter, first, after),
    daySummary: (identity: Identity, officeCode: string, date: string | null | undefined) => officeDaySummary(deps, identity, officeCode, date),
    reconcile: (identity: Identity, asOf: string, officeCode: string, requestId: string) => reconcile(deps, identity, asOf, officeCode, requestId),
  };
  return Object.fromEntries(Object.entries(operations).map(([name, operation]) => [name, signedIn(operation as never)])) as unknown as typeof operations;
}

export type OrderService = ReturnType<typeof createOrderService>;
