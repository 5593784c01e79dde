// Teardown: stops the restored instance and deletes it (its data directory,
// logs and WAL tool). In the cloud: delete the server, its disks and its DNS
// name. An instance that is already gone is fine, so a retry is harmless.
import { existsSync, rmSync } from 'node:fs';
import { fail, instanceDir, pgCtl, readInstance, readRestoreState, runningPid } from './lib.mjs';

const state = readRestoreState();
const dir = instanceDir(state);
if (!existsSync(dir)) {
  console.log(`${dir}: already gone`);
  process.exit(0);
}
const instance = readInstance(state);
if (runningPid(instance) !== null) {
  // The instance is deleted next: there is nothing worth a shutdown checkpoint.
  const r = await pgCtl(state, ['stop', '-w', '-t', '30', '-m', 'immediate', '-D', instance.dataDir]);
  if (runningPid(instance) !== null) fail(`${instance.name} still runs after pg_ctl stop: ${r.output}`);
  console.log(`stopped ${instance.name}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`deleted ${instance.name} (${instance.target}): ${dir}`);
