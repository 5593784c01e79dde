import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { ConfigurationError, describeError } from '../errors.js';
import { parseJsonText, validateWith } from '../files.js';
import { MANIFEST_NAME, manifestForVerifySchema } from './manifest.js';
import type { S3ClientFactory, S3Options } from './s3.js';
import { parseS3Uri, pointerSchema, type EvidencePointer } from './s3-uri.js';

/** The outcome of a verification: `ok` only when `mismatches` is empty. */
export interface VerifyReport {
  ok: boolean;
  /** What was verified: a local path or an s3:// URI. */
  subject: string;
  bundleSha256: string;
  bundleSize: number;
  /** Files the manifest lists. */
  files: number;
  /** One line per problem, each naming the file or record concerned (at most MAX_REPORTED, then a count of the rest). */
  mismatches: string[];
  /** What could not be checked, without being a mismatch (a sidecar file that is not there). */
  notes: string[];
  manifest: { createdAt: string | null; bundle: string | null; sha256: string } | null;
  pointer?: EvidencePointer;
}

/** A manifest larger than this is not read (a real one is about 400 bytes a file). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A bundle with more entries than this is refused: memory stays bounded whatever the bundle claims. */
export const MAX_ENTRIES = 100_000;
/** Problems listed one by one; past this many, only counted. */
export const MAX_REPORTED = 100;

/**
 * Whether an entry name is safe to extract: relative, without `..`, NUL or
 * backslashes. `tar x` of `../x` or `/etc/x` writes outside the directory,
 * whatever the manifest says about it.
 */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return 'an empty name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.includes('\\')) return 'a backslash';
  if (name.includes('\0')) return 'a NUL byte';
  if (name.split('/').includes('..')) return "a '..' component";
  return null;
}

/** A list of problems that keeps the first MAX_REPORTED and counts the rest. */
class Problems {
  readonly list: string[] = [];
  private omitted = 0;
  add(m: string): void {
    if (this.list.length < MAX_REPORTED) this.list.push(m);
    else this.omitted += 1;
  }
  done(): string[] {
    if (this.omitted > 0) this.list.push(`… and ${this.omitted} more problem(s), not listed`);
    return this.list;
  }
}

/**
 * Checks a bundle read as a stream, in one pass: the whole stream is hashed
 * (for the pointer and sidecar checks) while it is unpacked and every entry
 * hashed. A bundle that stops being readable part way still gets its sha256.
 */
