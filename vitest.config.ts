import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests run against the TypeScript sources of every workspace package, so `npm test` needs no build first. Each
 * `@postal/<name>` import is pointed at that package's `src/index.ts`, and a subpath export `@postal/<name>/<file>`
 * (such as @postal/known-offices/tables) at `src/<file>.ts`.
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

const exactly = (name: string) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`);
const subpathOf = (name: string) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}/([a-z-]+)$`);
const aliases = {
  alias: [
    ...Object.entries(workspaceAliases()).flatMap(([name, entry]) => [
      { find: exactly(name), replacement: entry },
      { find: subpathOf(name), replacement: entry.replace(/index\.ts$/, '$1.ts') },
    ]),
    { find: /^graphql$/, replacement: graphqlAsNodeLoadsIt },
  ],
};
const exclude = ['**/node_modules/**', '**/dist/**'];

/**
 * Two projects in one run (`npm test` runs both): `node`, the tests that run the TypeScript sources in Node, and
 * `e2e`, a real Chromium against the stack started from its build as `npm start` starts it. The e2e project's global
 * setup (the build) runs only when an e2e test is selected, so `npx vitest run packages/money` does not build.
 * Projects are spelled out rather than `extends: true`, which would concatenate the include lists.
 */
export default defineConfig({
  resolve: aliases,
  test: {
    root,
    // Runs once per run whatever is selected: CI=true refuses to run without PostgreSQL and Redis.
    globalSetup: [resolve(root, 'test/support/global-setup.ts')],
    reporters: ['default', resolve(root, 'test/support/summary-reporter.ts')],
    // Integration tests create databases and start servers; two cores do not like too many at once.
    maxWorkers: 2,
    projects: [
      {
        resolve: aliases,
        test: {
          name: 'node',
          root,
          include: ['{packages,subgraphs,gateway,stack,test,console}/**/*.test.ts'],
          exclude: [...exclude, 'test/e2e/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: aliases,
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          exclude,
          globalSetup: [resolve(root, 'test/e2e/support/global-setup.ts')],
          // A browser step waits on a real stack; starting one (migrations on a fresh database, the demo seed, five
          // servers) takes seconds, more with two starting at once on two cores.
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
