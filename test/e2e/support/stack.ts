import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stackEnv } from '@postal/config';
import { readLocalOutbox } from '@postal/notify';
import { createTestDatabase, freePort } from '@postal/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ProcessGroup, waitForHealth } from '../../support/process-group.js';

/** The repository root: the stack is started from there, as `npm start` starts it. */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const START_CLI = join(REPOSITORY_ROOT, 'stack/dist/start-cli.js');
/** Where each stack's log is kept (gitignored): the tail is printed on a failure, the whole file stays for reading. */
export const LOG_DIR = join(REPOSITORY_ROOT, 'test/e2e/logs');

/** Migrations on a fresh database, the demo seed and five servers: generous, since two of these may start at once. */
const START_TIMEOUT_MS = 120_000;
/** After SIGTERM the stack drains and closes (runUntilSignal); past this its process group is killed. */
const STOP_GRACE_MS = 5_000;
/** The gateway reads the feed of ended sessions this often: short, so a suspended person's console ends quickly. */
const SESSION_POLL_INTERVAL_MS = 200;

export interface E2EStack {
  /** Where the console is served, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly healthUrl: string;
  /** The stack's DATA_DIR: its generated secrets and the local notification outbox. */
  readonly dataDir: string;
  /** The stack's own database, for a test's set-up the screens cannot make (an order booked months ago). */
  readonly databaseUrl: string;
  readonly logFile: string;
  /** The last lines of the stack's log, for a failure message. */
  logTail(lines?: number): string;
  /** The temporary password most recently sent to a username, read from the local outbox as its owner would. */
  temporaryPasswordOf(username: string): Promise<string>;
  stop(): Promise<void>;
}

export class StackStartError extends Error {
  readonly code = 'E2E_STACK_DID_NOT_START';
  constructor(message: string, logFile: string, tail: string) {
    super(`${message}\nLog: ${logFile}\n--- last lines ---\n${tail}`);
    this.name = 'StackStartError';
  }
}

/**
 * The whole system started the way `npm start` starts it: `node stack/dist/start-cli.js` as a child process, so the
 * test sees what a newcomer sees (the built code, the configuration read from the environment, the demo seed, the
 * console the gateway serves when `console/dist` exists). It gets a fresh database on the PostgreSQL of DATABASE_URL,
 * Redis with a queue prefix of its own, free ports, a DATA_DIR of its own and a short session poll.
 *
 * The child runs in its own process group (detached), so stopping it takes every process it may have started, and a
 * failed start never leaves one behind. It inherits the rest of this process's environment, on purpose: under
 * `faketime` (LD_PRELOAD and FAKETIME), the stack's clock is moved with the test runner's; `start` checks that.
 */
export async function startStack(options: { name?: string; env?: Record<string, string> } = {}): Promise<E2EStack> {
  const databaseServer = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseServer || !redisUrl) throw new Error('the end-to-end stack needs DATABASE_URL and REDIS_URL (real PostgreSQL and Redis)');
  if (!existsSync(START_CLI)) throw new Error(`${START_CLI} is missing: the e2e global setup builds it (npx turbo run build)`);

  const id = randomBytes(4).toString('hex');
  const name = `${options.name ?? 'stack'}-${id}`.replace(/[^a-z0-9_-]+/gi, '-');
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pf-e2e-'));
  const testDatabase = await createTestDatabase();
  const [port, administration, accounts, moneyOrders, codSettlement] = await distinctFreePorts(5);
  const baseUrl = `http://127.0.0.1:${port}`;

  const queuePrefix = `pf-e2e-${id}`;
  const env: NodeJS.ProcessEnv = {
    ...environmentWithoutStackSettings(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_URL: testDatabase.url!,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    ADMINISTRATION_PORT: String(administration),
    ACCOUNTS_PORT: String(accounts),
    MONEY_ORDERS_PORT: String(moneyOrders),
    COD_SETTLEMENT_PORT: String(codSettlement),
    SEED_DEMO: 'true',
    NOTIFIER: 'local',
    SESSION_POLL_INTERVAL_MS: String(SESSION_POLL_INTERVAL_MS),
    ...options.env,
  };

  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [START_CLI], { cwd: REPOSITORY_ROOT, env, detached: true, stdio: ['ignore', logFd, logFd] });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(logFd);
  }
  const group = new ProcessGroup(child);
  const logTail = (lines = 60) => tailOf(logFile, lines);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await group.stop(STOP_GRACE_MS);
      await testDatabase.drop().catch((error: unknown) => console.error(`dropping the e2e database failed: ${String(error)}`));
      await deleteKeys(redisUrl, `${queuePrefix}:*`).catch((error: unknown) => console.error(`deleting the e2e queue's keys failed: ${String(error)}`));
      rmSync(dataDir, { recursive: true, force: true });
    })());

  try {
    await waitForHealth(`${baseUrl}/health`, group, START_TIMEOUT_MS);
    await assertSameClock(`${baseUrl}/health`);
  } catch (error) {
    await stop();
    throw new StackStartError(error instanceof Error ? error.message : String(error), logFile, logTail());
  }

  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    healthUrl: `${baseUrl}/health`,
    dataDir,
    databaseUrl: testDatabase.url!,
    logFile,
    logTail,
    async temporaryPasswordOf(username) {
      const [latest] = (await readLocalOutbox(dataDir, username)).filter((line) => line.kind === 'TEMPORARY_PASSWORD');
      const match = /temporary Postal Finance password is ([A-Z0-9]+)/.exec(latest?.body ?? '');
      if (!match) throw new Error(`no temporary password was sent to ${username} (outbox in ${dataDir})`);
      return match[1]!;
    },
    stop,
  };
}

/**
 * One stack for the test file: started before its first test, stopped after its last. A failed test prints the tail
 * of the stack's log next to the failure, so what the server said is in the report without opening a file.
 */
export function useStack(options: Parameters<typeof startStack>[0] = {}): () => E2EStack {
  let stack: E2EStack | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      if (stack) console.error(`\nThe stack's log (${stack.logFile}), last lines:\n${stack.logTail(40)}`);
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('the stack is not running (it failed to start, or useStack was called outside a describe)');
    return stack;
  };
}

/**
 * The stack's clock is this process's: its `Date` header agrees with ours. Under `faketime -f '+365d'` that shows the
 * child inherited the faked clock (a child started without LD_PRELOAD would answer a date a year behind), so the
 * year-ahead run really runs the server a year ahead.
 */
async function assertSameClock(url: string): Promise<void> {
  const response = await fetch(url);
  await response.body?.cancel();
  const header = response.headers.get('date');
  const theirs = header ? Date.parse(header) : Number.NaN;
  const ours = Date.now();
  if (Number.isNaN(theirs)) throw new Error(`${url} answered no Date header to compare clocks with`);
  if (Math.abs(theirs - ours) > 5 * 60_000) {
    throw new Error(
      `the stack's clock (${new Date(theirs).toISOString()}) is not this process's (${new Date(ours).toISOString()}): ` +
        'it did not inherit the faked clock (LD_PRELOAD, FAKETIME)',
    );
  }
}

/**
 * This process's environment without any of the stack's own settings: a developer's shell that sets, say,
 * ADMINISTRATION_DATABASE_URL or JWT_PRIVATE_KEY must not leak into the test's stack. Everything else (PATH, and
 * LD_PRELOAD / FAKETIME under faketime) is kept.
 */
function environmentWithoutStackSettings(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const variable of Object.keys(stackEnv.shape)) delete env[variable];
  return env;
}

/** The stack's Bull queues and nonces, under a prefix no one else uses: left behind, each run would add a hundred keys. */
async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
