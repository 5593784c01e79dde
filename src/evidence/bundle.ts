import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as tarPack, type Pack } from 'tar-stream';
import { describeError } from '../errors.js';
import type { RedactionRule } from '../redact.js';
import type { EvidenceItem } from './gather.js';
import { MANIFEST_NAME, type EvidenceManifest, type ManifestFile } from './manifest.js';
import { looksBinary, redactBuffer, StreamRedactor } from './redact-stream.js';

/**
 * Files up to this size are read, redacted and hashed in memory; larger ones
 * stream through a spool file (see `addLargeFile`). Either way at most this
 * much of one file is held at a time.
 */
const IN_MEMORY_LIMIT = 1024 * 1024;
const READ_CHUNK = 256 * 1024;

export interface BundleOptions {
  items: EvidenceItem[];
  /** Absolute directory the bundle is written to. */
  outputDir: string;
  name: string;
  extraRules: readonly RedactionRule[];
  /** Builds the manifest once every file is in: it goes last, with their sizes and hashes. */
  manifest: (files: ManifestFile[], warnings: string[]) => EvidenceManifest;
  warn: (message: string) => void;
}

export interface BundleResult {
  /** Absolute path of the bundle. */
  path: string;
  sha256: string;
  size: number;
  manifest: EvidenceManifest;
  /** The exact bytes of manifest.json in the bundle. */
  manifestBytes: Buffer;
}

/** `20260102T030405Z-abc1234.tar.gz`: sorts by time, names the commit. */
export function bundleName(now: Date, commit: string | null): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const sha = commit && /^[0-9a-f]{7,}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : 'nogit';
  return `${stamp}-${sha}.tar.gz`;
}

/** Writes a buffer or a stream of chunks into one tar entry, waiting whenever the archive is behind. */
async function writeEntry(pack: Pack, header: { name: string; size: number; mtime: Date }, body: Buffer | AsyncIterable<Buffer>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ ...header, mode: 0o644, type: 'file' }, (err) => (err ? reject(err) : resolve()));
    if (Buffer.isBuffer(body)) {
      entry.end(body);
      return;
    }
    void (async () => {
      for await (const chunk of body) {
        if (!entry.write(chunk)) {
          await new Promise<void>((res, rej) => {
            const onClose = () => rej(new Error('the archive was closed while writing'));
            entry.once('drain', () => {
              entry.off('close', onClose);
              res();
            });
            entry.once('close', onClose);
          });
        }
      }
      // tar-stream's entries are streamx streams; their end() takes no callback.
      (entry as unknown as { end(): void }).end();
    })().catch((err: unknown) => {
      entry.destroy(err as Error);
      reject(err as Error);
    });
  });
}

/** Reads exactly `size` bytes (the size seen when the file was opened): a log that grows meanwhile cannot break the tar header. */
async function* readExactly(handle: FileHandle, size: number, from = 0): AsyncGenerator<Buffer> {
  let pos = from;
  while (pos < size) {
    const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - pos));
    const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) throw new Error(`file shrank while being bundled (read ${pos} of ${size} bytes)`);
    pos += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

/**
 * Streams the evidence into `<outputDir>/<name>` as tar + gzip (level 6, as
 * gzip's default), with manifest.json as the last entry.
 *
 * A tar header carries the entry's size, and redaction changes sizes, so a
 * large text file is redacted into a spool file first (its size and sha256
 * computed on the way), then copied into the archive. Small files are done in
 * memory. Binary files are stored as found. Memory stays at a few MiB however
 * much evidence there is; disk needs room for the bundle plus the largest
 * text file. The bundle is written to a temporary name, flushed, then renamed,
 * so a bundle at its final name is always whole.
 */
