import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Logger } from 'pino';

/**
 * Codes that mean "something broke", not "you asked for something you may not have": INTERNAL_SERVER_ERROR, and the
 * codes the runtime gives a failed subgraph call (a subgraph error without a code, a fetch that failed or timed out).
 */
const MASKED_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'GATEWAY_TIMEOUT', 'TIMEOUT_ERROR', 'SUBREQUEST_HTTP_ERROR']);

/**
 * Extensions that describe our insides rather than the caller's request: the runtime names the subgraph
 * (`serviceName`) and may add the subgraph's HTTP response or a stack.
 */
const INTERNAL_EXTENSIONS = ['serviceName', 'response', 'request', 'exception', 'stacktrace', 'originalError', 'unexpected'];

/** graphql-js suggestions ("Did you mean "x"?", "Did you mean the enum value "Y"?") reveal the schema's names. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Errors with a stable code (the subgraphs' expected errors, GraphQL validation, the limits, UNAUTHENTICATED) go to
 * the caller as they are, minus internal extensions and suggestions. Anything else is logged here and masked, with
 * the request id so that the caller can quote it and we can find the log line.
 */
export function formatGatewayError(logger: Logger, requestId: string | undefined) {
  return (error: GraphQLError): GraphQLError => {
    const code = error.extensions?.code;
    if (typeof code === 'string' && !MASKED_CODES.has(code)) {
      const extensions: Record<string, unknown> = { ...error.extensions };
      for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
      // The runtime marks parse and validation errors `spec`, which makes them 200 for a client accepting plain JSON;
      // the gateway answers every refused request with its 4xx status, whatever the client accepts.
      const { spec: _spec, ...http } = (extensions.http ?? {}) as Record<string, unknown>;
      if (extensions.http !== undefined) extensions.http = http;
      return new GraphQLError(error.message.replace(SUGGESTION, ''), {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        extensions,
      });
    }
    logger.error(
      { err: error.originalError ?? error, message: error.message, requestId, path: error.path, serviceName: error.extensions?.serviceName, code },
      'masked an unexpected error',
    );
    // No `http` extension: a masked error inside a result with data stays 200, one without data is a 500.
    return new GraphQLError('Internal server error', {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    });
  };
}

/**
 * Formats every error of a result (an operation's, or one raised before execution), leaving the data alone. Errors
 * are read by shape, not `instanceof`: the runtime's libraries may hold another copy of graphql-js than ours (one
 * loaded as CommonJS, one as ESM), whose GraphQLError is another class.
 */
export function formatResult(result: ExecutionResult, format: (error: GraphQLError) => GraphQLError): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => format(error)) };
}
