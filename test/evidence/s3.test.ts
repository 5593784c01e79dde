/**
 * S3 storage against a real S3-protocol server (s3rver) on loopback: the
 * upload, the read-back verification, the pointer, and verify-evidence on a
 * pointer. Where s3rver cannot play a part (Object Lock, a store that
 * rewrites streamed bodies), the real client is wrapped and the test says so.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parseInputs, type RawInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { createS3Client, type S3Options } from '../../src/evidence/s3.js';
import { collectEvidenceInputs, runCollectEvidence } from '../../src/evidence/run.js';
import { verifyPointer } from '../../src/evidence/verify.js';
import { tempWorkspace } from '../support/run-action.js';
import { BUCKET, put, startS3, useS3Env, type S3Server } from './support.js';

let server: S3Server;
let restoreEnv: () => void;
let clock = Date.parse('2026-03-04T05:06:07Z');

beforeAll(async () => {
  restoreEnv = useS3Env();
  server = await startS3(await tempWorkspace('drloop-s3rver-'));
});
afterAll(async () => {
  await server.stop();
  restoreEnv();
});

const s3Inputs = (prefix: string, extra: RawInputs = {}): RawInputs => ({
  's3-uri': `s3://${BUCKET}/${prefix}`,
  's3-endpoint': server.endpoint,
  's3-force-path-style': 'true',
  's3-checksum': 'when-required',
  ...extra,
});
const options = (): S3Options => ({ endpoint: server.endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' });

async function collect(ws: string, raw: RawInputs, s3Client?: (o: S3Options) => S3Client) {
  const logger = new MemoryLogger();
  clock += 1000; // every run its own second, so its own bundle name
  const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, raw), {
    workspace: ws,
    logger,
    now: () => new Date(clock),
    context: { sha: 'fedcba9876543210fedcba9876543210fedcba98', runId: '77', runAttempt: '1', repository: 'acme/netbox' },
    ...(s3Client ? { s3Client } : {}),
  });
  return { result, logger };
}

async function getObject(key: string): Promise<Buffer> {
  const c = createS3Client(options());
  try {
    const res = await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  } finally {
    c.destroy();
  }
}

/** The real client, with every command's name recorded and a hook around send. */
function watched(hook?: (name: string, input: any, send: () => Promise<unknown>) => Promise<unknown>) {
  const sent: { name: string; input: any }[] = [];
  const factory = (o: S3Options) => {
    const client = createS3Client(o);
    const send = client.send.bind(client) as (cmd: unknown) => Promise<unknown>;
    (client as { send: unknown }).send = (cmd: { constructor: { name: string }; input: unknown }) => {
      const name = cmd.constructor.name.replace(/Command$/, '');
      sent.push({ name, input: cmd.input });
      return hook ? hook(name, cmd.input, () => send(cmd)) : send(cmd);
    };
    return client;
  };
  return { factory, sent };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('storing in S3 (real s3rver)', () => {
  test('uploads a multipart bundle, reads it back, then moves the pointer to it; verify-evidence on the pointer passes', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'dumps/db.bin', Buffer.concat([Buffer.from([0]), randomBytes(11 * 1024 * 1024)]));
    await put(ws, 'logs/app.log', 'ok\n');
    const w = watched();
    const { result } = await collect(ws, s3Inputs('team/netbox', { paths: 'dumps/*\nlogs/*', 's3-part-size': '5' }), w.factory);

    expect(result.failures).toEqual([]);
    expect(result.s3).toEqual({ bundleUri: `s3://${BUCKET}/team/netbox/bundles/${result.name}`, pointerUri: `s3://${BUCKET}/team/netbox/current.json`, retainUntil: null });
    const names = w.sent.map((s) => s.name);
    expect(names.filter((n) => n === 'UploadPart').length).toBe(3);
    // The pointer is written only after the whole bundle was read back.
    const bundleRead = w.sent.findIndex((s) => s.name === 'GetObject' && s.input.Key === `team/netbox/bundles/${result.name}`);
    const pointerWrite = w.sent.findIndex((s) => s.name === 'PutObject' && s.input.Key === 'team/netbox/current.json');
    expect(bundleRead).toBeGreaterThan(names.indexOf('CompleteMultipartUpload'));
    expect(pointerWrite).toBeGreaterThan(bundleRead);

    const stored = await getObject(`team/netbox/bundles/${result.name}`);
    expect(sha256(stored)).toBe(result.sha256);
    expect(stored.equals(await readFile(result.bundlePath))).toBe(true);
    const pointer = JSON.parse((await getObject('team/netbox/current.json')).toString());
    expect(pointer).toEqual({
      schema: 'drloop.evidence-pointer/v1',
      bundle_uri: result.s3!.bundleUri,
      bundle_sha256: result.sha256,
      bundle_size: result.size,
      created_at: result.manifest.createdAt,
      git_sha: 'fedcba9876543210fedcba9876543210fedcba98',
      run_id: '77',
      run_attempt: '1',
      repository: 'acme/netbox',
    });

    const report = await verifyPointer(result.s3!.pointerUri, options());
    expect(report).toMatchObject({ ok: true, mismatches: [], files: 2, bundleSha256: result.sha256 });
  });

  test('catches a store that keeps a streamed upload with its chunk framing (read back and hashed): the run fails and the pointer stays (client wrapped to re-store the bundle as a streamed PutObject)', async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/app.log', 'first\n');
    const good = await collect(ws, s3Inputs('framing', { 'allow-empty': 'true' }));
    expect(good.result.failures).toEqual([]);
    const before = await getObject('framing/current.json');

    // What a naive streamed PutObject does against this server with the SDK's default checksums.
    const defaultClient = createS3Client({ ...options(), checksum: 'when-supported' });
    const w = watched(async (name, input, send) => {
      const out = await send();
      if ((name === 'PutObject' || name === 'CompleteMultipartUpload') && String(input.Key).includes('/bundles/')) {
        const bytes = await readFile(`${ws}/drloop-bundles/${String(input.Key).split('/').at(-1)}`);
        await defaultClient.send(new PutObjectCommand({ Bucket: BUCKET, Key: input.Key, Body: Readable.from([bytes]), ContentLength: bytes.length }));
      }
      return out;
    });
    await put(ws, 'logs/app.log', 'second\n');
    const bad = await collect(ws, s3Inputs('framing', { 'allow-empty': 'true' }), w.factory);
    defaultClient.destroy();

    expect(bad.result.s3).toBeNull();
    expect(bad.result.failures).toEqual([
      expect.stringMatching(/^S3: verifying s3:\/\/.*\/framing\/bundles\/.*: the stored object differs from the bundle \(.*sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\); the pointer was not moved/),
    ]);
    expect((await getObject('framing/current.json')).equals(before)).toBe(true);
    expect(w.sent.some((s) => s.name === 'PutObject' && s.input.Key === 'framing/current.json')).toBe(false);
    expect(bad.result.failures[0]).toMatch(/the pointer was not moved\. If this store rewrites streamed uploads, try s3-checksum: when-required$/);
  });

  test('never overwrites a bundle: a second bundle of the same name (same second, same commit) gets the next free suffix', async () => {
    const ws1 = await tempWorkspace();
    const ws2 = await tempWorkspace();
    await put(ws1, 'logs/a.log', 'job one\n');
    await put(ws2, 'logs/a.log', 'job two\n');
    const one = await collect(ws1, s3Inputs('same-second', { paths: 'logs/*' }));
    clock -= 1000;
    const two = await collect(ws2, s3Inputs('same-second', { paths: 'logs/*' }));
    expect(one.result.name).toBe(two.result.name);
    expect(two.result.s3!.bundleUri).toBe(one.result.s3!.bundleUri.replace('.tar.gz', '-2.tar.gz'));
    expect(sha256(await getObject(`same-second/bundles/${one.result.name}`))).toBe(one.result.sha256);
    expect((await verifyPointer(two.result.s3!.pointerUri, options())).bundleSha256).toBe(two.result.sha256);
  });

  test('sets Object Lock retention on the verified bundle before the pointer moves (fake PutObjectRetention: s3rver has no Object Lock)', async () => {
    const ws = await tempWorkspace();
    const w = watched(async (name, _input, send) => (name === 'PutObjectRetention' ? {} : send()));
    const { result } = await collect(ws, s3Inputs('locked', { 'allow-empty': 'true', 'object-lock-days': '365', 'object-lock-mode': 'COMPLIANCE' }), w.factory);
    expect(result.failures).toEqual([]);
    const names = w.sent.map((s) => s.name);
    const retention = w.sent.find((s) => s.name === 'PutObjectRetention')!;
    expect(retention.input).toEqual({
      Bucket: BUCKET,
      Key: `locked/bundles/${result.name}`,
      Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.parse(result.manifest.createdAt) + 365 * 86_400_000) },
    });
    expect(names.indexOf('PutObjectRetention')).toBeGreaterThan(names.lastIndexOf('GetObject', names.indexOf('PutObjectRetention')));
    expect(names.indexOf('PutObjectRetention')).toBeLessThan(names.findIndex((n, i) => n === 'PutObject' && w.sent[i]!.input.Key === 'locked/current.json'));
    expect(result.s3!.retainUntil).toBe(new Date(Date.parse(result.manifest.createdAt) + 365 * 86_400_000).toISOString());
  });

  test('a retention the store refuses fails the run and leaves the pointer where it was (fake PutObjectRetention refusal)', async () => {
    const ws = await tempWorkspace();
    const w = watched(async (name, _input, send) => {
      if (name === 'PutObjectRetention') throw Object.assign(new Error('Bucket is missing Object Lock Configuration'), { name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });
      return send();
    });
    const { result } = await collect(ws, s3Inputs('unlockable', { 'allow-empty': 'true', 'object-lock-days': '30' }), w.factory);
    expect(result.failures).toEqual([expect.stringContaining('setting Object Lock retention on s3://')]);
    expect(result.failures[0]).toContain('InvalidRequest: Bucket is missing Object Lock Configuration (HTTP 400)');
    expect(w.sent.some((s) => s.name === 'PutObject' && s.input.Key === 'unlockable/current.json')).toBe(false);
  });
});

