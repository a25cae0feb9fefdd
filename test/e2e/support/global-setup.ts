import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM } from './browser.js';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Once per run, before any end-to-end test: the rest of the suite runs the TypeScript sources, but these tests start
 * the stack as `npm start` does, from `stack/dist` (and the gateway serves `console/dist`), so the build must be
 * current. Turbo's cache makes this a second or two when nothing changed. Chromium is checked here too, so a machine
 * without it fails once, saying what to install, instead of once per file.
 */
export default function buildForEndToEnd(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the end-to-end tests use Debian's chromium (apt-get install chromium; .ci/run installs it)`);
  }
  const started = Date.now();
  try {
    execFileSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`the build for the end-to-end tests failed (npx turbo run build):\n${stdout}${stderr}`);
  }
  console.log(`End-to-end tests: workspace built (npx turbo run build, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
}
