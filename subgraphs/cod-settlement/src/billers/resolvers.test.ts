import { createMemoryNonceStore, signIdentity, type Identity } from '@postal/auth';
import { createSubgraphServer, loadSubgraphTypeDefs, type RunningServer } from '@postal/server';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { rowsOf } from '@postal/db';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractService } from '../contracts/service.js';
import type { Context } from '../context.js';
import { createFeeService } from '../fees/service.js';
import { resolvers } from '../resolvers.js';
import { createBillerLoaders } from './loaders.js';
import { createBillerService } from './service.js';
import { billerDeps, identitySecret, recordingInbox, REAL_GSTINS, seedOffices, staff } from './test-support/fixtures.js';

/** The SDL and resolvers of billers and contracts over HTTP, as the gateway calls the subgraph (a signed identity). */
let testDatabase: TestDatabase;
let server: RunningServer;
const clock = () => new Date('2026-03-10T06:00:00Z');
const inbox = recordingInbox();
const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
  { permission: 'cod.bank.read', scope: 'SUBTREE' },
]);
const reader = staff('reader', 'DL-NDC', 'DL/DL-NDC', [{ permission: 'cod.read', scope: 'SUBTREE' }]);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
  const deps = billerDeps(testDatabase, clock, inbox.client);
  // The billers' and contracts' resolvers over HTTP; the other modules' services are not called here.
  const services = {
    fees: createFeeService({ database: testDatabase.database, clock, timeZone: 'Asia/Kolkata' }),
    billers: createBillerService(deps),
    contracts: createContractService(deps),
  } as Partial<Context['services']> as Context['services'];
  server = await createSubgraphServer<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    identitySecret,
    nonces: createMemoryNonceStore(),
    logger: pino({ level: 'silent' }),
    buildContext: (request) => ({ ...request, services, billerLoaders: createBillerLoaders(testDatabase.database.db) }),
    checkHealth: async () => {},
  }).listen(0, '127.0.0.1');
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await testDatabase?.drop();
});

async function ask(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }> {
  const body = JSON.stringify({ query, variables });
  const context = { identity, requestId: `req-${crypto.randomUUID()}`, clientAddress: undefined };
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signIdentity(context, identitySecret, { audience: 'cod-settlement', body }) }, body });
  return (await response.json()) as never;
}

const BILLER = `id code name type gstin status version settlementOfficeCode currency
  contact { name email phone }
  bankAccount { holderName accountNumber accountNumberMasked ifsc status activatedOn approvalRequest { id } }
  contract(onDate: "2026-03-10") { version effectiveFrom feeSource settlementCycleDays payoutWeekdays earlySettlement { days feePercent } maxArticleAmount { amount currency } feeRule { kind threshold } taxes { name percent } }
  contracts { version effectiveFrom }`;

const input = {
  name: 'Haat Online',
  type: 'ONDC',
  gstin: REAL_GSTINS[1],
  contact: { name: 'Ravi', email: 'ravi@haat.in', phone: '+919812345670' },
  settlementOfficeCode: 'NDGPO',
  bankAccount: { holderName: 'Haat Online LLP', accountNumber: '123456789012', ifsc: 'UTIB0000123' },
  contract: { earlySettlement: { days: 2 } },
};

