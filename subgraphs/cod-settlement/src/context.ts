import type { RequestContext } from '@postal/server';
import type { FeeService } from './fees/service.js';

export interface Context extends RequestContext {
  services: { fees: FeeService };
}
