import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { verifyAccessToken, type Identity } from '@postal/auth';
import { freePort, waitFor } from '@postal/testkit';
import { chartProgress, type BenchDatabase } from './database.js';
import { residentMb, spawnGroup, waitForHealthy, type GroupProcess } from './processes.js';
import { createSigner, type Audience, type SignedHeaders } from './signing.js';

/**
 * The two child processes a gateway benchmark runs (bench:gateway, bench:money-orders), each in a process group of its
 * own: the four subgraphs in one process (bench/gateway/subgraphs-main.ts) and the gateway as production runs it
 * (`node gateway/dist/main.js`, configured only by its environment). Both are pushed onto `children` as soon as they
 * are spawned, so the caller's cleanup stops them whatever happens after.
 */
export interface BenchProcessesOptions {
  bench: BenchDatabase;
  root: string;
  logDir: string;
  logLevel: string;
  planner: 'javascript' | 'rust';
  /** The gateway's Node flags (its heap bound). */
  gatewayNodeFlags: readonly string[];
  /** More environment for the subgraph process (its queue, its notifier). */
  subgraphEnv?: Record<string, string>;
  children: GroupProcess[];
  log(line: string): void;
}

export interface BenchProcesses {
  subgraphs: GroupProcess;
  gateway: GroupProcess;
  gatewayUrl: string;
  subgraphUrl(name: Audience): string;
  publicKey: string;
  identitySecret: string;
  rssAtStartMb: number;
}

export async function startBenchProcesses(options: BenchProcessesOptions): Promise<BenchProcesses> {
  const { bench, root, logDir, children, log } = options;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const identitySecret = randomBytes(32).toString('hex');

  // Five different ports: freePort releases each one it finds, so two asks in a row may be given the same one (a run
  // once had its gateway's port taken by a subgraph).
  const taken = new Set<number>();
  const distinctPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return taken.add(port), port;
    }
  };
  const ports = { gateway: await distinctPort(), administration: await distinctPort(), accounts: await distinctPort(), 'money-orders': await distinctPort(), 'cod-settlement': await distinctPort() };
  const subgraphUrl = (name: Audience) => `http://127.0.0.1:${ports[name]}/graphql`;
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', LOG_LEVEL: options.logLevel };

  let started = performance.now();
  const subgraphs = spawnGroup(
    'subgraph process',
    process.execPath,
    ['--import', 'tsx', join('bench', 'gateway', 'subgraphs-main.ts')],
    {
      ...baseEnv,
      DATABASE_URL: bench.url,
      // Signed-request nonces in Redis, as production keeps them (each direct and gateway request claims one).
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      // The four subgraphs share one process and so one pool; in production each has its own (10 by default).
      DB_POOL_SIZE: '20',
      IDENTITY_SECRET: identitySecret,
      JWT_PRIVATE_KEY: privateKey,
      ADMINISTRATION_PORT: String(ports.administration),
      ACCOUNTS_PORT: String(ports.accounts),
      MONEY_ORDERS_PORT: String(ports['money-orders']),
      COD_SETTLEMENT_PORT: String(ports['cod-settlement']),
      ...options.subgraphEnv,
    },
    join(logDir, 'subgraphs.log'),
    root,
  );
  children.push(subgraphs);
  for (const name of ['administration', 'accounts', 'money-orders', 'cod-settlement'] as const) {
    await waitForHealthy(subgraphUrl(name).replace(/\/graphql$/, '/health'), subgraphs, 60_000);
  }
  // The seeded offices reach the accounts subgraph as office.created events; the ledger needs their charts.
  const charted = await waitFor(
    async () => {
      const progress = await chartProgress(bench.database);
      return progress.known === progress.offices ? progress : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200, what: "the accounts subgraph to open every seeded office's chart" },
  );
  log(`subgraph process ${subgraphs.pid} up in ${seconds(started)} s; ${charted.offices} offices, ${charted.accounts} office accounts opened`);

  started = performance.now();
  const gateway = spawnGroup(
    'gateway',
    process.execPath,
    // As the README's production command runs it: with the gateway's heap bound.
    [...options.gatewayNodeFlags, ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []), join('gateway', 'dist', 'main.js')],
    {
      ...baseEnv,
      PORT: String(ports.gateway),
      QUERY_PLANNER: options.planner,
      ADMINISTRATION_URL: subgraphUrl('administration'),
      ACCOUNTS_URL: subgraphUrl('accounts'),
      MONEY_ORDERS_URL: subgraphUrl('money-orders'),
      COD_SETTLEMENT_URL: subgraphUrl('cod-settlement'),
      JWT_PUBLIC_KEY: publicKey,
      IDENTITY_SECRET: identitySecret,
    },
    join(logDir, 'gateway.log'),
    root,
  );
  children.push(gateway);
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  await waitForHealthy(`http://127.0.0.1:${ports.gateway}/health`, gateway, 60_000);
  const rssAtStartMb = residentMb(gateway.pid) ?? NaN;
  return { subgraphs, gateway, gatewayUrl, subgraphUrl, publicKey, identitySecret, rssAtStartMb };
}

/** A demo user signed in through the gateway: the token, and the signer of direct requests with its identity. */
export interface Session {
  token: string;
  sign: SignedHeaders;
}

/** One sign-in through the gateway; the direct requests carry the identity the gateway makes of the token. */
export async function signIn(processes: BenchProcesses, username: string, password: string): Promise<Session> {
  const answer = await graphql(processes.gatewayUrl, {}, {
    query: 'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token } }',
    variables: { username, password },
  });
  const { token } = (answer as { login: { token: string } }).login;
  const identity: Identity = { kind: 'staff', ...(await verifyAccessToken(token, processes.publicKey)) };
  return { token, sign: createSigner(identity, processes.identitySecret) };
}

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** One GraphQL request; its `data`, or an error naming what went wrong. */
export async function graphql(url: string, headers: Record<string, string>, body: GraphQLRequestBody | string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || parsed.errors || parsed.data == null) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  return parsed.data;
}

export function seconds(since: number): string {
  return ((performance.now() - since) / 1_000).toFixed(1);
}
