import { ExpectedError } from '@postal/errors';

/**
 * Refusals of a whole manifest at uploadCodManifest (nothing is stored then). A row's problem is not an error of the
 * upload: it is listed in the manifest's errors (row, field, code, message).
 */
export class ManifestTooLargeError extends ExpectedError {
  constructor(limit: string, details: Record<string, unknown>) {
    super('MANIFEST_TOO_LARGE', `a manifest is at most ${limit}`, { field: 'content', details });
  }
}

export class ManifestHeaderInvalidError extends ExpectedError {
  constructor(message: string, details: Record<string, unknown>) {
    super('MANIFEST_HEADER_INVALID', message, { field: 'content', details });
  }
}

export class ManifestCsvInvalidError extends ExpectedError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('MANIFEST_CSV_INVALID', message, { field: 'content', details });
  }
}

/** A row whose fields do not line up with the header cannot be read as anyone's article. */
export const ROW_COLUMNS_CODE = 'MANIFEST_ROW_COLUMNS';
