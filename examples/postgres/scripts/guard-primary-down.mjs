// Guard: the primary is really down, so promoting the standby cannot make a
// second primary (split brain). Prints `down`.
import { fail, queryRow, readState, runningPid, where } from './lib.mjs';

const state = readState();
const { primary } = state;
const pid = runningPid(primary);
if (pid !== null) fail(`the primary is still running (postmaster pid ${pid}, ${where(primary)}): refusing to fail over to a second primary`);
const answered = await queryRow(state, primary, 'SELECT 1 AS one', [], 1500).then(
  () => true,
  () => false,
);
if (answered) fail(`something still answers as the primary on ${where(primary)}: refusing to fail over`);
console.log('down');
