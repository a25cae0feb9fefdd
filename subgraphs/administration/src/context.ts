import type { RequestContext } from '@postal/server';
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

/** Per request: the signed caller and request facts, and the services (which own the database). */
export interface Context extends RequestContext {
  services: Services;
}
