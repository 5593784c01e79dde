import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertContext } from '../alerts/alertmanager.js';
import { formatDuration } from '../duration.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import { baseEnvironment } from './env.js';
import { measure, missedObjectives, round } from './measure.js';
import { outputsFromReceipts, stepForReceipt } from './outputs.js';
import { orderRefusal, windowGates } from './gates.js';
import { judgeObjectives, promotionOf, summaryPhases, type Outcome } from './outcome.js';
import { promoteGate, type ApprovalSource, type GateResult } from './promote.js';
import {
  DRILL_SUMMARY_SCHEMA,
  PHASE_RECEIPT_SCHEMA,
  loadReceipts,
  loadSummary,
  skippedReceipt,
  summaryPathOf,
  writeReceipt,
  type CheckRecord,
  type DrillSummary,
  type PhaseReceipt,
  type ReceiptName,
  type ReceiptStatus,
  type RunStatus,
  type StepRecord,
} from './receipts.js';
import type { Backpressure } from './runner.js';
import { PHASES, planPhases, resolveTarget, type LoadedPlan, type PhaseName, type PhaseSpec, type PlanMode } from './schema.js';
import { StepRunner } from './steps.js';

export { measure, parseProbeTime } from './measure.js';
export { parseStepOutputs } from './outputs.js';

/**
 * The DR plan engine: which phases run, in what order and behind which gates
 * (cost, full drill, predecessors, guards, promotion), and the receipts and
 * summary that record it. Running the steps and checks themselves is
 * steps.ts's job. Everything a later job needs is written to the receipts as
 * soon as a phase ends; nothing is kept anywhere else.
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
  /** The GitHub Environment whose approval (read through `deps.approvals`) promote needs. */
  promoteEnvironment?: string | null;
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
  /** Back-pressure from the log, so a step printing faster than the log is written waits (see runner.ts). */
  backpressure?: Backpressure | undefined;
  /** The reviews of this workflow run, for `promoteEnvironment`. */
  approvals?: ApprovalSource | undefined;
}

export interface EngineResult {
  status: RunStatus;
  reason: string | null;
  summary: DrillSummary;
  receipts: Map<ReceiptName, PhaseReceipt>;
}

const ICON: Record<ReceiptStatus, string> = { success: '✔', failed: '✖', skipped: '○', cancelled: '■' };

/** The target an earlier job of the run wrote into its receipts (a summary may be missing). */
function recordedTarget(receipts: Map<ReceiptName, PhaseReceipt>): string | null {
  for (const r of receipts.values()) if (typeof r.target === 'string') return r.target;
  return null;
}

export class Engine {
  private readonly plan;
  private readonly log: Logger;
  private receipts = new Map<ReceiptName, PhaseReceipt>();
  /** Outputs of every step so far, given to later steps as environment variables. */
  private readonly outputs: Record<string, string> = {};
  private target: string | null = null;
  private steps!: StepRunner;
  /** The promotion gate, asked once per run (it may call GitHub). */
  private gate: Promise<GateResult> | null = null;

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
    Object.assign(
      this.outputs,
      outputsFromReceipts(this.receipts, (m) => this.log.warning(m)),
    );

