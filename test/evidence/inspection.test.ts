/**
 * What collect-evidence reads and what it refuses, through the real library
 * on real files: every file is inspected (gzip and UTF-16 decoded, NUL-led
 * logs scanned), file names are redacted, .git/ and links that could bring in
 * files from elsewhere are left out with a warning, the alert file is confined
 * to the workspace, and an empty collection fails unless asked for. The last
 * test stores such a bundle in a real S3-protocol server (s3rver).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { link, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { isConfigurationError } from '../../src/errors.js';
import { parseInputs, type RawInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { collectEvidenceInputs, runCollectEvidence, type CollectEvidenceDeps } from '../../src/evidence/run.js';
import { classifyContent } from '../../src/evidence/bundle.js';
import { createS3Client } from '../../src/evidence/s3.js';
import { verifyBundle } from '../../src/evidence/verify.js';
import { runCli, tempWorkspace } from '../support/run-action.js';
import { BUCKET, put, startS3, useS3Env, type S3Server } from './support.js';
import { readEntries } from './tar-helpers.js';

const NOW = new Date('2026-01-02T03:20:00.123Z');
const TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const made: string[] = [];

async function workspace(): Promise<string> {
  const ws = await tempWorkspace();
  made.push(ws);
  return ws;
}

afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

async function collect(ws: string, raw: RawInputs = {}, deps: Partial<CollectEvidenceDeps> = {}) {
  const logger = new MemoryLogger();
  const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, raw), { workspace: ws, logger, now: () => NOW, ...deps });
  const entries = await readEntries(result.bundlePath);
  const entry = (name: string) => entries.find((e) => e.name === name)?.data;
  const file = (path: string) => result.manifest.files.find((f) => f.path === path);
  return { result, logger, entries, entry, file };
}

const secretText = (n = 1) => `start\n${`token ${TOKEN} and key ${AWS_KEY}\n`.repeat(n)}end\n`;

describe('every file is inspected', () => {
  test('a gzip log (small, and large enough to stream) is decompressed, redacted and compressed again', async () => {
    const ws = await workspace();
    await put(ws, 'logs/app.log.1.gz', gzipSync(secretText()));
    await put(ws, 'logs/big.log.gz', gzipSync(secretText(40_000)));
    const { entry, file } = await collect(ws, { paths: 'logs/*' });
    for (const [name, n] of [
      ['files/logs/app.log.1.gz', 1],
      ['files/logs/big.log.gz', 40_000],
    ] as const) {
      const text = gunzipSync(entry(name)!).toString('utf8');
      expect(text).toBe(`start\n${'token [REDACTED:github-token] and key [REDACTED:aws-access-key-id]\n'.repeat(n)}end\n`);
      expect(file(name)).toMatchObject({ content: 'gzip', redaction: 'applied', redactions: { 'github-token': n, 'aws-access-key-id': n } });
    }
  });

  test.each([
    ['UTF-16LE with a byte order mark', 'utf-16le', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16LE without one (PowerShell redirection)', 'utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE with a byte order mark', 'utf-16be', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ])('%s is decoded, redacted and written back in the same encoding', async (_name, encoding, encode) => {
    const ws = await workspace();
    await put(ws, 'logs/win.log', encode(`héllo ${TOKEN}\r\n`));
    await put(ws, 'logs/big-win.log', encode(secretText(30_000)));
    const { entry, file } = await collect(ws, { paths: 'logs/*' });
    expect(entry('files/logs/win.log')!.equals(encode('héllo [REDACTED:github-token]\r\n'))).toBe(true);
    expect(file('files/logs/win.log')).toMatchObject({ content: encoding, redaction: 'applied', redactions: { 'github-token': 1 } });
    expect(entry('files/logs/big-win.log')!.equals(encode(`start\n${'token [REDACTED:github-token] and key [REDACTED:aws-access-key-id]\n'.repeat(30_000)}end\n`))).toBe(true);
  });

  test('a log that logrotate truncated (NUL bytes first) is redacted', async () => {
    const ws = await workspace();
    await put(ws, 'logs/rotated.log', Buffer.concat([Buffer.alloc(4096), Buffer.from(secretText())]));
    const { entry, file } = await collect(ws, { paths: 'logs/*' });
    expect(entry('files/logs/rotated.log')!.toString('latin1')).not.toContain(TOKEN);
    expect(file('files/logs/rotated.log')).toMatchObject({ content: 'binary', redaction: 'applied', redactions: { 'github-token': 1, 'aws-access-key-id': 1 } });
  });

  test('what cannot be read (a zip archive, a corrupt gzip) is stored as found and marked not-inspected, with a warning', async () => {
    const ws = await workspace();
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`deflated ${TOKEN}`)]);
    const corrupt = Buffer.concat([gzipSync(secretText()).subarray(0, 10), Buffer.from('not deflate data at all')]);
    await put(ws, 'dumps/logs.zip', zip);
    await put(ws, 'dumps/broken.gz', corrupt);
    const { entry, file, result, logger } = await collect(ws, { paths: 'dumps/*' });
    expect(entry('files/dumps/logs.zip')).toEqual(zip);
    expect(entry('files/dumps/broken.gz')).toEqual(corrupt);
    expect(file('files/dumps/logs.zip')).toMatchObject({ content: 'compressed', redaction: 'not-inspected', note: 'a zip archive, which drloop cannot read' });
    expect(file('files/dumps/broken.gz')).toMatchObject({ content: 'gzip', redaction: 'not-inspected' });
    expect(file('files/dumps/broken.gz')!.note).toMatch(/^gzip data that could not be read/);
    expect(result.manifest.redaction.notInspected).toBe(2);
    expect(logger.messages('warning').some((m) => m.startsWith('2 file(s) stored as found, their content could not be inspected for secrets'))).toBe(true);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });

  test('classifies by content, not by name', () => {
    expect(classifyContent(Buffer.from('plain text\n')).content).toBe('text');
    expect(classifyContent(Buffer.from([0x00, 0x00, 0x41])).content).toBe('binary');
    expect(classifyContent(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1])).content).toBe('compressed');
  });
});

describe('names, .git and links', () => {
  test('a secret in a file name is redacted in the tar header, the manifest and the warnings', async () => {
    const ws = await workspace();
    await put(ws, `drloop-evidence/runs/r1/${TOKEN}.log`, 'ok\n');
    await put(ws, `logs/${AWS_KEY}.txt`, 'ok\n');
    const { result, entries } = await collect(ws, { paths: 'logs/*' });
    const names = entries.map((e) => e.name);
    expect(names).toEqual(['evidence/runs/r1/[REDACTED:github-token].log', 'files/logs/[REDACTED:aws-access-key-id].txt', 'manifest.json']);
    const manifestText = entries.at(-1)!.data.toString('utf8');
    expect(manifestText).not.toContain(TOKEN);
    expect(manifestText).not.toContain(AWS_KEY);
    expect(result.manifest.files.map((f) => f.redactions)).toEqual([{ 'github-token': 1 }, { 'aws-access-key-id': 1 }]);
    expect((await verifyBundle(result.bundlePath)).ok).toBe(true);
  });

  test(".git/ is never bundled, even when a glob such as '**/config' matches it", async () => {
    const ws = await workspace();
    await put(ws, '.git/config', '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n');
    await put(ws, 'app/config', 'port = 8080\n');
    await put(ws, 'drloop-evidence/vendored/.git/config', '[core]\n');
    await put(ws, 'drloop-evidence/runs/r1/ok.json', '{}\n');
    const { result } = await collect(ws, { paths: '**/config' });
    expect(result.manifest.files.map((f) => f.path)).toEqual(['evidence/runs/r1/ok.json', 'files/app/config']);
    expect(result.manifest.warnings).toContainEqual(expect.stringMatching(/^skipped 2 file\(s\) under \.git\/: a checkout's \.git holds credentials/));
  });

  test('a hard link to a file outside the workspace is refused with a warning, from evidence-dir and paths alike', async () => {
    const ws = await workspace();
    const outside = await workspace();
    await put(outside, 'secret.env', `TOKEN=${TOKEN}\n`);
    await mkdir(join(ws, 'drloop-evidence'), { recursive: true });
    await mkdir(join(ws, 'logs'), { recursive: true });
    await link(join(outside, 'secret.env'), join(ws, 'drloop-evidence', 'innocent.log'));
    await link(join(outside, 'secret.env'), join(ws, 'logs', 'innocent.log'));
    await put(ws, 'logs/real.log', 'ok\n');
    const { result } = await collect(ws, { paths: 'logs/*' });
    expect(result.manifest.files.map((f) => f.path)).toEqual(['files/logs/real.log']);
    for (const p of ['drloop-evidence/innocent.log', 'logs/innocent.log']) {
      expect(result.manifest.warnings).toContain(`${p}: skipped, it has 3 hard links, and another name of the same file may be outside the workspace; bundle a copy instead`);
    }
  });

  test('symbolic links in evidence-dir: one to a file inside is followed; the others are each named in a warning', async () => {
    const ws = await workspace();
    const outside = await workspace();
    await put(outside, 'secret.env', `TOKEN=${TOKEN}\n`);
    await put(ws, 'logs/restore.log', 'restored\n');
    await put(ws, 'drloop-evidence/runs/r1/ok.json', '{}\n');
    const ev = join(ws, 'drloop-evidence');
    await symlink(join(ws, 'logs', 'restore.log'), join(ev, 'restore.log'));
    await symlink(join(outside, 'secret.env'), join(ev, 'outside.env'));
    await symlink(outside, join(ev, 'outside-dir'));
    await symlink(join(ws, 'nowhere'), join(ev, 'dangling'));
    const { result, entry } = await collect(ws);
    expect(result.manifest.files.map((f) => f.path)).toEqual(['evidence/restore.log', 'evidence/runs/r1/ok.json']);
    expect(entry('evidence/restore.log')!.toString()).toBe('restored\n');
    expect(result.manifest.warnings).toEqual(
      expect.arrayContaining([
        'drloop-evidence/dangling: skipped, it is a symbolic link to nothing',
        'drloop-evidence/outside-dir: skipped, it is a symbolic link to a file outside the evidence directory and the workspace',
        'drloop-evidence/outside.env: skipped, it is a symbolic link to a file outside the evidence directory and the workspace',
      ]),
    );
  });
});