export async function verifyBundleStream(source: AsyncIterable<Uint8Array>, subject: string, options: { onManifest?: (bytes: Buffer) => void } = {}): Promise<VerifyReport> {
  const whole = createHash('sha256');
  let bundleSize = 0;
  const found = new Map<string, { size: number; sha256: string }>();
  const problems = new Problems();
  let entries = 0;
  let tooMany = false;
  let manifestBytes: Buffer | null = null;
  let unpackError: unknown = null;

  const gunzip = createGunzip();
  const ex = extract();
  const readEntries = async () => {
    for await (const entry of ex) {
      const { name, type } = entry.header;
      const hash = createHash('sha256');
      let size = 0;
      const keep: Buffer[] = [];
      const isManifest = name === MANIFEST_NAME && type === 'file';
      for await (const chunk of entry) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (isManifest && size <= MAX_MANIFEST_BYTES) keep.push(chunk as Buffer);
      }
      entries += 1;
      if (entries > MAX_ENTRIES) {
        // Keep reading (the whole stream is hashed), but record nothing more.
        tooMany = true;
        continue;
      }
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        problems.add(`unsafe: ${JSON.stringify(name)} has ${unsafe}; extracting it would write outside the directory, so the bundle is refused whatever its manifest says`);
        continue;
      }
      if (type !== 'file') {
        problems.add(`unexpected: ${name} is a ${type}, a bundle holds only files`);
        continue;
      }
      if (found.has(name)) problems.add(`duplicate: ${name} appears more than once in the bundle`);
      if (isManifest) {
        if (size > MAX_MANIFEST_BYTES) problems.add(`${MANIFEST_NAME}: larger than ${MAX_MANIFEST_BYTES} bytes, not read`);
        else manifestBytes = Buffer.concat(keep);
      }
      found.set(name, { size, sha256: hash.digest('hex') });
    }
  };
  // Both sides settle before the error is looked at: a corrupt stream fails
  // the pipe and the entry loop alike, and neither may go unhandled.
  const unpacking = Promise.allSettled([pipeline(gunzip, ex), readEntries()]).then((results) => {
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) unpackError = failed.reason;
  });

  for await (const chunk of source) {
    whole.update(chunk);
    bundleSize += chunk.length;
    if (unpackError === null && !gunzip.destroyed && !gunzip.writableEnded) {
      if (!gunzip.write(chunk)) {
        await new Promise<void>((res) => {
          const done = () => {
            gunzip.off('drain', done).off('close', done).off('error', done);
            res();
          };
          gunzip.on('drain', done).on('close', done).on('error', done);
        });
      }
    }
  }
  if (!gunzip.destroyed && !gunzip.writableEnded) gunzip.end();
  await unpacking;
  if (unpackError !== null) problems.add(`bundle: not a readable tar.gz (${describeError(unpackError)})`);
  if (tooMany) problems.add(`bundle: ${entries} entries, more than the ${MAX_ENTRIES} a drloop bundle may hold; only the first ${MAX_ENTRIES} were checked`);

  let files = 0;
  let manifestInfo: VerifyReport['manifest'] = null;
  if (manifestBytes === null) {
    if (unpackError === null && !tooMany) problems.add(`${MANIFEST_NAME}: missing, nothing to verify the files against`);
  } else {
    const bytes: Buffer = manifestBytes;
    options.onManifest?.(bytes);
    try {
      const raw = parseJsonText(bytes.toString('utf8'), MANIFEST_NAME);
      const listedFiles = (raw as { files?: unknown } | null)?.files;
      if (Array.isArray(listedFiles) && listedFiles.length > MAX_ENTRIES) {
        throw new ConfigurationError(`${MANIFEST_NAME}: lists ${listedFiles.length} files, more than the ${MAX_ENTRIES} a drloop bundle may hold; not checked`);
      }
      const manifest = validateWith(manifestForVerifySchema, raw, MANIFEST_NAME);
      const listed = new Set<string>();
      files = manifest.files.length;
      for (const f of manifest.files) {
        const unsafe = unsafeEntryName(f.path);
        if (unsafe) {
          problems.add(`${MANIFEST_NAME}: lists ${JSON.stringify(f.path)}, which has ${unsafe}; refused`);
          continue;
        }
        if (listed.has(f.path)) problems.add(`${MANIFEST_NAME}: lists ${f.path} twice`);
        listed.add(f.path);
        const actual = found.get(f.path);
        if (!actual) {
          if (unpackError === null && !tooMany) problems.add(`missing: ${f.path} is in the manifest but not in the bundle`);
        } else if (actual.sha256 !== f.sha256 || actual.size !== f.size) {
          problems.add(`changed: ${f.path} has sha256 ${actual.sha256} (${actual.size} bytes), the manifest says ${f.sha256} (${f.size} bytes)`);
        }
      }
      for (const name of found.keys()) {
        if (name !== MANIFEST_NAME && !listed.has(name)) problems.add(`extra: ${name} is in the bundle but not in the manifest`);
      }
      const m = raw as { createdAt?: unknown; bundle?: unknown };
      manifestInfo = {
        createdAt: typeof m.createdAt === 'string' ? m.createdAt : null,
        bundle: typeof m.bundle === 'string' ? m.bundle : null,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    } catch (err) {
      if (!(err instanceof ConfigurationError)) throw err;
      problems.add(`${MANIFEST_NAME}: ${err.message.replace(`${MANIFEST_NAME}: `, '')}`);
    }
  }
  const mismatches = problems.done();
  return { ok: mismatches.length === 0, subject, bundleSha256: whole.digest('hex'), bundleSize, files, mismatches, notes: [], manifest: manifestInfo };
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The checksum file next to a bundle (`sha256sum` format), when there is one. */
export function sidecarPaths(bundlePath: string): { sha256: string; manifest: string } {
  return { sha256: `${bundlePath}.sha256`, manifest: `${bundlePath.replace(/\.tar\.gz$/, '')}.manifest.json` };
}

/**
 * Verifies a local bundle: every file against the manifest inside it, and the
 * bundle against its `.sha256` file and the manifest copy beside it, when
 * those exist (an auditor may have only the bundle).
 */
export async function verifyBundle(path: string): Promise<VerifyReport> {
  try {
    if (!(await stat(path)).isFile()) throw new ConfigurationError(`${path}: not a file`);
  } catch (err) {
    if (err instanceof ConfigurationError) throw err;
    throw new ConfigurationError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : describeError(err)}`);
  }
  const report = await verifyBundleStream(createReadStream(path), path);
  const side = sidecarPaths(path);
  const sumText = await readIfExists(side.sha256);
  if (sumText === null) {
    report.notes.push(`no ${side.sha256} beside the bundle: the bundle's own sha256 was not checked against one`);
  } else {
    const expected = sumText.trim().split(/\s+/)[0] ?? '';
    if (expected !== report.bundleSha256) report.mismatches.push(`bundle: sha256 ${report.bundleSha256}, ${side.sha256} says ${expected}`);
  }
  const manifestCopy = await readIfExists(side.manifest);
  if (manifestCopy === null) {
    report.notes.push(`no ${side.manifest} beside the bundle: the manifest copy was not compared`);
  } else if (report.manifest && createHash('sha256').update(manifestCopy).digest('hex') !== report.manifest.sha256) {
    report.mismatches.push(`manifest copy: ${side.manifest} differs from the bundle's ${MANIFEST_NAME}`);
  }
  report.ok = report.mismatches.length === 0;
  return report;
}

