// Bringup: creates a fresh, empty instance for the target the cost gate chose
// (DRLOOP_TARGET), with the plan's settings for that target. Here an instance
// is a directory owned by the account PostgreSQL runs as; in the cloud it is
// `az postgres flexible-server create`, `gcloud sql instances create` or a VM
// from an image. An instance that already exists is refused: a restore always
// starts from nothing.
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, instanceDir, readRestoreState, setOutput, setting, target } from './lib.mjs';

const state = readRestoreState();
const t = target();
const dir = instanceDir(state);
if (existsSync(dir)) fail(`${dir} already exists: an instance for this restore was created before (teardown removes it)`);
mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
const instance = {
  name: setting('RESTORE_INSTANCE'),
  target: t,
  region: setting('RESTORE_REGION'),
  host: '127.0.0.1',
  port: 0,
  dir,
  dataDir: join(dir, 'data'),
  logFile: join(dir, 'postgres.log'),
  createdAt: new Date().toISOString(),
};
writeFileSync(join(dir, 'instance.json'), `${JSON.stringify(instance, null, 2)}\n`);
if (state.runAs) for (const p of [dir, instance.dataDir]) chownSync(p, state.runAs.uid, state.runAs.gid);
setOutput('INSTANCE', instance.name);
console.log(`created instance ${instance.name} for target ${t} (region ${instance.region}) in ${dir}`);