describe('input alert is confined to the workspace', () => {
  test.each([
    ['an absolute path elsewhere', async (_ws: string, outside: string) => join(outside, 'event.json')],
    ['a parent-directory path', async (ws: string, outside: string) => join('..', outside.split('/').at(-1)!, 'event.json')],
    [
      'a symbolic link inside pointing outside',
      async (ws: string, outside: string) => {
        await symlink(join(outside, 'event.json'), join(ws, 'event.json'));
        return 'event.json';
      },
    ],
  ])('%s is a ConfigurationError and nothing is written', async (_name, setup) => {
    const ws = await workspace();
    const outside = await workspace();
    await writeFile(join(outside, 'event.json'), `{"token": "${TOKEN}"}`);
    const alert = await setup(ws, outside);
    const err = await collect(ws, { alert }).catch((e: unknown) => e);
    expect(isConfigurationError(err)).toBe(true);
    expect((err as Error).message).toContain(`input 'alert': ${alert}: outside the workspace`);
    expect(await readdir(ws)).toEqual(alert === 'event.json' ? ['event.json'] : []);
  });

  test('a hard link to a file outside is refused', async () => {
    const ws = await workspace();
    const outside = await workspace();
    await writeFile(join(outside, 'event.json'), '{}');
    await link(join(outside, 'event.json'), join(ws, 'event.json'));
    await expect(collect(ws, { alert: 'event.json' })).rejects.toThrow("input 'alert': event.json: refused, it has 2 hard links");
  });
});

