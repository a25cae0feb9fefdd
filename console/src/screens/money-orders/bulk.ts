/**
 * The bulk upload's pure parts: how far a job has come, whether to keep asking, and the CSV's header as the API
 * documents it (BookMoneyOrdersInput.csv), so a file with the wrong columns is caught before it is sent.
 */
export const BULK_COLUMNS = [
  'amount',
  'sender_name',
  'sender_phone',
  'sender_address',
  'sender_id_document',
  'payee_name',
  'payee_phone',
  'payee_address',
  'paying_office_code',
  'message',
] as const;

/** The API's limits on an upload: 8 MB and 20,000 rows. */
export const BULK_MAX_BYTES = 8 * 1024 * 1024;
export const BULK_MAX_ROWS = 20_000;

/** How often a running job is asked for its progress. */
export const BULK_POLL_MS = 1_000;

export function isFinished(status: string): boolean {
  return status === 'DONE' || status === 'FAILED';
}

/** Whole percent of rows processed, 0 for an empty or not yet counted file. */
export function progressPercent(processedRows: number, totalRows: number): number {
  if (totalRows <= 0) return 0;
  return Math.min(100, Math.floor((processedRows * 100) / totalRows));
}

/** The columns the file's header lacks, and any it has that the API does not read (BOM and case forgiven). */
export function headerProblems(csvText: string): { missing: string[]; unknown: string[] } {
  const firstLine = csvText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = firstLine.split(',').map((column) => column.trim().replace(/^"|"$/g, '').toLowerCase()).filter((column) => column !== '');
  const known = new Set<string>(BULK_COLUMNS);
  // `message` is optional in each row, but its column is part of the documented header; only the others are required.
  const missing = BULK_COLUMNS.filter((column) => column !== 'message' && !columns.includes(column));
  const unknown = columns.filter((column) => !known.has(column));
  return { missing, unknown };
}

/** The number of data rows (lines after the header, ignoring blank ones): a rough count for the size check. */
export function dataRowCount(csvText: string): number {
  return csvText.split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;
}

/** "upload-<file>-rejections.csv", safe as a download name. */
export function rejectionFileName(fileName: string): string {
  const base = fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'upload';
  return `${base}-rejections.csv`;
}
