/**
 * verify-evidence against hostile bundles: entry names that would extract
 * outside the directory are refused even when the manifest vouches for them,
 * a small bundle claiming a huge number of entries is bounded in what is kept
 * and printed, and sidecar files that are not there are said to be missing.
 * Bundles are built with tar-stream, as someone forging one would.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { parseInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { collectEvidenceInputs, runCollectEvidence } from '../../src/evidence/run.js';
import { MAX_ENTRIES, MAX_REPORTED, unsafeEntryName, verifyBundle } from '../../src/evidence/verify.js';
import { runCli, tempWorkspace } from '../support/run-action.js';
import { put } from './support.js';
import { writeEntries } from './tar-helpers.js';

const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});
async function workspace(): Promise<string> {
  const ws = await tempWorkspace();
  made.push(ws);
  return ws;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const manifestOf = (files: { path: string; size: number; sha256: string }[]) => Buffer.from(JSON.stringify({ schema: 'drloop.evidence-manifest/v1', files }));

/** Packs entries straight into a gzip buffer; names are written exactly as given. */
async function tarGz(entries: Iterable<{ name: string; data: Buffer }>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    await new Promise<void>((res, rej) => p.entry({ name: e.name, size: e.data.length }, e.data, (err) => (err ? rej(err) : res())));
  }
  p.finalize();
  await collected;
  return gzipSync(Buffer.concat(chunks));
}

describe('entry names that leave the directory', () => {
  test.each([
    ['a parent-directory entry', '../../home/runner/.bashrc'],
    ['a nested parent-directory entry', 'evidence/../../x'],
    ['an absolute entry', '/etc/cron.d/drloop'],
  ])('%s is refused even when the manifest lists it with the right hash (library and CLI)', async (_name, evil) => {
    const ws = await workspace();
    const data = Buffer.from('echo pwned\n');
    const bundle = join(ws, 'forged.tar.gz');
    await writeEntries(bundle, [
      { name: evil, data },
      { name: 'manifest.json', data: manifestOf([{ path: evil, size: data.length, sha256: sha(data) }]) },
    ]);
    const report = await verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toContainEqual(expect.stringMatching(/^unsafe: .* extracting it would write outside the directory/));
    expect(report.mismatches).toContainEqual(expect.stringMatching(/^manifest\.json: lists .*; refused$/));
    const cli = await runCli(['verify-evidence', 'forged.tar.gz'], { cwd: ws });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('MISMATCH');
    expect(cli.stdout).toContain('unsafe:');
  });

  test('names are judged by their parts', () => {
    expect(unsafeEntryName('evidence/runs/r1/..hidden')).toBeNull();
    expect(unsafeEntryName('C:/Windows/x')).toBe('an absolute path');
    expect(unsafeEntryName('a\\..\\b')).toBe('a backslash');
  });
});

describe('bounded memory and output', () => {
  test(`a manifest listing more than ${MAX_ENTRIES} files in a small bundle is refused in one line`, async () => {
    const ws = await workspace();
    const files = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ path: `f${i}`, size: 0, sha256: '0'.repeat(64) }));
    const bundle = join(ws, 'claims.tar.gz');
    await writeFile(bundle, await tarGz([{ name: 'manifest.json', data: manifestOf(files) }]));
    expect((await stat(bundle)).size).toBeLessThan(1024 * 1024);
    const report = await verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([`manifest.json: lists ${MAX_ENTRIES + 1} files, more than the ${MAX_ENTRIES} a drloop bundle may hold; not checked`]);
  });

  test(`a bundle of more than ${MAX_ENTRIES} entries is checked up to the limit and says so`, async () => {
    const ws = await workspace();
    const empty = Buffer.alloc(0);
    const entries = function* () {
      for (let i = 0; i <= MAX_ENTRIES; i++) yield { name: `e${i}`, data: empty };
    };
    const bundle = join(ws, 'many.tar.gz');
    await writeFile(bundle, await tarGz(entries()));
    const report = await verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toContain(`bundle: ${MAX_ENTRIES + 1} entries, more than the ${MAX_ENTRIES} a drloop bundle may hold; only the first ${MAX_ENTRIES} were checked`);
    expect(report.mismatches.length).toBeLessThanOrEqual(MAX_REPORTED + 2);
  });

  test(`thousands of problems print ${MAX_REPORTED} lines and a count`, async () => {
    const ws = await workspace();
    const files = Array.from({ length: 5000 }, (_, i) => ({ path: `gone/${i}`, size: 0, sha256: '0'.repeat(64) }));
    await writeFile(join(ws, 'b.tar.gz'), await tarGz([{ name: 'manifest.json', data: manifestOf(files) }]));
    const report = await verifyBundle(join(ws, 'b.tar.gz'));
    expect(report.mismatches).toHaveLength(MAX_REPORTED + 1);
    expect(report.mismatches.at(-1)).toBe(`… and ${5000 - MAX_REPORTED} more problem(s), not listed`);
    const cli = await runCli(['verify-evidence', 'b.tar.gz'], { cwd: ws });
    expect(cli.code).toBe(1);
    expect(cli.stdout.split('\n').length).toBeLessThan(MAX_REPORTED + 10);
  });
});

describe('sidecar files', () => {
  test('a bundle without its .sha256 and manifest copy verifies, and says what was not checked (library and CLI)', async () => {
    const ws = await workspace();
    await put(ws, 'drloop-evidence/runs/r1/x.json', '{}\n');
    const made = await runCollectEvidence(parseInputs(collectEvidenceInputs, {}), { workspace: ws, logger: new MemoryLogger(), now: () => new Date('2026-01-02T03:20:00Z') });
    await mkdir(join(ws, 'alone'));
    await copyFile(made.bundlePath, join(ws, 'alone', 'b.tar.gz'));
    const report = await verifyBundle(join(ws, 'alone', 'b.tar.gz'));
    expect(report.ok).toBe(true);
    expect(report.notes).toEqual([
      `no ${join(ws, 'alone', 'b.tar.gz')}.sha256 beside the bundle: the bundle's own sha256 was not checked against one`,
      `no ${join(ws, 'alone', 'b.manifest.json')} beside the bundle: the manifest copy was not compared`,
    ]);
    const cli = await runCli(['verify-evidence', 'alone/b.tar.gz'], { cwd: ws });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/\n {2}note: no \S*alone\/b\.tar\.gz\.sha256 beside the bundle/);
    expect(cli.stdout).toMatch(/\n {2}note: no \S*alone\/b\.manifest\.json beside the bundle/);
    // With both beside it, there is nothing to note.
    expect((await verifyBundle(made.bundlePath)).notes).toEqual([]);
    expect(JSON.parse(await readFile(made.manifestPath, 'utf8')).files).toHaveLength(1);
  });
});
