import { ExpectedError } from '@postal/errors';

/**
 * Refusals of a whole upload, at bookMoneyOrders (nothing is stored then). A single row's refusal is not an error of
 * the upload: it is a rejection in its report, with the code the single booking would have answered.
 */
export class BulkFileTooLargeError extends ExpectedError {
  constructor(limit: string, details: Record<string, unknown>) {
    super('BULK_FILE_TOO_LARGE', `a bulk upload is at most ${limit}`, { field: 'csv', details });
  }
}

export class BulkHeaderInvalidError extends ExpectedError {
  constructor(message: string, details: Record<string, unknown>) {
    super('BULK_HEADER_INVALID', message, { field: 'csv', details });
  }
}

export class BulkCsvInvalidError extends ExpectedError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BULK_CSV_INVALID', message, { field: 'csv', details });
  }
}

/** The codes of the rejections a row can get that no single booking answers: the row itself is malformed. */
export const ROW_COLUMNS_CODE = 'BULK_ROW_COLUMNS';
