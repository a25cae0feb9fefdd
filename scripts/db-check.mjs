#!/usr/bin/env node
// Fails when a subgraph's drizzle tables changed without a migration: runs drizzle-kit generate for each subgraph
// and fails if it would write anything (removing what it wrote, so the tree is left as it was).
import { execFileSync } from 'node:child_process';

const run = (args, cwd) => execFileSync('npx', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
run(['turbo', 'run', 'build', '--filter=@postal/outbox...', '--output-logs=errors-only'], process.cwd());
const stale = [];
for (const subgraph of ['administration', 'accounts', 'money-orders', 'cod-settlement']) {
  const output = run(['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', '--name', 'unsaved_check'], `subgraphs/${subgraph}`);
  if (!/No schema changes/.test(output)) stale.push(subgraph);
}
if (stale.length > 0) {
  execFileSync('git', ['checkout', '--', 'migrations'], { stdio: 'inherit' });
  execFileSync('git', ['clean', '-fdq', '--', 'migrations'], { stdio: 'inherit' });
  console.error(`Tables changed without a migration in: ${stale.join(', ')}. Run npm run db:generate -- <name> and commit.`);
  process.exit(1);
}
console.log('Migrations are current with the tables.');
