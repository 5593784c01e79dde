import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectEvidenceInputs, runCollectEvidence, type CollectEvidenceResult } from '../evidence/run.js';
import { verifyBundle, verifyPointer, type VerifyReport } from '../evidence/verify.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import { parseInputs } from '../inputs.js';
import type { Logger } from '../logger.js';
import { parseRelayInputs } from '../relay/config.js';
import { GitHubDispatcher } from '../relay/github.js';
import { startRelay, type RelayServer } from '../relay/server.js';
import { formatDuration } from '../duration.js';
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
  type ServiceSpec,
} from './alerting.js';
import { startGitHubStandIn, type GitHubStandIn, type ReceivedDispatch } from './github-standin.js';
import { UP_METRIC, type HealthEndpoint } from './health.js';
import { LOAD_TABLE, WriteLoad } from './load.js';
import type { PostgresCluster, PrimaryFailure } from './pg-cluster.js';
import { findDrillProcesses, type ConnectionConfig } from './pg-processes.js';
import type { DrillSite } from './sites.js';
import type { DrillOptions } from './run.js';
import type { DrillResult } from './result.js';
import { display, problemsOnly, seconds, type Cleanup, type DrillLogs, type DrillRuntime } from './runtime.js';
import type { LocalS3 } from './s3-local.js';

/** The repository the GitHub stand-in pretends to be. */
export const DRILL_REPO = 'drloop/local-drill';
const DEFAULT_LOAD_SECONDS = 1.5;
const DEFAULT_ALERT_TIMEOUT_SECONDS = 45;

/** Where the drill writes: everything under `outDir` stays, `work` is removed at the end (kept with `keep`). */
export interface DrillDirs {
  outDir: string;
  /** What the evidence bundle is made of: receipts, records, logs, configuration. */
  evidenceDir: string;
  logsDir: string;
  /** The drill's own records (load, dispatch, drill.json). */
  drillDir: string;
  /** The Prometheus and Alertmanager configuration. */
  configDir: string;
  bundleDir: string;
  work: string;
}

/** What the stages share, made once by runDrill. */
export interface DrillContext {
  rt: DrillRuntime;
  options: DrillOptions;
  /** The repository the plan's relative paths and commands start from. */
  workspace: string;
  dirs: DrillDirs;
  cleanup: Cleanup;
  logs: DrillLogs;
}

/** The relay and its GitHub stand-in: the trigger half of the loop. */
export interface Trigger {
  standin: GitHubStandIn;
  relay: RelayServer;
  /** What Alertmanager (or the drill, for a synthetic alert) presents to the relay. */
  relayToken: string;
}

export async function startTrigger(ctx: DrillContext): Promise<Trigger> {
  const { rt, cleanup, logs } = ctx;
  const relayLog = logs.file('relay.log');
  const githubToken = randomBytes(20).toString('hex');
  const relayToken = randomBytes(24).toString('hex');
  const standin = await startGitHubStandIn({ repo: DRILL_REPO, token: githubToken, logger: logs.logger(relayLog, 'GitHub stand-in: ', problemsOnly), now: rt.now });
  cleanup.add('the GitHub stand-in', () => standin.close());
  // No deduplication: a notification from before the failure (below) must not hide the one that counts.
  const relayInputs = parseRelayInputs({ listen: '127.0.0.1:0', repo: DRILL_REPO, 'github-api-url': standin.url, match: 'dr=true', resolved: 'drop', 'dedupe-window': '0s' });
  const relayLogger = logs.logger(relayLog, 'relay: ', problemsOnly);
  const dispatcher = new GitHubDispatcher(
    { apiUrl: relayInputs['github-api-url'], repo: DRILL_REPO, credentials: { kind: 'token', token: githubToken }, userAgent: 'drloop-drill' },
    { logger: relayLogger },
  );
  const relay = await startRelay(relayInputs, { relayToken, dispatcher, logger: relayLogger });
  cleanup.add('drloop relay', () => relay.close());
  rt.progress(`drloop relay on ${relay.url}, dispatching to the GitHub stand-in on ${standin.url} (repository ${DRILL_REPO})`);
  return { standin, relay, relayToken };
}

/** Starts Prometheus or Alertmanager; it is stopped with the rest, or SIGKILLed by the last resort. */
async function startTracked(ctx: DrillContext, services: Service[], spec: ServiceSpec): Promise<Service> {
  const s = await startService({ ...spec, signal: ctx.rt.signal });
  services.push(s);
  ctx.cleanup.add(spec.name, () => s.stop());
  ctx.rt.onEmergency(() => s.killSync());
  return s;
}

