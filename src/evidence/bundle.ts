import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, Writable, type TransformOptions } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip, type ZlibOptions } from 'node:zlib';
import { pack as tarPack, type Pack } from 'tar-stream';
import { describeError } from '../errors.js';
import { redact, type RedactionRule } from '../redact.js';
import type { EvidenceItem } from './gather.js';
import { MANIFEST_NAME, type EvidenceManifest, type FileContent, type ManifestFile } from './manifest.js';
import { looksBinary, StreamRedactor } from './redact-stream.js';

/**
 * Files up to this size are read, redacted and hashed in memory; larger ones
 * stream through a spool file (see `addLargeFile`). Either way at most this
 * much of one file is held at a time.
 */
const IN_MEMORY_LIMIT = 1024 * 1024;
const READ_CHUNK = 256 * 1024;
/**
 * How far the archive may run ahead of the compressor. gzip runs on another
 * thread; with stream defaults (16 KiB) the redactor would wait for it after
 * every block and the two would take turns. With a few MiB queued, the next
 * file is redacted while the last one is compressed.
 */
const GZIP_QUEUE = 8 * 1024 * 1024;
const GZIP_CHUNK = 64 * 1024;

export interface BundleOptions {
  items: EvidenceItem[];
  /** Absolute directory the bundle is written to. */
  outputDir: string;
  name: string;
  extraRules: readonly RedactionRule[];
  /** Builds the manifest once every file is in: it goes last, with their sizes and hashes. */
  manifest: (files: ManifestFile[], warnings: string[]) => EvidenceManifest | Promise<EvidenceManifest>;
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
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
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
  const written = pipeline(pack, createGzip({ level: 6, chunkSize: GZIP_CHUNK, writableHighWaterMark: GZIP_QUEUE } as ZlibOptions & TransformOptions), tap, out.createWriteStream());
  // The writer side stops at once if the archive side fails (disk full, ...).
  written.catch((err: unknown) => pack.destroy(err as Error));

  const files: ManifestFile[] = [];
  const extraWarnings: string[] = [];
  let manifest: EvidenceManifest | undefined;
  let manifestBytes: Buffer | undefined;
  try {
    const produce = async () => {
      const names = new Set<string>();
      for (const item of options.items) {
        // A secret in a file name would reach the tar header and the manifest: names are redacted too.
        const named = redact(item.bundlePath, options.extraRules);
        let name = named.text;
        for (let i = 2; names.has(name); i++) name = `${named.text}~${i}`;
        names.add(name);
        const redacted = { ...item, origin: redact(item.origin, options.extraRules).text };
        const file = await addItem(pack, redacted, name, options.extraRules, spoolDir, (m) => {
          extraWarnings.push(m);
          warn(m);
        });
        if (!file) continue;
        for (const [k, n] of Object.entries(named.counts)) file.redactions[k] = (file.redactions[k] ?? 0) + n;
        files.push(file);
      }
      manifest = await options.manifest(files, extraWarnings);
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

/** Archive formats drloop cannot look inside: stored as found, marked `not-inspected`. */
const OPAQUE: { name: string; magic: number[] }[] = [
  { name: 'zip', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'bzip2', magic: [0x42, 0x5a, 0x68] },
  { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7z', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'lz4', magic: [0x04, 0x22, 0x4d, 0x18] },
];
/** A gzip member decompressing past this is not inspected (a gzip bomb would fill the disk). */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024 * 1024;

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);
const printable = (b: number | undefined) => b !== undefined && (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));

/**
 * Judges a file by its first bytes: gzip and UTF-16 (with a byte order mark,
 * or ASCII text with every other byte NUL) are decoded and redacted; known
 * archive formats cannot be inspected; anything else, text or binary, is
 * scanned byte for byte.
 */
export function classifyContent(head: Uint8Array): { content: FileContent; note?: string } {
  if (head[0] === 0x1f && head[1] === 0x8b) return { content: 'gzip' };
  for (const o of OPAQUE) if (startsWith(head, o.magic)) return { content: 'compressed', note: `a ${o.name} archive, which drloop cannot read` };
  if (head[0] === 0xff && head[1] === 0xfe) return { content: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { content: 'utf-16be' };
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs >= 2) {
    let le = 0;
    let be = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
      if (head[i + 1] === 0 && printable(head[i])) le += 1;
      if (head[i] === 0 && printable(head[i + 1])) be += 1;
    }
    if (le >= pairs * 0.9) return { content: 'utf-16le' };
    if (be >= pairs * 0.9) return { content: 'utf-16be' };
  }
  return { content: looksBinary(head) ? 'binary' : 'text' };
}

/**
 * Redacted output on its way into the archive: hashed and counted as it
 * comes, kept in memory up to IN_MEMORY_LIMIT and spooled to disk past it (a
 * tar header needs the size before the body).
 */
class Collector {
  readonly hash = createHash('sha256');
  size = 0;
  private chunks: Buffer[] = [];
  private file: FileHandle | undefined;
  private readonly path: string;

