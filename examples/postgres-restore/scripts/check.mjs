// Checks on the restored instance:
//   check.mjs answers  prints `in-recovery` (restored, not promoted yet) or `primary`
//   check.mjs target   the instance is the chosen target's; prints the target
//   check.mjs rows     the drill's table has rows; prints how many and the newest
//   check.mjs writes   a row can be written and read back (the promoted instance accepts writes)
import { fail, readInstance, readRestoreState, target, where, withNode } from './lib.mjs';

const state = readRestoreState();
const instance = readInstance(state);
const what = process.argv[2];
const run = (fn) => withNode(state, instance, fn).catch((err) => fail(`${instance.name} (${where(instance)}) does not answer: ${err.message}`));

if (what === 'answers') {
  const r = await run(async (c) => (await c.query('SELECT pg_is_in_recovery() AS r')).rows[0]);
  console.log(r.r ? 'in-recovery' : 'primary');
} else if (what === 'target') {
  if (instance.target !== target()) fail(`instance ${instance.name} was created for target ${instance.target}, but this run is on ${target()}`);
  console.log(instance.target);
} else if (what === 'rows') {
  const r = await run(async (c) => (await c.query('SELECT count(*)::bigint AS n, max(written_at) AS newest FROM drill_tx')).rows[0]);
  if (Number(r.n) === 0) fail(`drill_tx on ${instance.name} is empty: the restore holds none of the drill's transactions`);
  console.log(`drill_tx on ${instance.name}: ${r.n} rows, newest written at ${r.newest.toISOString()}`);
} else if (what === 'writes') {
  const r = await run(async (c) => {
    if ((await c.query('SELECT pg_is_in_recovery() AS r')).rows[0].r) return null;
    const ins = await c.query("INSERT INTO drill_tx (payload) VALUES ('drloop: write check on the restored instance') RETURNING id");
    const back = await c.query('SELECT id FROM drill_tx WHERE id = $1', [ins.rows[0].id]);
    return back.rowCount === 1 ? ins.rows[0].id : undefined;
  });
  if (r === null) fail(`${instance.name} is still in recovery: it does not accept writes yet`);
  if (r === undefined) fail(`a row written on ${instance.name} could not be read back`);
  console.log(`wrote and read back drill_tx id ${r} on ${instance.name}`);
} else {
  fail(`expected answers, target, rows or writes, got ${JSON.stringify(what ?? '')}`);
}
