import { LOAD_TABLE, type LoadReport } from './load.js';
import type { PostgresCluster, PostgresNode } from './pg-cluster.js';
import { withClient } from './pg-processes.js';
import type { DrillResult } from './result.js';
import { round3, type DrillRuntime } from './runtime.js';

/** The most missing transactions listed one by one in the result. */
const MAX_LISTED_MISSING = 200;

/** What the audited node holds of the load. */
export interface AuditedNode {
  /** The ids of every load transaction on the node. */
  ids: Set<number>;
  /** When the newest of them was written (the primary's clock, UTC); null when there is none. */
  newest: string | null;
  /** Which node was audited, in words. */
  node: string;
}

/**
 * The `audit` stage: reads every load transaction on the recovered node
 * before teardown. A node that is not running (a plan that stopped it) is
 * started on its data directory for the audit and stopped again afterwards.
 */
export async function auditNode(rt: DrillRuntime, cluster: PostgresCluster, node: PostgresNode, label: string): Promise<AuditedNode> {
  const wasRunning = await cluster.isRunning(node);
  if (!wasRunning) await rt.within(`${label} to start for the audit`, 60, rt.track(cluster.startNode(node)));
  try {
    return await withClient(
      cluster.connection(node),
      async (c) => {
        // A failure before the load's table reached the node (a restore whose
        // archive stopped before the CREATE TABLE was archived) leaves a node
        // that holds none of the load: every acknowledged transaction is lost,
        // which the reconciliation reports, not an internal error.
        const table = await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [LOAD_TABLE]);
        if (!table.rows[0]?.t) return { ids: new Set<number>(), newest: null, node: label };
        const rows = await c.query<{ id: string }>(`SELECT id FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`);
        const newest = await c.query<{ t: string | null }>(
          `SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`,
        );
        return { ids: new Set(rows.rows.map((r) => Number(r.id))), newest: newest.rows[0]?.t ?? null, node: label };
      },
      10_000,
    );
  } finally {
    if (!wasRunning) await cluster.stopNode(node, 'fast').catch(() => undefined);
  }
}

/** Every acknowledged transaction checked against the audited node. */
export interface Reconciliation {
  transactions: DrillResult['transactions'];
  /** Failure time − the newest load transaction on the node (never below 0); null when it holds none. */
  rpoSeconds: number | null;
}

/** Checks every transaction the primary acknowledged against what the audited node holds. */
export function reconcile(load: LoadReport, audited: AuditedNode, failedAt: string, promoted: boolean): Reconciliation {
  const failedAtMs = Date.parse(failedAt);
  const acked = load.acked;
  const missingAll = acked.filter((t) => !audited.ids.has(t.id));
  const beforeFailure = acked.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
  const missingBefore = missingAll.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
  const lossWindow = missingBefore.length ? round3(Math.max(0, (failedAtMs - Math.min(...missingBefore.map((t) => Date.parse(t.ackedAt)))) / 1000)) : 0;
  // A hole: an acknowledged transaction missing although a later one (by id: commit order of the one-connection load) is present.
  const newestId = Math.max(0, ...acked.filter((t) => audited.ids.has(t.id)).map((t) => t.id));
  const holes = missingAll.filter((t) => t.id < newestId);
  const newestMs = audited.newest ? Date.parse(audited.newest) : null;
  const rpoSeconds = newestMs === null ? null : round3(Math.max(0, (failedAtMs - newestMs) / 1000));
  return {
    transactions: {
      acknowledged: acked.length,
      acknowledgedBeforeFailure: beforeFailure.length,
      inDoubt: load.inDoubt,
      present: acked.length - missingAll.length,
      missing: missingAll.length,
      missingBeforeFailure: missingBefore.length,
      lossWindowSeconds: lossWindow,
      missingList: missingAll.slice(0, MAX_LISTED_MISSING),
      holes: holes.length,
      holeList: holes.slice(0, MAX_LISTED_MISSING),
      firstAckedAt: acked[0]?.ackedAt ?? null,
      lastAckedAt: load.lastAckedAt,
      auditedPromoted: promoted,
    },
    rpoSeconds,
  };
}

/** The progress line that sums up the audit. */
export function auditSummary(tx: DrillResult['transactions'], audited: AuditedNode): string {
  return (
    `audit: ${tx.present} of ${tx.acknowledged} acknowledged transactions present on ${audited.node}, ${tx.missing} missing` +
    `${tx.missing ? ` (acknowledged from ${tx.missingList[0]!.ackedAt})` : ''}, ${tx.holes} hole(s) before the newest present; newest on the node written at ${audited.newest ?? 'none'}`
  );
}