export async function writeBundle(options: BundleOptions): Promise<BundleResult> {
  const { outputDir, name, warn } = options;
  await mkdir(outputDir, { recursive: true });
  const finalPath = join(outputDir, name);
  const tmpPath = join(outputDir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  const spoolDir = await mkdtemp(join(outputDir, '.spool-'));

  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  const pack = tarPack();
  const out = await open(tmpPath, 'wx', 0o644);
  const written = pipeline(pack, createGzip({ level: 6 }), tap, out.createWriteStream());
  // The writer side stops at once if the archive side fails (disk full, ...).
  written.catch((err: unknown) => pack.destroy(err as Error));

  const files: ManifestFile[] = [];
  const extraWarnings: string[] = [];
  let manifest: EvidenceManifest | undefined;
  let manifestBytes: Buffer | undefined;
  try {
    const produce = async () => {
      for (const item of options.items) {
        const file = await addItem(pack, item, options.extraRules, spoolDir, (m) => {
          extraWarnings.push(m);
          warn(m);
        });
        if (file) files.push(file);
      }
      manifest = options.manifest(files, extraWarnings);
      manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      await writeEntry(pack, { name: MANIFEST_NAME, size: manifestBytes.length, mtime: new Date(manifest.createdAt) }, manifestBytes);
      pack.finalize();
    };
    await Promise.all([produce(), written]);
    const flush = await open(tmpPath, 'r+');
    try {
      await flush.sync();
    } finally {
      await flush.close();
    }
    await rename(tmpPath, finalPath);
  } catch (err) {
    pack.destroy();
    await rm(tmpPath, { force: true });
    throw err;
  } finally {
    await out.close().catch(() => undefined);
    await rm(spoolDir, { recursive: true, force: true });
  }
  return { path: finalPath, sha256: hash.digest('hex'), size, manifest: manifest!, manifestBytes: manifestBytes! };
}

async function addItem(pack: Pack, item: EvidenceItem, rules: readonly RedactionRule[], spoolDir: string, warn: (m: string) => void): Promise<ManifestFile | undefined> {
  const base = { path: item.bundlePath, source: item.source, origin: item.origin };
  if (item.data) return addInMemory(pack, base, item.data, new Date(), rules);
  let handle: FileHandle;
  try {
    handle = await open(item.file!, 'r');
  } catch (err) {
    warn(`${item.origin}: skipped, it could not be read (${describeError(err)})`);
    return undefined;
  }
  try {
    const st = await handle.stat();
    if (st.size <= IN_MEMORY_LIMIT) return await addInMemory(pack, base, await handle.readFile(), st.mtime, rules);
    return await addLargeFile(pack, base, handle, st.size, st.mtime, rules, spoolDir);
  } catch (err) {
    throw new Error(`${item.origin}: ${describeError(err)}`);
  } finally {
    await handle.close();
  }
}

type EntryBase = Pick<ManifestFile, 'path' | 'source' | 'origin'>;

/** A manifest entry, keys in the order an auditor reads them. */
function entryOf(base: EntryBase, size: number, sha256: string, redaction: ManifestFile['redaction'], redactions: Record<string, number>): ManifestFile {
  return { path: base.path, size, sha256, source: base.source, origin: base.origin, redaction, redactions };
}

async function addInMemory(pack: Pack, base: EntryBase, data: Buffer, mtime: Date, rules: readonly RedactionRule[]): Promise<ManifestFile> {
  const binary = looksBinary(data);
  const r = binary ? { data, counts: {} } : redactBuffer(data, rules);
  await writeEntry(pack, { name: base.path, size: r.data.length, mtime }, r.data);
  return entryOf(base, r.data.length, createHash('sha256').update(r.data).digest('hex'), binary ? 'skipped-binary' : 'applied', r.counts);
}

async function addLargeFile(
  pack: Pack,
  base: EntryBase,
  handle: FileHandle,
  fileSize: number,
  mtime: Date,
  rules: readonly RedactionRule[],
  spoolDir: string,
): Promise<ManifestFile> {
  const head = Buffer.alloc(Math.min(8000, fileSize));
  await handle.read(head, 0, head.length, 0);
  const hash = createHash('sha256');
  if (looksBinary(head)) {
    const hashed = async function* () {
      for await (const chunk of readExactly(handle, fileSize)) {
        hash.update(chunk);
        yield chunk;
      }
    };
    await writeEntry(pack, { name: base.path, size: fileSize, mtime }, hashed());
    return entryOf(base, fileSize, hash.digest('hex'), 'skipped-binary', {});
  }

  const spoolPath = join(spoolDir, randomBytes(8).toString('hex'));
  const spool = await open(spoolPath, 'wx', 0o600);
  const redactor = new StreamRedactor(rules);
  let size = 0;
  try {
    const emit = async (buf: Buffer) => {
      if (buf.length === 0) return;
      hash.update(buf);
      size += buf.length;
      await spool.write(buf);
    };
    for await (const chunk of readExactly(handle, fileSize)) await emit(redactor.push(chunk));
    await emit(redactor.end());
  } finally {
    await spool.close();
  }
  const redacted = await open(spoolPath, 'r');
  try {
    await writeEntry(pack, { name: base.path, size, mtime }, readExactly(redacted, size));
  } finally {
    await redacted.close();
    await rm(spoolPath, { force: true });
  }
  return entryOf(base, size, hash.digest('hex'), 'applied', { ...redactor.counts });
}
