import { createHash, randomUUID } from 'node:crypto';
import { approvalPayloadMac } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { canonicalJson, newEvent, type ApprovalDecidedPayload, type TypedEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { needs, waitFor, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import type { PostEntryCommand } from '../journal/model.js';
import { createLedgerDatabase, key, post, sums, TODAY, transfer } from '../journal/test-support/ledger.js';
import { APPROVALS_QUEUE, createApprovalExecutor } from './executor.js';
import { postPayload, reversePayload, type ManualJournalPayload } from './payload.js';

/**
 * The approval.decided consumer on the real database, run as the queue runs it (consumeIdempotently around it): an
 * approved manual journal is posted once, with its maker, checker and request, and reported back through the outbox;
 * anything refused is reported FAILED with nothing posted.
 */
let testDatabase: TestDatabase;
// 11:30 in New Delhi on TODAY: the business date the ledger checks approved entries against.
const now = new Date(`${TODAY}T06:00:00.000Z`);
const maker = { id: randomUUID(), username: 'finance' };
const identitySecret = 'executor-test-identity-secret-0123456789';
/** The inbox's MAC of a manual journal payload, as administration stores it. */
const payloadHash = (payload: unknown) => approvalPayloadMac(identitySecret, 'MANUAL_JOURNAL', payload);
const checker = { id: randomUUID(), username: 'finance2' };

const deliver = () =>
  consumeIdempotently({
    database: testDatabase.database,
    tables: { outbox, processedEvents },
    consumer: APPROVALS_QUEUE,
    handle: createApprovalExecutor({ identitySecret, clock: () => now }),
  });

/** approval.decided as administration stages it, for a payload; the overrides play a tamperer or another owner. */
function decidedEvent(payload: ManualJournalPayload | Record<string, unknown>, overrides: Partial<ApprovalDecidedPayload> = {}): TypedEvent<'approval.decided'> {
  return newEvent(
    'approval.decided',
    {
      requestId: randomUUID(),
      kind: 'MANUAL_JOURNAL',
      subgraph: 'accounts',
      decision: 'APPROVED',
      payload: payload as Record<string, unknown>,
      payloadHash: payloadHash(payload),
      officeCode: 'HO1',
      maker,
      checker,
      decidedAt: now.toISOString(),
      ...overrides,
    },
    { source: 'administration', requestId: `req-${randomUUID()}` },
  );
}

/** A manual journal at HO1: a cash shortage charged to the staff shortage receivable. */
function shortage(amount = '1050.00', overrides: Partial<PostEntryCommand> = {}): PostEntryCommand {
  return transfer('HO1:1300', 'HO1:1100', amount, { description: 'Cash short at counter 3', source: { type: 'MANUAL', reference: null }, ...overrides });
}

interface Staged {
  type: string;
  payload: Record<string, any>;
}

async function staged(requestId: string): Promise<{ executed: Staged[]; audit: Staged[] }> {
  const rows = rowsOf<Staged>(
    await testDatabase.database.db.execute(sql`
      select type, payload from accounts.outbox
      where payload->>'requestId' = ${requestId} or payload->'after'->>'approvalRequestId' = ${requestId}
      order by id`),
  );
  return { executed: rows.filter((row) => row.type === 'approval.executed'), audit: rows.filter((row) => row.type === 'audit.recorded') };
}

async function entriesOf(requestId: string) {
  return rowsOf<{ id: string; actor: unknown; approved_by: unknown; source_type: string; reverses_entry_id: string | null }>(
    await testDatabase.database.db.execute(
      sql`select id, actor, approved_by, source_type, reverses_entry_id from accounts.journal_entries where approval_request_id = ${requestId}`,
    ),
  );
}

/** Nothing posted for the request; approval.executed FAILED with the code, and its audit event, staged. */
async function expectFailed(requestId: string, code: string) {
  expect(await entriesOf(requestId)).toEqual([]);
  const { executed, audit } = await staged(requestId);
  expect(executed.map((row) => row.payload)).toEqual([expect.objectContaining({ outcome: 'FAILED', result: { code, message: expect.any(String) } })]);
  expect(audit.map((row) => row.payload)).toEqual([
    expect.objectContaining({
      action: 'MANUAL_JOURNAL_FAILED',
      outcome: 'FAILURE',
      reason: code,
      target: { type: 'ApprovalRequest', id: requestId },
      officeCode: 'HO1',
    }),
  ]);
  return executed[0]!.payload;
}

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  // Cash in the till to be short of.
  await post(testDatabase, transfer('HO1:1100', 'HO1:4100', '100000.00'));
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('an approved manual journal', () => {
  it('is posted with its maker as actor, the checker as approver and the request, and reported EXECUTED', async () => {
    const cashBefore = await sums(testDatabase, 'HO1:1100');
    const event = decidedEvent(postPayload(shortage(), TODAY));
    await deliver()(event);

    const [entry, ...others] = await entriesOf(event.payload.requestId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      actor: { kind: 'staff', id: maker.id, username: 'finance' },
      approved_by: { kind: 'staff', id: checker.id, username: 'finance2' },
      source_type: 'MANUAL',
    });
    expect(await sums(testDatabase, 'HO1:1100')).toMatchObject({ debit: cashBefore.debit, credit: '1050' });

    const { executed, audit } = await staged(event.payload.requestId);
    expect(executed).toHaveLength(1);
    expect(executed[0]!.payload).toEqual({
      requestId: event.payload.requestId,
      kind: 'MANUAL_JOURNAL',
      payloadHash: event.payload.payloadHash,
      outcome: 'EXECUTED',
      result: { entryId: entry!.id },
      executedAt: now.toISOString(),
    });
    expect(audit.map((row) => row.payload)).toEqual([
      expect.objectContaining({
        action: 'MANUAL_JOURNAL_POSTED',
        outcome: 'SUCCESS',
        actor: { kind: 'service', id: 'accounts' },
        target: { type: 'JournalEntry', id: entry!.id },
        officeCode: 'HO1',
        after: expect.objectContaining({ approvalRequestId: event.payload.requestId, maker: 'finance', checker: 'finance2', operation: 'POST' }),
      }),
    ]);
  });

  it('is posted once however often its decision is delivered, under the same event id or a new one', async () => {
    const payload = postPayload(shortage('10.00'), TODAY);
    const event = decidedEvent(payload);
    await deliver()(event);
    await deliver()(event);
    // The same decision staged again (a new event id) for the same request.
    await deliver()({ ...event, id: randomUUID() });
    expect(await entriesOf(event.payload.requestId)).toHaveLength(1);
    expect((await staged(event.payload.requestId)).executed).toHaveLength(1);
  });

  it.runIf(needs('postgres'))('[needs PostgreSQL] is posted once by concurrent deliveries under different event ids', async () => {
    const event = decidedEvent(postPayload(shortage('11.00'), TODAY));
    await Promise.all([deliver()(event), deliver()({ ...event, id: randomUUID() }), deliver()({ ...event, id: randomUUID() })]);
    expect(await entriesOf(event.payload.requestId)).toHaveLength(1);
    expect((await staged(event.payload.requestId)).executed).toHaveLength(1);
  });

  it('reverses an entry when that is what was approved', async () => {
    const { entry: original } = await post(testDatabase, transfer('HO1:1100', 'HO1:4100', '75.00'));
    const event = decidedEvent(reversePayload({ entryId: original.id, reason: 'keyed twice', idempotencyKey: key('rev') }));
    await deliver()(event);
    const [reversal] = await entriesOf(event.payload.requestId);
    expect(reversal).toMatchObject({ reverses_entry_id: original.id, source_type: 'REVERSAL', approved_by: { username: 'finance2' } });
    expect((await staged(event.payload.requestId)).executed[0]!.payload).toMatchObject({
      outcome: 'EXECUTED',
      result: { entryId: reversal!.id, reversesEntryId: original.id },
    });
  });
});

describe('a decision that asks nothing of accounts', () => {
  it.each<[string, Partial<ApprovalDecidedPayload>]>([
    ['rejected', { decision: 'REJECTED' }],
    ['expired', { decision: 'EXPIRED', checker: undefined }],
    ["another subgraph's", { subgraph: 'administration', kind: 'ROLE_GRANT' }],
    ['another kind', { kind: 'MO_REFUND' }],
  ])('is ignored when %s', async (_case, overrides) => {
    const event = decidedEvent(postPayload(shortage('1.00'), TODAY), overrides);
    await deliver()(event);
    expect(await entriesOf(event.payload.requestId)).toEqual([]);
    expect(await staged(event.payload.requestId)).toEqual({ executed: [], audit: [] });
  });
});

describe('an approval that cannot be executed', () => {
  it('is FAILED with PAYLOAD_TAMPERED when the payload is not the one approved, and reports the approved hash', async () => {
    const approved = postPayload(shortage('5.00'), TODAY);
    const altered = postPayload(shortage('5000.00', { idempotencyKey: approved.command.idempotencyKey }), TODAY);
    const event = decidedEvent(altered, { payloadHash: payloadHash(approved) });
    const cashBefore = await sums(testDatabase, 'HO1:1100');
    await deliver()(event);
    const reported = await expectFailed(event.payload.requestId, 'PAYLOAD_TAMPERED');
    // Administration accepts a result only for the hash it stored.
    expect(reported.payloadHash).toBe(payloadHash(approved));
    expect(await sums(testDatabase, 'HO1:1100')).toEqual(cashBefore);
  });

  it('is FAILED with PAYLOAD_TAMPERED when the payload was altered with a recomputed plain SHA-256 (or a MAC under another key)', async () => {
    const altered = postPayload(shortage('7000.00'), TODAY);
    const plain = createHash('sha256').update(canonicalJson(altered), 'utf8').digest('hex');
    for (const forged of [plain, approvalPayloadMac('someone-elses-secret-0123456789abcdef', 'MANUAL_JOURNAL', altered)]) {
      const event = decidedEvent(altered, { payloadHash: forged });
      const cashBefore = await sums(testDatabase, 'HO1:1100');
      await deliver()(event);
      await expectFailed(event.payload.requestId, 'PAYLOAD_TAMPERED');
      expect(await sums(testDatabase, 'HO1:1100')).toEqual(cashBefore);
    }
  });

  it('is FAILED with PAYLOAD_INVALID when the approved payload is not a manual journal', async () => {
    const event = decidedEvent({ lines: [{ account: 'HO1:4100', debit: '15.00' }, { account: 'HO1:4200', credit: '15.00' }] });
    await deliver()(event);
    const reported = await expectFailed(event.payload.requestId, 'PAYLOAD_INVALID');
    expect(reported.result.message).toMatch(/operation/);
  });

  it("is FAILED with the ledger's code when a rule no longer holds (the account was frozen meanwhile), and stays FAILED", async () => {
    const event = decidedEvent(postPayload(shortage('20.00'), TODAY));
    const before = await sums(testDatabase, 'HO1:1300');
    await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'FROZEN' where code = 'HO1:1300'`);
    try {
      await deliver()(event);
    } finally {
      await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'OPEN' where code = 'HO1:1300'`);
    }
    await expectFailed(event.payload.requestId, 'ACCOUNT_FROZEN');
    expect(await sums(testDatabase, 'HO1:1300')).toEqual(before);
    // The account is open again: a late copy of the decision must not post behind the inbox's back.
    await deliver()({ ...event, id: randomUUID() });
    expect(await entriesOf(event.payload.requestId)).toEqual([]);
    expect((await staged(event.payload.requestId)).executed).toHaveLength(1);
  });

  it('is FAILED with INSUFFICIENT_FUNDS when the till no longer holds the amount, and with MANUAL_ENTRY_NOT_ALLOWED on a control account', async () => {
    const tooMuch = decidedEvent(postPayload(shortage('99999999.00'), TODAY));
    await deliver()(tooMuch);
    await expectFailed(tooMuch.payload.requestId, 'INSUFFICIENT_FUNDS');
    const control = decidedEvent(postPayload(transfer('HO1:2100', 'HO1:1100', '1.00'), TODAY));
    await deliver()(control);
    await expectFailed(control.payload.requestId, 'MANUAL_ENTRY_NOT_ALLOWED');
  });

  it('is FAILED with IDEMPOTENCY_CONFLICT when the maker reused a key for another entry', async () => {
    const first = decidedEvent(postPayload(shortage('3.00'), TODAY));
    await deliver()(first);
    const reused = (first.payload.payload as ReturnType<typeof postPayload>).command.idempotencyKey;
    const second = decidedEvent(postPayload(shortage('4.00', { idempotencyKey: reused }), TODAY));
    await deliver()(second);
    await expectFailed(second.payload.requestId, 'IDEMPOTENCY_CONFLICT');
  });

  it('is FAILED with DAY_CLOSED when the day was closed before the approval', async () => {
    const event = decidedEvent(postPayload(shortage('2.00', { effectiveDate: '2026-11-18' }), TODAY));
    await testDatabase.database.db.execute(sql`update accounts.accounts set closed_through = '2026-11-18' where code in ('HO1:1100', 'HO1:1300')`);
    try {
      await deliver()(event);
    } finally {
      await testDatabase.database.db.execute(sql`update accounts.accounts set closed_through = null where code in ('HO1:1100', 'HO1:1300')`);
    }
    await expectFailed(event.payload.requestId, 'DAY_CLOSED');
  });
});

