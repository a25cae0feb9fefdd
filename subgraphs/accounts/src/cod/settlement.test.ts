import { randomUUID } from 'node:crypto';
import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { adjusted, answerFor, balancedEverywhere, billerCode, cleared, collected, deliverer, net, payoutFailed, postingsFor, postingsOf, settled } from './test-support/movements.js';

/*
 * The settlement office's rules (HO1 and HO2 are head offices with a bank account, SO1 a sub office without one):
 * digital collections cleared into the bank, settlements paid out net of fee and GST, a failed payout reversing
 * exactly its settlement's entry, and a dispute upheld.
 */
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const everywhereBalanced = async () => expect((await balancedEverywhere(testDatabase, TODAY)).filter((report) => !report.balanced)).toEqual([]);
const deliver = (...payloads: Parameters<ReturnType<typeof deliverer>>[0][]) => Promise.all(payloads.map((payload) => deliverer(testDatabase)(payload)));
const rejection = async (movementId: string) => {
  const answer = await answerFor(testDatabase, movementId);
  return [answer.outcome, answer.entryIds, answer.error?.code];
};

/** A biller owed `amount` at HO1 (a cash collection there). */
async function billerOwed(amount: string): Promise<string> {
  const biller = billerCode();
  await deliverer(testDatabase)(collected({ billerCode: biller, amount }));
  return biller;
}

describe('DIGITAL_CLEARED', () => {
  it('moves the aggregator\'s credit from UPI clearing to the bank at the settlement office', async () => {
    const biller = billerCode();
    await deliverer(testDatabase)(collected({ billerCode: biller, mode: 'UPI', officeCode: 'HO2', amount: '300.00' }));
    const clearing = cleared({ billerCode: biller, amount: '300.00' });
    await deliverer(testDatabase)(clearing);
    expect(await postingsFor(testDatabase, clearing.movementId)).toEqual([
      ['HO1', 'HO1:1500', 'DEBIT', '300.00', TODAY],
      ['HO1', 'HO1:1400', 'CREDIT', '300.00', TODAY],
    ]);
    await everywhereBalanced();
  });

  it('is REJECTED SETTLEMENT_OFFICE_INVALID for a settlement office with no bank (a sub office), opening nothing there', async () => {
    const biller = billerCode();
    const clearing = cleared({ billerCode: biller, settlementOfficeCode: 'SO1' });
    await deliverer(testDatabase)(clearing);
    expect(await rejection(clearing.movementId)).toEqual(['REJECTED', [], 'SETTLEMENT_OFFICE_INVALID']);
    expect((await answerFor(testDatabase, clearing.movementId)).error?.message).toMatch(/SO1 cannot settle COD: it keeps no bank account SO1:1500/);
    expect(await net(testDatabase, `SO1:2200:${biller}`)).toBe('none');
  });
});

describe('SETTLED', () => {
  it('pays the biller from the bank net of the COD fee and its GST: Dr payable gross / Cr 1500 net, 4200 fee, 2300 tax', async () => {
    const biller = await billerOwed('1500.00');
    const settlement = settled({ billerCode: biller, gross: '1000.00', fee: '50.00', tax: '9.00', net: '941.00' });
    await deliverer(testDatabase)(settlement);
    expect(await postingsFor(testDatabase, settlement.movementId)).toEqual([
      ['HO1', `HO1:2200:${biller}`, 'DEBIT', '1000.00', TODAY],
      ['HO1', 'HO1:1500', 'CREDIT', '941.00', TODAY],
      ['HO1', 'HO1:4200', 'CREDIT', '50.00', TODAY],
      ['HO1', 'HO1:2300', 'CREDIT', '9.00', TODAY],
    ]);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-500.00');
    await everywhereBalanced();
  });

  it('leaves out a zero fee and tax', async () => {
    const biller = await billerOwed('200.00');
    const settlement = settled({ billerCode: biller, gross: '200.00', fee: '0', tax: '0.00', net: '200.00' });
    await deliverer(testDatabase)(settlement);
    expect(await postingsFor(testDatabase, settlement.movementId)).toEqual([
      ['HO1', `HO1:2200:${biller}`, 'DEBIT', '200.00', TODAY],
      ['HO1', 'HO1:1500', 'CREDIT', '200.00', TODAY],
    ]);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('0.00');
  });

  it.each([
    ['gross is not net + fee + tax', { gross: '100.00', fee: '5.00', tax: '0.90', net: '94.00' }, 'COD_AMOUNTS_INCONSISTENT'],
    ['more than the biller is owed (its payable cannot go below zero)', { gross: '100.01', fee: '0', tax: '0', net: '100.01' }, 'INSUFFICIENT_FUNDS'],
    ['at a settlement office with no bank', { settlementOfficeCode: 'SO1', gross: '10.00', fee: '0', tax: '0', net: '10.00' }, 'SETTLEMENT_OFFICE_INVALID'],
    ['at an office the ledger does not know', { settlementOfficeCode: 'NOWHERE' }, 'OFFICE_NOT_FOUND'],
  ])('is REJECTED when %s, posting nothing', async (_case, overrides, code) => {
    const biller = await billerOwed('100.00');
    const bank = await net(testDatabase, 'HO1:1500');
    const settlement = settled({ billerCode: biller, gross: '100.00', fee: '5.00', tax: '0.90', net: '94.10', ...overrides });
    await deliverer(testDatabase)(settlement);
    expect(await rejection(settlement.movementId)).toEqual(['REJECTED', [], code]);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-100.00');
    expect(await net(testDatabase, 'HO1:1500')).toBe(bank);
  });

  it('of a biller never collected for is refused whole, and its account, opened in the refused attempt, is not left behind', async () => {
    const biller = billerCode();
    const settlement = settled({ billerCode: biller });
    await deliverer(testDatabase)(settlement);
    expect(await rejection(settlement.movementId)).toEqual(['REJECTED', [], 'INSUFFICIENT_FUNDS']);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('none');
  });
});

