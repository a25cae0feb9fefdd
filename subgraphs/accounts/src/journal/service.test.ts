import type { SignedRequestContext } from '@postal/auth';
import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBusinessDay } from '../business-days/close.js';
import { createJournalService } from './service.js';
import { createLedgerDatabase, sums, transfer } from './test-support/ledger.js';

/*
 * The journal service as a service calls it. After the first posting it checks entries against the accounts' fixed
 * facts without reading them (account-facts.ts), so these cases warm that cache first and then change what the cache
 * does not hold: the refusals must come from the posting statement's guards, with the same codes.
 */
let testDatabase: TestDatabase;
const NOW = new Date('2026-11-20T06:00:00Z'); // 11:30 in Asia/Kolkata: business date 2026-11-20
const TODAY = '2026-11-20';
const service: SignedRequestContext = { identity: { kind: 'service', service: 'money-orders' }, requestId: 'r1', clientAddress: undefined };

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const journal = () => createJournalService(testDatabase.database, { clock: () => NOW });

describe('a service posting with the account facts cached', () => {
  it('still refuses a frozen account, an overdraft and a closed day, from the guards', async () => {
    const ledger = journal();
    await ledger.postJournalEntry(service, transfer('HO2:1100', 'HO2:2100', '100.00'));
    // Frozen after the cache learnt the account.
    await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'FROZEN' where code = 'HO2:4100'`);
    await expect(ledger.postJournalEntry(service, transfer('HO2:1100', 'HO2:4100', '1.00'))).rejects.toMatchObject({ code: 'ACCOUNT_FROZEN' });
    await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'OPEN' where code = 'HO2:4100'`);
    // Spending more cash than there is.
    await expect(ledger.postJournalEntry(service, transfer('HO2:2100', 'HO2:1100', '100.01'))).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      details: { accountCode: 'HO2:1100' },
    });
    // The office closes the day: its accounts and the office itself refuse the date.
    await testDatabase.database.db.transaction((tx) => closeBusinessDay(tx, { officeCode: 'HO2', date: TODAY, actor: { kind: 'service', id: 'test' }, today: TODAY }));
    await expect(ledger.postJournalEntry(service, transfer('HO2:1100', 'HO2:4100', '1.00'))).rejects.toMatchObject({ code: 'DAY_CLOSED' });
    const cash = await sums(testDatabase, 'HO2:1100');
    expect([new Decimal(cash.debit).toFixed(2), new Decimal(cash.credit).toFixed(2)]).toEqual(['100.00', '0.00']);
  });

  it('refuses by the entry office\'s closed day even when no account of that office is posted', async () => {
    const ledger = journal();
    await ledger.postJournalEntry(service, transfer('HO1:1100', 'HO1:2100', '5.00', { officeCode: 'SO1' }));
    await testDatabase.database.db.transaction((tx) => closeBusinessDay(tx, { officeCode: 'SO1', date: TODAY, actor: { kind: 'service', id: 'test' }, today: TODAY }));
    await expect(ledger.postJournalEntry(service, transfer('HO1:1100', 'HO1:2100', '5.00', { officeCode: 'SO1' }))).rejects.toMatchObject({ code: 'DAY_CLOSED' });
  });

  it('answers a replay with the original, and staff get no direct posting', async () => {
    const ledger = journal();
    const command = transfer('HO1:1100', 'HO1:4100', '2.00');
    const first = await ledger.postJournalEntry(service, command);
    expect((await ledger.postJournalEntry(service, command)).entry!.id).toBe(first.entry!.id);
    await expect(ledger.postJournalEntries({ ...service, identity: { kind: 'anonymous' } }, [command])).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
