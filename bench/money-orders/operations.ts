import type { GraphQLRequestBody } from '../gateway/start.js';

/**
 * The two mutations, each as the gateway is asked it and as the gateway's plan sends it to money-orders (one fetch:
 * every field asked is money-orders' own, so "direct" is the same operation under the plan's operation name, signed as
 * the gateway signs it). Every request is made afresh: its own idempotency key and, for a booking, its own sender (the
 * monthly cap is per sender), for a payout its own order and code.
 */
export const OFFICES = {
  /** Where the demo `clerk` books the measured orders. */
  booking: 'NDGPO',
  /** Where they are paid, by the demo `clerk.cp`: another office, so a payout crosses offices (inter-office clearing). */
  paying: 'NDGPO-CP',
} as const;
export const CLERKS = { booking: 'clerk', paying: 'clerk.cp' } as const;

/** A measured order's amount (commission Rs 50 under the India eMO tariff). */
export const ORDER_AMOUNT = '1000';
/** A cash-in booking at the paying office: the eMO maximum, so few of them give the counter cash for many payouts. */
export const CASH_IN_AMOUNT = '5000';

const BOOK_SELECTION = '{ bookMoneyOrder(input: $input) { order { reference status total { amount currency } } codeDelivery { channel } } }';
const PAY_SELECTION = '{ payMoneyOrder(input: $input) { reference status } }';

export const BOOK = {
  gateway: (input: BookingInput): GraphQLRequestBody => ({ query: `mutation Book($input: BookMoneyOrderInput!) ${BOOK_SELECTION}`, variables: { input }, operationName: 'Book' }),
  direct: (input: BookingInput): GraphQLRequestBody => ({
    query: `mutation Book__money_orders__0($input: BookMoneyOrderInput!) ${BOOK_SELECTION}`,
    variables: { input },
    operationName: 'Book__money_orders__0',
  }),
};

export const PAY = {
  gateway: (input: PayoutInput): GraphQLRequestBody => ({ query: `mutation Pay($input: PayMoneyOrderInput!) ${PAY_SELECTION}`, variables: { input }, operationName: 'Pay' }),
  direct: (input: PayoutInput): GraphQLRequestBody => ({
    query: `mutation Pay__money_orders__0($input: PayMoneyOrderInput!) ${PAY_SELECTION}`,
    variables: { input },
    operationName: 'Pay__money_orders__0',
  }),
};

export interface BookingInput {
  idempotencyKey: string;
  product: 'ELECTRONIC';
  officeCode: string;
  amount: string;
  paymentMode: 'CASH';
  message: string;
  sender: { name: string; phone: string; address: string; idDocument: string };
  payee: { name: string; phone: string; address: string; payingOfficeCode: string };
}

export interface PayoutInput {
  reference: string;
  officeCode: string;
  otp: string;
  payeeIdDocument: string;
  idempotencyKey: string;
}

export interface BookedData {
  bookMoneyOrder: { order: { reference: string; status: string; total: { amount: string; currency: string } }; codeDelivery: { channel: string } };
}

export interface PaidData {
  payMoneyOrder: { reference: string; status: string };
}

let serial = 0;

/** A booking with a sender and a payee of its own (phones from a per-run serial; the sender's month starts empty). */
export function bookingInput(officeCode: string, payingOfficeCode: string, amount: string): BookingInput {
  serial += 1;
  const n = String(serial).padStart(8, '0');
  return {
    idempotencyKey: `bench-mo-${process.pid}-book-${serial}`,
    product: 'ELECTRONIC',
    officeCode,
    amount,
    paymentMode: 'CASH',
    message: 'Bench order',
    sender: { name: 'Bench Sender', phone: `+9198${n}`, address: '12 Janpath, New Delhi', idDocument: `AADHAAR 9000 ${n.slice(0, 4)} ${n.slice(4)}` },
    payee: { name: 'Bench Payee', phone: `+9197${n}`, address: '4 North Avenue, New Delhi', payingOfficeCode },
  };
}

export function payoutInput(reference: string, otp: string): PayoutInput {
  return { reference, officeCode: OFFICES.paying, otp, payeeIdDocument: 'VOTER BEN1234567', idempotencyKey: `bench-mo-${process.pid}-pay-${reference}` };
}
