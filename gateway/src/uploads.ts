import express, { type RequestHandler, type Response } from 'express';
import { parse, type OperationDefinitionNode } from 'graphql';
import { MAX_BODY, requestState } from './http.js';
import { identityOfRequest } from './request-context.js';

/**
 * File uploads through /graphql (a bulk money-order CSV: 10,000 payees is about 1.5 MB; a COD manifest of 50,000
 * articles about 4 MB; a bank statement of 8 MB, base64). Larger files go to POST /uploads (file-uploads.ts). Every other request stays
 * bounded at MAX_BODY so nobody can make the gateway parse megabytes of JSON; a request that says it is an upload
 * (this header) may carry up to MAX_UPLOAD_BODY, but only once its credential has been verified, before a byte of the
 * body is read, and only for a mutation whose single field is one of UPLOAD_FIELDS. The runtime then checks the
 * session, the permissions and the input as for any request.
 */
export const UPLOAD_HEADER = 'x-postal-upload';
export const MAX_UPLOAD_BODY = '12mb';
/** The operations that take a file, and nothing else, in a large body. */
export const UPLOAD_FIELDS: ReadonlySet<string> = new Set(['bookMoneyOrders', 'uploadCodManifest', 'importBankStatement']);

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: requestState(res).requestId } }] });
}

/**
 * Whether a parsed body is one mutation selecting exactly one upload field (aliases allowed, nothing beside it at the
 * root), with any fragments its answer uses: the console's document spreads one.
 */
function isUploadOperation(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || query.length > 10_000) return false;
  try {
    const definitions = parse(query, { maxTokens: 500 }).definitions;
    const operations = definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
    if (operations.length !== 1 || definitions.some((definition) => definition.kind !== 'OperationDefinition' && definition.kind !== 'FragmentDefinition')) return false;
    const operation = operations[0]!;
    const fields = operation.selectionSet.selections;
    return operation.operation === 'mutation' && fields.length === 1 && fields[0]!.kind === 'Field' && UPLOAD_FIELDS.has(fields[0]!.name.value);
  } catch {
    return false;
  }
}

export function graphqlBody(jwtPublicKey: string): RequestHandler {
  const small = express.json({ limit: MAX_BODY });
  const large = express.json({ limit: MAX_UPLOAD_BODY });
  return (req, res, next) => {
    if (req.get(UPLOAD_HEADER) === undefined) return small(req, res, next);
    void (async () => {
      let signedIn = false;
      try {
        const headers = new Headers();
        for (const name of ['authorization', 'cookie', 'x-graphql-csrf']) {
          const value = req.get(name);
          if (value !== undefined) headers.set(name, value);
        }
        signedIn = (await identityOfRequest(headers, jwtPublicKey)).kind === 'staff';
      } catch {
        signedIn = false;
      }
      if (!signedIn) return refuse(res, 401, 'UNAUTHENTICATED', 'an upload needs a signed-in caller');
      large(req, res, (error?: unknown) => {
        if (error) return next(error);
        if (!isUploadOperation(req.body)) return refuse(res, 413, 'BAD_REQUEST', `a large body carries only an upload (${[...UPLOAD_FIELDS].join(', ')})`);
        next();
      });
    })().catch(next);
  };
}
