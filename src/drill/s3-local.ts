import type { S3Client } from '@aws-sdk/client-s3';
import type { Server } from 'node:http';
import type { S3ClientFactory, S3Options } from '../evidence/s3.js';
import { PG_HOST } from './postgres.js';

/**
 * A local S3-protocol server for `drloop drill --s3`: s3rver, in this process,
 * on 127.0.0.1 and a free port, storing its objects as files under a
 * directory the drill keeps. The evidence goes through drloop's real S3 code
 * (multipart upload, read-back, pointer) and is verified through the pointer.
 * The restore drill keeps its WAL archive and base backup here too. This
 * module is loaded only with `--s3` or the restore scenario, so other drills
 * never load the AWS SDK.
 */

export const DRILL_BUCKET = 'drloop-drill';
/** s3rver's built-in account. */
export const S3RVER_ACCESS_KEY = 'S3RVER';
const ACCESS_KEY = S3RVER_ACCESS_KEY;

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: Server;
}

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  options: S3Options;
  /** Clients with s3rver's credentials, never the environment's. */
  factory: S3ClientFactory;
  stop(): Promise<void>;
}

/** Starts s3rver with the evidence bucket and `extraBuckets` (the restore drill's WAL archive). */
export async function startLocalS3(directory: string, extraBuckets: string[] = []): Promise<LocalS3> {
  // Resolved from node_modules at run time (the CLI bundle leaves it out).
  const name = 's3rver';
  const mod = (await import(/* webpackIgnore: true */ name)) as { default: new (o: Record<string, unknown>) => S3rverInstance };
  const server = new mod.default({ address: PG_HOST, port: 0, silent: true, directory, configureBuckets: [DRILL_BUCKET, ...extraBuckets].map((name) => ({ name })) });
  const { port } = await server.run();
  const endpoint = `http://${PG_HOST}:${port}`;
  const options: S3Options = { endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' };
  const { S3Client: Client } = await import('@aws-sdk/client-s3');
  const factory: S3ClientFactory = (o: S3Options): S3Client =>
    new Client({
      endpoint: o.endpoint ?? endpoint,
      region: o.region ?? 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    bucket: DRILL_BUCKET,
    directory,
    options,
    factory,
    stop() {
      stopped ??= (async () => {
        server.httpServer?.closeAllConnections();
        await server.close().catch(() => undefined);
      })();
      return stopped;
    },
  };
}
