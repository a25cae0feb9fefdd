import type { RequestContext } from '@postal/server';
import type { Database } from '@postal/db';
import { createLoaders, type Loaders } from './loaders.js';
import type { AuditService } from './audit/service.js';
import type { ApprovalService } from './approvals/service.js';
import type { AuthService } from './auth/service.js';
import type { OfficeService } from './offices/service.js';
import type { RoleService } from './roles/service.js';
import type { SessionService } from './sessions/service.js';
import type { StaffService } from './staff/service.js';

export interface Services {
  audit: AuditService;
  auth: AuthService;
  offices: OfficeService;
  approvals: ApprovalService;
  roles: RoleService;
  sessions: SessionService;
  staff: StaffService;
}

/** Per request: the signed caller and request facts, the services (which own the database), and the request's loaders. */
export interface Context extends RequestContext {
  services: Services;
  loaders: Loaders;
}

/** A request's context: the services are shared, the loaders are new for each request (their cache is its own). */
export function requestContext(request: RequestContext, services: Services, database: Database): Context {
  return { ...request, services, loaders: createLoaders(database, request.identity) };
}
