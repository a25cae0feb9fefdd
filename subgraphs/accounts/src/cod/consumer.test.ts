import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { newEvent } from '@postal/events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { handleOfficeEvent } from '../ledger-accounts/office-events.js';
import { answerFor, answersFor, balancedEverywhere, billerCode, collected, deliverer, deposited, net, postingsFor } from './test-support/movements.js';

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

  it('ahead of the collections it deposits, is thrown back to the queue (not refused), and posts once they are in', async () => {
    const deposit = deposited({ officeCode: 'HO2', expected: '777.00', deposited: '777.00' });
    const before = await net(testDatabase, 'HO2:1200');
    // The postmen do not hold it yet: "not yet", so the delivery fails and the queue tries again.
    await expect(deliverer(testDatabase)(deposit)).rejects.toThrow(/waits for earlier movements/);
    expect(await answersFor(testDatabase, deposit.movementId)).toEqual([]);
    expect(await net(testDatabase, 'HO2:1200')).toBe(before);
    await deliverer(testDatabase)(collected({ billerCode: billerCode(), officeCode: 'HO2', settlementOfficeCode: 'HO2', amount: '777.00' }));
    await deliverer(testDatabase)(deposit);
    expect(await answerFor(testDatabase, deposit.movementId)).toMatchObject({ outcome: 'POSTED' });
    expect(await net(testDatabase, 'HO2:1200')).toBe(before);
  });
});

describe('DEPOSITED at a branch office (it keeps cash only: no 1300, no 2400)', () => {
  // BO1, in account with SO1; its postmen collect 1,000.00 in cash for a biller settled at HO1.
  beforeAll(async () => {
    await testDatabase.database.db.transaction((tx) =>
      handleOfficeEvent(tx, newEvent('office.created', { code: 'BO1', name: 'Office BO1', type: 'BRANCH_OFFICE', parentCode: 'SO1', path: 'C/D/HO1/SO1/BO1', accountOfficeCode: 'SO1' }, { source: 'administration' })),
    );
    await deliverer(testDatabase)(collected({ billerCode: billerCode(), officeCode: 'BO1', settlementOfficeCode: 'HO1', amount: '1000.00' }));
  });

  it('short: the staff receivable at its account office, each office\'s entry balanced through 1600', async () => {
    const receivable = await net(testDatabase, 'SO1:1300');
    const deposit = deposited({ officeCode: 'BO1', expected: '500.00', deposited: '480.00', shortage: '20.00' });
    await deliverer(testDatabase)(deposit);
    const answer = await answerFor(testDatabase, deposit.movementId);
    expect([answer.outcome, answer.entryIds.length]).toEqual(['POSTED', 2]);
    expect(await postingsFor(testDatabase, deposit.movementId)).toEqual([
      ['BO1', 'BO1:1100', 'DEBIT', '480.00', TODAY],
      ['BO1', 'BO1:1600', 'DEBIT', '20.00', TODAY],
      ['BO1', 'BO1:1200', 'CREDIT', '500.00', TODAY],
      ['SO1', 'SO1:1300', 'DEBIT', '20.00', TODAY],
      ['SO1', 'SO1:1600', 'CREDIT', '20.00', TODAY],
    ]);
    expect(Number(await net(testDatabase, 'SO1:1300')) - Number(receivable)).toBe(20);
    expect(await net(testDatabase, 'BO1:1300')).toBe('none');
    await everywhereBalanced();
  });

  it('over: the excess to its account office\'s suspense', async () => {
    const deposit = deposited({ officeCode: 'BO1', expected: '300.00', deposited: '305.00', excess: '5.00' });
    await deliverer(testDatabase)(deposit);
    expect(await postingsFor(testDatabase, deposit.movementId)).toEqual([
      ['BO1', 'BO1:1100', 'DEBIT', '305.00', TODAY],
      ['BO1', 'BO1:1200', 'CREDIT', '300.00', TODAY],
      ['BO1', 'BO1:1600', 'CREDIT', '5.00', TODAY],
      ['SO1', 'SO1:1600', 'DEBIT', '5.00', TODAY],
      ['SO1', 'SO1:2400', 'CREDIT', '5.00', TODAY],
    ]);
    await everywhereBalanced();
  });
});
