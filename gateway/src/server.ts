import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute } from 'node:path';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import express from 'express';
import type { Logger } from 'pino';
import { consoleRoutes, isConsoleBuild } from './console-static.js';
import { sessionRoutes, type OperationAnswer, type RunOperation } from './console-session.js';
import { healthHandler } from './health.js';
import { errorHandler, MAX_BODY, requestLogging } from './http.js';
import { graphqlBody } from './uploads.js';
import { fileUploadRoutes } from './file-uploads.js';
import type { GatewayLimits } from './limits.js';
import type { GatewayContext } from './request-context.js';
import { createRuntime, runInternalOperation, type QueryPlanner } from './runtime.js';
import { securityHeaders } from './security-headers.js';
import { createRevocationFeedClient } from './sessions/feed-client.js';
import { createRevocationStore, type FetchRevocations, type RevocationStore } from './sessions/revocation-store.js';
import { subgraphEndpoints, type SubgraphEndpoint } from './subgraphs.js';

export interface GatewayOptions {
  /** The composed supergraph, as text. The gateway never introspects subgraphs nor fetches a managed schema. */
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, replacing those composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** PEM (SPKI) Ed25519 key that verifies access tokens. */
  jwtPublicKey: string;
  /** HMAC key shared with the subgraphs for the signed identity headers. */
  identitySecret: string;
  logger: Logger;
  nodeEnv: 'development' | 'test' | 'production';
  limits: GatewayLimits;
  /**
   * Express's `trust proxy` (hop count, or trusted addresses/subnets), when the gateway sits behind a proxy that
   * sets X-Forwarded-For. Unset, the client address is the TCP peer. `true` is not offered: it believes the
   * left-most X-Forwarded-For entry, which the client writes.
   */
  trustProxy?: number | string | string[];
  /** How long one subgraph request may take; default 30 s. */
  subgraphTimeoutMs?: number;
  /** The operator's IANA time zone, told to the console with its session (it shows times in it). */
  operatorTimeZone?: string;
  /** Default `rust`; see the README for the measurement behind it. */
  planner?: QueryPlanner;
  /**
   * Absolute path of the built console (console/dist). When it holds an index.html the gateway serves it at `/`, with
   * a strict Content-Security-Policy (console-static.ts); otherwise, or unset, it serves only the API.
   */
  consoleDir?: string;
  /** Following the feed of ended sessions (see sessions/revocation-store.ts). */
  sessions?: {
    /** Default: the administration subgraph's sessionRevocations, as the signed service `gateway`. */
    fetchPage?: FetchRevocations;
    /** Default 1000 ms (SESSION_POLL_INTERVAL_MS). */
    pollIntervalMs?: number;
    /** Default 5000 ms (SESSION_MAX_STALENESS_MS): staff requests are refused after this long without a refresh. */
    maxStalenessMs?: number;
  };
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Where the console is served (http://host:port/), when it is. */
  consoleUrl: string | undefined;
  /** Stops accepting connections, lets in-flight requests finish (up to a grace period), then disposes of the runtime. */
  stop(): Promise<void>;
}

export interface Gateway {
  app: express.Express;
  listen(port: number, host?: string): Promise<RunningGateway>;
}

export { MAX_BODY };
const DEFAULT_SUBGRAPH_TIMEOUT_MS = 30_000;
/** In-flight requests get this long to finish at stop before their connections are cut. */
const STOP_GRACE_MS = 10_000;

/**
 * The gateway's HTTP face: `/health`, `/graphql` through Hive Gateway's runtime (runtime.ts), the console's cookie
 * session at `/session` (console-session.ts, whose operations run through the same runtime) and, with `consoleDir`,
 * the console itself at `/` (console-static.ts). Bad configuration (a key that is not Ed25519, an unreadable
 * supergraph, a URL for a subgraph that does not exist) fails here, not at the first request. Express stays in front
 * of the runtime for what is plain HTTP: the request id and log line, the security headers, the bounded JSON body and
 * its errors, the health endpoint and the static files.
 */
export function createGateway(options: GatewayOptions): Gateway {
  assertEd25519PublicKey(options.jwtPublicKey);
  const subgraphs = subgraphEndpoints(options.supergraphSdl, options.subgraphUrls);
  const { logger } = options;
  const sessions = createSessionStore(options, subgraphs);

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(requestLogging(logger, options.trustProxy !== undefined));
  app.use(securityHeaders({ production: options.nodeEnv === 'production' }));
  app.get('/health', healthHandler(subgraphs, logger, () => sessions.status()));
  // The runtime is made at listen; until then an operation cannot run (and nothing is listening to ask for one).
  let runtime: GatewayRuntime<GatewayContext> | undefined;
  const run: RunOperation = async (operation, req, res) => {
    if (!runtime) throw new Error('the gateway runtime is not made until listen');
    return (await runInternalOperation(runtime, operation, { req, res })) as OperationAnswer;
  };
  app.use('/session', sessionRoutes({ run, logger, timeZone: options.operatorTimeZone }));
  // Large files as raw bytes (a 100 MB bank statement), checked as /graphql's callers are (file-uploads.ts).
  app.use('/uploads', fileUploadRoutes({ jwtPublicKey: options.jwtPublicKey, identitySecret: options.identitySecret, sessions, subgraphs, logger }));
  // The runtime is mounted on this router once it is made; the error handler must come after it in the chain.
  const graphqlRouter = express.Router();
  // Bounded JSON, larger only for a signed-in caller's file upload (uploads.ts).
  app.use('/graphql', graphqlBody(options.jwtPublicKey), graphqlRouter);
  if (options.consoleDir !== undefined && !isAbsolute(options.consoleDir)) throw new Error(`consoleDir must be an absolute path, not ${options.consoleDir}`);
  const consoleServed = options.consoleDir !== undefined && isConsoleBuild(options.consoleDir);
  if (options.consoleDir !== undefined && !consoleServed) logger.warn({ consoleDir: options.consoleDir }, 'no console build (index.html) there: serving only the API');
  if (consoleServed) app.use(consoleRoutes(options.consoleDir!));
  app.use(errorHandler(logger));

  let listening = false;
  return {
    app,
    async listen(port, host = '127.0.0.1') {
      if (listening) throw new Error('the gateway is already listening');
      listening = true;
      // The first read of the feed before the first request; if the administration subgraph is not up yet, staff
      // requests are refused (SESSIONS_UNVERIFIABLE) until a poll succeeds.
      await sessions.start();
      const made = createRuntime({
        supergraphSdl: options.supergraphSdl,
        subgraphs,
        jwtPublicKey: options.jwtPublicKey,
        identitySecret: options.identitySecret,
        logger,
        production: options.nodeEnv === 'production',
        limits: options.limits,
        subgraphTimeoutMs: options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
        sessions,
        planner: options.planner ?? 'rust',
      });
      runtime = made;
      // The node adapter answers on `res` itself, and gives plugins `{ req, res }` as the server context.
      graphqlRouter.use((req, res) => made.requestListener(req, res));
      const httpServer = createServer(app);
      try {
        await new Promise<void>((resolve, reject) => {
          httpServer.once('error', reject);
          httpServer.listen(port, host, () => {
            httpServer.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        sessions.stop();
        await made.dispose();
        throw error;
      }
      const actualPort = (httpServer.address() as AddressInfo).port;
      logger.info({ port: actualPort, subgraphs, planner: options.planner ?? 'rust', console: consoleServed }, 'gateway listening');
      let stopping: Promise<void> | undefined;
      const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
      return {
        url: `${origin}/graphql`,
        port: actualPort,
        consoleUrl: consoleServed ? `${origin}/` : undefined,
        stop: () => (stopping ??= stopServers(httpServer, made).finally(() => sessions.stop())),
      };
    },
  };
}

function createSessionStore(options: GatewayOptions, subgraphs: SubgraphEndpoint[]): RevocationStore {
  const administration = subgraphs.find((subgraph) => subgraph.name === 'administration');
  const fetchPage =
    options.sessions?.fetchPage ??
    (administration ? createRevocationFeedClient({ url: administration.url, identitySecret: options.identitySecret }) : undefined);
  if (!fetchPage) throw new Error('no administration subgraph to read the session feed from, and no sessions.fetchPage');
  const { logger } = options;
  return createRevocationStore({
    fetchPage,
    ...(options.sessions?.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.sessions.pollIntervalMs }),
    ...(options.sessions?.maxStalenessMs === undefined ? {} : { maxStalenessMs: options.sessions.maxStalenessMs }),
    onStateChange: ({ fresh, error }) =>
      fresh
        ? logger.info('the session feed is being followed')
        : logger.error({ err: error }, 'the session feed cannot be read: staff requests are refused until it can'),
  });
}

function assertEd25519PublicKey(pem: string): void {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) throw new Error('jwtPublicKey is not a PEM public key');
  let keyType: string | undefined;
  try {
    keyType = createPublicKey(pem).asymmetricKeyType;
  } catch {
    throw new Error('jwtPublicKey is not a PEM public key');
  }
  if (keyType !== 'ed25519') throw new Error(`jwtPublicKey is an ${keyType} key; access tokens are signed with Ed25519`);
}

async function stopServers(httpServer: Server, runtime: GatewayRuntime<GatewayContext>): Promise<void> {
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  const cutOff = setTimeout(() => httpServer.closeAllConnections(), STOP_GRACE_MS);
  cutOff.unref();
  await closed;
  clearTimeout(cutOff);
  await runtime.dispose();
}
