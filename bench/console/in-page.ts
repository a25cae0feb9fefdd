/**
 * What the bench puts into each page before the console's own scripts run (a Playwright init script, which the
 * page's CSP does not apply to). Plain JavaScript in a string: tsx would otherwise wrap functions handed to the page
 * in its __name helper, which the page does not have.
 *
 * window.__bench:
 * - longTasks: [start, end] of every main-thread task over 50 ms (the Long Tasks API), on the page's clock
 *   (performance.now(), 0 = navigation start);
 * - statementRequests: when each LedgerStatement request left (the console's fetch, wrapped here only to note the time);
 * - interactive(ready, quietMs): polls ready() every animation frame; `contentMs` is the first frame where it holds;
 *   then waits for `quietMs` with no long task; `interactiveMs` = max(contentMs, end of the last long task seen), i.e.
 *   the moment after which the main thread stayed free of long tasks for quietMs;
 * - ready predicates: dashboardReady, firstRowsReady, loadedLines, wholePeriod;
 * - scrollToEnd(quietMs): scrolls the statement's grid to its bottom each time the last page asked for is shown,
 *   until the footer says "the whole period"; times every page and the last one's interactive moment.
 */
export const IN_PAGE = String.raw`
(() => {
  const bench = (window.__bench = { longTasks: [], statementRequests: [] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.noLongTasks = String(error);
  }
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    // urql sends a query by GET when it fits in the URL (its default), by POST otherwise.
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input && input.url ? input.url : '';
    const body = init && typeof init.body === 'string' ? init.body : '';
    if (url.includes('LedgerStatement') || body.includes('LedgerStatement')) bench.statementRequests.push(performance.now());
    return originalFetch.apply(this, arguments);
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const lastLongTaskEnd = () => bench.longTasks.reduce((latest, task) => Math.max(latest, task[1]), 0);
  async function quietAfter(contentMs, quietMs) {
    for (;;) {
      const since = Math.max(contentMs, lastLongTaskEnd());
      if (performance.now() - since >= quietMs) return since;
      await sleep(25);
    }
  }
  bench.interactive = async (ready, quietMs, timeoutMs = 120000) => {
    const deadline = performance.now() + timeoutMs;
    while (!ready()) {
      if (performance.now() > deadline) throw new Error('the page did not get ready within ' + timeoutMs + ' ms: ' + document.body.innerText.slice(0, 400));
      await frame();
    }
    const contentMs = performance.now();
    return { contentMs, interactiveMs: await quietAfter(contentMs, quietMs) };
  };
  // The dashboard: its h1, at least one part, and every part past its loading line with something under its heading.
  bench.dashboardReady = () => {
    const heading = document.querySelector('main h1, h1');
    const sections = [...document.querySelectorAll('.dashboard-section')];
    return heading?.textContent === 'Dashboard' && sections.length > 0 && sections.every((section) => !section.querySelector('.loading') && section.children.length > 1);
  };
  bench.firstRowsReady = () => Boolean(document.querySelector('tbody tr[data-index="0"]'));
  const footer = () => document.querySelector('.data-table-footer')?.textContent ?? '';
  bench.loadedLines = () => Number((footer().match(/^[\d,]+/)?.[0] ?? '0').replace(/,/g, ''));
  bench.wholePeriod = () => /the whole period/.test(footer());
  bench.scrollToEnd = async (quietMs) => {
    const scroller = document.querySelector('.data-table-scroll');
    if (!scroller) throw new Error('no .data-table-scroll on the page');
    const started = performance.now();
    const pages = [];
    let last;
    while (!bench.wholePeriod()) {
      const before = bench.loadedLines();
      const asked = bench.statementRequests.length;
      const scrolledAt = performance.now();
      scroller.scrollTop = scroller.scrollHeight;
      const deadline = scrolledAt + 30000;
      while (bench.loadedLines() <= before) {
        if (performance.now() > deadline) throw new Error('no more lines 30 s after scrolling to the bottom at ' + before + ' lines');
        await frame();
      }
      const shownAt = performance.now();
      if (bench.statementRequests.length === asked) continue; // a scroll that showed lines already asked for
      const requestedAt = bench.statementRequests[bench.statementRequests.length - 1];
      pages.push(shownAt - requestedAt);
      last = { requestedAt, shownAt, scrolledAt };
    }
    if (!last) throw new Error('the statement had one page: nothing to scroll to');
    const interactiveAt = await quietAfter(last.shownAt, quietMs);
    return {
      lines: bench.loadedLines(),
      pages,
      last: { requestToShownMs: last.shownAt - last.requestedAt, requestToInteractiveMs: interactiveAt - last.requestedAt, scrollToShownMs: last.shownAt - last.scrolledAt },
      toEndMs: last.shownAt - started,
    };
  };
})();
`;