    const tmp = await mkdtemp(join(tmpdir(), 'drloop-run-'));
    try {
      const { o, plan, deps } = this;
      this.steps = new StepRunner({
        plan,
        workspace: deps.workspace,
        logger: deps.logger,
        now: deps.now,
        signal: deps.signal,
        killGraceMs: deps.killGraceMs,
        fetch: deps.fetch,
        backpressure: deps.backpressure,
        noRetry: o.noRetry,
        maxAttempts: o.maxAttempts,
        tmp,
        baseEnv: await this.prepareEnv(tmp),
        outputs: this.outputs,
      });
      this.log.info(
        `drloop: plan '${plan.name}' (${o.loaded.path}, sha256 ${o.loaded.sha256.slice(0, 12)}), run ${o.runId}, mode ${o.mode}` +
          (o.mode === 'failback' ? '' : `, phases ${o.startAt ?? 'bringup'} → ${o.stopAfter ?? 'teardown'}`) +
          (this.target !== null ? `, target ${this.target}` : '') +
          (o.dryRun ? ' (dry run)' : ''),
      );
      const outcome = o.mode === 'failback' ? await this.runFailback() : await this.runPhases();
      const summary = await this.writeSummary(startedAt, previous, outcome);
      return { status: summary.status, reason: summary.reason, summary, receipts: this.receipts };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** The environment every step starts from: the runner's, minus action inputs and runner credentials, plus run context. */
  private async prepareEnv(tmp: string): Promise<Record<string, string>> {
    const env = baseEnvironment(this.deps.env, this.plan, { runId: this.o.runId, mode: this.o.mode, planPath: this.o.loaded.path, runDir: this.o.runDir, target: this.target });
    const alert = this.o.alert;
    if (alert) {
      let path = alert.path;
      if (path === null) {
        path = join(tmp, 'alert.json');
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
    return env;
  }

  private async save(receipt: PhaseReceipt): Promise<void> {
    // Commands are plan text, but a secret pasted into one (or printed into an output) must not reach the evidence either.
    receipt.steps = receipt.steps.map(stepForReceipt);
    receipt.checks = receipt.checks.map((c) => ({ ...c, target: redact(c.target).text }));
    receipt.target = this.target;
    this.receipts.set(receipt.phase, receipt);
    await writeReceipt(this.o.runDir, receipt);
  }

  /** Writes a skipped receipt unless the phase already has one (from this run or an earlier job). */
  private async ensureReceipt(name: ReceiptName, reason: string): Promise<void> {
    if (!this.receipts.has(name)) await this.save(skippedReceipt(this.o.runId, name, reason));
  }

  private promoteGate(): Promise<GateResult> {
    const { o } = this;
    this.gate ??= promoteGate({
      mode: o.mode,
      autoPromote: o.autoPromote,
      allowPromoteBypass: o.allowPromoteBypass,
      approver: o.approver,
      ticket: o.ticket,
      environment: o.promoteEnvironment ?? null,
      approvals: this.deps.approvals ?? null,
      now: this.deps.now,
    });
    return this.gate;
  }

  // ---------------------------------------------------------------- phases

  private async runPhases(): Promise<Outcome> {
    const { o, plan } = this;
    const inPlan = planPhases(plan);
    const { startIdx, stopIdx, window, refuseAll, refuseCost } = windowGates({ ...o, inPlan }, this.receipts);
    const orderRefused = (p: PhaseName) => orderRefusal(p, this.receipts, o);
    // Read when asked: a promotion refused in this job counts for its teardown.
    const refusalFor = (p: PhaseName) => refuseAll ?? (p === 'teardown' ? null : refuseCost) ?? orderRefused(p);

    const pending = (p: PhaseName) => inPlan.includes(p) && this.receipts.get(p)?.status !== 'success';
    // Whether teardown may follow promote is known up front only when this job does not run promote.
    const decidedLater = (p: PhaseName) => p === 'teardown' && window.includes('promote') && pending('promote');
    const toRun = window.filter((p) => pending(p) && (decidedLater(p) ? refuseAll === null : refusalFor(p) === null));
    for (const p of window) {
      if (inPlan.includes(p) && this.receipts.get(p)?.status === 'success') this.log.info(`${p}: already succeeded in ${o.runDirDisplay}; not run again`);
    }
    const costRefusal = window.some((p) => p !== 'teardown' && pending(p)) ? refuseCost : null;
    const orderRefusalNow =
      window
        .filter((p) => pending(p) && !decidedLater(p))
        .map(orderRefused)
        .find((r) => r !== null) ?? null;
    const refusal = refuseAll ?? costRefusal ?? orderRefusalNow;
    if (refusal) this.log.error(`refused: ${refusal}`);

    if (o.dryRun) return this.dryRunPhases(window, inPlan, toRun, refusal);

    // Guards run before anything mutates, whenever a phase is about to run.
    let guardFailure: string | null = null;
    if (toRun.length > 0) {
      guardFailure = await this.runGuards();
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
      let gate: GateResult | null = null;
      if (refused) skip = `refused: ${refused}`;
      else if (cancelled) skip = 'cancelled';
      else if (guardFailure) skip = `guard failed: ${guardFailure}`;
      else if (failed && p !== 'teardown') skip = `earlier phase ${failed} failed`;
      else if (failed && p === 'teardown' && !o.teardown) skip = `earlier phase ${failed} failed and teardown is not true`;
      else if (p === 'promote') {
        gate = await this.promoteGate();
        if (!gate.passed) {
          skip = `promotion gate: ${gate.reason}`;
          gated = gate.reason;
          ranBeforePromote = lastPhase !== null;
          this.log.warning(`promote: not run: ${gate.reason}`);
        }
      }
      if (skip) {
        const r = skippedReceipt(o.runId, p, skip);
        // Kept in the receipt so that a later job of this run knows promotion was refused.
        if (gate && !gate.passed) r.extra = { promotionRefused: gate.reason };
        await this.save(r);
        if (refused) this.log.warning(`${p}: not run: ${refused}`);
        continue;
      }
      const receipt = await this.runPhase(p, spec, gate);
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
    if (gated) {
      const held = o.mode === 'failover' && window.includes('teardown') && inPlan.includes('teardown') ? '; teardown not run after a refused promotion' : '';
      return { status: ranBeforePromote ? 'stopped' : 'refused', reason: `promote not run: ${gated}${held}`, lastPhase };
    }
    const remaining = inPlan.filter((p) => PHASES.indexOf(p) > stopIdx);
    if (remaining.length > 0) return { status: 'stopped', reason: `stopped after ${o.stopAfter}; still to run: ${remaining.join(', ')}`, lastPhase };
    return { status: 'succeeded', reason: null, lastPhase };
  }

  private async dryRunPhases(window: PhaseName[], inPlan: PhaseName[], toRun: PhaseName[], refusal: string | null): Promise<Outcome> {
    const { plan } = this;
    this.log.info(`dry run: nothing is executed; receipts are marked skipped (dry-run)`);
    if (plan.guards.length) this.log.info(`guards: ${plan.guards.map((g) => `${g.name}: ${g.run}${g.expect !== undefined ? ` (expect ${JSON.stringify(g.expect)})` : ''}`).join('; ')}`);
    const promoteClosed = toRun.includes('promote') && !(await this.promoteGate()).passed;
    for (const p of PHASES) {
      const spec = plan.phases[p];
      if (!spec) continue;
      let state = !window.includes(p) ? 'outside the window' : toRun.includes(p) ? 'would run' : this.receipts.get(p)?.status === 'success' ? 'already succeeded' : 'refused';
      if (p === 'teardown' && state === 'would run' && promoteClosed && this.o.mode === 'failover') state = 'refused after a refused promotion (mode failover)';
      const gate = p === 'promote' && toRun.includes(p) ? await this.promoteGate() : null;
      await this.log.group(`${p}: ${state}`, async () => {
        for (const s of spec.steps) this.log.info(`step ${s.name}: ${s.run} (timeout ${formatDuration(s.timeout ?? plan.defaults.timeoutSeconds)})`);
        for (const c of spec.checks) this.log.info(`check ${c.name}: ${c.http ? `GET ${c.http} → ${c.status ?? 200}` : c.run}${c.within ? ` within ${formatDuration(c.within)}` : ''}`);
        if (spec.verify) this.log.info(`verify: ${spec.verify.run}${spec.verify.expect !== undefined ? ` (expect ${JSON.stringify(spec.verify.expect)})` : ''}`);
        if (gate) this.log.info(`promotion gate: ${gate.passed ? `passes (${gate.reason})` : `closed (${gate.reason})`}`);
      });
    }
    for (const p of toRun) await this.ensureReceipt(p, 'dry-run');
    for (const p of PHASES) if (!inPlan.includes(p)) await this.ensureReceipt(p, 'not in plan');
    await this.ensureReceipt('guards', 'dry-run');
    if (refusal) return { status: 'refused', reason: `a real run would be refused: ${refusal}`, lastPhase: null };
    return { status: 'stopped', reason: 'dry run: nothing was executed', lastPhase: null };
  }

  /** Runs the guards and writes their receipt; returns null when all pass, else the failing guard's name (or 'cancelled'). */
  private async runGuards(): Promise<string | null> {
    const { plan, o } = this;
    if (plan.guards.length === 0) {
      await this.save(skippedReceipt(o.runId, 'guards', 'the plan has no guards'));
      return null;
    }
    const started = this.deps.now();
    const { status, steps, failure } = await this.steps.runGuards();
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
  private async runPhase(p: PhaseName, spec: PhaseSpec, gate: GateResult | null): Promise<PhaseReceipt> {
    const started = this.deps.now();
    this.log.info(`▶ ${p}`);
    const extra: Record<string, unknown> = {};
    if (gate) {
      Object.assign(extra, { gate: gate.gate, approver: gate.approver, ticket: gate.ticket, bypassed: gate.gate === 'bypass', verified: gate.approval !== null });
      if (gate.approval) {
        extra.approval = gate.approval;
        this.log.info(`promote: ${gate.reason}${gate.approval.comment ? ` (${JSON.stringify(gate.approval.comment)})` : ''}, verified with ${gate.approval.source}`);
      }
      if (gate.gate === 'bypass') this.log.warning(`promote: the promotion gate is bypassed (allow-promote-bypass in a drill); the receipt records it`);
    }
    // Teardown is best effort: every step is tried even when one fails.
    const keepGoing = p === 'teardown';
    const { status: stepsStatus, steps } = await this.steps.runSteps(p, spec.steps, keepGoing);
    let status = stepsStatus;
    const checks: CheckRecord[] = [];
    if (status === 'success' || (keepGoing && status === 'failed')) {
      for (const c of spec.checks) {
        const rec = await this.steps.runCheck(p, c.name, c);
        checks.push(rec);
        if (rec.status === 'cancelled') {
          status = 'cancelled';
          break;
        }
        if (rec.status === 'failed') status = 'failed';
        if (status === 'failed' && !keepGoing) break;
      }
      if (spec.verify && status !== 'cancelled' && (status === 'success' || keepGoing)) {
        const rec = await this.steps.runCheck(p, 'verify', { ...spec.verify, name: 'verify' }, 'verify');
        checks.push(rec);
        if (rec.status === 'cancelled') status = 'cancelled';
        else if (rec.status === 'failed') status = 'failed';
      }
    }
    const rpoPhase = this.plan.phases.validate ? 'validate' : 'restore';
    if (status === 'success' && this.plan.rpo && p === rpoPhase) extra.rpo = await this.steps.probeRpo();
    const receipt = this.receiptOf(p, status, started, steps, checks, extra);
    await this.save(receipt);
    const line = `${ICON[status]} ${p} ${status} in ${formatDuration(receipt.durationSeconds ?? 0)}`;
    if (status === 'success') this.log.info(line);
    else this.log.error(line);
    return receipt;
  }

  // -------------------------------------------------------------- failback

  private async runFailback(): Promise<Outcome> {
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
      checks.push(await this.steps.runCheck('failback', c.name, c));
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
    const { status, steps } = await this.steps.runSteps('failback', fb.steps, false);
    const receipt = this.receiptOf('failback', status, started, steps, checks, {});
    await this.save(receipt);
    this.log[status === 'success' ? 'info' : 'error'](`${ICON[status]} failback ${status} in ${formatDuration(receipt.durationSeconds ?? 0)}`);
    if (status === 'cancelled') return { status: 'cancelled', reason: 'the run was cancelled', lastPhase: 'failback' };
    if (status === 'failed') return { status: 'failed', reason: 'failback failed', lastPhase: 'failback' };
    return { status: 'succeeded', reason: null, lastPhase: 'failback' };
  }

  // --------------------------------------------------------------- summary

  private async writeSummary(startedAt: string, previous: DrillSummary | undefined, raw: Outcome): Promise<DrillSummary> {
    const { o } = this;
    const ctx = o.alert?.context;
    const alert = ctx ? { name: ctx.name, fingerprint: ctx.fingerprint, groupKey: ctx.groupKey, status: ctx.status, startsAt: ctx.startsAt } : (previous?.alert ?? null);
    // The incident began when the alert fired; without an alert, when this run (its first job) began.
    const incidentStart = ctx?.startsAt ?? previous?.incidentStart ?? startedAt;
    const measured = measure(this.receipts, incidentStart, this.plan.objectives);
    const missed = missedObjectives(measured, this.plan.objectives);
    const { outcome, error } = judgeObjectives(o.mode, o.dryRun, raw, missed);
    if (error) this.log.error(error);
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
      objectivesMissed: missed,
      promotion: promotionOf(this.receipts.get('promote')),
      lastPhase: outcome.lastPhase,
      phases: summaryPhases(this.receipts),
    };
    // A dry run never replaces the summary of a run that really happened.
    if (!(o.dryRun && previous && !previous.dryRun)) await writeJsonAtomic(summaryPathOf(o.runDir), summary);
    return summary;
  }
}
