/**
 * The library behind collect-evidence, called directly: what goes into a
 * bundle, what is redacted, what the manifest says, and how verification
 * catches tampering. Everything runs on real files in temp workspaces.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isConfigurationError } from '../../src/errors.js';
import { parseInputs, type RawInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { collectEvidenceInputs, collectEvidenceOutputs, runCollectEvidence, type ArtifactUploader, type CollectEvidenceDeps } from '../../src/evidence/run.js';
import { redactBuffer } from '../../src/evidence/redact-stream.js';
import { verifyBundle } from '../../src/evidence/verify.js';
import { alertmanagerFixture } from '../support/fixtures.js';
import { tempWorkspace } from '../support/run-action.js';
import { bundleText, plantDecision, plantRun, put, SECRETS, secretLog } from './support.js';
import { manifestOf, readEntries, writeEntries } from './tar-helpers.js';

const NOW = new Date('2026-01-02T03:20:00.123Z');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const CONTEXT = { repository: 'acme/netbox', sha: SHA, runId: '4242', runAttempt: '2', actor: 'octocat', event: 'repository_dispatch', runUrl: 'https://github.com/acme/netbox/actions/runs/4242' };

async function collect(ws: string, raw: RawInputs = {}, deps: Partial<CollectEvidenceDeps> = {}) {
  const logger = new MemoryLogger();
  const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, raw), { workspace: ws, logger, now: () => NOW, context: CONTEXT, ...deps });
  return { result, logger };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('gathering and bundling', () => {
  test('bundles the evidence dir, the paths globs and the alert; the manifest lists path, size and sha256 of each and the run metadata', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-7');
    await plantDecision(ws, 'warn');
    await put(ws, 'logs/restore.log', 'restore ok\n');
    await put(ws, 'plans/tfplan.txt', 'Plan: 3 to add\n');
    await copyFile(alertmanagerFixture('firing-single.json'), join(ws, 'alert.json'));
    const { result } = await collect(ws, { paths: 'logs/*.log\nplans/**', alert: 'alert.json' });

    expect(result.name).toBe('20260102T032000Z-0123456.tar.gz');
    expect(result.bundleDisplayPath).toBe('drloop-bundles/20260102T032000Z-0123456.tar.gz');
    const entries = await readEntries(result.bundlePath);
    expect(entries.map((e) => e.name)).toEqual([
      'alert.json',
      'evidence/cost/decision-20260102T025900Z-drill-abc123.json',
      'evidence/runs/drill-7/drill.summary.json',
      'evidence/runs/drill-7/phases/bringup.json',
      'evidence/runs/drill-7/phases/promote.json',
      'evidence/runs/drill-7/phases/restore.json',
      'evidence/runs/drill-7/phases/teardown.json',
      'evidence/runs/drill-7/phases/validate.json',
      'files/logs/restore.log',
      'files/plans/tfplan.txt',
      'manifest.json',
    ]);
    const manifest = JSON.parse(entries.at(-1)!.data.toString('utf8'));
    for (const e of entries.slice(0, -1)) {
      expect(manifest.files.find((f: { path: string }) => f.path === e.name)).toMatchObject({ size: e.data.length, sha256: sha256(e.data) });
    }
    expect(manifest).toMatchObject({
      schema: 'drloop.evidence-manifest/v1',
      createdAt: NOW.toISOString(),
      bundle: result.name,
      run: { repository: 'acme/netbox', commit: SHA, workflowRunId: '4242', workflowRunAttempt: '2', actor: 'octocat', event: 'repository_dispatch' },
      cost: { decision: 'warn', mode: 'drill', target: 'azure', record: 'evidence/cost/decision-20260102T025900Z-drill-abc123.json' },
      drill: { runId: 'drill-7', status: 'succeeded', mode: 'drill', lastPhase: 'teardown', plan: { name: 'netbox' } },
      objectives: { rtoSeconds: 960, rtoObjectiveSeconds: 3600, rtoMet: true, rpoSeconds: 420, rpoObjectiveSeconds: 300, rpoMet: false },
    });
    expect(manifest.drill.phases.map((p: { phase: string }) => p.phase)).toEqual(['bringup', 'restore', 'validate', 'promote', 'teardown']);
    const fixture = JSON.parse(await readFile(alertmanagerFixture('firing-single.json'), 'utf8'));
    expect(manifest.alert).toMatchObject({ name: fixture.commonLabels.alertname, groupKey: fixture.groupKey, status: 'firing' });
    expect(manifest.alert.fingerprint).toBe(fixture.alerts[0].fingerprint);

    // Beside the bundle: sha256sum-style checksum and a readable manifest copy.
    expect(await readFile(`${result.bundlePath}.sha256`, 'utf8')).toBe(`${result.sha256}  ${result.name}\n`);
    expect(await readFile(result.manifestPath)).toEqual(entries.at(-1)!.data);
    expect(sha256(await readFile(result.bundlePath))).toBe(result.sha256);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });

  test('planted secrets of every kind appear nowhere in the bundle, small files and streamed large ones alike; the manifest counts them, never the values', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/small.log', secretLog());
    // Over the in-memory limit, so it goes through the streaming redactor and the spool file.
    const big = `${'filler line for a long restore log\n'.repeat(2000)}${secretLog()}`.repeat(30);
    await put(ws, 'logs/big.log', big);
    await put(ws, 'drloop-evidence/runs/r1/phases/restore.json', { outputTail: SECRETS.map((s) => s.line).join('\n') });
    await put(ws, 'logs/custom.log', 'ticket INTERNAL-123456\n');
    const alert = JSON.parse(await readFile(alertmanagerFixture('firing-single.json'), 'utf8'));
    alert.commonAnnotations.runbook = SECRETS.find((s) => s.kind === 'slack-webhook')!.value;
    const { result } = await collect(ws, { paths: 'logs/*.log', alert: JSON.stringify(alert), redact: 'INTERNAL-[0-9]{6}' });

    const text = bundleText(result.bundlePath);
    for (const s of SECRETS) expect({ kind: s.kind, leaked: text.includes(s.value) }).toEqual({ kind: s.kind, leaked: false });
    expect(text).not.toContain('INTERNAL-123456');
    const manifestCopy = await readFile(result.manifestPath, 'utf8');
    for (const s of SECRETS) expect(manifestCopy.includes(s.value)).toBe(false);

    const perFile = Object.fromEntries(result.manifest.files.map((f) => [f.path, f.redactions]));
    const once = { 'aws-access-key-id': 1, 'aws-secret-access-key': 1, 'github-token': 4, 'slack-webhook': 1, 'teams-webhook': 1, 'bearer-token': 1, 'pem-private-key': 1 };
    expect(perFile['files/logs/small.log']).toEqual(once);
    expect(perFile['files/logs/big.log']).toEqual(Object.fromEntries(Object.entries(once).map(([k, n]) => [k, n * 30])));
    expect(perFile['files/logs/custom.log']).toEqual({ 'custom-1': 1 });
    expect(perFile['alert.json']).toEqual({ 'slack-webhook': 1 });
    expect(result.manifest.redaction.total).toBe(Object.values(result.manifest.redaction.byKind).reduce((a, b) => a + b, 0));
    // Streamed through blocks and a spool file, the big log comes out as if redacted whole.
    const stored = (await readEntries(result.bundlePath)).find((e) => e.name === 'files/logs/big.log')!.data;
    expect(stored.equals(redactBuffer(Buffer.from(big)).data)).toBe(true);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });

  test('binary files (NUL bytes) are scanned byte for byte: a secret in one is redacted, every other byte kept', async () => {
    const ws = await tempWorkspace();
    const small = Buffer.concat([Buffer.from([0x00, 0x01]), Buffer.from('AKIAIOSFODNN7EXAMPLE')]);
    const large = Buffer.concat([Buffer.from([0x00]), randomBytes(3 * 1024 * 1024)]);
    await put(ws, 'dumps/small.bin', small);
    await put(ws, 'dumps/large.bin', large);
    const { result } = await collect(ws, { paths: 'dumps/*' });
    const entries = await readEntries(result.bundlePath);
    expect(entries.find((e) => e.name === 'files/dumps/small.bin')!.data).toEqual(Buffer.concat([Buffer.from([0x00, 0x01]), Buffer.from('[REDACTED:aws-access-key-id]')]));
    expect(entries.find((e) => e.name === 'files/dumps/large.bin')!.data.equals(large)).toBe(true);
    for (const f of result.manifest.files) expect(f).toMatchObject({ content: 'binary', redaction: 'applied' });
    expect(result.manifest.redaction.notInspected).toBe(0);
  });

  test('nothing to collect is a ConfigurationError that names allow-empty, and nothing is written', async () => {
    const ws = await tempWorkspace();
    const err = await collect(ws).catch((e: unknown) => e);
    expect(isConfigurationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^nothing to collect: no file under evidence-dir 'drloop-evidence' and no alert; .* Set allow-empty \(--allow-empty\)/);
    expect(await readdir(ws)).toEqual([]);
  });

  test('with allow-empty, nothing to collect gives a bundle with only the manifest, and a warning', async () => {
    const ws = await tempWorkspace();
    const { result, logger } = await collect(ws, { 'allow-empty': 'true' });
    expect((await readEntries(result.bundlePath)).map((e) => e.name)).toEqual(['manifest.json']);
    expect(result.manifest.files).toEqual([]);
    expect(result.manifest.warnings).toEqual(expect.arrayContaining([expect.stringContaining("evidence-dir 'drloop-evidence' does not exist"), expect.stringContaining('nothing to collect')]));
    expect(logger.messages('warning')).toEqual(result.manifest.warnings);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });

  test('a glob that matches nothing is a warning; the rest is bundled', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/a.log', 'a\n');
    const { result } = await collect(ws, { paths: 'logs/*.log\nmissing/**/*.txt' });
    expect(result.manifest.files.map((f) => f.path)).toEqual(['files/logs/a.log']);
    expect(result.manifest.warnings).toContain("input 'paths': 'missing/**/*.txt' matches no file");
  });

  test.each([
    ['a parent-directory glob', '../elsewhere/*.log'],
    ['an absolute path outside', '/etc/passwd'],
  ])('%s is a ConfigurationError naming the pattern, and nothing is written', async (_name, pattern) => {
    const ws = await tempWorkspace();
    const err = await collect(ws, { paths: pattern }).catch((e: unknown) => e);
    expect(isConfigurationError(err)).toBe(true);
    expect((err as Error).message).toContain(`input 'paths': '${pattern}' points outside the workspace`);
    expect(await readdir(ws)).toEqual([]);
  });

  test('a bad redact pattern, object-lock without s3-uri, a bad s3-uri or an output-dir holding the evidence is a ConfigurationError', async () => {
    const ws = await tempWorkspace();
    await expect(collect(ws, { redact: 'a(b' })).rejects.toThrow(/input 'redact': redact pattern 1 .* is not a valid regular expression/);
    await expect(collect(ws, { 'object-lock-days': '30' })).rejects.toThrow("input 'object-lock-days': needs 's3-uri'");
    await expect(collect(ws, { 's3-uri': 'https://bucket/x' })).rejects.toThrow("input 's3-uri': expected s3://bucket or s3://bucket/prefix");
    await expect(collect(ws, { 'output-dir': '.' })).rejects.toThrow("input 'output-dir': '.' contains the workspace");
    await expect(collect(ws, { 'output-dir': 'drloop-evidence/..' })).rejects.toThrow("input 'output-dir': 'drloop-evidence/..' contains the workspace");
    await expect(collect(ws, { 'evidence-dir': 'out/evidence', 'output-dir': 'out' })).rejects.toThrow("input 'output-dir': 'out' contains the evidence directory");
  });

  test('earlier bundles are never collected, even by a glob that covers the output dir', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'notes.txt', 'n\n');
    const first = await collect(ws, { paths: '**' });
    const second = await collect(ws, { paths: '**' });
    expect(second.result.name).toBe('20260102T032000Z-0123456-2.tar.gz');
    expect(second.result.manifest.files.map((f) => f.path)).toEqual(['files/notes.txt']);
    expect(first.result.bundlePath).not.toBe(second.result.bundlePath);
  });

  test('an alert that is not an Alertmanager or drloop payload is kept as received, with a warning', async () => {
    const ws = await tempWorkspace();
    const { result } = await collect(ws, { alert: '{"hello": "world"}' });
    expect(result.manifest.alert).toBeNull();
    expect(result.manifest.warnings.some((w) => w.startsWith("input 'alert': kept as received but not understood as an alert"))).toBe(true);
    expect((await readEntries(result.bundlePath)).find((e) => e.name === 'alert.json')!.data.toString()).toBe('{"hello": "world"}');
  });

  test('a missing alert file is a ConfigurationError', async () => {
    const ws = await tempWorkspace();
    await expect(collect(ws, { alert: 'no-such-event.json' })).rejects.toThrow("input 'alert': no-such-event.json: file not found");
  });

  test("the short sha is 'nogit' outside a checkout with no GITHUB_SHA", async () => {
    const ws = await tempWorkspace();
    const { result } = await runCollectEvidence(parseInputs(collectEvidenceInputs, { 'allow-empty': 'true' }), { workspace: ws, logger: new MemoryLogger(), now: () => NOW }).then((r) => ({
      result: r,
    }));
    expect(result.name).toBe('20260102T032000Z-nogit.tar.gz');
    expect(result.manifest.run.commit).toBeNull();
  });
});

