import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { answerFor, balancedEverywhere, billerCode, collected, deliverer, deposited, net, postingsFor } from './test-support/movements.js';

/*
 * The collection and deposit rules against a real ledger: circle C > division D > head office HO1 (with its sub office
 * SO1) and head office HO2, through the consumer as the queue runs it. Each case uses its own biller, so it reads its
 * own payable account; shared accounts (a postman's cash at an office) are read as changes.
 */
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const everywhereBalanced = async () => expect((await balancedEverywhere(testDatabase, TODAY)).filter((report) => !report.balanced)).toEqual([]);

describe('COLLECTED', () => {
  it('in cash at the settlement office: one entry there, Dr postman cash / Cr the biller\'s own COD payable, opened for it', async () => {
    const biller = billerCode();
    const collection = collected({ billerCode: biller, officeCode: 'HO1', settlementOfficeCode: 'HO1', amount: '750.00' });
    await deliverer(testDatabase)(collection);
    const answer = await answerFor(testDatabase, collection.movementId);
    expect(answer).toMatchObject({ movement: 'COLLECTED', outcome: 'POSTED' });
    expect(answer.entryIds).toHaveLength(1);
    expect(answer.error).toBeUndefined();
    expect(await postingsFor(testDatabase, collection.movementId)).toEqual([
      ['HO1', 'HO1:1200', 'DEBIT', '750.00', TODAY],
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '750.00', TODAY],
    ]);
    const [entry] = rowsOf<{ idempotency_key: string; source_type: string; source_reference: string; actor: unknown }>(
      await testDatabase.database.db.execute(sql`select idempotency_key, source_type, source_reference, actor from accounts.journal_entries where id = ${answer.entryIds[0]}::uuid`),
    );
    expect(entry).toEqual({
      idempotency_key: `cod/${collection.movementId}/collection`,
      source_type: 'COD',
      source_reference: collection.movementId,
      actor: { kind: 'staff', id: 'staff-9', username: 'postman9' },
    });
    const [account] = rowsOf<Record<string, unknown>>(
      await testDatabase.database.db.execute(sql`
        select type, kind, parent_code, head_code, currency, office_code, status, balance_constraint, allow_manual_entries
          from accounts.accounts where code = ${`HO1:2200:${biller}`}`),
    );
    expect(account).toEqual({
      type: 'LIABILITY',
      kind: 'DETAIL',
      parent_code: '2200',
      head_code: '2200',
      currency: 'INR',
      office_code: 'HO1',
      status: 'OPEN',
      balance_constraint: 'DEBITS_NOT_EXCEED_CREDITS',
      allow_manual_entries: false,
    });
    await everywhereBalanced();
  });

  it('in cash at another office: one entry at each, through both offices\' clearing (1600), every office balanced', async () => {
    const biller = billerCode();
    const [so1Cash, so1Clearing, ho2Clearing] = [await net(testDatabase, 'SO1:1200'), await net(testDatabase, 'SO1:1600'), await net(testDatabase, 'HO2:1600')];
    const collection = collected({ billerCode: biller, officeCode: 'SO1', settlementOfficeCode: 'HO2', amount: '1200.50' });
    await deliverer(testDatabase)(collection);
    expect(await postingsFor(testDatabase, collection.movementId)).toEqual([
      ['SO1', 'SO1:1200', 'DEBIT', '1200.50', TODAY],
      ['SO1', 'SO1:1600', 'CREDIT', '1200.50', TODAY],
      ['HO2', 'HO2:1600', 'DEBIT', '1200.50', TODAY],
      ['HO2', `HO2:2200:${biller}`, 'CREDIT', '1200.50', TODAY],
    ]);
    const keys = rowsOf<{ idempotency_key: string }>(
      await testDatabase.database.db.execute(sql`select idempotency_key from accounts.journal_entries where source_reference = ${collection.movementId} order by idempotency_key`),
    );
    expect(keys.map((row) => row.idempotency_key)).toEqual([`cod/${collection.movementId}/collection`, `cod/${collection.movementId}/payable`]);
    expect(Number(await net(testDatabase, 'SO1:1200')) - Number(so1Cash)).toBe(1200.5);
    expect(Number(await net(testDatabase, 'SO1:1600')) - Number(so1Clearing)).toBe(-1200.5);
    expect(Number(await net(testDatabase, 'HO2:1600')) - Number(ho2Clearing)).toBe(1200.5);
    expect(await net(testDatabase, `HO2:2200:${biller}`)).toBe('-1200.50');
    // No payable at the delivery office: the biller is owed at its settlement office only.
    expect(await net(testDatabase, `SO1:2200:${biller}`)).toBe('none');
    await everywhereBalanced();
  });

  it('by UPI or card: at the settlement office only, Dr UPI clearing / Cr the biller\'s payable (the money never touched D)', async () => {
    const biller = billerCode();
    const upi = collected({ billerCode: biller, officeCode: 'SO1', settlementOfficeCode: 'HO1', mode: 'UPI', amount: '300.00' });
    const card = collected({ billerCode: biller, officeCode: 'HO2', settlementOfficeCode: 'HO1', mode: 'CARD', amount: '45.25' });
    await deliverer(testDatabase)(upi);
    await deliverer(testDatabase)(card);
    expect(await postingsFor(testDatabase, upi.movementId)).toEqual([
      ['HO1', 'HO1:1400', 'DEBIT', '300.00', TODAY],
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '300.00', TODAY],
    ]);
    expect(await postingsFor(testDatabase, card.movementId)).toEqual([
      ['HO1', 'HO1:1400', 'DEBIT', '45.25', TODAY],
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '45.25', TODAY],
    ]);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-345.25');
    await everywhereBalanced();
  });
});

