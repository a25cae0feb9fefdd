import { signIdentity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The office tree through the gateway, as the demo `admin` (ADMIN at the Delhi circle) and `clerk` (COUNTER_CLERK at
 * the New Delhi GPO) use it: create, query, move and close offices; the accounts subgraph follows the tree through
 * office events, and is asked about balances (service to service) before an office closes.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

const OFFICE_FIELDS = 'code name type status pin openedOn closedOn parent { code } accountOffice { code } ancestors { code } contact { phone email } deliveryShifts { morning evening sundays holidays }';

async function as(username: string, query: string, variables?: Record<string, unknown>) {
  return graphql(stack.gatewayUrl, query, { token: tokens[username]!, ...(variables ? { variables } : {}) });
}

async function db<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await stack.testDatabase.database.db.execute(query));
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['admin', 'clerk']) {
    const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
    tokens[username] = (response.data as any).login.token;
  }
}, 120_000);
afterAll(() => stack?.close());

const CREATE = `mutation($input: CreateOfficeInput!) { createOffice(input: $input) { ${OFFICE_FIELDS} } }`;

describe('an administrator manages the tree', () => {
  it('creates a head office, a sub office and a branch office under the division', async () => {
    const ho = await as('admin', CREATE, {
      input: { code: 'GOLHO', name: 'Gole Market HO', type: 'HEAD_OFFICE', parentCode: 'DL-NDC', pin: '110001', phone: '011-23344556' },
    });
    expect(ho.errors).toBeUndefined();
    expect(ho.data!.createOffice).toMatchObject({
      code: 'GOLHO',
      status: 'ACTIVE',
      pin: '110001',
      parent: { code: 'DL-NDC' },
      accountOffice: null,
      ancestors: [{ code: 'DL' }, { code: 'DL-NDC' }],
      contact: { phone: '011-23344556', email: null },
      deliveryShifts: { morning: true, evening: false, sundays: false, holidays: false },
    });
    const so = await as('admin', CREATE, { input: { code: 'GOLHO-BK', name: 'Bhai Veer Singh Marg SO', type: 'SUB_OFFICE', parentCode: 'GOLHO', pin: '110001' } });
    expect(so.data!.createOffice).toMatchObject({ accountOffice: { code: 'GOLHO' } });
    const bo = await as('admin', CREATE, {
      input: {
        code: 'GOLHO-BK-RK',
        name: 'Ram Krishna Ashram BO',
        type: 'BRANCH_OFFICE',
        parentCode: 'GOLHO-BK',
        pin: '110001',
        deliveryShifts: { morning: true, evening: false, sundays: true, holidays: false },
      },
    });
    expect(bo.data!.createOffice).toMatchObject({ accountOffice: { code: 'GOLHO-BK' }, ancestors: [{ code: 'DL' }, { code: 'DL-NDC' }, { code: 'GOLHO' }, { code: 'GOLHO-BK' }] });
    // The accounts subgraph hears office.created and opens the branch's cash accounts and its inter-office clearing.
    await waitFor(async () => ((await db(sql`select code from accounts.accounts where office_code = 'GOLHO-BK-RK'`)).length === 3 ? true : undefined), {
      what: 'the branch chart',
      timeoutMs: 20_000,
    });
  });

  it('refuses what the tree does not allow, with stable codes', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: 'GOLHO', name: 'Again', type: 'HEAD_OFFICE', parentCode: 'DL-NDC', pin: '110001' }, 'OFFICE_CODE_TAKEN'],
      [{ code: 'BADDIV', name: 'Division under an HO', type: 'DIVISION', parentCode: 'GOLHO' }, 'INVALID_OFFICE_TYPE_ORDER'],
      [{ code: 'BADBO', name: 'In account elsewhere', type: 'BRANCH_OFFICE', parentCode: 'GOLHO-BK', accountOfficeCode: 'NDGPO', pin: '110001' }, 'INVALID_ACCOUNT_OFFICE'],
      [{ code: 'NOPARENT', name: 'Orphan', type: 'SUB_OFFICE', parentCode: 'NOWHERE', pin: '110001' }, 'OFFICE_NOT_FOUND'],
      [{ code: 'BADPIN', name: 'Bad PIN', type: 'SUB_OFFICE', parentCode: 'GOLHO', pin: '012345' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) expect(errorCodes(await as('admin', CREATE, { input })), String(input.code)).toEqual([code]);
    const cycle = await as('admin', 'mutation { moveOffice(code: "DL-NDC", newParentCode: "GOLHO-BK") { code } }');
    expect(errorCodes(cycle)).toEqual(['MOVE_WOULD_CREATE_CYCLE']);
  });

  it('lists and filters offices, and pages children', async () => {
    const list = await as('admin', '{ offices(filter: { underCode: "DL-NDC", type: SUB_OFFICE, search: "marg" }) { edges { node { code name } } } }');
    expect(list.data!.offices.edges.map((edge: any) => edge.node.code)).toEqual(['GOLHO-BK']);
    const children = await as('admin', '{ office(code: "DL") { children(first: 1) { edges { node { code } } pageInfo { hasNextPage endCursor } } } }');
    const page = children.data!.office.children;
    expect(page.edges.map((edge: any) => edge.node.code)).toEqual(['DL-NDC']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await as('admin', 'query($after: String) { office(code: "DL") { children(first: 5, after: $after) { edges { node { code } } } } }', { after: page.pageInfo.endCursor });
    expect(next.data!.office.children.edges.map((edge: any) => edge.node.code)).toEqual(['DL-NWD']);
  });

  it('renames and updates an office', async () => {
    const renamed = await as('admin', 'mutation { renameOffice(code: "GOLHO", name: "Gole Market Head Office") { name } }');
    expect(renamed.data).toEqual({ renameOffice: { name: 'Gole Market Head Office' } });
    const updated = await as('admin', 'mutation($input: UpdateOfficeInput!) { updateOffice(code: "GOLHO", input: $input) { contact { phone email } address { line1 city state } } }', {
      input: { email: 'golemarket@indiapost.gov.in', phone: null, address: { line1: 'Gole Market', city: 'New Delhi', state: 'Delhi' } },
    });
    expect(updated.data).toEqual({
      updateOffice: { contact: { phone: null, email: 'golemarket@indiapost.gov.in' }, address: { line1: 'Gole Market', city: 'New Delhi', state: 'Delhi' } },
    });
    await waitFor(async () => ((await db<{ name: string }>(sql`select name from accounts.known_offices where code = 'GOLHO'`))[0]?.name === 'Gole Market Head Office' ? true : undefined), {
      what: 'the rename in accounts',
      timeoutMs: 20_000,
    });
  });

  it('moves the head office with everything under it to the other division; accounts follows', async () => {
    const moved = await as('admin', `mutation { moveOffice(code: "GOLHO", newParentCode: "DL-NWD") { ${OFFICE_FIELDS} } }`);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveOffice).toMatchObject({ parent: { code: 'DL-NWD' }, ancestors: [{ code: 'DL' }, { code: 'DL-NWD' }] });
    const branch = await as('admin', '{ office(code: "GOLHO-BK-RK") { ancestors { code } } }');
    expect(branch.data!.office.ancestors.map((office: any) => office.code)).toEqual(['DL', 'DL-NWD', 'GOLHO', 'GOLHO-BK']);
    const known = await waitFor(
      async () => {
        const rows = await db<{ code: string; path: string }>(sql`select code, path from accounts.known_offices where code like 'GOLHO%' order by code`);
        return rows.every((row) => row.path.startsWith('DL/DL-NWD/')) ? rows : undefined;
      },
      { what: 'known_offices to follow the move', timeoutMs: 20_000 },
    );
    expect(known).toEqual([
      { code: 'GOLHO', path: 'DL/DL-NWD/GOLHO' },
      { code: 'GOLHO-BK', path: 'DL/DL-NWD/GOLHO/GOLHO-BK' },
      { code: 'GOLHO-BK-RK', path: 'DL/DL-NWD/GOLHO/GOLHO-BK/GOLHO-BK-RK' },
    ]);
  });

  it('closes offices only when they are empty: children first, and not while the ledger holds a balance', async () => {
    const close = (code: string) => as('admin', 'mutation($code: ID!, $on: Date!) { closeOffice(code: $code, closedOn: $on) { code status closedOn } }', { code, on: todayInIndia() });
    expect(errorCodes(await close('GOLHO-BK'))).toEqual(['OFFICE_HAS_ACTIVE_CHILDREN']);
    // A balance the ledger holds (as a posting would leave it): administration asks accounts, over HTTP, and refuses.
    await db(sql`update accounts.accounts set debit_total = '500.00' where code = 'GOLHO-BK-RK:1100'`);
    const refused = await close('GOLHO-BK-RK');
    expect(errorCodes(refused)).toEqual(['OFFICE_HAS_OPEN_BALANCES']);
    expect(refused.errors![0]!.extensions).toMatchObject({ details: { accounts: ['GOLHO-BK-RK:1100'] } });
    await db(sql`update accounts.accounts set credit_total = '500.00' where code = 'GOLHO-BK-RK:1100'`);
    expect((await close('GOLHO-BK-RK')).data).toEqual({ closeOffice: { code: 'GOLHO-BK-RK', status: 'CLOSED', closedOn: todayInIndia() } });
    expect(errorCodes(await close('GOLHO-BK-RK'))).toEqual(['OFFICE_ALREADY_CLOSED']);
    expect((await close('GOLHO-BK')).data?.closeOffice.status).toBe('CLOSED');
    const closed = await as('admin', '{ offices(filter: { status: CLOSED }) { edges { node { code } } } }');
    expect(closed.data!.offices.edges.map((edge: any) => edge.node.code)).toEqual(['GOLHO-BK', 'GOLHO-BK-RK']);
    await waitFor(async () => ((await db<{ status: string }>(sql`select status from accounts.known_offices where code = 'GOLHO-BK'`))[0]?.status === 'CLOSED' ? true : undefined), {
      what: 'the close in accounts',
      timeoutMs: 20_000,
    });
  });

  it('audits every change', async () => {
    const rows = await waitFor(
      async () => {
        const found = await db<{ action: string; target_id: string; outcome: string; reason: string | null }>(
          sql`select action, target_id, outcome, reason from administration.audit_events
              where target_type = 'Office' and actor_username = 'admin' order by id`,
        );
        return found.some((row) => row.action === 'OFFICE_CLOSED' && row.target_id === 'GOLHO-BK' && row.outcome === 'SUCCESS') ? found : undefined;
      },
      { what: 'office audit events', timeoutMs: 20_000 },
    );
    // Refused attempts are audited too, with the code they were refused with.
    const refused = rows.filter((row) => row.outcome === 'FAILURE');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused).toContainEqual(expect.objectContaining({ action: 'OFFICE_CLOSED', reason: 'OFFICE_HAS_OPEN_BALANCES' }));
    expect(rows.filter((row) => row.outcome === 'SUCCESS').map((row) => `${row.action} ${row.target_id}`)).toEqual([
      'OFFICE_CREATED GOLHO',
      'OFFICE_CREATED GOLHO-BK',
      'OFFICE_CREATED GOLHO-BK-RK',
      'OFFICE_RENAMED GOLHO',
      'OFFICE_UPDATED GOLHO',
      'OFFICE_MOVED GOLHO',
      'OFFICE_CLOSED GOLHO-BK-RK',
      'OFFICE_CLOSED GOLHO-BK',
    ]);
  });
});

