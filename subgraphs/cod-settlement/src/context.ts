import type { RequestContext } from '@postal/server';
import type { FeeService } from './fees/service.js';
import type { BillerService } from './billers/service.js';
import type { ContractService } from './contracts/service.js';

export interface Context extends RequestContext {
  services: {
    fees: FeeService;
    billers: BillerService;
    contracts: ContractService;
  };
}
