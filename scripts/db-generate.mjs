#!/usr/bin/env node
// Writes a migration for each subgraph whose drizzle tables changed: `npm run db:generate -- <name>`.
// drizzle-kit compares each subgraph's src/tables.ts with its snapshot under migrations/<subgraph>/meta and writes the
// SQL next to it. Shared packages must be built first (the tables import @postal/outbox), so this builds them.
import { execFileSync } from 'node:child_process';

const name = process.argv[2];
if (!name || !/^[a-z0-9_-]+$/.test(name)) {
  console.error('usage: npm run db:generate -- <migration-name, e.g. add_holds>');
  process.exit(2);
}
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: 'inherit' });
run('npx', ['turbo', 'run', 'build', '--filter=@postal/outbox...', '--filter=@postal/known-offices...', '--output-logs=errors-only'], process.cwd());
for (const subgraph of ['administration', 'accounts', 'money-orders', 'cod-settlement']) {
  run('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', '--name', name], `subgraphs/${subgraph}`);
}
