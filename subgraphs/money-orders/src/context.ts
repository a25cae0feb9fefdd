import type { RequestContext } from '@postal/server';
import type { LimitService } from './limits/service.js';
import type { BulkService } from './bulk/service.js';
import type { OrderLoaders } from './orders/loaders.js';
import type { OrderService } from './orders/service.js';
import type { TariffService } from './tariffs/service.js';
import type { TrackingService } from './tracking/service.js';

export interface Context extends RequestContext {
  services: { tariffs: TariffService; limits: LimitService; orders: OrderService; tracking: TrackingService; bulk: BulkService };
  loaders: OrderLoaders;
}
