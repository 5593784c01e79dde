import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { AlertContext } from '../alerts/alertmanager.js';
import { incidentRunId } from '../alerts/incident.js';
import { DEFAULT_EVIDENCE_DIR } from '../context.js';
import { ConfigurationError } from '../errors.js';
import { sha256 } from '../hash.js';
import { boolInput, enumInput, intInput, textInput } from '../inputs.js';
import type { Logger } from '../logger.js';
import { expandGlobs } from '../workspace.js';
import { Engine, type EngineResult } from './engine.js';
import type { ApprovalSource } from './promote.js';
import type { Backpressure } from './runner.js';
import { runDirOf, summaryPathOf, type DrillSummary, type RunStatus } from './receipts.js';
import { loadPlan, PHASES, PLAN_MODES, TARGET_NAME, type LoadedPlan } from './schema.js';

/** A run id becomes a directory name, so it is kept to a safe alphabet. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const phaseInput = (what: string) => z.optional(z.enum(PHASES, { error: (i) => `expected a phase (${PHASES.join(', ')}) to ${what}, got ${JSON.stringify(i.input)}` }));

/**
 * The inputs of `actions/dr-execute` and `drloop execute`, as strings in and
 * typed values out. action.yml declares exactly these names with the same
 * defaults (a test holds the two together).
 */
export const drExecuteInputs = z.object({
  plan: z.string({ error: 'required: the path of the DR plan (YAML)' }),
  mode: enumInput(PLAN_MODES, 'drill'),
  'start-at': phaseInput('start at'),
  'stop-after': phaseInput('stop after'),
  'run-id': z.optional(z.string().check(z.regex(RUN_ID_PATTERN, 'expected 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit'))),
  'evidence-dir': z._default(z.string(), DEFAULT_EVIDENCE_DIR),
  decision: z.optional(z.enum(['allow', 'warn', 'block'], { error: (i) => `expected allow, warn or block (cost-decision's output), got ${JSON.stringify(i.input)}` })),
  'accept-warn': boolInput(false),
  target: z.optional(z.string().check(z.regex(TARGET_NAME, 'expected a target name (cost-decision\'s target output): letters, digits, ".", "_" or "-"'))),
  alert: textInput(),
  'auto-promote': boolInput(false),
  'allow-promote-bypass': boolInput(false),
  approver: textInput(),
  ticket: textInput(),
  'promote-environment': z.optional(z.string().check(z.regex(/^[^\r\n]{1,255}$/, 'expected a GitHub Environment name on one line'))),
  'github-token': textInput(),
  teardown: z.optional(z.stringbool({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] })),
  'allow-full-drill': boolInput(false),
  'max-attempts': intInput(3, 1, 100),
  'no-retry': boolInput(false),
  'dry-run': boolInput(false),
  confirm1: textInput(),
  confirm2: textInput(),
});
export type DrExecuteInputs = z.output<typeof drExecuteInputs>;

export interface DrExecuteDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  /** The environment steps inherit; the adapters pass `process.env`. */
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT/SIGTERM. */
  signal?: AbortSignal;
  /** `GITHUB_RUN_ID`, for the default run id. */
  githubRunId?: string;
  killGraceMs?: number;
  fetch?: typeof fetch;
  /** Back-pressure from the log the steps' output goes to. */
  backpressure?: Backpressure;
  /** The reviews of this workflow run; needed for input `promote-environment`. */
  approvals?: ApprovalSource;
}

export interface DrExecuteResult extends EngineResult {
  runId: string;
  /** Workspace-relative (or as given, when evidence-dir is absolute). */
  receiptsDir: string;
  summaryPath: string;
  plan: LoadedPlan;
}

export interface DrExecuteOutputs {
  status: RunStatus;
  'run-id': string;
  'last-phase': string;
  'rto-seconds': string;
  'rpo-seconds': string;
  'rto-met': string;
  'rpo-met': string;
  'objectives-missed': string;
  'receipts-dir': string;
  'summary-path': string;
}

function text(v: number | boolean | null): string {
  return v === null ? '' : String(v);
}

export function drExecuteOutputs(r: DrExecuteResult): DrExecuteOutputs {
  const s: DrillSummary = r.summary;
  return {
    status: r.status,
    'run-id': r.runId,
    'last-phase': s.lastPhase ?? '',
    'rto-seconds': text(s.rtoSeconds),
    'rpo-seconds': text(s.rpoSeconds),
    'rto-met': text(s.rtoMet),
    'rpo-met': text(s.rpoMet),
    'objectives-missed': s.objectivesMissed ?? '',
    'receipts-dir': r.receiptsDir,
    'summary-path': r.summaryPath,
  };
}

