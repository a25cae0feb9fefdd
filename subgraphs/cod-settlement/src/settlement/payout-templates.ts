import type { PayoutFileSpec } from './payout-file.js';

/**
 * The bulk-NEFT layouts seeded by migration 0008_payout_file_templates (the test checks the stored rows equal these).
 * Both follow the shape of the banks' corporate bulk-upload files (a header with the corporate id, file reference,
 * date, record count and total; a row per beneficiary with name, account, IFSC, amount and narration; a trailer with
 * the totals). They are layouts in the style of SBI's CMP e-payment upload and HDFC's ENet bulk upload, not files
 * certified by those banks: the bank's own specification, given when the operator's account is opened, is the
 * reference, and a correction is a new row or an update of the spec, never code.
 */
export const SBI_CMP_NEFT: PayoutFileSpec = {
  delimiter: '|',
  lineEnding: '\n',
  header: [
    { literal: 'H' },
    { value: 'corporateId', format: { kind: 'text', maxLength: 20, upper: true } },
    { value: 'fileReference', format: { kind: 'text', maxLength: 20 } },
    { value: 'date', format: { kind: 'date', pattern: 'DDMMYYYY' } },
    { value: 'debitAccount', format: { kind: 'text', maxLength: 17 } },
    { value: 'recordCount', format: { kind: 'integer' } },
    { value: 'total', format: { kind: 'amount', decimals: 2 } },
  ],
  row: [
    { literal: 'D' },
    { value: 'serial', format: { kind: 'integer', width: 6 } },
    { literal: 'NEFT' },
    { value: 'beneficiaryName', format: { kind: 'text', maxLength: 35, upper: true } },
    { value: 'accountNumber', format: { kind: 'text', maxLength: 18 } },
    { value: 'ifsc', format: { kind: 'text', maxLength: 11, upper: true } },
    { value: 'amount', format: { kind: 'amount', decimals: 2 } },
    { value: 'narration', format: { kind: 'text', maxLength: 30 } },
  ],
  trailer: [
    { literal: 'T' },
    { value: 'recordCount', format: { kind: 'integer' } },
    { value: 'total', format: { kind: 'amount', decimals: 2 } },
  ],
};

export const HDFC_ENET_NEFT: PayoutFileSpec = {
  delimiter: ',',
  lineEnding: '\r\n',
  header: [
    { literal: 'FH' },
    { value: 'corporateId', format: { kind: 'text', maxLength: 20, upper: true } },
    { value: 'fileSerial', format: { kind: 'integer', width: 5 } },
    { value: 'date', format: { kind: 'date', pattern: 'DD/MM/YYYY' } },
    { value: 'debitAccount', format: { kind: 'text', maxLength: 17 } },
    { value: 'recordCount', format: { kind: 'integer' } },
    { value: 'total', format: { kind: 'amount', decimals: 2 } },
  ],
  row: [
    { literal: 'N' },
    { value: 'reference', format: { kind: 'text', maxLength: 20 } },
    { value: 'accountNumber', format: { kind: 'text', maxLength: 18 } },
    { value: 'amount', format: { kind: 'amount', decimals: 2 } },
    { value: 'beneficiaryName', format: { kind: 'text', maxLength: 40 } },
    { value: 'ifsc', format: { kind: 'text', maxLength: 11, upper: true } },
    { value: 'narration', format: { kind: 'text', maxLength: 30 } },
    { value: 'date', format: { kind: 'date', pattern: 'DD/MM/YYYY' } },
  ],
  trailer: [
    { literal: 'FT' },
    { value: 'recordCount', format: { kind: 'integer' } },
    { value: 'total', format: { kind: 'amount', decimals: 2 } },
  ],
};

export const PAYOUT_FILE_TEMPLATES = [
  { code: 'SBI_CMP_NEFT', bankName: 'State Bank of India (CMP bulk NEFT, pipe-separated)', spec: SBI_CMP_NEFT },
  { code: 'HDFC_ENET_NEFT', bankName: 'HDFC Bank (ENet bulk NEFT, comma-separated)', spec: HDFC_ENET_NEFT },
] as const;
