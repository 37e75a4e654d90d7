import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints why each skipped test was skipped, so a skip is never silent in CI logs. */
export default class SkipReasonsReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? '');
    console.log(`  SKIPPED ${test.title}: ${reasons.join('; ') || 'no reason given'}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
