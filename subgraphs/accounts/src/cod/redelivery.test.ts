import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBusinessDay } from '../business-days/close.js';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { createCodConsumer } from './consumer.js';
import { answersFor, billerCode, collected, deliverer, movementEvent, net, NOW, payoutFailed, postingsOf, settled } from './test-support/movements.js';

/* Exactly once per movement, whatever the queue does; a refusal answered, never retried for ever; late movements. */
let testDatabase: TestDatabase;
const TOMORROW = '2026-11-21';

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const handler = () => createCodConsumer({ clock: () => NOW });

async function entriesOf(movementId: string): Promise<number> {
  const [row] = rowsOf<{ count: string }>(
    await testDatabase.database.db.execute(sql`select count(*)::text as count from accounts.journal_entries where source_reference = ${movementId}`),
  );
  return Number(row!.count);
}

describe('redelivery', () => {
  it('posts a movement once and answers every copy under another event id the same', async () => {
    const biller = billerCode();
    const collection = collected({ billerCode: biller, officeCode: 'SO1', settlementOfficeCode: 'HO2', amount: '640.00' });
    const event = movementEvent(collection);
    const deliver = deliverer(testDatabase);
    await deliver(collection);
    await deliver(collection);
    // The same event id twice: the idempotent consumer skips the second.
    const run = (copy = event) => testDatabase.database.db.transaction((tx) => handler()(tx, copy));
    await run();
    await run(movementEvent(collection));
    expect(await entriesOf(collection.movementId)).toBe(2);
    expect(await net(testDatabase, `HO2:2200:${biller}`)).toBe('-640.00');
    const answers = await answersFor(testDatabase, collection.movementId);
    expect(answers).toHaveLength(4);
    expect(new Set(answers.map((answer) => JSON.stringify([answer.outcome, answer.entryIds])))).toEqual(new Set([JSON.stringify(['POSTED', answers[0]!.entryIds])]));
    expect(answers[0]!.entryIds).toHaveLength(2);
    const recorded = rowsOf<{ movement: string; outcome: string }>(
      await testDatabase.database.db.execute(sql`select movement, outcome from accounts.cod_movements where movement_id = ${collection.movementId}::uuid`),
    );
    expect(recorded).toEqual([{ movement: 'COLLECTED', outcome: 'POSTED' }]);
  });

  it('answers a refusal REJECTED with its code, records it, never throws, and answers a copy the same without posting', async () => {
    const collection = collected({ billerCode: billerCode(), settlementOfficeCode: 'NOWHERE' });
    const fromNowhere = collected({ billerCode: billerCode(), officeCode: 'NOWHERE', settlementOfficeCode: 'HO1' });
    const deliver = deliverer(testDatabase);
    for (const payload of [collection, collection, fromNowhere]) await expect(deliver(payload)).resolves.toBeUndefined();
    expect((await answersFor(testDatabase, collection.movementId)).map((answer) => [answer.outcome, answer.entryIds, answer.error?.code])).toEqual([
      ['REJECTED', [], 'OFFICE_NOT_FOUND'],
      ['REJECTED', [], 'OFFICE_NOT_FOUND'],
    ]);
    // The cash leg's office is unknown: the whole movement is refused, the settlement office's leg included.
    expect((await answersFor(testDatabase, fromNowhere.movementId)).map((answer) => answer.error?.code)).toEqual(['OFFICE_NOT_FOUND']);
    expect(await net(testDatabase, `HO1:2200:${fromNowhere.billerCode}`)).toBe('none');
    const [recorded] = rowsOf<{ outcome: string; error_code: string; error_message: string }>(
      await testDatabase.database.db.execute(sql`select outcome, error_code, error_message from accounts.cod_movements where movement_id = ${collection.movementId}::uuid`),
    );
    expect(recorded).toMatchObject({ outcome: 'REJECTED', error_code: 'OFFICE_NOT_FOUND', error_message: 'the ledger knows no office NOWHERE' });
    expect(await entriesOf(collection.movementId)).toBe(0);
  });

  it('throws (for the queue to retry) only what is not a business rule', async () => {
    const event = { ...movementEvent(collected()), type: 'office.created' } as never;
    await expect(testDatabase.database.db.transaction((tx) => handler()(tx, event))).rejects.toThrow(/does not take/);
  });
});

describe('late movements', () => {
  it('post into the office\'s open day when the movement\'s day has closed there since, each leg by its own office', async () => {
    const deliver = deliverer(testDatabase);
    const biller = billerCode();
    const settledBiller = billerCode();
    // HO2 is owed for a biller and has settled it before closing its day.
    await deliver(collected({ billerCode: settledBiller, officeCode: 'HO2', settlementOfficeCode: 'HO2', amount: '90.00' }));
    const settlement = settled({ billerCode: settledBiller, settlementOfficeCode: 'HO2', gross: '90.00', fee: '0', tax: '0', net: '90.00' });
    await deliver(settlement);
    await testDatabase.database.db.transaction((tx) => closeBusinessDay(tx, { officeCode: 'HO2', date: TODAY, actor: { kind: 'service', id: 'test' }, today: TODAY }));

    // Collected at HO2 (closed) for a biller settled at HO1 (open): HO2's leg goes to tomorrow, HO1's stays today.
    const collection = collected({ billerCode: biller, officeCode: 'HO2', settlementOfficeCode: 'HO1', amount: '25.00' });
    await deliver(collection);
    const [answer] = await answersFor(testDatabase, collection.movementId);
    expect(await postingsOf(testDatabase, answer!.entryIds)).toEqual([
      ['HO2', 'HO2:1200', 'DEBIT', '25.00', TOMORROW],
      ['HO2', 'HO2:1600', 'CREDIT', '25.00', TOMORROW],
      ['HO1', 'HO1:1600', 'DEBIT', '25.00', TODAY],
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '25.00', TODAY],
    ]);

    // A biller's first movement at the closed office: its account is opened closed through the day, like the others.
    const late = collected({ billerCode: billerCode(), officeCode: 'HO2', settlementOfficeCode: 'HO2', amount: '5.00' });
    await deliver(late);
    const [lateAnswer] = await answersFor(testDatabase, late.movementId);
    expect((await postingsOf(testDatabase, lateAnswer!.entryIds)).map((line) => line[4])).toEqual([TOMORROW, TOMORROW]);
    const [opened] = rowsOf<{ closed_through: string }>(
      await testDatabase.database.db.execute(sql`select closed_through::text from accounts.accounts where code = ${`HO2:2200:${late.billerCode}`}`),
    );
    expect(opened!.closed_through).toBe(TODAY);

    // The payout fails after the close: the reversal goes into HO2's open day too.
    const failure = payoutFailed(settlement);
    await deliver(failure);
    const [failed] = await answersFor(testDatabase, failure.movementId);
    expect(failed!.outcome).toBe('POSTED');
    expect((await postingsOf(testDatabase, failed!.entryIds)).map((line) => line[4])).toEqual([TOMORROW, TOMORROW]);
  });
});
