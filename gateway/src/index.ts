export {
  createGateway,
  MAX_BODY,
  type Gateway,
  type GatewayOptions,
  type RunningGateway,
} from './server.js';
export { startGateway, type StartedGateway, type StartOptions } from './start.js';
export { armorConfig, MAX_DIRECTIVES, type GatewayLimits } from './limits.js';
export type { GatewayContext, RequestState } from './request-context.js';
export { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';
export { STRICT_CSP_DIRECTIVES } from './security-headers.js';
export { isConsoleBuild } from './console-static.js';
export { SUBGRAPH_HEALTH_TIMEOUT_MS } from './health.js';
export {
  createRevocationStore,
  DEFAULT_SESSION_MAX_STALENESS_MS,
  DEFAULT_SESSION_POLL_INTERVAL_MS,
  type FetchRevocations,
  type Revocation,
  type RevocationPage,
  type RevocationStore,
} from './sessions/revocation-store.js';