describe('an empty collection', () => {
  test('drloop evidence --evidence-dir <missing> fails with exit 2 and writes no bundle; --allow-empty writes one', async () => {
    const ws = await workspace();
    const failed = await runCli(['evidence', '--evidence-dir', 'no-such-dir'], { cwd: ws });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("nothing to collect: no file under evidence-dir 'no-such-dir' and no alert");
    expect(failed.stdout).toBe('');
    const ok = await runCli(['evidence', '--evidence-dir', 'no-such-dir', '--allow-empty', '--json'], { cwd: ws });
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out.files).toBe(0);
    expect(out.warnings).toContain('nothing to collect: the bundle holds only its manifest (allow-empty is set)');
  });
});

describe('in S3 (real s3rver)', () => {
  let s3: S3Server;
  let restoreEnv: () => void;
  beforeAll(async () => {
    restoreEnv = useS3Env();
    s3 = await startS3(join(await workspace(), 's3'));
  });
  afterAll(async () => {
    await s3.stop();
    restoreEnv();
  });

  test('the stored bundle holds redacted names and decoded, redacted gzip content', async () => {
    const ws = await workspace();
    await put(ws, `logs/${TOKEN}.log.gz`, gzipSync(secretText()));
    const { result } = await collect(
      ws,
      { paths: 'logs/*', 's3-uri': `s3://${BUCKET}/inspect`, 's3-endpoint': s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required' },
      { s3Region: 'us-east-1' },
    );
    expect(result.failures).toEqual([]);
    const client = await createS3Client({ endpoint: s3.endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' });
    try {
      const key = result.s3!.bundleUri.replace(`s3://${BUCKET}/`, '');
      const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      const body = Buffer.from(await got.Body!.transformToByteArray());
      const stored = join(tmpdir(), `drloop-inspect-${process.pid}.tar.gz`);
      await writeFile(stored, body);
      made.push(stored);
      const entries = await readEntries(stored);
      expect(entries.map((e) => e.name)).toEqual(['files/logs/[REDACTED:github-token].log.gz', 'manifest.json']);
      expect(gunzipSync(entries[0]!.data).toString()).not.toContain(TOKEN);
      expect(body.includes(Buffer.from(TOKEN))).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