describe('a refusal after the entry was written', () => {
  it.runIf(needs('postgres'))(
    '[needs PostgreSQL] leaves nothing of the attempt: the account frozen between the check and the locked update',
    async () => {
      const { db } = testDatabase.database;
      const event = decidedEvent(postPayload(shortage('30.00'), TODAY));
      const before = { cash: await sums(testDatabase, 'HO1:1100'), shortage: await sums(testDatabase, 'HO1:1300') };
      let taken!: () => void;
      let release!: () => void;
      const lockTaken = new Promise<void>((resolve) => (taken = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      // Holds the shortage account's row, then freezes it: the delivery checks it OPEN, writes the entry and its
      // postings, and waits at the guarded update, which then finds it FROZEN.
      const freezer = db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from accounts.accounts where code = 'HO1:1300' for update`);
        taken();
        await released;
        await tx.execute(sql`update accounts.accounts set status = 'FROZEN' where code = 'HO1:1300'`);
      });
      await lockTaken;
      const delivery = deliver()(event);
      try {
        await waitFor(
          async () => {
            const [row] = rowsOf<{ n: number }>(
              await db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
            );
            return row!.n > 0 ? true : undefined;
          },
          { what: 'the delivery to wait for the account lock' },
        );
      } finally {
        release();
        await freezer;
      }
      try {
        await delivery;
      } finally {
        await db.execute(sql`update accounts.accounts set status = 'OPEN' where code = 'HO1:1300'`);
      }
      await expectFailed(event.payload.requestId, 'ACCOUNT_FROZEN');
      const key = (event.payload.payload as ReturnType<typeof postPayload>).command.idempotencyKey;
      expect(rowsOf(await db.execute(sql`select id from accounts.journal_entries where idempotency_key = ${key}`))).toEqual([]);
      expect({ cash: await sums(testDatabase, 'HO1:1100'), shortage: await sums(testDatabase, 'HO1:1300') }).toEqual(before);
    },
  );
});

describe('a fault', () => {
  it('rolls the delivery back so the queue retries it: nothing recorded, nothing staged', async () => {
    const event = decidedEvent(postPayload(shortage('1.00'), TODAY), { checker: undefined });
    await expect(deliver()(event)).rejects.toThrow(/names no checker/);
    const processed = rowsOf<{ n: number }>(
      await testDatabase.database.db.execute(sql`select count(*)::int as n from accounts.processed_events where event_id in (${event.id}::uuid, ${event.payload.requestId}::uuid)`),
    );
    expect(processed[0]!.n).toBe(0);
    expect(await staged(event.payload.requestId)).toEqual({ executed: [], audit: [] });
  });
});