  constructor(spoolDir: string) {
    this.path = join(spoolDir, randomBytes(8).toString('hex'));
  }

  async write(buf: Buffer): Promise<void> {
    if (buf.length === 0) return;
    this.hash.update(buf);
    this.size += buf.length;
    if (!this.file && this.size <= IN_MEMORY_LIMIT) {
      this.chunks.push(buf);
      return;
    }
    if (!this.file) {
      this.file = await open(this.path, 'wx', 0o600);
      for (const c of this.chunks) await this.file.write(c);
      this.chunks = [];
    }
    await this.file.write(buf);
  }

  /** Writes what was collected as one tar entry. */
  async writeTo(pack: Pack, name: string, mtime: Date): Promise<void> {
    if (!this.file) {
      await writeEntry(pack, { name, size: this.size, mtime }, Buffer.concat(this.chunks));
      return;
    }
    await this.file.close();
    this.file = undefined;
    const spooled = await open(this.path, 'r');
    try {
      await writeEntry(pack, { name, size: this.size, mtime }, readExactly(spooled, this.size));
    } finally {
      await spooled.close();
    }
  }

  async dispose(): Promise<void> {
    await this.file?.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

/** Swaps each pair of bytes (UTF-16BE ⇄ UTF-16LE), carrying an odd byte over to the next chunk. */
function byteSwapper(): (chunk: Buffer) => Buffer {
  let carry: Buffer = Buffer.alloc(0);
  return (chunk) => {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
    const even = data.length - (data.length % 2);
    carry = data.subarray(even);
    return data.subarray(0, even).swap16();
  };
}

/** Redacts text read as UTF-16: decoded to UTF-8 for the redactor, encoded back as it was. */
async function redactUtf16(source: AsyncIterable<Buffer>, bigEndian: boolean, redactor: StreamRedactor, out: Collector): Promise<void> {
  const toLe = bigEndian ? byteSwapper() : (b: Buffer) => b;
  const decode = new StringDecoder('utf16le');
  const reencode = new StringDecoder('utf8');
  const emit = async (redacted: Buffer, final: boolean) => {
    const le = Buffer.from(reencode.write(redacted) + (final ? reencode.end() : ''), 'utf16le');
    await out.write(bigEndian ? le.swap16() : le);
  };
  for await (const chunk of source) await emit(redactor.push(Buffer.from(decode.write(toLe(chunk)), 'utf8')), false);
  await emit(Buffer.concat([redactor.push(Buffer.from(decode.end(), 'utf8')), redactor.end()]), true);
}

class InflateLimit extends Error {}

/** Redacts the text inside a gzip file and compresses it again. */
async function redactGzip(source: AsyncIterable<Buffer>, redactor: StreamRedactor, out: Collector): Promise<void> {
  let inflated = 0;
  await pipeline(
    Readable.from(source),
    createGunzip(),
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        inflated += chunk.length;
        if (inflated > MAX_INFLATED_BYTES) cb(new InflateLimit(`it expands past ${MAX_INFLATED_BYTES} bytes`));
        else cb(null, redactor.push(chunk));
      },
      flush(cb) {
        cb(null, redactor.end());
      },
    }),
    createGzip({ level: 6 }),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.write(chunk).then(() => cb(), cb);
      },
    }),
  );
}

