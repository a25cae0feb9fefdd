import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createMemoryNotifier, type MemoryNotifier } from '@postal/notify';
import { createJobQueue, type JobQueue } from '@postal/jobs';
import { createEventQueue, type EventQueue } from '@postal/outbox';
import { migrateAll, seedDemo, startStack, type RunningStack, type StackOptions } from '@postal/stack';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { createNonceStore } from '@postal/server';
import { pino } from 'pino';

export interface TestStack extends RunningStack {
  testDatabase: TestDatabase;
  queue: EventQueue;
  jobs: JobQueue;
  secrets: StackOptions['secrets'];
  /** Everything the stack told people (temporary passwords): what each person would have received. */
  notifier: MemoryNotifier;
  close(): Promise<void>;
}

/** The temporary password most recently sent to a username, as its owner would read it. */
export function temporaryPasswordOf(stack: Pick<TestStack, 'notifier'>, username: string): string {
  const body = stack.notifier.latest(username, 'TEMPORARY_PASSWORD')?.body ?? '';
  const match = /temporary Postal Finance password is ([A-Z0-9]+)/.exec(body);
  if (!match) throw new Error(`no temporary password was sent to ${username}`);
  return match[1]!;
}

/**
 * The whole system on free ports against a database of its own (a fresh PostgreSQL database with DATABASE_URL, else
 * in-memory PGlite), the real queue and nonce stores (Redis with REDIS_URL, else in-process), seeded with the demo data.
 */
export async function startTestStack(overrides: Partial<StackOptions> = {}): Promise<TestStack> {
  const testDatabase = await createTestDatabase();
  await migrateAll(testDatabase.database);
  await seedDemo(testDatabase.database, 'test');
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const prefix = `pf-test-${randomBytes(4).toString('hex')}`;
  const queue = createEventQueue({ redisUrl: process.env.REDIS_URL, prefix, logger });
  const jobs = createJobQueue({ redisUrl: process.env.REDIS_URL, prefix, logger });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const notifier = createMemoryNotifier();
  const secrets = { identitySecret: randomBytes(32).toString('hex'), jwtPrivateKey: privateKey, jwtPublicKey: publicKey };
  const stack = await startStack({
    database: testDatabase.database,
    queue,
    jobs,
    // As in production when REDIS_URL is set (CI sets it): each subgraph's nonces in Redis.
    nonces: () => createNonceStore({ redisUrl: process.env.REDIS_URL, prefix, logger }),
    redis: process.env.REDIS_URL ? { url: process.env.REDIS_URL, prefix } : undefined,
    logger,
    nodeEnv: 'test',
    secrets,
    ports: { gateway: 0, administration: 0, accounts: 0, moneyOrders: 0, codSettlement: 0 },
    notifier,
    ...overrides,
  });
  return {
    ...stack,
    testDatabase,
    queue,
    jobs,
    secrets,
    notifier,
    async close() {
      await stack.stop();
      await jobs.close();
      await queue.close();
      await testDatabase.drop();
    },
  };
}