/**
 * Verifies `s3://…/current.json`: the bundle it names is read once, hashed
 * against the pointer and unpacked against its manifest.
 */
export async function verifyPointer(uri: string, options: S3Options, factory?: S3ClientFactory): Promise<VerifyReport> {
  const loc = parseS3Uri(uri);
  if (!loc || loc.key === '') throw new ConfigurationError(`'${uri}' is not an s3://bucket/key URI of a pointer (…/current.json)`);
  const s3 = await import('./s3.js');
  const client = await (factory ?? s3.createS3Client)(options);
  try {
    const body = await s3.openObject(client, loc);
    if (!body) throw new ConfigurationError(`${uri}: no such object`);
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(Buffer.from(c));
    const pointer = validateWith(pointerSchema, parseJsonText(Buffer.concat(chunks).toString('utf8'), uri), uri);
    const bundleLoc = parseS3Uri(pointer.bundle_uri)!;
    const bundle = await s3.openObject(client, bundleLoc);
    if (!bundle) {
      return {
        ok: false,
        subject: uri,
        bundleSha256: '',
        bundleSize: 0,
        files: 0,
        mismatches: [`bundle: ${pointer.bundle_uri}, named by the pointer, does not exist`],
        notes: [],
        manifest: null,
        pointer,
      };
    }
    const report = await verifyBundleStream(bundle, pointer.bundle_uri);
    report.subject = uri;
    report.pointer = pointer;
    if (report.bundleSha256 !== pointer.bundle_sha256) {
      report.mismatches.unshift(`bundle: ${pointer.bundle_uri} has sha256 ${report.bundleSha256}, the pointer says ${pointer.bundle_sha256}`);
    }
    if (pointer.bundle_size !== undefined && pointer.bundle_size !== report.bundleSize) {
      report.mismatches.unshift(`bundle: ${pointer.bundle_uri} is ${report.bundleSize} bytes, the pointer says ${pointer.bundle_size}`);
    }
    report.ok = report.mismatches.length === 0;
    return report;
  } finally {
    client.destroy();
  }
}
