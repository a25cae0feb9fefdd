/** A minimal GraphQL-over-HTTP client for scenario tests: what a browser or the console would send. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string>;
    /** Headers made from the exact body sent: a signed identity (signIdentity covers the body) for a direct call. */
    sign?: (body: string) => Record<string, string>;
  } = {},
): Promise<GraphQLResponse<T>> {
  const payload = JSON.stringify({ query, variables: options.variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
      ...options.sign?.(payload),
    },
    body: payload,
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}
