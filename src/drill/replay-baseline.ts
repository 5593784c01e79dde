import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ARCHIVE_PREFIX, WAL_BUCKET } from './archive.js';
import { PostgresCluster, prepareCluster, setAutoConf, type ClusterOptions, type PostgresNode } from './pg-cluster.js';
import { pending, withClient, type ConnectionConfig } from './pg-processes.js';
import type { LocalS3 } from './s3-local.js';

/**
 * PostgreSQL's own replay of the restore drill's WAL: the same base backup
 * and the same archived WAL files, restored into a fresh data directory with
 * a plain local `restore_command` (`cp` from a directory holding the
 * segments), timed from the start of the server to the replay LSN the
 * drill's restored instance reached. It is the baseline `npm run bench` sets
 * the drill's replay throughput against: what is left is the cost of the WAL
 * tool and the object store, not of PostgreSQL's recovery.
 */

const WAL_FILE = /^[0-9A-F]{24}$/;

/** The WAL file a base backup's replay starts from, from its `backup_label` (`START WAL LOCATION: 0/9000028 (file 000000010000000000000009)`). */
export function backupStartWalFile(label: string): string {
  const m = /^START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/m.exec(label);
  if (!m) throw new Error(`the backup_label names no start WAL file: ${label.split('\n')[0] ?? ''}`);
  return m[1]!;
}

/** The WAL files a replay from `start` up to and including `newest` reads (same timeline, in order). */
export function walFilesToReplay(names: string[], start: string, newest: string): string[] {
  const tli = start.slice(0, 8);
  return names.filter((n) => WAL_FILE.test(n) && n.slice(0, 8) === tli && n >= start && n <= newest).sort();
}

