/**
 * Runs what a plan's phases are made of: steps (with their retries and
 * outputs), guards, checks and the RPO probe. Each yields the record its
 * receipt keeps; the engine decides what runs and when.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDuration } from '../duration.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import { parseProbeTime, round } from './measure.js';
import { parseStepOutputs, type RefusedOutput } from './outputs.js';
import type { AttemptRecord, CheckRecord, ReceiptStatus, StepRecord } from './receipts.js';
import { runCommand, sleep, type Backpressure, type CommandResult } from './runner.js';
import { DEFAULT_CHECK_INTERVAL_SECONDS, DEFAULT_CHECK_TIMEOUT_SECONDS, effectiveRetry, type CheckSpec, type Plan, type StepSpec } from './schema.js';

export interface StepContext {
  plan: Plan;
  workspace: string;
  logger: Logger;
  now: () => Date;
  signal?: AbortSignal | undefined;
  killGraceMs?: number | undefined;
  fetch?: typeof fetch | undefined;
  backpressure?: Backpressure | undefined;
  noRetry: boolean;
  maxAttempts: number;
  /** A private directory for `$DRLOOP_OUTPUT` files. */
  tmp: string;
  /** The environment every command starts from. */
  baseEnv: Record<string, string>;
  /** Outputs of every step so far, given to later commands as environment variables (updated in place). */
  outputs: Record<string, string>;
}

export function describeAttempt(a: AttemptRecord): string {
  if (a.cancelled) return 'cancelled';
  if (a.timedOut) return `timed out after ${formatDuration(a.durationSeconds)}`;
  if (a.exitCode !== null) return `exit code ${a.exitCode}`;
  return a.signal ? `killed by ${a.signal}` : 'could not start';
}

/** A step record for a step that did not run. */
export function skippedStep(name: string, run: string): StepRecord {
  return { name, run, status: 'skipped', attempts: [], outputs: {} };
}

export class StepRunner {
  private seq = 0;
  private readonly log: Logger;

  constructor(private readonly c: StepContext) {
    this.log = c.logger;
  }

  private cancelled(): boolean {
    return this.c.signal?.aborted === true;
  }

  /**
   * Runs one command with its output going to the live log, redacted by the
   * runner line by line; a private key printed over many lines is held until
   * its END line (or a bounded size) and shown redacted as a block, never
   * line by line in clear.
   */
  private command(run: string, env: Record<string, string>, timeoutSeconds: number, patterns: RegExp[] = []) {
    const c = this.c;
    return runCommand({
      run,
      cwd: c.workspace,
      env,
      timeoutSeconds,
      signal: c.signal,
      patterns,
      killGraceMs: c.killGraceMs,
      backpressure: c.backpressure,
      // One log write per batch of lines, not one per line.
      onOutput: (text) => this.log.info(text),
    });
  }

