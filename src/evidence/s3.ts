/**
 * Everything drloop does with S3. This module is only ever loaded with a
 * dynamic import, on the paths that use S3, so the AWS SDK costs nothing to a
 * run that keeps its evidence local.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, PutObjectRetentionCommand, S3Client, type ObjectLockRetentionMode } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ConfigurationError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { sidecarPaths } from './verify.js';
import { formatS3Uri, joinKey, POINTER_NAME, POINTER_SCHEMA, type EvidencePointer, type S3Location } from './s3-uri.js';

export interface S3Options {
  /** An S3-compatible endpoint (MinIO, Ceph, R2, ...); empty for AWS. */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** `when-required` for stores that mishandle the SDK's streaming checksums. */
  checksum: 'when-supported' | 'when-required';
  region?: string | undefined;
}

/** Builds the client; injected in tests to watch or alter what is sent. */
export type S3ClientFactory = (options: S3Options) => S3Client | Promise<S3Client>;

/** Credentials come from the standard AWS chain (env, profile, web identity / OIDC, instance role). */
export function createS3Client(options: S3Options): S3Client {
  const when = options.checksum === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return new S3Client({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: when,
    responseChecksumValidation: when,
    // A store that stops answering must fail the step, not hang it.
    requestHandler: { connectionTimeout: 15_000, requestTimeout: 120_000 },
  });
}

