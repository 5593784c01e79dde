// Teardown: stops every PostgreSQL server of the drill (primary, standby or
// promoted standby). A server that does not stop cleanly is stopped
// immediately. The data directories stay: the drill removes them after
// collecting the logs.
import { fail, pgCtl, readState, runningPid } from './lib.mjs';

const state = readState();
let failed = false;
for (const node of [state.standby, state.primary]) {
  const pid = runningPid(node);
  if (pid === null) {
    console.log(`${node.name}: not running`);
    continue;
  }
  let r = await pgCtl(state, ['stop', '-w', '-t', '30', '-m', 'fast', '-D', node.dataDir]);
  if (r.code !== 0 && runningPid(node) !== null) r = await pgCtl(state, ['stop', '-w', '-t', '10', '-m', 'immediate', '-D', node.dataDir]);
  if (runningPid(node) !== null) {
    console.error(`${node.name}: still running after pg_ctl stop: ${r.output}`);
    failed = true;
  } else console.log(`${node.name}: stopped (postmaster pid ${pid})`);
}
if (failed) fail('some servers did not stop');