/** Alertmanager, notifying the relay; null when the alert is synthetic. */
export async function startAlertmanager(ctx: DrillContext, services: Service[], trigger: Trigger): Promise<Service | null> {
  const { options, dirs } = ctx;
  if (options.alerting.source !== 'prometheus') return null;
  const tokenFile = join(dirs.work, 'relay-token');
  await writeFile(tokenFile, trigger.relayToken, { mode: 0o600 });
  const config = join(dirs.configDir, 'alertmanager.yml');
  await writeFile(config, alertmanagerConfig({ webhookUrl: `${trigger.relay.url}/alertmanager`, tokenFile }));
  const alertmanager = await startTracked(ctx, services, {
    name: 'Alertmanager',
    bin: options.alerting.alertmanager,
    args: alertmanagerArgs({ config, dataDir: join(dirs.work, 'alertmanager') }),
    logFile: join(dirs.logsDir, 'alertmanager.log'),
    readySeconds: 20,
  });
  ctx.rt.progress(`Alertmanager up on ${alertmanager.url} (pid ${alertmanager.pid}), notifying the relay with group_wait 0s`);
  return alertmanager;
}

/** Prometheus, scraping the health endpoint and alerting through `alertmanager`; null when the alert is synthetic. */
export async function startPrometheus(ctx: DrillContext, services: Service[], health: HealthEndpoint, alertmanager: Service | null): Promise<Service | null> {
  const { options, dirs } = ctx;
  if (options.alerting.source !== 'prometheus') return null;
  const files = await writePrometheusFiles(dirs.configDir, { healthTarget: health.target, alertmanagerTarget: alertmanager!.target });
  const prometheus = await startTracked(ctx, services, {
    name: 'Prometheus',
    bin: options.alerting.prometheus,
    args: prometheusArgs({ config: files.config, dataDir: join(dirs.work, 'prometheus') }),
    logFile: join(dirs.logsDir, 'prometheus.log'),
    readySeconds: 30,
  });
  ctx.rt.progress(`Prometheus up on ${prometheus.url} (pid ${prometheus.pid}): scrape and evaluate every ${DRILL_INTERVAL_SECONDS}s, rule ${DRILL_ALERT_NAME} for ${DRILL_FOR_SECONDS}s`);
  return prometheus;
}

/** Prometheus and Alertmanager, when the alert takes the real path. */
export interface AlertingServices {
  prometheus: Service | null;
  alertmanager: Service | null;
}

/**
 * The `load` stage: starts the write load on the primary and lets it run for
 * `loadSeconds`; with Prometheus, first waits until the alert can take the
 * real path.
 */
