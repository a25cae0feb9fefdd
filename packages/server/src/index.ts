export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions, type SubgraphUpload, type RunningServer } from './subgraph-server.js';
export { formatSubgraphError } from './errors.js';
export { createLogger, type Logger } from './logger.js';
export { loadSubgraphTypeDefs } from './type-defs.js';
export { runUntilSignal } from './lifecycle.js';
export type { RequestContext } from './request-context.js';
export { pageSize, encodeCursor, decodeCursor, toConnection, MAX_PAGE_SIZE, type Connection } from './connections.js';
export { startSubgraph, type StartSubgraphOptions, type RunningSubgraph, type SubgraphRuntimeOptions } from './runtime.js';
export { readStandaloneConfig, runStandaloneSubgraph, type StandaloneShared } from './standalone.js';
export { auditEvent, auditActor, changeSummary, MAX_SUMMARY_FIELDS, type AuditRecordInput } from './audit.js';
export { startBatchLoop, type BatchLoop, type BatchLoopOptions } from './batch-loop.js';
export { inputValidationPlugin, findUnstorableInput, unstorableTextProblem, type InputProblem } from './input-validation.js';
export { mergeResolverMaps } from './resolver-maps.js';
export { createNonceStore, createRedisNonceStore, type NonceStoreOptions, type RedisNonceStoreOptions } from './nonce-store.js';
export type { NonceStore } from '@postal/auth';
export {
  createApprovalExecutor,
  ApprovalPayloadInvalidError,
  ApprovalPayloadTamperedError,
  type ApprovalExecutorOptions,
  type ApprovalKindHandler,
  type ApprovalExecution,
  type ApprovalPayloadParse,
  type ApprovedRequest,
  type ApprovalParties,
} from './approval-executor.js';