/** An S3 failure with the operation and location in its message. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

function s3Message(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name && e.name !== 'Error' && !(e.message ?? '').includes(e.name) ? `${e.name}: ` : '';
  return `${name}${describeError(err)}${status ? ` (HTTP ${status})` : ''}`;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

function isCredentialsProblem(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return e.name === 'CredentialsProviderError' || /Region is missing|Could not load credentials/i.test(e.message ?? '');
}

export async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreError || err instanceof ConfigurationError) throw err;
    if (isCredentialsProblem(err)) {
      throw new ConfigurationError(`${what}: ${s3Message(err)} (set AWS credentials and region, e.g. with aws-actions/configure-aws-credentials)`);
    }
    throw new StoreError(`${what}: ${s3Message(err)}`);
  }
}

/** Size and sha256 of an object, read back in full: what the store will actually serve. */
export async function readBackObject(client: S3Client, loc: S3Location): Promise<{ size: number; sha256: string; headSize: number | undefined } | null> {
  const uri = formatS3Uri(loc);
  const head = await attempt(`reading back ${uri}`, async () => {
    try {
      return await client.send(new HeadObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  });
  if (!head) return null;
  return attempt(`reading back ${uri}`, async () => {
    const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of res.Body as Readable) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { size, sha256: hash.digest('hex'), headSize: head.ContentLength };
  });
}

function sha256Of(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes `<name>.manifest.json` (the bundle's manifest, byte for byte) and
 * `<name>.tar.gz.sha256` (`sha256sum -c` lines for the bundle and that copy)
 * beside a verified bundle, each read back. They come before the pointer, so
 * the bundle the pointer names always has them.
 */
async function storeSidecars(client: S3Client, bundle: S3Location, bundleSha256: string, manifestBytes: Buffer, logger: Logger): Promise<void> {
  const keys = sidecarPaths(bundle.key);
  const base = (k: string) => k.slice(k.lastIndexOf('/') + 1);
  const sums = `${bundleSha256}  ${base(bundle.key)}\n${sha256Of(manifestBytes)}  ${base(keys.manifest)}\n`;
  const objects = [
    { key: keys.manifest, body: manifestBytes, type: 'application/json' },
    { key: keys.sha256, body: Buffer.from(sums, 'utf8'), type: 'text/plain' },
  ];
  for (const obj of objects) {
    const loc: S3Location = { bucket: bundle.bucket, key: obj.key };
    const uri = formatS3Uri(loc);
    await attempt(`writing ${uri}`, () => client.send(new PutObjectCommand({ Bucket: loc.bucket, Key: loc.key, Body: obj.body, ContentType: obj.type })));
    const back = await readBackObject(client, loc);
    if (!back || back.sha256 !== sha256Of(obj.body)) throw new StoreError(`verifying ${uri}: what was read back differs from what was written; the pointer was not moved`);
  }
  logger.info(`Stored ${base(keys.manifest)} and ${base(keys.sha256)} beside the bundle`);
}

/** Opens an object for reading; null when it does not exist. */
export async function openObject(client: S3Client, loc: S3Location): Promise<AsyncIterable<Uint8Array> | null> {
  return attempt(`reading ${formatS3Uri(loc)}`, async () => {
    try {
      const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
      return res.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  });
}

export interface StoreBundleOptions {
  client: S3Client;
  /** `s3-uri`: bucket and prefix. */
  target: S3Location;
  bundlePath: string;
  name: string;
  sha256: string;
  size: number;
  /** The bundle's manifest.json: stored beside the bundle, with a `.sha256` file naming both, for `drloop history`. */
  manifestBytes?: Buffer | undefined;
  partSizeMiB: number;
  objectLock?: { mode: ObjectLockRetentionMode; days: number } | undefined;
  pointer: { createdAt: string; gitSha: string | null; runId: string | null; runAttempt: string | null; repository: string | null };
  now: () => Date;
  logger: Logger;
}

export interface StoreBundleResult {
  bundleUri: string;
  pointerUri: string;
  pointer: EvidencePointer;
  retainUntil: string | null;
}

/**
 * Uploads the bundle, proves the store holds exactly it, then moves the
 * pointer. The order is the guarantee: any failure before the last step
 * leaves `current.json` where it was, naming a bundle that was verified.
 */
export async function storeBundle(o: StoreBundleOptions): Promise<StoreBundleResult> {
  const { client, target, logger } = o;
  const pointerLoc: S3Location = { bucket: target.bucket, key: joinKey(target.key, POINTER_NAME) };
  const pointerUri = formatS3Uri(pointerLoc);

  // Bundles are immutable records: never replace one. Two jobs of the same
  // commit in the same second get the same name, so the later one takes the
  // next free `-<n>` suffix instead.
  let bundle: S3Location | undefined;
  const stem = o.name.replace(/\.tar\.gz$/, '');
  for (let i = 1; i <= 100 && !bundle; i++) {
    const candidate: S3Location = { bucket: target.bucket, key: joinKey(target.key, 'bundles', i === 1 ? o.name : `${stem}-${i}.tar.gz`) };
    const existing = await attempt(`checking ${formatS3Uri(candidate)}`, async () => {
      try {
        return await client.send(new HeadObjectCommand({ Bucket: candidate.bucket, Key: candidate.key }));
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    });
    if (!existing) bundle = candidate;
  }
  if (!bundle) throw new StoreError(`no free name for ${o.name} under ${formatS3Uri({ bucket: target.bucket, key: joinKey(target.key, 'bundles') })}`);
  const bundleUri = formatS3Uri(bundle);

  logger.info(`Uploading ${o.name} (${o.size} bytes) to ${bundleUri}`);
  await attempt(`uploading ${bundleUri}`, async () => {
    const upload = new Upload({
      client,
      params: {
        Bucket: bundle.bucket,
        Key: bundle.key,
        Body: createReadStream(o.bundlePath),
        ContentType: 'application/gzip',
        Metadata: { 'drloop-sha256': o.sha256, ...(o.manifestBytes ? { 'drloop-manifest-sha256': sha256Of(o.manifestBytes) } : {}) },
      },
      // Parts are buffered in memory: queueSize × partSize at most.
      partSize: o.partSizeMiB * 1024 * 1024,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await upload.done();
  });

  const back = await readBackObject(client, bundle);
  if (!back) throw new StoreError(`verifying ${bundleUri}: the store does not have it after the upload`);
  const problems: string[] = [];
  if (back.headSize !== undefined && back.headSize !== o.size) problems.push(`size ${back.headSize} bytes, expected ${o.size}`);
  if (back.size !== o.size) problems.push(`${back.size} bytes read back, expected ${o.size}`);
  if (back.sha256 !== o.sha256) problems.push(`sha256 ${back.sha256}, expected ${o.sha256}`);
  if (problems.length > 0) {
    throw new StoreError(
      `verifying ${bundleUri}: the stored object differs from the bundle (${problems.join('; ')}); the pointer was not moved. ` +
        `If this store rewrites streamed uploads, try s3-checksum: when-required`,
    );
  }
  logger.info(`Verified ${bundleUri}: ${back.size} bytes, sha256 ${back.sha256}`);

  let retainUntil: string | null = null;
  if (o.objectLock) {
    const until = new Date(o.now().getTime() + o.objectLock.days * 86_400_000);
    await attempt(`setting Object Lock retention on ${bundleUri}`, () =>
      client.send(new PutObjectRetentionCommand({ Bucket: bundle.bucket, Key: bundle.key, Retention: { Mode: o.objectLock!.mode, RetainUntilDate: until } })),
    );
    retainUntil = until.toISOString();
    logger.info(`Object Lock ${o.objectLock.mode} on ${bundleUri} until ${retainUntil}`);
  }

  if (o.manifestBytes) await storeSidecars(client, bundle, o.sha256, o.manifestBytes, logger);

  const pointer: EvidencePointer = {
    schema: POINTER_SCHEMA,
    bundle_uri: bundleUri,
    bundle_sha256: o.sha256,
    bundle_size: o.size,
    created_at: o.pointer.createdAt,
    git_sha: o.pointer.gitSha,
    run_id: o.pointer.runId,
    run_attempt: o.pointer.runAttempt,
    repository: o.pointer.repository,
  };
  const body = `${JSON.stringify(pointer, null, 2)}\n`;
  await attempt(`writing ${pointerUri}`, () =>
    client.send(new PutObjectCommand({ Bucket: pointerLoc.bucket, Key: pointerLoc.key, Body: body, ContentType: 'application/json', CacheControl: 'no-cache' })),
  );
  const pointerBack = await readBackObject(client, pointerLoc);
  if (!pointerBack || pointerBack.sha256 !== createHash('sha256').update(body).digest('hex')) {
    throw new StoreError(`verifying ${pointerUri}: the pointer read back differs from what was written`);
  }
  logger.info(`Moved ${pointerUri} to ${bundleUri}`);
  return { bundleUri, pointerUri, pointer, retainUntil };
}
