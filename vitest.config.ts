import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests run against the TypeScript sources of every workspace package, so `npm test` needs no build first. Each
 * `@postal/<name>` import is pointed at that package's `src/index.ts`.
 */
function workspaceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {
    '@postal/gateway': resolve(root, 'gateway/src/index.ts'),
    '@postal/stack': resolve(root, 'stack/src/index.ts'),
  };
  for (const folder of ['packages', 'subgraphs']) {
    for (const name of readdirSync(join(root, folder))) {
      const entry = resolve(root, folder, name, 'src/index.ts');
      if (existsSync(entry)) aliases[`@postal/${name}`] = entry;
    }
  }
  return aliases;
}

/**
 * graphql-js ships CommonJS (`main`) and ESM (`module`) builds. Node loads the CommonJS one for every dependency,
 * while Vite would hand our sources the ESM one: two GraphQLError classes in one process, which the gateway runtime
 * (graphql-yoga) tells apart by `instanceof`. Pointing `graphql` at the file Node loads makes tests run one copy, as
 * production does.
 */
const graphqlAsNodeLoadsIt = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [...Object.entries(workspaceAliases()).map(([find, replacement]) => ({ find, replacement })), { find: /^graphql$/, replacement: graphqlAsNodeLoadsIt }] },
  test: {
    root,
    include: ['{packages,subgraphs,gateway,stack,test,console}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: [resolve(root, 'test/support/global-setup.ts')],
    reporters: ['default', resolve(root, 'test/support/summary-reporter.ts')],
    // Integration tests create databases and start servers; two cores do not like too many at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
