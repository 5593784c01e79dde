import { chmod, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError } from '../errors.js';
import { PostgresCluster, prepareCluster, type BaseBackup, type ClusterOptions, type ClusterState, type PostgresNode, type PrimaryFailure } from './pg-cluster.js';
import { firstBlockingDir } from './pg-tools.js';
import { S3RVER_ACCESS_KEY, type LocalS3 } from './s3-local.js';

/**
 * The restore scenario's site: a PostgreSQL primary that continuously
 * archives its WAL to an S3-protocol bucket through `archive_command` (the
 * example's one-file WAL tool, as WAL-G's `wal-push`), with a short
 * `archive_timeout` and 1 MB WAL files, and a base backup (the low-level API,
 * shared with the hot-standby scenario) stored as a tar in the same bucket.
 * The instances the plan's bringup creates go under `instancesDir`, inside the
 * cluster's base directory, so the cleanup stops and removes what a plan step
 * left there.
 */

export const RESTORE_STATE_SCHEMA = 'drloop.drill.postgres-restore/v1';
export const WAL_BUCKET = 'drloop-wal';
export const ARCHIVE_PREFIX = 'postgres/';
/** How often the primary switches to a new WAL file when there is activity, so it gets archived. */
export const ARCHIVE_TIMEOUT_SECONDS = 1;
const WAL_SEGMENT_MB = 1;

/** What the WAL tool reads (`--config`): where the archive is and how to sign for it. */
export interface ArchiveConfig {
  endpoint: string;
  bucket: string;
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ArchivedBaseBackup extends BaseBackup {
  key: string;
  /** The size of the tar in the bucket. */
  tarBytes: number;
  uploadedAt: string;
}

/** What the plan's steps read from `DRLOOP_DRILL_STATE` in the restore scenario. */
export interface RestoreState extends ClusterState {
  schema: typeof RESTORE_STATE_SCHEMA;
  primary: PostgresNode;
  /** Where bringup creates the new instance (`<instancesDir>/<name>`). */
  instancesDir: string;
  archive: ArchiveConfig & { baseBackupKey: string | null };
}

/** One line of the WAL tool's log: a WAL file archived (pushed) or restored (fetched), or asked for and absent (missing). */
export interface WalLogEntry {
  at: string;
  action: 'pushed' | 'fetched' | 'missing';
  name: string;
  bytes: number | null;
}

export function parseWalLog(text: string): WalLogEntry[] {
  const out: WalLogEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+) (pushed|fetched|missing) (\S+)(?: (\d+))?/.exec(line);
    if (m) out.push({ at: m[1]!, action: m[2] as WalLogEntry['action'], name: m[3]!, bytes: m[4] ? Number(m[4]) : null });
  }
  return out;
}

export interface ArchivingPrimaryOptions extends ClusterOptions {
  /** The WAL tool (`node <tool> --config FILE push %p %f`); copied beside the primary. */
  walTool: string;
  /** The node binary archive_command runs the tool with; PostgreSQL's account must be able to run it. */
  nodePath: string;
}

export async function createArchivingPrimary(options: ArchivingPrimaryOptions): Promise<ArchivingPrimary> {
  const prepared = await prepareCluster(options);
  const primary = new ArchivingPrimary(prepared, options);
  if (prepared.runAs) {
    const blocked = await firstBlockingDir(options.nodePath, prepared.runAs);
    if (blocked) {
      await primary.cleanup();
      throw new ConfigurationError(
        `archive_command runs ${options.nodePath} as the '${prepared.runAs.user}' user, who cannot reach it (${blocked.dir} is mode ${blocked.mode.toString(8)}); install Node where every user can run it (e.g. /usr/bin/node)`,
      );
    }
  }
  return primary;
}

export class ArchivingPrimary extends PostgresCluster {
  readonly primary: PostgresNode;
  readonly instancesDir: string;
  /** The WAL tool's copy, its configuration and its log. */
  readonly archiveDir: string;
  private archive: ArchiveConfig | null = null;
  private baseBackupKey: string | null = null;
  private readonly walTool: string;
  private readonly nodePath: string;

  constructor(prepared: Awaited<ReturnType<typeof prepareCluster>>, options: ArchivingPrimaryOptions) {
    super(prepared, options);
    this.primary = this.addNode('primary');
    this.instancesDir = join(this.baseDir, 'instances');
    this.archiveDir = join(this.baseDir, 'archive');
    this.walTool = options.walTool;
    this.nodePath = options.nodePath;
  }

  get pushLogFile(): string {
    return join(this.archiveDir, 'wal-push.log');
  }

