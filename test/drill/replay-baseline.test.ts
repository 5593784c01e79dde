/**
 * PostgreSQL's own replay of the restore drill's WAL (the baseline of
 * `npm run bench` figure 9), against real parts: an embedded PostgreSQL
 * primary archiving to s3rver through the example's WAL tool, its base
 * backup in the bucket, both read back through the S3 API and restored into a
 * fresh data directory with `restore_command = cp`.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import tarStream from 'tar-stream';
import { createArchivingPrimary, WAL_BUCKET } from '../../src/drill/archive.js';
import { pending, waitFor, withClient } from '../../src/drill/pg-processes.js';
import { backupStartWalFile, createPlainReplay, downloadArchive, extractBaseBackup, parseLsn, walFilesToReplay } from '../../src/drill/replay-baseline.js';
import { startLocalS3 } from '../../src/drill/s3-local.js';
import { MemoryLogger } from '../../src/logger.js';
import { REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';

const WAL_TOOL = join(REPO_ROOT, 'examples', 'postgres-restore', 'scripts', 'wal.mjs');

// What a test started, stopped after it in reverse order (its directories go with the file: test/support/temp.ts).
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe('the plain replay: its pieces', () => {
  test('the start WAL file comes from the backup_label; a label without one is an error naming its first line', () => {
    expect(backupStartWalFile('START WAL LOCATION: 0/9000028 (file 000000010000000000000009)\nCHECKPOINT LOCATION: 0/9000080\n')).toBe('000000010000000000000009');
    expect(() => backupStartWalFile('LABEL: x\n')).toThrow(/names no start WAL file: LABEL: x/);
  });

  test('the WAL files offered are those of the backup timeline from its start file up to the newest replayed, in order', () => {
    const names = [
      '00000001000000000000000B',
      '000000010000000000000008',
      '000000010000000000000009.00000028.backup',
      '00000002000000000000000A',
      '00000002.history',
      '000000010000000000000009',
      '00000001000000000000000A',
      '00000001000000000000000C',
    ];
    expect(walFilesToReplay(names, '000000010000000000000009', '00000001000000000000000B')).toEqual(['000000010000000000000009', '00000001000000000000000A', '00000001000000000000000B']);
  });

  test('WAL locations compare as numbers across the high and low halves', () => {
    expect(parseLsn('0/E00000')).toBe(0xe00000n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('E00000')).toThrow(/not a WAL location: 'E00000'/);
  });

  test('a base backup entry outside the data directory is refused', async () => {
    const p = tarStream.pack();
    p.entry({ name: '../escape', type: 'file', mode: 0o600 }, 'x');
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const c of p) chunks.push(c as Buffer);
    const dir = await tempDir('drloop-replay-extract-');
    await expect(extractBaseBackup(Buffer.concat(chunks), join(dir, 'data'))).rejects.toThrow(/entry outside the data directory: \.\.\/escape/);
    await expect(access(join(dir, 'escape'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the plain replay against a real archive (embedded PostgreSQL, s3rver)', () => {
  test('restores the base backup with restore_command = cp up to the given LSN and holds the rows written before it', async () => {
    const s3 = await startLocalS3(await tempDir('drloop-replay-s3-'), [WAL_BUCKET]);
    stops.push(() => s3.stop());
    const primary = await createArchivingPrimary({ walTool: WAL_TOOL, nodePath: process.execPath, logger: new MemoryLogger() });
    stops.push(() => primary.cleanup());
    await primary.startPrimary(s3);
    const backup = await primary.baseBackupToArchive(s3, await tempDir('drloop-replay-work-'));
    const conn = primary.connection(primary.primary);
    const end = await withClient(conn, async (c) => {
      await c.query('CREATE TABLE replayed (id int PRIMARY KEY, pad text)');
      await c.query("INSERT INTO replayed SELECT g, repeat('x', 500) FROM generate_series(1, 3000) g");
      const row = (await c.query<{ lsn: string; file: string }>('SELECT pg_current_wal_lsn()::text AS lsn, pg_walfile_name(pg_current_wal_lsn()) AS file')).rows[0]!;
      await c.query('SELECT pg_switch_wal()');
      return row;
    });
    await waitFor(`${end.file} archived`, 30, async () => ((await primary.pushLog()).some((e) => e.action === 'pushed' && e.name === end.file) ? true : pending('not yet')));

    const local = await downloadArchive(s3, backup.key, await tempDir('drloop-replay-archive-'));
    expect(local.walFiles).toContain(end.file);
    const replay = await createPlainReplay({ logger: new MemoryLogger() });
    stops.push(() => replay.cleanup());
    const r = await replay.replay({ baseBackupTar: local.baseBackupTar, walDir: local.walDir, newestWalFile: end.file, untilLsn: end.lsn, timeoutSeconds: 60 });

    expect(r.startWalFile).toBe(backupStartWalFile(backup.label));
    expect(r.newestWalFile).toBe(end.file);
    expect(r.walFiles).toBe(walFilesToReplay(local.walFiles, r.startWalFile, end.file).length);
    expect(r.walBytes).toBe(r.walFiles * 1048576);
    expect(parseLsn(r.replayLsn) >= parseLsn(end.lsn)).toBe(true);
    expect(r.replaySeconds).toBeGreaterThan(0);
    const count = await withClient(replay.socketConnection(), async (c) => (await c.query<{ n: string }>('SELECT count(*) AS n FROM replayed')).rows[0]!.n);
    expect(Number(count)).toBe(3000);
  }, 120_000);

  test('a WAL directory without the newest file the drill replayed is an error naming it', async () => {
    const dir = await tempDir('drloop-replay-missing-');
    const p = tarStream.pack();
    p.entry({ name: 'backup_label', type: 'file', mode: 0o600 }, 'START WAL LOCATION: 0/9000028 (file 000000010000000000000009)\n');
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const c of p) chunks.push(c as Buffer);
    await writeFile(join(dir, 'base.tar'), Buffer.concat(chunks));
    await mkdir(join(dir, 'wal'));
    const replay = await createPlainReplay({ logger: new MemoryLogger() });
    stops.push(() => replay.cleanup());
    await expect(replay.replay({ baseBackupTar: join(dir, 'base.tar'), walDir: join(dir, 'wal'), newestWalFile: '00000001000000000000000D', untilLsn: '0/E00000' })).rejects.toThrow(
      /does not hold 00000001000000000000000D, the newest WAL file the drill replayed/,
    );
  }, 60_000);
});
