// PostgreSQL's own replay of a restore drill's WAL (figure 9's baseline): reads
// the drill's kept archive (its s3rver directory) through the S3 API, then
// restores the same base backup with `restore_command = cp` from a local
// directory up to the replay LSN the drill reached, and prints the result as JSON.
//   node index.js <s3rver directory> <base backup key> <newest WAL file> <replay LSN>
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WAL_BUCKET } from '../../src/drill/archive.js';
import { createPlainReplay, downloadArchive } from '../../src/drill/replay-baseline.js';
import { startLocalS3 } from '../../src/drill/s3-local.js';

const [s3Dir, baseBackupKey, newestWalFile, untilLsn] = process.argv.slice(2);
if (!s3Dir || !baseBackupKey || !newestWalFile || !untilLsn) {
  process.stderr.write('usage: restore-baseline <s3rver directory> <base backup key> <newest WAL file> <replay LSN>\n');
  process.exit(2);
}
const s3 = await startLocalS3(s3Dir, [WAL_BUCKET]);
const work = await mkdtemp(join(tmpdir(), 'drloop-bench-replay-'));
const replay = await createPlainReplay();
try {
  const archive = await downloadArchive(s3, baseBackupKey, work);
  await s3.stop();
  const result = await replay.replay({ baseBackupTar: archive.baseBackupTar, walDir: archive.walDir, newestWalFile, untilLsn });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await replay.cleanup();
  await s3.stop();
  await rm(work, { recursive: true, force: true });
}
