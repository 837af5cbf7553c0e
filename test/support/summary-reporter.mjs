// Ends every run with one plain line that CI reads: "tests: N passed, N failed, N skipped".
// It is written as the process exits, so that it comes after jest's own summary.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const line = `tests: ${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => process.stderr.write(`\n${line}`));
  }
}
