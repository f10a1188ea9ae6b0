/**
 * Prints the closing line "N passed, N failed" (", N skipped" when any), alone on a line, after
 * Jest's own summary: a plain form that CI systems read whatever the test runner.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
module.exports = PlainSummaryReporter;
