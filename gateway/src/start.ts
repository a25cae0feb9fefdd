import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, gatewayEnv, gatewayLimits, loadConfig, resolveSecrets, type EnvSource, type GatewayConfig } from '@postal/config';
import { pino, type Logger } from 'pino';
import { createGateway, type RunningGateway } from './server.js';
import { subgraphEndpoints } from './subgraphs.js';

export interface StartedGateway extends RunningGateway {
  config: GatewayConfig;
  logger: Logger;
}

export interface StartOptions {
  /** Interface to listen on; default 127.0.0.1 (gatewayEnv has no HOST variable yet). */
  host?: string;
  /** Default: a pino logger named `gateway` at LOG_LEVEL. */
  logger?: Logger;
}

/** Where the committed supergraph sits, relative to the repository root. */
const COMMITTED_SUPERGRAPH = join('schema', 'supergraph.graphql');

/**
 * Reads the configuration once, resolves secrets, loads the supergraph and starts the gateway. Every configuration
 * problem is a ConfigError naming the variable, so a launcher can print it and stop.
 */
export async function startGateway(env: EnvSource = process.env, options: StartOptions = {}): Promise<StartedGateway> {
  const config = loadConfig(gatewayEnv, env);
  const secrets = resolveSecrets({
    nodeEnv: config.NODE_ENV,
    dataDir: config.DATA_DIR,
    identitySecret: config.IDENTITY_SECRET,
    jwtPublicKey: config.JWT_PUBLIC_KEY,
    need: ['identitySecret', 'jwtPublicKey'],
  });
  const logger = options.logger ?? pino({ name: 'gateway', level: config.LOG_LEVEL, base: { service: 'gateway' } });
  const supergraphSdl = readSupergraph(config.SUPERGRAPH_PATH);
  const gateway = createGateway({
    supergraphSdl,
    subgraphUrls: configuredUrls(config, supergraphSdl, logger),
    jwtPublicKey: required(secrets.jwtPublicKey, 'JWT_PUBLIC_KEY'),
    identitySecret: required(secrets.identitySecret, 'IDENTITY_SECRET'),
    logger,
    nodeEnv: config.NODE_ENV,
    limits: gatewayLimits(config),
    planner: config.QUERY_PLANNER,
    sessions: { pollIntervalMs: config.SESSION_POLL_INTERVAL_MS, maxStalenessMs: config.SESSION_MAX_STALENESS_MS },
  });
  const running = await gateway.listen(config.PORT, options.host);
  return { ...running, config, logger };
}

/**
 * The URL of each subgraph the supergraph has, from the environment. A subgraph not yet in the supergraph is left
 * out (and said so) rather than refused, so the gateway can run while subgraphs are added one at a time.
 */
function configuredUrls(config: GatewayConfig, supergraphSdl: string, logger: Logger): Record<string, string> {
  const fromEnv: Record<string, string> = {
    administration: config.ADMINISTRATION_URL,
    accounts: config.ACCOUNTS_URL,
    'money-orders': config.MONEY_ORDERS_URL,
    'cod-settlement': config.COD_SETTLEMENT_URL,
  };
  let present: Set<string>;
  try {
    present = new Set(subgraphEndpoints(supergraphSdl).map((subgraph) => subgraph.name));
  } catch (error) {
    throw new ConfigError([{ variable: 'SUPERGRAPH_PATH', message: `not a supergraph: ${(error as Error).message}` }]);
  }
  const missing = Object.keys(fromEnv).filter((name) => !present.has(name));
  if (missing.length > 0) logger.warn({ missing }, 'the supergraph does not have every subgraph');
  return Object.fromEntries(Object.entries(fromEnv).filter(([name]) => present.has(name)));
}

function readSupergraph(path: string | undefined): string {
  const file = path ?? findCommittedSupergraph();
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ variable: 'SUPERGRAPH_PATH', message: `cannot read ${file}: ${(error as Error).message}` }]);
  }
}

/** Walks up from this file to the folder holding schema/supergraph.graphql (works from src/ and dist/). */
function findCommittedSupergraph(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let depth = 0; depth < 12; depth += 1) {
    const candidate = join(dir, COMMITTED_SUPERGRAPH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ConfigError([
    { variable: 'SUPERGRAPH_PATH', message: `not set, and no ${COMMITTED_SUPERGRAPH} above ${from} (run npm run compose)` },
  ]);
}

function required(value: string | undefined, variable: string): string {
  // resolveSecrets returns every secret in `need` or throws; this only turns its Partial type into a fact.
  if (!value) throw new ConfigError([{ variable, message: 'missing' }]);
  return value;
}
