import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, and names every test skipped on purpose,
 * so a run without DATABASE_URL or REDIS_URL says exactly what it did not show. With CI=true a skipped test fails the
 * run: CI has every server, so a skip there is a defect.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else if (state === 'skipped') {
          counts.skipped += 1;
          // Only tests skipped on purpose (runIf/skipIf on a missing server) are listed; a test skipped because its
          // suite failed is already reported as a failure.
          if (test.options.mode === 'skip') skipped.push(`${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
        }
      }
    }
    if (skipped.length > 0) {
      console.log(`\nSkipped ${skipped.length} test(s); each name says which server it needs:`);
      for (const name of skipped) console.log(`  - ${name}`);
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    if (process.env.CI === 'true' && counts.skipped > 0) {
      console.error('CI=true: no test may be skipped.');
      process.exitCode = 1;
    }
  }
}
