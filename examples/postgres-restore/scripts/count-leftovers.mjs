// Teardown verify: prints how many things of the restored instance are left
// (its running processes, plus 1 when its directory still exists); `0` is the
// only good answer. Whatever is left is listed first.
import { existsSync } from 'node:fs';
import { drillProcesses, fail, instanceDir, readRestoreState } from './lib.mjs';

const state = readRestoreState();
const dir = instanceDir(state);
const left = await drillProcesses({ baseDir: dir, postmasterPids: [] }).catch((err) => fail(`cannot list processes: ${err.message}`));
for (const p of left) console.log(`left running: pid ${p.pid}: ${p.args}`);
if (existsSync(dir)) console.log(`left on disk: ${dir}`);
console.log(String(left.length + (existsSync(dir) ? 1 : 0)));