describe('verification catches tampering', () => {
  async function fresh() {
    const ws = await tempWorkspace();
    await plantRun(ws, 'r1');
    await put(ws, 'logs/app.log', 'line one\nline two\n');
    const { result } = await collect(ws, { paths: 'logs/*.log' });
    return { ws, path: result.bundlePath, entries: await readEntries(result.bundlePath) };
  }

  test('a fresh bundle verifies', async () => {
    const { path } = await fresh();
    const report = await verifyBundle(path);
    expect(report).toMatchObject({ ok: true, mismatches: [], files: 7 });
  });

  test.each([
    [
      'a changed byte in a file',
      (e: { name: string; data: Buffer }[]) => e.map((x) => (x.name === 'files/logs/app.log' ? { ...x, data: Buffer.from('line one\nline tw0\n') } : x)),
      /^changed: files\/logs\/app\.log has sha256/,
    ],
    ['a missing file', (e: { name: string; data: Buffer }[]) => e.filter((x) => x.name !== 'files/logs/app.log'), /^missing: files\/logs\/app\.log is in the manifest but not in the bundle$/],
    [
      'an extra file',
      (e: { name: string; data: Buffer }[]) => [{ name: 'files/logs/injected.log', data: Buffer.from('all good\n') }, ...e],
      /^extra: files\/logs\/injected\.log is in the bundle but not in the manifest$/,
    ],
    ['no manifest', (e: { name: string; data: Buffer }[]) => e.filter((x) => x.name !== 'manifest.json'), /^manifest\.json: missing/],
  ])('%s fails verification, naming it', async (_name, tamper, expected) => {
    const { ws, path, entries } = await fresh();
    const forged = join(ws, 'forged.tar.gz');
    await writeEntries(forged, tamper(entries));
    const report = await verifyBundle(forged);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([expect.stringMatching(expected)]);
    expect((await verifyBundle(path)).ok).toBe(true);
  });

  test('a changed byte in the compressed bundle fails verification', async () => {
    const { path } = await fresh();
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(path, bytes);
    const report = await verifyBundle(path);
    expect(report.ok).toBe(false);
    expect(report.mismatches.join('\n')).toMatch(/bundle: (not a readable tar\.gz|sha256 [0-9a-f]{64}, .*\.sha256 says)/);
    expect(report.mismatches.some((m) => m.startsWith('bundle: sha256'))).toBe(true);
  });

  test('a re-packed bundle with a consistent forged manifest is caught by the .sha256 beside it', async () => {
    const { path, entries } = await fresh();
    const changed = entries.map((x) => (x.name === 'files/logs/app.log' ? { ...x, data: Buffer.from('forged\n') } : x));
    const manifest = JSON.parse(changed.at(-1)!.data.toString());
    for (const f of manifest.files) {
      const e = changed.find((x) => x.name === f.path)!;
      f.size = e.data.length;
      f.sha256 = sha256(e.data);
    }
    changed[changed.length - 1] = { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) };
    await writeEntries(path, changed);
    const report = await verifyBundle(path);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([expect.stringMatching(/^bundle: sha256 [0-9a-f]{64}, .*\.sha256 says/), expect.stringMatching(/^manifest copy: .* differs/)]);
  });

  test('a bundle that does not exist is a ConfigurationError', async () => {
    await expect(verifyBundle('/nonexistent/bundle.tar.gz')).rejects.toThrow('/nonexistent/bundle.tar.gz: file not found');
  });
});

