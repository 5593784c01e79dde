/**
 * How a run ended, as the summary states it: the phases' outcome, judged
 * against the plan's objectives, and how promotion was allowed.
 */
import type { ApprovalRecord } from './promote.js';
import { summaryPhaseOf, type DrillSummary, type PhaseReceipt, type ReceiptName, type RunStatus, type SummaryPhase } from './receipts.js';
import { PHASES, type PlanMode } from './schema.js';

export interface Outcome {
  status: RunStatus;
  reason: string | null;
  lastPhase: string | null;
}

/**
 * A drill exists to show the objectives hold: one that misses them failed.
 * A failover's status is the recovery's; the miss is reported loudly beside it.
 * Returns the outcome to record and the line to log as an error, if any.
 */
export function judgeObjectives(mode: PlanMode, dryRun: boolean, outcome: Outcome, missed: string | null): { outcome: Outcome; error: string | null } {
  if (missed === null || dryRun || mode === 'failback') return { outcome, error: null };
  if (mode === 'drill' && (outcome.status === 'succeeded' || outcome.status === 'stopped')) {
    return {
      outcome: { ...outcome, status: 'failed', reason: `missed objectives: ${missed}${outcome.reason ? ` (${outcome.reason})` : ''}` },
      error: `the drill failed: it missed its objectives: ${missed}`,
    };
  }
  return { outcome, error: `OBJECTIVES MISSED: ${missed}; the ${mode} itself is ${outcome.status}` };
}

/** How promotion was allowed, from a successful promote receipt. */
export function promotionOf(promote: PhaseReceipt | undefined): DrillSummary['promotion'] {
  if (promote?.status !== 'success') return null;
  const x = promote.extra;
  return {
    gate: (x.gate as string | undefined) ?? null,
    approver: (x.approver as string | null | undefined) ?? null,
    ticket: (x.ticket as string | null | undefined) ?? null,
    approval: (x.approval as ApprovalRecord | undefined) ?? null,
  };
}

/** The five phases in order, then failback once it has a receipt. */
export function summaryPhases(receipts: Map<ReceiptName, PhaseReceipt>): SummaryPhase[] {
  const names: ReceiptName[] = [...PHASES, 'failback'];
  return names
    .map((p) => receipts.get(p))
    .filter((r): r is PhaseReceipt => r !== undefined)
    .map(summaryPhaseOf);
}
