import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { createMemoryNonceStore, IdentityError, verifyIdentity, type SignedRequestContext } from '@postal/auth';
import express from 'express';
import { GraphQLError, parse } from 'graphql';

/**
 * A real subgraph over HTTP, as small as a test needs: it checks the signed identity headers the way the real ones
 * do (for its own name, the raw body and a nonce not seen before; 401 before Apollo sees the body) and answers `whoami` with what it was told. `deep` nests without end, so only
 * the gateway's limits stop a deep query.
 */
export const TINY_SUBGRAPH_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    whoami: String
    deep: Node
    color(choice: Color): String
    count(items: [Int!]): Int
    boom: String
    forbidden: String
    slow(ms: Int!): String
  }

  type Node {
    child: Node
    name: String
  }

  enum Color {
    RED
    GREEN
  }
`;

export const TINY_SUBGRAPH_NAME = 'tiny';

/** Composed with a URL nobody listens on, so a test passes if and only if the gateway uses its `subgraphUrls`. */
export function composeTinySupergraph(url = 'http://127.0.0.1:9/graphql', name = TINY_SUBGRAPH_NAME): string {
  const result = composeServices([{ name, url, typeDefs: parse(TINY_SUBGRAPH_SDL) }]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

export interface TinySubgraph {
  url: string;
  /** Every POST to /graphql, signed or not. */
  hits: number;
  /** The verified context of each signed request, in order. */
  seen: SignedRequestContext[];
  /** The HTTP headers of each signed request, in order. */
  headers: IncomingHttpHeaders[];
  /** The raw body of each signed request, in order, as received. */
  bodies: string[];
  stop(): Promise<void>;
}

interface TinyContext {
  signed: SignedRequestContext;
}

const node = (depth: number): object => ({ name: `level ${depth}`, child: () => node(depth + 1) });

export async function startTinySubgraph(identitySecret: string, name = TINY_SUBGRAPH_NAME): Promise<TinySubgraph> {
  const nonces = createMemoryNonceStore();
  const apollo = new ApolloServer<TinyContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(TINY_SUBGRAPH_SDL),
      resolvers: {
        Query: {
          // @apollo/subgraph types resolver contexts as unknown.
          whoami: (_parent: unknown, _args: unknown, context: unknown) => JSON.stringify((context as TinyContext).signed),
          deep: () => node(1),
          color: (_parent: unknown, args: { choice?: string }) => args.choice ?? null,
          count: (_parent: unknown, args: { items?: number[] }) => args.items?.length ?? 0,
          boom: () => {
            throw new Error('relation "ledger.secret_table" does not exist');
          },
          slow: async (_parent: unknown, args: { ms: number }) => {
            await new Promise((resolve) => setTimeout(resolve, args.ms));
            return 'late';
          },
          forbidden: () => {
            throw new GraphQLError('only auditors may see this', { extensions: { code: 'FORBIDDEN' } });
          },
        },
      },
    }),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const state: TinySubgraph = { url: '', hits: 0, seen: [], headers: [], bodies: [], stop: async () => {} };
  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    (_req, _res, next) => {
      state.hits += 1;
      next();
    },
    express.json({
      verify: (_req, res, buf) => {
        (res as express.Response).locals.rawBody = buf;
      },
    }),
    async (req, res, next) => {
      const body = (res.locals.rawBody as Buffer | undefined) ?? Buffer.alloc(0);
      try {
        res.locals.signed = await verifyIdentity(req.headers, identitySecret, { audience: name, body, nonces });
      } catch (error) {
        if (!(error instanceof IdentityError)) return next(error);
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      state.seen.push(res.locals.signed as SignedRequestContext);
      state.headers.push(req.headers);
      state.bodies.push(body.toString('utf8'));
      next();
    },
    expressMiddleware(apollo, { context: async ({ res }) => ({ signed: res.locals.signed as SignedRequestContext }) }),
  );

  const httpServer = createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  let stopping: Promise<void> | undefined;
  state.stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
    })());
  return state;
}
