import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { describeError } from '../errors.js';
import { runPlain } from './pg-tools.js';

/**
 * The process side of the drill's PostgreSQL servers, shared by every
 * scenario: free ports, postmaster pids, which processes a drill left behind,
 * the polling wait and one short-lived client connection.
 */

export const PG_HOST = '127.0.0.1';
const POLL_MS = 100;

export interface ConnectionConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
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

export async function tailOf(path: string, lines = 12): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** What a probe returns while the thing it waits for is not there yet, with the reason shown on timeout. */
export class Pending {
  constructor(readonly reason: string) {}
}
export const pending = (reason: string) => new Pending(reason);

/** Polls `probe` until it returns a value, or throws with the last reason once `seconds` run out. */
export async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | Pending>): Promise<T> {
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