describe('DEPOSITED', () => {
  // HO2's postmen collect 2,000.00 in cash first (for a biller settled at HO1), which the deposits below draw on.
  beforeAll(async () => {
    await deliverer(testDatabase)(collected({ billerCode: billerCode(), officeCode: 'HO2', settlementOfficeCode: 'HO1', amount: '2000.00' }));
  });

  it('in full: Dr cash / Cr postman cash', async () => {
    const deposit = deposited({ officeCode: 'HO2', expected: '400.00', deposited: '400.00' });
    await deliverer(testDatabase)(deposit);
    expect(await postingsFor(testDatabase, deposit.movementId)).toEqual([
      ['HO2', 'HO2:1100', 'DEBIT', '400.00', TODAY],
      ['HO2', 'HO2:1200', 'CREDIT', '400.00', TODAY],
    ]);
    const [entry] = rowsOf<{ idempotency_key: string }>(
      await testDatabase.database.db.execute(sql`select idempotency_key from accounts.journal_entries where source_reference = ${deposit.movementId}`),
    );
    expect(entry!.idempotency_key).toBe(`cod/${deposit.movementId}/deposit`);
  });

  it('short: the shortage a staff receivable (1300), in one entry', async () => {
    const deposit = deposited({ officeCode: 'HO2', expected: '500.00', deposited: '480.00', shortage: '20.00' });
    await deliverer(testDatabase)(deposit);
    expect(await postingsFor(testDatabase, deposit.movementId)).toEqual([
      ['HO2', 'HO2:1100', 'DEBIT', '480.00', TODAY],
      ['HO2', 'HO2:1300', 'DEBIT', '20.00', TODAY],
      ['HO2', 'HO2:1200', 'CREDIT', '500.00', TODAY],
    ]);
  });

  it('over: the excess to suspense (2400); and nothing deposited at all is a shortage alone', async () => {
    const over = deposited({ officeCode: 'HO2', expected: '300.00', deposited: '310.00', excess: '10.00' });
    const nothing = deposited({ officeCode: 'HO2', expected: '100.00', deposited: '0', shortage: '100.00' });
    await deliverer(testDatabase)(over);
    await deliverer(testDatabase)(nothing);
    expect(await postingsFor(testDatabase, over.movementId)).toEqual([
      ['HO2', 'HO2:1100', 'DEBIT', '310.00', TODAY],
      ['HO2', 'HO2:1200', 'CREDIT', '300.00', TODAY],
      ['HO2', 'HO2:2400', 'CREDIT', '10.00', TODAY],
    ]);
    expect(await postingsFor(testDatabase, nothing.movementId)).toEqual([
      ['HO2', 'HO2:1300', 'DEBIT', '100.00', TODAY],
      ['HO2', 'HO2:1200', 'CREDIT', '100.00', TODAY],
    ]);
    await everywhereBalanced();
  });

  it('of nothing against nothing: POSTED with no entry', async () => {
    const empty = deposited({ officeCode: 'HO2', expected: '0', deposited: '0' });
    await deliverer(testDatabase)(empty);
    expect(await answerFor(testDatabase, empty.movementId)).toMatchObject({ outcome: 'POSTED', entryIds: [] });
  });

  it.each([
    ['deposited + shortage is not expected + excess', { expected: '500.00', deposited: '480.00', shortage: '10.00' }, 'COD_AMOUNTS_INCONSISTENT'],
    ['short and over at once', { expected: '500.00', deposited: '500.00', shortage: '5.00', excess: '5.00' }, 'COD_AMOUNTS_INCONSISTENT'],
    ['more expected than the postmen hold (postman cash cannot go below zero)', { expected: '999999.00', deposited: '999999.00' }, 'INSUFFICIENT_FUNDS'],
    ['at an office the ledger does not know', { officeCode: 'NOWHERE' }, 'OFFICE_NOT_FOUND'],
    ['of nothing at an office the ledger does not know', { officeCode: 'NOWHERE', expected: '0', deposited: '0' }, 'OFFICE_NOT_FOUND'],
    ['with more places than the currency has', { expected: '10.005', deposited: '10.005' }, 'INVALID_AMOUNT'],
  ])('is REJECTED %s, posting nothing', async (_case, overrides, code) => {
    const before = await net(testDatabase, 'HO2:1200');
    const deposit = deposited({ officeCode: 'HO2', ...overrides });
    await deliverer(testDatabase)(deposit);
    const answer = await answerFor(testDatabase, deposit.movementId);
    expect([answer.outcome, answer.entryIds, answer.error?.code]).toEqual(['REJECTED', [], code]);
    expect(await net(testDatabase, 'HO2:1200')).toBe(before);
  });
});
