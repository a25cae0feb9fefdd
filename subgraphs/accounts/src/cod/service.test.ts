import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Identity } from '@postal/auth';
import { loadSubgraphTypeDefs } from '@postal/server';
import type { TestDatabase } from '@postal/testkit';
import type { GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDependencies, createContext } from '../context.js';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { createAccountService } from '../ledger-accounts/service.js';
import { createLoaders } from '../loaders.js';
import { resolvers } from '../resolvers.js';
import { createCodLedgerService, MAX_NAMED_BILLERS } from './service.js';
import { billerCode, collected, deliverer, NOW, settled } from './test-support/movements.js';

/*
 * codPayableBalances, cod-settlement's question for its reconciliation, and the three-part biller accounts read where
 * any account is read (account, accountStatement, trialBalance), through the subgraph's schema as the gateway calls it.
 */
// @apollo/subgraph builds its schema with the CommonJS graphql; execute with the same copy (one graphql realm).
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let testDatabase: TestDatabase;
let schema: GraphQLSchema;
const YESTERDAY = '2026-11-19';
const codSettlement: Identity = { kind: 'service', service: 'cod-settlement' };
const financeOfficer: Identity = {
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000001',
  username: 'finance',
  roles: [],
  officeCode: 'D',
  officePath: 'C/D',
  grants: [{ permission: 'ledger.read', scope: 'SUBTREE' }],
};
const [owed, settledInFull, notCollected] = [billerCode(), billerCode(), billerCode()];

const service = () => createCodLedgerService(testDatabase.database, { loaders: createLoaders(testDatabase.database.db) });

async function query(identity: Identity, source: string, variableValues: Record<string, unknown> = {}) {
  const deps = contextDependencies({ database: testDatabase.database, clock: () => NOW, approvals: { submit: () => Promise.reject(new Error('no inbox here')) } });
  const contextValue = createContext(deps, { identity, requestId: 'cod-balances', clientAddress: '10.0.0.9', logger: pino({ level: 'silent' }) });
  return graphql({ schema, source, variableValues, contextValue });
}

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs('accounts'), resolvers: resolvers as never });
  const deliver = deliverer(testDatabase);
  // At HO1: `owed` 400.00 yesterday and 250.50 today; `settledInFull` collected 100.00 and settled it today.
  await deliver(collected({ billerCode: owed, amount: '400.00', businessDate: YESTERDAY }));
  await deliver(collected({ billerCode: owed, amount: '250.50', officeCode: 'SO1' }));
  await deliver(collected({ billerCode: settledInFull, amount: '100.00', businessDate: YESTERDAY }));
  await deliver(settled({ billerCode: settledInFull, gross: '100.00', fee: '2.00', tax: '0.36', net: '97.64' }));
  // At HO2, a biller of its own (not HO1's).
  await deliver(collected({ billerCode: billerCode(), settlementOfficeCode: 'HO2', officeCode: 'HO2', amount: '9.00' }));
}, 60_000);
afterAll(() => testDatabase?.drop());

const inr = (amount: string) => ({ amount, currency: 'INR' });

