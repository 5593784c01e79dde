import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { ConfigurationError } from '../errors.js';
import { parseJsonText, validateWith } from '../files.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { RefusedOutput } from './outputs.js';
import type { ApprovalRecord } from './promote.js';
import { PHASES, type PhaseName } from './schema.js';

/**
 * Receipts are the only state a DR run keeps between jobs: one JSON file per
 * phase (plus guards and failback) and a summary, under
 * `<evidence-dir>/runs/<run-id>/`. collect-evidence reads the same files.
 */
export const PHASE_RECEIPT_SCHEMA = 'drloop.phase-receipt/v1';
export const DRILL_SUMMARY_SCHEMA = 'drloop.drill-summary/v1';

export const RECEIPT_STATUSES = ['success', 'failed', 'skipped', 'cancelled'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export type ReceiptName = PhaseName | 'guards' | 'failback';

export const RUN_STATUSES = ['succeeded', 'failed', 'stopped', 'refused', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationSeconds: number;
  /** The last few KB of stdout and stderr, with secrets redacted. */
  outputTail: string;
  /** Whether the output matched one of the step's `retry.on` patterns. */
  retryMatched: boolean;
}

export interface StepRecord {
  name: string;
  run: string;
  status: ReceiptStatus;
  attempts: AttemptRecord[];
  /** `KEY=value` lines the step appended to `$DRLOOP_OUTPUT`, secrets redacted. */
  outputs: Record<string, string>;
  /** Outputs whose value held a secret: redacted here, so a later job does not get them. */
  redactedOutputs?: string[];
  /** Lines of `$DRLOOP_OUTPUT` not passed to later steps, and why. */
  refusedOutputs?: RefusedOutput[];
  /** Why a guard failed when its exit code alone does not say (an unexpected output). */
  detail?: string;
}

export interface CheckRecord {
  name: string;
  kind: 'http' | 'run' | 'verify';
  target: string;
  status: ReceiptStatus;
  tries: number;
  detail: string;
  startedAt: string | null;
  durationSeconds: number;
}

export interface PhaseReceipt {
  schema: typeof PHASE_RECEIPT_SCHEMA;
  runId: string;
  phase: ReceiptName;
  status: ReceiptStatus;
  skipReason: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  steps: StepRecord[];
  checks: CheckRecord[];
  extra: Record<string, unknown>;
  /** The target the run used (cost-decision's choice); null or absent when none was given. */
  target?: string | null;
}

/** A phase as the run summary lists it: its receipt without the steps and checks. */
export type SummaryPhase = Pick<PhaseReceipt, 'phase' | 'status' | 'skipReason' | 'startedAt' | 'endedAt' | 'durationSeconds'>;

export interface DrillSummary {
  schema: typeof DRILL_SUMMARY_SCHEMA;
  runId: string;
  plan: { name: string; path: string; sha256: string };
  mode: 'drill' | 'failover' | 'failback';
  status: RunStatus;
  /** Why the run was refused, failed or stopped, in one line; null when it succeeded. */
  reason: string | null;
  dryRun: boolean;
  decision: 'allow' | 'warn' | 'block' | null;
  /** The target the run used (cost-decision's choice); null when none was given. */
  target: string | null;
  alert: { name: string; fingerprint: string; groupKey: string; status: string; startsAt: string | null } | null;
  objectives: { rtoSeconds: number | null; rpoSeconds: number | null };
  incidentStart: string;
  startedAt: string;
  endedAt: string;
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  rtoMet: boolean | null;
  rpoMet: boolean | null;
  /** The objectives the run missed, in one line; null when none was (a drill that misses one fails). */
  objectivesMissed: string | null;
  /** How promotion was allowed (from the promote receipt); null when promote did not succeed. */
  promotion: { gate: string | null; approver: string | null; ticket: string | null; approval: ApprovalRecord | null } | null;
  lastPhase: string | null;
  phases: SummaryPhase[];
}

const iso = z.nullable(z.string());

/** What drloop needs from a receipt it reads back; extra keys are kept. */
const phaseReceiptSchema = z.looseObject({
  schema: z.literal(PHASE_RECEIPT_SCHEMA),
  runId: z.string(),
  phase: z.string(),
  status: z.enum(RECEIPT_STATUSES),
  skipReason: z.nullable(z.string()),
  startedAt: iso,
  endedAt: iso,
  durationSeconds: z.nullable(z.number()),
  steps: z.array(
    z.looseObject({
      name: z.string(),
      run: z.string(),
      status: z.enum(RECEIPT_STATUSES),
      attempts: z.array(z.looseObject({})),
      outputs: z._default(z.record(z.string(), z.string()), {}),
      redactedOutputs: z.optional(z.array(z.string())),
    }),
  ),
  checks: z._default(z.array(z.looseObject({})), []),
  extra: z._default(z.record(z.string(), z.unknown()), {}),
  target: z.optional(z.nullable(z.string())),
});

const summarySchema = z.looseObject({
  schema: z.literal(DRILL_SUMMARY_SCHEMA),
  runId: z.string(),
  incidentStart: z.string(),
  startedAt: z.string(),
  target: z._default(z.nullable(z.string()), null),
});

export function runDirOf(evidenceDir: string, runId: string): string {
  return join(evidenceDir, 'runs', runId);
}

export function receiptPathOf(runDir: string, name: ReceiptName): string {
  return join(runDir, 'phases', `${name}.json`);
}

export function summaryPathOf(runDir: string): string {
  return join(runDir, 'drill.summary.json');
}

export async function writeReceipt(runDir: string, receipt: PhaseReceipt): Promise<void> {
  await writeJsonAtomic(receiptPathOf(runDir, receipt.phase), receipt);
}

async function readJsonIfExists(path: string, display: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigurationError(`${display}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseJsonText(text, display);
}

/**
 * Loads the receipts a previous job of the same run left behind. A receipt
 * that is not valid JSON or not a drloop receipt is a ConfigurationError:
 * resuming on top of a damaged record would hide what happened.
 */
export async function loadReceipts(runDir: string, displayDir: string, runId: string): Promise<Map<ReceiptName, PhaseReceipt>> {
  const out = new Map<ReceiptName, PhaseReceipt>();
  for (const name of [...PHASES, 'guards', 'failback'] as ReceiptName[]) {
    const display = `${displayDir}/phases/${name}.json`;
    const data = await readJsonIfExists(receiptPathOf(runDir, name), display);
    if (data === undefined) continue;
    const r = validateWith(phaseReceiptSchema, data, display) as unknown as PhaseReceipt;
    if (r.runId !== runId || r.phase !== name) {
      throw new ConfigurationError(`${display}: belongs to run '${r.runId}' phase '${r.phase}', expected run '${runId}' phase '${name}'`);
    }
    out.set(name, r);
  }
  return out;
}

export async function loadSummary(runDir: string, displayDir: string): Promise<DrillSummary | undefined> {
  const display = `${displayDir}/drill.summary.json`;
  const data = await readJsonIfExists(summaryPathOf(runDir), display);
  if (data === undefined) return undefined;
  return validateWith(summarySchema, data, display) as unknown as DrillSummary;
}

export function summaryPhaseOf(r: PhaseReceipt): SummaryPhase {
  return { phase: r.phase, status: r.status, skipReason: r.skipReason, startedAt: r.startedAt, endedAt: r.endedAt, durationSeconds: r.durationSeconds };
}

/** A receipt for a phase that did not run, with the reason why. */
export function skippedReceipt(runId: string, phase: ReceiptName, reason: string): PhaseReceipt {
  return {
    schema: PHASE_RECEIPT_SCHEMA,
    runId,
    phase,
    status: 'skipped',
    skipReason: reason,
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    steps: [],
    checks: [],
    extra: {},
  };
}
