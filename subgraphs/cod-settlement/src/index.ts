export { startCodSettlement, type CodSettlementOptions } from './start.js';
export { seedDemoCod, DEMO_BILLER } from './seed/demo.js';
