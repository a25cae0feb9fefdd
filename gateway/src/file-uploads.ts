import { signIdentity, uploadSignedBody, UPLOAD_PARAMS_HEADER, type Identity } from '@postal/auth';
import express, { type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { requestState } from './http.js';
import { assertSessionAlive, identityOfRequest, REQUEST_ID_HEADER } from './request-context.js';
import type { RevocationStore } from './sessions/revocation-store.js';
import type { SubgraphEndpoint } from './subgraphs.js';

/**
 * Plain HTTP file uploads, for files too large for a GraphQL request (base64 inside JSON): the body is the file's bytes,
 * the parameters are the query string, and the answer is `{ data }` or GraphQL's `{ errors }`.
 *
 *   POST /uploads/bank-statement?bankAccountId=…&fileName=…[&format=CAMT_053]   up to 100 MB
 *     → cod-settlement's importBankStatement: { data: { importId, status, fileHash, fileSize, progressPercent, existing, createdAt } }
 *
 * The caller is checked as for /graphql (a Bearer token, or the console's cookie with its CSRF header; a live
 * session; staff only) before a byte of the body is read. The bytes go on to the subgraph as they came, signed with
 * the caller's identity over the parameters and the bytes (uploadSignedBody), so the subgraph decides everything else
 * (permissions, the account, the file) exactly as for the mutation.
 */
export interface FileUpload {
  /** `/uploads/<name>`, on the gateway and on the subgraph. */
  name: string;
  subgraph: string;
  maxBytes: number;
  /** The query parameters passed on (anything else is refused), each at most 200 characters. */
  params: readonly string[];
}

export const FILE_UPLOADS: readonly FileUpload[] = [{ name: 'bank-statement', subgraph: 'cod-settlement', maxBytes: 100 * 1024 * 1024, params: ['bankAccountId', 'fileName', 'format'] }];
/** A 100 MB file is read and stored by the subgraph in well under this. */
const UPLOAD_TIMEOUT_MS = 120_000;

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: requestState(res).requestId } }] });
}

/** The caller's identity, or the refusal already sent (a bad token, no CSRF header, an ended session, nobody). */
async function callerOf(req: Request, res: Response, jwtPublicKey: string, sessions: RevocationStore): Promise<Identity | undefined> {
  const headers = new Headers();
  for (const name of ['authorization', 'cookie', 'x-graphql-csrf']) {
    const value = req.get(name);
    if (value !== undefined) headers.set(name, value);
  }
  try {
    const identity = await identityOfRequest(headers, jwtPublicKey);
    assertSessionAlive(identity, sessions);
    if (identity.kind !== 'staff') {
      refuse(res, 401, 'UNAUTHENTICATED', 'an upload needs a signed-in caller');
      return undefined;
    }
    return identity;
  } catch (error) {
    if (error instanceof GraphQLError) {
      const http = error.extensions.http as { status?: number } | undefined;
      refuse(res, http?.status ?? 401, String(error.extensions.code ?? 'UNAUTHENTICATED'), error.message);
      return undefined;
    }
    throw error;
  }
}

function paramsOf(req: Request, upload: FileUpload): Record<string, string> | string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!upload.params.includes(name)) return `unknown parameter ${name.slice(0, 40)}; this upload takes ${upload.params.join(', ')}`;
    if (typeof value !== 'string' || value.length > 200) return `${name} is one value of at most 200 characters`;
    params[name] = value;
  }
  return params;
}

export function fileUploadRoutes(options: { jwtPublicKey: string; identitySecret: string; sessions: RevocationStore; subgraphs: readonly SubgraphEndpoint[]; logger: Logger }): express.Router {
  const router = express.Router();
  for (const upload of FILE_UPLOADS) {
    const subgraph = options.subgraphs.find((endpoint) => endpoint.name === upload.subgraph);
    if (!subgraph) continue;
    const target = new URL(`/uploads/${upload.name}`, subgraph.url).toString();
    const body = express.raw({ type: () => true, limit: upload.maxBytes });
    router.post(`/${upload.name}`, (req, res, next) => {
      void (async () => {
        const identity = await callerOf(req, res, options.jwtPublicKey, options.sessions);
        if (!identity) return;
        const params = paramsOf(req, upload);
        if (typeof params === 'string') return refuse(res, 400, 'BAD_USER_INPUT', params);
        body(req, res, (error?: unknown) => {
          if (error) return next(error);
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          if (bytes.length === 0) return refuse(res, 400, 'BAD_USER_INPUT', 'the body is the file, and it is empty');
          void forward(res, { identity, params, bytes, target, audience: upload.subgraph }).catch(next);
        });
      })().catch(next);
    });
  }
  router.use((_req, res) => refuse(res, 404, 'NOT_FOUND', `no such upload; there are ${FILE_UPLOADS.map((u) => `POST /uploads/${u.name}`).join(', ')}`));

  async function forward(res: Response, request: { identity: Identity; params: Record<string, string>; bytes: Buffer; target: string; audience: string }): Promise<void> {
    const state = requestState(res);
    const header = JSON.stringify(request.params);
    const signed = signIdentity({ identity: request.identity, requestId: state.requestId, clientAddress: state.clientAddress }, options.identitySecret, {
      audience: request.audience,
      body: uploadSignedBody(header, request.bytes),
    });
    let answer: globalThis.Response;
    try {
      answer = await fetch(request.target, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [UPLOAD_PARAMS_HEADER]: header, [REQUEST_ID_HEADER]: state.requestId, ...signed },
        // undici sends a Buffer as it is; the DOM typing only wants an ArrayBuffer-backed view.
        body: request.bytes as unknown as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      });
    } catch (error) {
      options.logger.warn({ err: error, requestId: state.requestId }, 'upload: the subgraph did not answer');
      return refuse(res, 503, 'DEPENDENCY_UNAVAILABLE', `${request.audience} did not answer; send the file again (the same file answers the same import)`);
    }
    const text = await answer.text();
    res.status(answer.status).type('application/json').send(text);
  }
  return router;
}
