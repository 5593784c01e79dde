// Prints one plain closing line, "jest: N passed, N failed, N skipped", that any
// CI log reader can parse without knowing Jest's own summary format.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = ClosingLineReporter;
