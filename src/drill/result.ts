import type { DecisionValue } from '../cost/decide.js';
import type { RunStatus, SummaryPhase } from '../plan/receipts.js';
import type { PrimaryFailure } from './pg-cluster.js';
import type { RestoreRecord } from './restore-record.js';
import type { Scenario } from './sites.js';

/**
 * What `drloop drill` returns and writes (`result.json`, `--json`), and how
 * each figure is measured.
 */

export const DRILL_RESULT_SCHEMA = 'drloop.drill-result/v1';

/** How each figure is measured, stated beside it wherever it is shown (result, report, terminal). */
export const MEASURES = {
  rto: 'alert start → validate passed (the plan engine, drill.summary.json)',
  rpo: 'failure time − newest load transaction on the promoted node (the drill: it knows when the primary failed)',
  engineRpo: 'alert start − what the RPO probe printed (the plan engine, drill.summary.json: it knows only when the alert started)',
} as const;

export type AlertSource = 'prometheus' | 'synthetic';

export interface DrillStage {
  name: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
}

export interface DrillResult {
  schema: typeof DRILL_RESULT_SCHEMA;
  scenario: Scenario;
  /** The target the plan ran in: the cost decision's choice, passed to the plan engine (DRLOOP_TARGET). */
  target: string;
  /** `succeeded`: the plan ran, the objectives were met, the evidence verified and nothing was left running. */
  status: 'succeeded' | 'failed';
  /** Every reason the drill failed; empty when it succeeded. */
  problems: string[];
  startedAt: string;
  endedAt: string;
  totalSeconds: number;
  plan: { name: string; path: string; sha256: string };
  synchronous: boolean;
  /**
   * `baseDir` holds every data directory; it is removed at the end (kept with
   * `keep`). `standby` is null in the restore scenario. `binaries` is where
   * PostgreSQL ran from: a copy in the base directory when its account could
   * not reach node_modules (a clone under /root).
   */
  postgres: { primary: string; standby: string | null; runAs: string | null; baseDir: string; binaries: string; binariesCopied: boolean };
  failure: PrimaryFailure;
  alert: {
    source: AlertSource;
    /** Why the drill built the payload itself (synthetic only). */
    note: string | null;
    name: string;
    startsAt: string;
    /** From the failure to the alert's start: detection (scrape, rule `for:`); 0 for a synthetic alert. */
    detectionSeconds: number;
    /** When the GitHub stand-in received the relay's dispatch. */
    dispatchedAt: string;
    eventType: string;
    fingerprint: string;
    dedupeKey: string;
  };
  decision: { decision: DecisionValue; target: string; mode: string; currency: string; netCost: number | null; budgetRatio: number | null; reasons: string[]; record: string };
  run: { runId: string; status: RunStatus; reason: string | null; receiptsDir: string; summaryPath: string };
  phases: SummaryPhase[];
  stages: DrillStage[];
  rto: { measure: string; seconds: number | null; objectiveSeconds: number | null; met: boolean | null; from: string; to: string | null };
  rpo: {
    measure: string;
    /** Failure time − the newest load transaction on the audited node (never below 0). */
    seconds: number | null;
    objectiveSeconds: number | null;
    /** Null when nothing was promoted: there is no recovered primary to judge. */
    met: boolean | null;
    /** Why there is no verdict, when there is none. */
    note: string | null;
    failedAt: string;
    newestRecoveredAt: string | null;
    engineMeasure: string;
    /** The plan engine's own figure (drill.summary.json): alert start − what `rpo.probe` printed. */
    engineSeconds: number | null;
    engineMet: boolean | null;
  };
  /** The restore scenario's story: archive, base backup, WAL replayed, the instance; null for hot-standby. */
  restore: RestoreRecord | null;
  transactions: {
    /** Commits the primary acknowledged to the load. */
    acknowledged: number;
    /** Of those, acknowledged before the failure began. */
    acknowledgedBeforeFailure: number;
    /** A commit sent but never acknowledged (it may or may not have survived). */
    inDoubt: number;
    /** Acknowledged commits the promoted standby holds. */
    present: number;
    missing: number;
    missingBeforeFailure: number;
    /** Failure time − the acknowledgement of the oldest missing commit: how far back acknowledged data was lost (0 when none). */
    lossWindowSeconds: number;
    /** The missing commits (at most 200). */
    missingList: { id: number; ackedAt: string }[];
    /** Missing commits older than the newest present one: a gap in what was recovered, never expected. */
    holes: number;
    holeList: { id: number; ackedAt: string }[];
    firstAckedAt: string | null;
    lastAckedAt: string | null;
    /** Whether the audited node was the promoted one (false when promote did not run). */
    auditedPromoted: boolean;
  };
  evidence: {
    bundlePath: string;
    sha256: string;
    size: number;
    files: number;
    verify: { ok: boolean; mismatches: string[] };
    s3: { endpoint: string; bundleUri: string; pointerUri: string; verify: { ok: boolean; mismatches: string[] } } | null;
    failures: string[];
  };
  outDir: string;
  reportPath: string;
  resultPath: string;
  /** Processes still running after the cleanup (all 0 on a clean run). */
  leftProcesses: { postgres: number; prometheus: number; alertmanager: number };
  kept: string[];
}

/** What drill.json holds, written before the evidence is bundled: the result without the verdict and the evidence. */
export type DrillRecord = Omit<DrillResult, 'status' | 'problems' | 'endedAt' | 'totalSeconds' | 'stages' | 'evidence' | 'outDir' | 'reportPath' | 'resultPath' | 'kept'>;
