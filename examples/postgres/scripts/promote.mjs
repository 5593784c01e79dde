// Promote: the standby becomes the primary (pg_promote waits until it has).
// A node that is already promoted is left as it is, so a retry is harmless.
import { fail, readState, where, withNode } from './lib.mjs';

const state = readState();
const node = state.standby;
const result = await withNode(state, node, async (c) => {
  if (!(await c.query('SELECT pg_is_in_recovery() AS r')).rows[0].r) return 'already';
  return (await c.query('SELECT pg_promote(true, 60) AS ok')).rows[0].ok ? 'promoted' : 'timeout';
}).catch((err) => fail(`${where(node)} does not answer: ${err.message}`));
if (result === 'timeout') fail(`pg_promote did not finish within 60s on ${where(node)}`);
console.log(result === 'already' ? `${where(node)} is already promoted` : `promoted the standby on ${where(node)}`);
