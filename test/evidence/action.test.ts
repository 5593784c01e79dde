/**
 * The bundled collect-evidence action (actions/collect-evidence/dist), run the
 * way the runner runs it, locally and against a real S3-protocol server on
 * loopback, including the server going away in the middle of an upload.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { copyFile, link, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, type S3Options } from '../../src/evidence/s3.js';
import { verifyBundle, verifyPointer } from '../../src/evidence/verify.js';
import { alertmanagerFixture } from '../support/fixtures.js';
import { REPO_ROOT, runAction, tempWorkspace } from '../support/run-action.js';
import { BUCKET, bundleText, plantDecision, plantRun, put, S3_ENV, SECRETS, secretLog, startS3, useS3Env, type S3Server } from './support.js';

const GITHUB = {
  GITHUB_SHA: '89abcdef0123456789abcdef0123456789abcdef',
  GITHUB_RUN_ID: '555',
  GITHUB_RUN_ATTEMPT: '3',
  GITHUB_REPOSITORY: 'acme/netbox',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
};
const DIST = join(REPO_ROOT, 'actions', 'collect-evidence', 'dist');

describe('collect-evidence without S3', () => {
  test('bundles receipts, decision, alert and logs with every planted secret removed; sets outputs and the job summary', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-1');
    await plantDecision(ws, 'allow');
    await put(ws, 'logs/restore.log', secretLog());
    await copyFile(alertmanagerFixture('firing-single.json'), join(ws, 'event.json'));
    const r = await runAction('collect-evidence', { workspace: ws, env: GITHUB, inputs: { paths: 'logs/**', alert: 'event.json' } });

    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
    const name = (await readdir(join(ws, 'drloop-bundles'))).find((f) => f.endsWith('.tar.gz'))!;
    expect(name).toMatch(/^\d{8}T\d{6}Z-89abcde\.tar\.gz$/);
    expect(r.outputs).toEqual({
      'bundle-path': `drloop-bundles/${name}`,
      'bundle-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      'manifest-path': `drloop-bundles/${name.replace('.tar.gz', '.manifest.json')}`,
      'bundle-uri': '',
      'pointer-uri': '',
      'artifact-id': '',
      'artifact-url': '',
    });
    const bundle = join(ws, r.outputs['bundle-path']!);
    const report = await verifyBundle(bundle);
    expect(report).toMatchObject({ ok: true, bundleSha256: r.outputs['bundle-sha256'], files: 9 });
    const text = bundleText(bundle);
    for (const s of SECRETS) expect({ kind: s.kind, leaked: text.includes(s.value) || r.stdout.includes(s.value) }).toEqual({ kind: s.kind, leaked: false });

    const manifest = JSON.parse(await readFile(join(ws, r.outputs['manifest-path']!), 'utf8'));
    expect(manifest.run).toEqual({
      repository: 'acme/netbox',
      commit: GITHUB.GITHUB_SHA,
      workflowRunId: '555',
      workflowRunAttempt: '3',
      runUrl: 'https://github.com/acme/netbox/actions/runs/555',
      actor: 'octocat',
      event: 'workflow_dispatch',
    });

    expect(r.summary).toContain(`## 🧾 DR evidence: \`${name}\``);
    expect(r.summary).toContain('**Cost decision:** ✅ ALLOW (drill) on azure');
    expect(r.summary).toContain('**Run:** drill-1, drill of plan netbox: ✅ succeeded');
    expect(r.summary).toContain('| restore | ✅ success | 10m 00s |');
    expect(r.summary).toContain('| promote | ⏭️ skipped: drill | — |');
    expect(r.summary).toContain('| RTO | 16m 00s | 1h 00m | ✅ met |');
    expect(r.summary).toContain('| RPO | 7m 00s | 5m 00s | ❌ missed |');
    expect(r.summary).toContain(`| sha256 | \`${r.outputs['bundle-sha256']}\` |`);
    expect(r.summary).toContain('| Redacted | 10 value(s) |');
  });

  test('evidence of 32 MiB or more is bundled in a worker thread: its warnings reach the log and the manifest, which the action builds', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-1');
    await put(ws, 'logs/restore.log', 'restored\n');
    await put(ws, 'logs/big.log', 'replayed WAL segment 000000010000000000000042\n'.repeat(800_000));
    await link(join(ws, 'logs', 'restore.log'), join(ws, 'logs', 'restore-copy.log'));
    const r = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, RUNNER_DEBUG: '1' }, inputs: { paths: 'logs/**' } });

    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
    expect(r.stdout).toContain('::debug::the bundle is written in a worker thread with a young generation of 24 MiB');
    const skipped = (f: string) => `logs/${f}: skipped, it has 2 hard links`;
    expect(r.warnings.filter((w) => w.includes('hard links')).map((w) => w.slice(0, w.indexOf(' links') + 6))).toEqual([skipped('restore-copy.log'), skipped('restore.log')].sort());
    const manifest = JSON.parse(await readFile(join(ws, r.outputs['manifest-path']!), 'utf8'));
    expect(manifest.warnings.filter((w: string) => w.includes('hard links'))).toHaveLength(2);
    expect(manifest.files.map((f: { path: string }) => f.path)).not.toContain('files/logs/restore.log');
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('files/logs/big.log');
    expect(await verifyBundle(join(ws, r.outputs['bundle-path']!))).toMatchObject({ ok: true, bundleSha256: r.outputs['bundle-sha256'] });
  });

  test('smaller evidence is bundled without a worker', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-1');
    const r = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, RUNNER_DEBUG: '1' }, inputs: {} });
    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
    expect(r.stdout).not.toContain('worker thread');
  });

  test('loads neither the S3 SDK nor the artifact client: both live in chunks that index.js only imports on demand', async () => {
    const index = await readFile(join(DIST, 'index.js'), 'utf8');
    expect(index).not.toContain('S3ServiceException');
    expect(index).not.toContain('class DefaultArtifactClient');
    const chunks = (await readdir(DIST)).filter((f) => /^\d+\.index\.js$/.test(f));
    const contents = await Promise.all(chunks.map((c) => readFile(join(DIST, c), 'utf8')));
    expect(contents.some((c) => c.includes('S3ServiceException'))).toBe(true);
    // And a run without s3-uri works with those chunks out of reach.
    const ws = await tempWorkspace();
    const r = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, NODE_OPTIONS: '--trace-warnings' }, inputs: { 'allow-empty': 'true' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('NodeVersionSupportWarning');
  });

  test('nothing to collect fails the step in one line, writing nothing; with allow-empty it is a bundle with only the manifest, and a warning', async () => {
    const ws = await tempWorkspace();
    const failed = await runAction('collect-evidence', { workspace: ws, env: GITHUB });
    expect(failed.code).toBe(1);
    expect(failed.errors).toEqual([expect.stringMatching(/^collect-evidence: nothing to collect: no file under evidence-dir 'drloop-evidence' and no alert; .*Set allow-empty/)]);
    expect(await readdir(ws)).toEqual([]);
    const r = await runAction('collect-evidence', { workspace: ws, env: GITHUB, inputs: { 'allow-empty': 'true' } });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      "evidence-dir 'drloop-evidence' does not exist: no cost decision or run receipts to collect",
      'nothing to collect: the bundle holds only its manifest (allow-empty is set)',
    ]);
    const report = await verifyBundle(join(ws, r.outputs['bundle-path']!));
    expect(report).toMatchObject({ ok: true, files: 0 });
  });

  test('a glob leaving the workspace fails the step with one clear line and writes nothing', async () => {
    const ws = await tempWorkspace();
    const r = await runAction('collect-evidence', { workspace: ws, env: GITHUB, inputs: { paths: '../../etc/*' } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([`collect-evidence: input 'paths': '../../etc/*' points outside the workspace (${ws})`]);
    expect(r.errors.join('\n')).not.toContain('    at ');
    expect(await readdir(ws)).toEqual([]);
  });

  test('on a runner, the artifact client is loaded on demand; an artifact service that cannot be reached fails the step after the bundle is written', async () => {
    const ws = await tempWorkspace();
    const r = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ACTIONS_RUNTIME_TOKEN: 'fake-token' }, inputs: { 'allow-empty': 'true' } });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/^collect-evidence: the bundle was written to drloop-bundles\/.*\.tar\.gz but not stored everywhere: artifact drloop-evidence-555-3: /);
    expect((await verifyBundle(join(ws, r.outputs['bundle-path']!))).ok).toBe(true);
    // `artifact-name: ''` turns artifacts off.
    const off = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ACTIONS_RUNTIME_TOKEN: 'fake-token' }, inputs: { 'artifact-name': '', 'allow-empty': 'true' } });
    expect({ code: off.code, errors: off.errors, id: off.outputs['artifact-id'] }).toEqual({ code: 0, errors: [], id: '' });
  });
});

describe('collect-evidence with S3 (real s3rver on loopback)', () => {
  let dir: string;
  let server: S3Server;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = useS3Env();
    dir = await tempWorkspace('drloop-s3rver-');
    server = await startS3(dir);
  });
  afterAll(async () => {
    await server.stop();
    restoreEnv();
  });

  const inputs = (extra: Record<string, string> = {}, prefix = 'prod/netbox') => ({
    's3-uri': `s3://${BUCKET}/${prefix}`,
    's3-endpoint': server.endpoint,
    's3-force-path-style': 'true',
    's3-checksum': 'when-required',
    ...extra,
  });
  const options = (): S3Options => ({ endpoint: server.endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' });

  async function pointer(prefix = 'prod/netbox'): Promise<string> {
    const c = createS3Client(options());
    try {
      const res = await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/current.json` }));
      return res.Body!.transformToString();
    } finally {
      c.destroy();
    }
  }

  test('stores the bundle, moves the pointer after verifying it, and reports both URIs', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-2');
    const r = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ...S3_ENV }, inputs: inputs() });
    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
    const name = r.outputs['bundle-path']!.split('/').at(-1);
    expect(r.outputs['bundle-uri']).toBe(`s3://${BUCKET}/prod/netbox/bundles/${name}`);
    expect(r.outputs['pointer-uri']).toBe(`s3://${BUCKET}/prod/netbox/current.json`);
    expect(JSON.parse(await pointer())).toMatchObject({ bundle_uri: r.outputs['bundle-uri'], bundle_sha256: r.outputs['bundle-sha256'], git_sha: GITHUB.GITHUB_SHA, run_id: '555' });
    expect(r.summary).toContain(`| S3 | \`${r.outputs['bundle-uri']}\` |`);
    expect(r.summary).toContain(`| Pointer | \`${r.outputs['pointer-uri']}\` |`);
    const report = await verifyPointer(r.outputs['pointer-uri']!, options());
    expect(report).toMatchObject({ ok: true, bundleSha256: r.outputs['bundle-sha256'], files: 6 });
  });

  test('the server going away mid-upload fails the step clearly, keeps the local bundle and the pointer; after a restart a re-run uploads and moves it', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/small.log', 'before the fault\n');
    const first = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ...S3_ENV }, inputs: inputs({ paths: 'logs/*' }, 'prod/fault') });
    expect(first.code).toBe(0);
    const before = await pointer('prod/fault');

    // Incompressible, so the bundle needs three 5 MiB parts; the server dies when the first arrives.
    await put(ws, 'dumps/db.bin', Buffer.concat([Buffer.from([0]), randomBytes(12 * 1024 * 1024)]));
    let partsSeen = 0;
    server.http.on('request', (req) => {
      if (req.url?.includes('partNumber=') && partsSeen++ === 0) void server.stop();
    });
    const failed = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ...S3_ENV }, inputs: inputs({ paths: 'logs/*\ndumps/*', 's3-part-size': '5' }, 'prod/fault') });
    expect(partsSeen).toBeGreaterThan(0);
    expect(failed.code).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toMatch(
      /^collect-evidence: the bundle was written to drloop-bundles\/\S+\.tar\.gz but not stored everywhere: S3: uploading s3:\/\/drloop-evidence-test\/prod\/fault\/bundles\/\S+\.tar\.gz: /,
    );
    expect(failed.outputs['bundle-uri']).toBe('');
    expect(failed.outputs['pointer-uri']).toBe('');
    const kept = join(ws, failed.outputs['bundle-path']!);
    expect((await verifyBundle(kept)).ok).toBe(true);

    server = await startS3(dir);
    expect(await pointer('prod/fault')).toBe(before);

    const rerun = await runAction('collect-evidence', { workspace: ws, env: { ...GITHUB, ...S3_ENV }, inputs: inputs({ paths: 'logs/*\ndumps/*', 's3-part-size': '5' }, 'prod/fault') });
    expect({ code: rerun.code, errors: rerun.errors }).toEqual({ code: 0, errors: [] });
    const moved = JSON.parse(await pointer('prod/fault'));
    expect(moved.bundle_uri).toBe(rerun.outputs['bundle-uri']);
    expect(moved.bundle_sha256).toBe(rerun.outputs['bundle-sha256']);
    const report = await verifyPointer(rerun.outputs['pointer-uri']!, options());
    expect(report).toMatchObject({ ok: true, files: 2 });
  });
});
