export { startStack, type StackOptions, type RunningStack } from './stack.js';
export { migrateAll, seedDemo } from './setup.js';
