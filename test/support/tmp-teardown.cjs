// Removes the run's temporary root and fails the run when the tests left
// anything in it, naming the test file and the entries it left.
const { readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** What is left in the root: per test file (its directory named by tmp-environment.cjs), else as found. */
function leftovers(root) {
  const found = [];
  for (const name of readdirSync(root).sort()) {
    const path = join(root, name);
    const perFile = /^(.+\.test\.[cm]?[jt]s)-[A-Za-z0-9]{6}$/.exec(name);
    if (perFile && statSync(path).isDirectory()) {
      const file = perFile[1].split('+').join('/');
      for (const entry of readdirSync(path).sort()) found.push(`${file}: ${entry}`);
    } else {
      found.push(`(no test file): ${name}`);
    }
  }
  return found;
}

module.exports = async function teardown() {
  const root = process.env.DRLOOP_TEST_TMP;
  if (!root) return;
  let left;
  try {
    left = leftovers(root);
  } finally {
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (process.env.DRLOOP_TEST_TMP_PARENT) process.env.TMPDIR = process.env.DRLOOP_TEST_TMP_PARENT;
    else delete process.env.TMPDIR;
    delete process.env.DRLOOP_TEST_TMP;
  }
  if (left.length > 0) {
    const err = new Error(
      `the tests left ${left.length} temporary entr${left.length === 1 ? 'y' : 'ies'} behind (removed now). ` +
        'Make them with tempDir() from test/support/temp.ts, or remove them in the test:\n' +
        left.map((l) => `  ${l}`).join('\n'),
    );
    err.stack = err.message; // the list is the message; where teardown threw is not
    throw err;
  }
};
