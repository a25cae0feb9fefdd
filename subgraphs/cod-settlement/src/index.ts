export { startCodSettlement, type CodSettlementOptions } from './start.js';