describe('verify-evidence on a pointer (real s3rver)', () => {
  let pointerUri: string;
  let bundleKey: string;
  let pointerText: string;

  beforeAll(async () => {
    const ws = await tempWorkspace();
    await put(ws, 'logs/app.log', 'verify me\n');
    const { result } = await collect(ws, s3Inputs('verify', { paths: 'logs/*' }));
    pointerUri = result.s3!.pointerUri;
    bundleKey = `verify/bundles/${result.name}`;
    pointerText = (await getObject('verify/current.json')).toString();
  });

  async function putObject(key: string, body: string | Buffer) {
    const c = createS3Client(options());
    await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    c.destroy();
  }

  test('a pointer whose sha256 does not match the bundle fails, naming both', async () => {
    const forged = JSON.parse(pointerText);
    forged.bundle_sha256 = '0'.repeat(64);
    await putObject('verify/forged.json', JSON.stringify(forged));
    const report = await verifyPointer(`s3://${BUCKET}/verify/forged.json`, options());
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([expect.stringMatching(new RegExp(`^bundle: s3://${BUCKET}/verify/bundles/.* has sha256 [0-9a-f]{64}, the pointer says 0{64}$`))]);
  });

  test('a pointer to a bundle that is not there fails', async () => {
    const forged = JSON.parse(pointerText);
    forged.bundle_uri = `s3://${BUCKET}/verify/bundles/gone.tar.gz`;
    await putObject('verify/dangling.json', JSON.stringify(forged));
    const report = await verifyPointer(`s3://${BUCKET}/verify/dangling.json`, options());
    expect(report.mismatches).toEqual([`bundle: s3://${BUCKET}/verify/bundles/gone.tar.gz, named by the pointer, does not exist`]);
  });

  test('a missing pointer or a malformed one is bad input', async () => {
    await expect(verifyPointer(`s3://${BUCKET}/nowhere/current.json`, options())).rejects.toThrow(`s3://${BUCKET}/nowhere/current.json: no such object`);
    await putObject('verify/broken.json', '{"bundle_uri": 3}');
    await expect(verifyPointer(`s3://${BUCKET}/verify/broken.json`, options())).rejects.toThrow(/broken\.json: key 'bundle_uri': /);
  });

  test('the genuine pointer still verifies', async () => {
    expect((await verifyPointer(pointerUri, options())).ok).toBe(true);
    expect(bundleKey).toMatch(/^verify\/bundles\//);
  });
});
