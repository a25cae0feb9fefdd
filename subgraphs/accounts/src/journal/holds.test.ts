import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureHoldInTx, expireHolds, placeHoldInTx, voidHoldInTx, type PlaceHoldCommand } from './holds.js';
import { createLedgerDatabase, key, post, SERVICE_ORIGIN, sums, TODAY, transfer } from './test-support/ledger.js';

let testDatabase: TestDatabase;
const NOW = new Date('2026-11-20T06:00:00Z');

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  // HO1's MO payable holds 1,000.00 booked in cash.
  await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '1000.00'));
}, 60_000);
afterAll(() => testDatabase?.drop());

function holdCommand(amount: string, overrides: Partial<PlaceHoldCommand> = {}): PlaceHoldCommand {
  return {
    idempotencyKey: key('hold'),
    officeCode: 'HO1',
    description: 'MO payout reserved',
    source: { type: 'MONEY_ORDER', reference: 'MO-1' },
    debitAccountCode: 'HO1:2100',
    creditAccountCode: 'HO1:1100',
    amount,
    ...overrides,
  };
}

const place = (command: PlaceHoldCommand, now = NOW) => testDatabase.database.db.transaction((tx) => placeHoldInTx(tx, command, SERVICE_ORIGIN, now));
const capture = (holdId: string, amount: string | null, idempotencyKey = key('cap'), now = NOW) =>
  testDatabase.database.db.transaction((tx) => captureHoldInTx(tx, { holdId, amount, idempotencyKey }, { origin: SERVICE_ORIGIN, today: TODAY, now }));
const voidHold = (holdId: string, now = NOW) => testDatabase.database.db.transaction((tx) => voidHoldInTx(tx, holdId, 'customer cancelled', { origin: SERVICE_ORIGIN, now }));

describe('holds', () => {
  it('reserves the amount as pending on both accounts and answers a replay with the same hold', async () => {
    const command = holdCommand('300.00');
    const { hold } = await place(command);
    expect(hold).toMatchObject({ status: 'PENDING', amount: '300.00' });
    expect(await sums(testDatabase, 'HO1:2100')).toMatchObject({ pendingDebit: '300.00' });
    expect(await sums(testDatabase, 'HO1:1100')).toMatchObject({ pendingCredit: '300.00' });
    expect(await place(command)).toMatchObject({ replayed: true, hold: { id: hold.id } });
    await expect(place({ ...command, amount: '301.00' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    await voidHold(hold.id);
  });

  it('counts pending amounts against the balance constraint', async () => {
    const { hold } = await place(holdCommand('900.00'));
    await expect(place(holdCommand('100.01'))).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS', details: { accountCode: 'HO1:1100' } });
    await expect(post(testDatabase, transfer('HO1:2100', 'HO1:1100', '100.01'))).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await voidHold(hold.id);
  });

  it('captures in part: posts the captured amount, releases the rest, and resolves once', async () => {
    const before = await sums(testDatabase, 'HO1:1100');
    const { hold } = await place(holdCommand('200.00'));
    const captureKey = key('cap');
    const { entry } = await capture(hold.id, '150.00', captureKey);
    expect(entry).toMatchObject({ holdId: hold.id, sourceType: 'MONEY_ORDER', sourceReference: 'MO-1' });
    expect(entry.postings.map((p) => [p.accountCode, p.side, p.amount])).toEqual([
      ['HO1:2100', 'DEBIT', '150.00'],
      ['HO1:1100', 'CREDIT', '150.00'],
    ]);
    const after = await sums(testDatabase, 'HO1:1100');
    expect(after.pendingCredit).toBe(before.pendingCredit);
    expect(new Decimal(after.credit).minus(before.credit).toFixed(2)).toBe('150.00');
    expect(await capture(hold.id, '150.00', captureKey)).toMatchObject({ replayed: true, entry: { id: entry.id } });
    await expect(capture(hold.id, null)).rejects.toMatchObject({ code: 'HOLD_NOT_PENDING', details: { status: 'CAPTURED' } });
    await expect(voidHold(hold.id)).rejects.toMatchObject({ code: 'HOLD_NOT_PENDING' });
  });

  it('refuses to capture more than is held, and to hold between two currencies or with an expiry in the past', async () => {
    const { hold } = await place(holdCommand('10.00'));
    await expect(capture(hold.id, '10.01')).rejects.toMatchObject({ code: 'CAPTURE_EXCEEDS_HOLD' });
    await expect(capture(hold.id, '0')).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(place(holdCommand('1.00', { expiresAt: new Date(NOW.getTime() - 1) }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(capture('00000000-0000-4000-8000-000000000000', null)).rejects.toMatchObject({ code: 'HOLD_NOT_FOUND' });
    await voidHold(hold.id);
  });

  it('expires: past its expiry a hold cannot be captured, and the sweep releases it once', async () => {
    const before = await sums(testDatabase, 'HO1:1100');
    const { hold } = await place(holdCommand('40.00', { expiresAt: new Date(NOW.getTime() + 60_000) }));
    const later = new Date(NOW.getTime() + 120_000);
    await expect(capture(hold.id, null, key('cap'), later)).rejects.toMatchObject({ code: 'HOLD_NOT_PENDING', details: { status: 'EXPIRED' } });
    expect(await expireHolds(testDatabase.database.db, later)).toBe(1);
    expect(await expireHolds(testDatabase.database.db, later)).toBe(0);
    expect((await sums(testDatabase, 'HO1:1100')).pendingCredit).toBe(before.pendingCredit);
    await expect(voidHold(hold.id, later)).rejects.toMatchObject({ code: 'HOLD_NOT_PENDING', details: { status: 'EXPIRED' } });
  });
});
