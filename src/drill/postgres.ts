import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PostgresCluster, prepareCluster, setAutoConf, type ClusterOptions, type ClusterState, type PostgresNode, type PrimaryFailure } from './pg-cluster.js';
import { pending, withClient } from './pg-processes.js';

/**
 * The hot-standby scenario's servers: a PostgreSQL primary and a streaming
 * standby made from it the way the PostgreSQL manual's low-level base backup
 * describes (a physical slot, `pg_backup_start`, a file copy,
 * `pg_backup_stop` and its label file), over the shared cluster
 * (pg-cluster.ts).
 */

export { PG_HOST, findFreePort, findDrillProcesses, isAlive, listProcesses, postmasterPidOf, withClient, type ConnectionConfig, type ProcessEntry } from './pg-processes.js';
export { findPostgresBinaries, resolveRunAs, stageBinaries, PG_SUPERUSER, type PostgresBinaries, type RunAs } from './pg-tools.js';
export { PG_DATABASE, type CleanupReport, type PostgresNode, type PrimaryFailure } from './pg-cluster.js';

export const REPLICATION_USER = 'drloop_replicator';
/** The standby's application_name and slot name: what `synchronous_standby_names` and `pg_stat_replication` see. */
export const STANDBY_NAME = 'drloop_standby';
export const POSTGRES_STATE_SCHEMA = 'drloop.drill.postgres/v1';

export type NodeName = 'primary' | 'standby';

/** Everything a plan step needs to reach and drive the pair; written to `DRLOOP_DRILL_STATE`. */
export interface PostgresPairState extends ClusterState {
  schema: typeof POSTGRES_STATE_SCHEMA;
  synchronous: boolean;
  standbyName: string;
  primary: PostgresNode;
  standby: PostgresNode;
}

export interface Promotion {
  requestedAt: string;
  /** When the promoted node first accepted a write. */
  promotedAt: string;
}

export interface PostgresPairOptions extends ClusterOptions {
  /** Commits wait for the standby (`synchronous_standby_names`), so a failover loses nothing. */
  synchronous?: boolean;
}

/** Makes the pair's directories, user and binaries ready; nothing is started. */
export async function createPostgresPair(options: PostgresPairOptions = {}): Promise<PostgresPair> {
  return new PostgresPair(await prepareCluster(options), options);
}

/** Creates the pair and starts the primary and its streaming standby; on failure, everything started is cleaned up. */
export async function startPostgresPair(options: PostgresPairOptions = {}): Promise<PostgresPair> {
  const pair = await createPostgresPair(options);
  try {
    await pair.startPrimary();
    await pair.startStandby();
    return pair;
  } catch (err) {
    await pair.cleanup().catch(() => undefined);
    throw err;
  }
}

export class PostgresPair extends PostgresCluster {
  readonly primary: PostgresNode;
  readonly standby: PostgresNode;
  readonly synchronous: boolean;
  private readonly replicationPassword = randomBytes(18).toString('hex');

  constructor(prepared: Awaited<ReturnType<typeof prepareCluster>>, options: PostgresPairOptions) {
    super(prepared, options);
    this.synchronous = options.synchronous ?? false;
    this.primary = this.addNode('primary');
    this.standby = this.addNode('standby');
  }

  state(): PostgresPairState {
    return { schema: POSTGRES_STATE_SCHEMA, ...this.clusterState(), synchronous: this.synchronous, standbyName: STANDBY_NAME, primary: { ...this.primary }, standby: { ...this.standby } };
  }

