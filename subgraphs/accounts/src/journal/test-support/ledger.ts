import { newEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { outbox, processedEvents } from '../../db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from '../../ledger-accounts/office-events.js';
import type { PostEntryCommand, PostingOrigin } from '../model.js';
import { postEntryInTx, type PostResult } from '../posting.js';

/** The business date the tests post on, unless they say otherwise. */
export const TODAY = '2026-11-20';
export const SERVICE_ORIGIN: PostingOrigin = { actor: { kind: 'service', id: 'money-orders' }, manual: false };

/** A test ledger: a circle > division > head office HO1 (with its sub office SO1) and a second head office HO2. */
export async function createLedgerDatabase(): Promise<TestDatabase> {
  const testDatabase = await createTestDatabase(['accounts']);
  const consume = consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent });
  const offices: Array<[string, string, string | null, string]> = [
    ['C', 'CIRCLE', null, 'C'],
    ['D', 'DIVISION', 'C', 'C/D'],
    ['HO1', 'HEAD_OFFICE', 'D', 'C/D/HO1'],
    ['SO1', 'SUB_OFFICE', 'HO1', 'C/D/HO1/SO1'],
    ['HO2', 'HEAD_OFFICE', 'D', 'C/D/HO2'],
  ];
  for (const [code, type, parentCode, path] of offices) {
    await consume(newEvent('office.created', { code, name: `Office ${code}`, type: type as 'CIRCLE', parentCode, path }, { source: 'administration' }));
  }
  return testDatabase;
}

let counter = 0;
/** A unique idempotency key for a test. */
export function key(prefix = 'k'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A transfer: debit one account, credit another. Between two offices' accounts it passes through each office's
 * inter-office clearing account (four lines), as every entry must balance within each office it touches.
 */
export function transfer(debit: string, credit: string, amount: string, overrides: Partial<PostEntryCommand> = {}): PostEntryCommand {
  // An account without an office (no colon: the chart's global accounts) belongs to the entry's office.
  const officeOf = (code: string) => (code.includes(':') ? code.split(':')[0]! : undefined);
  const debitOffice = officeOf(debit) ?? officeOf(credit) ?? 'HO1';
  const creditOffice = officeOf(credit) ?? debitOffice;
  const postings: PostEntryCommand['postings'] =
    debitOffice === creditOffice
      ? [
          { accountCode: debit, side: 'DEBIT', amount },
          { accountCode: credit, side: 'CREDIT', amount },
        ]
      : [
          { accountCode: debit, side: 'DEBIT', amount },
          { accountCode: `${debitOffice}:1600`, side: 'CREDIT', amount },
          { accountCode: `${creditOffice}:1600`, side: 'DEBIT', amount },
          { accountCode: credit, side: 'CREDIT', amount },
        ];
  return {
    idempotencyKey: key(),
    officeCode: debitOffice,
    effectiveDate: TODAY,
    description: 'test entry',
    source: { type: 'TEST', reference: null },
    postings,
    ...overrides,
  };
}

export async function post(testDatabase: TestDatabase, command: PostEntryCommand, origin: PostingOrigin = SERVICE_ORIGIN, today = TODAY): Promise<PostResult> {
  return testDatabase.database.db.transaction((tx) => postEntryInTx(tx, command, { origin, today }));
}

/** An account's stored sums. */
export async function sums(testDatabase: TestDatabase, code: string) {
  const result = await testDatabase.database.db.execute(
    sql`select debit_total::text as debit, credit_total::text as credit, pending_debit::text as "pendingDebit", pending_credit::text as "pendingCredit" from accounts.accounts where code = ${code}`,
  );
  return (result as unknown as { rows: Array<{ debit: string; credit: string; pendingDebit: string; pendingCredit: string }> }).rows[0]!;
}
