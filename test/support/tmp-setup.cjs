// Gives the test run its own temporary root, so that whatever the tests leave
// behind is seen (tmp-teardown.cjs) instead of piling up in /tmp. Jest starts
// its workers after this, so they and every process they spawn inherit it.
const { chmodSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'drloop-test-run-'));
  // Traversable, as /tmp is: under root, PostgreSQL runs as another user who
  // must reach the data directories below (which stay private, mode 0700).
  chmodSync(root, 0o711);
  process.env.DRLOOP_TEST_TMP_PARENT = process.env.TMPDIR ?? '';
  process.env.DRLOOP_TEST_TMP = root;
  process.env.TMPDIR = root;
};