  /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`). */
  writeState(path: string): Promise<void> {
    return this.writeStateFile(path, this.state());
  }

  /** initdb, the drill's settings, then start; the slot and replication role are made for the standby to come. */
  async startPrimary(): Promise<void> {
    const node = this.primary;
    await this.initNode(node, {
      title: 'a primary with one streaming standby',
      conf: [
        'wal_level = replica',
        'max_wal_senders = 5',
        'max_replication_slots = 5',
        'hot_standby = on',
        'hot_standby_feedback = on',
        "wal_receiver_status_interval = '1s'",
        "wal_sender_timeout = '10s'",
        "wal_receiver_timeout = '10s'",
      ],
      hba: [`host    replication  ${REPLICATION_USER}    127.0.0.1/32   scram-sha-256`],
    });
    await this.startNode(node);
    await withClient(this.connection(node), async (c) => {
      await c.query(`CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD ${c.escapeLiteral(this.replicationPassword)}`);
      // Reserving WAL now keeps every segment the standby will need from before its base backup starts.
      await c.query('SELECT pg_create_physical_replication_slot($1, true)', [STANDBY_NAME]);
    });
    this.log.info(`postgres: primary ready on ${node.host}:${node.port}`);
  }

  /**
   * A streaming standby without pg_basebackup: the low-level base backup,
   * `standby.signal`, and `primary_conninfo` + `primary_slot_name`. Returns
   * once the primary sees it streaming (and, when synchronous, as its sync standby).
   */
  async startStandby(): Promise<void> {
    const node = this.standby;
    const primary = this.connection(this.primary);
    await this.lowLevelBackup(this.primary, node.dataDir);
    await writeFile(join(node.dataDir, 'standby.signal'), '');
    const conninfo = [
      `host=${this.primary.host}`,
      `port=${this.primary.port}`,
      `user=${REPLICATION_USER}`,
      `password=${this.replicationPassword}`,
      `application_name=${STANDBY_NAME}`,
      'connect_timeout=2',
    ].join(' ');
    // The copy carries the primary's auto.conf; a promoted standby must not wait for a synchronous standby of its own.
    await setAutoConf(node.dataDir, { primary_conninfo: conninfo, primary_slot_name: STANDBY_NAME, synchronous_standby_names: null });
    await this.own(node.dataDir, true);
    await this.startNode(node);

    await this.waitFor('the standby to stream from the primary', async () => {
      const inRecovery = await withClient(this.connection(node), async (c) => (await c.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r);
      if (inRecovery !== true) return pending('the standby is not in recovery');
      const rep = await withClient(primary, async (c) => (await c.query<{ state: string }>('SELECT state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0]);
      return rep?.state === 'streaming' ? true : pending(`pg_stat_replication shows ${rep ? `state ${rep.state}` : 'no standby'}`);
    });

    if (this.synchronous) {
      await withClient(primary, async (c) => {
        await c.query(`ALTER SYSTEM SET synchronous_standby_names = ${c.escapeLiteral(STANDBY_NAME)}`);
        await c.query('SELECT pg_reload_conf()');
      });
      await this.waitFor('the standby to become synchronous', async () => {
        const rep = await withClient(primary, async (c) => (await c.query<{ sync_state: string }>('SELECT sync_state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0]);
        return rep?.sync_state === 'sync' ? true : pending(`sync_state is ${rep?.sync_state ?? 'unknown'}`);
      });
    }
    this.log.info(`postgres: standby on ${node.host}:${node.port} streaming from the primary (${this.synchronous ? 'synchronous' : 'asynchronous'})`);
  }

  /** Fails the primary hard (see failNode). */
  failPrimary(): Promise<PrimaryFailure> {
    return this.failNode(this.primary);
  }

  /** Promotes the standby (`pg_promote()`) and returns once it has accepted a write. */
  async promoteStandby(): Promise<Promotion> {
    const node = this.standby;
    const requestedAt = this.now().toISOString();
    await withClient(
      this.connection(node),
      async (c) => {
        const r = await c.query<{ ok: boolean }>('SELECT pg_promote(true, $1) AS ok', [this.startTimeout]);
        if (r.rows[0]?.ok !== true) throw new Error(`pg_promote did not finish within ${this.startTimeout}s`);
        // A connect timeout of 10 s gives the query 100 s: more than pg_promote's own wait.
      },
      10_000,
    );
    await this.waitFor('the promoted standby to accept writes', () =>
      // Assigning a transaction id is refused during recovery: it proves the node is writable.
      withClient(this.connection(node), async (c) => (await c.query('SELECT pg_current_xact_id()')).rowCount === 1 || pending('no transaction id')),
    );
    const promotedAt = this.now().toISOString();
    this.log.info(`postgres: standby on ${node.host}:${node.port} promoted; it accepts writes`);
    return { requestedAt, promotedAt };
  }
}
