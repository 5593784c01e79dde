/**
 * Bundles written in a worker thread (src/worker-job.ts), through the built
 * CLI as the worker's script, as the CLI and the actions start it: results,
 * the caller's callbacks, and failures crossing the thread boundary.
 */
import { describe, expect, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/errors.js';
import type { BundleResult } from '../../src/evidence/bundle.js';
import { writeBundleInWorker } from '../../src/evidence/bundle-job.js';
import type { EvidenceManifest, ManifestFile } from '../../src/evidence/manifest.js';
import { jobWorkers, runJob, type JobName } from '../../src/worker-job.js';
import { REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';

const CLI = jobWorkers(join(REPO_ROOT, 'cli', 'dist', 'index.js'));
const alertItem = (text: string) => ({ bundlePath: 'alert.json', source: 'alert' as const, origin: 'event.json', data: Buffer.from(text, 'utf8') });
const manifestOf = (files: ManifestFile[], warnings: string[]) => ({ schema: 'test', createdAt: '2026-12-01T00:00:00.000Z', files, warnings }) as unknown as EvidenceManifest;

describe('a bundle in a worker thread', () => {
  test('is written whole, redacted, with the manifest the caller builds; warnings reach the caller', async () => {
    const out = await tempDir();
    const ws = await tempDir();
    const warned: string[] = [];
    let asked: ManifestFile[] = [];
    const r = await writeBundleInWorker(CLI, {
      items: [
        alertItem('{"token":"ghp_0123456789abcdefghijABCDEFGHIJ012345","ref":"TICKET-42"}'),
        { bundlePath: 'files/missing.log', source: 'paths', origin: 'missing.log', file: join(ws, 'missing.log') },
      ],
      outputDir: out,
      name: 'b.tar.gz',
      extraRules: [{ kind: 'ticket', pattern: /TICKET-\d+/g }],
      warn: (m) => warned.push(m),
      manifest: (files, warnings) => {
        asked = files;
        return manifestOf(files, warnings);
      },
    });
    expect(r.path).toBe(join(out, 'b.tar.gz'));
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.isBuffer(r.manifestBytes)).toBe(true);
    expect(r.manifest.files).toBe(asked);
    expect(JSON.parse(r.manifestBytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(r.manifest)));
    expect(asked.map((f) => [f.path, f.redactions])).toEqual([['alert.json', { 'github-token': 1, ticket: 1 }]]);
    expect(warned).toEqual([expect.stringMatching(/^missing\.log: skipped, it could not be read/)]);
    expect((await readFile(r.path)).length).toBe(r.size);
  });

  test('a failure in the job rejects with its message', async () => {
    const dir = await tempDir();
    const file = join(dir, 'not-a-dir');
    await writeFile(file, '');
    await expect(writeBundleInWorker(CLI, { items: [alertItem('{}')], outputDir: file, name: 'b.tar.gz', extraRules: [], warn: () => undefined, manifest: manifestOf })).rejects.toThrow(
      /ENOTDIR|EEXIST/,
    );
  });

  test("a ConfigurationError thrown by the caller's callback comes back as one", async () => {
    const out = await tempDir();
    const failing = writeBundleInWorker(CLI, {
      items: [alertItem('{}')],
      outputDir: out,
      name: 'b.tar.gz',
      extraRules: [],
      warn: () => undefined,
      manifest: () => {
        throw new ConfigurationError('metadata: bad value', ['a', 'b']);
      },
    });
    const err = await failing.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toMatchObject({ message: 'metadata: bad value', problems: ['a', 'b'] });
  });

  test('a job the script does not serve fails instead of hanging', async () => {
    await expect(runJob<BundleResult>(CLI, 'report' as JobName, {}, {})).rejects.toThrow(/no worker job named report/);
  });
});