describe('workflow artifact (fake client: the real upload needs a runner)', () => {
  function fakeUploader(fail?: Error) {
    const calls: { name: string; files: string[]; root: string; options: { retentionDays?: number } }[] = [];
    const uploader: ArtifactUploader = {
      async uploadArtifact(name, files, root, options) {
        calls.push({ name, files, root, options });
        if (fail) throw fail;
        return { id: 987, size: 100, digest: 'abc' };
      },
    };
    return { uploader, calls };
  }

  test('uploads the bundle, its checksum and manifest under a per-attempt name with the retention days, and reports id and link', async () => {
    const ws = await tempWorkspace();
    const fake = fakeUploader();
    const { result } = await collect(ws, { 'retention-days': '7', 'allow-empty': 'true' }, { artifact: fake.uploader });
    expect(fake.calls).toEqual([
      { name: 'drloop-evidence-4242-2', files: [result.bundlePath, `${result.bundlePath}.sha256`, result.manifestPath], root: join(ws, 'drloop-bundles'), options: { retentionDays: 7 } },
    ]);
    expect(collectEvidenceOutputs(result)).toMatchObject({ 'artifact-id': '987', 'artifact-url': 'https://github.com/acme/netbox/actions/runs/4242/artifacts/987' });
  });

  test('an upload that fails is reported as a failure; the local bundle stays', async () => {
    const ws = await tempWorkspace();
    const fake = fakeUploader(new Error('Artifact storage quota has been hit'));
    const { result } = await collect(ws, { 'artifact-name': 'custom-{run-id}', 'allow-empty': 'true' }, { artifact: fake.uploader });
    expect(fake.calls[0]!.name).toBe('custom-4242');
    expect(fake.calls[0]!.options).toEqual({});
    expect(result.failures).toEqual(['artifact custom-4242: Artifact storage quota has been hit']);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });
});
