import { InProcessJobQueue } from '@postal/jobs';
import { createTestDatabase, waitFor, type TestDatabase } from '@postal/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchesByIds } from '../settlement/repository.js';
import { seedBiller, seedCollection, seedOffices, settlementDeps } from '../settlement/test-support/seed.js';
import { rowsOf } from '@postal/db';
import { sql } from 'drizzle-orm';
import { SETTLEMENT_BUILD_JOB, startSettlementJob } from './settlement-build.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the scheduled settlement build', () => {
  it('builds the due batches at every settlement office as the system, and a second run adds nothing', async () => {
    const db = testDatabase.database.db;
    const delhi = await seedBiller(db, { cycleDays: 2 });
    const mumbai = await seedBiller(db, { cycleDays: 2 }, 'MBGPO');
    await seedCollection(db, delhi.id, { dueFrom: '2026-12-07' });
    await seedCollection(db, mumbai.id, { dueFrom: '2026-12-07' });
    const deps = settlementDeps(testDatabase, () => new Date('2026-12-14T05:30:00Z'));
    const jobs = new InProcessJobQueue({ logger: pino({ level: 'silent' }) });
    try {
      await startSettlementJob(jobs, deps, 3_600_000);
      const run = async (jobId: string) => {
        await jobs.add(SETTLEMENT_BUILD_JOB, {}, { jobId });
        return waitFor(async () => {
          const job = await jobs.getJob(SETTLEMENT_BUILD_JOB, jobId);
          return job?.state === 'completed' || job?.state === 'failed' ? job : undefined;
        }, { what: `settlement run ${jobId}` });
      };
      expect(await run('first')).toMatchObject({ state: 'completed', result: { offices: 2, batches: 2 } });
      expect(await run('again')).toMatchObject({ state: 'completed', result: { offices: 2, batches: 0 } });
      const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from cod.settlement_batches`)).map((r) => r.id);
      const batches = await batchesByIds(db, ids);
      expect(batches.map((b) => [b.settlementOfficeCode, b.builtBy, b.articleCount]).sort()).toEqual([['MBGPO', 'cod-settlement', 1], ['NDGPO', 'cod-settlement', 1]]);
    } finally {
      await jobs.close();
    }
  });
});
