import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettlementApprovalExecutor } from './approval-executor.js';
import { buildSettlementBatches } from './build.js';
import { markPayoutFailed, markPayoutPaid } from './payouts.js';
import { findPayoutFile, payoutOfBatch } from './repository.js';
import { submitSettlementBatches } from './submit.js';
import { contextOf, decidedEvent, financeOfficer, identitySecret, recordingInbox, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from './test-support/seed.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

const clock = () => new Date('2026-12-14T05:30:00Z');
const db = () => testDatabase.database.db;

async function releasedBatch(amounts: string[] = ['1000.00', '2500.50']) {
  const inbox = recordingInbox();
  const deps = settlementDeps(testDatabase, clock, inbox.submitter);
  const biller = await seedBiller(db());
  for (const amount of amounts) await seedCollection(db(), biller.id, { amount, dueFrom: '2026-12-01' });
  const batches = (await buildSettlementBatches(deps, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE })).filter((b) => b.billerId === biller.id);
  const submitted = await submitSettlementBatches(deps, contextOf(financeOfficer), batches.map((b) => b.id), 'December week 3');
  const submission = inbox.submissions.at(-1)!;
  const executor = createSettlementApprovalExecutor(deps, { identitySecret });
  await db().transaction((tx) => executor(tx, decidedEvent(submission)));
  return { deps, biller, batch: batches[0]!, submitted, submission };
}

async function movements(subjectId: string) {
  return rowsOf<{ movement: string; movement_id: string; payload: Record<string, string> }>(
    await db().execute(sql`select movement, movement_id, payload from cod.ledger_movements where subject_id = ${subjectId} order by staged_at, (movement <> 'SETTLED')`),
  );
}

