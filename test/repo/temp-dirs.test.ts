/**
 * The suite's own clean-up: each test file runs with its own TMPDIR, the
 * directories tempDir() made are removed after the file, and anything else
 * left behind (by a test, the library or a process a test spawned) fails the
 * run, naming the test file. Checked on a small Jest project that uses the
 * same environment, setup and teardown as this repository's jest.config.js.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NODE, REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';

const support = (name: string) => join(REPO_ROOT, 'test', 'support', name);

const TIDY = `
const { mkdtempSync, existsSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
test('a directory registered the way tempDir() registers it', () => {
  const d = mkdtempSync(join(tmpdir(), 'drloop-tidy-'));
  globalThis.__drloopTestTempDirs.push(d);
  writeFileSync(join(d, 'f'), 'x');
  expect(existsSync(d)).toBe(true);
});
`;

const LEAKY = `
const { mkdtempSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
test('a directory nobody removes, and one a spawned process leaves', () => {
  mkdtempSync(join(tmpdir(), 'drloop-leak-'));
  execFileSync(process.execPath, ['-e', "require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'child-'))"]);
});
`;

function jest(project: string, parentTmp: string): Promise<{ code: number | null; output: string }> {
  const config = {
    rootDir: project,
    testMatch: ['<rootDir>/*.test.cjs'],
    transform: {},
    cacheDirectory: join(project, '.cache'),
    testEnvironment: support('tmp-environment.cjs'),
    globalSetup: support('tmp-setup.cjs'),
    globalTeardown: support('tmp-teardown.cjs'),
  };
  const child = spawn(NODE, [join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--ci'], {
    cwd: project,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? project, TMPDIR: parentTmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  return new Promise((res) => child.on('close', (code) => res({ code, output })));
}

describe('temporary directories of the test run', () => {
  test('what a test leaves fails the run, named by test file; what tempDir() made is removed; nothing stays', async () => {
    const project = await tempDir('drloop-jest-project-');
    const parentTmp = await tempDir('drloop-jest-tmp-');
    await writeFile(join(project, 'tidy.test.cjs'), TIDY);
    await writeFile(join(project, 'leaky.test.cjs'), LEAKY);

    const r = await jest(project, parentTmp);

    expect(r.output).toContain('Tests:       2 passed, 2 total');
    expect(r.code).toBe(1);
    expect(r.output).toContain('the tests left 2 temporary entries behind (removed now)');
    expect(r.output).toMatch(/^ {2}leaky\.test\.cjs: child-[A-Za-z0-9]{6}$/m);
    expect(r.output).toMatch(/^ {2}leaky\.test\.cjs: drloop-leak-[A-Za-z0-9]{6}$/m);
    expect(r.output).not.toContain('tidy.test.cjs:');
    // The run's root, with the leaks in it, is gone.
    expect(await readdir(parentTmp)).toEqual([]);
  });

  test('a run whose tests remove what they made passes and leaves nothing', async () => {
    const project = await tempDir('drloop-jest-project-');
    const parentTmp = await tempDir('drloop-jest-tmp-');
    await writeFile(join(project, 'tidy.test.cjs'), TIDY);

    const r = await jest(project, parentTmp);

    expect(r.output).toContain('Tests:       1 passed, 1 total');
    expect(r.output).not.toContain('temporary entr');
    expect(r.code).toBe(0);
    expect(await readdir(parentTmp)).toEqual([]);
  });
});
