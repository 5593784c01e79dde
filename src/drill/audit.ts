import { LOAD_TABLE, type LoadReport } from './load.js';
import { withClient, type PostgresPair } from './postgres.js';
import type { DrillResult } from './run.js';
import { round3, type DrillRuntime } from './runtime.js';

/** The most missing transactions listed one by one in the result. */
const MAX_LISTED_MISSING = 200;

/** What the audited node holds of the load. */
export interface AuditedNode {
  /** The ids of every load transaction on the node. */
  ids: Set<number>;
  /** When the newest of them was written (the primary's clock, UTC); null when there is none. */
  newest: string | null;
}

/**
 * The `audit` stage: reads every load transaction on the standby (the
 * promoted node when promote ran), restarting it on its data directory when
 * the plan's teardown stopped it, and stops it again afterwards.
 */
export async function auditStandby(rt: DrillRuntime, pair: PostgresPair, promoted: boolean): Promise<AuditedNode> {
  const node = pair.standby;
  rt.progress(`audit: every acknowledged transaction against the ${promoted ? 'promoted standby' : 'standby'} (restarted on its data directory after teardown)`);
  const wasRunning = await pair.isRunning(node);
  if (!wasRunning) await rt.within('the audited node to start', 60, rt.track(pair.startNode(node)));
  try {
    return await withClient(pair.connection(node), async (c) => {
      const rows = await c.query<{ id: string }>(`SELECT id FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`);
      const newest = await c.query<{ t: string | null }>(
        `SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`,
      );
      return { ids: new Set(rows.rows.map((r) => Number(r.id))), newest: newest.rows[0]?.t ?? null };
    }, 10_000);
  } finally {
    await pair.stopNode(node, 'fast').catch(() => undefined);
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
    `audit: ${tx.present} of ${tx.acknowledged} acknowledged transactions present, ${tx.missing} missing` +
    `${tx.missing ? ` (acknowledged from ${tx.missingList[0]!.ackedAt})` : ''}; newest on the node written at ${audited.newest ?? 'none'}`
  );
}
