import { randomUUID } from 'node:crypto';
import { signIdentity, type Identity } from '@postal/auth';

/** The subgraphs a signed request may be meant for: the audience the new signing API binds. */
export type Audience = 'administration' | 'accounts' | 'money-orders' | 'cod-settlement';

/** The header the gateway sends each subgraph request's id in (gateway/src/request-context.ts REQUEST_ID_HEADER). */
const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Signs direct requests as the gateway signs its subgraph requests: the caller's identity with a fresh request id
 * and the client's address, under the secret the gateway shares with the subgraphs.
 */
export function createSigner(identity: Identity, identitySecret: string, clientAddress = '127.0.0.1') {
  /**
   * The headers of one direct request to `audience` whose body is exactly `body`: called once per request (from
   * autocannon's setupRequest), so every request gets its own request id and nonce, and the signature binds the
   * subgraph and this exact body, as the gateway's does. This is the only place the bench signs.
   */
  return function signedHeaders(audience: Audience, body: string): Record<string, string> {
    const requestId = randomUUID();
    const headers = signIdentity({ identity, requestId, clientAddress }, identitySecret, { audience, body });
    return { ...headers, [REQUEST_ID_HEADER]: requestId };
  };
}

export type SignedHeaders = ReturnType<typeof createSigner>;
