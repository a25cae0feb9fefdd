import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Identity } from '@postal/auth';
import type { Database, Db } from '@postal/db';
import { newEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { loadSubgraphTypeDefs } from '@postal/server';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { GraphQLSchema } from 'graphql';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDependencies, createContext } from '../context.js';
import { outbox, processedEvents } from '../db-schema.js';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from '../ledger-accounts/office-events.js';
import { resolvers } from '../resolvers.js';
import { createBusinessDayService } from './service.js';

/*
 * officesNotClosedThrough: the offices of a scope whose business day is still open on a date (the console's dashboard
 * asks it with the operator's today). The test ledger is C > D > HO1 (> SO1) and HO2, plus HO3 (added here); C and D
 * keep no ledger (no accounts) and close no day, so they are never listed.
 */
// @apollo/subgraph builds its schema with the CommonJS graphql; execute with the same copy (one graphql realm).
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

type Staff = Extract<Identity, { kind: 'staff' }>;
function staff(username: string, officeCode: string, officePath: string, grants: Staff['grants']): Staff {
  return { kind: 'staff', staffId: `00000000-0000-4000-8000-00000000000${username.length}`, username, roles: [], officeCode, officePath, grants };
}
const financeOfficer = staff('finance', 'D', 'C/D', [{ permission: 'ledger.read', scope: 'SUBTREE' }]);
const clerk = staff('clerk', 'HO1', 'C/D/HO1', [
  { permission: 'ledger.read', scope: 'OWN_OFFICE' },
  { permission: 'ledger.day.close', scope: 'OWN_OFFICE' },
]);
const admin = staff('admin', 'C', 'C', [{ permission: 'office.read', scope: 'SUBTREE' }]);
const settlement: Identity = { kind: 'service', service: 'cod-settlement' };
const context = (identity: Identity) => ({ identity, requestId: 'not-closed', clientAddress: '10.0.0.7' });

// 2026-11-20T06:00Z is the 20th in India.
const clock = () => new Date('2026-11-20T06:00:00Z');
let testDatabase: TestDatabase;
const service = () => createBusinessDayService({ database: testDatabase.database, clock });

