import type { Identity } from '@postal/auth';
import { newEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBusinessDay } from '../business-days/close.js';
import { outbox, processedEvents } from '../db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './office-events.js';
import { createAccountService } from './service.js';

let testDatabase: TestDatabase;
const administration: Identity = { kind: 'service', service: 'administration' };

beforeAll(async () => {
  testDatabase = await createTestDatabase(['accounts']);
  const consume = consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent });
  await consume(newEvent('office.created', { code: 'LS', name: 'Circle', type: 'CIRCLE', parentCode: null, path: 'LS' }, { source: 'administration' }));
  await consume(newEvent('office.created', { code: 'LS-HO', name: 'GPO', type: 'HEAD_OFFICE', parentCode: 'LS', path: 'LS/LS-HO' }, { source: 'administration' }));
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('officeLedgerStatus', () => {
  it('answers a service which accounts of an office carry a balance, either way', async () => {
    const service = createAccountService(testDatabase.database);
    expect(await service.officeLedgerStatus(administration, 'LS-HO')).toEqual({
      officeCode: 'LS-HO',
      hasOpenBalances: false,
      nonZeroAccounts: [],
      hasPendingHolds: false,
      closedThrough: null,
    });
    // Debits equal to credits written differently are still no balance; a liability in credit is one.
    await testDatabase.database.db.execute(sql`update accounts.accounts set debit_total = '10.5', credit_total = '10.50' where code = 'LS-HO:1100'`);
    await testDatabase.database.db.execute(sql`update accounts.accounts set credit_total = '0.01' where code = 'LS-HO:2100'`);
    expect(await service.officeLedgerStatus(administration, 'LS-HO')).toMatchObject({ officeCode: 'LS-HO', hasOpenBalances: true, nonZeroAccounts: ['LS-HO:2100'] });
    // An office without a chart, or one never heard of, has no balances.
    expect((await service.officeLedgerStatus(administration, 'LS')).hasOpenBalances).toBe(false);
    expect((await service.officeLedgerStatus(administration, 'NEVER-HEARD')).nonZeroAccounts).toEqual([]);
  });

  it('says whether a hold is pending on one of the office\'s accounts and the last day it closed', async () => {
    const service = createAccountService(testDatabase.database);
    // A pending hold is carried on its accounts as pending amounts (written here directly, within the constraints).
    await testDatabase.database.db.execute(sql`update accounts.accounts set pending_debit = '5.00' where code = 'LS-HO:4100'`);
    expect(await service.officeLedgerStatus(administration, 'LS-HO')).toMatchObject({ hasPendingHolds: true, closedThrough: null });
    await testDatabase.database.db.execute(sql`update accounts.accounts set pending_debit = 0 where code = 'LS-HO:4100'`);
    await testDatabase.database.db.transaction((tx) =>
      closeBusinessDay(tx, { officeCode: 'LS-HO', date: '2026-01-15', actor: { kind: 'service', id: 'test' }, today: '2026-01-16' }),
    );
    expect(await service.officeLedgerStatus(administration, 'LS-HO')).toMatchObject({ hasPendingHolds: false, closedThrough: '2026-01-15' });
    expect(await service.officeLedgerStatus(administration, 'LS')).toMatchObject({ hasPendingHolds: false, closedThrough: null });
  });

  it('is for services only: staff, even with ledger.read over the office, get FORBIDDEN', async () => {
    const service = createAccountService(testDatabase.database);
    const officer: Identity = {
      kind: 'staff',
      staffId: 's',
      username: 'finance',
      roles: ['FINANCE_OFFICER'],
      officeCode: 'LS',
      officePath: 'LS',
      grants: [{ permission: 'ledger.read', scope: 'SUBTREE' }],
    };
    await expect(service.officeLedgerStatus(officer, 'LS-HO')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.officeLedgerStatus({ kind: 'anonymous' }, 'LS-HO')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
