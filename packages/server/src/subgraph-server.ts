import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { IdentityError, NonceStoreUnavailableError, UPLOAD_PARAMS_HEADER, uploadSignedBody, verifyIdentity, type NonceStore } from '@postal/auth';
import express from 'express';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { formatSubgraphError } from './errors.js';
import { isExpectedError } from '@postal/errors';
import { inputValidationPlugin } from './input-validation.js';
import type { RequestContext } from './request-context.js';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  /** The resolver map; codegen's `Resolvers` type checks it where it is written, in the subgraph. */
  resolvers: Record<string, unknown>;
  identitySecret: string;
  /**
   * Where the nonces of the signed requests this subgraph served are kept, so each is served once (see
   * nonce-store.ts: Redis on REDIS_URL, shared by the subgraph's replicas). The server owns it: `stop` closes it.
   */
  nonces: NonceStore;
  logger: Logger;
  /** Builds the subgraph's own context from the verified request facts. */
  buildContext: (request: RequestContext) => TContext | Promise<TContext>;
  /** Throws when the subgraph cannot serve (e.g. its database does not answer). */
  checkHealth: () => Promise<void>;
  /**
   * The largest request body, as express.json's limit; default MAX_BODY. Only a subgraph that takes files (money-orders'
   * bulk upload, which the gateway lets through up to its own upload limit) needs more.
   */
  maxBody?: string;
  /** Files taken as their raw bytes outside GraphQL (a large bank statement), each at `/uploads/<name>`. */
  uploads?: SubgraphUpload[];
}

/**
 * A file upload the gateway passes on as it came (POST /uploads/<name> there), so a 50 MB file is neither base64 nor
 * JSON on its way. Its parameters come in UPLOAD_PARAMS_HEADER as a JSON object of strings; the signature covers that
 * header and the bytes (uploadSignedBody), so neither can be changed on the way. The answer is `{ data }` with what
 * `handle` returns, or `{ errors: [...] }` in the shape GraphQL errors have here (code, field, details): 400 for an expected refusal.
 */
export interface SubgraphUpload {
  name: string;
  /** The largest file taken, in bytes; a larger body is refused (413) before it is read whole. */
  maxBytes: number;
  handle(request: RequestContext, params: Record<string, string>, bytes: Buffer): Promise<unknown>;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface SubgraphServer {
  app: express.Express;
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** Bounded so one request cannot make a subgraph parse megabytes of JSON. */
const MAX_BODY = '1mb';

/** Where express.json leaves the bytes it parsed: the signature covers them, not the parsed object. */
const RAW_BODY = 'rawBody';

/**
 * The HTTP face of a subgraph: `/health` for the gateway and `/graphql` behind the signed identity check. The check
 * runs before Apollo sees the body, so an unsigned request, including `_entities` and `_service`, gets a 401 and
 * nothing else. The signature must be for this subgraph (its name is the audience), for this body, fresh, and not
 * used before: a captured request cannot be sent again, elsewhere, or with another body.
 */
export function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    options.checkHealth().then(
      () => res.json({ status: 'ok', service: options.name }),
      (error: unknown) => {
        logger.warn({ err: error }, 'health check failed');
        res.status(503).json({ status: 'unavailable', service: options.name });
      },
    );
  });

  return {
    app,
    async listen(port, host = '127.0.0.1') {
      const httpServer = createServer(app);
      const apollo = new ApolloServer<TContext & RequestContext>({
        schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as never }),
        formatError: formatSubgraphError(logger),
        includeStacktraceInErrorResponses: false,
        allowBatchedHttpRequests: false,
        // Only the gateway talks to a subgraph, and it never introspects: it loads the composed supergraph file.
        introspection: false,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          // Federated tracing is for Apollo's hosted studio, which this system does not report to.
          ApolloServerPluginInlineTraceDisabled(),
          // Text no column can hold is refused here, once for every subgraph, before a resolver sees it.
          inputValidationPlugin(),
        ],
      });
      await apollo.start();
      for (const upload of options.uploads ?? []) mountUpload(app, upload, options);
      app.use(
        '/graphql',
        express.json({
          limit: options.maxBody ?? MAX_BODY,
          verify: (_req, res, buf) => {
            (res as express.Response).locals[RAW_BODY] = buf;
          },
        }),
        signedRequestCheck(options),
        expressMiddleware(apollo, {
          context: async ({ res }) => {
            const request = res.locals.request as RequestContext;
            return { ...(await options.buildContext(request)), ...request };
          },
        }),
      );
      await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
      const actualPort = (httpServer.address() as AddressInfo).port;
      logger.info({ port: actualPort }, `${options.name} subgraph listening`);
      return {
        url: `http://${host}:${actualPort}/graphql`,
        port: actualPort,
        stop: () => stopServer(apollo, httpServer, options.nonces),
      };
    },
  };
}

