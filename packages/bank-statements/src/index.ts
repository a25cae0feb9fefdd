export * from './model.js';
export * from './camt/index.js';
export { parseMt940, type Mt940Statement, type Mt940Line } from './mt940/index.js';
export { isIban } from './mt940/values.js';
export { indianPaymentReference, isIndianPaymentReference, withIndianReferences } from './references.js';
