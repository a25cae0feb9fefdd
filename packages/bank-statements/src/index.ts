export * from './model.js';
export { parseMt940, type Mt940Statement, type Mt940Line } from './mt940/index.js';
