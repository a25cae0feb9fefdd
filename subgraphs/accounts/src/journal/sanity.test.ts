import type { SignedRequestContext } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { newEvent, type AnyEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from '../ledger-accounts/office-events.js';
import { createJournalService } from './service.js';
import { createLedgerDatabase, key, transfer } from './test-support/ledger.js';

/*
 * The journal's sanity rules on the database, through the journal service as a service calls it: no account on both
 * sides of an entry, nothing dated before the configured ledger start or before the entry's office opened (as the
 * office events told this subgraph). Each refusal is checked with a fresh service (the accounts read first) and with
 * the accounts' facts cached (refused by the posting statement), and leaves nothing written.
 */
let testDatabase: TestDatabase;
const NOW = new Date('2026-11-20T06:00:00Z'); // business date 2026-11-20 in Asia/Kolkata
const TODAY = '2026-11-20';
const LEDGER_START = '2026-01-01';
const OPENED_ON = '2026-11-10';
const service: SignedRequestContext = { identity: { kind: 'service', service: 'money-orders' }, requestId: 'r1', clientAddress: undefined };

const consume = (event: AnyEvent) =>
  consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent })(event);

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  // A head office opened recently, heard of with its opening date (the fixture's offices carry none: no check).
  await consume(newEvent('office.created', { code: 'NEW', name: 'New GPO', type: 'HEAD_OFFICE', parentCode: 'D', path: 'C/D/NEW', openedOn: OPENED_ON }, { source: 'administration' }));
}, 60_000);
afterAll(() => testDatabase?.drop());

const journal = () => createJournalService(testDatabase.database, { clock: () => NOW, ledgerStartDate: LEDGER_START });

async function entriesWithKey(idempotencyKey: string): Promise<number> {
  const [row] = rowsOf<{ count: string }>(await testDatabase.database.db.execute(sql`select count(*)::text as count from accounts.journal_entries where idempotency_key = ${idempotencyKey}`));
  return Number(row!.count);
}

async function openedOn(code: string): Promise<string | null> {
  const [row] = rowsOf<{ opened_on: string | null }>(await testDatabase.database.db.execute(sql`select opened_on::text as opened_on from accounts.known_offices where code = ${code}`));
  return row!.opened_on;
}

describe('the journal refuses entries that cannot belong to the ledger', () => {
  const cases = [
    { name: 'an account debited and credited', command: () => transfer('HO1:4100', 'HO1:4100', '1.00'), code: 'SAME_ACCOUNT_BOTH_SIDES' },
    { name: 'a date before the office opened', command: () => transfer('NEW:1100', 'NEW:4100', '1.00', { effectiveDate: '2026-11-09' }), code: 'BEFORE_OFFICE_OPENED' },
    { name: 'a date before the ledger start', command: () => transfer('HO1:1100', 'HO1:4100', '1.00', { effectiveDate: '2025-12-31' }), code: 'BEFORE_LEDGER_START' },
  ];

  it.each(cases)('$name: $code, read first or with the facts cached, and nothing is written', async ({ command, code }) => {
    const ledger = journal();
    const first = command();
    await expect(ledger.postJournalEntry(service, first)).rejects.toMatchObject({ code });
    // Warm the facts cache with a good entry on the same office and accounts, then try again on the fast path.
    await ledger.postJournalEntry(service, transfer(`${first.officeCode}:1100`, `${first.officeCode}:4100`, '1.00'));
    const again = command();
    await expect(ledger.postJournalEntry(service, again)).rejects.toMatchObject({ code });
    // A batch: the whole batch is refused.
    const batch = [transfer(`${first.officeCode}:1100`, `${first.officeCode}:4100`, '1.00'), command()];
    await expect(ledger.postJournalEntries(service, batch)).rejects.toMatchObject({ code });
    for (const refused of [first, again, ...batch]) expect(await entriesWithKey(refused.idempotencyKey)).toBe(0);
  });

  it('takes the opening day itself, two lines on one side of an account, and a reversal of such an entry dated today', async () => {
    const ledger = journal();
    const { entry } = await ledger.postJournalEntry(
      service,
      transfer('NEW:1100', 'NEW:4100', '5.00', {
        effectiveDate: OPENED_ON,
        postings: [
          { accountCode: 'NEW:1100', side: 'DEBIT', amount: '3.00' },
          { accountCode: 'NEW:1100', side: 'DEBIT', amount: '2.00' },
          { accountCode: 'NEW:4100', side: 'CREDIT', amount: '5.00' },
        ],
      }),
    );
    expect(entry).toMatchObject({ effectiveDate: OPENED_ON });
    const { entry: reversal } = await ledger.reverseJournalEntry(service, { id: entry!.id, reason: 'test', idempotencyKey: key('rev') });
    expect(reversal).toMatchObject({ effectiveDate: TODAY, reversesEntryId: entry!.id });
  });
});

describe("the office's opening date in this subgraph's copy of the offices", () => {
  it('comes from office.created; an office.updated without one keeps it; one heard of without a date gets it from its next update', async () => {
    expect(await openedOn('NEW')).toBe(OPENED_ON);
    const update = (code: string, path: string, version: number, extra: { openedOn?: string }) =>
      newEvent('office.updated', { code, name: `${code} office`, type: 'HEAD_OFFICE', parentCode: 'D', path, previousPath: path, status: 'ACTIVE', version, ...extra }, { source: 'administration' });
    await consume(update('NEW', 'C/D/NEW', 2, {}));
    expect(await openedOn('NEW')).toBe(OPENED_ON);
    // HO2 was heard of before events carried the date: no check until an update says when it opened.
    expect(await openedOn('HO2')).toBeNull();
    await journal().postJournalEntry(service, transfer('HO2:1100', 'HO2:4100', '1.00', { effectiveDate: '2026-02-01' }));
    await consume(update('HO2', 'C/D/HO2', 2, { openedOn: '2026-03-01' }));
    expect(await openedOn('HO2')).toBe('2026-03-01');
    await expect(journal().postJournalEntry(service, transfer('HO2:1100', 'HO2:4100', '1.00', { effectiveDate: '2026-02-01' }))).rejects.toMatchObject({
      code: 'BEFORE_OFFICE_OPENED',
      details: { officeCode: 'HO2', openedOn: '2026-03-01' },
    });
  });
});
