// Jest's node environment, with one TMPDIR per test file: a directory inside
// the run's temporary root (tmp-setup.cjs), set in this worker's real
// environment so that os.tmpdir(), the library and every spawned process use
// it. After the file's last hook the directories that tempDir()
// (test/support/temp.ts) made are removed; an empty TMPDIR is removed too,
// and anything else stays for tmp-teardown.cjs to report.
const { chmodSync, mkdtempSync, readdirSync, rmdirSync, rmSync } = require('node:fs');
const { join, relative } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const REGISTRY = '__drloopTestTempDirs'; // same name in test/support/temp.ts

/** The per-file directory's name: the test path with '/' as '+' (tmp-teardown.cjs reads it back). */
function fileDirPrefix(rootDir, testPath) {
  return `${relative(rootDir, testPath).split(/[\\/]/).join('+')}-`;
}

class TmpDirEnvironment extends TestEnvironment {
  constructor(config, context) {
    const root = process.env.DRLOOP_TEST_TMP;
    const dir = root ? mkdtempSync(join(root, fileDirPrefix(config.projectConfig.rootDir, context.testPath))) : undefined;
    if (dir) {
      chmodSync(dir, 0o711); // traversable like the root (tmp-setup.cjs)
      process.env.TMPDIR = dir;
    }
    super(config, context);
    this.fileTmpDir = dir;
    this.global[REGISTRY] = [];
  }

  async teardown() {
    const made = this.global?.[REGISTRY] ?? [];
    for (const d of made) rmSync(d, { recursive: true, force: true, maxRetries: 3 });
    if (this.fileTmpDir && readdirSync(this.fileTmpDir).length === 0) rmdirSync(this.fileTmpDir);
    await super.teardown();
  }
}

module.exports = TmpDirEnvironment;
