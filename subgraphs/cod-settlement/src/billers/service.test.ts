import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractService } from '../contracts/service.js';
import { createBillerService } from './service.js';
import { as, billerDeps, recordingInbox, registration, seedOffices, staff, staged } from './test-support/fixtures.js';

/** Registration, changes, reading and listing billers on the real database, as the resolvers call the service. */
let testDatabase: TestDatabase;
// 11:30 in New Delhi on 10 March 2026: a fixed business date, whatever day the test runs.
const clock = () => new Date('2026-03-10T06:00:00Z');
const inbox = recordingInbox();
const service = () => createBillerService(billerDeps(testDatabase, clock, inbox.client));

const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
]);
const bankReader = staff('bank', 'NDGPO', 'DL/DL-NDC/NDGPO', [
  { permission: 'cod.read', scope: 'SUBTREE' },
  { permission: 'cod.bank.read', scope: 'SUBTREE' },
]);
const southReader = staff('south', 'DL-SDC', 'DL/DL-SDC', [{ permission: 'cod.read', scope: 'SUBTREE' }]);
const southManager = staff('southmgr', 'DL-SDC', 'DL/DL-SDC', [{ permission: 'cod.biller.manage', scope: 'SUBTREE' }]);
const clerk = staff('clerk', 'NDGPO', 'DL/DL-NDC/NDGPO', [{ permission: 'mo.book', scope: 'OWN_OFFICE' }]);
const anonymous = { kind: 'anonymous' as const };

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: string }) => error.code ?? String(error));

describe('registerBiller', () => {
  it('registers with a BL code, its ACTIVE payout account from today, contract version 1, and an audit record', async () => {
    const biller = await service().register(as(manager), registration({ name: '  Kirana   Online  ' }));
    expect(biller).toMatchObject({ name: 'Kirana Online', status: 'ACTIVE', settlementOfficeCode: 'NDGPO', settlementOfficePath: 'DL/DL-NDC/NDGPO', contactPhone: '+919812345678', version: 1, currency: 'INR' });
    expect(biller.code).toMatch(/^BL\d{6}$/);
    const accounts = rowsOf<{ status: string; activated_on: string; approval_request_id: string | null }>(
      await testDatabase.database.db.execute(sql`select status, activated_on, approval_request_id from cod.biller_bank_accounts where biller_id = ${biller.id}`),
    );
    expect(accounts).toEqual([{ status: 'ACTIVE', activated_on: '2026-03-10', approval_request_id: null }]);
    const contracts = rowsOf<{ version: number; effective_from: string; fee_source: string }>(
      await testDatabase.database.db.execute(sql`select version, effective_from::text, fee_source from cod.contracts where biller_id = ${biller.id}`),
    );
    expect(contracts).toEqual([{ version: 1, effective_from: '2026-03-10', fee_source: 'IN-COD-FEE-2017-07-01' }]);
    const audit = (await staged(testDatabase, 'audit.recorded')).filter((record) => record.target?.id === biller.code);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'COD_BILLER_REGISTERED', outcome: 'SUCCESS', officeCode: 'NDGPO', actor: { username: 'manager' }, after: { accountNumber: '••••••••7890' } });
  });

  it.each([
    ['a caller without cod.biller.manage', clerk, 'NDGPO', 'FORBIDDEN'],
    ['an anonymous caller', anonymous, 'NDGPO', 'UNAUTHENTICATED'],
    ['a head office outside the scope', manager, 'ASVHO', 'FORBIDDEN'],
    ['a manager elsewhere, at NDGPO', southManager, 'NDGPO', 'FORBIDDEN'],
    ['a sub office', manager, 'NDGPO-CP', 'OFFICE_NOT_ELIGIBLE'],
    ['a division', manager, 'DL-NDC', 'OFFICE_NOT_ELIGIBLE'],
    ['a closed head office', manager, 'OLDHO', 'OFFICE_NOT_ELIGIBLE'],
    ['an unknown office', manager, 'NOPE', 'OFFICE_NOT_ELIGIBLE'],
  ])('refuses %s', async (_what, identity, officeCode, expected) => {
    expect(await codeOf(service().register(as(identity as never), registration({ settlementOfficeCode: officeCode })))).toBe(expected);
  });

  it('a manager of the other division registers at its head office', async () => {
    expect(await codeOf(service().register(as(southManager), registration({ settlementOfficeCode: 'ASVHO' })))).toBe('OK');
  });

  it.each([
    [{ gstin: '27AAPFU0939F1ZA' }, 'INVALID_GSTIN'],
    [{ bankAccount: { holderName: 'X', accountNumber: '001234567890', ifsc: 'SBIN1000691' } }, 'INVALID_IFSC'],
    [{ bankAccount: { holderName: 'X', accountNumber: '1234', ifsc: 'SBIN0000691' } }, 'INVALID_ACCOUNT_NUMBER'],
    [{ contact: { name: 'A', email: 'a@b', phone: '9812345678' } }, 'INVALID_EMAIL'],
    [{ contact: { name: 'A', email: 'a@b.in', phone: '12345' } }, 'INVALID_PHONE'],
    [{ type: 'RETAIL' }, 'BAD_USER_INPUT'],
    [{ name: '' }, 'BAD_USER_INPUT'],
    [{ contract: { maxArticleAmount: '50000.01' } }, 'AMOUNT_OUT_OF_RANGE'],
  ])('refuses %o with %s, and writes nothing', async (overrides, expected) => {
    const before = rowsOf<{ count: string }>(await testDatabase.database.db.execute(sql`select count(*) from cod.billers`))[0]!.count;
    expect(await codeOf(service().register(as(manager), registration(overrides as never)))).toBe(expected);
    expect(rowsOf<{ count: string }>(await testDatabase.database.db.execute(sql`select count(*) from cod.billers`))[0]!.count).toBe(before);
  });

  it('gives 20 parallel registrations 20 distinct codes', async () => {
    const billers = await Promise.all(Array.from({ length: 20 }, () => service().register(as(manager), registration())));
    expect(new Set(billers.map((biller) => biller.code)).size).toBe(20);
  });
});

