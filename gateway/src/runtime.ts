import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { Logger as HiveLogger } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import http from '@graphql-mesh/transport-http';
import { unifiedGraphHandler as rustPlanner } from '@graphql-hive/router-runtime';
import type { Response } from 'express';
import { getOperationAST, getVariableValues, GraphQLError, NoSchemaIntrospectionCustomRule, type ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { formatGatewayError, formatResult } from './errors.js';
import { requestState } from './http.js';
import { limitPlugins, type GatewayLimits } from './limits.js';
import { assertSessionAlive, identityOfRequest, type GatewayContext } from './request-context.js';
import type { RevocationStore } from './sessions/revocation-store.js';
import { signingPlugin } from './signing.js';
import type { SubgraphEndpoint } from './subgraphs.js';

/** The query planner: the runtime's own JavaScript one, or the Rust one from @graphql-hive/router-runtime. */
export type QueryPlanner = 'javascript' | 'rust';

export interface RuntimeOptions {
  supergraphSdl: string;
  subgraphs: SubgraphEndpoint[];
  jwtPublicKey: string;
  identitySecret: string;
  logger: Logger;
  production: boolean;
  limits: GatewayLimits;
  subgraphTimeoutMs: number;
  sessions: RevocationStore;
  planner: QueryPlanner;
}

/** The node adapter's server context: express's request and response, as the gateway mounted the runtime. */
interface ServerContext {
  res: Response;
}

/**
 * Hive Gateway's runtime over the composed supergraph, with every protection the gateway gives configured here. The
 * runtime speaks the Fetch API; server.ts mounts it under express, which has already given the request its id,
 * parsed (and bounded) the body and set the security headers.
 */
export function createRuntime(options: RuntimeOptions): GatewayRuntime<GatewayContext> {
  const { logger } = options;
  return createGatewayRuntime<GatewayContext>({
    supergraph: options.supergraphSdl,
    // Each subgraph at the URL the gateway was configured with, over plain HTTP (no dynamic import of a transport).
    // The HTTP executor's in-flight deduplication is off: it keys identical subgraph queries on URL and body alone,
    // before signing.ts adds whose request it is, so two people asking the same thing at once would both get the
    // answer given to the first one's identity (found by the test that asks as three people at once).
    transports: { http },
    transportEntries: Object.fromEntries(
      options.subgraphs.map(({ name, url }) => [name, { location: url, options: { deduplicateInflightRequests: false } }]),
    ),
    ...(options.planner === 'rust' ? { unifiedGraphHandler: rustPlanner } : {}),
    graphqlEndpoint: '/graphql',
    // The runtime's own warnings and errors, into our log; its per-request debug lines are not wanted.
    logging: new HiveLogger({ level: 'warn', writers: [new PinoLogWriter(logger.child({ component: 'runtime' }))] }),
    // Our own request id (http.ts), which keeps a client's only when it is a bounded safe token; the runtime's would
    // believe any x-request-id it is sent.
    requestId: false,
    // A whole query per request; a batch would multiply everything the limits bound.
    batching: false,
    // Off (the runtime's default, said here so it stays so): identical requests in flight would share one answer, and
    // the key would have to include the caller's identity to be safe.
    inboundInflightRequestDeduplication: false,
    landingPage: false,
    graphiql: !options.production,
    // The console sends JSON; a form post or a GET without a custom header is a request another site could make.
    csrfPrevention: { requestHeaders: ['x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'] },
    upstreamTimeout: options.subgraphTimeoutMs,
    // Errors are formatted (and unexpected ones masked, with the request id) by `errorFormatting` below.
    maskedErrors: false,
    subgraphErrors: { errorCode: 'DOWNSTREAM_SERVICE_ERROR', subgraphNameProp: false },
    plugins: () => [
      callerIdentity(options),
      ...limitPlugins(options.limits),
      ...(options.production ? [noIntrospection] : []),
      codedRequestErrors,
      operationExecution,
      signingPlugin(options.subgraphs, options.identitySecret),
      errorFormatting(logger),
    ],
  });
}

/**
 * Verifies the caller's token (Bearer header or the console's cookie) and session before the operation is parsed, and
 * puts who they are in the context that signing.ts signs from. A bad token or an ended session fails the whole request (401, or 503 while sessions cannot
 * be checked) and no subgraph is called.
 */
function callerIdentity(options: RuntimeOptions): GatewayPlugin<GatewayContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const state = requestState((context as unknown as ServerContext).res);
      const identity = await identityOfRequest(context.request.headers, options.jwtPublicKey);
      assertSessionAlive(identity, options.sessions);
      const { requestId, clientAddress } = state;
      extendContext({ caller: { requestId, clientAddress, identity, state, logger: options.logger.child({ requestId }) } });
    },
    onExecute({ args }) {
      const caller = (args.contextValue as Partial<GatewayContext>).caller;
      if (caller) caller.state.operationName = getOperationAST(args.document, args.operationName)?.name?.value;
    },
  };
}

