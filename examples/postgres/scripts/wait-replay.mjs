// Restore: waits until the standby has replayed everything it received from
// the primary (pg_last_wal_replay_lsn() at or past pg_last_wal_receive_lsn()).
// Usage: wait-replay.mjs [seconds, default 60]. Sets REPLAY_LSN for later steps.
import { fail, queryRow, readState, setOutput, sleep, where } from './lib.mjs';

const state = readState();
const { standby } = state;
const seconds = Number(process.argv[2] ?? 60);
const deadline = Date.now() + seconds * 1000;
const SQL = `SELECT pg_is_in_recovery() AS rec,
  pg_last_wal_receive_lsn()::text AS received,
  pg_last_wal_replay_lsn()::text AS replayed,
  coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0) AS behind,
  (SELECT status FROM pg_stat_wal_receiver) AS receiver`;

let previous = null;
let last = 'no answer yet';
for (;;) {
  const row = await queryRow(state, standby, SQL).catch((err) => {
    last = err.message;
    return null;
  });
  if (row && !row.rec) {
    console.log(`the node on ${where(standby)} is no longer in recovery: nothing left to replay`);
    break;
  }
  if (row) {
    const streaming = row.receiver === 'streaming';
    const caughtUp = Number(row.behind) <= 0 && row.replayed !== null;
    // With the primary gone nothing more will arrive, but WAL already on disk
    // may still be replaying: caught up once the replay position stops moving.
    if (caughtUp && (streaming || row.replayed === previous)) {
      const why = streaming ? '' : '; not streaming: the primary is gone';
      console.log(`replay caught up at ${row.replayed} (received ${row.received ?? 'nothing'}${why})`);
      setOutput('REPLAY_LSN', row.replayed);
      break;
    }
    previous = row.replayed;
    last = `received ${row.received ?? 'nothing'}, replayed ${row.replayed ?? 'nothing'}, walreceiver ${row.receiver ?? 'not running'}`;
  }
  if (Date.now() > deadline) fail(`replay did not catch up within ${seconds}s: ${last}`);
  await sleep(row?.receiver === 'streaming' ? 100 : 500);
}
