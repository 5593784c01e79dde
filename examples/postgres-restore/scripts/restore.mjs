// Restore: fetches the base backup into the new instance, then starts it in
// standby mode with restore_command replaying WAL from the archive, and waits
// until it has replayed the newest archived WAL file (PostgreSQL asks for the
// next one and the archive does not have it). The instance stays in recovery,
// read-only, for validate; promote ends recovery.
//
// Sets for later steps and the drill's report: BASE_BACKUP_BYTES,
// BASE_FETCH_SECONDS, WAL_FILES, WAL_BYTES, REPLAY_SECONDS, REPLAY_LSN,
// NEWEST_ARCHIVED. Usage: restore.mjs [seconds to wait for replay, default 60]
//
// With WAL-G this step is `wal-g backup-fetch $PGDATA LATEST` plus
// restore_command = 'wal-g wal-fetch %f %p'; with pgBackRest,
// `pgbackrest --stanza=... restore --type=standby`; a managed database does
// both in its point-in-time restore (docs/drill.md).
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import tar from 'tar-stream';
import { listObjects, s3 } from './wal.mjs';
import { fail, pgCtl, queryRow, readInstance, readRestoreState, setOutput, sleep } from './lib.mjs';

const state = readRestoreState();
const instance = readInstance(state);
const archive = state.archive;
const waitSeconds = Number(process.argv[2] ?? 60);
const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(3);

if (existsSync(join(instance.dataDir, 'PG_VERSION'))) fail(`${instance.dataDir} already holds a data directory: restore into a fresh instance`);

// 1. The base backup: one tar object, extracted into the empty data directory.
const got = await s3(archive, 'GET', archive.baseBackupKey).catch((err) => fail(`cannot fetch the base backup: ${err.message}`));
if (got.status !== 200) fail(`GET s3://${archive.bucket}/${archive.baseBackupKey}: HTTP ${got.status}`);
const extract = tar.extract();
let files = 0;
extract.on('entry', (header, stream, next) => {
  const rel = normalize(header.name);
  if (rel.startsWith('..') || rel.startsWith('/')) return fail(`the base backup holds an entry outside the data directory: ${header.name}`);
  const dest = join(instance.dataDir, rel);
  if (header.type === 'directory') {
    mkdirSync(dest, { recursive: true, mode: 0o700 });
    stream.resume();
    return next();
  }
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
  files++;
  pipeline(stream, createWriteStream(dest, { mode: 0o600 })).then(() => next(), (err) => fail(`writing ${dest}: ${err.message}`));
});
await pipeline(Readable.from([got.body]), extract);
if (!existsSync(join(instance.dataDir, 'backup_label'))) fail('the base backup has no backup_label: it was not taken with pg_backup_start/pg_backup_stop');
const baseFetchSeconds = secs(t0);
console.log(`fetched the base backup ${archive.baseBackupKey}: ${got.body.length} bytes, ${files} files in ${baseFetchSeconds}s`);

// 2. The WAL tool beside the instance (PostgreSQL's account runs it), and its configuration.
const tool = join(instance.dir, 'wal.mjs');
copyFileSync(join(dirname(fileURLToPath(import.meta.url)), 'wal.mjs'), tool);
chmodSync(tool, 0o755);
const fetchLog = join(instance.dir, 'wal-fetch.log');
const config = join(instance.dir, 'wal.json');
writeFileSync(config, JSON.stringify({ ...archive, log: fetchLog }), { mode: 0o600 });
writeFileSync(fetchLog, '');

// PostgreSQL's account must be able to run this node binary for restore_command.
const runAs = state.runAs ? { uid: state.runAs.uid, gid: state.runAs.gid } : {};
const nodeOk = await new Promise((res) => execFile(process.execPath, ['-e', ''], { ...runAs, timeout: 10_000 }, (err) => res(!err)));
if (!nodeOk) fail(`PostgreSQL's account cannot run ${process.execPath} for restore_command: install Node where every user can run it (e.g. /usr/bin/node)`);

