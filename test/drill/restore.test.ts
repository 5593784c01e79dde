/**
 * The restore scenario's pieces against real parts: the example's WAL tool
 * (what archive_command and restore_command run) against s3rver; PostgreSQL
 * run by its own account from binaries it could not reach where they were
 * installed (a clone under a directory only root may enter); a primary that
 * archives WAL and stores its base backup in the bucket; and the drill's
 * bookkeeping (holes in the audit, one status for a two-part plan run).
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createArchivingPrimary, parseWalLog, WAL_BUCKET, type ArchivingPrimary } from '../../src/drill/archive.js';
import { reconcile } from '../../src/drill/audit.js';
import type { LoadReport } from '../../src/drill/load.js';
import { withClient } from '../../src/drill/pg-processes.js';
import { findPostgresBinaries, resolveRunAs, stageBinaries } from '../../src/drill/pg-tools.js';
import { startPostgresPair, type PostgresPair } from '../../src/drill/postgres.js';
import { combinedRunStatus } from '../../src/drill/run.js';
import { startLocalS3, type LocalS3 } from '../../src/drill/s3-local.js';
import { MemoryLogger } from '../../src/logger.js';
import { REPO_ROOT } from '../support/run-action.js';

const WAL_TOOL = join(REPO_ROOT, 'examples', 'postgres-restore', 'scripts', 'wal.mjs');
const isRoot = process.getuid?.() === 0;

const dirs: string[] = [];
const servers: LocalS3[] = [];
const clusters: (PostgresPair | ArchivingPrimary)[] = [];
afterEach(async () => {
  for (const c of clusters.splice(0)) await c.cleanup();
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function s3(): Promise<LocalS3> {
  const s = await startLocalS3(await tempDir('drloop-restore-s3-'), [WAL_BUCKET]);
  servers.push(s);
  return s;
}

/** Runs the WAL tool as PostgreSQL would (asynchronously: s3rver answers from this process). */
function walTool(config: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(process.execPath, [WAL_TOOL, '--config', config, ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      res({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function writeConfig(server: LocalS3, dir: string, extra: Record<string, unknown> = {}): Promise<string> {
  const path = join(dir, 'wal.json');
  await writeFile(path, JSON.stringify({ endpoint: server.endpoint, bucket: WAL_BUCKET, prefix: 'pg/', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', log: join(dir, 'wal.log'), ...extra }));
  return path;
}

describe('the restore example WAL tool against s3rver', () => {
  test('push archives a file once, refuses to overwrite it with other content, fetch restores it and exits 1 at the end of the archive', async () => {
    const server = await s3();
    const dir = await tempDir('drloop-wal-tool-');
    const config = await writeConfig(server, dir);
    const seg = join(dir, 'seg');
    await writeFile(seg, Buffer.alloc(65536, 7));
    const name = '000000010000000000000003';
    expect(await walTool(config, 'push', seg, name)).toMatchObject({ code: 0 });
    // PostgreSQL retries archive_command after a crash: the same content again is fine.
    expect(await walTool(config, 'push', seg, name)).toMatchObject({ code: 0 });
    await writeFile(seg, Buffer.alloc(65536, 8));
    const clash = await walTool(config, 'push', seg, name);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/already exists with different content: refusing to overwrite an archived WAL file/);

    const out = join(dir, 'restored');
    expect(await walTool(config, 'fetch', name, out)).toMatchObject({ code: 0 });
    expect(await readFile(out)).toEqual(Buffer.alloc(65536, 7));
    const missing = await walTool(config, 'fetch', '000000010000000000000004', join(dir, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/000000010000000000000004 is not in the archive/);
    await expect(stat(join(dir, 'nope'))).rejects.toThrow();

    const listed = await walTool(config, 'list');
    expect(listed.stdout).toMatch(new RegExp(`^\\S+ +65536 pg/wal/${name}$`, 'm'));
    const log = parseWalLog(await readFile(join(dir, 'wal.log'), 'utf8'));
    expect(log.map((l) => [l.action, l.name, l.bytes])).toEqual([
      ['pushed', name, 65536],
      ['pushed', name, 65536],
      ['fetched', name, 65536],
      ['missing', '000000010000000000000004', null],
    ]);
  });

  test('its Signature Version 4 matches the example in the Amazon S3 documentation (s3rver does not check v4 signatures)', async () => {
    // "Signature Calculations for the Authorization Header", example GET Object (Amazon S3 API reference).
    const { signV4 } = (await import(WAL_TOOL)) as { signV4: (c: object, r: object) => Record<string, string> };
    const headers = signV4(
      { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      {
        method: 'GET',
        host: 'examplebucket.s3.amazonaws.com',
        path: '/test.txt',
        headers: { Range: 'bytes=0-9' },
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        now: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  test('an unknown access key is refused by the server, and a bad configuration names the key', async () => {
    const server = await s3();
    const dir = await tempDir('drloop-wal-tool-');
    await writeFile(join(dir, 'seg'), 'x');
    const wrong = await walTool(await writeConfig(server, dir, { accessKeyId: 'NOT-A-KEY' }), 'push', join(dir, 'seg'), '000000010000000000000001');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/HTTP 403/);
    const bad = await walTool(await writeConfig(server, dir, { bucket: '' }), 'list');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/key 'bucket' must be a non-empty string/);
  });
});

describe('PostgreSQL binaries out of reach of its account (a clone under /root)', () => {
  (isRoot ? test : test.skip)(
    'the binaries are copied where the postgres user can run them, and a primary starts from the copy',
    async () => {
      const installed = await findPostgresBinaries();
      // A private directory, as /root is: mode 0700, owned by root.
      const privateDir = await tempDir('drloop-private-');
      await chmod(privateDir, 0o700);
      const native = dirname(installed.binDir);
      const copy = join(privateDir, 'clone', 'node_modules', 'native');
      await mkdir(dirname(copy), { recursive: true });
      await cp(native, copy, { recursive: true, verbatimSymlinks: true });
      const rel = (p: string) => join(copy, p.slice(native.length));
      const unreachable = { binDir: rel(installed.binDir), initdb: rel(installed.initdb), pgCtl: rel(installed.pgCtl), postgres: rel(installed.postgres) };

      const runAs = (await resolveRunAs())!;
      // Where the drill stages them: its base directory, which the postgres user may enter.
      const stage = await tempDir('drloop-stage-');
      await chmod(stage, 0o755);
      const staged = await stageBinaries(unreachable, runAs, stage);
      expect(staged.staged).toBe(join(stage, 'pgsql'));
      expect(staged.binaries.initdb).toBe(join(stage, 'pgsql', 'bin', 'initdb'));
      // Reachable binaries are used in place.
      expect(await stageBinaries(installed, runAs, stage)).toEqual({ binaries: installed, staged: null });

      // The whole pair from the unreachable install: the pair copies them into its base directory.
      const pair = await startPostgresPair({ binaries: unreachable, logger: new MemoryLogger() });
      clusters.push(pair);
      expect(pair.stagedBinaries).toBe(join(pair.baseDir, 'pgsql'));
      expect(pair.binaries.binDir.startsWith(pair.baseDir)).toBe(true);
      const r = await withClient(pair.connection(pair.standby), async (c) => (await c.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r);
      expect(r).toBe(true);
    },
    90_000,
  );
});

describe('the archiving primary (real embedded PostgreSQL, s3rver)', () => {
  test('archive_command sends WAL files to the bucket and the base backup lands there as one tar', async () => {
    const server = await s3();
    const primary = await createArchivingPrimary({ walTool: WAL_TOOL, nodePath: process.execPath, logger: new MemoryLogger() });
    clusters.push(primary);
    await primary.startPrimary(server);
    const work = await tempDir('drloop-restore-work-');
    const backup = await primary.baseBackupToArchive(server, work);
    expect(backup.key).toMatch(/^postgres\/basebackups\/base-\w+\/base\.tar$/);
    expect(backup.label).toMatch(/^START WAL LOCATION: /m);
    expect(backup.tarBytes).toBeGreaterThan(backup.bytes);
    // pg_backup_stop waited for the backup's WAL to be archived.
    const pushed = (await primary.pushLog()).filter((e) => e.action === 'pushed');
    // WAL files of 1 MB, and the backup history file pg_backup_stop archives.
    const segments = pushed.filter((e) => /^[0-9A-F]{24}$/.test(e.name));
    expect(segments.length).toBeGreaterThan(0);
    for (const p of segments) expect(p.bytes).toBe(1048576);
    expect(pushed.some((e) => /^[0-9A-F]{24}\.[0-9A-F]{8}\.backup$/.test(e.name))).toBe(true);
    const state = primary.state();
    expect(state.archive).toMatchObject({ bucket: WAL_BUCKET, prefix: 'postgres/', baseBackupKey: backup.key });
    const listed = await new Promise<string>((res) => {
      const cfg = join(work, 'list.json');
      void writeFile(cfg, JSON.stringify(state.archive)).then(() => execFile(process.execPath, [WAL_TOOL, '--config', cfg, 'list'], { encoding: 'utf8' }, (_e, out) => res(out)));
    });
    expect(listed).toContain(backup.key);
    expect(listed).toContain(`postgres/wal/${pushed[0]!.name}`);
  }, 90_000);
});

describe('drill bookkeeping', () => {
  const load = (ids: number[]): LoadReport => ({
    acknowledged: ids.length,
    firstId: ids[0] ?? null,
    lastId: ids.at(-1) ?? null,
    lastAckedAt: null,
    inDoubt: 0,
    endedBy: 'connection-lost',
    error: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    acked: ids.map((id) => ({ id, ackedAt: new Date(Date.parse('2026-01-01T00:00:00.000Z') + id * 20).toISOString() })),
  });

  test('a missing transaction older than a recovered one is a hole; ones after the newest recovered are only lost', () => {
    const failedAt = '2026-01-01T00:00:01.000Z';
    const clean = reconcile(load([1, 2, 3, 4, 5]), { ids: new Set([1, 2, 3]), newest: '2026-01-01T00:00:00.060Z', node: 'n' }, failedAt, true);
    expect(clean.transactions).toMatchObject({ missing: 2, holes: 0, holeList: [] });
    const holed = reconcile(load([1, 2, 3, 4, 5]), { ids: new Set([1, 3, 4]), newest: '2026-01-01T00:00:00.080Z', node: 'n' }, failedAt, true);
    expect(holed.transactions).toMatchObject({ missing: 2, holes: 1 });
    expect(holed.transactions.holeList.map((t) => t.id)).toEqual([2]);
  });

  test('a plan run made of "up to promote" and "teardown" has one status: the first part\'s failure stands', () => {
    const stopped = { status: 'stopped' as const, reason: 'stopped after promote; still to run: teardown' };
    expect(combinedRunStatus(stopped, { status: 'succeeded', reason: null })).toEqual({ status: 'succeeded', reason: null });
    expect(combinedRunStatus(stopped, { status: 'failed', reason: 'phase teardown failed' })).toEqual({ status: 'failed', reason: 'teardown: phase teardown failed' });
    expect(combinedRunStatus({ status: 'failed', reason: 'phase promote failed' }, { status: 'succeeded', reason: null })).toEqual({
      status: 'failed',
      reason: 'phase promote failed; teardown ran',
    });
    expect(combinedRunStatus({ status: 'refused', reason: 'the cost decision is block' }, { status: 'failed', reason: 'phase teardown failed' })).toEqual({
      status: 'refused',
      reason: 'the cost decision is block; teardown failed: phase teardown failed',
    });
    // Stopped for another reason than the planned stop after promote (a gated promote) is not a success.
    expect(combinedRunStatus({ status: 'stopped', reason: 'promote not run: no approval' }, { status: 'succeeded', reason: null }).status).toBe('stopped');
  });
});
