// Shared helpers of the example plan's steps. Every step reads one file, the
// drill's state ($DRLOOP_DRILL_STATE: ports, data directories, binaries,
// credentials), and talks to PostgreSQL with `pg`, since a fresh machine has
// no psql. A step that fails says why on stderr and exits 1.
import { execFile } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import pg from 'pg';

const STATE_SCHEMA = 'drloop.drill.postgres/v1';
/** The restore scenario's state: a primary archiving to S3 and a directory for the instances bringup creates. */
export const RESTORE_STATE_SCHEMA = 'drloop.drill.postgres-restore/v1';
const script = basename(process.argv[1] ?? 'step', '.mjs');

export function fail(message) {
  console.error(`${script}: ${message}`);
  process.exit(1);
}

/** The drill's state file; both scenarios describe their primary the same way, so the primary's guards read either. */
export function readState(schemas = [STATE_SCHEMA, RESTORE_STATE_SCHEMA]) {
  const path = process.env.DRLOOP_DRILL_STATE;
  if (!path) fail('DRLOOP_DRILL_STATE is not set: it names the JSON file the drill writes with the PostgreSQL pair it started');
  let state;
  try {
    state = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(`cannot read the drill state ${path}: ${err.message}`);
  }
  if (!schemas.includes(state?.schema)) fail(`${path} is not a drill state (expected schema ${schemas.join(' or ')})`);
  return state;
}

export const where = (node) => `${node.host}:${node.port}`;

/** Runs `fn` on one short-lived connection to a node. */
export async function withNode(state, node, fn, timeoutMs = 3000) {
  const client = new pg.Client({
    host: node.host,
    port: node.port,
    user: state.user,
    password: state.password,
    database: state.database,
    connectionTimeoutMillis: timeoutMs,
    application_name: `drloop_${script}`,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The first row of a query on a node. */
export async function queryRow(state, node, sql, params = []) {
  return withNode(state, node, async (c) => (await c.query(sql, params)).rows[0]);
}

/** pg_ctl, as the postgres user when the drill runs as root (PostgreSQL refuses root). */
export function pgCtl(state, args, timeoutMs = 90_000) {
  return new Promise((resolve) => {
    const opts = { env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' }, timeout: timeoutMs, killSignal: 'SIGKILL' };
    if (state.runAs) Object.assign(opts, { uid: state.runAs.uid, gid: state.runAs.gid });
    execFile(state.bin.pgCtl, args, opts, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}`.trim() });
    });
  });
}

export function postmasterPid(dataDir) {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** A running (not zombie) process. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return true;
  }
}

/** The node's postmaster pid when it is running, else null. */
export function runningPid(node) {
  const pid = postmasterPid(node.dataDir);
  return pid !== null && isAlive(pid) ? pid : null;
}

/**
 * The drill's processes still running: postmasters whose arguments name a
 * directory under the drill's base directory, and their process groups
 * (a postmaster's children rename themselves; only the group ties them).
 */
export function drillProcesses(state) {
  return new Promise((resolve, reject) => {
    execFile('ps', ['-eo', 'pid=,pgid=,stat=,args='], (err, stdout) => {
      if (err) return reject(err);
      const all = stdout
        .split('\n')
        .map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l))
        .filter((m) => m && !m[3].startsWith('Z'))
        .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), args: m[4] }));
      const groups = new Set(state.postmasterPids ?? []);
      for (const p of all) if (p.args.includes(state.baseDir)) groups.add(p.pid);
      resolve(all.filter((p) => p.pid !== process.pid && (p.args.includes(state.baseDir) || groups.has(p.pgid))));
    });
  });
}

/** Hands a value to later steps (`KEY=value` in $DRLOOP_OUTPUT, when drloop runs the step). */
export function setOutput(key, value) {
  if (process.env.DRLOOP_OUTPUT) appendFileSync(process.env.DRLOOP_OUTPUT, `${key}=${value}\n`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