describe('PAYOUT_FAILED', () => {
  it('reverses exactly the entry of the SETTLED movement it names, through the journal\'s reversal, and the amount is due again', async () => {
    const biller = await billerOwed('3000.00');
    const first = settled({ billerCode: biller, gross: '1000.00', fee: '50.00', tax: '9.00', net: '941.00' });
    const second = settled({ billerCode: biller, gross: '500.00', fee: '25.00', tax: '4.50', net: '470.50' });
    await deliver(first);
    await deliver(second);
    const [bank, fees] = [await net(testDatabase, 'HO1:1500'), await net(testDatabase, 'HO1:4200')];
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-1500.00');

    const failure = payoutFailed(second);
    await deliverer(testDatabase)(failure);
    const answer = await answerFor(testDatabase, failure.movementId);
    expect(answer).toMatchObject({ movement: 'PAYOUT_FAILED', outcome: 'POSTED' });
    expect(await postingsOf(testDatabase, answer.entryIds)).toEqual([
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '500.00', TODAY],
      ['HO1', 'HO1:1500', 'DEBIT', '470.50', TODAY],
      ['HO1', 'HO1:4200', 'DEBIT', '25.00', TODAY],
      ['HO1', 'HO1:2300', 'DEBIT', '4.50', TODAY],
    ]);
    const secondEntry = (await answerFor(testDatabase, second.movementId)).entryIds[0]!;
    const [reversal] = rowsOf<{ reverses_entry_id: string; idempotency_key: string; source_type: string; description: string }>(
      await testDatabase.database.db.execute(
        sql`select reverses_entry_id, idempotency_key, source_type, description from accounts.journal_entries where id = ${answer.entryIds[0]}::uuid`,
      ),
    );
    expect(reversal).toMatchObject({ reverses_entry_id: secondEntry, idempotency_key: `cod/${failure.movementId}/reversal`, source_type: 'REVERSAL' });
    expect(reversal!.description).toContain('beneficiary account closed');
    // Only the second settlement is undone: the first stays paid.
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-2000.00');
    expect(Number(await net(testDatabase, 'HO1:1500')) - Number(bank)).toBe(470.5);
    expect(Number(await net(testDatabase, 'HO1:4200')) - Number(fees)).toBe(25);
    const firstEntry = (await answerFor(testDatabase, first.movementId)).entryIds[0]!;
    const reversed = rowsOf<{ reverses_entry_id: string }>(
      await testDatabase.database.db.execute(sql`select reverses_entry_id from accounts.journal_entries where reverses_entry_id in (${firstEntry}::uuid, ${secondEntry}::uuid)`),
    );
    expect(reversed.map((row) => row.reverses_entry_id)).toEqual([secondEntry]);
    await everywhereBalanced();

    // A second failure reported for the same payout (another movement) finds it reversed already.
    const again = payoutFailed(second);
    await deliverer(testDatabase)(again);
    expect(await rejection(again.movementId)).toEqual(['REJECTED', [], 'ALREADY_REVERSED']);
  });

  it('is REJECTED SETTLEMENT_NOT_POSTED for a settlement the ledger never posted (refused, or never heard of)', async () => {
    const biller = await billerOwed('50.00');
    const refused = settled({ billerCode: biller, gross: '60.00', fee: '0', tax: '0', net: '60.00' });
    await deliverer(testDatabase)(refused);
    expect((await answerFor(testDatabase, refused.movementId)).outcome).toBe('REJECTED');
    const afterRefused = payoutFailed(refused);
    const unheardOf = payoutFailed({ ...refused, movementId: randomUUID() });
    await deliver(afterRefused, unheardOf);
    expect(await rejection(afterRefused.movementId)).toEqual(['REJECTED', [], 'SETTLEMENT_NOT_POSTED']);
    expect(await rejection(unheardOf.movementId)).toEqual(['REJECTED', [], 'SETTLEMENT_NOT_POSTED']);
  });

  it('is REJECTED COD_MOVEMENT_MISMATCH when the settlement named is another biller\'s', async () => {
    const biller = await billerOwed('80.00');
    const other = await billerOwed('10.00');
    const settlement = settled({ billerCode: biller, gross: '80.00', fee: '0', tax: '0', net: '80.00' });
    await deliverer(testDatabase)(settlement);
    const failure = payoutFailed(settlement, { billerCode: other });
    await deliverer(testDatabase)(failure);
    expect(await rejection(failure.movementId)).toEqual(['REJECTED', [], 'COD_MOVEMENT_MISMATCH']);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('0.00');
  });
});

describe('ADJUSTED', () => {
  it('books a dispute upheld as a COD claims expense owed to the biller: Dr 5100 / Cr the biller\'s payable', async () => {
    const biller = await billerOwed('100.00');
    const adjustment = adjusted({ billerCode: biller, amount: '40.00', settlementOfficeCode: 'HO1' });
    await deliverer(testDatabase)(adjustment);
    expect(await postingsFor(testDatabase, adjustment.movementId)).toEqual([
      ['HO1', 'HO1:5100', 'DEBIT', '40.00', TODAY],
      ['HO1', `HO1:2200:${biller}`, 'CREDIT', '40.00', TODAY],
    ]);
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-140.00');
    await everywhereBalanced();
  });
});
