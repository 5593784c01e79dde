import { runJob, type JobChannel, type JobWorkerFactory } from '../worker-job.js';
import { writeBundle, type BundleOptions, type BundleResult } from './bundle.js';
import type { EvidenceManifest, ManifestFile } from './manifest.js';

/**
 * `writeBundle` in a worker thread with a bounded young generation (see
 * src/worker-job.ts), so that bundling a gigabyte of evidence keeps the
 * process's memory flat. Warnings and the manifest, which the caller builds,
 * cross as messages.
 */

type BundleJobData = Pick<BundleOptions, 'items' | 'outputDir' | 'name' | 'extraRules'>;

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export async function writeBundleInWorker(workers: JobWorkerFactory, options: BundleOptions): Promise<BundleResult> {
  const { items, outputDir, name, extraRules } = options;
  const data: BundleJobData = { items, outputDir, name, extraRules };
  let manifest: EvidenceManifest | undefined;
  const r = await runJob<Omit<BundleResult, 'manifest'>>(workers, 'bundle', data, {
    warn: (m: string) => options.warn(m),
    manifest: async (p: { files: ManifestFile[]; warnings: string[] }) => (manifest = await options.manifest(p.files, p.warnings)),
  });
  // The manifest is the one built here (the worker's is a copy of it); Buffers arrive as plain Uint8Arrays.
  return { ...r, manifest: manifest!, manifestBytes: asBuffer(r.manifestBytes) };
}

/** The worker's side: the bundle itself. */
export async function serveBundleJob(data: BundleJobData, channel: JobChannel): Promise<Omit<BundleResult, 'manifest'>> {
  const items = data.items.map((i) => (i.data ? { ...i, data: asBuffer(i.data) } : i));
  const { manifest: _copy, ...r } = await writeBundle({
    ...data,
    items,
    warn: (m) => channel.tell('warn', m),
    manifest: (files, warnings) => channel.call('manifest', { files, warnings }),
  });
  return r;
}
