import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Identity } from '@postal/auth';
import type { Database, Db } from '@postal/db';
import { loadSubgraphTypeDefs } from '@postal/server';
import type { TestDatabase } from '@postal/testkit';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { GraphQLSchema } from 'graphql';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { contextDependencies, createContext, type ContextDependencies } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { createLedgerDatabase, key, TODAY } from './journal/test-support/ledger.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './ledger-accounts/office-events.js';
import { createJournalService } from './journal/service.js';
import { resolvers } from './resolvers.js';

/*
 * What a page costs in SQL round trips, through the subgraph's schema and resolvers as a request runs them (its own
 * context, so its own loaders), on real PostgreSQL. Every query the subgraph sends is counted at the pg client. A page
 * of 10 and a page of 100 must cost the same: the lines' entries, their postings' accounts, the entries' chain hashes
 * and reversals, and the headers' children are each loaded once per page, not once per row.
 * And a command clears them, so what a request wrote is what its later fields read.
 */
// @apollo/subgraph builds its schema with the CommonJS graphql; execute with the same copy (one graphql realm).
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const NOW = new Date('2026-11-20T06:00:00Z'); // business date 2026-11-20 (TODAY) in Asia/Kolkata
const reader: Identity = {
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000001',
  username: 'finance',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'C',
  officePath: 'C',
  grants: [{ permission: 'ledger.read', scope: 'SUBTREE' }],
};

let testDatabase: TestDatabase;
let pool: pg.Pool;
let counted: Database;
let queries = 0;
let schema: GraphQLSchema;
let deps: ContextDependencies;

/** A Database whose every round trip is counted: each pooled client's query() is wrapped as it connects. */
function countingDatabase(url: string): Database {
  pool = new pg.Pool({ connectionString: url, max: 4 });
  // The test database is dropped WITH (FORCE) at the end: a connection it ends then is expected, not a failure.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      queries += 1;
      return query(...args);
    };
  });
  return { db: drizzle(pool) as unknown as Db, kind: 'postgres', description: 'counted', close: () => pool.end() };
}

async function countQueries(source: string, variableValues: Record<string, unknown>, identity: Identity = reader): Promise<{ count: number; data: unknown }> {
  const context = createContext(deps, { identity, requestId: 'count', clientAddress: undefined, logger: pino({ level: 'silent' }) });
  queries = 0;
  const result = await graphql({ schema, source, variableValues, contextValue: context });
  const count = queries;
  expect(result.errors).toBeUndefined();
  return { count, data: result.data };
}

const STATEMENT = /* GraphQL */ `
  query Statement($code: ID!, $from: Date!, $to: Date!, $first: Int) {
    accountStatement(accountCode: $code, from: $from, to: $to, first: $first) {
      account { code balance { amount } }
      openingBalance { amount }
      closingBalance { amount }
      edges {
        cursor
        node {
          amount { amount }
          runningBalance { amount }
          entry {
            id
            sequence
            chainHash
            reverses { id }
            reversedBy { id }
            postings { line amount { amount } account { code name balance { amount } available { amount } } }
          }
        }
      }
    }
  }
`;

