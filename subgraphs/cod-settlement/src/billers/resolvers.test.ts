import { createMemoryNonceStore, signIdentity, type Identity } from '@postal/auth';
import { createSubgraphServer, loadSubgraphTypeDefs, type RunningServer } from '@postal/server';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractService } from '../contracts/service.js';
import type { Context } from '../context.js';
import { createFeeService } from '../fees/service.js';
import { resolvers } from '../resolvers.js';
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
  const services: Context['services'] = {
    fees: createFeeService({ database: testDatabase.database, clock, timeZone: 'Asia/Kolkata' }),
    billers: createBillerService(deps),
    contracts: createContractService(deps),
  };
  server = await createSubgraphServer<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    identitySecret,
    nonces: createMemoryNonceStore(),
    logger: pino({ level: 'silent' }),
    buildContext: (request) => ({ ...request, services }),
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
    const listed = await ask(reader, `{ billers(filter: { type: ONDC }, first: 10) { edges { node { code } } pageInfo { hasNextPage } } }`);
    expect(listed.data.billers.edges).toEqual([{ node: { code: biller.code } }]);
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