const port = await new Promise((res, rej) => {
  const srv = createServer().listen(0, instance.host, () => {
    const p = srv.address().port;
    srv.close(() => res(p));
  });
  srv.on('error', rej);
});
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const shq = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;
const restoreCommand = `${shq(process.execPath)} ${shq(tool)} --config ${shq(config)} fetch %f %p`;
// The copy carries the primary's settings: this instance must not archive into the primary's archive.
const auto = join(instance.dataDir, 'postgresql.auto.conf');
const kept = (existsSync(auto) ? readFileSync(auto, 'utf8') : '').split('\n').filter((l) => l.trim() && !/^\s*(port|archive_mode|archive_command|restore_command|recovery_target_timeline|wal_retrieve_retry_interval)\s*=/.test(l));
writeFileSync(
  auto,
  [...kept, `port = ${port}`, "archive_mode = 'off'", `restore_command = ${q(restoreCommand)}`, "recovery_target_timeline = 'latest'", "wal_retrieve_retry_interval = '500ms'", ''].join('\n'),
);
writeFileSync(join(instance.dataDir, 'standby.signal'), '');
for (const d of ['pg_wal/archive_status', 'pg_wal/summaries']) mkdirSync(join(instance.dataDir, d), { recursive: true, mode: 0o700 });
chmodSync(instance.dataDir, 0o700);
if (state.runAs) {
  const own = (p) => {
    chownSync(p, state.runAs.uid, state.runAs.gid);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) own(join(p, e));
  };
  own(instance.dir);
}
instance.port = port;
writeFileSync(join(instance.dir, 'instance.json'), `${JSON.stringify(instance, null, 2)}\n`);

// 3. Start in standby mode: PostgreSQL replays the base backup's WAL, then every archived file after it.
const replayStart = Date.now();
const started = await pgCtl(state, ['start', '-w', '-t', '60', '-D', instance.dataDir, '-l', instance.logFile]);
if (started.code !== 0) fail(`pg_ctl start failed (exit ${started.code}): ${started.output}; see ${instance.logFile}`);

// 4. The newest archived WAL file, and the wait until it is replayed.
const wal = (await listObjects(archive, `${archive.prefix}wal/`)).map((o) => ({ name: o.key.slice(`${archive.prefix}wal/`.length), size: o.size })).filter((o) => /^[0-9A-F]{24}$/.test(o.name));
if (wal.length === 0) fail('the archive holds no WAL file');
const newest = wal.map((o) => o.name).sort().at(-1);
const deadline = Date.now() + waitSeconds * 1000;
let last = 'no answer yet';
for (;;) {
  const log = readFileSync(fetchLog, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' '));
  const fetched = log.filter((l) => l[1] === 'fetched' && /^[0-9A-F]{24}$/.test(l[2]));
  const exhausted = log.some((l) => l[1] === 'missing' && /^[0-9A-F]{24}$/.test(l[2]) && l[2].slice(8) > newest.slice(8));
  const row = await queryRow(state, instance, 'SELECT pg_is_in_recovery() AS rec, pg_last_wal_replay_lsn()::text AS lsn').catch((err) => {
    last = err.message;
    return null;
  });
  if (row && exhausted) {
    const bytes = fetched.reduce((n, l) => n + Number(l[3]), 0);
    const replaySeconds = secs(replayStart);
    console.log(`replayed ${fetched.length} archived WAL files (${bytes} bytes) up to ${newest} in ${replaySeconds}s; replay LSN ${row.lsn}`);
    setOutput('BASE_BACKUP_BYTES', got.body.length);
    setOutput('BASE_FETCH_SECONDS', baseFetchSeconds);
    setOutput('WAL_FILES', fetched.length);
    setOutput('WAL_BYTES', bytes);
    setOutput('REPLAY_SECONDS', replaySeconds);
    setOutput('REPLAY_LSN', row.lsn ?? '');
    setOutput('NEWEST_ARCHIVED', newest);
    break;
  }
  if (row) last = `replay LSN ${row.lsn ?? 'none'}, ${fetched.length} of ${wal.length} archived WAL files fetched`;
  if (Date.now() > deadline) fail(`replay did not reach the newest archived WAL file ${newest} within ${waitSeconds}s: ${last}; see ${instance.logFile}`);
  await sleep(200);
}
