import { CSRF_HEADER } from '../../api/client';
import type { ReconProblem } from './problems';
import { reconProblemOf } from './problems';

/** What POST /uploads/bank-statement answers (gateway/src/file-uploads.ts). */
export interface UploadAnswer {
  importId: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  fileHash: string;
  fileSize: number;
  progressPercent: number;
  /** The file had been taken before: this is that import. */
  existing: boolean;
  createdAt: string;
}

export type UploadResult = { ok: true; answer: UploadAnswer } | { ok: false; problems: ReconProblem[] };

export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

const network = (message: string): ReconProblem => ({ message, code: 'NETWORK_ERROR', field: undefined, requestId: undefined, details: {} });

/**
 * Sends a statement file as its raw bytes to the gateway's upload route, with XMLHttpRequest rather than fetch, for
 * the one thing fetch cannot give: the upload's own progress (`onProgress(sent, total)`), so a large file shows a bar
 * before the server has it. The console's cookie goes with it, and so does the CSRF header /graphql needs. The answer
 * is `{ data }` (with `existing` when the file had been taken before) or GraphQL's `{ errors }` with code, field and
 * details.
 */
export function uploadStatement(
  file: Blob,
  params: { bankAccountId: string; fileName: string; format?: string | undefined },
  onProgress: (sent: number, total: number) => void,
): Promise<UploadResult> {
  const query = new URLSearchParams({ bankAccountId: params.bankAccountId, fileName: params.fileName, ...(params.format ? { format: params.format } : {}) });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/uploads/bank-statement?${query}`);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(CSRF_HEADER)) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onerror = () => resolve({ ok: false, problems: [network('The server could not be reached. Check the connection and send the file again (the same file answers the same import).')] });
    request.ontimeout = request.onerror;
    request.onload = () => {
      let payload: { data?: UploadAnswer; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
      try {
        payload = JSON.parse(request.responseText) as typeof payload;
      } catch {
        payload = undefined;
      }
      if (payload?.data && request.status < 400) return resolve({ ok: true, answer: payload.data });
      if (payload?.errors?.length) return resolve({ ok: false, problems: payload.errors.map(reconProblemOf) });
      resolve({ ok: false, problems: [{ ...network(`The server answered ${request.status}.`), code: undefined }] });
    };
    request.send(file);
  });
}
