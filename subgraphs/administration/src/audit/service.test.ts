import type { Identity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAdministration } from '../seed/demo.js';
import { sealAll } from './sealer.js';
import { createAuditService, type AuditService } from './service.js';
import { deliver, sampleEvent, tamper } from './test-support/db.js';

let testDatabase: TestDatabase;
let audit: AuditService;

const withAudit = (officePath: string, permissions = ['audit.read', 'audit.verify']): Identity => ({
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000a0d',
  username: 'someone',
  roles: ['AUDITOR'],
  officeCode: officePath.split('/').at(-1)!,
  officePath,
  grants: permissions.map((permission) => ({ permission, scope: 'SUBTREE' as const })),
});
const circleAuditor = withAudit('DL');
const divisionAuditor = withAudit('DL/DL-NDC');
const clerk = withAudit('DL/DL-NDC/NDGPO', ['office.read']);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));
/** The trail this file stores: targets T-1..T-7, two of them at the same instant. */
const events = [
  sampleEvent(1, { action: 'LOGIN_SUCCEEDED', officeCode: 'DL', actor: { kind: 'staff', username: 'admin', roles: ['ADMIN'], officeCode: 'DL' }, target: { type: 'Staff', id: 'T-1' } }, at(0)),
  sampleEvent(2, { target: { type: 'MoneyOrder', id: 'T-2' } }, at(1)),
  sampleEvent(3, { officeCode: 'ASVHO', target: { type: 'MoneyOrder', id: 'T-3' } }, at(2)),
  sampleEvent(4, { action: 'LOGIN_FAILED', outcome: 'FAILURE', officeCode: undefined, actor: { kind: 'anonymous', username: 'ghost' }, reason: 'UNKNOWN_USER', target: { type: 'Staff', id: 'T-4' } }, at(3)),
  sampleEvent(5, { officeCode: 'NDGPO-CP', target: { type: 'MoneyOrder', id: 'T-5' } }, at(4)),
  sampleEvent(6, { officeCode: 'NDGPO-CP', target: { type: 'MoneyOrder', id: 'T-6' } }, at(4)),
  sampleEvent(7, { officeCode: 'SMHO', before: { name: 'Sansad Marg' }, after: { name: 'Sansad Marg HO' }, target: { type: 'Office', id: 'T-7' } }, at(5)),
];

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  audit = createAuditService(testDatabase.database);
  // One at a time, so record ids (and so chain positions) follow T-1..T-7.
  await deliver(testDatabase.database, events, 1);
}, 60_000);
afterAll(() => testDatabase?.drop());

async function targets(identity: Identity, filter: Parameters<AuditService['auditTrail']>[1] = {}) {
  const page = await audit.auditTrail(identity, filter, 100, null);
  return page.edges.map((edge) => edge.node.target?.id);
}