describe('release through the approvals inbox', () => {
  it('submits one SETTLEMENT_RELEASE with the batches, totals and hash; on approval pays out, stages SETTLED and writes the file', async () => {
    const { submission, batch, submitted, biller } = await releasedBatch();
    expect(submission).toMatchObject({ kind: 'SETTLEMENT_RELEASE', officeCode: SETTLEMENT_OFFICE, makerId: 'fo-1' });
    expect(submission.payload).toMatchObject({ settlementOfficeCode: SETTLEMENT_OFFICE, batches: [{ id: batch.id, articleCount: 2 }], hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(submitted.batches[0]!.status).toBe('SUBMITTED');
    const payout = (await payoutOfBatch(db(), batch.id))!;
    expect(payout).toMatchObject({ status: 'PENDING', ifsc: 'HDFC0001234', accountNumber: '123456789012' });
    // 1000: fee 50, GST 9; 2500.50: fee 50.01, GST 9.00 -> net 3500.50 - 118.01.
    expect(payout.amount).toBe('3382.49');
    const [settled] = await movements(payout.id);
    expect(settled).toMatchObject({ movement: 'SETTLED', movement_id: payout.settledMovementId, payload: { gross: '3500.50', fee: '100.01', tax: '18.00', net: '3382.49', payoutId: payout.id } });
    const file = (await findPayoutFile(db(), payout.payoutFileId!))!;
    expect(file.templateCode).toBe('SBI_CMP_NEFT');
    const lines = file.content.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^H\|INDIAPOSTCOD\|NDGPO20261214\d{4}\|14122026\|00000031234567890\|1\|3382\.49$/);
    expect(lines[1]).toBe(`D|000001|NEFT|SELLER ${biller.code} PVT LTD|123456789012|HDFC0001234|3382.49|COD ${batch.reference}`);
    expect(lines[2]).toBe('T|1|3382.49');
  });

  it('refuses a second submission of a submitted batch, and a caller without cod.settlement.release', async () => {
    const { deps, batch } = await releasedBatch();
    await expect(submitSettlementBatches(deps, contextOf(financeOfficer), [batch.id], 'again')).rejects.toMatchObject({ code: 'INVALID_BATCH_STATE' });
    const reader = { ...financeOfficer, grants: [{ permission: 'cod.read', scope: 'SUBTREE' as const }] };
    await expect(submitSettlementBatches(deps, contextOf(reader), [batch.id], 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitSettlementBatches(deps, contextOf(financeOfficer), [], 'x')).rejects.toMatchObject({ code: 'INVALID_BATCH_LIST' });
  });

  it('does not release a batch changed after submission (the hash), and holds a biller without an active account', async () => {
    const inbox = recordingInbox();
    const deps = settlementDeps(testDatabase, clock, inbox.submitter);
    const biller = await seedBiller(db());
    await seedCollection(db(), biller.id, { dueFrom: '2026-12-01' });
    const [batch] = (await buildSettlementBatches(deps, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE })).filter((b) => b.billerId === biller.id);
    await submitSettlementBatches(deps, contextOf(financeOfficer), [batch!.id], 'x');
    await db().execute(sql`update cod.settlement_batches set fee = fee + 1, net = net - 1 where id = ${batch!.id}`);
    const executor = createSettlementApprovalExecutor(deps, { identitySecret });
    await db().transaction((tx) => executor(tx, decidedEvent(inbox.submissions.at(-1)!)));
    expect(await payoutOfBatch(db(), batch!.id)).toBeUndefined();
    const executed = rowsOf<{ payload: { outcome: string; result: { code?: string } } }>(await db().execute(sql`select payload from cod.outbox where type = 'approval.executed' order by id desc limit 1`));
    expect(executed[0]!.payload).toMatchObject({ outcome: 'FAILED', result: { code: 'SETTLEMENT_BATCH_CHANGED' } });

    await db().execute(sql`update cod.settlement_batches set fee = fee - 1, net = net + 1, status = 'DRAFT', approval_request_id = null where id = ${batch!.id}`);
    await db().execute(sql`update cod.biller_bank_accounts set status = 'SUPERSEDED' where biller_id = ${biller.id}`);
    await submitSettlementBatches(deps, contextOf(financeOfficer), [batch!.id], 'y');
    await db().transaction((tx) => executor(tx, decidedEvent(inbox.submissions.at(-1)!)));
    const [after] = rowsOf<{ status: string }>(await db().execute(sql`select status from cod.settlement_batches where id = ${batch!.id}`));
    expect(after).toEqual({ status: 'DRAFT' });
  });
});

describe('a refused release', () => {
  it('a rejected request ends its batches REJECTED and their articles are due again; a replay changes nothing', async () => {
    const inbox = recordingInbox();
    const deps = settlementDeps(testDatabase, clock, inbox.submitter);
    const biller = await seedBiller(db());
    await seedCollection(db(), biller.id, { dueFrom: '2026-12-01' });
    const [batch] = (await buildSettlementBatches(deps, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE })).filter((b) => b.billerId === biller.id);
    await submitSettlementBatches(deps, contextOf(financeOfficer), [batch!.id], 'x');
    const executor = createSettlementApprovalExecutor(deps, { identitySecret });
    const rejected = decidedEvent(inbox.submissions.at(-1)!, { decision: 'REJECTED' });
    await db().transaction((tx) => executor(tx, rejected));
    await db().transaction((tx) => executor(tx, rejected));
    const [row] = rowsOf<{ status: string; claimed: string }>(await db().execute(sql`
      select b.status, (select count(*) from cod.collection_batches c where c.batch_id = b.id) as claimed from cod.settlement_batches b where b.id = ${batch!.id}`));
    expect(row).toEqual({ status: 'REJECTED', claimed: '0' });
    const [again] = (await buildSettlementBatches(deps, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE })).filter((b) => b.billerId === biller.id);
    expect(again).toMatchObject({ articleCount: 1, reference: expect.stringMatching(/-2$/) });
  });
});

