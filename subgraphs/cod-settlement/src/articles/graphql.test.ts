import { signIdentity, type Identity } from '@postal/auth';
import { InProcessJobQueue } from '@postal/jobs';
import { InProcessEventQueue } from '@postal/outbox';
import { createNonceStore, type RunningSubgraph } from '@postal/server';
import { createTestDatabase, freePort, waitFor, type TestDatabase } from '@postal/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodSettlement } from '../start.js';
import { articleNumber, BILLERS, clerk, financeOfficer, OFFICES, postman, seed, testClock } from './test-support/seed.js';

/**
 * The article, deposit and manifest operations through the subgraph's GraphQL (resolvers, scalars, the merged maps
 * and the job wiring of start.ts), signed as the gateway signs, on a real database.
 */
const SECRET = 'articles-graphql-test-secret-0123456789abcdef';
const logger = pino({ level: 'silent' });
let testDatabase: TestDatabase;
let subgraph: RunningSubgraph;
const jobs = new InProcessJobQueue({ logger, jobs: { attempts: 1 } });
const queue = new InProcessEventQueue({ logger });

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seed(testDatabase.database);
  subgraph = await startCodSettlement({
    database: testDatabase.database,
    queue,
    jobs,
    logger,
    identitySecret: SECRET,
    nonces: createNonceStore({ logger, prefix: 'articles-graphql-test' }),
    port: await freePort(),
    clock: testClock('2026-03-10T05:00:00Z'),
    timeZone: 'Asia/Kolkata',
  });
}, 60_000);
afterAll(async () => {
  await subgraph?.stop();
  await jobs.close();
  await queue.close();
  await testDatabase?.drop();
});

async function gql(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const headers = signIdentity({ identity, requestId: 'articles-graphql', clientAddress: undefined }, SECRET, { audience: 'cod-settlement', body });
  const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return (await response.json()) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const ARTICLE = 'articleNumber status codAmount { amount currency } deliveredOn timeline { type fromStatus toStatus postmanId beat reason actor } collection { amount { amount } mode differs postmanId depositId dueFrom }';

describe('articles through GraphQL', () => {
  it('registers, delivers, deposits and reads back with money as strings', async () => {
    const number = articleNumber(31_000);
    const registered = await gql(financeOfficer(), `mutation($input: RegisterCodArticleInput!) { registerCodArticle(input: $input) { ${ARTICLE} } }`, {
      input: { articleNumber: number, billerCode: BILLERS.active.code, codAmount: '640.00', bookingOfficeCode: OFFICES.head.code, deliveryOfficeCode: OFFICES.sub.code },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerCodArticle).toMatchObject({ status: 'REGISTERED', codAmount: { amount: '640.00', currency: 'INR' }, collection: null });
    const ram = postman();
    await gql(ram, 'mutation($n: ID!) { markOutForDelivery(articleNumber: $n, input: { postmanId: "PM-G1", beat: "Beat 1" }) { status } }', { n: number });
    const short = await gql(ram, `mutation($n: ID!) { recordDelivery(articleNumber: $n, input: { amount: "600", mode: CASH, podReference: "EPOD-9" }) { ${ARTICLE} } }`, { n: number });
    expect(short.errors).toBeUndefined();
    expect(short.data?.recordDelivery).toMatchObject({ status: 'DELIVERED', deliveredOn: '2026-03-10', collection: { amount: { amount: '600.00' }, mode: 'CASH', differs: true, postmanId: 'PM-G1' } });
    expect(short.data?.recordDelivery.timeline.map((event: { type: string }) => event.type)).toEqual(['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    const again = await gql(ram, 'mutation($n: ID!) { markOutForDelivery(articleNumber: $n, input: { postmanId: "PM-G1", beat: "B" }) { status } }', { n: number });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const sheet = await gql(clerk(), '{ postmanDaySheet(officeCode: "KRLBGH", postmanId: "PM-G1", date: "2026-03-10") { delivered { articleNumber } cashExpected { amount } } }');
    expect(sheet.data?.postmanDaySheet).toEqual({ delivered: [{ articleNumber: number }], cashExpected: { amount: '600.00' } });
    const deposit = await gql(clerk(), 'mutation { recordPostmanDeposit(input: { officeCode: "KRLBGH", postmanId: "PM-G1", depositedAmount: "600" }) { expected { amount } shortage { amount } collectionCount } }');
    expect(deposit.data?.recordPostmanDeposit).toEqual({ expected: { amount: '600.00' }, shortage: { amount: '0.00' }, collectionCount: 1 });
    const exceptions = await gql(financeOfficer(), '{ codExceptions(filter: { type: SHORT_COLLECTION }) { edges { node { type amount { amount } articleNumber billerCode } } pageInfo { hasNextPage } } }');
    expect(exceptions.data?.codExceptions).toEqual({ edges: [{ node: { type: 'SHORT_COLLECTION', amount: { amount: '40.00' }, articleNumber: number, billerCode: BILLERS.active.code } }], pageInfo: { hasNextPage: false } });
    const page = await gql(financeOfficer(), '{ codArticles(filter: { status: DELIVERED }, first: 5) { edges { node { articleNumber collection { depositId dueFrom } } } pageInfo { hasNextPage } } }');
    expect(page.data?.codArticles.edges[0].node).toMatchObject({ articleNumber: number, collection: { dueFrom: '2026-03-10' } });
    const deposits = await gql(financeOfficer(), '{ codDeposits(filter: { postmanId: "PM-G1" }) { edges { node { postmanId deposited { amount } depositedBy } } pageInfo { hasNextPage } } }');
    expect(deposits.data?.codDeposits).toEqual({ edges: [{ node: { postmanId: 'PM-G1', deposited: { amount: '600.00' }, depositedBy: 'clerk-sita' } }], pageInfo: { hasNextPage: false } });
  });

  it('takes a manifest as a job and shows its progress and row errors', async () => {
    const content = ['article_number,biller_code,cod_amount,booking_office,delivery_office,booked_on', `${articleNumber(32_000)},${BILLERS.active.code},99.00,NDGPO,KRLBGH,2026-03-09`, 'EE123456784IN,BL000001,10,NDGPO,KRLBGH,'].join('\n');
    const uploaded = await gql(financeOfficer(), 'mutation($input: UploadCodManifestInput!) { uploadCodManifest(input: $input) { id status totalRows } }', { input: { fileName: 'g.csv', content } });
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data?.uploadCodManifest).toMatchObject({ status: 'QUEUED', totalRows: 2 });
    const id = uploaded.data?.uploadCodManifest.id as string;
    const done = await waitFor(async () => {
      const answer = await gql(financeOfficer(), '{ codManifest(id: "' + id + '") { status progressPercent registeredCount rejectedCount errors { row field code } errorReportCsv } }');
      return answer.data?.codManifest?.status === 'DONE' ? answer.data.codManifest : undefined;
    }, { what: 'the manifest', timeoutMs: 20_000, intervalMs: 100 });
    expect(done).toMatchObject({ progressPercent: 100, registeredCount: 1, rejectedCount: 1, errors: [{ row: 2, field: 'article_number', code: 'INVALID_ARTICLE_NUMBER' }] });
    const list = await gql(financeOfficer(), '{ codManifests(first: 5) { edges { node { id fileName uploadedBy } } } }');
    expect(list.data?.codManifests.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
  });
});
