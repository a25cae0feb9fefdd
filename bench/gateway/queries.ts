import { isDeepStrictEqual } from 'node:util';
import type { Audience } from './signing.js';
import { LIST_DIVISION } from './database.js';

/**
 * The three queries, each as the gateway is asked it and as the subgraph requests the gateway's plan makes for it
 * (what @apollo/gateway 2.14's query planner sends, field for field; the entity fetches take the representations
 * the first fetch answered). "Direct" is those subgraph requests sent straight to the subgraphs, signed as the gateway
 * signs them: for a two-subgraph query, both of them, each loaded on its own (see bench/gateway.ts for how their
 * rates combine).
 */
export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface DirectStep {
  audience: Audience;
  body: GraphQLBody;
}

export interface Workload {
  key: 'oneSubgraph' | 'twoSubgraph' | 'entityList';
  title: string;
  /** Which demo login asks it. */
  user: 'clerk' | 'finance';
  gateway: GraphQLBody;
  /** The first subgraph request; the next ones are built from its answer. */
  first: DirectStep;
  /** The entity requests, from the first step's `data`. */
  then(firstData: unknown): DirectStep[];
  /** The gateway's `data` as the direct answers compose it (for the check that both fetch the same thing). */
  compose(answers: unknown[]): unknown;
}

const money = '{ amount currency }';

/** 1. One subgraph: a money-order quote, money-orders alone. */
const oneSubgraph: Workload = {
  key: 'oneSubgraph',
  title: 'moneyOrderQuote (money-orders)',
  user: 'clerk',
  gateway: {
    query: `query Quote($amount: Decimal!) { moneyOrderQuote(amount: $amount, product: ELECTRONIC) { product amount ${money} commission ${money} total ${money} tariffVersion } }`,
    variables: { amount: '2500' },
    operationName: 'Quote',
  },
  first: {
    audience: 'money-orders',
    body: {
      query: `query Quote__money_orders__0($amount: Decimal!) { moneyOrderQuote(amount: $amount, product: ELECTRONIC) { product amount ${money} commission ${money} total ${money} tariffVersion } }`,
      variables: { amount: '2500' },
      operationName: 'Quote__money_orders__0',
    },
  },
  then: () => [],
  compose: ([answer]) => answer,
};

interface MeData {
  me: { username: string; office: { __typename: 'Office'; code: string; name: string } };
}

/** 2. Two subgraphs: the signed-in clerk's office (administration) and its ledger accounts (accounts). */
const twoSubgraph: Workload = {
  key: 'twoSubgraph',
  title: 'me { office { ledgerAccounts } } (administration, accounts)',
  user: 'clerk',
  gateway: {
    query: `query MyOfficeLedger { me { username office { code name ledgerAccounts { code name balance ${money} } } } }`,
    operationName: 'MyOfficeLedger',
  },
  first: {
    audience: 'administration',
    body: {
      query: 'query MyOfficeLedger__administration__0 { me { username office { __typename code name } } }',
      operationName: 'MyOfficeLedger__administration__0',
    },
  },
  then: (data) => {
    const { office } = (data as MeData).me;
    return [
      {
        audience: 'accounts',
        body: {
          query: `query MyOfficeLedger__accounts__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Office { ledgerAccounts { code name balance ${money} } } } }`,
          variables: { representations: [{ __typename: office.__typename, code: office.code }] },
          operationName: 'MyOfficeLedger__accounts__1',
        },
      },
    ];
  },
  compose: ([first, entities]) => {
    const { me } = first as MeData;
    const [ledger] = (entities as { _entities: Array<{ ledgerAccounts: unknown }> })._entities;
    return { me: { username: me.username, office: { code: me.office.code, name: me.office.name, ledgerAccounts: ledger!.ledgerAccounts } } };
  },
};

interface OfficesData {
  offices: { edges: Array<{ node: { __typename: 'Office'; code: string; name: string; type: string } }> };
}

/**
 * 3. Entity-heavy: 100 offices of a division (administration), each with its ledger accounts (accounts). The accounts'
 * scalar fields only: with `balance { amount currency }` the query is one level deeper and over the production cost
 * limit (5,675 against 5,000: armor's cost grows by 1.5 a level, not with the page size).
 */
const LIST_SIZE = 100;
const entityList: Workload = {
  key: 'entityList',
  title: `offices(first: ${LIST_SIZE}) { ledgerAccounts } (administration, accounts)`,
  user: 'finance',
  gateway: {
    query: `query DivisionLedgers($under: ID!) { offices(filter: { underCode: $under }, first: ${LIST_SIZE}) { edges { node { code name type ledgerAccounts { code name status currency } } } } }`,
    variables: { under: LIST_DIVISION },
    operationName: 'DivisionLedgers',
  },
  first: {
    audience: 'administration',
    body: {
      query: `query DivisionLedgers__administration__0($under: ID!) { offices(filter: { underCode: $under }, first: ${LIST_SIZE}) { edges { node { __typename code name type } } } }`,
      variables: { under: LIST_DIVISION },
      operationName: 'DivisionLedgers__administration__0',
    },
  },
  then: (data) => [
    {
      audience: 'accounts',
      body: {
        query: `query DivisionLedgers__accounts__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Office { ledgerAccounts { code name status currency } } } }`,
        variables: { representations: (data as OfficesData).offices.edges.map(({ node }) => ({ __typename: node.__typename, code: node.code })) },
        operationName: 'DivisionLedgers__accounts__1',
      },
    },
  ],
  compose: ([first, entities]) => {
    const ledgers = (entities as { _entities: Array<{ ledgerAccounts: unknown }> })._entities;
    return {
      offices: {
        edges: (first as OfficesData).offices.edges.map(({ node }, i) => ({
          node: { code: node.code, name: node.name, type: node.type, ledgerAccounts: ledgers[i]!.ledgerAccounts },
        })),
      },
    };
  },
};

export const WORKLOADS: readonly Workload[] = [oneSubgraph, twoSubgraph, entityList];
export { LIST_SIZE };

/** Whether the gateway's answer is the direct answers composed: both ways must fetch the same data. */
export function sameData(gatewayData: unknown, composed: unknown): boolean {
  return isDeepStrictEqual(gatewayData, composed);
}