  /** initdb with 1 MB WAL files, archiving on, then start. */
  async startPrimary(s3: LocalS3): Promise<void> {
    this.archive = { endpoint: s3.endpoint, bucket: WAL_BUCKET, prefix: ARCHIVE_PREFIX, region: 'us-east-1', accessKeyId: S3RVER_ACCESS_KEY, secretAccessKey: S3RVER_ACCESS_KEY };
    for (const d of [this.archiveDir, this.instancesDir]) {
      await mkdir(d, { recursive: true, mode: 0o700 });
      await this.own(d);
    }
    const tool = join(this.archiveDir, 'wal.mjs');
    await copyFile(this.walTool, tool);
    await chmod(tool, 0o755);
    const config = join(this.archiveDir, 'wal.json');
    await writeFile(config, JSON.stringify({ ...this.archive, log: this.pushLogFile }), { mode: 0o600 });
    await writeFile(this.pushLogFile, '');
    for (const f of [tool, config, this.pushLogFile]) await this.own(f);
    const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const archiveCommand = `${sh(this.nodePath)} ${sh(tool)} --config ${sh(config)} push %p %f`;
    const node = this.primary;
    await this.initNode(node, {
      title: 'a primary archiving its WAL to S3',
      conf: [
        'wal_level = replica',
        'archive_mode = on',
        `archive_command = '${archiveCommand.replace(/'/g, "''")}'`,
        `archive_timeout = '${ARCHIVE_TIMEOUT_SECONDS}s'`,
        'max_wal_senders = 0',
        "max_wal_size = '64MB'",
      ],
      hba: [],
      initdbArgs: [`--wal-segsize=${WAL_SEGMENT_MB}`],
    });
    await this.startNode(node);
    this.log.info(`postgres: primary ready on ${node.host}:${node.port}, archiving to s3://${WAL_BUCKET}/${ARCHIVE_PREFIX}wal/`);
  }

  /**
   * The base backup the restore starts from: the low-level backup of the
   * running primary (waiting until its last WAL file is archived), packed as
   * one tar and stored at `<prefix>basebackups/<name>/base.tar`.
   */
  async baseBackupToArchive(s3: LocalS3, workDir: string): Promise<ArchivedBaseBackup> {
    if (!this.archive) throw new Error('the primary is not archiving yet');
    const name = `base-${this.now().toISOString().replace(/[-:.]/g, '')}`;
    const staging = join(workDir, name);
    const tarPath = `${staging}.tar`;
    try {
      const backup = await this.lowLevelBackup(this.primary, staging, { label: name, waitForArchive: true });
      const { pack } = await import('tar-stream');
      const p = pack();
      const written = pipeline(p, createWriteStream(tarPath));
      const add = (header: Parameters<typeof p.entry>[0], body?: Buffer) =>
        new Promise<void>((res, rej) => {
          p.entry(header, body ?? Buffer.alloc(0), (err) => (err ? rej(err) : res()));
        });
      const walk = async (dir: string): Promise<void> => {
        for (const e of await readdir(dir, { withFileTypes: true })) {
          const abs = join(dir, e.name);
          const rel = relative(staging, abs);
          if (e.isDirectory()) {
            await add({ name: `${rel}/`, type: 'directory', mode: 0o700 });
            await walk(abs);
          } else if (e.isFile()) {
            await add({ name: rel, type: 'file', mode: 0o600 }, await readFile(abs));
          }
        }
      };
      await walk(staging);
      p.finalize();
      await written;
      const key = `${ARCHIVE_PREFIX}basebackups/${name}/base.tar`;
      const body = await readFile(tarPath);
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      const client = await s3.factory(s3.options);
      try {
        await client.send(new PutObjectCommand({ Bucket: WAL_BUCKET, Key: key, Body: body, ContentType: 'application/x-tar' }));
      } finally {
        client.destroy();
      }
      this.baseBackupKey = key;
      return { ...backup, key, tarBytes: (await stat(tarPath)).size, uploadedAt: this.now().toISOString() };
    } finally {
      await rm(staging, { recursive: true, force: true });
      await rm(tarPath, { force: true });
    }
  }

  /** Fails the primary hard (see failNode): what it had not archived yet is lost. */
  failPrimary(): Promise<PrimaryFailure> {
    return this.failNode(this.primary);
  }

  /** The WAL tool's log of the primary: every WAL file it archived, with when. */
  async pushLog(): Promise<WalLogEntry[]> {
    return parseWalLog(await readFile(this.pushLogFile, 'utf8').catch(() => ''));
  }

  state(): RestoreState {
    if (!this.archive) throw new Error('the primary is not archiving yet');
    return { schema: RESTORE_STATE_SCHEMA, ...this.clusterState(), primary: { ...this.primary }, instancesDir: this.instancesDir, archive: { ...this.archive, baseBackupKey: this.baseBackupKey } };
  }

  /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`). */
  writeState(path: string): Promise<void> {
    return this.writeStateFile(path, this.state());
  }

  /** The instance record bringup wrote (instance.json) for every instance under `instancesDir`. */
  async instances(): Promise<RestoredInstance[]> {
    const out: RestoredInstance[] = [];
    for (const name of await readdir(this.instancesDir).catch(() => [] as string[])) {
      const raw = await readFile(join(this.instancesDir, name, 'instance.json'), 'utf8').catch(() => null);
      if (raw) out.push(JSON.parse(raw) as RestoredInstance);
    }
    return out;
  }
}

/** An instance the plan's bringup created (examples/postgres-restore/scripts/create-instance.mjs writes it). */
export interface RestoredInstance {
  name: string;
  target: string;
  region: string;
  host: string;
  port: number;
  dir: string;
  dataDir: string;
  logFile: string;
  createdAt: string;
}
