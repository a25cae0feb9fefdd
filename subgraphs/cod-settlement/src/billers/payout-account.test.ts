import { transaction } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeIdempotently } from '@postal/outbox';
import { APPROVALS_QUEUE, createCodApprovalExecutor } from '../approvals/executor.js';
import { outbox, processedEvents } from '../db-schema.js';
import { payoutBankAccount } from './payout-account.js';
import { createBillerService } from './service.js';
import { as, billerDeps, decidedEvent, identitySecret, recordingInbox, registration, seedOffices, staff } from './test-support/fixtures.js';

/**
 * Where settlement may pay a biller: the registration details and approved changes at once; details that became
 * active without an approval (here written with SQL behind the service's back) only after the contract's hold.
 */
let testDatabase: TestDatabase;
const clock = () => new Date('2026-03-10T06:00:00Z');
const inbox = recordingInbox();
const service = () => createBillerService(billerDeps(testDatabase, clock, inbox.client));
const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
]);
const payout = (billerId: string, today: string) => transaction(testDatabase.database, 'read committed', (tx) => payoutBankAccount(tx, billerId, today));
const execute = (sqlText: ReturnType<typeof sql>) => testDatabase.database.db.execute(sqlText);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

/** A new ACTIVE row written directly, the registration row SUPERSEDED: a change that skipped the inbox. */
async function swapBehindTheServicesBack(billerId: string, activatedOn: string | null) {
  await execute(sql`update cod.biller_bank_accounts set status = 'SUPERSEDED' where biller_id = ${billerId} and status = 'ACTIVE'`);
  await execute(sql`insert into cod.biller_bank_accounts (id, biller_id, account_holder_name, account_number, ifsc, status, requested_by, requested_at, activated_on)
    values (gen_random_uuid(), ${billerId}, 'Fraudster', '666666666666', 'FRAU0000001', 'ACTIVE', 'someone', now(), ${activatedOn})`);
}

describe('payoutBankAccount', () => {
  it('pays the details given at registration from the first day', async () => {
    const biller = await service().register(as(manager), registration());
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: true, account: { accountNumber: '001234567890' } });
  });

  it('holds details that became active without an approval for bankDetailsHoldDays (7 by default), then pays them', async () => {
    const biller = await service().register(as(manager), registration());
    await swapBehindTheServicesBack(biller.id, '2026-03-10');
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
    expect(await payout(biller.id, '2026-03-16')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
    expect(await payout(biller.id, '2026-03-17')).toMatchObject({ ok: true, account: { accountNumber: '666666666666' } });
  });

  it('takes the hold from the contract in force', async () => {
    const biller = await service().register(as(manager), registration({ contract: { bankDetailsHoldDays: 30 } }));
    await swapBehindTheServicesBack(biller.id, '2026-03-10');
    expect(await payout(biller.id, '2026-04-08')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
    expect(await payout(biller.id, '2026-04-09')).toMatchObject({ ok: true });
  });

  it('holds for ever a row that does not say when it became active', async () => {
    const biller = await service().register(as(manager), registration());
    await swapBehindTheServicesBack(biller.id, null);
    expect(await payout(biller.id, '2030-01-01')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
  });

  it('pays an approved change at once, and holds it once its approval is wiped with SQL', async () => {
    const biller = await service().register(as(manager), registration());
    await service().requestBankChange(as(manager), biller.id, { holderName: 'New', accountNumber: '777777777777', ifsc: 'HDFC0001234' }, 'new bank');
    await consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: APPROVALS_QUEUE, handle: createCodApprovalExecutor({ clock, timeZone: 'Asia/Kolkata', identitySecret }) })(
      decidedEvent(inbox.submissions.at(-1)!),
    );
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: true, account: { accountNumber: '777777777777' } });
    await execute(sql`update cod.biller_bank_accounts set approval_request_id = null where biller_id = ${biller.id} and status = 'ACTIVE'`);
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
  });

  it('a registration row made to look newer (its requested_at moved) is held like any unapproved change', async () => {
    const biller = await service().register(as(manager), registration());
    await execute(sql`update cod.biller_bank_accounts set requested_at = requested_at + interval '1 day', activated_on = '2026-03-10' where biller_id = ${biller.id}`);
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: false, code: 'BANK_DETAILS_ON_HOLD' });
  });

  it('is BILLER_NOT_ACTIVE for a suspended or unknown biller, NO_BANK_ACCOUNT without an active account', async () => {
    const biller = await service().register(as(manager), registration());
    await service().update(as(manager), biller.id, { status: 'SUSPENDED' }, 1);
    expect(await payout(biller.id, '2026-03-10')).toMatchObject({ ok: false, code: 'BILLER_NOT_ACTIVE' });
    expect(await payout(crypto.randomUUID(), '2026-03-10')).toMatchObject({ ok: false, code: 'BILLER_NOT_ACTIVE' });
    const other = await service().register(as(manager), registration());
    await execute(sql`update cod.biller_bank_accounts set status = 'SUPERSEDED' where biller_id = ${other.id}`);
    expect(await payout(other.id, '2026-03-10')).toMatchObject({ ok: false, code: 'NO_BANK_ACCOUNT' });
  });
});