/** Whether the action (or CLI) must report failure for this status. */
export function isFailure(status: RunStatus): boolean {
  return status === 'failed' || status === 'refused' || status === 'cancelled';
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * The default run id. One incident keeps one id across jobs and repeated
 * dispatches: it comes from the alert group and the time it began (not the
 * group alone, or next month's incident would find this one's receipts).
 * Without an alert it is the workflow run, else a timestamp.
 */
export function defaultRunId(alert: AlertContext | null, githubRunId: string | undefined, now: Date): string {
  if (alert) {
    return alert.startsAt ? incidentRunId(alert.groupKey, alert.startsAt) : `alert-${sha256(alert.dedupeKey).slice(0, 16)}`;
  }
  if (githubRunId && /^\d+$/.test(githubRunId)) return `gh-${githubRunId}`;
  return `local-${stamp(now)}-${randomBytes(3).toString('hex')}`;
}

async function resolvePlan(input: string, workspace: string): Promise<LoadedPlan> {
  const [match] = await expandGlobs([input], workspace, "input 'plan'");
  if (!match || match.files.length !== 1) {
    const n = match?.files.length ?? 0;
    throw new ConfigurationError(`input 'plan': '${input}' ${n === 0 ? 'matches no file' : `matches ${n} files, expected one`}`);
  }
  const rel = match.files[0]!;
  return loadPlan(resolve(workspace, rel), rel);
}

/**
 * Runs (part of) a DR plan and writes its receipts and summary. Every input
 * problem (plan, window, alert, run id) is found before anything runs or is
 * written; after that, every outcome, refusals included, leaves receipts.
 */
export async function runDrExecute(inputs: DrExecuteInputs, deps: DrExecuteDeps): Promise<DrExecuteResult> {
  const { workspace, logger } = deps;
  const loaded = await resolvePlan(inputs.plan, workspace);
  const mode = inputs.mode;
  const startAt = inputs['start-at'] ?? null;
  const stopAfter = inputs['stop-after'] ?? null;
  if (mode === 'failback') {
    if (!loaded.plan.failback) throw new ConfigurationError(`${loaded.path}: mode failback needs a 'failback' section with steps`);
    if (startAt || stopAfter) logger.warning('start-at and stop-after do not apply to mode failback; ignored');
  } else if (startAt && stopAfter && PHASES.indexOf(stopAfter) < PHASES.indexOf(startAt)) {
    throw new ConfigurationError(`input 'stop-after': ${stopAfter} comes before start-at ${startAt} (phases run ${PHASES.join(' → ')})`);
  }
  const environment = inputs['promote-environment'] ?? null;
  if (environment !== null && !deps.approvals) {
    throw new ConfigurationError(
      `input 'promote-environment': a verified approval is read from GitHub's approvals API of the workflow run, which only the dr-execute action does; use auto-promote or approver here`,
    );
  }
  // The alert reader (and its schemas) is loaded only when an alert is given.
  const alert = inputs.alert ? await (await import('../alerts/alertmanager.js')).loadAlert(inputs.alert, workspace) : null;
  const runId = inputs['run-id'] ?? defaultRunId(alert?.alert ?? null, deps.githubRunId, deps.now());
  const evidence = inputs['evidence-dir'];
  const receiptsDir = runDirOf(evidence, runId);
  const runDir = isAbsolute(receiptsDir) ? receiptsDir : resolve(workspace, receiptsDir);

  const engine = new Engine(
    {
      loaded,
      runId,
      mode,
      startAt: mode === 'failback' ? null : startAt,
      stopAfter: mode === 'failback' ? null : stopAfter,
      decision: inputs.decision ?? null,
      ...(inputs.target !== undefined ? { target: inputs.target } : {}),
      acceptWarn: inputs['accept-warn'],
      autoPromote: inputs['auto-promote'],
      allowPromoteBypass: inputs['allow-promote-bypass'],
      approver: inputs.approver ?? null,
      ticket: inputs.ticket ?? null,
      promoteEnvironment: environment,
      teardown: inputs.teardown ?? mode === 'drill',
      allowFullDrill: inputs['allow-full-drill'],
      maxAttempts: inputs['max-attempts'],
      noRetry: inputs['no-retry'],
      dryRun: inputs['dry-run'],
      confirm1: inputs.confirm1 ?? null,
      confirm2: inputs.confirm2 ?? null,
      alert: alert ? { context: alert.alert, path: alert.path, text: alert.text } : null,
      runDir,
      runDirDisplay: receiptsDir,
    },
    { workspace, logger, now: deps.now, env: deps.env, signal: deps.signal, killGraceMs: deps.killGraceMs, fetch: deps.fetch, backpressure: deps.backpressure, approvals: deps.approvals },
  );
  const result = await engine.run();
  return { ...result, runId, receiptsDir, summaryPath: summaryPathOf(receiptsDir), plan: loaded };
}