async function codes(identity: Identity, date: string, underOfficeCode?: string) {
  const page = await service().officesNotClosedThrough(identity, { date, underOfficeCode }, 100, null);
  return page.edges.map((edge) => edge.node.code);
}

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  const consume = consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent });
  await consume(newEvent('office.created', { code: 'HO3', name: 'Office HO3', type: 'HEAD_OFFICE', parentCode: 'D', path: 'C/D/HO3' }, { source: 'administration' }));
  // HO1 has closed through the 19th, HO2 through the 20th (today), SO1 and HO3 never.
  await service().closeBusinessDay(context(settlement), 'HO1', '2026-11-19');
  await service().closeBusinessDay(context(settlement), 'HO2', '2026-11-20');
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('offices whose business day is not closed', () => {
  it('lists the offices of the scope that keep a ledger and have not closed through the date, by code', async () => {
    expect(await codes(financeOfficer, '2026-11-20')).toEqual(['HO1', 'HO3', 'SO1']);
    // Through the 19th HO1 is closed too; through the 21st nobody is.
    expect(await codes(financeOfficer, '2026-11-19')).toEqual(['HO3', 'SO1']);
    expect(await codes(financeOfficer, '2026-11-21')).toEqual(['HO1', 'HO2', 'HO3', 'SO1']);
    const page = await service().officesNotClosedThrough(financeOfficer, { date: '2026-11-20' }, 10, null);
    await expect(page.totalCount()).resolves.toBe(3);
  });

  it('keeps to the caller\'s ledger.read scope and to the subtree asked for', async () => {
    expect(await codes(clerk, '2026-11-21')).toEqual(['HO1']);
    expect(await codes(financeOfficer, '2026-11-21', 'HO1')).toEqual(['HO1', 'SO1']);
    // A subtree outside the clerk's scope shows nothing, nor does an office this ledger has not heard of.
    expect(await codes(clerk, '2026-11-21', 'HO2')).toEqual([]);
    const unknown = await service().officesNotClosedThrough(financeOfficer, { date: '2026-11-21', underOfficeCode: 'NOWHERE' }, 10, null);
    expect(unknown.edges).toEqual([]);
    await expect(unknown.totalCount()).resolves.toBe(0);
    // Without ledger.read (an administrator) there is nothing to see; a service sees every office.
    expect(await codes(admin, '2026-11-21')).toEqual([]);
    expect(await codes(settlement, '2026-11-21')).toEqual(['HO1', 'HO2', 'HO3', 'SO1']);
  });

  it('leaves out a closed office', async () => {
    await testDatabase.database.db.execute(sql`update accounts.known_offices set status = 'CLOSED' where code = 'HO3'`);
    try {
      expect(await codes(financeOfficer, '2026-11-20')).toEqual(['HO1', 'SO1']);
    } finally {
      await testDatabase.database.db.execute(sql`update accounts.known_offices set status = 'ACTIVE' where code = 'HO3'`);
    }
  });

  it('pages by keyset, the total staying that of the whole listing', async () => {
    const first = await service().officesNotClosedThrough(financeOfficer, { date: '2026-11-21' }, 3, null);
    expect(first.edges.map((edge) => edge.node.code)).toEqual(['HO1', 'HO2', 'HO3']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await service().officesNotClosedThrough(financeOfficer, { date: '2026-11-21' }, 3, first.pageInfo.endCursor);
    expect(second.edges.map((edge) => edge.node.code)).toEqual(['SO1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    await expect(second.totalCount()).resolves.toBe(4);
  });

  it('refuses what it cannot answer with stable codes', async () => {
    await expect(service().officesNotClosedThrough({ kind: 'anonymous' }, { date: '2026-11-20' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service().officesNotClosedThrough(financeOfficer, { date: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    await expect(service().officesNotClosedThrough(financeOfficer, { date: '2026-11-20' }, 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    await expect(service().officesNotClosedThrough(financeOfficer, { date: '2026-11-20' }, 10, 'junk')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

const QUERY = /* GraphQL */ `
  query NotClosed($date: Date!, $first: Int) {
    officesNotClosedThrough(date: $date, first: $first) {
      totalCount
      edges { node { code closedThrough } }
      pageInfo { hasNextPage }
    }
  }
`;

describe('officesNotClosedThrough through the schema', () => {
  it('answers each office with its closed day, and the total', async () => {
    const schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs('accounts'), resolvers: resolvers as never });
    const deps = contextDependencies({ database: testDatabase.database, clock, approvals: { submit: () => Promise.reject(new Error('no inbox here')) } });
    const contextValue = createContext(deps, { ...context(financeOfficer), logger: pino({ level: 'silent' }) });
    const result = await graphql({ schema, source: QUERY, variableValues: { date: '2026-11-21' }, contextValue });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      officesNotClosedThrough: {
        totalCount: 4,
        edges: [
          { node: { code: 'HO1', closedThrough: '2026-11-19' } },
          { node: { code: 'HO2', closedThrough: '2026-11-20' } },
          { node: { code: 'HO3', closedThrough: null } },
          { node: { code: 'SO1', closedThrough: null } },
        ],
        pageInfo: { hasNextPage: false },
      },
    });
  });

  // Counting needs the node-postgres driver (a real server): the embedded PGlite has no pool to count on.
  it.skipIf(!process.env.DATABASE_URL)('costs the same for a page of 2 and of 4: the closed days come with the page', async () => {
    let queries = 0;
    const pool = new pg.Pool({ connectionString: testDatabase.url!, max: 2 });
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        queries += 1;
        return query(...args);
      };
    });
    const database: Database = { db: drizzle(pool) as unknown as Db, kind: 'postgres', description: 'counted', close: () => pool.end() };
    try {
      const schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs('accounts'), resolvers: resolvers as never });
      const deps = contextDependencies({ database, clock, approvals: { submit: () => Promise.reject(new Error('no inbox here')) } });
      const count = async (first: number) => {
        const contextValue = createContext(deps, { ...context(financeOfficer), logger: pino({ level: 'silent' }) });
        queries = 0;
        const result = await graphql({ schema, source: QUERY, variableValues: { date: '2026-11-21', first }, contextValue });
        expect(result.errors).toBeUndefined();
        return queries;
      };
      const small = await count(2);
      const large = await count(4);
      expect(large).toBe(small);
      // The page and the total: nothing per office.
      expect(large).toBeLessThanOrEqual(2);
    } finally {
      await database.close();
    }
  });
});
