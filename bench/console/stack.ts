import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackEnv } from '@postal/config';
import { ProcessGroup, waitForHealth } from '../../test/support/process-group.js';

/**
 * The stack as `npm start` runs it (`node stack/dist/start-cli.js`: migrations, the demo seed, the four subgraphs and
 * the gateway, which serves console/dist at `/` with its cookie session), on a database the bench made, free ports and
 * a DATA_DIR of its own. No REDIS_URL: the in-process queue, as `npm start` uses without one.
 *
 * The process-group handling, the health wait and the environment scrub are copied from the e2e harness
 * (test/e2e/support/stack.ts, which imports vitest's hooks and makes its own database, so it is not imported here).
 */
export interface BenchStack {
  readonly baseUrl: string;
  readonly logFile: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 5_000;

export async function startBenchStack(root: string, databaseUrl: string): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pf-bench-console-'));
  const logFile = join(dataDir, 'stack.log');
  const [port, administration, accounts, moneyOrders, codSettlement] = await freePorts(5);
  const env: NodeJS.ProcessEnv = {
    ...environmentWithoutStackSettings(),
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    ADMINISTRATION_PORT: String(administration),
    ACCOUNTS_PORT: String(accounts),
    MONEY_ORDERS_PORT: String(moneyOrders),
    COD_SETTLEMENT_PORT: String(codSettlement),
  };
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // Its own process group (detached): stopping it stops whatever it started.
    child = spawn(process.execPath, [join(root, 'stack/dist/start-cli.js')], { cwd: root, env, detached: true, stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
  const group = new ProcessGroup(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const logTail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await group.stop(STOP_GRACE_MS);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  try {
    await waitForHealth(`${baseUrl}/health`, group, START_TIMEOUT_MS);
  } catch (error) {
    const tail = logTail();
    await stop();
    throw new Error(`the stack did not start: ${(error as Error).message}\n--- its log, last lines ---\n${tail}`);
  }
  return { baseUrl, logFile, logTail, stop };
}

/** A developer's shell that sets, say, JWT_PRIVATE_KEY or REDIS_URL must not leak into the bench's stack. */
function environmentWithoutStackSettings(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const variable of Object.keys(stackEnv.shape)) delete env[variable];
  return env;
}

/** Ports the kernel hands out for port 0, held together so that the five differ. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<import('node:net').Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
