/**
 * Every table the administration subgraph owns, all in the `administration` PostgreSQL schema. drizzle-kit reads this
 * file (see drizzle.config.ts) to write the subgraph's migrations.
 */
export { administrationSchema, outbox, processedEvents } from './db-schema.js';
export { offices } from './offices/tables.js';
export { staff, staffAssignments } from './staff/tables.js';
export { auditEvents, auditPending, auditChain } from './audit/tables.js';
export { roles, rolePermissions, roleDelegations } from './roles/tables.js';
export { approvalRequests } from './approvals/tables.js';
export { sessionRevocations } from './sessions/tables.js';
export { loginAttempts } from './auth/tables.js';
