import { signIdentity } from '@postal/auth';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { loadApiSchema } from './api-schema.js';
import { differences, fingerprinter, type Fingerprint, type Fingerprinter } from './fingerprint.js';
import { describeCase, fuzzCases, type FuzzCase } from './operations.js';
import { inParallel } from './pool.js';

/**
 * Every Query and Mutation field the gateway serves, every String, ID, Decimal, Date and DateTime in its arguments
 * (inside input objects and lists too), each hostile value (values.ts), through the real gateway over HTTP as three
 * signed-in demo users with different rights, so that calls get past authorisation to the resolvers. The schema is
 * read from schema/supergraph.graphql, so operations added later are fuzzed without an edit here.
 *
 * Asserted: no answer is INTERNAL_SERVER_ERROR or an HTTP 5xx, and a refused mutation writes no row (row counts of
 * every subgraph table but the append-only ones that record refusals by design, before and after it).
 */
const USERS = ['admin', 'finance', 'clerk'] as const;
/** Queries read nothing they could spoil, so a few go at once; mutations go one at a time, between fingerprints. */
const QUERY_CONCURRENCY = 6;
const MUTATION_CONCURRENCY = 6;

let stack: TestStack;
let rows: Fingerprinter;
const tokens: Record<string, string> = {};

async function login(username: string): Promise<string> {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', {
    variables: { u: username },
  });
  const token = (response.data as { login?: { token?: string } } | null)?.login?.token;
  if (!token) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  return token;
}

/** Row counts once nothing is moving: two readings apart agree (events from a success may still be landing). */
async function settledFingerprint(): Promise<Fingerprint> {
  let previous = await rows.take();
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = await rows.take();
    if (differences(previous, current).length === 0) return current;
    previous = current;
  }
  throw new Error('the row counts did not settle within 3 seconds');
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of USERS) tokens[username] = await login(username);
  // The seed's offices reach accounts as events: wait for their charts, so those rows are not blamed on a call.
  await waitFor(
    async () => {
      const response = await graphql(stack.gatewayUrl, '{ account(code: "NDGPO:1100") { code } }', { token: tokens['finance']! });
      return (response.data as { account?: unknown } | null)?.account ? true : undefined;
    },
    { what: "NDGPO's ledger accounts", timeoutMs: 20_000 },
  );
  rows = await fingerprinter(stack.testDatabase.database);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

interface Offence {
  fuzzCase: FuzzCase;
  user: string;
  problem: string;
}

