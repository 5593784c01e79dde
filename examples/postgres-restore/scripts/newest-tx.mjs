// RPO probe: prints the newest transaction the restored instance holds, as
// RFC3339 with microseconds. drloop compares it with the incident time.
import { fail, queryRow, readInstance, readRestoreState } from './lib.mjs';

const state = readRestoreState();
const instance = readInstance(state);
const row = await queryRow(state, instance, `SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS newest FROM drill_tx`).catch((err) =>
  fail(`${instance.name} does not answer: ${err.message}`),
);
if (!row?.newest) fail(`drill_tx on ${instance.name} has no rows`);
console.log(row.newest);
