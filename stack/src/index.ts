export { CONSOLE_DIST, startStack, startSubgraphs, type StackOptions, type RunningStack, type SubgraphsOptions, type RunningSubgraphs } from './stack.js';
export { migrateAll, seedDemo } from './setup.js';