/**
 * Opens a file to bundle, refusing what could smuggle in a file from
 * elsewhere: a symbolic link swapped in since the file was listed, anything
 * but a regular file, and a file with more than one hard link (the other name
 * may be outside the workspace, and nothing tells which name is the original).
 */
async function openEvidence(item: EvidenceItem, warn: (m: string) => void): Promise<{ handle: FileHandle; size: number; mtime: Date } | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(item.file!, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    warn(`${item.origin}: skipped, it could not be read (${describeError(err)})`);
    return undefined;
  }
  const st = await handle.stat();
  let why: string | undefined;
  if (!st.isFile()) why = 'it is not a regular file';
  else if (st.nlink > 1) why = `it has ${st.nlink} hard links, and another name of the same file may be outside the workspace; bundle a copy instead`;
  if (why) {
    await handle.close();
    warn(`${item.origin}: skipped, ${why}`);
    return undefined;
  }
  return { handle, size: st.size, mtime: st.mtime };
}

async function addItem(pack: Pack, item: EvidenceItem, name: string, rules: readonly RedactionRule[], spoolDir: string, warn: (m: string) => void): Promise<ManifestFile | undefined> {
  const base = { path: name, source: item.source, origin: item.origin };
  if (item.data) {
    const out = new Collector(spoolDir);
    try {
      const redactor = new StreamRedactor(rules);
      await out.write(redactor.push(item.data));
      await out.write(redactor.end());
      await out.writeTo(pack, name, new Date());
      return entryOf(base, out, 'text', 'applied', redactor.counts);
    } finally {
      await out.dispose();
    }
  }
  const opened = await openEvidence(item, warn);
  if (!opened) return undefined;
  const { handle, size, mtime } = opened;
  try {
    const head = Buffer.alloc(Math.min(8000, size));
    await handle.read(head, 0, head.length, 0);
    const kind = classifyContent(head);
    if (kind.content !== 'compressed') {
      const out = new Collector(spoolDir);
      try {
        const redactor = new StreamRedactor(rules);
        const source = readExactly(handle, size);
        if (kind.content === 'gzip') await redactGzip(source, redactor, out);
        else if (kind.content === 'utf-16le' || kind.content === 'utf-16be') await redactUtf16(source, kind.content === 'utf-16be', redactor, out);
        else {
          for await (const chunk of source) await out.write(redactor.push(chunk));
          await out.write(redactor.end());
        }
        await out.writeTo(pack, name, mtime);
        return entryOf(base, out, kind.content, 'applied', redactor.counts);
      } catch (err) {
        // A gzip file that does not decompress is kept as found, and said to be uninspected.
        if (kind.content !== 'gzip' || (!(err instanceof InflateLimit) && !isZlibError(err))) throw err;
        kind.note = `gzip data that could not be read (${describeError(err)})`;
      } finally {
        await out.dispose();
      }
    }
    const hash = createHash('sha256');
    const hashed = async function* () {
      for await (const chunk of readExactly(handle, size)) {
        hash.update(chunk);
        yield chunk;
      }
    };
    await writeEntry(pack, { name, size, mtime }, hashed());
    return { ...entryOf(base, { size, hash }, kind.content, 'not-inspected', {}), note: kind.note ?? 'could not be read' };
  } catch (err) {
    throw new Error(`${item.origin}: ${describeError(err)}`);
  } finally {
    await handle.close();
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

type EntryBase = Pick<ManifestFile, 'path' | 'source' | 'origin'>;

/** A manifest entry, keys in the order an auditor reads them. */
function entryOf(
  base: EntryBase,
  out: { size: number; hash: { digest(enc: 'hex'): string } },
  content: FileContent,
  redaction: ManifestFile['redaction'],
  redactions: Record<string, number>,
): ManifestFile {
  return { path: base.path, size: out.size, sha256: out.hash.digest('hex'), source: base.source, origin: base.origin, content, redaction, redactions: { ...redactions } };
}