/** Parses a `pg_lsn` (`0/E00000`) into a number of bytes. */
export function parseLsn(lsn: string): bigint {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim());
  if (!m) throw new Error(`not a WAL location: '${lsn}'`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

/** Extracts a base backup tar into an empty directory, refusing entries outside it. */
export async function extractBaseBackup(tar: Buffer, dataDir: string): Promise<number> {
  const { extract: makeExtract } = await import('tar-stream');
  const extract = makeExtract();
  let files = 0;
  let outside: string | undefined;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  extract.on('entry', (header, stream, next) => {
    const rel = normalize(header.name);
    if (rel.startsWith('..') || rel.startsWith('/')) {
      outside ??= header.name;
      stream.resume();
      next();
      return;
    }
    const dest = join(dataDir, rel);
    if (header.type === 'directory') {
      stream.resume();
      mkdir(dest, { recursive: true, mode: 0o700 }).then(() => next(), next);
      return;
    }
    files++;
    mkdir(dirname(dest), { recursive: true, mode: 0o700 })
      .then(() => pipeline(stream, createWriteStream(dest, { mode: 0o600 })))
      .then(() => next(), next);
  });
  await pipeline(Readable.from([tar]), extract);
  // Such an entry is skipped, never written, and the whole backup refused.
  if (outside !== undefined) throw new Error(`the base backup holds an entry outside the data directory: ${outside}`);
  return files;
}

/** The restore drill's archive, fetched from its bucket: the base backup tar and every archived WAL file, as local files. */
export interface LocalArchive {
  baseBackupTar: string;
  walDir: string;
  walFiles: string[];
}

/** Copies the base backup `baseBackupKey` and the archived WAL files of the drill's bucket into `dir` (`base.tar`, `wal/`). */
export async function downloadArchive(s3: LocalS3, baseBackupKey: string, dir: string): Promise<LocalArchive> {
  const { GetObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = await s3.factory(s3.options);
  const walDir = join(dir, 'wal');
  await mkdir(walDir, { recursive: true, mode: 0o700 });
  const get = async (key: string, to: string) => {
    const r = await client.send(new GetObjectCommand({ Bucket: WAL_BUCKET, Key: key }));
    if (!r.Body) throw new Error(`s3://${WAL_BUCKET}/${key} has no body`);
    await writeFile(to, await r.Body.transformToByteArray(), { mode: 0o600 });
  };
  try {
    const baseBackupTar = join(dir, 'base.tar');
    await get(baseBackupKey, baseBackupTar);
    const prefix = `${ARCHIVE_PREFIX}wal/`;
    const walFiles: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: WAL_BUCKET, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        const name = (o.Key ?? '').slice(prefix.length);
        if (!WAL_FILE.test(name)) continue;
        await get(o.Key!, join(walDir, name));
        walFiles.push(name);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { baseBackupTar, walDir, walFiles: walFiles.sort() };
  } finally {
    client.destroy();
  }
}

export interface PlainReplayResult {
  /** The WAL file replay started from (the base backup's) and the newest one it read. */
  startWalFile: string;
  newestWalFile: string;
  walFiles: number;
  walBytes: number;
  /** From `pg_ctl start` to the replay LSN reaching `untilLsn`. */
  replaySeconds: number;
  mbPerSecond: number;
  /** pg_last_wal_replay_lsn() when it had reached the end point. */
  replayLsn: string;
}

export interface PlainReplayOptions {
  baseBackupTar: string;
  /** Holds the archived WAL files; only those from the backup's start up to `newestWalFile` are offered to PostgreSQL. */
  walDir: string;
  newestWalFile: string;
  /** The end point: the replay LSN the drill's instance reached. */
  untilLsn: string;
  timeoutSeconds?: number;
}

/** One fresh data directory restored from a base backup with `restore_command = cp …`; cleanup() stops and removes it. */
export class PlainReplay extends PostgresCluster {
  readonly node: PostgresNode;
  constructor(prepared: Awaited<ReturnType<typeof prepareCluster>>, options: ClusterOptions) {
    super(prepared, options);
    this.node = this.addNode('plain-replay');
  }

  /** How to reach the replayed node: its Unix socket in the base directory (see replay). */
  socketConnection(): ConnectionConfig {
    return { ...this.connection(this.node), host: this.baseDir, password: '' };
  }

  async replay(o: PlainReplayOptions): Promise<PlainReplayResult> {
    const node = this.node;
    const until = parseLsn(o.untilLsn);
    await extractBaseBackup(await readFile(o.baseBackupTar), node.dataDir);
    const startWalFile = backupStartWalFile(await readFile(join(node.dataDir, 'backup_label'), 'utf8'));
    // The segments go where PostgreSQL's account can read them, offered exactly as the drill's replay read them.
    const walDir = join(this.baseDir, 'wal-archive');
    await mkdir(walDir, { recursive: true, mode: 0o700 });
    const files = walFilesToReplay(await readdir(o.walDir), startWalFile, o.newestWalFile);
    if (files.at(-1) !== o.newestWalFile) throw new Error(`${o.walDir} does not hold ${o.newestWalFile}, the newest WAL file the drill replayed`);
    let walBytes = 0;
    for (const f of files) {
      const body = await readFile(join(o.walDir, f));
      await writeFile(join(walDir, f), body, { mode: 0o600 });
      walBytes += body.length;
    }
    // The copy holds the primary's users and passwords, which this replay does not know: it answers only on a Unix
    // socket in the owner-only base directory, trusting whoever can reach it (this process and PostgreSQL's account).
    await writeFile(join(node.dataDir, 'pg_hba.conf'), '# drloop plain replay: the owner-only socket directory only\nlocal all all trust\n');
    await setAutoConf(node.dataDir, {
      listen_addresses: '',
      unix_socket_directories: this.baseDir,
      archive_mode: 'off',
      restore_command: `cp '${walDir}/%f' '%p'`,
      recovery_target_timeline: 'latest',
      wal_retrieve_retry_interval: '500ms',
    });
    await writeFile(join(node.dataDir, 'standby.signal'), '');
    for (const d of ['pg_wal/archive_status', 'pg_wal/summaries']) await mkdir(join(node.dataDir, d), { recursive: true, mode: 0o700 });
    await chmod(node.dataDir, 0o700);
    await this.own(walDir, true);
    await this.own(node.dataDir, true);

    const t0 = performance.now();
    await this.startNode(node);
    const conn = this.socketConnection();
    const replayLsn = await this.waitFor(
      `the plain replay to reach ${o.untilLsn}`,
      async () => {
        const lsn = await withClient(conn, async (c) => (await c.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn')).rows[0]?.lsn ?? null).catch(() => null);
        return lsn !== null && parseLsn(lsn) >= until ? lsn : pending(`replay LSN ${lsn ?? 'none'}`);
      },
      o.timeoutSeconds ?? 120,
    );
    const replaySeconds = (performance.now() - t0) / 1000;
    return {
      startWalFile,
      newestWalFile: o.newestWalFile,
      walFiles: files.length,
      walBytes,
      replaySeconds: Math.round(replaySeconds * 1000) / 1000,
      mbPerSecond: Math.round((walBytes / 1048576 / replaySeconds) * 1000) / 1000,
      replayLsn,
    };
  }
}

export async function createPlainReplay(options: ClusterOptions = {}): Promise<PlainReplay> {
  return new PlainReplay(await prepareCluster(options), options);
}
