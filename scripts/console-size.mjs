#!/usr/bin/env node
// The console's first load: the JavaScript the sign-in page needs (index.html's module script and every chunk it
// preloads or imports statically), gzipped, against the budget of 250 kB. Screens are lazy chunks and do
// not count. Needs a built console (console/dist; `npx turbo run build --filter=@postal/console`). Exits 1 over
// budget or when the build is missing; the last line is one JSON object.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250_000;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'console', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('console/dist/index.html is missing: build the console first (npx turbo run build --filter=@postal/console).');
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1]);
if (entries.length === 0) {
  console.error('console/dist/index.html names no module script');
  process.exit(1);
}
// Follow static imports (`import ... from "./x.js"` and bare `import "./x.js"`), not dynamic `import("./x.js")`.
const seen = new Map();
const queue = entries.map((src) => join(dist, src.replace(/^\//, '')));
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(file);
  seen.set(file, gzipSync(code, { level: 9 }).length);
  const text = code.toString('utf8');
  for (const match of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    queue.push(join(dirname(file), match[1]));
  }
}
const total = [...seen.values()].reduce((sum, size) => sum + size, 0);
for (const [file, size] of seen) console.log(`  ${file.slice(dist.length + 1).padEnd(48)} ${(size / 1000).toFixed(1)} kB gzipped`);
const pass = total <= BUDGET_BYTES;
console.log(`sign-in page JavaScript: ${(total / 1000).toFixed(1)} kB gzipped (budget ${BUDGET_BYTES / 1000} kB): ${pass ? 'PASS' : 'FAIL'}`);
console.log(JSON.stringify({ check: 'console-size', initialJsGzipBytes: total, budgetBytes: BUDGET_BYTES, files: seen.size, pass }));
process.exit(pass ? 0 : 1);
