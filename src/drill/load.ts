import pg from 'pg';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConnectionConfig } from './postgres.js';

/**
 * A synthetic write load, like the seed's k6 load during a drill: one
 * timestamped transaction every `intervalMs` on the primary, each an INSERT
 * in autocommit. What counts is what the client saw acknowledged: that is
 * what a failover must not lose (synchronous) or may lose the tail of (async).
 */

export const LOAD_TABLE = 'drill_tx';
const DEFAULT_INTERVAL_MS = 20;
/** How long `stop()` lets an in-flight commit finish before the connection is cut. */
const STOP_GRACE_MS = 2000;

export interface AckedTransaction {
  id: number;
  /** Client clock, when the commit's acknowledgement arrived. */
  ackedAt: string;
}

export type LoadEnd = 'stopped' | 'connection-lost' | 'error';

export interface LoadReport {
  acknowledged: number;
  firstId: number | null;
  lastId: number | null;
  lastAckedAt: string | null;
  /** A commit sent but never acknowledged (0 or 1): it may or may not have survived. */
  inDoubt: number;
  endedBy: LoadEnd | null;
  /** The error that ended the load, when it was not `stop()`. */
  error: string | null;
  startedAt: string;
  endedAt: string | null;
  acked: AckedTransaction[];
}

export interface WriteLoadOptions {
  connection: ConnectionConfig;
  intervalMs?: number;
  logger?: Logger;
  now?: () => Date;
}

/** Errors that mean the server or the link went away: the expected end of a load when the primary fails. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // 08xxx: connection exception; 57P01–57P03: admin/crash shutdown, cannot connect now.
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code)) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|terminating connection|server closed the connection|Client has encountered a connection error|Connection terminated unexpectedly/i.test(msg);
}

/** The table the load writes; the plan's scripts read it. */
export const LOAD_TABLE_DDL = `CREATE TABLE IF NOT EXISTS ${LOAD_TABLE} (
  id bigserial PRIMARY KEY,
  written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  payload text
)`;

export class WriteLoad {
  private readonly acked: AckedTransaction[] = [];
  private stopping = false;
  private inFlight = false;
  private endedBy: LoadEnd | null = null;
  private error: string | null = null;
  private endedAt: string | null = null;
  private readonly startedAt: string;
  private readonly loop: Promise<void>;
  private wake: (() => void) | null = null;

  private constructor(
    private readonly client: pg.Client,
    private readonly intervalMs: number,
    private readonly now: () => Date,
    private readonly log: Logger | undefined,
  ) {
    this.startedAt = now().toISOString();
    this.loop = this.run();
  }

  /** Connects, creates the table and starts writing; resolves once the first transaction is acknowledged. */
  static async start(options: WriteLoadOptions): Promise<WriteLoad> {
    const client = new pg.Client({ ...options.connection, connectionTimeoutMillis: 5000, application_name: 'drloop_load' });
    // A server dying between queries raises 'error' on the client; the next query reports it instead.
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(LOAD_TABLE_DDL);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    const load = new WriteLoad(client, options.intervalMs ?? DEFAULT_INTERVAL_MS, options.now ?? (() => new Date()), options.logger);
    while (load.acked.length === 0 && load.endedBy === null) await new Promise((r) => setTimeout(r, 5));
    if (load.endedBy !== null) throw new Error(`the write load could not commit: ${load.error ?? load.endedBy}`);
    return load;
  }

  private async run(): Promise<void> {
    let next = Date.now();
    let n = 0;
    while (!this.stopping) {
      n++;
      this.inFlight = true;
      try {
        const r = await this.client.query<{ id: string }>(`INSERT INTO ${LOAD_TABLE} (payload) VALUES ($1) RETURNING id`, [`drloop drill tx ${n}`]);
        this.inFlight = false;
        const id = Number(r.rows[0]?.id);
        this.acked.push({ id, ackedAt: this.now().toISOString() });
      } catch (err) {
        if (this.stopping) break;
        this.endedBy = isConnectionError(err) ? 'connection-lost' : 'error';
        this.error = describeError(err);
        if (this.endedBy === 'connection-lost') this.log?.info(`load: the primary went away after ${this.acked.length} acknowledged transactions (${this.error})`);
        else this.log?.error(`load: ${this.error}`);
        break;
      }
      // A steady rate: each transaction has its slot; a slow commit is not made up for with a burst.
      next += this.intervalMs;
      const wait = next - Date.now();
      if (wait < 0) next = Date.now();
      else
        await new Promise<void>((r) => {
          const t = setTimeout(r, wait);
          this.wake = () => {
            clearTimeout(t);
            r();
          };
        });
      this.wake = null;
    }
    this.endedBy ??= 'stopped';
    this.endedAt = this.now().toISOString();
    await this.client.end().catch(() => undefined);
  }

  /** Resolves when the load has ended, by `stop()` or because the primary went away. */
  async finished(): Promise<LoadReport> {
    await this.loop;
    return this.report();
  }

  /** Stops writing; an in-flight commit gets a moment to be acknowledged, then the connection is closed. */
  async stop(): Promise<LoadReport> {
    if (this.endedAt === null) {
      this.stopping = true;
      this.wake?.();
      const grace = setTimeout(() => {
        // A commit waiting for a synchronous standby that is gone would wait forever.
        (this.client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      }, STOP_GRACE_MS);
      await this.loop;
      clearTimeout(grace);
    }
    return this.report();
  }

  report(): LoadReport {
    const last = this.acked.at(-1);
    return {
      acknowledged: this.acked.length,
      firstId: this.acked[0]?.id ?? null,
      lastId: last?.id ?? null,
      lastAckedAt: last?.ackedAt ?? null,
      inDoubt: this.endedAt !== null && this.inFlight ? 1 : 0,
      endedBy: this.endedBy,
      error: this.error,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      acked: [...this.acked],
    };
  }
}
