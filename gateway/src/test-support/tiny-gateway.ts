import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { createGateway, type GatewayOptions, type Revocation, type RunningGateway } from '../index.js';
import { composeTinySupergraph, startTinySubgraph, type TinySubgraph } from './tiny-subgraph.js';

export const TINY_IDENTITY_SECRET = 's'.repeat(40);
export const TINY_LIMITS = { maxDepth: 5, maxAliases: 3, maxCost: 5_000, maxTokens: 1_000 };

/** The key pair tokens are signed with in these tests (the gateway is given the public half). */
export const tinyKeys = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** A staff member's claims, for tokens the tests sign themselves. */
export const TINY_CLAIMS = {
  staffId: 'staff-7',
  username: 'clerk',
  roles: ['COUNTER_CLERK'],
  officeCode: 'HO-110001',
  officePath: 'DL/DL-NDC/HO-110001',
  grants: [{ permission: 'mo.book', scope: 'OWN_OFFICE' as const }],
  sessionId: 'session-7',
  sessionVersion: 0,
  passwordChangeRequired: false,
};

export interface TinyGateway {
  subgraph: TinySubgraph;
  gateway: RunningGateway;
  /** The gateway's origin, http://127.0.0.1:<port>. */
  origin: string;
  /** What the session feed holds: push a revocation to end a session. */
  revocations: Revocation[];
  stop(): Promise<void>;
}

/**
 * The gateway in front of the tiny subgraph (tiny-subgraph.ts), over real HTTP on free ports, with a session feed the
 * test writes to. For what the gateway does on its own (cookies, CSRF, static files, headers); what needs the real
 * administration subgraph (login, logout) is in test/scenarios.
 */
export async function startTinyGateway(options: Partial<GatewayOptions> = {}): Promise<TinyGateway> {
  const subgraph = await startTinySubgraph(TINY_IDENTITY_SECRET);
  const revocations: Revocation[] = [];
  try {
    const gateway = await createGateway({
      supergraphSdl: composeTinySupergraph(),
      subgraphUrls: { tiny: subgraph.url },
      jwtPublicKey: tinyKeys.publicKey,
      identitySecret: TINY_IDENTITY_SECRET,
      logger: pino({ level: 'silent' }),
      nodeEnv: 'test',
      limits: TINY_LIMITS,
      sessions: { fetchPage: async () => ({ revocations, cursor: 'c', hasMore: false }), pollIntervalMs: 20, maxStalenessMs: 300 },
      ...options,
    }).listen(0);
    return {
      subgraph,
      gateway,
      origin: gateway.url.replace(/\/graphql$/, ''),
      revocations,
      async stop() {
        await gateway.stop();
        await subgraph.stop();
      },
    };
  } catch (error) {
    await subgraph.stop();
    throw error;
  }
}
