// Bringup: starts the standby when it is not running (it may have been
// stopped with its host); a running standby is left alone.
import { fail, pgCtl, readState, runningPid, where } from './lib.mjs';

const state = readState();
const { standby } = state;
const pid = runningPid(standby);
if (pid !== null) {
  console.log(`the standby is already running (postmaster pid ${pid}) on ${where(standby)}`);
} else {
  console.log(`starting the standby on ${where(standby)} from ${standby.dataDir}`);
  const r = await pgCtl(state, ['start', '-w', '-t', '60', '-D', standby.dataDir, '-l', standby.logFile]);
  if (r.code !== 0) fail(`pg_ctl start failed (exit ${r.code}): ${r.output}; see ${standby.logFile}`);
  console.log(`the standby is running (postmaster pid ${runningPid(standby)})`);
}