  /** Runs steps in order; after a failure the rest are skipped unless `keepGoing` (teardown). */
  async runSteps(phase: string, list: StepSpec[], keepGoing: boolean): Promise<{ status: ReceiptStatus; steps: StepRecord[] }> {
    const steps: StepRecord[] = [];
    let status: ReceiptStatus = 'success';
    for (const step of list) {
      if (status === 'cancelled' || (status === 'failed' && !keepGoing) || this.cancelled()) {
        if (this.cancelled()) status = 'cancelled';
        steps.push(skippedStep(step.name, step.run));
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
  async runStep(phase: string, step: StepSpec): Promise<StepRecord> {
    const { plan } = this.c;
    const retry = effectiveRetry(plan, step);
    const allowed = this.c.noRetry || retry.on.length === 0 ? 1 : Math.max(1, Math.min(retry.max + 1, this.c.maxAttempts));
    const patterns = allowed > 1 ? retry.on.map((p) => new RegExp(p)) : [];
    const timeout = step.timeout ?? plan.defaults.timeoutSeconds;
    const attempts: AttemptRecord[] = [];
    const record = (status: ReceiptStatus, outputs: Record<string, string> = {}): StepRecord => ({ name: step.name, run: step.run, status, attempts, outputs });
    for (let n = 1; ; n++) {
      const outFile = join(this.c.tmp, `out-${++this.seq}`);
      const env = {
        ...this.c.baseEnv,
        ...this.c.outputs,
        ...step.env,
        DRLOOP_PHASE: phase,
        DRLOOP_STEP: step.name,
        DRLOOP_ATTEMPT: String(n),
        DRLOOP_OUTPUT: outFile,
      };
      const { attempt, result } = await this.attempt(phase, step.name, step.run, env, timeout, n, patterns, allowed);
      attempts.push(attempt);
      if (result.cancelled) return record('cancelled');
      if (result.exitCode === 0 && !result.timedOut) {
        const { outputs, refused } = await this.readOutputs(outFile, phase, step.name);
        Object.assign(this.c.outputs, outputs);
        const rec = record('success', outputs);
        if (refused.length) rec.refusedOutputs = refused;
        return rec;
      }
      const why = describeAttempt(attempt);
      if (n >= allowed || !result.matched) {
        const note = allowed > 1 && !result.matched ? '; not retried: the output matched none of retry.on' : n > 1 ? ` after ${n} attempts` : '';
        this.log.error(`${phase} › ${step.name} failed: ${why}${note}`);
        return record('failed');
      }
      const wait = retry.backoffSeconds * 2 ** (n - 1);
      this.log.warning(`${phase} › ${step.name}: ${why}; the output matched retry.on, attempt ${n + 1} of ${allowed} in ${formatDuration(wait)}`);
      if (!(await sleep(wait * 1000, this.c.signal))) return record('cancelled');
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
    const startedAt = this.c.now().toISOString();
    const title = `${phase} › ${name}${n > 1 ? ` (attempt ${n} of ${allowed})` : ''}`;
    const result = await this.log.group(title, () => this.command(run, env, timeoutSeconds, patterns));
    if (result.spawnError) this.log.error(`${title}: could not start bash: ${result.spawnError}`);
    const attempt: AttemptRecord = {
      attempt: n,
      startedAt,
      exitCode: result.exitCode,
      signal: result.signal,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
      durationSeconds: result.durationSeconds,
      outputTail: result.tail,
      retryMatched: result.matched,
    };
    if (result.timedOut) this.log.error(`${title}: timed out after ${formatDuration(timeoutSeconds)}; its process group was stopped`);
    if (result.cancelled) this.log.warning(`${title}: cancelled; its process group was stopped`);
    return { attempt, result };
  }

  private async readOutputs(path: string, phase: string, step: string): Promise<{ outputs: Record<string, string>; refused: RefusedOutput[] }> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return { outputs: {}, refused: [] };
    }
    const parsed = parseStepOutputs(text);
    const refused = parsed.refused.map((r) => ({ line: redact(r.line).text, reason: r.reason }));
    if (refused.length) {
      this.log.warning(`${phase} › ${step}: ${refused.length} line(s) of $DRLOOP_OUTPUT not passed to later steps: ${refused.map((r) => `${r.line} (${r.reason})`).join(' | ')}`);
    }
    return { outputs: parsed.outputs, refused };
  }

  /** Runs the guards; all must pass. Yields the steps for the receipt and the failing guard's name, if any. */
  async runGuards(): Promise<{ status: ReceiptStatus; steps: StepRecord[]; failure: string | null }> {
    const steps: StepRecord[] = [];
    let failure: string | null = null;
    let status: ReceiptStatus = 'success';
    for (const g of this.c.plan.guards) {
      if (failure || status === 'cancelled') {
        steps.push(skippedStep(g.name, g.run));
        continue;
      }
      const env = { ...this.c.baseEnv, ...g.env, DRLOOP_PHASE: 'guards', DRLOOP_STEP: g.name };
      const { attempt, result } = await this.attempt('guards', g.name, g.run, env, g.timeout ?? this.c.plan.defaults.timeoutSeconds, 1, []);
      let ok = result.exitCode === 0 && !result.timedOut && !result.cancelled;
      let detail: string | undefined;
      if (ok && g.expect !== undefined && result.tail.trim() !== g.expect.trim()) {
        ok = false;
        detail = `expected output ${JSON.stringify(g.expect)}, got ${JSON.stringify(result.tail.trim().slice(0, 200))}`;
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
    return { status, steps, failure };
  }

  /** A check polls until it passes or `within` has run out; a single try when `within` is 0. */
  async runCheck(phase: string, name: string, c: Omit<CheckSpec, 'name'> & { name: string }, kind?: 'verify'): Promise<CheckRecord> {
    const started = this.c.now();
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
        if (!(await sleep(interval, this.c.signal))) return record('cancelled', tries, 'cancelled');
      }
    });
  }

  private async tryHttp(c: { http?: string | undefined; status?: number | undefined; contains?: string | undefined; timeout?: number | undefined }) {
    const expected = c.status ?? 200;
    const signals = [AbortSignal.timeout((c.timeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS) * 1000)];
    if (this.c.signal) signals.push(this.c.signal);
    try {
      const res = await (this.c.fetch ?? fetch)(c.http!, { signal: AbortSignal.any(signals), redirect: 'manual' });
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
    const env = { ...this.c.baseEnv, ...this.c.outputs, ...c.env, DRLOOP_PHASE: phase, DRLOOP_STEP: name };
    const timeout = c.timeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS;
    const r = await this.command(c.run!, env, timeout);
    const out = r.tail.trim();
    const shown = JSON.stringify(out.slice(-200));
    if (r.cancelled) return { ok: false, cancelled: true, detail: 'cancelled' };
    if (r.timedOut) return { ok: false, cancelled: false, detail: `timed out after ${formatDuration(timeout)}` };
    if (r.exitCode !== 0) return { ok: false, cancelled: false, detail: `exit code ${r.exitCode ?? r.signal}; output ${shown}` };
    if (c.expect !== undefined && out !== c.expect.trim()) return { ok: false, cancelled: false, detail: `output ${shown}, expected ${JSON.stringify(c.expect.trim())}` };
    return { ok: true, cancelled: false, detail: c.expect !== undefined ? `output ${shown} as expected` : 'exit code 0' };
  }

  /** Runs `rpo.probe`; its failure is a warning (RPO unmeasured), not a failed phase. */
  async probeRpo(): Promise<Record<string, unknown>> {
    const probe = this.c.plan.rpo!;
    const env = { ...this.c.baseEnv, ...this.c.outputs, DRLOOP_PHASE: 'rpo', DRLOOP_STEP: 'probe' };
    const r = await this.log.group('rpo probe', () => this.command(probe.probe, env, probe.timeoutSeconds ?? 60));
    const at = r.exitCode === 0 ? parseProbeTime(r.tail) : null;
    let error: string | null = null;
    if (r.exitCode !== 0) error = r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit code ${r.exitCode ?? r.signal}`;
    else if (!at) error = `printed ${JSON.stringify(r.tail.trim().slice(-100))}, expected an RFC3339 timestamp or epoch seconds`;
    if (error) this.log.warning(`rpo probe: ${error}; RPO is not measured`);
    return { probe: redact(probe.probe).text, exitCode: r.exitCode, output: r.tail, recoveredAt: at ? at.toISOString() : null, error };
  }
}
