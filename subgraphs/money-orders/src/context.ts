import type { RequestContext } from '@postal/server';
import type { TariffService } from './tariffs/service.js';

export interface Context extends RequestContext {
  services: { tariffs: TariffService };
}
