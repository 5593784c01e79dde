/**
 * Temporary directories for tests, removed when the test file is done.
 *
 * Every test file runs with its own TMPDIR inside the run's temporary root
 * (test/support/tmp-environment.cjs); the directories made here are removed
 * after the file's last hook, and anything else still in that TMPDIR at the
 * end of the run fails it, naming the test file (test/support/tmp-teardown.cjs).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The list tmp-environment.cjs removes at the end of the file; same name there. */
const REGISTRY = '__drloopTestTempDirs';

function registry(): string[] {
  const g = globalThis as Record<string, unknown>;
  if (!Array.isArray(g[REGISTRY])) g[REGISTRY] = [];
  return g[REGISTRY] as string[];
}

/** A fresh temporary directory, removed once the current test file is done. */
export async function tempDir(prefix = 'drloop-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  registry().push(dir);
  return dir;
}
