import { chromium, type Browser, type Page } from 'playwright-core';
// Read-only use of the e2e harness's sign-in (the form, typed as a person would, then the banner and navigation).
import { signIn } from '../../test/e2e/support/session.js';
import { IN_PAGE } from './in-page.js';

export const CHROMIUM = '/usr/bin/chromium';

/** One repetition's figures, in milliseconds. */
export interface BrowserRun {
  /** Navigation start to the dashboard's parts shown; and to interactive (see IN_PAGE). */
  dashboardContentMs: number;
  dashboardInteractiveMs: number;
  /** Navigation start to the statement's first rows; and to interactive. */
  firstContentMs: number;
  firstInteractiveMs: number;
  /** The first page's LedgerStatement request to its rows shown; and to interactive. */
  firstRequestToShownMs: number;
  firstRequestToInteractiveMs: number;
  /** The last page's request to its rows shown; and to interactive; the scroll that asked for it to its rows shown. */
  lastRequestToShownMs: number;
  lastRequestToInteractiveMs: number;
  lastScrollToShownMs: number;
  /** The first scroll to the last page shown: every page of the statement fetched and appended. */
  toEndMs: number;
  pages: number;
  lines: number;
  heapMb: number;
}

type Bench = {
  interactive(ready: () => boolean, quietMs: number): Promise<{ contentMs: number; interactiveMs: number }>;
  dashboardReady(): boolean;
  firstRowsReady(): boolean;
  scrollToEnd(quietMs: number): Promise<{ lines: number; pages: number[]; last: { requestToShownMs: number; requestToInteractiveMs: number; scrollToShownMs: number }; toEndMs: number }>;
  statementRequests: number[];
  noLongTasks?: string;
};

export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Chromium, one context signed in as `username` through the console's sign-in page (the gateway's cookie session). */
  static async open(baseUrl: string, username: string, pageErrors: string[]): Promise<ConsoleBrowser> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], timeout: 60_000 });
    try {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
      await context.addInitScript({ content: IN_PAGE });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto('/');
      await signIn(page, username);
      return new ConsoleBrowser(browser, page, baseUrl);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** One repetition: a fresh navigation to the dashboard, one to the statement, then a scroll to its end. */
  async run(statementPath: string, quietMs: number): Promise<BrowserRun> {
    const page = this.page;
    await page.goto(`${this.baseUrl}/`);
    const noLongTasks = await page.evaluate('window.__bench.noLongTasks');
    if (noLongTasks) throw new Error(`this Chromium has no Long Tasks API: ${String(noLongTasks)}`);
    const dashboard = (await page.evaluate(`window.__bench.interactive(window.__bench.dashboardReady, ${quietMs})`)) as Awaited<ReturnType<Bench['interactive']>>;

    await page.goto(`${this.baseUrl}${statementPath}`);
    const first = (await page.evaluate(`window.__bench.interactive(window.__bench.firstRowsReady, ${quietMs})`)) as Awaited<ReturnType<Bench['interactive']>>;
    const firstRequestAt = (await page.evaluate('window.__bench.statementRequests[0]')) as number | undefined;
    if (firstRequestAt === undefined) throw new Error('the statement showed rows without a LedgerStatement request');

    const end = (await page.evaluate(`window.__bench.scrollToEnd(${quietMs})`)) as Awaited<ReturnType<Bench['scrollToEnd']>>;
    const heapMb = (await page.evaluate('Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1048576)')) as number;
    return {
      dashboardContentMs: dashboard.contentMs,
      dashboardInteractiveMs: dashboard.interactiveMs,
      firstContentMs: first.contentMs,
      firstInteractiveMs: first.interactiveMs,
      firstRequestToShownMs: first.contentMs - firstRequestAt,
      firstRequestToInteractiveMs: first.interactiveMs - firstRequestAt,
      lastRequestToShownMs: end.last.requestToShownMs,
      lastRequestToInteractiveMs: end.last.requestToInteractiveMs,
      lastScrollToShownMs: end.last.scrollToShownMs,
      toEndMs: end.toEndMs,
      pages: end.pages.length + 1,
      lines: end.lines,
      heapMb,
    };
  }
}
