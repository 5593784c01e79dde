import type { S3ClientFactory, S3Options } from '../evidence/s3.js';
import type { S3Location } from '../evidence/s3-uri.js';
import { runJob, type JobWorkerFactory } from '../worker-job.js';
import { buildHistory, type History } from './history.js';
import { directoryStore, s3Store } from './store.js';

/**
 * The scan of a store of bundles: listing, reading every manifest, checking
 * checksums. It is the long part of `drloop history` and runs in a worker
 * thread with a bounded young generation (see src/worker-job.ts): the AWS
 * SDK leaves megabytes of short-lived garbage per page and per read, and on
 * the main thread of Node 24 that grows the young generation far past what
 * the scan keeps alive.
 */
export interface HistoryScan {
  /** As the user gave it, for messages. */
  source: string;
  /** An S3 prefix, or the absolute path of a directory of bundles. */
  location: S3Location | string;
  s3: S3Options;
  now: Date;
  verifyAll: boolean;
  concurrency: number;
  freshnessSeconds: number | undefined;
}

export async function scanHistory(scan: HistoryScan, deps: { s3Client?: S3ClientFactory | undefined } = {}): Promise<History> {
  const store = typeof scan.location === 'string' ? await directoryStore(scan.location, scan.source) : await s3Store(scan.location, scan.source, scan.s3, deps.s3Client);
  try {
    return await buildHistory({ store, now: scan.now, verifyAll: scan.verifyAll, concurrency: scan.concurrency, freshnessSeconds: scan.freshnessSeconds });
  } finally {
    store.close();
  }
}

export function scanHistoryInWorker(workers: JobWorkerFactory, scan: HistoryScan): Promise<History> {
  return runJob<History>(workers, 'history', scan, {});
}

/** The worker's side. */
export function serveHistoryJob(scan: HistoryScan): Promise<History> {
  return scanHistory(scan);
}
