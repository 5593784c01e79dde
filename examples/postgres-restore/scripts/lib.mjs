// Shared helpers of the restore example's steps. The drill's state
// ($DRLOOP_DRILL_STATE) names the failed primary, the S3 archive (endpoint,
// bucket, prefix, credentials, the base backup's key) and the directory new
// instances go in; the target the cost gate chose arrives as DRLOOP_TARGET and
// the plan's per-target settings (targets.<name>.env) as RESTORE_* variables.
// Everything that is not restore-specific comes from the hot-standby example.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, readState, RESTORE_STATE_SCHEMA } from '../../postgres/scripts/lib.mjs';

export { drillProcesses, fail, pgCtl, queryRow, runningPid, setOutput, sleep, where, withNode } from '../../postgres/scripts/lib.mjs';

export const readRestoreState = () => readState([RESTORE_STATE_SCHEMA]);

/** A per-target setting from the plan (targets.<name>.env); missing ones are an error that names the key. */
export function setting(name) {
  const v = process.env[name];
  if (!v) fail(`${name} is not set: the plan sets it per target (targets.<name>.env), and DRLOOP_TARGET=${process.env.DRLOOP_TARGET ?? '(unset)'}`);
  return v;
}

/** The target this run restores into (cost-decision's choice, passed by drloop as DRLOOP_TARGET). */
export function target() {
  const t = process.env.DRLOOP_TARGET;
  if (!t) fail('DRLOOP_TARGET is not set: drloop passes the target the cost decision chose (execute --target)');
  return t;
}

/** The instance directory of this target's instance (RESTORE_INSTANCE), under the drill's instances directory. */
export function instanceDir(state) {
  const name = setting('RESTORE_INSTANCE');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) fail(`RESTORE_INSTANCE must be letters, digits, ".", "_" or "-", got ${JSON.stringify(name)}`);
  return join(state.instancesDir, name);
}

/** The instance record bringup wrote (instance.json): name, target, region, data directory, port. */
export function readInstance(state) {
  const dir = instanceDir(state);
  const path = join(dir, 'instance.json');
  if (!existsSync(path)) fail(`there is no instance at ${dir}: bringup creates it`);
  return JSON.parse(readFileSync(path, 'utf8'));
}
