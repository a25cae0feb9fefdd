import { createServiceClient } from '@postal/service-client';

/**
 * The ledger's side of a payout or refund at the counter: accounts reserves the office's cash for it (a hold on the
 * right accounts, which accounts' chart knows), or refuses with INSUFFICIENT_FUNDS while the person is still at the
 * counter. The hold is captured when the movement's entries are posted (accounts' money-order consumer).
 */
export interface CashReservation {
  reference: string;
  movement: 'PAID' | 'REFUNDED';
  officeCode: string;
  bookingOfficeCode: string;
  amount: string;
  currency: string;
  fromExpired: boolean;
}

export interface LedgerClient {
  /** The hold's id. Idempotent on (reference, movement): asking again answers the same hold. */
  reserveCash(reservation: CashReservation, requestId: string): Promise<string>;
  /** Credit balance of the MO payable control accounts (2100 + 2110) under the office on the date. */
  controlBalance(asOf: string, officeCode: string, requestId: string): Promise<{ amount: string; currency: string }>;
}

const RESERVE = /* GraphQL */ `
  mutation ReserveMoneyOrderCash($input: ReserveMoneyOrderCashInput!) {
    reserveMoneyOrderCash(input: $input) { id }
  }
`;

const CONTROL_BALANCE = /* GraphQL */ `
  query MoneyOrderControlBalance($asOf: Date!, $officeCode: ID!) {
    moneyOrderControlBalance(asOf: $asOf, officeCode: $officeCode) { amount currency }
  }
`;

export function createLedgerClient(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): LedgerClient {
  const client = createServiceClient({ caller: 'money-orders', dependency: 'accounts', ...options });
  return {
    reserveCash: (input, requestId) =>
      client.request({
        query: RESERVE,
        variables: { input },
        requestId,
        // INSUFFICIENT_FUNDS, OFFICE_NOT_FOUND... reach the clerk as the ledger said them.
        passRefusals: true,
        read: (data) => {
          const id = (data as { reserveMoneyOrderCash?: { id?: unknown } } | null)?.reserveMoneyOrderCash?.id;
          return typeof id === 'string' ? id : undefined;
        },
      }),
    controlBalance: (asOf, officeCode, requestId) =>
      client.request({
        query: CONTROL_BALANCE,
        variables: { asOf, officeCode },
        requestId,
        passRefusals: true,
        read: (data) => {
          const money = (data as { moneyOrderControlBalance?: { amount?: unknown; currency?: unknown } } | null)?.moneyOrderControlBalance;
          return typeof money?.amount === 'string' && typeof money.currency === 'string' ? { amount: money.amount, currency: money.currency } : undefined;
        },
      }),
  };
}
