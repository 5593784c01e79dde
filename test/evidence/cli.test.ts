/**
 * `drloop evidence` and `drloop verify-evidence` from the bundled CLI: the
 * same library as the action, locally and against a real S3-protocol server.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/evidence/s3.js';
import { runCli, tempWorkspace } from '../support/run-action.js';
import { BUCKET, plantRun, put, S3_ENV, startS3, useS3Env, type S3Server } from './support.js';
import { readEntries, writeEntries } from './tar-helpers.js';

describe('drloop evidence and verify-evidence, no cloud at all', () => {
  test('evidence writes a bundle that verify-evidence accepts (exit 0), and catches a changed byte (exit 1)', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'local-1');
    await put(ws, 'logs/app.log', 'token ghp_0123456789abcdefghijABCDEFGHIJ012345\n');
    const made = await runCli(['evidence', '--paths', 'logs/*.log', '--json'], { cwd: ws });
    expect(made.code).toBe(0);
    const out = JSON.parse(made.stdout);
    expect(out).toMatchObject({ 'bundle-path': expect.stringMatching(/^drloop-bundles\/\d{8}T\d{6}Z-nogit\.tar\.gz$/), 'bundle-uri': '', files: 7, redacted: 1, failures: [] });

    const ok = await runCli(['verify-evidence', out['bundle-path']], { cwd: ws });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`OK: ${out['bundle-path']}\n  7 file(s) match the manifest; bundle sha256 ${out['bundle-sha256']} (${out.size} bytes)\n`);

    const entries = await readEntries(join(ws, out['bundle-path']));
    const log = entries.find((e) => e.name === 'files/logs/app.log')!;
    log.data = Buffer.from(log.data.toString().replace('token', 'tokeN'));
    await writeEntries(join(ws, 'forged.tar.gz'), entries);
    const bad = await runCli(['verify-evidence', 'forged.tar.gz'], { cwd: ws });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^MISMATCH: forged\.tar\.gz\n {2}- changed: files\/logs\/app\.log has sha256 [0-9a-f]{64} \(\d+ bytes\), the manifest says [0-9a-f]{64} \(\d+ bytes\)\n {2}note: no \S+forged\.tar\.gz\.sha256 beside the bundle: .*\n {2}note: no \S+forged\.manifest\.json beside the bundle: .*\n$/,
    );
  });

  test.each([
    ['no argument', ['verify-evidence'], /expected one bundle or pointer, got 0/],
    ['a bundle that is not there', ['verify-evidence', 'nope.tar.gz'], /nope\.tar\.gz: file not found/],
    ['a pointer URI that is not one', ['verify-evidence', 's3://Bad_Bucket'], /is not an s3:\/\/bucket\/key URI/],
    ['a glob leaving the workspace', ['evidence', '--paths', '../outside/*'], /input 'paths': '\.\.\/outside\/\*' points outside the workspace/],
    ['an unknown flag', ['evidence', '--bogus'], /Unknown option '--bogus'/],
  ])('%s is bad input (exit 2)', async (_name, args, message) => {
    const ws = await tempWorkspace();
    const r = await runCli(args, { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

test('verify-evidence against a store that cannot be reached fails (exit 1), naming the store', async () => {
  const ws = await tempWorkspace();
  const r = await runCli(['verify-evidence', `s3://${BUCKET}/x/current.json`, '--s3-endpoint', 'http://127.0.0.1:9', '--s3-force-path-style'], { cwd: ws, env: { ...S3_ENV } });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`^drloop verify-evidence: cannot verify s3://${BUCKET}/x/current\\.json: reading s3://${BUCKET}/x/current\\.json: .*ECONNREFUSED`, 'm'));
});

describe('drloop evidence and verify-evidence with S3 (real s3rver)', () => {
  let server: S3Server;
  let restoreEnv: () => void;
  beforeAll(async () => {
    restoreEnv = useS3Env();
    server = await startS3(await tempWorkspace('drloop-s3rver-'));
  });
  afterAll(async () => {
    await server.stop();
    restoreEnv();
  });

  test('stores, moves the pointer, and verify-evidence checks bundle and pointer; a pointer to a missing bundle fails (exit 1)', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/app.log', 'hello\n');
    const s3 = ['--s3-endpoint', server.endpoint, '--s3-force-path-style', '--s3-checksum', 'when-required'];
    const made = await runCli(['evidence', '--paths', 'logs/*', '--s3-uri', `s3://${BUCKET}/cli`, ...s3], { cwd: ws, env: { ...S3_ENV } });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(new RegExp(`\\ns3: +s3://${BUCKET}/cli/bundles/\\d{8}T\\d{6}Z-nogit\\.tar\\.gz\\npointer: +s3://${BUCKET}/cli/current\\.json\\n$`));

    const ok = await runCli(['verify-evidence', `s3://${BUCKET}/cli/current.json`, ...s3], { cwd: ws, env: { ...S3_ENV } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`OK: s3://${BUCKET}/cli/current.json\n  1 file(s) match the manifest`);

    const client = createS3Client({ endpoint: server.endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' });
    const dangling = { bundle_uri: `s3://${BUCKET}/cli/bundles/x.tar.gz`, bundle_sha256: '1'.repeat(64), created_at: '2026-01-01T00:00:00Z', git_sha: null, run_id: null };
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cli/dangling.json', Body: JSON.stringify(dangling) }));
    client.destroy();
    const bad = await runCli(['verify-evidence', `s3://${BUCKET}/cli/dangling.json`, ...s3], { cwd: ws, env: { ...S3_ENV } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(`MISMATCH: s3://${BUCKET}/cli/dangling.json\n  - bundle: s3://${BUCKET}/cli/bundles/x.tar.gz, named by the pointer, does not exist\n`);
  });
});
