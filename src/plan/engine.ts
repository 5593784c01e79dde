import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertContext } from '../alerts/alertmanager.js';
import { formatDuration } from '../duration.js';
import { describeError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import {
  DRILL_SUMMARY_SCHEMA,
  PHASE_RECEIPT_SCHEMA,
  loadReceipts,
  loadSummary,
  skippedReceipt,
  summaryPathOf,
  summaryPhaseOf,
  writeReceipt,
  type AttemptRecord,
  type CheckRecord,
  type DrillSummary,
  type PhaseReceipt,
  type ReceiptName,
  type ReceiptStatus,
  type RunStatus,
  type StepRecord,
} from './receipts.js';
import { runCommand, sleep, type CommandResult } from './runner.js';
import {
  DEFAULT_CHECK_INTERVAL_SECONDS,
  DEFAULT_CHECK_TIMEOUT_SECONDS,
  PHASES,
  effectiveRetry,
  planPhases,
  resolveTarget,
  type CheckSpec,
  type LoadedPlan,
  type PhaseName,
  type PhaseSpec,
  type PlanMode,
  type StepSpec,
} from './schema.js';

/**
 * The DR plan engine: guards, gates, phases in order, retries, receipts and
 * the RTO/RPO measurement. Everything a later job needs is written to the
 * receipts as soon as a phase ends; nothing is kept anywhere else.
 */

export type CostDecision = 'allow' | 'warn' | 'block';

export interface EngineOptions {
  loaded: LoadedPlan;
  runId: string;
  mode: PlanMode;
  startAt: PhaseName | null;
  stopAfter: PhaseName | null;
  decision: CostDecision | null;
  /** cost-decision's chosen target; steps see it as DRLOOP_TARGET. Defaults to the one the run recorded. */
  target?: string;
  acceptWarn: boolean;
  autoPromote: boolean;
  allowPromoteBypass: boolean;
  approver: string | null;
  ticket: string | null;
  /** Run teardown even after an earlier phase failed. */
  teardown: boolean;
  allowFullDrill: boolean;
  maxAttempts: number;
  noRetry: boolean;
  dryRun: boolean;
  confirm1: string | null;
  confirm2: string | null;
  /** The alert and the file steps can read it from (null: no alert given). */
  alert: { context: AlertContext; path: string | null; text: string } | null;
  /** Absolute and workspace-relative paths of `<evidence-dir>/runs/<run-id>`. */
  runDir: string;
  runDirDisplay: string;
}

export interface EngineDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  /** The environment steps inherit (the adapter passes `process.env`). */
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT/SIGTERM: the running step is stopped and recorded as cancelled. */
  signal?: AbortSignal | undefined;
  killGraceMs?: number | undefined;
  /** Fetch for http checks; injected so tests can count calls. Defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
}

export interface EngineResult {
  status: RunStatus;
  reason: string | null;
  summary: DrillSummary;
  receipts: Map<ReceiptName, PhaseReceipt>;
}

const ICON: Record<ReceiptStatus, string> = { success: '✔', failed: '✖', skipped: '○', cancelled: '■' };

function nullIfEmpty(s: string | null | undefined): string | null {
  return s === undefined || s === null || s.trim() === '' ? null : s;
}

/** Parses what `rpo.probe` printed: an RFC3339 timestamp or epoch seconds. */
export function parseProbeTime(output: string): Date | null {
  const line = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
  if (line === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(line)) {
    const n = Number(line);
    return Number.isFinite(n) ? new Date(n * 1000) : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(line)) return null;
  const t = Date.parse(line);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Reads the `KEY=value` lines a step appended to `$DRLOOP_OUTPUT`. */
export function parseStepOutputs(text: string): { outputs: Record<string, string>; bad: string[] } {
  const outputs: Record<string, string> = {};
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (!m || m[1]!.startsWith('DRLOOP_')) bad.push(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
    else outputs[m[1]!] = m[2]!;
  }
  return { outputs, bad };
}

/** RTO and RPO from the receipts alone, so any later job can recompute them. */
export function measure(
  receipts: Map<ReceiptName, PhaseReceipt>,
  incidentStart: string,
  objectives: { rtoSeconds: number | null; rpoSeconds: number | null },
): { rtoSeconds: number | null; rpoSeconds: number | null; rtoMet: boolean | null; rpoMet: boolean | null } {
  const start = Date.parse(incidentStart);
  const v = receipts.get('validate');
  const rto = v?.status === 'success' && v.endedAt ? round((Date.parse(v.endedAt) - start) / 1000) : null;
  let rpo: number | null = null;
  for (const name of ['validate', 'restore'] as const) {
    const probe = receipts.get(name)?.extra.rpo as { recoveredAt?: string | null } | undefined;
    if (probe?.recoveredAt) {
      // A recovered transaction newer than the incident start means nothing before it was lost.
      rpo = Math.max(0, round((start - Date.parse(probe.recoveredAt)) / 1000));
      break;
    }
  }
  const met = (value: number | null, objective: number | null) => (value === null || objective === null ? null : value <= objective);
  return { rtoSeconds: rto, rpoSeconds: rpo, rtoMet: met(rto, objectives.rtoSeconds), rpoMet: met(rpo, objectives.rpoSeconds) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export class Engine {
  private readonly plan;
  private readonly log: Logger;
  private receipts = new Map<ReceiptName, PhaseReceipt>();
  /** Outputs of every step so far, given to later steps as environment variables. */
  private outputs: Record<string, string> = {};
  private baseEnv: Record<string, string> = {};
  private tmp = '';
  private seq = 0;
  private target: string | null = null;

  constructor(
    private readonly o: EngineOptions,
    private readonly deps: EngineDeps,
  ) {
    this.plan = o.loaded.plan;
    this.log = deps.logger;
  }

  private cancelled(): boolean {
    return this.deps.signal?.aborted === true;
  }

  private iso(): string {
    return this.deps.now().toISOString();
  }

  async run(): Promise<EngineResult> {
    const startedAt = this.iso();
    this.receipts = await loadReceipts(this.o.runDir, this.o.runDirDisplay, this.o.runId);
    const previous = await loadSummary(this.o.runDir, this.o.runDirDisplay);
    // Refused before anything runs or is written: a target the plan does not know.
    this.target = resolveTarget(this.plan, this.o.loaded.path, this.o.target ?? null, previous?.target ?? recordedTarget(this.receipts), this.o.runDirDisplay);
    for (const p of PHASES) for (const s of this.receipts.get(p)?.steps ?? []) Object.assign(this.outputs, s.outputs);

    this.tmp = await mkdtemp(join(tmpdir(), 'drloop-run-'));
    try {
      await this.prepareEnv();
      const { o, plan } = this;
      this.log.info(
        `drloop: plan '${plan.name}' (${o.loaded.path}, sha256 ${o.loaded.sha256.slice(0, 12)}), run ${o.runId}, mode ${o.mode}` +
          (o.mode === 'failback' ? '' : `, phases ${o.startAt ?? 'bringup'} → ${o.stopAfter ?? 'teardown'}`) +
          (this.target !== null ? `, target ${this.target}` : '') +
          (o.dryRun ? ' (dry run)' : ''),
      );
      const outcome = o.mode === 'failback' ? await this.runFailback() : await this.runPhases();
      const summary = await this.writeSummary(startedAt, previous, outcome);
      return { status: outcome.status, reason: outcome.reason, summary, receipts: this.receipts };
    } finally {
      await rm(this.tmp, { recursive: true, force: true });
    }
  }

  /** The environment every step starts from: the runner's, minus action inputs, plus run context. */
  private async prepareEnv(): Promise<void> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.deps.env)) {
      // Action inputs (the alert among them) are not the steps' business.
      if (v === undefined || k.startsWith('INPUT_')) continue;
      env[k] = v;
    }
    Object.assign(env, this.plan.defaults.env);
    if (this.target !== null) Object.assign(env, this.plan.targets?.[this.target]?.env);
    env.DRLOOP_TARGET = this.target ?? '';
    env.DRLOOP_RUN_ID = this.o.runId;
    env.DRLOOP_MODE = this.o.mode;
    env.DRLOOP_PLAN = this.o.loaded.path;
    env.DRLOOP_RECEIPTS_DIR = this.o.runDir;
    const alert = this.o.alert;
    if (alert) {
      let path = alert.path;
      if (path === null) {
        path = join(this.tmp, 'alert.json');
        await writeFile(path, alert.text);
      }
      // Alert fields reach steps only as data in variables, never spliced into a command.
      const clean = (s: string) => s.replace(/\0/g, '');
      env.DRLOOP_ALERT_PATH = path;
      env.DRLOOP_ALERT_STATUS = clean(alert.context.status);
      env.DRLOOP_ALERT_NAME = clean(alert.context.name);
      env.DRLOOP_ALERT_FINGERPRINT = clean(alert.context.fingerprint);
      env.DRLOOP_ALERT_STARTS_AT = alert.context.startsAt ?? '';
    }
    this.baseEnv = env;
  }

  private async save(receipt: PhaseReceipt): Promise<void> {
    // Commands are plan text, but a secret pasted into one must not reach the evidence either.
    receipt.steps = receipt.steps.map((s) => ({ ...s, run: redact(s.run).text }));
    receipt.checks = receipt.checks.map((c) => ({ ...c, target: redact(c.target).text }));
    receipt.target = this.target;
    this.receipts.set(receipt.phase, receipt);
    await writeReceipt(this.o.runDir, receipt);
  }

  /** Writes a skipped receipt unless the phase already has one (from this run or an earlier job). */
  private async ensureReceipt(name: ReceiptName, reason: string): Promise<void> {
    if (!this.receipts.has(name)) await this.save(skippedReceipt(this.o.runId, name, reason));
  }

  // ---------------------------------------------------------------- phases

  private async runPhases(): Promise<{ status: RunStatus; reason: string | null; lastPhase: string | null }> {
    const { o, plan } = this;
    const inPlan = planPhases(plan);
    const startIdx = o.startAt ? PHASES.indexOf(o.startAt) : 0;
    const stopIdx = o.stopAfter ? PHASES.indexOf(o.stopAfter) : PHASES.length - 1;
    const window = PHASES.slice(startIdx, stopIdx + 1);

    // Gates that refuse the whole window, and the cost gate, which spares teardown.
    let refuseAll: string | null = null;
    if (startIdx === 0 && stopIdx === PHASES.length - 1 && inPlan.includes('bringup') && inPlan.includes('teardown') && !o.allowFullDrill) {
      refuseAll = 'a full drill (bringup through teardown in one run) needs allow-full-drill: true; use start-at/stop-after for partial runs';
    }
    if (!refuseAll && o.startAt !== 'teardown') {
      for (const p of PHASES.slice(0, startIdx)) {
        if (!inPlan.includes(p)) continue;
        const r = this.receipts.get(p);
        if (r?.status !== 'success') {
          refuseAll = `cannot start at ${o.startAt}: phase ${p} ${r ? `is ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}` : 'has no receipt'} in ${o.runDirDisplay}`;
          break;
        }
      }
    }
    let refuseCost: string | null = null;
    if (o.decision === 'block') refuseCost = 'the cost decision is block';
    else if (o.decision === 'warn' && !o.acceptWarn) refuseCost = 'the cost decision is warn and accept-warn is not true';
    const refusalFor = (p: PhaseName) => refuseAll ?? (p === 'teardown' ? null : refuseCost);

    const toRun = window.filter((p) => inPlan.includes(p) && this.receipts.get(p)?.status !== 'success' && refusalFor(p) === null);
    for (const p of window) {
      if (inPlan.includes(p) && this.receipts.get(p)?.status === 'success') this.log.info(`${p}: already succeeded in ${o.runDirDisplay}; not run again`);
    }
    const refusal = refuseAll ?? (window.some((p) => p !== 'teardown' && inPlan.includes(p) && this.receipts.get(p)?.status !== 'success') ? refuseCost : null);
    if (refusal) this.log.error(`refused: ${refusal}`);

    if (o.dryRun) return this.dryRunPhases(window, inPlan, toRun, refusal);

    // Guards run before anything mutates, whenever a phase is about to run.
    let guardFailure: string | null = null;
    if (toRun.length > 0) {
      const g = await this.runGuards();
      if (g === 'cancelled') guardFailure = 'cancelled';
      else if (g) guardFailure = g;
    } else if (!this.receipts.has('guards')) {
      await this.save(skippedReceipt(o.runId, 'guards', plan.guards.length ? 'no phase to run' : 'the plan has no guards'));
    }

    let failed: string | null = null;
    let cancelled = guardFailure === 'cancelled';
    let gated: string | null = null;
    let lastPhase: string | null = null;
    let ranBeforePromote = false;
    for (const [i, p] of PHASES.entries()) {
      const spec = plan.phases[p];
      if (!spec) {
        await this.ensureReceipt(p, 'not in plan');
        continue;
      }
      if (i < startIdx) {
        await this.ensureReceipt(p, `before start-at ${o.startAt}`);
        continue;
      }
      if (i > stopIdx) {
        await this.ensureReceipt(p, `after stop-after ${o.stopAfter}`);
        continue;
      }
      if (this.receipts.get(p)?.status === 'success') continue;
      const refused = refusalFor(p);
      let skip: string | null = null;
      if (refused) skip = `refused: ${refused}`;
      else if (cancelled) skip = 'cancelled';
      else if (guardFailure) skip = `guard failed: ${guardFailure}`;
      else if (failed && p !== 'teardown') skip = `earlier phase ${failed} failed`;
      else if (failed && p === 'teardown' && !o.teardown) skip = `earlier phase ${failed} failed and teardown is not true`;
      else if (p === 'promote') {
        const gate = this.promoteGate();
        if (!gate.passed) {
          skip = `promotion gate: ${gate.reason}`;
          gated = gate.reason;
          ranBeforePromote = lastPhase !== null;
          this.log.warning(`promote: not run: ${gate.reason}`);
        }
      }
      if (skip) {
        await this.save(skippedReceipt(o.runId, p, skip));
        continue;
      }
      const receipt = await this.runPhase(p, spec);
      lastPhase = p;
      if (receipt.status === 'cancelled') cancelled = true;
      else if (receipt.status === 'failed') failed ??= p;
    }

    if (cancelled) return { status: 'cancelled', reason: 'the run was cancelled', lastPhase };
    if (guardFailure) return { status: 'refused', reason: `guard failed: ${guardFailure}`, lastPhase };
    if (failed) {
      const extra = lastPhase === 'teardown' && failed !== 'teardown' ? ' (teardown ran)' : '';
      return { status: 'failed', reason: `phase ${failed} failed${extra}`, lastPhase };
    }
    if (refusal) return { status: 'refused', reason: refusal, lastPhase };
    if (gated) return { status: ranBeforePromote ? 'stopped' : 'refused', reason: `promote not run: ${gated}`, lastPhase };
    const remaining = inPlan.filter((p) => PHASES.indexOf(p) > stopIdx);
    if (remaining.length > 0) return { status: 'stopped', reason: `stopped after ${o.stopAfter}; still to run: ${remaining.join(', ')}`, lastPhase };
    return { status: 'succeeded', reason: null, lastPhase };
  }

  /**
   * The promotion gate. drloop cannot see a GitHub Environment's protection,
   * so `approver` is the signal: the reusable workflow sets it only in the
   * job that required reviewers approved.
   */
  private promoteGate(): { passed: boolean; gate: 'auto-promote' | 'approval' | 'bypass' | null; reason: string } {
    const { o } = this;
    if (o.autoPromote) return { passed: true, gate: 'auto-promote', reason: 'auto-promote: true' };
    if (o.approver) return { passed: true, gate: 'approval', reason: `approved by ${o.approver}` };
    if (o.allowPromoteBypass && o.mode === 'drill') return { passed: true, gate: 'bypass', reason: 'allow-promote-bypass: true in a drill' };
    const hint = o.allowPromoteBypass ? ' (allow-promote-bypass applies to mode drill only)' : '';
    return { passed: false, gate: null, reason: `needs auto-promote: true or an approver (an approved environment job)${hint}` };
  }

  private async dryRunPhases(window: PhaseName[], inPlan: PhaseName[], toRun: PhaseName[], refusal: string | null) {
    const { o, plan } = this;
    this.log.info(`dry run: nothing is executed; receipts are marked skipped (dry-run)`);
    if (plan.guards.length) this.log.info(`guards: ${plan.guards.map((g) => `${g.name}: ${g.run}${g.expect !== undefined ? ` (expect ${JSON.stringify(g.expect)})` : ''}`).join('; ')}`);
    for (const p of PHASES) {
      const spec = plan.phases[p];
      if (!spec) continue;
      const state = !window.includes(p) ? 'outside the window' : toRun.includes(p) ? 'would run' : this.receipts.get(p)?.status === 'success' ? 'already succeeded' : 'refused';
      await this.log.group(`${p}: ${state}`, async () => {
        for (const s of spec.steps) this.log.info(`step ${s.name}: ${s.run} (timeout ${formatDuration(s.timeout ?? plan.defaults.timeoutSeconds)})`);
        for (const c of spec.checks) this.log.info(`check ${c.name}: ${c.http ? `GET ${c.http} → ${c.status ?? 200}` : c.run}${c.within ? ` within ${formatDuration(c.within)}` : ''}`);
        if (spec.verify) this.log.info(`verify: ${spec.verify.run}${spec.verify.expect !== undefined ? ` (expect ${JSON.stringify(spec.verify.expect)})` : ''}`);
        if (p === 'promote' && toRun.includes(p)) {
          const g = this.promoteGate();
          this.log.info(`promotion gate: ${g.passed ? `passes (${g.reason})` : `closed (${g.reason})`}`);
        }
      });
    }
    for (const p of toRun) await this.ensureReceipt(p, 'dry-run');
    for (const p of PHASES) if (!inPlan.includes(p)) await this.ensureReceipt(p, 'not in plan');
    await this.ensureReceipt('guards', 'dry-run');
    if (refusal) return { status: 'refused' as const, reason: `a real run would be refused: ${refusal}`, lastPhase: null };
    return { status: 'stopped' as const, reason: 'dry run: nothing was executed', lastPhase: null };
  }

  /** Runs the guards; returns null when all pass, else the failing guard's name (or 'cancelled'). */
  private async runGuards(): Promise<string | null> {
    const { plan, o } = this;
    if (plan.guards.length === 0) {
      await this.save(skippedReceipt(o.runId, 'guards', 'the plan has no guards'));
      return null;
    }
    const started = this.deps.now();
    const steps: StepRecord[] = [];
    let failure: string | null = null;
    let status: ReceiptStatus = 'success';
    for (const g of plan.guards) {
      if (failure || status === 'cancelled') {
        steps.push({ name: g.name, run: g.run, status: 'skipped', attempts: [], outputs: {} });
        continue;
      }
      const env = { ...this.baseEnv, ...g.env, DRLOOP_PHASE: 'guards', DRLOOP_STEP: g.name };
      const { attempt, result } = await this.attempt('guards', g.name, g.run, env, g.timeout ?? this.plan.defaults.timeoutSeconds, 1, []);
      let ok = result.exitCode === 0 && !result.timedOut && !result.cancelled;
      let detail: string | undefined;
      if (ok && g.expect !== undefined && result.tail.trim() !== g.expect.trim()) {
        ok = false;
        detail = `expected output ${JSON.stringify(g.expect)}, got ${JSON.stringify(redact(result.tail.trim()).text.slice(0, 200))}`;
      }
      const stepStatus: ReceiptStatus = result.cancelled ? 'cancelled' : ok ? 'success' : 'failed';
      steps.push({ name: g.name, run: g.run, status: stepStatus, attempts: [attempt], outputs: {}, ...(detail ? { detail } : {}) });
      if (stepStatus === 'cancelled') status = 'cancelled';
      else if (!ok) {
        status = 'failed';
        failure = g.name;
        this.log.error(`guard ${g.name} failed: ${detail ?? describeAttempt(attempt)}`);
      }
    }
    await this.save(this.receiptOf('guards', status, started, steps, [], {}));
    return status === 'cancelled' ? 'cancelled' : failure;
  }

  private receiptOf(
    name: ReceiptName,
    status: ReceiptStatus,
    started: Date,
    steps: StepRecord[],
    checks: CheckRecord[],
    extra: Record<string, unknown>,
    skipReason: string | null = null,
  ): PhaseReceipt {
    const ended = this.deps.now();
    return {
      schema: PHASE_RECEIPT_SCHEMA,
      runId: this.o.runId,
      phase: name,
      status,
      skipReason,
      startedAt: started.toISOString(),
      endedAt: ended.toISOString(),
      durationSeconds: round((ended.getTime() - started.getTime()) / 1000),
      steps,
      checks,
      extra,
    };
  }

  /** Runs one phase: steps in order, then checks and verify; the receipt is written before returning. */
  private async runPhase(p: PhaseName, spec: PhaseSpec): Promise<PhaseReceipt> {
    const started = this.deps.now();
    this.log.info(`▶ ${p}`);
    const extra: Record<string, unknown> = {};
    if (p === 'promote') {
      const gate = this.promoteGate();
      Object.assign(extra, { gate: gate.gate, approver: this.o.approver, ticket: this.o.ticket, bypassed: gate.gate === 'bypass' });
      if (gate.gate === 'bypass') this.log.warning(`promote: the promotion gate is bypassed (allow-promote-bypass in a drill); the receipt records it`);
    }
    // Teardown is best effort: every step is tried even when one fails.
    const keepGoing = p === 'teardown';
    const { status: stepsStatus, steps } = await this.runSteps(p, spec.steps, keepGoing);
    let status = stepsStatus;
    const checks: CheckRecord[] = [];
    if (status === 'success' || (keepGoing && status === 'failed')) {
      for (const c of spec.checks) {
        const rec = await this.runCheck(p, c.name, c);
        checks.push(rec);
        if (rec.status === 'cancelled') {
          status = 'cancelled';
          break;
        }
        if (rec.status === 'failed') status = 'failed';
        if (status === 'failed' && !keepGoing) break;
      }
      if (spec.verify && status !== 'cancelled' && (status === 'success' || keepGoing)) {
        const rec = await this.runCheck(p, 'verify', { ...spec.verify, name: 'verify' }, 'verify');
        checks.push(rec);
        if (rec.status === 'cancelled') status = 'cancelled';
        else if (rec.status === 'failed') status = 'failed';
      }
    }
    const rpoPhase = this.plan.phases.validate ? 'validate' : 'restore';
    if (status === 'success' && this.plan.rpo && p === rpoPhase) extra.rpo = await this.probeRpo();
    const receipt = this.receiptOf(p, status, started, steps, checks, extra);
    await this.save(receipt);
    const line = `${ICON[status]} ${p} ${status} in ${formatDuration(receipt.durationSeconds ?? 0)}`;
    if (status === 'success') this.log.info(line);
    else this.log.error(line);
    return receipt;
  }

  private async runSteps(phase: string, list: StepSpec[], keepGoing: boolean): Promise<{ status: ReceiptStatus; steps: StepRecord[] }> {
    const steps: StepRecord[] = [];
    let status: ReceiptStatus = 'success';
    for (const step of list) {
      if (status === 'cancelled' || (status === 'failed' && !keepGoing) || this.cancelled()) {
        if (this.cancelled()) status = 'cancelled';
        steps.push({ name: step.name, run: step.run, status: 'skipped', attempts: [], outputs: {} });
        continue;
      }
      const rec = await this.runStep(phase, step);
      steps.push(rec);
      if (rec.status === 'cancelled') status = 'cancelled';
      else if (rec.status === 'failed') status = 'failed';
    }
    return { status, steps };
  }

  /** One step with its retries: a failed attempt is retried only when its output matched `retry.on`. */
  private async runStep(phase: string, step: StepSpec): Promise<StepRecord> {
    const retry = effectiveRetry(this.plan, step);
    const allowed = this.o.noRetry || retry.on.length === 0 ? 1 : Math.max(1, Math.min(retry.max + 1, this.o.maxAttempts));
    const patterns = allowed > 1 ? retry.on.map((p) => new RegExp(p)) : [];
    const timeout = step.timeout ?? this.plan.defaults.timeoutSeconds;
    const attempts: AttemptRecord[] = [];
    for (let n = 1; ; n++) {
      const outFile = join(this.tmp, `out-${++this.seq}`);
      const env = {
        ...this.baseEnv,
        ...this.outputs,
        ...step.env,
        DRLOOP_PHASE: phase,
        DRLOOP_STEP: step.name,
        DRLOOP_ATTEMPT: String(n),
        DRLOOP_OUTPUT: outFile,
      };
      const { attempt, result } = await this.attempt(phase, step.name, step.run, env, timeout, n, patterns, allowed);
      attempts.push(attempt);
      if (result.cancelled) return { name: step.name, run: step.run, status: 'cancelled', attempts, outputs: {} };
      if (result.exitCode === 0 && !result.timedOut) {
        const outputs = await this.readOutputs(outFile, phase, step.name);
        Object.assign(this.outputs, outputs);
        return { name: step.name, run: step.run, status: 'success', attempts, outputs };
      }
      const why = describeAttempt(attempt);
      if (n >= allowed || !result.matched) {
        const note = allowed > 1 && !result.matched ? '; not retried: the output matched none of retry.on' : n > 1 ? ` after ${n} attempts` : '';
        this.log.error(`${phase} › ${step.name} failed: ${why}${note}`);
        return { name: step.name, run: step.run, status: 'failed', attempts, outputs: {} };
      }
      const wait = retry.backoffSeconds * 2 ** (n - 1);
      this.log.warning(`${phase} › ${step.name}: ${why}; the output matched retry.on, attempt ${n + 1} of ${allowed} in ${formatDuration(wait)}`);
      if (!(await sleep(wait * 1000, this.deps.signal))) {
        return { name: step.name, run: step.run, status: 'cancelled', attempts, outputs: {} };
      }
    }
  }

  private async attempt(
    phase: string,
    name: string,
    run: string,
    env: Record<string, string>,
    timeoutSeconds: number,
    n: number,
    patterns: RegExp[],
    allowed = 1,
  ): Promise<{ attempt: AttemptRecord; result: CommandResult }> {
    const startedAt = this.iso();
    const title = `${phase} › ${name}${n > 1 ? ` (attempt ${n} of ${allowed})` : ''}`;
    const result = await this.log.group(title, () =>
      runCommand({
        run,
        cwd: this.deps.workspace,
        env,
        timeoutSeconds,
        signal: this.deps.signal,
        patterns,
        killGraceMs: this.deps.killGraceMs,
        onLine: (line) => this.log.info(line === '' ? line : redact(line).text),
      }),
    );
    if (result.spawnError) this.log.error(`${title}: could not start bash: ${result.spawnError}`);
    const attempt: AttemptRecord = {
      attempt: n,
      startedAt,
      exitCode: result.exitCode,
      signal: result.signal,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
      durationSeconds: result.durationSeconds,
      outputTail: redact(result.tail).text,
      retryMatched: result.matched,
    };
    if (result.timedOut) this.log.error(`${title}: timed out after ${formatDuration(timeoutSeconds)}; its process group was stopped`);
    if (result.cancelled) this.log.warning(`${title}: cancelled; its process group was stopped`);
    return { attempt, result };
  }

  private async readOutputs(path: string, phase: string, step: string): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return {};
    }
    const { outputs, bad } = parseStepOutputs(text);
    if (bad.length) this.log.warning(`${phase} › ${step}: ignored ${bad.length} line(s) in $DRLOOP_OUTPUT that are not KEY=value (or set a DRLOOP_ name): ${bad.join(' | ')}`);
    return outputs;
  }

  /** A check polls until it passes or `within` has run out; a single try when `within` is 0. */
  private async runCheck(phase: string, name: string, c: Omit<CheckSpec, 'name'> & { name: string }, kind?: 'verify'): Promise<CheckRecord> {
    const started = this.deps.now();
    const t0 = performance.now();
    const within = (c.within ?? 0) * 1000;
    const interval = (c.interval ?? DEFAULT_CHECK_INTERVAL_SECONDS) * 1000;
    const target = c.http ?? c.run ?? '';
    const record = (status: ReceiptStatus, tries: number, detail: string): CheckRecord => ({
      name,
      kind: kind ?? (c.http ? 'http' : 'run'),
      target,
      status,
      tries,
      detail,
      startedAt: started.toISOString(),
      durationSeconds: round((performance.now() - t0) / 1000),
    });
    return this.log.group(`${phase} › check ${name}`, async () => {
      let detail = '';
      for (let tries = 1; ; tries++) {
        if (this.cancelled()) return record('cancelled', tries - 1, 'cancelled');
        const r = c.http ? await this.tryHttp(c) : await this.tryRun(phase, name, c);
        detail = r.detail;
        this.log.info(`try ${tries}: ${r.ok ? 'passed' : 'failed'}: ${detail}`);
        if (r.cancelled) return record('cancelled', tries, 'cancelled');
        if (r.ok) return record('success', tries, detail);
        if (performance.now() - t0 + interval > within) {
          this.log.error(`${phase} › check ${name} failed after ${tries} tr${tries === 1 ? 'y' : 'ies'}: ${detail}`);
          return record('failed', tries, detail);
        }
        if (!(await sleep(interval, this.deps.signal))) return record('cancelled', tries, 'cancelled');
      }
    });
  }

  private async tryHttp(c: { http?: string | undefined; status?: number | undefined; contains?: string | undefined; timeout?: number | undefined }) {
    const expected = c.status ?? 200;
    const signals = [AbortSignal.timeout((c.timeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS) * 1000)];
    if (this.deps.signal) signals.push(this.deps.signal);
    try {
      const res = await (this.deps.fetch ?? fetch)(c.http!, { signal: AbortSignal.any(signals), redirect: 'manual' });
      const body = await res.text();
      if (res.status !== expected) return { ok: false, cancelled: false, detail: `HTTP ${res.status}, expected ${expected}` };
      if (c.contains !== undefined && !body.includes(c.contains)) return { ok: false, cancelled: false, detail: `HTTP ${res.status} but the body lacks ${JSON.stringify(c.contains)}` };
      return { ok: true, cancelled: false, detail: `HTTP ${res.status}` };
    } catch (err) {
      if (this.cancelled()) return { ok: false, cancelled: true, detail: 'cancelled' };
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, cancelled: false, detail: `request failed: ${cause?.code ?? cause?.message ?? describeError(err)}` };
    }
  }

  private async tryRun(phase: string, name: string, c: { run?: string | undefined; expect?: string | undefined; timeout?: number | undefined; env?: Record<string, string> | undefined }) {
    const env = { ...this.baseEnv, ...this.outputs, ...c.env, DRLOOP_PHASE: phase, DRLOOP_STEP: name };
    const r = await runCommand({
      run: c.run!,
      cwd: this.deps.workspace,
      env,
      timeoutSeconds: c.timeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS,
      signal: this.deps.signal,
      killGraceMs: this.deps.killGraceMs,
      onLine: (line) => this.log.info(redact(line).text),
    });
    const out = r.tail.trim();
    const shown = JSON.stringify(redact(out).text.slice(-200));
    if (r.cancelled) return { ok: false, cancelled: true, detail: 'cancelled' };
    if (r.timedOut) return { ok: false, cancelled: false, detail: `timed out after ${formatDuration(c.timeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS)}` };
    if (r.exitCode !== 0) return { ok: false, cancelled: false, detail: `exit code ${r.exitCode ?? r.signal}; output ${shown}` };
    if (c.expect !== undefined && out !== c.expect.trim()) return { ok: false, cancelled: false, detail: `output ${shown}, expected ${JSON.stringify(c.expect.trim())}` };
    return { ok: true, cancelled: false, detail: c.expect !== undefined ? `output ${shown} as expected` : 'exit code 0' };
  }

  /** Runs `rpo.probe`; its failure is a warning (RPO unmeasured), not a failed phase. */
  private async probeRpo(): Promise<Record<string, unknown>> {
    const probe = this.plan.rpo!;
    const env = { ...this.baseEnv, ...this.outputs, DRLOOP_PHASE: 'rpo', DRLOOP_STEP: 'probe' };
    const r = await this.log.group('rpo probe', () =>
      runCommand({
        run: probe.probe,
        cwd: this.deps.workspace,
        env,
        timeoutSeconds: probe.timeoutSeconds ?? 60,
        signal: this.deps.signal,
        killGraceMs: this.deps.killGraceMs,
        onLine: (line) => this.log.info(redact(line).text),
      }),
    );
    const at = r.exitCode === 0 ? parseProbeTime(r.tail) : null;
    let error: string | null = null;
    if (r.exitCode !== 0) error = r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit code ${r.exitCode ?? r.signal}`;
    else if (!at) error = `printed ${JSON.stringify(redact(r.tail.trim()).text.slice(-100))}, expected an RFC3339 timestamp or epoch seconds`;
    if (error) this.log.warning(`rpo probe: ${error}; RPO is not measured`);
    return { probe: redact(probe.probe).text, exitCode: r.exitCode, output: redact(r.tail).text, recoveredAt: at ? at.toISOString() : null, error };
  }

  // -------------------------------------------------------------- failback

  private async runFailback(): Promise<{ status: RunStatus; reason: string | null; lastPhase: string | null }> {
    const { o } = this;
    const fb = this.plan.failback!;
    let refusal: string | null = null;
    if (o.confirm1 !== 'FAILBACK') refusal = `failback needs confirm1: FAILBACK${o.confirm1 ? ` (got ${JSON.stringify(o.confirm1)})` : ''}`;
    else if (o.confirm2 !== `CONFIRM-${o.runId}`) refusal = `failback needs confirm2: CONFIRM-${o.runId}${o.confirm2 ? ` (got ${JSON.stringify(o.confirm2)})` : ''}`;
    else {
      const promote = this.receipts.get('promote');
      if (promote?.status !== 'success') {
        refusal = `run ${o.runId} was not promoted: ${o.runDirDisplay}/phases/promote.json ${promote ? `is ${promote.status}` : 'does not exist'}`;
      }
    }
    if (refusal) this.log.error(`refused: ${refusal}`);

    if (o.dryRun) {
      await this.log.group('failback: ' + (refusal ? 'refused' : 'would run'), async () => {
        for (const c of fb.checks) this.log.info(`check ${c.name}: ${c.http ?? c.run}`);
        for (const s of fb.steps) this.log.info(`step ${s.name}: ${s.run}`);
      });
      await this.ensureReceipt('failback', 'dry-run');
      if (refusal) return { status: 'refused', reason: `a real run would be refused: ${refusal}`, lastPhase: null };
      return { status: 'stopped', reason: 'dry run: nothing was executed', lastPhase: null };
    }
    if (refusal) {
      await this.save(skippedReceipt(o.runId, 'failback', `refused: ${refusal}`));
      return { status: 'refused', reason: refusal, lastPhase: null };
    }
    const guard = await this.runGuards();
    if (guard) {
      await this.save(skippedReceipt(o.runId, 'failback', guard === 'cancelled' ? 'cancelled' : `guard failed: ${guard}`));
      return guard === 'cancelled' ? { status: 'cancelled', reason: 'the run was cancelled', lastPhase: null } : { status: 'refused', reason: `guard failed: ${guard}`, lastPhase: null };
    }

    const started = this.deps.now();
    this.log.info('▶ failback');
    // Every check runs, so the receipt lists all that block the failback, not only the first.
    const checks: CheckRecord[] = [];
    for (const c of fb.checks) {
      if (this.cancelled()) break;
      checks.push(await this.runCheck('failback', c.name, c));
    }
    const failedChecks = checks.filter((c) => c.status === 'failed').map((c) => c.name);
    if (this.cancelled() || checks.some((c) => c.status === 'cancelled')) {
      await this.save(this.receiptOf('failback', 'cancelled', started, [], checks, {}));
      return { status: 'cancelled', reason: 'the run was cancelled', lastPhase: 'failback' };
    }
    if (failedChecks.length > 0) {
      const reason = `failback check${failedChecks.length > 1 ? 's' : ''} ${failedChecks.join(', ')} failed`;
      this.log.error(`refused: ${reason}; no failback step ran`);
      await this.save(this.receiptOf('failback', 'skipped', started, [], checks, {}, `refused: ${reason}`));
      return { status: 'refused', reason, lastPhase: null };
    }
    const { status, steps } = await this.runSteps('failback', fb.steps, false);
    const receipt = this.receiptOf('failback', status, started, steps, checks, {});
    await this.save(receipt);
    this.log[status === 'success' ? 'info' : 'error'](`${ICON[status]} failback ${status} in ${formatDuration(receipt.durationSeconds ?? 0)}`);
    if (status === 'cancelled') return { status: 'cancelled', reason: 'the run was cancelled', lastPhase: 'failback' };
    if (status === 'failed') return { status: 'failed', reason: 'failback failed', lastPhase: 'failback' };
    return { status: 'succeeded', reason: null, lastPhase: 'failback' };
  }

  // --------------------------------------------------------------- summary

  private async writeSummary(
    startedAt: string,
    previous: DrillSummary | undefined,
    outcome: { status: RunStatus; reason: string | null; lastPhase: string | null },
  ): Promise<DrillSummary> {
    const { o } = this;
    const ctx = o.alert?.context;
    const alert = ctx
      ? { name: ctx.name, fingerprint: ctx.fingerprint, groupKey: ctx.groupKey, status: ctx.status, startsAt: ctx.startsAt }
      : (previous?.alert ?? null);
    // The incident began when the alert fired; without an alert, when this run (its first job) began.
    const incidentStart = ctx?.startsAt ?? previous?.incidentStart ?? startedAt;
    const measured = measure(this.receipts, incidentStart, this.plan.objectives);
    const phases = PHASES.map((p) => this.receipts.get(p)).filter((r): r is PhaseReceipt => r !== undefined);
    const failback = this.receipts.get('failback');
    if (failback) phases.push(failback);
    const summary: DrillSummary = {
      schema: DRILL_SUMMARY_SCHEMA,
      runId: o.runId,
      plan: { name: this.plan.name, path: o.loaded.path, sha256: o.loaded.sha256 },
      mode: o.mode,
      status: outcome.status,
      reason: outcome.reason,
      dryRun: o.dryRun,
      decision: o.decision,
      target: this.target,
      alert,
      objectives: this.plan.objectives,
      incidentStart,
      startedAt: previous?.startedAt ?? startedAt,
      endedAt: this.iso(),
      ...measured,
      lastPhase: outcome.lastPhase,
      phases: phases.map(summaryPhaseOf),
    };
    // A dry run never replaces the summary of a run that really happened.
    if (!(o.dryRun && previous && !previous.dryRun)) await writeJsonAtomic(summaryPathOf(o.runDir), summary);
    return summary;
  }
}

/** The target an earlier job of the run wrote into its receipts (a summary may be missing). */
function recordedTarget(receipts: Map<ReceiptName, PhaseReceipt>): string | null {
  for (const r of receipts.values()) if (typeof r.target === 'string') return r.target;
  return null;
}

function describeAttempt(a: AttemptRecord): string {
  if (a.cancelled) return 'cancelled';
  if (a.timedOut) return `timed out after ${formatDuration(a.durationSeconds)}`;
  if (a.exitCode !== null) return `exit code ${a.exitCode}`;
  return a.signal ? `killed by ${a.signal}` : 'could not start';
}
