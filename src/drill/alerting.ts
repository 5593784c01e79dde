import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { access, constants, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ZERO_TIME, type AlertmanagerWebhook } from '../alerts/alertmanager.js';
import { describeError } from '../errors.js';
import { sha256 } from '../hash.js';
import { findFreePort, isAlive, PG_HOST } from './postgres.js';
import { UP_METRIC } from './health.js';

/**
 * The drill's detection path: Debian's `prometheus` scrapes the drill's
 * health endpoint and evaluates a rule shaped like the repository's
 * `jenkins_critical_down` (down or absent, for a while, labelled `dr="true"`),
 * and `prometheus-alertmanager` notifies `drloop relay`. Both run on
 * 127.0.0.1 on free ports, with their data in the drill's temporary directory
 * and intervals of a second, so the alert fires a few seconds after the
 * failure instead of minutes.
 *
 * Without those binaries the drill builds the notification itself
 * (`syntheticWebhook`): the same version-4 body Alertmanager would send.
 */

export const DRILL_ALERT_NAME = 'postgres_primary_down';
export const DRILL_SCRAPE_JOB = 'drloop-drill-postgres';
export const PROMETHEUS_BIN = 'prometheus';
export const ALERTMANAGER_BIN = 'prometheus-alertmanager';
/** Scrape and rule evaluation interval. */
export const DRILL_INTERVAL_SECONDS = 1;
/** The rule's `for:`: one more evaluation must agree before it fires. */
export const DRILL_FOR_SECONDS = 1;

export const DRILL_ALERT_LABELS = { severity: 'critical', dr: 'true', service: 'postgres' } as const;
export const DRILL_ALERT_ANNOTATIONS = {
  summary: 'PostgreSQL primary is down',
  description: 'The drill primary does not answer SELECT 1 (or is missing from the scrape); drloop starts the failover plan.',
} as const;

/** The alerting rule, in the shape of examples/prometheus/rules.yml. */
export function drillRules(): string {
  const series = `${UP_METRIC}{role="primary"}`;
  return stringify({
    groups: [
      {
        name: 'drloop-drill',
        interval: `${DRILL_INTERVAL_SECONDS}s`,
        rules: [
          {
            alert: DRILL_ALERT_NAME,
            expr: `${series} == 0\n  or\nabsent(${series})\n`,
            for: `${DRILL_FOR_SECONDS}s`,
            labels: { ...DRILL_ALERT_LABELS },
            annotations: { ...DRILL_ALERT_ANNOTATIONS },
          },
        ],
      },
    ],
  });
}

export function prometheusConfig(o: { healthTarget: string; alertmanagerTarget: string; rulesFile: string }): string {
  const interval = `${DRILL_INTERVAL_SECONDS}s`;
  return stringify({
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    rule_files: [o.rulesFile],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [o.alertmanagerTarget] }] }] },
    scrape_configs: [{ job_name: DRILL_SCRAPE_JOB, static_configs: [{ targets: [o.healthTarget] }] }],
  });
}

/** Every DR alert goes to the relay at once (group_wait 0s); the token is read from a file, so the config holds no secret. */
export function alertmanagerConfig(o: { webhookUrl: string; tokenFile: string }): string {
  return stringify({
    route: { receiver: 'drloop-relay', group_by: ['alertname'], group_wait: '0s', group_interval: '1s', repeat_interval: '1h' },
    receivers: [
      {
        name: 'drloop-relay',
        webhook_configs: [{ url: o.webhookUrl, send_resolved: true, http_config: { authorization: { type: 'Bearer', credentials_file: o.tokenFile } } }],
      },
    ],
  });
}

/**
 * The notification Alertmanager would send for the drill's alert, built by
 * the drill when Prometheus and Alertmanager are not installed. It starts at
 * the failure time, as if detection took no time at all.
 */