describe('codPayableBalances', () => {
  it('answers every biller with an account at the settlement office, by code, credits less debits', async () => {
    expect(await service().codPayableBalances(codSettlement, { settlementOfficeCode: 'HO1' })).toEqual(
      [
        { billerCode: owed, accountCode: `HO1:2200:${owed}`, balance: inr('650.50') },
        { billerCode: settledInFull, accountCode: `HO1:2200:${settledInFull}`, balance: inr('0.00') },
      ].sort((a, b) => a.billerCode.localeCompare(b.billerCode)),
    );
  });

  it('answers the billers named, each (zero for one with no account yet), and as of the end of a date', async () => {
    const named = await service().codPayableBalances(codSettlement, { settlementOfficeCode: 'HO1', billerCodes: [notCollected, owed, owed] });
    expect(named).toEqual(
      [
        { billerCode: notCollected, accountCode: `HO1:2200:${notCollected}`, balance: inr('0.00') },
        { billerCode: owed, accountCode: `HO1:2200:${owed}`, balance: inr('650.50') },
      ].sort((a, b) => a.billerCode.localeCompare(b.billerCode)),
    );
    const yesterday = await service().codPayableBalances(codSettlement, { settlementOfficeCode: 'HO1', billerCodes: [owed, settledInFull], asOf: YESTERDAY });
    expect(yesterday.map((row) => [row.billerCode, row.balance.amount])).toEqual(
      [
        [owed, '400.00'],
        [settledInFull, '100.00'],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    );
    expect(await service().codPayableBalances(codSettlement, { settlementOfficeCode: 'HO1', billerCodes: [] })).toEqual([]);
  });

  it('refuses every caller but cod-settlement, and input it cannot answer', async () => {
    const ask = (identity: Identity, overrides: Record<string, unknown> = {}) => service().codPayableBalances(identity, { settlementOfficeCode: 'HO1', ...overrides });
    await expect(ask({ kind: 'service', service: 'money-orders' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ask(financeOfficer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ask({ kind: 'anonymous' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(ask(codSettlement, { settlementOfficeCode: 'NOWHERE' })).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    await expect(ask(codSettlement, { billerCodes: ['BL12345'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'billerCodes' });
    await expect(ask(codSettlement, { billerCodes: ["BL000001' or true --"] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ask(codSettlement, { billerCodes: Array.from({ length: MAX_NAMED_BILLERS + 1 }, () => owed) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ask(codSettlement, { asOf: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  it('is answered through the schema to cod-settlement, and FORBIDDEN there to staff', async () => {
    const source = `query ($office: ID!, $billers: [ID!], $asOf: Date) {
      codPayableBalances(settlementOfficeCode: $office, billerCodes: $billers, asOf: $asOf) { billerCode accountCode balance { amount currency } }
    }`;
    const answered = await query(codSettlement, source, { office: 'HO1', billers: [owed], asOf: TODAY });
    expect(answered.errors).toBeUndefined();
    expect(answered.data).toEqual({ codPayableBalances: [{ billerCode: owed, accountCode: `HO1:2200:${owed}`, balance: { amount: '650.50', currency: 'INR' } }] });
    const refused = await query(financeOfficer, source, { office: 'HO1' });
    // Executed raw, the error is the service's own (the server's error formatting turns its code into extensions.code).
    expect(refused.errors?.map((error) => (error.originalError as { code?: string } | undefined)?.code)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
  });
});

describe('a biller\'s account where accounts are read', () => {
  it('is found by its three-part code, with its statement and its line in the trial balance', async () => {
    const code = `HO1:2200:${owed}`;
    const result = await query(
      financeOfficer,
      `query ($code: ID!, $from: Date!, $to: Date!) {
        account(code: $code) { code type officeCode }
        accountStatement(accountCode: $code, from: $from, to: $to) {
          openingBalance { amount } closingBalance { amount } edges { node { side amount { amount } } }
        }
        trialBalance(asOf: $to, officeCode: "HO1") { balanced lines { accountCode creditBalance { amount } } }
      }`,
      { code, from: TODAY, to: TODAY },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      account: unknown;
      accountStatement: unknown;
      trialBalance: { balanced: boolean; lines: Array<{ accountCode: string; creditBalance: { amount: string } }> };
    };
    expect(data.account).toEqual({ code, type: 'LIABILITY', officeCode: 'HO1' });
    expect(data.accountStatement).toEqual({
      openingBalance: { amount: '400.00' },
      closingBalance: { amount: '650.50' },
      edges: [{ node: { side: 'CREDIT', amount: { amount: '250.50' } } }],
    });
    expect(data.trialBalance.balanced).toBe(true);
    expect(data.trialBalance.lines.filter((line) => line.accountCode === code)).toEqual([{ accountCode: code, creditBalance: { amount: '650.50' } }]);
  });

  it('cannot be opened by hand (openAccount takes at most one colon), so nobody opens one before the ledger does with other rules', async () => {
    const accounts = createAccountService(testDatabase.database, { clock: () => NOW });
    const input = {
      code: `HO1:2200:${notCollected}`,
      name: 'A biller opened by hand',
      type: 'LIABILITY',
      kind: 'DETAIL',
      headCode: '2200',
      officeCode: 'HO1',
      balanceConstraint: 'NONE',
      allowManualEntries: true,
    } as const;
    await expect(accounts.openAccount({ identity: { kind: 'service', service: 'cod-settlement' }, requestId: 'r', clientAddress: undefined }, input)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
  });
});