describe('billers over GraphQL', () => {
  it('registers, reads (masked for a reader), lists, changes bank details and adds a contract version', async () => {
    const registered = await ask(manager, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { ${BILLER} } }`, { input });
    expect(registered.errors).toBeUndefined();
    const biller = registered.data.registerBiller;
    expect(biller).toMatchObject({
      type: 'ONDC',
      gstin: '29AAGCB7383J1Z4',
      contact: { phone: '+919812345670' },
      bankAccount: { accountNumber: '123456789012', accountNumberMasked: false, status: 'ACTIVE', activatedOn: '2026-03-10', approvalRequest: null },
      contract: { version: 1, effectiveFrom: '2026-03-10', feeSource: 'IN-COD-FEE-2017-07-01', settlementCycleDays: 8, payoutWeekdays: [1, 2, 3, 4, 5], earlySettlement: { days: 2, feePercent: '1' }, maxArticleAmount: { amount: '50000.00', currency: 'INR' }, feeRule: { kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS', threshold: '5000' }, taxes: [{ name: 'GST', percent: '18' }] },
      contracts: [{ version: 1, effectiveFrom: '2026-03-10' }],
    });
    const read = await ask(reader, `query($code: String!) { billerByCode(code: $code) { bankAccount { accountNumber accountNumberMasked } } }`, { code: biller.code });
    expect(read.data.billerByCode.bankAccount).toEqual({ accountNumber: '••••••••9012', accountNumberMasked: true });
    const listed = await ask(reader, `{ billers(filter: { type: ONDC }, first: 10) { edges { node { code contract { version } } } pageInfo { hasNextPage } } }`);
    expect(listed.data.billers.edges).toEqual([{ node: { code: biller.code, contract: { version: 1 } } }]);
    const entity = await ask(reader, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Biller { code } } }`, { r: [{ __typename: 'Biller', id: biller.id }] });
    expect(entity.data._entities).toEqual([{ code: biller.code }]);

    const change = await ask(manager, `mutation($id: ID!) { requestBillerBankChange(billerId: $id, bankAccount: { holderName: "Haat", accountNumber: "999988887777", ifsc: "UTIB0000999" }, reason: "new bank") {
      bankAccount { status accountNumber reason approvalRequest { id } } approvalRequest { id } biller { pendingBankChange { status } } } }`, { id: biller.id });
    expect(change.errors).toBeUndefined();
    expect(change.data.requestBillerBankChange).toEqual({
      bankAccount: { status: 'PENDING', accountNumber: '999988887777', reason: 'new bank', approvalRequest: { id: inbox.submissions.at(-1)!.id } },
      approvalRequest: { id: inbox.submissions.at(-1)!.id },
      biller: { pendingBankChange: { status: 'PENDING' } },
    });

    const version = await ask(manager, `mutation($id: ID!) { createContractVersion(billerId: $id, input: { effectiveFrom: "2026-04-01", maxArticleAmount: "25000", payoutWeekdays: [2, 4] }) { version maxArticleAmount { amount } payoutWeekdays earlySettlement { days } } }`, { id: biller.id });
    expect(version.data.createContractVersion).toEqual({ version: 2, maxArticleAmount: { amount: '25000.00' }, payoutWeekdays: [2, 4], earlySettlement: null });
    // A page reads its accounts and contracts through the request's loaders: each biller gets its own, on each date.
    await ask(manager, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id } }`, { input: { ...input, type: 'GEM', bankAccount: { ...input.bankAccount, ifsc: 'UTIB0000777' } } });
    const page = await ask(manager, `{ billers(first: 10) { edges { node { type bankAccount { ifsc } march: contract(onDate: "2026-03-20") { version } april: contract(onDate: "2026-04-15") { version } } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.data.billers.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { type: 'ONDC', bankAccount: { ifsc: 'UTIB0000123' }, march: { version: 1 }, april: { version: 2 } },
      { type: 'GEM', bankAccount: { ifsc: 'UTIB0000777' }, march: { version: 1 }, april: { version: 1 } },
    ]);

    const updated = await ask(manager, `mutation($id: ID!) { updateBiller(id: $id, input: { status: SUSPENDED }, expectedVersion: 1) { status version } }`, { id: biller.id });
    expect(updated.data.updateBiller).toEqual({ status: 'SUSPENDED', version: 2 });
  });

  it('answers refusals with their codes', async () => {
    const bad = await ask(manager, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id } }`, { input: { ...input, gstin: '29AAGCB7383J1Z5' } });
    expect(bad.errors?.map((error) => error.extensions?.code)).toEqual(['INVALID_GSTIN']);
    const forbidden = await ask(reader, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id } }`, { input });
    expect(forbidden.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const missing = await ask(manager, `mutation { updateBiller(id: "00000000-0000-4000-8000-000000000000", input: { name: "x" }, expectedVersion: 1) { id } }`);
    expect(missing.errors?.map((error) => error.extensions?.code)).toEqual(['BILLER_NOT_FOUND']);
    expect((await ask(manager, `{ biller(id: "nope") { id } }`)).data).toEqual({ biller: null });
  });
});

