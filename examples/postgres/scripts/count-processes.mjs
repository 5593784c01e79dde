// Teardown verify: prints how many of the drill's PostgreSQL processes are
// still running; `0` is the only good answer. Any left are listed first.
import { drillProcesses, fail, readState } from './lib.mjs';

const state = readState();
const left = await drillProcesses(state).catch((err) => fail(`cannot list processes: ${err.message}`));
for (const p of left) console.log(`left running: pid ${p.pid}: ${p.args}`);
console.log(String(left.length));