const ACCOUNTS = /* GraphQL */ `
  query Accounts($first: Int) {
    accounts(first: $first) {
      edges { node { code balance { amount } available { amount } children { code balance { amount } } } }
    }
  }
`;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  // More head offices, so the chart holds well over 100 accounts (15 headers and 10 or so accounts per office).
  const consume = consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent });
  for (let n = 3; n <= 12; n += 1) {
    await consume(newEvent('office.created', { code: `HO${n}`, name: `Office HO${n}`, type: 'HEAD_OFFICE', parentCode: 'D', path: `C/D/HO${n}` }, { source: 'administration' }));
  }
  // 120 entries on HO1's cash, each against a different account of the office, and a reversal of the first.
  const journal = createJournalService(testDatabase.database, { clock: () => NOW });
  const service = { identity: { kind: 'service', service: 'money-orders' } as const, requestId: 'seed', clientAddress: undefined };
  const others = ['HO1:2100', 'HO1:2200', 'HO1:2300', 'HO1:4100', 'HO1:4200'];
  const posted = await journal.postJournalEntries(
    service,
    Array.from({ length: 120 }, (_, n) => ({
      idempotencyKey: key('count'),
      officeCode: 'HO1',
      effectiveDate: TODAY,
      description: `entry ${n}`,
      source: { type: 'TEST', reference: null },
      postings: [
        { accountCode: 'HO1:1100', side: 'DEBIT' as const, amount: '10.00' },
        { accountCode: others[n % others.length]!, side: 'CREDIT' as const, amount: '10.00' },
      ],
    })),
  );
  await journal.reverseJournalEntry(service, { id: posted[0]!.entry.id, reason: 'count', idempotencyKey: key('reversal') });

  if (!testDatabase.url) return;
  counted = countingDatabase(testDatabase.url);
  deps = contextDependencies({ database: counted, clock: () => NOW, approvals: { submit: () => Promise.reject(new Error('no inbox here')) } });
  schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs('accounts'), resolvers: resolvers as never });
}, 120_000);
afterAll(async () => {
  await counted?.close();
  await testDatabase?.drop();
});

