import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
let axeSource: string | undefined;
function source(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** The impacts that fail a screen: axe's `serious` and `critical`. `moderate` and `minor` are reported, not fatal. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page as it is now. The source goes in through `page.evaluate` (DevTools' Runtime.evaluate), not
 * a `<script>` tag: the console's Content-Security-Policy refuses inline scripts, and an injected tag would both fail
 * and count as a CSP violation against the screen under test.
 */
export async function runAxe(page: Page, options: RunOptions = {}): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(`${source()}\n;undefined`);
  return page.evaluate(
    (runOptions) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, runOptions),
    { resultTypes: ['violations'], ...options } as RunOptions,
  );
}

/** The violations that fail, one paragraph each: rule id and impact, what it asks for, and each offending node. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    - ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      return `  ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Fails, listing every serious or critical axe violation (rule id, help, the targets of its nodes), when the page as
 * it is now has any. `name` says which screen or state was checked.
 */
export async function expectAccessible(page: Page, name: string, options: RunOptions = {}): Promise<AxeResults> {
  const results = await runAxe(page, options);
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  if (failing.length > 0) {
    throw new Error(`${name}: ${failing.length} serious or critical accessibility violation(s) (axe-core ${results.testEngine.version}):\n${describeViolations(failing)}`);
  }
  return results;
}