describe('reading billers', () => {
  it('shows a biller within cod.read scope, by id and code; elsewhere it does not exist', async () => {
    const biller = await service().register(as(manager), registration());
    expect((await service().find(bankReader, biller.id))?.code).toBe(biller.code);
    expect((await service().findByCode(bankReader, biller.code))?.id).toBe(biller.id);
    expect(await service().find(southReader, biller.id)).toBeNull();
    expect(await service().findByCode(southReader, biller.code)).toBeNull();
    expect(await service().find(clerk, biller.id)).toBeNull();
    expect(await service().find(bankReader, 'not-a-uuid')).toBeNull();
    expect(await codeOf(service().find(anonymous, biller.id))).toBe('UNAUTHENTICATED');
  });

  it('masks the account number unless the caller holds cod.bank.read over the settlement office', async () => {
    const biller = await service().register(as(manager), registration({ bankAccount: { holderName: 'Masked Ltd', accountNumber: '99887766554433', ifsc: 'HDFC0001234' } }));
    expect(await service().bankAccount(bankReader, biller)).toMatchObject({ accountNumber: '99887766554433', accountNumberMasked: false, ifsc: 'HDFC0001234' });
    expect(await service().bankAccount(manager, biller)).toMatchObject({ accountNumber: '••••••••••4433', accountNumberMasked: true });
  });

  it('lets a biller-self caller read its own biller only', async () => {
    const mine = await service().register(as(manager), registration());
    const other = await service().register(as(manager), registration());
    const self = staff('seller', 'NDGPO', 'DL/DL-NDC/NDGPO', [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' }], { billerCode: mine.code });
    expect((await service().find(self as never, mine.id))?.code).toBe(mine.code);
    expect(await service().find(self as never, other.id)).toBeNull();
    const listed = await service().list(self as never, null, 100, null);
    expect(listed.edges.map((edge) => edge.node.code)).toEqual([mine.code]);
    expect(await codeOf(service().update(as(self as never), mine.id, { name: 'Mine' }, mine.version))).toBe('FORBIDDEN');
  });

  it('pages by code, every biller once, within the scope and filters', async () => {
    for (let i = 0; i < 3; i += 1) await service().register(as(southManager), registration({ settlementOfficeCode: 'ASVHO', type: 'GEM' }));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result = await service().list(southReader, null, 2, after);
      seen.push(...result.edges.map((edge) => edge.node.code));
      expect(result.edges.length).toBeLessThanOrEqual(2);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    const all = rowsOf<{ code: string }>(await testDatabase.database.db.execute(sql`select code from cod.billers where settlement_office_code = 'ASVHO' order by code`)).map((row) => row.code);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const gem = await service().list(manager, { type: 'GEM' }, 100, null);
    expect(gem.edges).toHaveLength(0);
    const byName = await service().list(manager, { search: 'kirana' }, 100, null);
    expect(byName.edges.map((edge) => edge.node.name)).toEqual(['Kirana Online']);
    expect(await codeOf(service().list(manager, null, 101, null))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().list(manager, null, 10, 'garbage'))).toBe('BAD_USER_INPUT');
    expect((await service().list(clerk, null, 10, null)).edges).toHaveLength(0);
  });
});

describe('updateBiller', () => {
  it('changes name, contact and status at the expected version, audited; a stale version is VERSION_CONFLICT', async () => {
    const biller = await service().register(as(manager), registration());
    const updated = await service().update(as(manager), biller.id, { name: 'Renamed', status: 'SUSPENDED', contact: { name: 'B', email: 'b@x.in', phone: '+91 9000000001' } }, 1);
    expect(updated).toMatchObject({ name: 'Renamed', status: 'SUSPENDED', contactPhone: '+919000000001', version: 2 });
    expect(await codeOf(service().update(as(manager), biller.id, { name: 'Again' }, 1))).toBe('VERSION_CONFLICT');
    const audit = (await staged(testDatabase, 'audit.recorded')).filter((record) => record.target?.id === biller.code && record.action === 'COD_BILLER_UPDATED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { name: biller.name, status: 'ACTIVE', version: 1 }, after: { name: 'Renamed', status: 'SUSPENDED', version: 2 } });
    await service().update(as(manager), biller.id, { status: 'CLOSED' }, 2);
    expect(await codeOf(service().update(as(manager), biller.id, { status: 'ACTIVE' }, 3))).toBe('INVALID_STATUS_CHANGE');
    const newDetails = { holderName: 'Closed', accountNumber: '123412341234', ifsc: 'HDFC0001234' };
    expect(await codeOf(service().requestBankChange(as(manager), biller.id, newDetails, 'closed'))).toBe('BILLER_CLOSED');
    expect(await codeOf(createContractService(billerDeps(testDatabase, clock)).createVersion(as(manager), biller.id, { effectiveFrom: '2026-12-01' }))).toBe('BILLER_CLOSED');
  });

  it('is BILLER_NOT_FOUND out of sight and FORBIDDEN to a reader', async () => {
    const biller = await service().register(as(manager), registration());
    expect(await codeOf(service().update(as(southManager), biller.id, { name: 'X' }, 1))).toBe('BILLER_NOT_FOUND');
    expect(await codeOf(service().update(as(bankReader), biller.id, { name: 'X' }, 1))).toBe('FORBIDDEN');
  });
});