// Counting needs the node-postgres driver (a real server): the embedded PGlite has no pool to count on.
describe.skipIf(!process.env.DATABASE_URL)('queries per page, with DataLoaders per request', () => {
  it('a statement page costs the same for 10 lines and for 100, each line with its entry, postings and accounts', async () => {
    const variables = { code: 'HO1:1100', from: TODAY, to: TODAY };
    const small = await countQueries(STATEMENT, { ...variables, first: 10 });
    const large = await countQueries(STATEMENT, { ...variables, first: 100 });
    const edges = (large.data as { accountStatement: { edges: Array<{ node: { entry: { postings: Array<{ account: { code: string } | null }> } | null } }> } }).accountStatement.edges;
    // Everything asked for was there: 100 lines, each with its entry and both postings' accounts.
    expect(edges).toHaveLength(100);
    expect(edges.every((edge) => edge.node.entry !== null && edge.node.entry.postings.every((posting) => posting.account !== null))).toBe(true);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(15);
  });

  it('the console\'s statement page (its own operation, each line with its entry) costs the same for 100 lines as for 10', async () => {
    // The console's document as committed (console/src/screens/ledger): a change to the screen's query is counted too.
    const consoleStatement = readFileSync(new URL('../../../console/src/screens/ledger/ledger-statement.graphql', import.meta.url), 'utf8');
    const variables = { accountCode: 'HO1:1100', from: TODAY, to: TODAY };
    const small = await countQueries(consoleStatement, { ...variables, first: 10 });
    const large = await countQueries(consoleStatement, { ...variables, first: 100 });
    const edges = (large.data as { accountStatement: { edges: Array<{ node: { entry: { sequence: string; source: { type: string } } | null } }> } }).accountStatement.edges;
    expect(edges).toHaveLength(100);
    expect(edges.every((edge) => edge.node.entry?.source.type === 'TEST')).toBe(true);
    // The statement's own reads (account, opening and closing balances, the page) and one for the lines' entries
    // with their postings, plus the office path the scope check needs.
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(7);
  });

  it('a trial balance costs the same for a subtree of many accounts as for one office, each line with its account', async () => {
    const trial = /* GraphQL */ `
      query Trial($office: ID) {
        trialBalance(asOf: "${TODAY}", officeCode: $office) { totalDebit { amount } lines { accountCode account { code name type officeCode } debitBalance { amount } } }
      }
    `;
    const office = await countQueries(trial, { office: 'HO2' });
    const subtree = await countQueries(trial, { office: 'C' });
    const lines = (subtree.data as { trialBalance: { lines: Array<{ account: { code: string } | null }> } }).trialBalance.lines;
    expect(lines.length).toBeGreaterThan((office.data as { trialBalance: { lines: unknown[] } }).trialBalance.lines.length);
    expect(lines.every((line) => line.account !== null)).toBe(true);
    expect(subtree.count).toBe(office.count);
  });

  it('a list of 100 accounts with their balances and children costs the same as a list of 10', async () => {
    const small = await countQueries(ACCOUNTS, { first: 10 });
    const large = await countQueries(ACCOUNTS, { first: 100 });
    const nodes = (large.data as { accounts: { edges: Array<{ node: { code: string; children: Array<{ code: string }> } }> } }).accounts.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(100);
    // The headers' children were resolved (the cash header holds every office's cash account).
    expect(nodes.find((node) => node.code === '1100')?.children.length).toBeGreaterThan(10);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it('the accounts a screen names (a journal\'s postings) come in one page, for 2 codes as for 50', async () => {
    const named = /* GraphQL */ `
      query Named($codes: [ID!]) {
        accounts(filter: { codes: $codes }, first: 100) { edges { node { code currency balance { amount } } } }
      }
    `;
    const codes = (count: number) => Array.from({ length: count }, (_, n) => `HO${(n % 12) + 1}:${['1100', '2100', '4100', '4200'][Math.floor(n / 12)]}`);
    const small = await countQueries(named, { codes: ['HO1:1100', 'HO1:2100', 'HO1:1100'] });
    const large = await countQueries(named, { codes: [...codes(48), 'NOWHERE:1100'] });
    const found = (result: { data: unknown }) => (result.data as { accounts: { edges: Array<{ node: { code: string; currency: string } }> } }).accounts.edges.map((edge) => edge.node.code);
    expect(found(small)).toEqual(['HO1:1100', 'HO1:2100']);
    expect(found(large)).toEqual([...codes(48)].sort());
    expect(large.count).toBe(small.count);
    expect((await countQueries(named, { codes: [] })).data).toEqual({ accounts: { edges: [] } });
    const context = createContext(deps, { identity: reader, requestId: 'count', clientAddress: undefined, logger: pino({ level: 'silent' }) });
    const tooMany = await graphql({ schema, source: named, variableValues: { codes: codes(48).concat(codes(48), codes(5)) }, contextValue: context });
    // The subgraph's error formatting is the server's; here the thrown error itself carries the code and field.
    expect(tooMany.errors?.[0]?.originalError).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.codes' });
  });

  it('offices resolved for another subgraph\'s page (_entities) cost the same for 3 and for 12, with accounts and closed day', async () => {
    const entities = /* GraphQL */ `
      query Offices($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Office { code closedThrough ledgerAccounts { code balance { amount } } } }
      }
    `;
    const offices = (count: number) => ({ representations: Array.from({ length: count }, (_, n) => ({ __typename: 'Office', code: `HO${n + 1}` })) });
    const small = await countQueries(entities, offices(3));
    const large = await countQueries(entities, offices(12));
    const found = (large.data as { _entities: Array<{ ledgerAccounts: unknown[] }> })._entities;
    expect(found).toHaveLength(12);
    expect(found.every((office) => office.ledgerAccounts.length > 0)).toBe(true);
    expect(large.count).toBe(small.count);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('loaders within one request', () => {
  it('forget what they loaded once a command commits: a second mutation of the request reads the first one\'s balances', async () => {
    // Two postings in one request; each answer shows cash's balance. Run in order, the second must see both.
    const posting = (name: string) => `
      ${name}: postJournalEntry(input: {
        idempotencyKey: "${key('two')}", officeCode: "HO2", description: "${name}", source: { type: "TEST" },
        postings: [{ accountCode: "HO2:1100", side: DEBIT, amount: "7.00" }, { accountCode: "HO2:4100", side: CREDIT, amount: "7.00" }]
      }) { entry { postings { account { code balance { amount } } } } }`;
    const { data } = await countQueries(`mutation { ${posting('first')} ${posting('second')} }`, {}, { kind: 'service', service: 'money-orders' });
    const cash = (answer: { entry: { postings: Array<{ account: { code: string; balance: { amount: string } } }> } }) =>
      answer.entry.postings.find((line) => line.account.code === 'HO2:1100')!.account.balance.amount;
    const answers = data as Record<'first' | 'second', Parameters<typeof cash>[0]>;
    expect([cash(answers.first), cash(answers.second)]).toEqual(['7.00', '14.00']);
  });
});
