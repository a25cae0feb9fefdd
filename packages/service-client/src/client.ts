import { signIdentity } from '@postal/auth';
import { DependencyUnavailableError, ExpectedError } from '@postal/errors';

export interface ServiceClientOptions {
  /** The calling service: the identity signed onto each request (the HMAC scheme the gateway uses). */
  caller: string;
  /**
   * The subgraph called, by its name ('administration', 'accounts', ...): the audience each request is signed for (the
   * subgraph refuses a signature meant for another) and the name in DEPENDENCY_UNAVAILABLE.
   */
  dependency: string;
  /**
   * The dependency's GraphQL endpoint (not the gateway: a service-to-service call). A function when it is only known
   * later (the stack starts some subgraphs before others); answering undefined means not known yet.
   */
  url: string | (() => string | undefined);
  identitySecret: string;
  /** A call that has not answered (headers and body) by then fails; the caller waits for no longer. */
  timeoutMs?: number;
}

export interface ServiceRequest<Result> {
  query: string;
  variables: Record<string, unknown>;
  requestId: string;
  /** The `data` of a successful answer read into a result, or undefined when it is not of the expected shape. */
  read: (data: unknown) => Result | undefined;
  /**
   * Whether a GraphQL error whose code is a rule of the dependency saying no (FORBIDDEN, BAD_USER_INPUT, ...) reaches
   * the caller as that ExpectedError. Off: every error answer is DEPENDENCY_UNAVAILABLE (a query that should never be
   * refused, where any error means the dependency cannot be trusted to have answered).
   */
  passRefusals?: boolean;
}

export interface ServiceClient {
  request<Result>(request: ServiceRequest<Result>): Promise<Result>;
}

export const DEFAULT_SERVICE_TIMEOUT_MS = 5_000;

/**
 * Codes that are not a rule of the dependency saying no but a fault between the two services: our query or signature
 * is wrong, or the dependency failed. Passing them on would mislead the caller (UNAUTHENTICATED would sign a person
 * out), so they are DEPENDENCY_UNAVAILABLE like an unreachable server.
 */
const FAULT_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const MAX_MESSAGE_LENGTH = 1_000;

/**
 * Calls another subgraph over HTTP as a signed service identity, never through its tables. Anything but a well-formed
 * answer (no address yet, refused, timed out, an HTTP fault, an error, a body of another shape) is one
 * DependencyUnavailableError, so the caller fails closed and may try again.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS;
  const unavailable = (reason: string) => new DependencyUnavailableError(options.dependency, reason);
  return {
    async request(request) {
      const url = typeof options.url === 'function' ? options.url() : options.url;
      if (!url) throw unavailable('its address is not known yet');
      // Signed for this one request: the dependency, these exact bytes, a fresh nonce (see signIdentity).
      const payload = JSON.stringify({ query: request.query, variables: request.variables });
      const headers = signIdentity(
        { identity: { kind: 'service', service: options.caller }, requestId: request.requestId, clientAddress: undefined },
        options.identitySecret,
        { audience: options.dependency, body: payload },
      );
      let status: number;
      let body: unknown;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        // The body is read under the same deadline; one that is not JSON is left undefined and judged below.
        body = parseJson(await response.text());
      } catch (error) {
        throw unavailable(error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable');
      }
      // A refusal comes back as a GraphQL error with a code, with HTTP 200 from a resolver or 400 from input coercion.
      const refusal = request.passRefusals ? refusalIn(body, options.dependency) : undefined;
      if (refusal) throw refusal;
      if (status < 200 || status >= 300) throw unavailable(`HTTP ${status}`);
      if (hasErrors(body)) throw unavailable('it answered with an error');
      const result = request.read((body as { data?: unknown } | null | undefined)?.data);
      if (result === undefined) throw unavailable('its answer was not understood');
      return result;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function hasErrors(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}

/** The dependency's refusal as an ExpectedError with its code and message, or undefined when the body holds none. */
function refusalIn(body: unknown, dependency: string): ExpectedError | undefined {
  if (!hasErrors(body)) return undefined;
  const [first] = (body as { errors: unknown[] }).errors;
  const { message, extensions } = (first ?? {}) as { message?: unknown; extensions?: { code?: unknown } };
  const code = extensions?.code;
  if (typeof code !== 'string' || !CODE.test(code) || FAULT_CODES.has(code)) return undefined;
  const text = typeof message === 'string' && message.length > 0 ? message.slice(0, MAX_MESSAGE_LENGTH) : `${dependency} refused the request (${code})`;
  return new ExpectedError(code, text, { details: { dependency } });
}
