import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { currentRequest } from './request-context.js';

/**
 * Codes that mean "something broke", not "you asked for something you may not have": INTERNAL_SERVER_ERROR, and
 * DOWNSTREAM_SERVICE_ERROR, which is what @apollo/gateway gives a subgraph error that came without a code.
 */
const MASKED_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * Extensions that describe our insides rather than the caller's request: @apollo/gateway adds `serviceName` to every
 * subgraph error and `response` (subgraph URL, status and body) when a subgraph answers with an HTTP error.
 */
const INTERNAL_EXTENSIONS = ['serviceName', 'response', 'exception', 'stacktrace'];

/** Apollo's prefix on an error thrown while the context is built (a bad or ended session): noise to the caller. */
const CONTEXT_PREFIX = /^Context creation failed: /;

/** graphql-js suggestions ("Did you mean "x"?", "Did you mean the enum value "Y"?") reveal the schema's names. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Errors with a stable code (the subgraphs' expected errors, GraphQL validation, the limits, UNAUTHENTICATED) go to
 * the caller as they are, minus internal extensions and suggestions. Anything else is logged here and masked, with
 * the request id so that the caller can quote it and we can find the log line.
 */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && !MASKED_CODES.has(code)) {
      const extensions = { ...formatted.extensions };
      for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
      return { ...formatted, message: formatted.message.replace(CONTEXT_PREFIX, '').replace(SUGGESTION, ''), extensions };
    }
    const requestId = currentRequest.getStore()?.requestId;
    logger.error(
      { err: unwrapResolverError(error), requestId, path: formatted.path, serviceName: formatted.extensions?.serviceName },
      'masked an unexpected error',
    );
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
