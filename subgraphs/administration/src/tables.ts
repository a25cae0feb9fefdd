/**
 * Every table the administration subgraph owns, all in the `administration` PostgreSQL schema. drizzle-kit reads this
 * file (see drizzle.config.ts) to write the subgraph's migrations.
 */
export { administrationSchema, outbox, processedEvents } from './db-schema.js';
export { offices } from './offices/tables.js';
export { staff } from './staff/tables.js';
export { auditEvents } from './audit/tables.js';
export { roles, rolePermissions } from './roles/tables.js';
