import type { Database, Tx } from '@postal/db';
import type { Notifier } from '@postal/notify';
import type { OutboxTables } from '@postal/outbox';
import type { LedgerClient } from './ledger-client.js';
import type { CodeHasher } from './secrets.js';

/** Everything the order services share, for the life of the process. */
export interface OrderDeps {
  database: Database;
  clock: () => Date;
  timeZone: string;
  /** The operator's currency: the tariffs and limits used, and the ledger's. */
  currency: string;
  outbox: OutboxTables;
  notifier: Notifier;
  hasher: CodeHasher;
  ledger: LedgerClient;
  pricing: Pricing;
  /** Administration's approvals inbox (refunds above the limit); absent in tests that do not need it. */
  approvals?: ApprovalSubmitter;
  logger?: { warn(object: object, message: string): void };
  /** A refund above this amount goes through the approvals inbox (MO_REFUND). */
  refundApprovalAbove: string;
}

/** What a booking costs and whether it is allowed: the tariffs and limits modules, behind one seam. */
export interface Pricing {
  /** The quote under the tariff in force on `onDate`, or the tariff's refusal (INVALID_AMOUNT, AMOUNT_OUT_OF_RANGE...). */
  quote(tx: Tx, product: string, amount: string, onDate: string): Promise<{ amount: string; commission: string; tax: string; total: string; currency: string; tariffVersionId: string }>;
  /** LIMIT_EXCEEDED when the order is above its product's per-order limit. */
  assertOrderLimit(tx: Tx, product: string, amount: string, onDate: string): Promise<void>;
  /** Adds the amount to the sender's month, atomically, or LIMIT_EXCEEDED when that passes the cap. */
  reserveSenderMonthly(tx: Tx, reservation: { senderKey: string; month: string; product: string; amount: string; currency: string; onDate: string }): Promise<void>;
}

/** Administration's inbox as money-orders submits to it (approvals/administration-client.ts). */
export interface ApprovalSubmitter {
  submit(
    submission: {
      kind: 'MO_REFUND' | 'MO_TARIFF_CHANGE';
      officeCode: string;
      summary: string;
      payload: Record<string, unknown>;
      /** The staff id of the maker, whom money-orders has authenticated and authorised. */
      makerId: string;
    },
    requestId: string,
  ): Promise<{ id: string }>;
}
