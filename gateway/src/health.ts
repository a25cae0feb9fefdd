import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RevocationStoreStatus } from './sessions/revocation-store.js';
import { healthUrl, type SubgraphEndpoint } from './subgraphs.js';

/** How long the gateway waits for one subgraph's health answer; a load balancer polls, it should not hang. */
export const SUBGRAPH_HEALTH_TIMEOUT_MS = 2_000;

type SubgraphHealth = 'ok' | 'unhealthy' | 'unreachable';

/**
 * `GET /health`: 200 when every subgraph's own `/health` answers 200 within the timeout and the session feed is being
 * followed, else 503 naming what is not well (`sessions: "unverifiable"` while staff requests are refused). The
 * subgraphs are asked in parallel, so the answer takes at most one timeout.
 */
export function healthHandler(subgraphs: SubgraphEndpoint[], logger: Logger, sessions: () => RevocationStoreStatus): RequestHandler {
  const targets = subgraphs.map((subgraph) => ({ name: subgraph.name, url: healthUrl(subgraph.url) }));
  return (_req, res, next) => {
    Promise.all(targets.map(async (target) => [target.name, await check(target.url, target.name, logger)] as const)).then(
      (results) => {
        const sessionsFresh = sessions().fresh;
        const healthy = sessionsFresh && results.every(([, health]) => health === 'ok');
        res.status(healthy ? 200 : 503).json({
          status: healthy ? 'ok' : 'unavailable',
          sessions: sessionsFresh ? 'ok' : 'unverifiable',
          subgraphs: Object.fromEntries(results),
        });
      },
      next,
    );
  };
}

async function check(url: string, name: string, logger: Logger): Promise<SubgraphHealth> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(SUBGRAPH_HEALTH_TIMEOUT_MS) });
    // Only the status matters; cancelling the body frees the connection without reading however much was sent.
    await response.body?.cancel();
    if (response.status === 200) return 'ok';
    logger.warn({ subgraph: name, status: response.status }, 'subgraph health check failed');
    return 'unhealthy';
  } catch (error) {
    logger.warn({ subgraph: name, err: error }, 'subgraph did not answer its health check');
    return 'unreachable';
  }
}