/**
 * Serves a request only when its signed identity verifies against this subgraph's name and the exact bytes received
 * (see verifyIdentity): 401 UNAUTHENTICATED when it does not, 503 DEPENDENCY_UNAVAILABLE when the nonce store cannot
 * say whether the request was served before (fail closed; see nonce-store.ts for why not 401).
 */
function signedRequestCheck(options: Pick<SubgraphServerOptions<BaseContext>, 'name' | 'identitySecret' | 'nonces' | 'logger'>): express.RequestHandler {
  const { logger } = options;
  return async (req, res, next) => {
    // No body parsed (none sent, or not JSON) is checked as no bytes: the gateway never signs an empty body, so it
    // fails, and Apollo would refuse such a request anyway.
    const body = (res.locals[RAW_BODY] as Buffer | undefined) ?? Buffer.alloc(0);
    let request: RequestContext;
    try {
      const signed = await verifyIdentity(req.headers, options.identitySecret, { audience: options.name, body, nonces: options.nonces });
      request = { ...signed, logger: logger.child({ requestId: signed.requestId }) };
    } catch (error) {
      if (error instanceof IdentityError) {
        logger.warn({ reason: error.message, remoteAddress: req.socket.remoteAddress }, 'refused an unsigned request');
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      if (error instanceof NonceStoreUnavailableError) {
        logger.error({ err: error }, 'refused a signed request: whether it was served before could not be checked');
        res.status(503).json({
          errors: [{ message: 'the request could not be checked for replay; nothing was done, try again', extensions: { code: 'DEPENDENCY_UNAVAILABLE' } }],
        });
        return;
      }
      next(error);
      return;
    }
    res.locals.request = request;
    const startedAt = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      request.logger.info({ status: res.statusCode, durationMs, operation: req.body?.operationName }, 'graphql request');
    });
    next();
  };
}

function mountUpload(app: express.Express, upload: SubgraphUpload, options: Pick<SubgraphServerOptions<BaseContext>, 'name' | 'identitySecret' | 'nonces' | 'logger'>): void {
  app.post(
    `/uploads/${upload.name}`,
    express.raw({
      type: () => true,
      limit: upload.maxBytes,
      verify: (req, res, buf) => {
        const header = (req as express.Request).get(UPLOAD_PARAMS_HEADER) ?? '';
        (res as express.Response).locals[RAW_BODY] = uploadSignedBody(header, buf);
      },
    }),
    signedRequestCheck(options),
    (req, res) => {
      const request = res.locals.request as RequestContext;
      let params: Record<string, string>;
      try {
        const parsed = JSON.parse(req.get(UPLOAD_PARAMS_HEADER) ?? '{}') as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((value) => typeof value !== 'string')) throw new Error('not an object of strings');
        params = parsed as Record<string, string>;
      } catch {
        res.status(400).json({ errors: [{ message: 'the upload parameters are not a JSON object of strings', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      upload.handle(request, params, bytes).then(
        (data) => res.json({ data }),
        (error: unknown) => {
          if (isExpectedError(error)) {
            res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.code, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) } }] });
            return;
          }
          request.logger.error({ err: error }, `upload ${upload.name} failed`);
          res.status(500).json({ errors: [{ message: 'the upload failed on our side; send the file again (the same file answers the same import)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        },
      );
    },
  );
  // The body's own refusals (too large, a broken stream) in the same shape, not Express's HTML page.
  app.use(`/uploads/${upload.name}`, (error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(tooLarge ? 413 : 400).json({ errors: [{ message: tooLarge ? `a file here is at most ${upload.maxBytes} bytes` : 'the upload could not be read', extensions: { code: tooLarge ? 'FILE_TOO_LARGE' : 'BAD_REQUEST' } }] });
  });
}

async function stopServer(apollo: { stop(): Promise<void> }, httpServer: Server, nonces: NonceStore): Promise<void> {
  // The drain plugin closes the HTTP server once in-flight requests finish; only then is nobody claiming nonces.
  await apollo.stop();
  if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  await nonces.close();
}