describe('auditTrail', () => {
  it('lists newest first, with the seal once the sealer has reached a record', async () => {
    const before = await audit.auditTrail(circleAuditor, {}, 1, null);
    expect(before.edges[0]!.node).toMatchObject({ action: 'MONEY_ORDER_BOOKED', seal: null, target: { id: 'T-7' } });
    await sealAll(testDatabase.database);
    const after = await audit.auditTrail(circleAuditor, {}, 1, null);
    expect(after.edges[0]!.node).toMatchObject({
      source: 'money-orders',
      officeCode: 'SMHO',
      officePath: 'DL/DL-NDC/SMHO',
      before: { name: 'Sansad Marg' },
      after: { name: 'Sansad Marg HO' },
      requestId: 'req-audit-test',
      clientAddress: '10.0.0.9',
      actor: { kind: 'staff', username: 'clerk', roles: ['COUNTER_CLERK'], officeCode: 'NDGPO' },
      seal: { position: expect.stringMatching(/^\d+$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('shows each caller only their subtree, and records with no office only to whole-tree scopes', async () => {
    expect(await targets(circleAuditor)).toEqual(['T-7', 'T-6', 'T-5', 'T-4', 'T-3', 'T-2', 'T-1']);
    expect(await targets(divisionAuditor)).toEqual(['T-7', 'T-6', 'T-5', 'T-2']);
    expect(await targets({ kind: 'service', service: 'accounts' })).toHaveLength(7);
  });

  it('refuses callers without audit.read', async () => {
    await expect(audit.auditTrail(clerk, {}, 10, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(audit.auditTrail({ kind: 'anonymous' }, {}, 10, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  const filters: Array<[string, Parameters<AuditService['auditTrail']>[1], Array<string | undefined>]> = [
    ['by actor username (any case)', { actor: 'GHOST' }, ['T-4']],
    ['by action', { action: 'LOGIN_SUCCEEDED' }, ['T-1']],
    ['by target id', { target: 'T-3' }, ['T-3']],
    ['by office, including the offices under it', { officeCode: 'NDGPO' }, ['T-6', 'T-5', 'T-2']],
    ['by a half-open time range', { from: at(1), to: at(4) }, ['T-4', 'T-3', 'T-2']],
    ['by an office nobody knows', { officeCode: 'NOWHERE' }, []],
    ['by everything at once', { actor: 'clerk', action: 'MONEY_ORDER_BOOKED', officeCode: 'DL-NDC', from: at(2) }, ['T-7', 'T-6', 'T-5']],
  ];
  it.each(filters)('filters %s', async (_name, filter, expected) => {
    expect(await targets(circleAuditor, filter)).toEqual(expected);
  });

  it('never widens the scope through a filter', async () => {
    expect(await targets(divisionAuditor, { officeCode: 'ASVHO' })).toEqual([]);
    expect(await targets(divisionAuditor, { officeCode: 'DL' })).toEqual(['T-7', 'T-6', 'T-5', 'T-2']);
  });

  it('pages with keyset cursors, ties on the instant broken by id, nothing lost or repeated', async () => {
    const seen: Array<string | undefined> = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: Awaited<ReturnType<AuditService['auditTrail']>> = await audit.auditTrail(circleAuditor, {}, 2, after);
      seen.push(...page.edges.map((edge) => edge.node.target?.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['T-7', 'T-6', 'T-5', 'T-4', 'T-3', 'T-2', 'T-1']);
  });

  it('answers one record, with its seal, within the same scope as the trail', async () => {
    const [newest] = (await audit.auditTrail(circleAuditor, {}, 1, null)).edges;
    const [noOffice] = (await audit.auditTrail(circleAuditor, { target: 'T-4' }, 1, null)).edges;
    expect(await audit.auditRecord(circleAuditor, newest!.node.id)).toEqual(newest!.node);
    expect(await audit.auditRecord(divisionAuditor, newest!.node.id)).toMatchObject({ target: { id: 'T-7' }, seal: { hash: newest!.node.seal!.hash } });
    expect(await audit.auditRecord(circleAuditor, noOffice!.node.id)).toMatchObject({ target: { id: 'T-4' } });
    expect(await audit.auditRecord(divisionAuditor, noOffice!.node.id)).toBeNull();
    for (const id of ['0', '-1', 'abc', '99999999999999999', '1'.repeat(30)]) {
      expect(await audit.auditRecord(circleAuditor, id)).toBeNull();
    }
    await expect(audit.auditRecord(clerk, newest!.node.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an unbounded page, a forged cursor and a backward range, naming the field', async () => {
    await expect(audit.auditTrail(circleAuditor, {}, 101, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table x", '1'])).toString('base64url');
    await expect(audit.auditTrail(circleAuditor, {}, 10, forged)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(audit.auditTrail(circleAuditor, { from: at(5), to: at(1) }, 10, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('verifyAuditTrail', () => {
  const recordAt = async (position: number) => {
    const [row] = rowsOf<{ record_id: string }>(
      await testDatabase.database.db.execute(sql`select record_id::text from administration.audit_chain where position = ${position}`),
    );
    return row!.record_id;
  };

  it('needs audit.verify', async () => {
    await expect(audit.verifyAuditTrail(clerk, null, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers ok over the whole chain and over a range, with how far sealing has got', async () => {
    await sealAll(testDatabase.database);
    expect(await audit.verifyAuditTrail(circleAuditor, null, null)).toMatchObject({
      ok: true,
      checked: 7,
      firstBrokenRecord: null,
      sealedUpTo: { position: '7', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      unsealed: 0,
    });
    const range = await audit.verifyAuditTrail(circleAuditor, at(1), at(3));
    expect(range.ok).toBe(true);
    expect(range.checked).toBeGreaterThanOrEqual(2);
    expect(await audit.verifyAuditTrail(circleAuditor, at(30), at(40))).toMatchObject({ ok: true, checked: 0 });
  });

  // Each step breaks the chain earlier than the one before, so each verification names exactly the newest damage.
  it('names a record stored but taken out of the sealing queue', async () => {
    await deliver(testDatabase.database, [sampleEvent(8, { target: { type: 'MoneyOrder', id: 'T-8' } }, at(6))]);
    const [row] = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id::text from administration.audit_events where target_id = 'T-8'`));
    await tamper(testDatabase.database, sql`delete from administration.audit_pending where record_id = ${Number(row!.id)}`);
    expect(await audit.verifyAuditTrail(circleAuditor, null, null)).toMatchObject({
      ok: false,
      firstBrokenRecord: { recordId: row!.id, position: null, reason: 'UNSEALED' },
    });
  });

  it('names a sealed record that was deleted', async () => {
    const victim = await recordAt(7);
    await tamper(testDatabase.database, sql`delete from administration.audit_events where id = ${Number(victim)}`);
    expect((await audit.verifyAuditTrail(circleAuditor, null, null)).firstBrokenRecord).toEqual({ position: 7, recordId: victim, reason: 'RECORD_MISSING' });
  });

  it('names a seal that was deleted', async () => {
    await tamper(testDatabase.database, sql`delete from administration.audit_chain where position = 6`);
    expect((await audit.verifyAuditTrail(circleAuditor, null, null)).firstBrokenRecord).toEqual({ position: 6, recordId: null, reason: 'POSITION_MISSING' });
  });

  it('names a seal re-pointed at another hash', async () => {
    const victim = await recordAt(4);
    await tamper(testDatabase.database, sql`update administration.audit_chain set previous_hash = repeat('0', 64) where position = 4`);
    expect((await audit.verifyAuditTrail(circleAuditor, null, null)).firstBrokenRecord).toEqual({ position: 4, recordId: victim, reason: 'LINK_MISMATCH' });
  });

  it('names exactly the record whose row was changed in SQL, and a range before it still verifies', async () => {
    const victim = await recordAt(2);
    await tamper(testDatabase.database, sql`update administration.audit_events set reason = 'nothing happened here' where id = ${Number(victim)}`);
    const result = await audit.verifyAuditTrail(circleAuditor, null, null);
    expect(result).toMatchObject({ ok: false, checked: 1, firstBrokenRecord: { position: 2, recordId: victim, reason: 'HASH_MISMATCH' } });
    const justFirst = await audit.verifyAuditTrail(circleAuditor, at(0), at(1));
    expect(justFirst).toMatchObject({ ok: true, checked: 1 });
  });

  it('catches a change of a single microsecond', async () => {
    const victim = await recordAt(1);
    await tamper(testDatabase.database, sql`update administration.audit_events set recorded_at = recorded_at + interval '1 microsecond' where id = ${Number(victim)}`);
    expect((await audit.verifyAuditTrail(circleAuditor, null, null)).firstBrokenRecord).toEqual({ position: 1, recordId: victim, reason: 'HASH_MISMATCH' });
  });
});
