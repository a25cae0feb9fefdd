/**
 * The API alone, for context next to the browser's figures: the same statement pages the console asks for (its
 * LedgerStatement selection, 500 lines), straight to the gateway's /graphql with a Bearer token.
 */
const STATEMENT_QUERY = `query ($accountCode: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
  accountStatement(accountCode: $accountCode, from: $from, to: $to, first: $first, after: $after) {
    openingBalance { amount } closingBalance { amount }
    edges { cursor node { entryId effectiveDate description side amount { amount currency } runningBalance { amount currency } entry { id sequence source { type reference } } } }
    pageInfo { hasNextPage endCursor } } }`;

async function post<T>(gateway: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const answer = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await answer.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!body.data || body.errors?.length) throw new Error(`the API answered ${answer.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export async function apiLogin(gateway: string, username: string, password: string): Promise<string> {
  return (await post<{ login: { token: string } }>(gateway, 'mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}', { u: username, p: password })).login.token;
}

interface StatementPage {
  ms: number;
  lines: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export async function apiStatementPage(gateway: string, token: string, variables: Record<string, unknown>): Promise<StatementPage> {
  const started = performance.now();
  const data = await post<{ accountStatement: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(gateway, STATEMENT_QUERY, variables, token);
  return { ms: performance.now() - started, lines: data.accountStatement.edges.length, ...data.accountStatement.pageInfo };
}

/** Walks the statement page by page to the cursor the last page is asked for with (null when there is one page). */
export async function lastPageCursor(gateway: string, token: string, variables: Record<string, unknown>): Promise<{ cursor: string | null; pages: number; lines: number }> {
  let cursor: string | null = null;
  let lines = 0;
  for (let pages = 1; ; pages += 1) {
    const page = await apiStatementPage(gateway, token, { ...variables, after: cursor });
    lines += page.lines;
    if (!page.hasNextPage) return { cursor, pages, lines };
    cursor = page.endCursor;
  }
}