/** Production serves no introspection at all (graphql-js's own rule for it). */
const noIntrospection: GatewayPlugin<GatewayContext> = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/**
 * Parse and validation errors get the codes clients branch on (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED) and
 * HTTP 400 whatever the client accepts; the runtime gives them neither.
 */
const codedRequestErrors: GatewayPlugin<GatewayContext> = {
  onParse({ parseFn, setParseFn }) {
    setParseFn((source, parseOptions) => {
      try {
        return parseFn(source, parseOptions);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw withCode(error, 'GRAPHQL_PARSE_FAILED');
      }
    });
  },
  onValidate() {
    return ({ valid, result, setResult }) => {
      if (!valid) setResult(result.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
    };
  },
};

/**
 * Variables are coerced against the supergraph before anything is planned: a value the schema refuses (`REDD` for an
 * enum, a number for a string) is the caller's mistake, 400 BAD_USER_INPUT, as the same literal would be. The Rust
 * planner does not coerce them itself and fails the whole operation instead, which could only be reported as an
 * internal error. Such a refusal is a request error, answered without `data`.
 *
 * An operation that did execute always answers `data`, `null` when an error reached the root (GraphQL's rule, which
 * clients rely on to tell "refused before running" from "ran and failed"); the Rust planner leaves it out.
 */
const operationExecution: GatewayPlugin<GatewayContext> = {
  onExecute({ args, setResultAndStopExecution }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const { errors } = getVariableValues(args.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 20 });
    if (errors?.length) {
      setResultAndStopExecution({ errors: errors.map((error) => withCode(error, 'BAD_USER_INPUT')) });
      return;
    }
    return {
      onExecuteDone({ result, setResult }) {
        if (isExecutionResult(result) && result.data === undefined) setResult({ ...result, data: null });
      },
    };
  },
};

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code, http: { status: 400 } },
  });
}

/**
 * Every result, whatever raised its errors (the operation, a subgraph, the limits, the token check), is formatted by
 * errors.ts before it is written. An error the runtime raised about the HTTP request itself (a batch, a CSRF-able
 * request, a body that is not a GraphQL request) carries a 4xx status and no code: it is the caller's, BAD_REQUEST.
 */
function errorFormatting(logger: Logger): GatewayPlugin<GatewayContext> {
  const variablesOf = new WeakMap<Request, string[]>();
  return {
    onParams({ request, params }) {
      if (params.variables) variablesOf.set(request, Object.keys(params.variables));
    },
    onResultProcess({ request, result, setResult, serverContext }) {
      const requestId = requestState((serverContext as unknown as ServerContext).res)?.requestId;
      const format = formatGatewayError(logger, requestId);
      const clientVariables = variablesOf.get(request) ?? [];
      const formatOne = (error: GraphQLError) => format(inClientTerms(codeRequestError(error), clientVariables));
      if (Array.isArray(result)) setResult(result.map((one) => formatResult(one as ExecutionResult, formatOne)));
      else if (isExecutionResult(result)) setResult(formatResult(result, formatOne));
    },
  };
}

/**
 * A subgraph names a variable it cannot coerce in BAD_USER_INPUT's `field` (`input.postings.1.accountCode`), but the
 * planner renames the variables it sends on (`_postJournalEntry_input`). The caller knows only its own names, so the
 * field is given back in them.
 */
function inClientTerms(error: GraphQLError, clientVariables: string[]): GraphQLError {
  const field = error.extensions?.field;
  if (error.extensions?.code !== 'BAD_USER_INPUT' || typeof field !== 'string') return error;
  const [first = '', ...rest] = field.split('.');
  if (!first.startsWith('_') || clientVariables.includes(first)) return error;
  const original = clientVariables.filter((name) => first.endsWith(`_${name}`)).sort((a, b) => b.length - a.length)[0];
  if (original === undefined) return error;
  return new GraphQLError(error.message.replaceAll(`$${first}`, `$${original}`), {
    path: error.path,
    extensions: { ...error.extensions, field: [original, ...rest].join('.') },
  });
}

function codeRequestError(error: GraphQLError): GraphQLError {
  if (error.extensions?.code !== undefined) return error;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return error;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, code: 'BAD_REQUEST' } });
}

function isExecutionResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && ('errors' in result || 'data' in result);
}

/**
 * Runs one operation through the runtime for an HTTP request that is not itself a GraphQL request (console-session.ts),
 * as if it had been posted to /graphql with the given token: every plugin above applies, and `{ req, res }` is the
 * server context the node adapter would have given, so the request's id and address (res.locals) are the ones used.
 * Nothing of the outer request's headers is passed on but what is set here.
 */
export async function runInternalOperation(
  runtime: GatewayRuntime<GatewayContext>,
  operation: { query: string; variables?: Record<string, unknown>; token?: string },
  serverContext: { req: unknown; res: Response },
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'x-graphql-csrf': '1',
    ...(operation.token === undefined ? {} : { authorization: `Bearer ${operation.token}` }),
  };
  const body = JSON.stringify({ query: operation.query, ...(operation.variables ? { variables: operation.variables } : {}) });
  const response = await runtime.fetch('http://gateway.internal/graphql', { method: 'POST', headers, body }, serverContext);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
