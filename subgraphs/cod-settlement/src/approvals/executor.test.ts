import { rowsOf } from '@postal/db';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillerService } from '../billers/service.js';
import { as, billerDeps, decidedEvent, identitySecret, recordingInbox, registration, seedOffices, staff, staged } from '../billers/test-support/fixtures.js';
import { outbox, processedEvents } from '../db-schema.js';
import { APPROVALS_QUEUE, createCodApprovalExecutor } from './executor.js';

/**
 * The approval.decided consumer on the real database, run as the queue runs it (consumeIdempotently around it): an
 * approved bank change becomes the payout account once, whatever the deliveries; a rejected or expired one is
 * REJECTED; a payload that is not what was approved changes nothing and is reported FAILED.
 */
let testDatabase: TestDatabase;
// 11:30 in New Delhi on 10 March 2026; the approval comes two days later.
let clockNow = new Date('2026-03-10T06:00:00Z');
const clock = () => clockNow;
const inbox = recordingInbox();
const service = () => createBillerService(billerDeps(testDatabase, clock, inbox.client));
const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
]);
const deliver = (event: ReturnType<typeof decidedEvent>) =>
  consumeIdempotently({
    database: testDatabase.database,
    tables: { outbox, processedEvents },
    consumer: APPROVALS_QUEUE,
    handle: createCodApprovalExecutor({ clock, timeZone: 'Asia/Kolkata', identitySecret }, {}),
  })(event);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

async function accountsOf(billerId: string) {
  return rowsOf<{ account_number: string; status: string; activated_on: string | null; approval_request_id: string | null }>(
    await testDatabase.database.db.execute(sql`select account_number, status, activated_on, approval_request_id from cod.biller_bank_accounts where biller_id = ${billerId} order by requested_at, account_number`),
  );
}

async function requestChange(accountNumber = '555566667777') {
  clockNow = new Date('2026-03-10T06:00:00Z');
  const biller = await service().register(as(manager), registration());
  const change = await service().requestBankChange(as(manager), biller.id, { holderName: 'New Holder', accountNumber, ifsc: 'HDFC0001234' }, 'moved banks');
  const submission = inbox.submissions.at(-1)!;
  return { biller, change, submission };
}