describe('a counter clerk is refused', () => {
  it('cannot create, rename, move or close, and cannot see the circle above them', async () => {
    const create = await as('clerk', CREATE, { input: { code: 'CLERKSO', name: 'Mine', type: 'SUB_OFFICE', parentCode: 'NDGPO', pin: '110001' } });
    expect(errorCodes(create)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('clerk', 'mutation { renameOffice(code: "NDGPO", name: "Clerk GPO") { name } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('clerk', 'mutation { renameOffice(code: "DL", name: "Clerk Circle") { name } }'))).toEqual(['OFFICE_NOT_FOUND']);
    expect(errorCodes(await as('clerk', 'mutation { moveOffice(code: "NDGPO-CP", newParentCode: "NDGPO") { code } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('clerk', 'mutation { closeOffice(code: "NDGPO-KB", closedOn: "2026-01-01") { code } }'))).toEqual(['FORBIDDEN']);
    const seen = await as('clerk', '{ office(code: "NDGPO") { ancestors { code } parent { code } } circle: office(code: "DL") { code } }');
    expect(seen.data).toEqual({ office: { ancestors: [], parent: null }, circle: null });
    const all = await as('clerk', '{ offices(filter: { search: "DL" }) { edges { node { code } } } }');
    expect(all.data!.offices.edges).toEqual([]);
  });
});

describe('the ledger status query is for services only', () => {
  it('is not in the gateway API at all', async () => {
    const response = await as('admin', '{ officeLedgerStatus(officeCode: "NDGPO") { hasOpenBalances } }');
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('answers FORBIDDEN to a staff identity sent straight to the accounts subgraph', async () => {
    const query = JSON.stringify({ query: '{ officeLedgerStatus(officeCode: "NDGPO") { hasOpenBalances } }' });
    const call = async (identity: Parameters<typeof signIdentity>[0]['identity']) => {
      const headers = signIdentity({ identity, requestId: 'scenario-ledger', clientAddress: undefined }, stack.secrets.identitySecret, { audience: 'accounts', body: query });
      const response = await fetch(stack.subgraphs.accounts.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: query });
      return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    };
    const staff = await call({ kind: 'staff', staffId: 'x', username: 'admin', roles: ['ADMIN'], officeCode: 'DL', officePath: 'DL', grants: [{ permission: 'ledger.read', scope: 'SUBTREE' }] });
    expect(staff.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const service = await call({ kind: 'service', service: 'administration' });
    expect(service.data).toEqual({ officeLedgerStatus: { hasOpenBalances: false } });
  });
});

function todayInIndia(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
