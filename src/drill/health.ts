import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PG_HOST, withClient, type ConnectionConfig } from './postgres.js';

/**
 * The drill's PostgreSQL health as a Prometheus target: every scrape of
 * `/metrics` checks each node afresh (connect + `SELECT 1`, short timeout),
 * so a real Prometheus sees the primary go down within one scrape. The
 * drill's alert rule is written against `drloop_drill_postgres_up`.
 */

export const UP_METRIC = 'drloop_drill_postgres_up';
export const RECOVERY_METRIC = 'drloop_drill_postgres_in_recovery';
const DEFAULT_CHECK_TIMEOUT_MS = 1000;

export interface HealthTarget {
  /** The label value: `primary`, `standby`. */
  role: string;
  connection: ConnectionConfig;
}

export interface NodeHealth {
  role: string;
  port: number;
  up: boolean;
  /** Null when the node is down. */
  inRecovery: boolean | null;
}

export interface HealthEndpoint {
  url: string;
  /** `host:port`, as a Prometheus static target. */
  target: string;
  port: number;
  close(): Promise<void>;
}

export interface HealthEndpointOptions {
  /** A function, so the drill can relabel nodes after a promotion. */
  targets: HealthTarget[] | (() => HealthTarget[]);
  checkTimeoutMs?: number;
}

/** One cheap check: can we connect and run `SELECT 1` (and is the node in recovery)? */
export async function checkNode(target: HealthTarget, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS): Promise<NodeHealth> {
  const base = { role: target.role, port: target.connection.port };
  try {
    const inRecovery = await withClient(target.connection, async (c) => (await c.query<{ r: boolean }>('SELECT 1 AS one, pg_is_in_recovery() AS r')).rows[0]?.r ?? null, timeoutMs);
    return { ...base, up: true, inRecovery };
  } catch {
    return { ...base, up: false, inRecovery: null };
  }
}

function labelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The Prometheus text exposition (format 0.0.4) of a set of node checks. */
export function formatMetrics(nodes: NodeHealth[]): string {
  const labels = (n: NodeHealth) => `{role="${labelValue(n.role)}",port="${n.port}"}`;
  const lines = [
    `# HELP ${UP_METRIC} Whether the drill's PostgreSQL node answers SELECT 1 (1) or not (0).`,
    `# TYPE ${UP_METRIC} gauge`,
    ...nodes.map((n) => `${UP_METRIC}${labels(n)} ${n.up ? 1 : 0}`),
    `# HELP ${RECOVERY_METRIC} Whether the node is a standby in recovery (1) or accepts writes (0); absent while it is down.`,
    `# TYPE ${RECOVERY_METRIC} gauge`,
    ...nodes.filter((n) => n.inRecovery !== null).map((n) => `${RECOVERY_METRIC}${labels(n)} ${n.inRecovery ? 1 : 0}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Serves `/metrics` on 127.0.0.1, on a free port. */
export async function startHealthEndpoint(options: HealthEndpointOptions): Promise<HealthEndpoint> {
  const targets = typeof options.targets === 'function' ? options.targets : () => options.targets as HealthTarget[];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('drloop drill health: scrape /metrics\n');
      return;
    }
    const nodes = await Promise.all(targets().map((t) => checkNode(t, options.checkTimeoutMs)));
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : formatMetrics(nodes));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, PG_HOST, () => res());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${PG_HOST}:${port}/metrics`,
    target: `${PG_HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}
