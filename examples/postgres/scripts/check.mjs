// Checks on the standby (or the promoted node):
//   check.mjs answers  prints `in-recovery` (a standby) or `primary`
//   check.mjs rows     the drill's table has rows; prints how many and the newest
//   check.mjs writes   a row can be written and read back (the node accepts writes)
import { fail, readState, where, withNode } from './lib.mjs';

const state = readState();
const node = state.standby;
const what = process.argv[2];

const run = (fn) => withNode(state, node, fn).catch((err) => fail(`${where(node)} does not answer: ${err.message}`));

if (what === 'answers') {
  const r = await run(async (c) => (await c.query('SELECT pg_is_in_recovery() AS r')).rows[0]);
  console.log(r.r ? 'in-recovery' : 'primary');
} else if (what === 'rows') {
  const r = await run(async (c) => (await c.query('SELECT count(*)::bigint AS n, max(written_at) AS newest FROM drill_tx')).rows[0]);
  if (Number(r.n) === 0) fail(`drill_tx on ${where(node)} is empty: the standby holds none of the drill's transactions`);
  console.log(`drill_tx on ${where(node)}: ${r.n} rows, newest written at ${r.newest.toISOString()}`);
} else if (what === 'writes') {
  const r = await run(async (c) => {
    if ((await c.query('SELECT pg_is_in_recovery() AS r')).rows[0].r) return null;
    const ins = await c.query("INSERT INTO drill_tx (payload) VALUES ('drloop: write check on the promoted node') RETURNING id");
    const id = ins.rows[0].id;
    const back = await c.query('SELECT id FROM drill_tx WHERE id = $1', [id]);
    return back.rowCount === 1 ? id : undefined;
  });
  if (r === null) fail(`${where(node)} is still in recovery: it does not accept writes yet`);
  if (r === undefined) fail(`a row written on ${where(node)} could not be read back`);
  console.log(`wrote and read back drill_tx id ${r} on ${where(node)}`);
} else {
  fail(`expected answers, rows or writes, got ${JSON.stringify(what ?? '')}`);
}
