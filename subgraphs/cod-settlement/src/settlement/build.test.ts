import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteCodFee, INDIA_COD_FEE_SCHEDULES } from '../fees/domain.js';
import { buildSettlementBatches, buildSettlementBatchesInTx } from './build.js';
import { contextOf, financeOfficer, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from './test-support/seed.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

// Monday 14 December 2026, 11:00 IST.
const clock = () => new Date('2026-12-14T05:30:00Z');
const deps = () => settlementDeps(testDatabase, clock);
const db = () => testDatabase.database.db;

async function linesOfBiller(billerId: string) {
  const result = await db().execute(sql`
    select l.article_id, l.gross::text, l.fee::text, l.tax::text, l.early_fee::text, l.net::text, l.active, b.id as batch_id
    from cod.batch_lines l join cod.settlement_batches b on b.id = l.batch_id where b.biller_id = ${billerId} order by l.sort_key`);
  return rowsOf(result) as Array<{ article_id: string; gross: string; fee: string; tax: string; early_fee: string; net: string; active: boolean; batch_id: string }>;
}

describe('buildSettlementBatches', () => {
  it('settles what is due at T+8 on a payout weekday, net of fee and GST per article, and nothing not yet due', async () => {
    const biller = await seedBiller(db(), { cycleDays: 8 });
    // Due 1 Dec (Tue): T+8 business days = 11 Dec (12 Dec is the 2nd Saturday), so due by Monday 14th.
    const due = await seedCollection(db(), biller.id, { amount: '4321.37', dueFrom: '2026-12-01' });
    const due2 = await seedCollection(db(), biller.id, { amount: '7500.00', dueFrom: '2026-12-02' });
    // Due 4 Dec: T+8 = 15 Dec: not yet. Not deposited: never.
    const notYet = await seedCollection(db(), biller.id, { amount: '100.00', dueFrom: '2026-12-04' });
    await seedCollection(db(), biller.id, { amount: '100.00', dueFrom: null });
    const batches = await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE });
    const mine = batches.filter((b) => b.billerId === biller.id);
    expect(mine).toHaveLength(1);
    const lines = await linesOfBiller(biller.id);
    expect(lines.map((l) => l.article_id).sort()).toEqual([due.articleId, due2.articleId].sort());
    const schedule = INDIA_COD_FEE_SCHEDULES[0]!;
    for (const line of lines) {
      const quote = quoteCodFee(schedule, new Decimal(line.gross));
      expect([new Decimal(line.fee).toFixed(2), new Decimal(line.tax).toFixed(2)]).toEqual([quote.fee.toFixed(2), quote.tax.toFixed(2)]);
    }
    // 4321.37: fee 86.43, GST 15.56; 7500: fee 125.00, GST 22.50.
    expect(new Decimal(mine[0]!.net).toFixed(2)).toBe(new Decimal('4321.37').minus('86.43').minus('15.56').plus('7500').minus('125').minus('22.50').toFixed(2));
    expect(mine[0]!.status).toBe('DRAFT');
    expect(mine[0]!.cycleDate).toBe('2026-12-14');
    const [notYetRow] = rowsOf(await db().execute(sql`select batch_id from cod.collection_batches where article_id = ${notYet.articleId}`));
    expect(notYetRow).toEqual({ batch_id: null });
  });

  it('charges the early-settlement fee (with GST) on articles settled before their standard cycle', async () => {
    const biller = await seedBiller(db(), { cycleDays: 8, early: { days: 2, percent: '1' } });
    await seedCollection(db(), biller.id, { amount: '2000.00', dueFrom: '2026-12-09' }); // T+2 = 11 Dec: early
    await seedCollection(db(), biller.id, { amount: '2000.00', dueFrom: '2026-12-01' }); // standard: no early fee
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE });
    const lines = await linesOfBiller(biller.id);
    expect(lines.map((l) => [new Decimal(l.early_fee).toFixed(2), new Decimal(l.tax).toFixed(2)]).sort()).toEqual([
      ['0.00', '9.00'], // fee 50 (minimum), GST 9
      ['20.00', '12.60'], // GST 9 + 3.60 on the early fee
    ]);
  });

  it('settles nothing on a day that is not a payout weekday or a bank holiday', async () => {
    const biller = await seedBiller(db(), { cycleDays: 1, payoutWeekdays: [3] });
    await seedCollection(db(), biller.id, { dueFrom: '2026-12-01' });
    expect((await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-14' })).some((b) => b.billerId === biller.id)).toBe(false);
    const other = await seedBiller(db(), { cycleDays: 1, payoutWeekdays: [5] });
    await seedCollection(db(), other.id, { dueFrom: '2026-12-01' });
    // Friday 25 December 2026 is Christmas (calendar IN, seeded by the migration).
    expect((await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-25' })).some((b) => b.billerId === other.id)).toBe(false);
  });

  it('holds an article with an open dispute out of the batch', async () => {
    const biller = await seedBiller(db());
    const held = await seedCollection(db(), biller.id, { dueFrom: '2026-12-01' });
    await seedCollection(db(), biller.id, { dueFrom: '2026-12-01' });
    await db().execute(sql`insert into cod.disputes (id, article_id, biller_id, kind, currency, note, raised_by, raised_on, raised_at)
      values (gen_random_uuid(), ${held.articleId}, ${biller.id}, 'NOT_RECEIVED', 'INR', 'x', 'test', '2026-12-01', now())`);
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE });
    expect((await linesOfBiller(biller.id)).map((l) => l.article_id)).not.toContain(held.articleId);
    expect(await linesOfBiller(biller.id)).toHaveLength(1);
  });

  it('refuses a caller without cod.settlement.manage at the office, and an unknown office', async () => {
    const clerk = { ...financeOfficer, grants: [{ permission: 'cod.read', scope: 'SUBTREE' as const }] };
    await expect(buildSettlementBatches(deps(), contextOf(clerk), { settlementOfficeCode: SETTLEMENT_OFFICE })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: 'MBGPO' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-02-30' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('at most once', () => {
  async function seedMany(billers: number, perBiller: number): Promise<string[]> {
    const ids: string[] = [];
    for (let b = 0; b < billers; b += 1) {
      const biller = await seedBiller(db(), { cycleDays: 2 });
      ids.push(biller.id);
      for (let a = 0; a < perBiller; a += 1) await seedCollection(db(), biller.id, { amount: `${100 + a}.50`, dueFrom: '2026-12-07' });
    }
    return ids;
  }

  async function assertEachOnce(billerIds: string[], expectedArticles: number) {
    const result = await db().execute(sql`
      select c.article_id, c.amount::text as amount, count(l.sort_key) filter (where l.active) as active_lines,
             max(l.batch_id::text) filter (where l.active) as line_batch, c.batch_id::text as claimed_by
      from cod.collection_batches c left join cod.batch_lines l on l.article_id = c.article_id and l.kind = 'ARTICLE'
      where c.biller_id = any(${sql.raw(`array[${billerIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)})
      group by c.article_id, c.amount, c.batch_id`);
    const rows = rowsOf(result) as Array<{ article_id: string; amount: string; active_lines: string; line_batch: string | null; claimed_by: string | null }>;
    expect(rows).toHaveLength(expectedArticles);
    for (const row of rows) {
      expect(Number(row.active_lines)).toBe(1);
      expect(row.line_batch).toBe(row.claimed_by);
    }
    const sums = await db().execute(sql`
      select b.biller_id, b.gross::text, (select sum(c.amount) from cod.collections c where c.biller_id = b.biller_id)::text as collected,
             b.net::text, (select sum(l.net) from cod.batch_lines l where l.batch_id = b.id and l.active)::text as line_net
      from cod.settlement_batches b where b.biller_id = any(${sql.raw(`array[${billerIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)})`);
    expect(rowsOf(sums)).toHaveLength(billerIds.length);
    for (const row of rowsOf(sums) as Array<{ gross: string; collected: string; net: string; line_net: string }>) {
      expect(new Decimal(row.gross).eq(row.collected)).toBe(true);
      expect(new Decimal(row.net).eq(row.line_net)).toBe(true);
    }
  }

  it('two builds racing settle every article exactly once, in one batch per biller', async () => {
    const billerIds = await seedMany(6, 25);
    const runs = await Promise.all([
      buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-10' }),
      buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-10' }),
      buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-11' }),
    ]);
    const mine = runs.flat().filter((b) => billerIds.includes(b.billerId));
    expect(mine).toHaveLength(6);
    await assertEachOnce(billerIds, 150);
  });

  it('a build that crashes half-way leaves nothing, and the re-run settles each article once', async () => {
    const billerIds = await seedMany(3, 10);
    await expect(
      db().transaction(async (tx) => {
        await buildSettlementBatchesInTx(tx, SETTLEMENT_OFFICE, '2026-12-10', 'test', clock());
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    const left = await db().execute(sql`select count(*)::int as n from cod.settlement_batches where biller_id = any(${sql.raw(`array[${billerIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)})`);
    expect(rowsOf(left)[0]).toEqual({ n: 0 });
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-10' });
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-11' });
    await assertEachOnce(billerIds, 30);
  });

  it('the database refuses a second active claim of a day even if the day is opened by mistake', async () => {
    const [billerId] = await seedMany(1, 2);
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-10' });
    await db().execute(sql`update cod.due_days set batch_id = null where biller_id = ${billerId!}`);
    await expect(buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-11' })).rejects.toMatchObject({ cause: { constraint: 'settlement_days_active_day_key' } });
    await db().execute(sql`update cod.billers set status = 'SUSPENDED' where id = ${billerId!}`);
  });

  it('the database refuses a second active line for an article settling alone even if it is released by mistake', async () => {
    const [billerId] = await seedMany(1, 2);
    await db().execute(sql`update cod.collections set settles_alone = true where biller_id = ${billerId!}`);
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-10' });
    await db().execute(sql`update cod.collections set settlement_batch_id = null where biller_id = ${billerId!}`);
    await expect(buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-11' })).rejects.toThrow();
    // Out of the office's later builds: the damage done here by hand stays here.
    await db().execute(sql`update cod.billers set status = 'SUSPENDED' where id = ${billerId!}`);
  });
});

describe('settlement by day (a claim per biller and due date, migration 0009)', () => {
  const dayOf = async (articleId: string) =>
    rowsOf<{ settles_alone: boolean; batch_id: string | null; fee: string | null }>(
      await db().execute(sql`select settles_alone, batch_id::text, fee::text from cod.collection_batches where article_id = ${articleId}`),
    )[0]!;
  const claimsOf = async (billerId: string) =>
    rowsOf<{ due_from: string; article_count: number; active: boolean }>(
      await db().execute(sql`select due_from::text, article_count, active from cod.settlement_days where biller_id = ${billerId} order by id`),
    );
  const build = (cycleDate: string) => buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate });

  it('prices a collection when it becomes due and claims its day in one row; one that becomes due into a claimed day settles alone, next time, once', async () => {
    const biller = await seedBiller(db(), { cycleDays: 2 });
    const first = await seedCollection(db(), biller.id, { amount: '4321.37', dueFrom: '2026-12-07' });
    expect(await dayOf(first.articleId)).toEqual({ settles_alone: false, batch_id: null, fee: '86.43' });
    await seedCollection(db(), biller.id, { amount: '100.00', dueFrom: '2026-12-07' });
    const [batch] = (await build('2026-12-10')).filter((b) => b.billerId === biller.id);
    expect(await claimsOf(biller.id)).toEqual([{ due_from: '2026-12-07', article_count: 2, active: true }]);
    expect((await dayOf(first.articleId)).batch_id).toBe(batch!.id);
    // A clearing reported late, dated the claimed day: never slipped into the claim after the fact.
    const late = await seedCollection(db(), biller.id, { amount: '250.00', dueFrom: null });
    await db().execute(sql`update cod.collections set due_from = '2026-12-07' where article_id = ${late.articleId}`);
    expect(await dayOf(late.articleId)).toMatchObject({ settles_alone: true, batch_id: null });
    expect((await linesOfBiller(biller.id)).filter((l) => l.batch_id === batch!.id)).toHaveLength(2);
    const [next] = (await build('2026-12-11')).filter((b) => b.billerId === biller.id);
    expect(next).toMatchObject({ articleCount: 1, gross: '250.00' });
    expect((await dayOf(late.articleId)).batch_id).toBe(next!.id);
    expect((await build('2026-12-14')).some((b) => b.billerId === biller.id)).toBe(false);
    await expect(db().execute(sql`update cod.collections set due_from = '2026-12-08' where article_id = ${late.articleId}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/becomes due once/) } });
  });

  it('prices an article settling alone by the same rule (cod.cod_fee) as the day path, both quoteCodFee\'s', async () => {
    const biller = await seedBiller(db(), { cycleDays: 2 });
    const schedule = INDIA_COD_FEE_SCHEDULES[0]!;
    const alone = await seedCollection(db(), biller.id, { amount: '7321.45', dueFrom: null });
    await db().execute(sql`update cod.collections set settles_alone = true where article_id = ${alone.articleId}`);
    await db().execute(sql`update cod.collections set due_from = '2026-12-07' where article_id = ${alone.articleId}`);
    const onDay = await seedCollection(db(), biller.id, { amount: '7321.45', dueFrom: '2026-12-07' });
    await build('2026-12-10');
    const lines = await linesOfBiller(biller.id);
    const quote = quoteCodFee(schedule, new Decimal('7321.45'));
    for (const articleId of [alone.articleId, onDay.articleId]) {
      const line = lines.find((l) => l.article_id === articleId)!;
      expect([new Decimal(line.fee).toFixed(2), new Decimal(line.tax).toFixed(2)]).toEqual([quote.fee.toFixed(2), quote.tax.toFixed(2)]);
    }
    expect((await dayOf(alone.articleId)).settles_alone).toBe(true);
  });

  it('a collection becoming due while a build claims its day waits for the build, then settles alone', async () => {
    const biller = await seedBiller(db(), { cycleDays: 2 });
    await seedCollection(db(), biller.id, { dueFrom: '2026-12-07' });
    const waiting = await seedCollection(db(), biller.id, { amount: '300.00', dueFrom: null });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let built!: () => void;
    const claimed = new Promise<void>((resolve) => (built = resolve));
    const building = db().transaction(async (tx) => {
      await buildSettlementBatchesInTx(tx, SETTLEMENT_OFFICE, '2026-12-10', 'test', clock());
      built();
      await gate;
    });
    await claimed;
    let done = false;
    const deposit = db()
      .execute(sql`update cod.collections set due_from = '2026-12-07' where article_id = ${waiting.articleId}`)
      .then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    release();
    await building;
    await deposit;
    expect(await dayOf(waiting.articleId)).toMatchObject({ settles_alone: true, batch_id: null });
    expect((await claimsOf(biller.id)).map((c) => c.article_count)).toEqual([1]);
  });

  it('a build waits for a collection becoming due at its office, and then claims it with its day', async () => {
    const biller = await seedBiller(db(), { cycleDays: 2 });
    const pending = await seedCollection(db(), biller.id, { amount: '300.00', dueFrom: null });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let marked!: () => void;
    const due = new Promise<void>((resolve) => (marked = resolve));
    const deposit = db().transaction(async (tx) => {
      await tx.execute(sql`update cod.collections set due_from = '2026-12-07' where article_id = ${pending.articleId}`);
      marked();
      await gate;
    });
    await due;
    let done = false;
    const building = build('2026-12-10').then((batches) => {
      done = true;
      return batches;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    release();
    await deposit;
    const [batch] = (await building).filter((b) => b.billerId === biller.id);
    expect(batch).toMatchObject({ articleCount: 1, gross: '300.00' });
    expect(await dayOf(pending.articleId)).toMatchObject({ settles_alone: false, batch_id: batch!.id });
  });

  it('a dispute takes an article off its open day; on a claimed day it stays settled, until that batch ends without paying', async () => {
    const biller = await seedBiller(db(), { cycleDays: 2 });
    const before = await seedCollection(db(), biller.id, { dueFrom: '2026-12-07' });
    const after = await seedCollection(db(), biller.id, { dueFrom: '2026-12-07' });
    const dispute = (articleId: string) =>
      db().execute(sql`insert into cod.disputes (id, article_id, biller_id, kind, currency, note, raised_by, raised_on, raised_at)
        values (gen_random_uuid(), ${articleId}, ${biller.id}, 'NOT_RECEIVED', 'INR', 'x', 'test', '2026-12-08', now())`);
    const other = await seedCollection(db(), biller.id, { dueFrom: '2026-12-08' });
    await dispute(before.articleId);
    expect((await dayOf(before.articleId)).settles_alone).toBe(true);
    const [batch] = (await build('2026-12-11')).filter((b) => b.billerId === biller.id);
    expect(batch).toMatchObject({ articleCount: 2 });
    expect((await dayOf(before.articleId)).batch_id).toBeNull();
    await dispute(after.articleId);
    expect(await dayOf(after.articleId)).toMatchObject({ settles_alone: false, batch_id: batch!.id });
    expect((await dayOf(other.articleId)).batch_id).toBe(batch!.id);
    // The batch is cancelled: its days open again, and the article disputed meanwhile leaves the day path.
    const { releaseBatchContents } = await import('./release-contents.js');
    await db().transaction(async (tx) => {
      await tx.execute(sql`update cod.settlement_batches set status = 'CANCELLED' where id = ${batch!.id}`);
      expect(await releaseBatchContents(tx, batch!.id)).toEqual({ articles: 2 });
    });
    expect(await dayOf(after.articleId)).toMatchObject({ settles_alone: true, batch_id: null });
    const [again] = (await build('2026-12-14')).filter((b) => b.billerId === biller.id);
    expect(again).toMatchObject({ articleCount: 1 });
    expect((await dayOf(other.articleId)).batch_id).toBe(again!.id);
    // Both claims of the cancelled batch inactive; the day of 7 December is left with nothing on the day path.
    expect(await claimsOf(biller.id)).toEqual([
      { due_from: '2026-12-07', article_count: 1, active: false },
      { due_from: '2026-12-08', article_count: 1, active: false },
      { due_from: '2026-12-08', article_count: 1, active: true },
    ]);
  });
});
