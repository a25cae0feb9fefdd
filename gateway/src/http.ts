import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, acceptRequestId, type RequestState } from './request-context.js';

/** Bounded so one request cannot make the gateway parse megabytes of JSON; the longest real operation is a few kB. */
export const MAX_BODY = '100kb';

export function requestState(res: Response): RequestState {
  return res.locals.request as RequestState;
}

/** A client-supplied operation name is logged only if it is a plain GraphQL name of sensible length. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * First in the chain: gives the request its id (echoed in the response), notes the client address, and writes one
 * log line when the response is done or the client went away. Without `trustProxy` the address is the socket's peer:
 * X-Forwarded-For is written by whoever sends the request, so believing it by default would let anyone choose the
 * address the audit trail records.
 */
export function requestLogging(logger: Logger, trustProxy: boolean): RequestHandler {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    // Read now: by the time the response closes, a mounted router has rewritten req.path relative to its mount.
    const { method, path } = req;
    const state: RequestState = {
      requestId: acceptRequestId(req.get(REQUEST_ID_HEADER)),
      clientAddress: trustProxy ? req.ip : req.socket.remoteAddress,
      operationName: undefined,
    };
    res.locals.request = state;
    res.setHeader(REQUEST_ID_HEADER, state.requestId);
    res.on('close', () => {
      const bodyName: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName;
      const operationName =
        state.operationName ?? (typeof bodyName === 'string' && OPERATION_NAME.test(bodyName) ? bodyName : undefined);
      const line = {
        method,
        path,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100,
        requestId: state.requestId,
        clientAddress: state.clientAddress,
        ...(operationName ? { operationName } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * Errors raised before the runtime sees the request (a body over the limit, malformed JSON) are answered in GraphQL's
 * error shape. Express's default handler would answer in HTML, with a stack trace outside production.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { requestId } = requestState(res);
    const status = httpStatusOf(error);
    if (status !== undefined && status < 500) {
      const message = BODY_ERRORS[status] ?? 'the request body could not be read as JSON';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', requestId } }] });
      return;
    }
    logger.error({ err: error, requestId }, 'unexpected error outside GraphQL');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
}

const BODY_ERRORS: Record<number, string> = {
  413: 'the request body is too large',
  415: 'the request body has an unsupported charset or encoding',
};

/** body-parser's errors carry the HTTP status they mean (http-errors); anything else has none. */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
