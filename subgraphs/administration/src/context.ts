import type { RequestContext } from '@postal/server';
import type { AuthService } from './auth/service.js';
import type { OfficeService } from './offices/service.js';
import type { StaffService } from './staff/service.js';

export interface Services {
  auth: AuthService;
  offices: OfficeService;
  staff: StaffService;
}

/** Per request: the signed caller and request facts, and the services (which own the database). */
export interface Context extends RequestContext {
  services: Services;
}
