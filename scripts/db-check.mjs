#!/usr/bin/env node
// Fails when a subgraph's drizzle tables changed without a migration: runs drizzle-kit generate for each subgraph and
// fails if it would write anything. Whatever it wrote is removed again (new files deleted, the journal restored), so
// the tree is left exactly as it was, uncommitted migrations included.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const listFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
const run = (args, cwd) => execFileSync('npx', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

run(['turbo', 'run', 'build', '--filter=@postal/outbox...', '--filter=@postal/known-offices...', '--output-logs=errors-only'], process.cwd());
const stale = [];
for (const subgraph of ['administration', 'accounts', 'money-orders', 'cod-settlement']) {
  const folder = join('migrations', subgraph);
  const journal = join(folder, 'meta', '_journal.json');
  const before = new Set(listFiles(folder));
  copyFileSync(journal, `${journal}.db-check`);
  try {
    const output = run(['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', '--name', 'unsaved_check'], `subgraphs/${subgraph}`);
    if (!/No schema changes/.test(output)) stale.push(subgraph);
  } finally {
    for (const file of listFiles(folder)) if (!before.has(file) && !file.endsWith('.db-check')) rmSync(file);
    copyFileSync(`${journal}.db-check`, journal);
    rmSync(`${journal}.db-check`);
  }
}
if (stale.length > 0) {
  console.error(`Tables changed without a migration in: ${stale.join(', ')}. Run npm run db:generate -- <name> and commit.`);
  process.exit(1);
}
console.log('Migrations are current with the tables.');
