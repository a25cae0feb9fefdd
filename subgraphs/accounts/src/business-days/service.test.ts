import type { Identity, SignedRequestContext } from '@postal/auth';
import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLedgerDatabase, post, transfer } from '../journal/test-support/ledger.js';
import { createBusinessDayService } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '1050.50', { effectiveDate: '2026-11-18' }));
  await post(testDatabase, transfer('HO1:1100', 'HO1:4100', '10.00', { effectiveDate: '2026-11-19' }));
}, 60_000);
afterAll(() => testDatabase?.drop());

type Staff = Extract<Identity, { kind: 'staff' }>;
function staff(username: string, officeCode: string, officePath: string, grants: Staff['grants']): Staff {
  return { kind: 'staff', staffId: `id-${username}`, username, roles: [], officeCode, officePath, grants };
}
const clerk = staff('clerk', 'HO1', 'C/D/HO1', [
  { permission: 'ledger.read', scope: 'OWN_OFFICE' },
  { permission: 'ledger.day.close', scope: 'OWN_OFFICE' },
]);
const financeOfficer = staff('finance', 'D', 'C/D', [
  { permission: 'ledger.read', scope: 'SUBTREE' },
  { permission: 'ledger.day.close', scope: 'SUBTREE' },
]);
const auditor = staff('auditor', 'C', 'C', [{ permission: 'ledger.read', scope: 'SUBTREE' }]);
const settlement: Identity = { kind: 'service', service: 'cod-settlement' };

let requests = 0;
function as(identity: Identity): SignedRequestContext {
  requests += 1;
  return { identity, requestId: `req-${requests}`, clientAddress: '10.0.0.7' };
}

/** 2026-11-19T19:00Z is 00:30 on the 20th in India: the office's business date is the 20th, though UTC's is the 19th. */
const clock = () => new Date('2026-11-19T19:00:00Z');
const staged = vi.fn();
const service = () => createBusinessDayService({ database: testDatabase.database, clock, onEventsStaged: staged });

async function auditRecords() {
  return rowsOf<{ payload: Record<string, unknown> }>(
    await testDatabase.database.db.execute(sql`select payload from accounts.outbox where type = 'audit.recorded' order by id`),
  ).map((row) => row.payload);
}

describe('closing business days, with authorization and audit', () => {
  it('lets a clerk close their own office, in the business date of Asia/Kolkata, and records it in the audit trail', async () => {
    const close = await service().closeBusinessDay(as(clerk), 'HO1', '2026-11-20');
    expect(close).toMatchObject({ officeCode: 'HO1', businessDate: '2026-11-20', previousDate: null, closedBy: { kind: 'staff', id: 'id-clerk', username: 'clerk' } });
    expect(close.balances).toEqual([
      {
        accountCode: 'HO1:1100',
        businessDate: '2026-11-20',
        debitTotal: { amount: '1060.50', currency: 'INR' },
        creditTotal: { amount: '0.00', currency: 'INR' },
        periodDebit: { amount: '1060.50', currency: 'INR' },
        periodCredit: { amount: '0.00', currency: 'INR' },
        balance: { amount: '1060.50', currency: 'INR' },
      },
      expect.objectContaining({ accountCode: 'HO1:2100', balance: { amount: '1050.50', currency: 'INR' } }),
      expect.objectContaining({ accountCode: 'HO1:4100', balance: { amount: '10.00', currency: 'INR' } }),
    ]);
    expect(staged).toHaveBeenCalled();
    expect(await auditRecords()).toEqual([
      expect.objectContaining({
        action: 'BUSINESS_DAY_CLOSED',
        target: { type: 'Office', id: 'HO1' },
        officeCode: 'HO1',
        outcome: 'SUCCESS',
        actor: expect.objectContaining({ kind: 'staff', id: 'id-clerk' }),
        after: { closedThrough: '2026-11-20', previousDate: null, accountsMoved: 3 },
        requestId: expect.stringMatching(/^req-/),
      }),
    ]);
  });

  it('refuses those without ledger.day.close over the office with FORBIDDEN, and changes nothing', async () => {
    await expect(service().closeBusinessDay(as(clerk), 'SO1', '2026-11-19')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().closeBusinessDay(as(clerk), 'HO2', '2026-11-19')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().closeBusinessDay(as(auditor), 'HO2', '2026-11-19')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().closeBusinessDay(as({ kind: 'anonymous' }), 'HO2', '2026-11-19')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service().closeBusinessDay(as(financeOfficer), 'NOWHERE', '2026-11-19')).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    expect(await service().closedThrough(settlement, 'SO1')).toBeNull();
    expect(await service().closedThrough(settlement, 'HO2')).toBeNull();
    expect(await auditRecords()).toHaveLength(1);
  });

  it('lets a finance officer close any office of their subtree, and a service any office', async () => {
    await expect(service().closeBusinessDay(as(financeOfficer), 'SO1', '2026-11-19')).resolves.toMatchObject({ businessDate: '2026-11-19' });
    await expect(service().closeBusinessDay(as(settlement), 'HO2', '2026-11-18')).resolves.toMatchObject({ closedBy: { kind: 'service', id: 'cod-settlement' } });
    // The business date in India is the 20th: the 21st is still in the future.
    await expect(service().closeBusinessDay(as(financeOfficer), 'SO1', '2026-11-21')).rejects.toMatchObject({ code: 'DATE_NOT_CLOSABLE' });
    expect(await auditRecords()).toHaveLength(3);
  });

  it('lists an office\'s closes newest first with their balances, within ledger.read scope', async () => {
    await post(testDatabase, transfer('HO2:1100', 'HO2:4100', '7.00', { effectiveDate: '2026-11-19' }));
    await service().closeBusinessDay(as(settlement), 'HO2', '2026-11-19');
    const closes = await service().businessDayCloses(auditor, 'HO2');
    expect(closes.map((close) => [close.businessDate, close.previousDate, close.balances.map((row) => row.accountCode)])).toEqual([
      ['2026-11-19', '2026-11-18', ['HO2:1100', 'HO2:4100']],
      ['2026-11-18', null, []],
    ]);
    expect(await service().businessDayCloses(auditor, 'HO2', 1)).toHaveLength(1);
    // Out of scope: nothing, and no closed day either.
    expect(await service().businessDayCloses(clerk, 'HO2')).toEqual([]);
    expect(await service().closedThrough(clerk, 'HO2')).toBeNull();
    expect(await service().closedThrough(clerk, 'HO1')).toBe('2026-11-20');
    await expect(service().businessDayCloses(auditor, 'HO2', 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service().businessDayCloses({ kind: 'anonymous' }, 'HO2')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
