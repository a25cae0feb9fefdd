import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { signIdentity, type SignedRequestContext } from '@postal/auth';
import { REQUEST_ID_HEADER, type GatewayContext } from './request-context.js';
import type { SubgraphEndpoint } from './subgraphs.js';

/**
 * Every request to a subgraph carries the caller's identity, request id and address, HMAC-signed with the secret the
 * gateway shares with the subgraphs; nothing else from the client's request (its Authorization header included) is
 * passed on: the runtime sends a subgraph only the headers a plugin sets. Fetches the runtime makes outside an
 * operation are signed as the gateway service.
 *
 * The signature is made here, at the last moment, because only here are the target and the exact body known; the
 * body is sent as the very string that was signed.
 */
export function signingPlugin(subgraphs: SubgraphEndpoint[], identitySecret: string): GatewayPlugin<GatewayContext> {
  const byUrl = new Map(subgraphs.map((subgraph) => [subgraph.url, subgraph.name]));
  return {
    onFetch({ url, options, setOptions, context }) {
      const audience = byUrl.get(url);
      // The runtime only fetches the subgraphs it was given; anything else is a bug, and is not signed for anyone.
      if (audience === undefined) throw new Error(`the gateway was about to call ${url}, which is no subgraph of its supergraph`);
      const caller = 'caller' in context ? (context as Partial<GatewayContext>).caller : undefined;
      const signed: SignedRequestContext = caller
        ? { identity: caller.identity, requestId: caller.requestId, clientAddress: caller.clientAddress }
        : { identity: { kind: 'service', service: 'gateway' }, requestId: randomUUID(), clientAddress: undefined };
      const body = typeof options.body === 'string' ? options.body : '';
      const headers = new Headers(options.headers as HeadersInit | undefined);
      // For this subgraph, this exact body and a fresh nonce: a captured header is good for nothing else.
      for (const [name, value] of Object.entries(signIdentity(signed, identitySecret, { audience, body }))) headers.set(name, value);
      headers.set(REQUEST_ID_HEADER, signed.requestId);
      setOptions({ ...options, body, headers: Object.fromEntries(headers) });
    },
  };
}