export function syntheticWebhook(o: { startsAt: string; instance: string; generatorURL: string }): AlertmanagerWebhook {
  const labels: Record<string, string> = { alertname: DRILL_ALERT_NAME, ...DRILL_ALERT_LABELS, instance: o.instance, job: DRILL_SCRAPE_JOB, role: 'primary' };
  const fingerprint = sha256(
    Object.keys(labels)
      .sort()
      .map((k) => `${k}=${labels[k]}`)
      .join('\n'),
  ).slice(0, 16);
  return {
    version: '4',
    groupKey: `{}:{alertname="${DRILL_ALERT_NAME}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'drloop-relay',
    groupLabels: { alertname: DRILL_ALERT_NAME },
    commonLabels: labels,
    commonAnnotations: { ...DRILL_ALERT_ANNOTATIONS },
    externalURL: '',
    alerts: [{ status: 'firing', labels, annotations: { ...DRILL_ALERT_ANNOTATIONS }, startsAt: o.startsAt, endsAt: ZERO_TIME, generatorURL: o.generatorURL, fingerprint }],
  };
}

/** Finds an executable on a PATH (the CLI passes its environment's). */
export async function findOnPath(name: string, pathVar: string | undefined): Promise<string | null> {
  for (const dir of (pathVar ?? '').split(':')) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

export interface Service {
  name: string;
  pid: number;
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, as a scrape or Alertmanager target. */
  target: string;
  logFile: string;
  isRunning(): boolean;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
  /** For an exit handler: SIGKILL now, nothing asynchronous. */
  killSync(): void;
}

export interface ServiceSpec {
  name: string;
  bin: string;
  /** The arguments for a given port. */
  args: (port: number) => string[];
  logFile: string;
  /** Bounds the wait for `/-/ready`. */
  readySeconds: number;
  signal?: AbortSignal;
}

async function tail(path: string, lines = 15): Promise<string> {
  return (await readFile(path, 'utf8').catch(() => '(no log)')).trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts a Prometheus-style server (Prometheus, Alertmanager) on a free port
 * and waits for `GET /-/ready`. It runs in its own process group, so a Ctrl-C
 * on the terminal reaches the drill only, which stops it in order. Output goes
 * straight to `logFile`. A port taken in the meantime is retried with another.
 */
export async function startService(spec: ServiceSpec): Promise<Service> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const fd = openSync(spec.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(spec.bin, spec.args(port), { detached: true, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let spawnError: string | null = null;
    const exit = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        exited = { code, signal };
        resolve();
      });
      child.once('error', (err) => {
        spawnError = describeError(err);
        exited = { code: null, signal: null };
        resolve();
      });
    });
    const url = `http://${PG_HOST}:${port}`;
    const deadline = Date.now() + spec.readySeconds * 1000;
    let ready = false;
    while (!exited && Date.now() < deadline && !spec.signal?.aborted) {
      try {
        ready = (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok;
      } catch {
        ready = false;
      }
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const service: Service = {
      name: spec.name,
      pid: child.pid ?? -1,
      port,
      url,
      target: `${PG_HOST}:${port}`,
      logFile: spec.logFile,
      isRunning: () => exited === null && child.pid !== undefined && isAlive(child.pid),
      async stop() {
        if (exited || child.pid === undefined) return;
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(force);
      },
      killSync() {
        if (exited || child.pid === undefined) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      },
    };
    if (ready) return service;
    await service.stop();
    if (spawnError) throw new Error(`${spec.name} could not be started (${spec.bin}): ${spawnError}`);
    const log = await tail(spec.logFile);
    if (spec.signal?.aborted) throw spec.signal.reason instanceof Error ? spec.signal.reason : new Error('aborted');
    if (attempt < 3 && /address already in use/i.test(log)) continue;
    const why = exited ? `it exited (${(exited as { code: number | null }).code ?? 'signal'})` : `it was not ready within ${spec.readySeconds}s`;
    throw new Error(`${spec.name} did not start: ${why}; ${spec.logFile}:\n${log}`);
  }
}

export interface PrometheusFiles {
  config: string;
  rules: string;
}

/** Writes the drill's Prometheus config and rule file into `dir`. */
export async function writePrometheusFiles(dir: string, o: { healthTarget: string; alertmanagerTarget: string }): Promise<PrometheusFiles> {
  const rules = join(dir, 'prometheus-rules.yml');
  const config = join(dir, 'prometheus.yml');
  await writeFile(rules, drillRules());
  await writeFile(config, prometheusConfig({ ...o, rulesFile: rules }));
  return { config, rules };
}

export function prometheusArgs(o: { config: string; dataDir: string }): (port: number) => string[] {
  return (port) => [`--config.file=${o.config}`, `--storage.tsdb.path=${o.dataDir}`, `--web.listen-address=${PG_HOST}:${port}`, '--log.level=info'];
}

/** Alertmanager on loopback with clustering off (no gossip port). */
export function alertmanagerArgs(o: { config: string; dataDir: string }): (port: number) => string[] {
  return (port) => [`--config.file=${o.config}`, `--storage.path=${o.dataDir}`, `--web.listen-address=${PG_HOST}:${port}`, '--cluster.listen-address=', '--log.level=info'];
}

interface PromRule {
  name: string;
  state: string;
  health: string;
  lastEvaluation?: string;
  lastError?: string;
  alerts?: { state: string; activeAt?: string }[];
}

/** The drill rule as Prometheus sees it now (state `inactive`, `pending` or `firing`). */
export async function drillRuleState(prometheusUrl: string): Promise<PromRule | null> {
  const res = await fetch(`${prometheusUrl}/api/v1/rules?type=alert`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return null;
  const body = (await res.json()) as { data?: { groups?: { rules?: PromRule[] }[] } };
  for (const g of body.data?.groups ?? []) for (const r of g.rules ?? []) if (r.name === DRILL_ALERT_NAME) return r;
  return null;
}

/** The primary's health as Prometheus last scraped it: 1, 0, or null when it has no sample yet. */
export async function scrapedPrimaryUp(prometheusUrl: string): Promise<number | null> {
  const q = encodeURIComponent(`${UP_METRIC}{role="primary"}`);
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${q}`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return null;
  const body = (await res.json()) as { data?: { result?: { value?: [number, string] }[] } };
  const v = body.data?.result?.[0]?.value?.[1];
  return v === undefined ? null : Number(v);
}

/** Whether Prometheus has discovered the Alertmanager: until it has, a firing alert is dropped, not queued. */
export async function prometheusKnowsAlertmanager(prometheusUrl: string, alertmanagerTarget: string): Promise<boolean> {
  const res = await fetch(`${prometheusUrl}/api/v1/alertmanagers`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return false;
  const body = (await res.json()) as { data?: { activeAlertmanagers?: { url?: string }[] } };
  return (body.data?.activeAlertmanagers ?? []).some((a) => a.url?.includes(alertmanagerTarget) === true);
}