/** test/fuzz/values.ts's hostile values, sent by a caller who holds the permissions, so they reach the rules. */
const HOSTILE = ['\u0000', 'NDGPO\u0000x', '\uD800', 'a\uDFFFb', 'x'.repeat(100_000), '', "';--", '%_\\', 'not-a-uuid', '1e5', '1E-3', '-1', '99999999999999999999.999'];
const LEAVES: Array<[string, (value: string) => Record<string, unknown>]> = [
  ['name', (value) => ({ ...input, name: value })],
  ['gstin', (value) => ({ ...input, gstin: value })],
  ['contact.name', (value) => ({ ...input, contact: { ...input.contact, name: value } })],
  ['contact.email', (value) => ({ ...input, contact: { ...input.contact, email: value } })],
  ['contact.phone', (value) => ({ ...input, contact: { ...input.contact, phone: value } })],
  ['settlementOfficeCode', (value) => ({ ...input, settlementOfficeCode: value })],
  ['bankAccount.holderName', (value) => ({ ...input, bankAccount: { ...input.bankAccount, holderName: value } })],
  ['bankAccount.accountNumber', (value) => ({ ...input, bankAccount: { ...input.bankAccount, accountNumber: value } })],
  ['bankAccount.ifsc', (value) => ({ ...input, bankAccount: { ...input.bankAccount, ifsc: value } })],
  ['contract.maxArticleAmount', (value) => ({ ...input, contract: { maxArticleAmount: value } })],
  ['contract.earlySettlement.feePercent', (value) => ({ ...input, contract: { earlySettlement: { feePercent: value } } })],
  ['contract.feeRule.threshold', (value) => ({ ...input, contract: { feeRule: { threshold: value, percentUpToThreshold: '2', minimumFee: '50', baseAboveThreshold: '100', percentOfExcess: '1' } } })],
  ['contract.holidayCalendar', (value) => ({ ...input, contract: { holidayCalendar: value } })],
];

describe('hostile values from a caller allowed to register', () => {
  const count = async () => rowsOf<{ n: string }>(await testDatabase.database.db.execute(sql`select (select count(*) from cod.billers) + (select count(*) from cod.biller_bank_accounts) + (select count(*) from cod.contracts) as n`))[0]!.n;

  it('answer every leaf of registerBiller with a code (never INTERNAL_SERVER_ERROR), and a refusal writes nothing', async () => {
    const offences: string[] = [];
    for (const [leaf, build] of LEAVES) {
      for (const value of HOSTILE) {
        const before = await count();
        const answer = await ask(manager, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id } }`, { input: build(value) });
        const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
        if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)) offences.push(`${leaf} = ${JSON.stringify(value.slice(0, 20))}: ${codes.join(',')}`);
        if (codes.length > 0 && (await count()) !== before) offences.push(`${leaf} = ${JSON.stringify(value.slice(0, 20))}: refused but wrote rows`);
      }
    }
    expect(offences).toEqual([]);
  }, 120_000);

  it('answer the other mutations and the queries with a code too', async () => {
    const biller = (await ask(manager, `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id } }`, { input })).data.registerBiller;
    const offences: string[] = [];
    for (const value of HOSTILE) {
      const calls: Array<[string, Record<string, unknown>]> = [
        ['mutation($id: ID!, $v: String!) { requestBillerBankChange(billerId: $id, bankAccount: { holderName: $v, accountNumber: "123123123123", ifsc: "HDFC0001234" }, reason: $v) { approvalRequest { id } } }', { id: biller.id, v: value }],
        ['mutation($id: ID!, $v: String!) { updateBiller(id: $id, input: { name: $v }, expectedVersion: 99) { id } }', { id: biller.id, v: value }],
        ['mutation($id: ID!, $v: Date!) { createContractVersion(billerId: $id, input: { effectiveFrom: $v }) { id } }', { id: biller.id, v: value }],
        ['mutation($v: ID!) { createContractVersion(billerId: $v, input: { effectiveFrom: "2026-12-01" }) { id } }', { v: value }],
        ['query($v: ID!) { biller(id: $v) { id } }', { v: value }],
        ['query($v: String!) { billerByCode(code: $v) { id } }', { v: value }],
        ['query($v: String!) { billers(filter: { search: $v }) { edges { node { id } } } }', { v: value }],
        ['query($v: ID!) { billers(filter: { settlementOfficeCode: $v }) { edges { node { id } } } }', { v: value }],
        ['query($v: String) { billers(after: $v) { edges { node { id } } } }', { v: value }],
        ['query($id: ID!, $v: Date) { biller(id: $id) { contract(onDate: $v) { id } } }', { id: biller.id, v: value }],
      ];
      for (const [query, variables] of calls) {
        const codes = ((await ask(manager, query, variables)).errors ?? []).map((error) => error.extensions?.code);
        if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)) offences.push(`${query.slice(0, 60)} with ${JSON.stringify(value.slice(0, 20))}: ${codes.join(',')}`);
      }
    }
    expect(offences).toEqual([]);
  }, 120_000);
});