describe('a bank-detail change', () => {
  it('is submitted as COD_BANK_CHANGE at the settlement office and recorded PENDING; a second is BANK_CHANGE_PENDING', async () => {
    const { biller, change, submission } = await requestChange();
    expect(submission).toMatchObject({ kind: 'COD_BANK_CHANGE', officeCode: 'NDGPO', makerId: manager.staffId, payload: { billerId: biller.id, accountNumber: '555566667777', ifsc: 'HDFC0001234', bankAccountId: change.bankAccount.id } });
    expect(change.bankAccount).toMatchObject({ status: 'PENDING', approvalRequestId: submission.id });
    const again = service().requestBankChange(as(manager), biller.id, { holderName: 'Other', accountNumber: '111122223333', ifsc: 'HDFC0001234' }, 'again');
    await expect(again).rejects.toMatchObject({ code: 'BANK_CHANGE_PENDING' });
    expect(inbox.submissions.at(-1)!.id).toBe(submission.id);
  });

  it('five asked at once: one PENDING, the others BANK_CHANGE_PENDING; an orphaned request fails when approved', async () => {
    const biller = await service().register(as(manager), registration());
    const asked = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => service().requestBankChange(as(manager), biller.id, { holderName: `Race ${n}`, accountNumber: `12121212121${n}`, ifsc: 'HDFC0001234' }, 'race')),
    );
    const won = asked.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(asked.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill('BANK_CHANGE_PENDING'));
    expect((await accountsOf(biller.id)).map((row) => row.status).sort()).toEqual(['ACTIVE', 'PENDING']);
    // A request submitted by a loser of the race, approved anyway, finds no pending change of its own.
    const winner = (won[0] as PromiseFulfilledResult<{ approvalRequestId: string }>).value.approvalRequestId;
    const orphan = inbox.submissions.filter((submission) => submission.payload.billerId === biller.id && submission.id !== winner);
    for (const submission of orphan) await deliver(decidedEvent(submission));
    expect((await accountsOf(biller.id)).map((row) => row.status).sort()).toEqual(['ACTIVE', 'PENDING']);
    const executed = (await staged(testDatabase, 'approval.executed')).filter((report) => orphan.some((submission) => submission.id === report.requestId));
    expect(executed.map((report) => report.result.code)).toEqual(Array(orphan.length).fill('BANK_CHANGE_NOT_PENDING'));
  });

  it('refuses the details already active', async () => {
    const biller = await service().register(as(manager), registration());
    const same = service().requestBankChange(as(manager), biller.id, { holderName: biller.name + ' Pvt Ltd', accountNumber: '001234567890', ifsc: 'SBIN0000691' }, 'same');
    await expect(same).rejects.toMatchObject({ code: 'BANK_DETAILS_UNCHANGED' });
  });

  it('approved: the new row ACTIVE from the business date of the approval, the old SUPERSEDED, once however often it is delivered', async () => {
    const { biller, submission } = await requestChange('888899990000');
    clockNow = new Date('2026-03-12T05:00:00Z');
    const event = decidedEvent(submission);
    await deliver(event);
    await deliver(event);
    // The same decision under another event id (a re-publication) is still acted on once.
    await deliver(decidedEvent(submission));
    expect(await accountsOf(biller.id)).toEqual([
      { account_number: '001234567890', status: 'SUPERSEDED', activated_on: '2026-03-10', approval_request_id: null },
      { account_number: '888899990000', status: 'ACTIVE', activated_on: '2026-03-12', approval_request_id: submission.id },
    ]);
    const executed = (await staged(testDatabase, 'approval.executed')).filter((report) => report.requestId === submission.id);
    expect(executed).toHaveLength(1);
    expect(executed[0]).toMatchObject({ outcome: 'EXECUTED', kind: 'COD_BANK_CHANGE', result: { activatedOn: '2026-03-12' } });
    const audit = (await staged(testDatabase, 'audit.recorded')).filter((record) => record.after?.approvalRequestId === submission.id && record.action === 'COD_BILLER_BANK_CHANGED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: { id: biller.code }, after: { maker: 'maker', checker: 'checker', accountNumber: '••••••••0000' } });
  });

  it.each(['REJECTED', 'EXPIRED'] as const)('%s: the pending row REJECTED, the old one still ACTIVE, and a new change may be asked', async (decision) => {
    const { biller, submission } = await requestChange();
    await deliver(decidedEvent(submission, { decision, ...(decision === 'EXPIRED' ? { checker: undefined } : {}) }));
    await deliver(decidedEvent(submission, { decision }));
    expect((await accountsOf(biller.id)).map((row) => row.status)).toEqual(['ACTIVE', 'REJECTED']);
    const audit = (await staged(testDatabase, 'audit.recorded')).filter((record) => record.action === 'COD_BILLER_BANK_CHANGE_REJECTED' && record.after?.approvalRequestId === submission.id);
    expect(audit).toHaveLength(1);
    await expect(service().requestBankChange(as(manager), biller.id, { holderName: 'Next', accountNumber: '123123123123', ifsc: 'HDFC0001234' }, 'retry')).resolves.toBeDefined();
  });

  it('a tampered payload (another account number) is refused PAYLOAD_TAMPERED and nothing changes', async () => {
    const { biller, submission } = await requestChange();
    const event = decidedEvent(submission);
    const tampered = { ...event, payload: { ...event.payload, payload: { ...submission.payload, accountNumber: '999999999999' } } };
    await deliver(tampered);
    expect((await accountsOf(biller.id)).map((row) => row.status)).toEqual(['ACTIVE', 'PENDING']);
    const executed = (await staged(testDatabase, 'approval.executed')).filter((report) => report.requestId === submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'PAYLOAD_TAMPERED' }) })]);
  });

  it('a pending row changed behind the service\'s back is not activated (BANK_CHANGE_NOT_PENDING)', async () => {
    const { biller, change, submission } = await requestChange();
    await testDatabase.database.db.execute(sql`update cod.biller_bank_accounts set account_number = '424242424242' where id = ${change.bankAccount.id}`);
    await deliver(decidedEvent(submission));
    expect((await accountsOf(biller.id)).map((row) => row.status)).toEqual(['ACTIVE', 'PENDING']);
    const executed = (await staged(testDatabase, 'approval.executed')).filter((report) => report.requestId === submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'BANK_CHANGE_NOT_PENDING' }) })]);
  });

  it('plugs in other kinds: an extra handler is executed, and COD_BANK_CHANGE stays the bank change', async () => {
    const seen: string[] = [];
    const executor = createCodApprovalExecutor({ clock, timeZone: 'Asia/Kolkata', identitySecret }, {
      SETTLEMENT_RELEASE: {
        description: 'a settlement release',
        parse: (payload) => ({ ok: true, payload }),
        async execute(_tx, _payload, request) {
          seen.push(request.requestId);
          return { result: {}, audit: { action: 'COD_SETTLEMENT_RELEASED', target: { type: 'SettlementBatch', id: 'b1' } } };
        },
        failure: { action: 'COD_SETTLEMENT_RELEASE_FAILED' },
      },
    });
    const submission = { id: crypto.randomUUID(), kind: 'SETTLEMENT_RELEASE', officeCode: 'NDGPO', payload: { batchId: 'b1' }, makerId: crypto.randomUUID() };
    await consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: APPROVALS_QUEUE, handle: executor })(decidedEvent(submission));
    expect(seen).toEqual([submission.id]);
  });
});
