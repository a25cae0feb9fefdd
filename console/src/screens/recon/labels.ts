import type { BankAccountPurpose, BankLineDirection, BankStatementFormat, BankStatementImportStatus } from '../../gql/graphql';

export const PURPOSES: BankAccountPurpose[] = ['COLLECTION', 'PAYOUT', 'CASH_DEPOSIT'];
export const PURPOSE_LABELS: Record<BankAccountPurpose, string> = {
  COLLECTION: 'Collection',
  PAYOUT: 'Payout',
  CASH_DEPOSIT: 'Cash deposit',
};

export const FORMATS: BankStatementFormat[] = ['CAMT_053', 'CAMT_054', 'MT940', 'MT942', 'CSV'];
export const FORMAT_LABELS: Record<BankStatementFormat, string> = {
  CAMT_053: 'camt.053',
  CAMT_054: 'camt.054',
  MT940: 'MT940',
  MT942: 'MT942',
  CSV: 'CSV',
};

export function formatLabel(format: string | null | undefined): string {
  return format ? (FORMAT_LABELS[format as BankStatementFormat] ?? format) : 'detected from the file';
}

export const IMPORT_STATUS_LABELS: Record<BankStatementImportStatus, string> = {
  QUEUED: 'Waiting',
  RUNNING: 'Reading',
  DONE: 'Done',
  FAILED: 'Refused',
};

export const DIRECTIONS: BankLineDirection[] = ['CREDIT', 'DEBIT'];
export const DIRECTION_LABELS: Record<BankLineDirection, string> = { CREDIT: 'Credit (in)', DEBIT: 'Debit (out)' };

/** Currencies a bank account is most often kept in here; the field takes any ISO 4217 code. */
export const CURRENCIES = ['INR', 'EUR', 'USD', 'GBP', 'SEK', 'PLN', 'CHF'];

/** An account number as people read it: an IBAN in groups of four, anything else as registered. */
export function groupedAccountNumber(accountNumber: string, isIban: boolean): string {
  return isIban ? accountNumber.replace(/(.{4})(?=.)/g, '$1 ') : accountNumber;
}

/** "1.2 MB": a file's size for people; the exact byte count is in the title. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
