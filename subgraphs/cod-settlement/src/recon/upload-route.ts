import type { RequestContext } from '@postal/server';
import { MAX_UPLOAD_FILE_BYTES, type StatementImportService } from './imports/service.js';

/**
 * POST /uploads/bank-statement (through the gateway's route of the same name): a statement file as its raw bytes,
 * with `bankAccountId`, `fileName` and optionally `format` as parameters. It is importBankStatement without base64,
 * for files up to 100 MB; the answer names the import, which bankStatementImport then follows.
 */
export const BANK_STATEMENT_UPLOAD = {
  name: 'bank-statement',
  maxBytes: MAX_UPLOAD_FILE_BYTES,
  async answer(service: StatementImportService, request: RequestContext, params: Record<string, string>, bytes: Buffer) {
    const row = await service.upload(request, params, bytes);
    return { importId: row.id, status: row.status, fileHash: row.fileHash, fileSize: row.fileSize, progressPercent: row.progressPercent, existing: row.existing, createdAt: row.createdAt.toISOString() };
  },
};
