import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ConfigurationError, describeError } from '../errors.js';
import type { S3ClientFactory, S3Options } from '../evidence/s3.js';
import { formatS3Uri, POINTER_NAME, type S3Location } from '../evidence/s3-uri.js';

/** One bundle found by listing, with the records beside it (refs are keys or paths inside the store). */
export interface ListedBundle {
  name: string;
  ref: string;
  size: number;
  /** `<name>.sha256`, when it exists. */
  sha256Ref: string | null;
  /** `<name without .tar.gz>.manifest.json`, when it exists. */
  manifestRef: string | null;
  /** `current.json` of the prefix the bundle belongs to (`<prefix>/bundles/<name>`), when it exists. */
  pointerRef: string | null;
}

/** Where bundles are read from: an S3 prefix or a local directory. */
export interface HistoryStore {
  /** The location as the user gave it. */
  readonly source: string;
  list(): Promise<ListedBundle[]>;
  /** The whole object, or null when it does not exist; refuses anything larger than `maxBytes`. */
  read(ref: string, maxBytes: number): Promise<Buffer | null>;
  /** A stream of the object, or null when it does not exist. */
  open(ref: string): Promise<AsyncIterable<Uint8Array> | null>;
  /** How a ref is shown and linked: an s3:// URI or a path. */
  display(ref: string): string;
  close(): void;
}

/** An object that is larger than history reads (a manifest copy, a pointer, a sidecar). */
export class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
}

const BUNDLE = /\.tar\.gz$/;

/** Groups listed keys into bundles and the records beside them. */
export function groupListing(objects: { ref: string; size: number }[]): ListedBundle[] {
  const refs = new Set(objects.map((o) => o.ref));
  const out: ListedBundle[] = [];
  for (const o of objects) {
    if (!BUNDLE.test(o.ref)) continue;
    const slash = o.ref.lastIndexOf('/');
    const dir = slash < 0 ? '' : o.ref.slice(0, slash);
    const name = o.ref.slice(slash + 1);
    const sha = `${o.ref}.sha256`;
    const manifest = `${o.ref.replace(BUNDLE, '')}.manifest.json`;
    let pointer: string | null = null;
    if (dir === 'bundles' || dir.endsWith('/bundles')) {
      const parent = dir.slice(0, -'bundles'.length);
      if (refs.has(`${parent}${POINTER_NAME}`)) pointer = `${parent}${POINTER_NAME}`;
    }
    out.push({ name, ref: o.ref, size: o.size, sha256Ref: refs.has(sha) ? sha : null, manifestRef: refs.has(manifest) ? manifest : null, pointerRef: pointer });
  }
  return out.sort((a, b) => a.ref.localeCompare(b.ref));
}

async function collect(body: AsyncIterable<Uint8Array>, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > maxBytes) throw new TooLargeError(`${what}: larger than ${maxBytes} bytes, not read`);
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks);
}

/**
 * A local directory: a folder of bundles as collect-evidence writes them
 * (`<name>.tar.gz`, `.sha256`, `.manifest.json`), downloaded artifacts, or a
 * copy of an S3 prefix. Searched recursively.
 */
export async function directoryStore(dir: string, source: string): Promise<HistoryStore> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new ConfigurationError(`${source}: not a directory (expected a directory of bundles or an s3://bucket/prefix)`);
  } catch (err) {
    if (err instanceof ConfigurationError) throw err;
    throw new ConfigurationError(`${source}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : describeError(err)}`);
  }
  const toRef = (path: string) => relative(dir, path).split(sep).join('/');
  return {
    source,
    async list() {
      const objects: { ref: string; size: number }[] = [];
      const walk = async (d: string): Promise<void> => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          if (e.name.startsWith('.')) continue;
          const p = join(d, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.isFile()) objects.push({ ref: toRef(p), size: (await stat(p)).size });
        }
      };
      await walk(dir);
      return groupListing(objects);
    },
    async read(ref, maxBytes) {
      let handle;
      try {
        handle = await open(join(dir, ref), 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) throw new TooLargeError(`${ref}: larger than ${maxBytes} bytes, not read`);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
    async open(ref) {
      try {
        await stat(join(dir, ref));
      } catch {
        return null;
      }
      return createReadStream(join(dir, ref));
    },
    display: (ref) => join(source, ref),
    close() {},
  };
}

/**
 * An S3 prefix, searched recursively with ListObjectsV2 (1,000 keys a page).
 * Only the listing and the small records beside each bundle are read unless
 * a bundle is verified in full.
 */
export async function s3Store(loc: S3Location, source: string, options: S3Options, factory?: S3ClientFactory, o: { pageSize?: number } = {}): Promise<HistoryStore> {
  const pageSize = o.pageSize ?? 1000;
  const s3 = await import('../evidence/s3.js');
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client: S3Client = await (factory ?? s3.createS3Client)(options);
  const prefix = loc.key === '' ? '' : `${loc.key}/`;
  const keyOf = (ref: string) => `${prefix}${ref}`;
  const at = (ref: string): S3Location => ({ bucket: loc.bucket, key: keyOf(ref) });
  return {
    source,
    async list() {
      const objects: { ref: string; size: number }[] = [];
      let token: string | undefined;
      do {
        const page = await s3
          .attempt(`listing ${formatS3Uri(loc)}`, () => client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: pageSize })))
          .catch((err: unknown) => {
            const e = err as Error;
            if (/NoSuchBucket/.test(e.message)) throw new ConfigurationError(`${source}: no such bucket`);
            throw err;
          });
        for (const o of page.Contents ?? []) if (o.Key) objects.push({ ref: o.Key.slice(prefix.length), size: o.Size ?? 0 });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return groupListing(objects);
    },
    async read(ref, maxBytes) {
      const body = await s3.openObject(client, at(ref));
      return body ? collect(body, maxBytes, formatS3Uri(at(ref))) : null;
    },
    open: (ref) => s3.openObject(client, at(ref)),
    display: (ref) => formatS3Uri(at(ref)),
    close: () => client.destroy(),
  };
}
