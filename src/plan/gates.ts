/**
 * The gates that decide, before a phase runs, whether it may: the full-drill
 * rule, the predecessors of start-at, the cost decision, and the order rules
 * that hold across all jobs of one run id. Pure functions of the options and
 * the run's receipts.
 */
import type { PhaseReceipt, ReceiptName } from './receipts.js';
import { PHASES, type PhaseName, type PlanMode } from './schema.js';

export interface GateInputs {
  inPlan: PhaseName[];
  startAt: PhaseName | null;
  stopAfter: PhaseName | null;
  allowFullDrill: boolean;
  decision: 'allow' | 'warn' | 'block' | null;
  acceptWarn: boolean;
  runDirDisplay: string;
}

export interface WindowGates {
  startIdx: number;
  stopIdx: number;
  window: PhaseName[];
  /** Refuses every phase of the window (full drill, missing predecessor). */
  refuseAll: string | null;
  /** Refuses every phase but teardown (cost). */
  refuseCost: string | null;
}

export function windowGates(g: GateInputs, receipts: Map<ReceiptName, PhaseReceipt>): WindowGates {
  const startIdx = g.startAt ? PHASES.indexOf(g.startAt) : 0;
  const stopIdx = g.stopAfter ? PHASES.indexOf(g.stopAfter) : PHASES.length - 1;
  let refuseAll: string | null = null;
  if (startIdx === 0 && stopIdx === PHASES.length - 1 && g.inPlan.includes('bringup') && g.inPlan.includes('teardown') && !g.allowFullDrill) {
    refuseAll = 'a full drill (bringup through teardown in one run) needs allow-full-drill: true; use start-at/stop-after for partial runs';
  }
  if (!refuseAll && g.startAt !== 'teardown') {
    for (const p of PHASES.slice(0, startIdx)) {
      if (!g.inPlan.includes(p)) continue;
      const r = receipts.get(p);
      if (r?.status !== 'success') {
        refuseAll = `cannot start at ${g.startAt}: phase ${p} ${r ? `is ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}` : 'has no receipt'} in ${g.runDirDisplay}`;
        break;
      }
    }
  }
  let refuseCost: string | null = null;
  if (g.decision === 'block') refuseCost = 'the cost decision is block';
  else if (g.decision === 'warn' && !g.acceptWarn) refuseCost = 'the cost decision is warn and accept-warn is not true';
  return { startIdx, stopIdx, window: PHASES.slice(startIdx, stopIdx + 1), refuseAll, refuseCost };
}

/**
 * Rules that hold across the jobs of one run, read from its receipts:
 * promote never follows teardown, and in failover teardown never follows a
 * refused promotion (it would remove what the incident now runs on).
 */
export function orderRefusal(p: PhaseName, receipts: Map<ReceiptName, PhaseReceipt>, run: { mode: PlanMode; runId: string; runDirDisplay: string }): string | null {
  const where = `${run.runDirDisplay}/phases`;
  if (p === 'promote') {
    const teardown = receipts.get('teardown');
    if (teardown && teardown.startedAt !== null) return `promote never follows teardown, and teardown already ran in run ${run.runId} (${where}/teardown.json is ${teardown.status})`;
  }
  if (p === 'teardown' && run.mode === 'failover') {
    const refused = receipts.get('promote')?.extra.promotionRefused;
    if (typeof refused === 'string') {
      return `in mode failover teardown never follows a refused promotion (${where}/promote.json: ${refused}); promote once approved, or tear down in a separate run`;
    }
  }
  return null;
}
