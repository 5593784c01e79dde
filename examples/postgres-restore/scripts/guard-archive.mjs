// Guard: the archive holds a base backup and WAL to replay after it. Prints
// `archived`.
import { listObjects } from './wal.mjs';
import { fail, readRestoreState } from './lib.mjs';

const state = readRestoreState();
const archive = state.archive;
const objects = await listObjects(archive, archive.prefix).catch((err) => fail(`cannot list s3://${archive.bucket}/${archive.prefix}: ${err.message}`));
const base = objects.find((o) => o.key === archive.baseBackupKey);
if (!base) fail(`no base backup at s3://${archive.bucket}/${archive.baseBackupKey}`);
const wal = objects.filter((o) => o.key.startsWith(`${archive.prefix}wal/`));
if (wal.length === 0) fail(`no WAL archived under s3://${archive.bucket}/${archive.prefix}wal/`);

console.log('archived');
