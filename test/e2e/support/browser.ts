import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { screenshot } from './screens.js';

/** Debian's `chromium` package (`.ci/run` installs it); the harness never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium from Debian. `--no-sandbox`: CI runs as root, where Chromium's sandbox refuses to start.
 * `--disable-dev-shm-usage`: a container's /dev/shm is often 64 MB, too small for the renderer's shared memory.
 *
 * Under `faketime -f '+365d'` (the year-ahead run) the browser inherits LD_PRELOAD and FAKETIME like every other
 * process, on purpose: Chromium 156 runs under libfaketime (checked: it starts, and the page's `Date.now()` is a year
 * ahead), and a browser whose clock agrees with the server's is what a person a year from now has, so a date the
 * console takes from the browser (today's business date, say) is the stack's today. If a later Chromium stops working
 * under libfaketime, launch it with `env` without LD_PRELOAD and FAKETIME: the year-ahead run tests the servers'
 * clock, not the browser's.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 60_000,
  });
}

/** What went wrong in a page while a test used it. Page errors and CSP violations fail the test; the rest is context. */
export interface PageProblems {
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** `securitypolicyviolation` events, console reports of a Content Security Policy refusal, requests blocked by CSP. */
  cspViolations: string[];
  consoleErrors: string[];
  /** Requests that failed on the network, and answers of 400 and above. */
  failedRequests: string[];
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  /** Returns the problems seen so far and forgets them: for a test that provokes one on purpose. */
  takeProblems(): PageProblems;
}

const emptyProblems = (): PageProblems => ({ pageErrors: [], cspViolations: [], consoleErrors: [], failedRequests: [] });

/**
 * A fresh context (its own cookies and storage) and page in `browser`, with everything that goes wrong in it recorded.
 * CSP violations are caught three ways, since none alone sees all: the `securitypolicyviolation` event (listened to by
 * an init script, which runs before the page's own and is not subject to its CSP), the console message Chromium
 * prints for each refusal, and requests that fail with net::ERR_BLOCKED_BY_CSP.
 */
export async function openWatchedPage(browser: Browser, options: { baseURL?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ ...(options.baseURL ? { baseURL: options.baseURL } : {}), viewport: { width: 1280, height: 800 } });
  let problems = emptyProblems();
  await context.exposeBinding('__e2eReportCspViolation', (_source, violation: string) => {
    problems.cspViolations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __e2eReportCspViolation: (violation: string) => void }).__e2eReportCspViolation;
      void report(`${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
    }, { capture: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url})`;
    if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    const line = `${request.method()} ${request.url()}: ${reason}`;
    if (reason.includes('ERR_BLOCKED_BY_CSP')) problems.cspViolations.push(line);
    else problems.failedRequests.push(line);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return {
    context,
    page,
    get problems() {
      return problems;
    },
    takeProblems() {
      const taken = problems;
      problems = emptyProblems();
      return taken;
    },
  };
}

/** The problems as a report, each kind under its heading; empty kinds are left out. */
export function describeProblems(problems: PageProblems): string {
  const sections: Array<[string, string[]]> = [
    ['Uncaught page errors', problems.pageErrors],
    ['Content Security Policy violations', problems.cspViolations],
    ['Console errors', problems.consoleErrors],
    ['Failed requests', problems.failedRequests],
  ];
  return sections
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => `${title}:\n${lines.map((line) => `  - ${line}`).join('\n')}`)
    .join('\n');
}

/** Throws when the page had an uncaught error or a CSP violation, listing everything it recorded. */
export function assertNoPageProblems(problems: PageProblems, where = 'the page'): void {
  if (problems.pageErrors.length === 0 && problems.cspViolations.length === 0) return;
  throw new Error(`${where} had an uncaught error or a CSP violation:\n${describeProblems(problems)}`);
}

/**
 * One browser for the test file, a fresh context and page for each test. After each test the page's problems are
 * checked (an uncaught error or a CSP violation fails the test even if its assertions passed); a failed test also
 * leaves a screenshot `FAILED-<test>.png` and prints the console errors and failed requests it saw.
 */
export function useBrowser(options: { baseURL?: () => string } = {}): () => WatchedPage {
  let browser: Browser | undefined;
  let current: WatchedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    current = await openWatchedPage(browser, { ...(options.baseURL ? { baseURL: options.baseURL() } : {}) });
  });
  afterEach(async (context) => {
    const watched = current;
    current = undefined;
    if (!watched) return;
    try {
      if (context.task.result?.state === 'fail') {
        const file = await screenshot(watched.page, `FAILED-${context.task.name}`).catch(() => undefined);
        const report = describeProblems(watched.problems);
        console.error(`\n${context.task.name} failed${file ? `; screenshot: ${file}` : ''}${report ? `\n${report}` : ''}`);
      }
      assertNoPageProblems(watched.problems, `"${context.task.name}"`);
    } finally {
      await watched.context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!current) throw new Error('no page: useBrowser() gives one inside a test');
    return current;
  };
}
