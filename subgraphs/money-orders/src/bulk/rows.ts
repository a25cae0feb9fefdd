/**
 * A data row as the single booking's input, and its refusal as a rejection line. Pure: the row is checked by the very
 * rules a counter booking is (book.ts checkBookingInput, offices.ts, the tariff), so a file cannot book what a clerk
 * could not.
 */
import { isExpectedError, type ExpectedError } from '@postal/errors';
import type { BookInput } from '../orders/book.js';
import type { Rejection } from './csv.js';
import type { BulkRowRow, BulkUploadRow } from './repository.js';

/** Each row's order is keyed by its upload and row: the same row, run again after a crash, finds its order. */
export function rowIdempotencyKey(uploadId: string, rowNumber: number): string {
  return `bulk:${uploadId}:${rowNumber}`;
}

export function rowBooking(upload: Pick<BulkUploadRow, 'id' | 'product' | 'officeCode' | 'paymentMode'>, row: Pick<BulkRowRow, 'rowNumber' | 'fields'>): BookInput {
  const field = (name: string) => row.fields[name] ?? '';
  const message = field('message').trim();
  return {
    idempotencyKey: rowIdempotencyKey(upload.id, row.rowNumber),
    product: upload.product,
    officeCode: upload.officeCode,
    amount: field('amount').trim(),
    sender: { name: field('sender_name'), phone: field('sender_phone'), address: field('sender_address'), idDocument: field('sender_id_document') },
    payee: { name: field('payee_name'), phone: field('payee_phone'), address: field('payee_address'), payingOfficeCode: field('paying_office_code').trim() },
    message: message === '' ? null : message,
    paymentMode: upload.paymentMode,
  };
}

/** Rejection messages are stored and shown: bounded, like any text we keep. */
const MAX_MESSAGE = 500;

/** The row's refusal in the report: the single booking's code, and its message naming the field. */
export function rejectionOf(rowNumber: number, error: ExpectedError): Rejection {
  const field = error.field && !error.message.includes(error.field) ? `${error.field}: ` : '';
  const message = `${field}${error.message}`;
  return { row: rowNumber, code: error.code, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message };
}

/** Runs a check; an expected refusal becomes the row's rejection, anything else (a fault) is thrown on. */
export async function refusalOf(rowNumber: number, check: () => Promise<void> | void): Promise<Rejection | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    if (isExpectedError(error)) return rejectionOf(rowNumber, error);
    throw error;
  }
}
