import type { Reporter, TestModule } from 'vitest/node';

/**
 * Names every skipped test at the end of the run, so a run without DATABASE_URL or REDIS_URL says exactly what it did
 * not show. With CI=true a skipped test fails the run: CI has every server, so a skip there is a defect.
 */
export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        // Only tests skipped on purpose (runIf/skipIf on a missing server); a test skipped because its suite failed
        // is already reported as a failure.
        if (test.options.mode === 'skip' && test.result().state === 'skipped') skipped.push(`${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
      }
    }
    if (skipped.length === 0) return;
    console.log(`\nSkipped ${skipped.length} test(s); each name says which server it needs:`);
    for (const name of skipped) console.log(`  - ${name}`);
    if (process.env.CI === 'true') {
      console.error('CI=true: no test may be skipped.');
      process.exitCode = 1;
    }
  }
}