export async function runLoad(ctx: DrillContext, primary: ConnectionConfig, alerting: AlertingServices): Promise<WriteLoad> {
  const { rt, options, cleanup, logs } = ctx;
  const loadLog = logs.file('load.log');
  const starting = rt.track(WriteLoad.start({ connection: primary, logger: logs.logger(loadLog, '', problemsOnly), now: rt.now }));
  // A load that starts after a Ctrl-C is stopped with the rest.
  cleanup.add('the write load', async () => (await starting.catch(() => null))?.stop());
  const l = await rt.within('the write load to start', 30, starting);
  rt.progress(`write load on the primary: one timestamped INSERT every 20 ms into ${LOAD_TABLE}`);
  const loadSeconds = options.loadSeconds ?? DEFAULT_LOAD_SECONDS;
  const until = Date.now() + loadSeconds * 1000;
  const { prometheus: prom, alertmanager: am } = alerting;
  if (prom && am) {
    // Before the failure Prometheus must know the Alertmanager (a firing alert is dropped, not
    // queued, until it does, and resent only after a minute) and must have seen the primary
    // up with the rule inactive (before the first scrape, the rule's absent() arm is true).
    let sawUpAt = 0;
    await rt.pollUntil(
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
    rt.progress(`Prometheus knows the Alertmanager and scrapes the primary as up; ${DRILL_ALERT_NAME} is inactive`);
  }
  while (Date.now() < until) {
    rt.checkCancel();
    await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
  }
  rt.progress(`${l.report().acknowledged} transactions acknowledged so far`);
  return l;
}

/** A dispatch of the drill's alert, firing. */
const isDrillAlert = (d: ReceivedDispatch) => d.alert !== null && d.alert.status === 'firing' && d.alert.commonLabels.alertname === DRILL_ALERT_NAME;

/**
 * The `alert` stage: waits until the GitHub stand-in receives the dispatch of
 * the alert the failure raised. With Prometheus the alert takes the production
 * path; without it the drill checks the health endpoint itself and posts the
 * Alertmanager notification to the relay.
 */
export async function waitForDispatch(ctx: DrillContext, trigger: Trigger, health: HealthEndpoint, prometheus: Service | null, failure: PrimaryFailure): Promise<ReceivedDispatch> {
  const { rt, options, dirs } = ctx;
  const { standin, relay, relayToken } = trigger;
  const failedAtMs = Date.parse(failure.failedAt);
  // The alert that counts started after the failure; one from before it (the absent() arm
  // before Prometheus' first scrape) is recorded in the stand-in's log and ignored.
  const isOurs = (d: ReceivedDispatch) =>
    isDrillAlert(d) && Date.parse(d.receivedAt) >= failedAtMs && d.alert!.alerts.some((a) => a.status === 'firing' && Date.parse(a.startsAt) >= failedAtMs - 1000);
  for (const early of standin.dispatches.filter((x) => isDrillAlert(x) && !isOurs(x))) {
    rt.log.warning(`ignored a ${DRILL_ALERT_NAME} dispatch received at ${early.receivedAt}, before the primary failed`);
  }
  const alertTimeout = options.alertTimeoutSeconds ?? DEFAULT_ALERT_TIMEOUT_SECONDS;
  const prom = prometheus;
  if (prom) {
    rt.progress(`waiting for the alert: Prometheus → Alertmanager → drloop relay → GitHub stand-in (at most ${alertTimeout}s)`);
    let received: ReceivedDispatch | undefined;
    void standin.nextDispatch(isOurs, rt.signal).then(
      (d) => (received = d),
      () => undefined,
    );
    return rt.pollUntil(
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
  rt.progress(`health endpoint reports ${UP_METRIC}{role="primary"} 0; building the Alertmanager notification (version 4) the drill would receive`);
  const body = syntheticWebhook({ startsAt: failure.failedAt, instance: health.target, generatorURL: health.url });
  await writeJsonAtomic(join(dirs.drillDir, 'synthetic-webhook.json'), body);
  const res = await fetch(`${relay.url}/alertmanager`, {
    method: 'POST',
    headers: { authorization: `Bearer ${relayToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const answer = await res.text();
  if (res.status !== 200) throw new Error(`the relay answered HTTP ${res.status}: ${answer.trim()}`);
  return rt.within('the GitHub stand-in to receive the dispatch', alertTimeout, standin.nextDispatch(isOurs, rt.signal));
}

/** The dispatch that starts the loop, as the rest of the drill reads it. */
export interface Triggered {
  dispatch: ReceivedDispatch;
  alertPayload: NonNullable<ReceivedDispatch['alert']>;
  /** The earliest firing alert's start (the dispatch's arrival when none), as an ISO timestamp. */
  alertStartIso: string;
  /** The `repository_dispatch` event a workflow would receive. */
  dispatchEvent: { action: string; client_payload: Record<string, unknown> };
}

/** Announces the dispatch and records it in the evidence (`drill/dispatch.json`). */
export async function recordDispatch(ctx: DrillContext, dispatch: ReceivedDispatch, failure: PrimaryFailure): Promise<Triggered> {
  const alertPayload = dispatch.alert!;
  const alertStartsAt =
    alertPayload.alerts
      .filter((a) => a.status === 'firing')
      .map((a) => a.startsAt)
      .sort()[0] ?? dispatch.receivedAt;
  const alertStartIso = new Date(Date.parse(alertStartsAt)).toISOString();
  ctx.rt.progress(
    `GitHub stand-in received repository_dispatch '${dispatch.eventType}' (${DRILL_ALERT_NAME}, started ${alertStartIso}, ` +
      `${formatDuration(Math.max(0, seconds(Date.parse(failure.failedAt), alertStartIso)))} after the failure); starting the loop`,
  );
  const dispatchEvent = { action: dispatch.eventType, client_payload: dispatch.clientPayload };
  await writeJsonAtomic(join(ctx.dirs.drillDir, 'dispatch.json'), { receivedAt: dispatch.receivedAt, ...dispatchEvent });
  return { dispatch, alertPayload, alertStartIso, dispatchEvent };
}

/** Stops the drill's PostgreSQL servers once, however often it is asked, and counts the processes it leaves. */
export class ClusterStopper {
  private stopped: Promise<{ left: number }> | null = null;
  constructor(private readonly keep: boolean) {}

  stop(c: PostgresCluster): Promise<{ left: number }> {
    this.stopped ??= (async () => {
      if (this.keep) {
        // Stop without removing: the data directories stay for inspection.
        await c.stopAll();
        for (const proc of await findDrillProcesses(c.baseDir, c.postmasterPids())) {
          try {
            process.kill(proc.pid, 'SIGKILL');
          } catch {
            // Gone.
          }
        }
      } else {
        await c.cleanup();
      }
      const left = (await findDrillProcesses(c.baseDir, c.postmasterPids())).length;
      return { left };
    })();
    return this.stopped;
  }

  /** PostgreSQL processes left after the stop; 0 when it never ran. */
  async left(): Promise<number> {
    return this.stopped ? (await this.stopped).left : 0;
  }
}

/** The `stop` stage: keeps the PostgreSQL logs, then stops and removes everything the drill started. */
export async function stopEverything(ctx: DrillContext, site: DrillSite): Promise<void> {
  const { rt, cleanup, dirs } = ctx;
  for (const [file, name] of site.logFiles()) await copyFile(file, join(dirs.logsDir, name)).catch(() => undefined);
  await cleanup.runAll();
  rt.progress(`stopped everything the drill started: ${cleanup.notes.filter((n) => !n.startsWith('could not')).length} parts`);
  for (const n of cleanup.notes.filter((x) => x.startsWith('could not'))) rt.log.warning(n);
}

/** What is still running after the stop stage. */
export async function leftRunning(stopper: ClusterStopper, services: Service[]): Promise<DrillResult['leftProcesses']> {
  const pgLeft = await stopper.left();
  return {
    postgres: pgLeft,
    prometheus: services.filter((s) => s.name === 'Prometheus' && s.isRunning()).length,
    alertmanager: services.filter((s) => s.name === 'Alertmanager' && s.isRunning()).length,
  };
}

export interface CollectedEvidence {
  collected: CollectEvidenceResult;
  /** The bundle verified against its manifest and .sha256. */
  local: VerifyReport;
  /** The S3 pointer and the bundle it names verified (with `s3`). */
  pointer: VerifyReport | null;
  s3: LocalS3 | null;
}

/**
 * The `evidence` stage: bundles the evidence directory with the plan, policy
 * and artefacts through the collect-evidence engine, verifies the bundle and,
 * with `s3`, stores it in a local S3 server and verifies it through the pointer.
 */
export async function collectEvidence(ctx: DrillContext, inputs: { paths: string[]; alertEvent: unknown; runId: string }): Promise<CollectedEvidence> {
  const { rt, options, workspace, dirs, cleanup } = ctx;
  let s3: LocalS3 | null = null;
  if (options.s3) {
    const { startLocalS3 } = await import('./s3-local.js');
    const s3dir = join(dirs.outDir, 's3');
    await mkdir(s3dir, { recursive: true });
    const started = await startLocalS3(s3dir);
    s3 = started;
    cleanup.add('the local S3 server', () => started.stop());
    rt.progress(`local S3 server (s3rver) on ${started.endpoint}, bucket ${started.bucket}, objects under ${display(workspace, s3dir)}`);
  }
  const collected = await runCollectEvidence(
    parseInputs(collectEvidenceInputs, {
      'evidence-dir': dirs.evidenceDir,
      'output-dir': dirs.bundleDir,
      paths: inputs.paths.join('\n'),
      alert: JSON.stringify(inputs.alertEvent),
      ...(s3 ? { 's3-uri': `s3://${s3.bucket}/${inputs.runId}`, 's3-endpoint': s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required' } : {}),
    }),
    { workspace, logger: quietLogger(rt.log), now: rt.now, ...(s3 ? { s3Client: s3.factory, s3Region: 'us-east-1' } : {}) },
  );
  rt.progress(`evidence bundle ${display(workspace, collected.bundlePath)} (${collected.manifest.files.length} files, ${collected.size} bytes)`);
  const local = await verifyBundle(collected.bundlePath);
  rt.progress(`verified the bundle against its manifest and .sha256: ${local.ok ? 'OK' : `MISMATCH (${local.mismatches.join('; ')})`}`);
  let pointer: VerifyReport | null = null;
  if (s3 && collected.s3) {
    pointer = await verifyPointer(collected.s3.pointerUri, s3.options, s3.factory);
    rt.progress(`verified ${collected.s3.pointerUri} and the bundle it names: ${pointer.ok ? 'OK' : `MISMATCH (${pointer.mismatches.join('; ')})`}`);
  }
  if (s3) await s3.stop();
  return { collected, local, pointer, s3 };
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
