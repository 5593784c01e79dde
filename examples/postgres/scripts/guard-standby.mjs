// Guard: the standby exists and is a standby. Prints `in-recovery`.
// A standby that is not running passes (bringup starts it) as long as its
// data directory still asks for recovery (standby.signal).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, queryRow, readState, runningPid, where } from './lib.mjs';

const state = readState();
const { standby } = state;
if (!existsSync(join(standby.dataDir, 'PG_VERSION'))) fail(`there is no standby data directory at ${standby.dataDir}`);
if (!existsSync(join(standby.dataDir, 'standby.signal'))) fail(`${standby.dataDir} has no standby.signal: it is not a standby (already promoted?)`);
if (runningPid(standby) !== null) {
  const row = await queryRow(state, standby, 'SELECT pg_is_in_recovery() AS r').catch((err) => fail(`the standby runs but does not answer on ${where(standby)}: ${err.message}`));
  if (row?.r !== true) fail(`the standby on ${where(standby)} is not in recovery: it already accepts writes`);
}
console.log('in-recovery');
