// RPO probe: prints the newest transaction the standby (or the promoted node)
// holds, as RFC3339 with microseconds. drloop compares it with the incident time.
import { fail, queryRow, readState, where } from './lib.mjs';

const state = readState();
const node = state.standby;
const row = await queryRow(
  state,
  node,
  `SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS newest FROM drill_tx`,
).catch((err) => fail(`${where(node)} does not answer: ${err.message}`));
if (!row?.newest) fail(`drill_tx on ${where(node)} has no rows`);
console.log(row.newest);
