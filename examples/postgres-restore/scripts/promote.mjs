// Promote: the restored instance ends recovery and becomes the primary
// (pg_promote waits until it has). An instance already promoted is left as it is.
import { fail, readInstance, readRestoreState, where, withNode } from './lib.mjs';

const state = readRestoreState();
const instance = readInstance(state);
const result = await withNode(state, instance, async (c) => {
  if (!(await c.query('SELECT pg_is_in_recovery() AS r')).rows[0].r) return 'already';
  return (await c.query('SELECT pg_promote(true, 60) AS ok')).rows[0].ok ? 'promoted' : 'timeout';
}).catch((err) => fail(`${where(instance)} does not answer: ${err.message}`));
if (result === 'timeout') fail(`pg_promote did not finish within 60s on ${instance.name}`);
console.log(result === 'already' ? `${instance.name} is already promoted` : `promoted ${instance.name} (${instance.target}) on ${where(instance)}`);
