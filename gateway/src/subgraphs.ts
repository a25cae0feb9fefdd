import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signIdentity, type SignedRequestContext } from '@postal/auth';
import { GraphQLError, Kind, parse, type ConstDirectiveNode } from 'graphql';
import { REQUEST_ID_HEADER, type GatewayContext } from './request-context.js';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/**
 * The subgraphs a supergraph names, read from its `join__Graph` enum (`@join__graph(name:, url:)`), with `overrides`
 * replacing URLs by subgraph name. An override naming a subgraph the supergraph does not have is refused: a typo
 * would otherwise silently leave the gateway calling the URL composed into the file.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string> = {}): SubgraphEndpoint[] {
  const graphEnum = parse(supergraphSdl).definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (graphEnum?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error('the supergraph has no join__Graph enum');
  const endpoints = (graphEnum.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const name = directive && stringArgument(directive, 'name');
    const url = directive && stringArgument(directive, 'url');
    if (!name || url === undefined) throw new Error(`the supergraph's join__Graph.${value.name.value} has no name or url`);
    return { name, url: overrides[name] ?? url };
  });
  const unknown = Object.keys(overrides).filter((name) => !endpoints.some((endpoint) => endpoint.name === name));
  if (unknown.length > 0) {
    const known = endpoints.map((endpoint) => endpoint.name).join(', ');
    throw new Error(`subgraph URL given for ${unknown.join(', ')}, which the supergraph does not have (it has ${known})`);
  }
  return endpoints;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

/** A subgraph's health endpoint sits next to its GraphQL endpoint. */
export function healthUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health';
  url.search = '';
  return url.toString();
}

/**
 * Where willSendRequest leaves the request facts for the fetcher to sign: the body, which the signature covers, only
 * exists once @apollo/gateway serialises the request, just before it calls the fetcher. The fetcher always removes it,
 * so it never leaves the gateway.
 */
const PENDING_SIGNATURE_HEADER = 'x-postal-gateway-unsigned-context';

/**
 * Every request to a subgraph carries the caller's identity, request id and address, HMAC-signed with the secret the
 * gateway shares with the subgraphs, for that one subgraph (the audience), that exact body and a fresh nonce;
 * nothing else from the client's request (its Authorization header included) is passed on. Requests the gateway
 * makes on its own account are signed as the gateway service.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    /** The subgraph's name in the supergraph: the audience its requests are signed for. */
    subgraphName: string,
    url: string,
    identitySecret: string,
    timeoutMs: number,
  ) {
    super({
      url,
      // @apollo/gateway's default fetcher waits forever for a subgraph; a stuck one must not hold requests open.
      fetcher: async (input, init = {}) => {
        const { [PENDING_SIGNATURE_HEADER]: pending, ...headers } = init.headers ?? {};
        if (!pending) throw new Error('a subgraph request that willSendRequest did not prepare for signing');
        const context = JSON.parse(Buffer.from(pending, 'base64url').toString('utf8')) as SignedRequestContext;
        // Signed and sent as the same string, so the subgraph hashes the very bytes that were signed.
        const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
        const signed = signIdentity(context, identitySecret, { audience: subgraphName, body });
        return fetch(input, { ...init, headers: { ...headers, ...signed }, body, signal: AbortSignal.timeout(timeoutMs) });
      },
    });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) throw new Error('a subgraph request without HTTP headers');
    const signed: SignedRequestContext =
      'incomingRequestContext' in options
        ? {
            identity: options.incomingRequestContext.context.identity,
            requestId: options.incomingRequestContext.context.requestId,
            clientAddress: options.incomingRequestContext.context.clientAddress,
          }
        : { identity: { kind: 'service', service: 'gateway' }, requestId: randomUUID(), clientAddress: undefined };
    headers.set(PENDING_SIGNATURE_HEADER, Buffer.from(JSON.stringify(signed), 'utf8').toString('base64url'));
    headers.set(REQUEST_ID_HEADER, signed.requestId);
  }

  /**
   * A subgraph answers a variable it cannot coerce (a Decimal sent as a float, say), a literal a scalar refuses, or
   * text no column can hold (a NUL) with HTTP 400 and a BAD_USER_INPUT error naming the field. That is the caller's
   * mistake, so it is passed on as such, field included, instead of as a failed fetch, which the gateway could only
   * report as an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = await response.clone().json().catch(() => undefined) as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; field?: unknown } }> } | undefined;
      const first = body?.errors?.[0];
      if (first?.extensions?.code === 'BAD_USER_INPUT' && typeof first.message === 'string') {
        const field = first.extensions.field;
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT', ...(typeof field === 'string' ? { field } : {}) } });
      }
    }
    return super.errorFromResponse(response);
  }
}
