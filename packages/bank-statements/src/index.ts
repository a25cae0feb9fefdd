export * from './model.js';
export * from './camt/index.js';