describe('payout outcomes', () => {
  it('PAID with a valid UTR, once; a bad or reused UTR is refused', async () => {
    const { deps, batch } = await releasedBatch();
    const payout = (await payoutOfBatch(db(), batch.id))!;
    await expect(markPayoutPaid(deps, contextOf(financeOfficer), payout.id, 'HDFC123')).rejects.toMatchObject({ code: 'INVALID_UTR' });
    await expect(markPayoutPaid(deps, contextOf(financeOfficer), payout.id, 'HDFCRC20261332' + '12345678')).rejects.toMatchObject({ code: 'INVALID_UTR' });
    const paid = await markPayoutPaid(deps, contextOf(financeOfficer), payout.id, 'SBINN22026121400012345');
    expect(paid).toMatchObject({ status: 'PAID', utr: 'SBINN22026121400012345' });
    await expect(markPayoutPaid(deps, contextOf(financeOfficer), payout.id, 'SBINN22026121400012346')).rejects.toMatchObject({ code: 'PAYOUT_ALREADY_FINAL' });
    await expect(markPayoutFailed(deps, contextOf(financeOfficer), payout.id, { reason: 'x', status: 'FAILED' })).rejects.toMatchObject({ code: 'PAYOUT_ALREADY_PAID' });
    const other = await releasedBatch();
    const otherPayout = (await payoutOfBatch(db(), other.batch.id))!;
    await expect(markPayoutPaid(deps, contextOf(financeOfficer), otherPayout.id, 'SBINN22026121400012345')).rejects.toMatchObject({ code: 'DUPLICATE_UTR' });
    expect(await markPayoutPaid(deps, contextOf(financeOfficer), otherPayout.id, 'SBINRC2026121400001234')).toMatchObject({ status: 'PAID' });
  });

  it('FAILED reverses the SETTLED entry, makes the articles due again in the next batch, tells the biller; twice is refused', async () => {
    const { deps, batch, biller } = await releasedBatch(['1200.00']);
    const payout = (await payoutOfBatch(db(), batch.id))!;
    await markPayoutFailed(deps, contextOf(financeOfficer), payout.id, { reason: 'account closed', status: 'FAILED' });
    const staged = await movements(payout.id);
    expect(staged.map((m) => m.movement)).toEqual(['SETTLED', 'PAYOUT_FAILED']);
    expect(staged[1]!.payload).toMatchObject({ settledMovementId: payout.settledMovementId, reason: 'account closed' });
    expect(deps.notifier.sent.at(-1)).toMatchObject({ kind: 'COD_PAYOUT_FAILED', recipient: { username: biller.code } });
    await expect(markPayoutFailed(deps, contextOf(financeOfficer), payout.id, { reason: 'again', status: 'REVERSED' })).rejects.toMatchObject({ code: 'PAYOUT_ALREADY_FINAL' });
    const rebuilt = (await buildSettlementBatches(deps, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-15' })).filter((b) => b.billerId === biller.id);
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]).toMatchObject({ articleCount: 1, net: '1141.00' });
    const [lines] = rowsOf<{ active: string; inactive: string }>(await db().execute(sql`
      select count(*) filter (where l.active) as active, count(*) filter (where not l.active) as inactive
      from cod.batch_lines l join cod.settlement_batches b on b.id = l.batch_id where b.biller_id = ${biller.id}`));
    expect(lines).toEqual({ active: '1', inactive: '1' });
  });

  it('REVERSED after PAID keeps the UTR of the credit that came back (the constraint once refused it)', async () => {
    const { deps, batch } = await releasedBatch(['900.00']);
    const payout = (await payoutOfBatch(db(), batch.id))!;
    await markPayoutPaid(deps, contextOf(financeOfficer), payout.id, 'SBINN52026121499990001');
    const reversed = await markPayoutFailed(deps, contextOf(financeOfficer), payout.id, { reason: 'returned: account closed', status: 'REVERSED' });
    expect(reversed.status).toBe('REVERSED');
    const [row] = rowsOf<{ status: string; utr: string | null }>(await db().execute(sql`select status, utr from cod.payouts where id = ${payout.id}`));
    expect(row).toEqual({ status: 'REVERSED', utr: 'SBINN52026121499990001' });
    expect((await movements(payout.id)).map((m) => m.movement)).toEqual(['SETTLED', 'PAYOUT_FAILED']);
  });
});
