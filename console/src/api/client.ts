import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

/**
 * Every request the console makes carries this header: the gateway refuses a cookie-authenticated request without
 * it (CSRF prevention: a page on another site can send the cookie but cannot set a custom header without a preflight
 * the gateway does not allow).
 */
export const CSRF_HEADER = { 'x-graphql-csrf': '1' } as const;

/**
 * urql, with its document cache: results are cached per query and variables, and a mutation refetches the cached
 * queries that returned any of the types it touched (by __typename). The session lives in an httpOnly cookie the page
 * cannot read; `onUnauthenticated` is told when the API says the session is gone (expired, ended, or never started),
 * so the app can ask for the password again without unmounting the screen.
 */
export function createApiClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { headers: { ...CSRF_HEADER }, credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
    // Always POST (urql 5 sends queries that fit the URL as GET): a GET answer can be kept in the browser's HTTP cache
    // and its variables written to access logs, and these answers are one person's ledger and staff data.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
          else if (error.response?.status === 401) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

/**
 * The client of the public pages (the sender's tracking page): no session, and no cookie either. A browser that still
 * holds an ended or expired session cookie would otherwise send it, and the gateway answers a request with a bad
 * token UNAUTHENTICATED rather than treating it as anonymous; the public operations need no one signed in.
 */
export function createPublicClient(): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { headers: { ...CSRF_HEADER }, credentials: 'omit' },
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
  });
}
