export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions, type RunningServer } from './subgraph-server.js';
export { formatSubgraphError } from './errors.js';
export { createLogger, type Logger } from './logger.js';
export { loadSubgraphTypeDefs } from './type-defs.js';
export { runUntilSignal } from './lifecycle.js';
export type { RequestContext } from './request-context.js';
export { pageSize, encodeCursor, decodeCursor, toConnection, MAX_PAGE_SIZE, type Connection } from './connections.js';
export { startSubgraph, type StartSubgraphOptions, type RunningSubgraph, type SubgraphRuntimeOptions } from './runtime.js';
export { runStandaloneSubgraph, type StandaloneShared } from './standalone.js';