function problemsOf(response: GraphQLResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  for (const error of response.errors ?? []) {
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR (${error.message})`);
  }
  return problems;
}

function refused(response: GraphQLResponse, field: string): boolean {
  const data = response.data as Record<string, unknown> | null | undefined;
  return (response.errors?.length ?? 0) > 0 && (data?.[field] ?? null) === null;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** One line per case and problem, naming the users who met it. */
function report(offences: Offence[]): string {
  const grouped = new Map<string, string[]>();
  for (const offence of offences) {
    const key = `${describeCase(offence.fuzzCase)}: ${offence.problem}`;
    grouped.set(key, [...(grouped.get(key) ?? []), offence.user]);
  }
  const lines = [...grouped].map(([key, users]) => `${key} (as ${users.join(', ')})`);
  const shown = lines.slice(0, 300);
  return `${offences.length} offending answers, ${lines.length} distinct:\n${shown.join('\n')}${lines.length > shown.length ? `\n... and ${lines.length - shown.length} more` : ''}`;
}

/** FUZZ_FIELDS=a,b: only those root fields (a quick run over the operations one is working on); unset, all of them. */
const ONLY = process.env.FUZZ_FIELDS ? new Set(process.env.FUZZ_FIELDS.split(',').map((field) => field.trim())) : undefined;

describe('schema-driven fuzzing through the gateway', () => {
  const all = fuzzCases(loadApiSchema());
  const cases = ONLY ? all.filter((fuzzCase) => ONLY.has(fuzzCase.field)) : all;

  it('finds the operations to attack in the schema', () => {
    const fuzzed = new Set(cases.map((fuzzCase) => fuzzCase.field));
    // A sample known to be there: if the schema reading broke, the test below would pass having sent nothing.
    for (const field of ONLY ? [...ONLY] : ['login', 'postJournalEntry', 'reverseJournalEntry', 'captureHold', 'voidHold', 'offices', 'accountStatement']) {
      expect(fuzzed, field).toContain(field);
    }
  });

  it('answers every hostile value without a 500 and writes nothing when it refuses', async () => {
    const offences: Offence[] = [];
    const calls = (kind: FuzzCase['operation']) =>
      cases
        .filter((fuzzCase) => fuzzCase.operation === kind)
        .flatMap((fuzzCase, index) => (fuzzCase.anyUser ? [USERS[index % USERS.length]!] : USERS).map((user) => ({ fuzzCase, user })));
    const send = ({ fuzzCase, user }: { fuzzCase: FuzzCase; user: string }) =>
      graphql(stack.gatewayUrl, fuzzCase.query, { token: tokens[user]!, ...(fuzzCase.variables ? { variables: fuzzCase.variables } : {}) });

    await inParallel(calls('query'), QUERY_CONCURRENCY, async (call) => {
      const response = await send(call);
      for (const problem of problemsOf(response)) offences.push({ ...call, problem });
    });

    // Mutations go a few at a time between two fingerprints; when a batch moved the counts or did something, its
    // refused calls are sent again one by one, each between fingerprints of its own, to find the one that wrote.
    let before = await settledFingerprint();
    for (const batch of chunks(calls('mutation'), MUTATION_CONCURRENCY)) {
      const responses = await Promise.all(batch.map(send));
      batch.forEach((call, index) => {
        for (const problem of problemsOf(responses[index]!)) offences.push({ ...call, problem });
      });
      const refusedCalls = batch.filter((call, index) => refused(responses[index]!, call.fuzzCase.field));
      const after = await rows.take();
      if (refusedCalls.length === batch.length && differences(before, after).length === 0) {
        before = after;
        continue;
      }
      before = await settledFingerprint();
      for (const call of refusedCalls) {
        const response = await send(call);
        if (!refused(response, call.fuzzCase.field)) {
          before = await settledFingerprint();
          continue;
        }
        const alone = await rows.take();
        const changed = differences(before, alone);
        if (changed.length > 0) {
          offences.push({ ...call, problem: `refused (${response.errors?.[0]?.extensions?.code}) but wrote rows: ${changed.join(', ')}` });
        }
        before = alone;
      }
    }
    expect(offences, report(offences)).toEqual([]);
    // Every operation's every slot and value as three users: the time grows with the schema (COD added a few hundred
    // cases), and the machine is shared.
  }, 900_000);
});

/** What the input layer and the id checks answer, through the gateway: a clear code and the field, never a 500. */
describe('bad input gets a clear answer', () => {
  const as = (user: string, query: string, variables?: Record<string, unknown>) =>
    graphql(stack.gatewayUrl, query, { token: tokens[user]!, ...(variables ? { variables } : {}) });
  const firstError = (response: GraphQLResponse) => ({ code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field });
  const cursorOf = (key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

  /** The money-orders subgraph calling accounts as a signed service, as the hold operations are meant for. */
  async function asService(query: string, variables: Record<string, unknown>) {
    const body = JSON.stringify({ query, variables });
    const headers = signIdentity({ identity: { kind: 'service', service: 'money-orders' }, requestId: 'fuzz-edge', clientAddress: undefined }, stack.secrets.identitySecret, { audience: 'accounts', body });
    const response = await fetch(stack.subgraphs.accounts.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
  }

  it('refuses a NUL or a lone surrogate with BAD_USER_INPUT naming the variable path or the argument', async () => {
    const login = await graphql(stack.gatewayUrl, 'mutation($username: String!) { login(username: $username, password: "demo") { token } }', { variables: { username: 'admin\u0000' } });
    expect(firstError(login)).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
    const search = await as('admin', '{ offices(filter: { search: "Delhi\\u0000" }) { edges { node { code } } } }');
    expect(firstError(search)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const posting = await as('finance', 'mutation($input: PostJournalEntryInput!) { postJournalEntry(input: $input) { entry { id } } }', {
      input: { idempotencyKey: 'k', officeCode: 'NDGPO', description: 'd', source: { type: 'T', reference: 'r' }, postings: [{ accountCode: 'NDGPO:1100', side: 'DEBIT', amount: '1' }, { accountCode: 'NDGPO:\uD800', side: 'CREDIT', amount: '1' }] },
    });
    expect(firstError(posting)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.postings.1.accountCode' });
  });

  it('answers a literal a scalar refuses as it answers the same variable: BAD_USER_INPUT', async () => {
    for (const amount of ['1e5', '1E-3', 'x\\u0000']) {
      expect(errorCodes(await as('clerk', `{ moneyOrderQuote(amount: "${amount}") { tariffVersion } }`)), amount).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await as('clerk', 'query($amount: Decimal!) { moneyOrderQuote(amount: $amount) { tariffVersion } }', { amount: amount.replace('\\\\', '\\') })), amount).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers ids that are not UUIDs as not found', async () => {
    const reversal = await as('finance', 'mutation { reverseJournalEntry(id: "not-a-uuid", reason: "typo", idempotencyKey: "fuzz-edge-1") { entry { id } } }');
    expect(errorCodes(reversal)).toEqual(['ENTRY_NOT_FOUND']);
    const capture = await asService('mutation($input: CaptureHoldInput!) { captureHold(input: $input) { id } }', { input: { holdId: "'; drop table holds; --", idempotencyKey: 'fuzz-edge-2' } });
    expect(errorCodes(capture)).toEqual(['HOLD_NOT_FOUND']);
    const voided = await asService('mutation($id: ID!) { voidHold(id: $id, reason: "not needed") { id } }', { id: '' });
    expect(errorCodes(voided)).toEqual(['HOLD_NOT_FOUND']);
  });

  it('refuses a cursor that decodes to text no column holds', async () => {
    const response = await as('admin', 'query($after: String) { offices(after: $after) { edges { node { code } } } }', { after: cursorOf(['\u0000']) });
    expect(firstError(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers far-off dates with a clear code', async () => {
    for (const date of ['0001-01-01', '9999-12-31']) {
      const balance = await as('finance', `{ trialBalance(asOf: "${date}") { asOf } }`);
      expect(errorCodes(balance).filter((code) => code === 'INTERNAL_SERVER_ERROR'), date).toEqual([]);
    }
    // Closing year 1 is allowed (days may be skipped, and a day with nothing in it closes empty); the far future is not.
    const close = await as('finance', 'mutation { closeBusinessDay(officeCode: "NDGPO", date: "9999-12-31") { officeCode } }');
    expect(errorCodes(close)).toEqual(['DATE_NOT_CLOSABLE']);
  });

  it('counts the rows a mutation writes (the check above can fail)', async () => {
    const before = await settledFingerprint();
    const clerk = await as('admin', '{ staffMembers(filter: { search: "clerk.cp" }) { edges { node { username } } } }');
    expect(clerk.errors).toBeUndefined();
    const grant = await as('admin', 'mutation { grantRole(input: { username: "clerk.cp", role: ADMIN }) { id status } }');
    expect(grant.errors).toBeUndefined();
    expect(differences(before, await settledFingerprint())).toContainEqual(expect.stringMatching(/^administration\.approval_requests: \d+ -> \d+$/));
  });
});
