export * from './model.js';
export * from './camt/index.js';
export { parseMt940, type Mt940Statement, type Mt940Line } from './mt940/index.js';
export { isIban } from './mt940/values.js';
export { indianPaymentReference, isIndianPaymentReference, withIndianReferences } from './references.js';
export * from './csv/index.js';
export { detectStatementFormat } from './detect.js';
export { parseStatementFile, type StatementFileOptions } from './parse-file.js';
