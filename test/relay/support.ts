/**
 * Real parts for the relay's tests: a fake GitHub API on loopback that records
 * what it receives and answers as scripted, Debian's Alertmanager started on
 * loopback with clustering off, and the bundled CLI relay as a child process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE, REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the fake answers one request; `hang` never answers (until the server closes). */
export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number } | 'hang';

export interface FakeGitHub {
  url: string;
  /** Every POST .../dispatches, in arrival order. */
  dispatches: RecordedRequest[];
  /** Every POST /app/installations/:id/access_tokens. */
  tokenRequests: RecordedRequest[];
  /** Answers for the next dispatch requests, in order; afterwards `fallback` applies. */
  queue: FakeAnswer[];
  fallback: FakeAnswer;
  /** Answers for the next token requests; afterwards a fresh one-hour token. */
  tokenQueue: FakeAnswer[];
  issuedTokens: string[];
  close(): Promise<void>;
}

/** A small GitHub API on 127.0.0.1 with a free port (fake: GitHub's API cannot run here). */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const hanging = new Set<() => void>();
  const fake: FakeGitHub = {
    url: '',
    dispatches: [],
    tokenRequests: [],
    queue: [],
    fallback: { status: 204 },
    tokenQueue: [],
    issuedTokens: [],
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      let answer: FakeAnswer;
      if (req.method === 'POST' && /^\/(?:api\/v3\/)?repos\/[^/]+\/[^/]+\/dispatches$/.test(rec.path)) {
        fake.dispatches.push(rec);
        answer = fake.queue.shift() ?? fake.fallback;
      } else if (req.method === 'POST' && /^\/(?:api\/v3\/)?app\/installations\/\d+\/access_tokens$/.test(rec.path)) {
        fake.tokenRequests.push(rec);
        const token = `ghs_fake${fake.issuedTokens.length + 1}`.padEnd(40, 'x');
        answer = fake.tokenQueue.shift() ?? { status: 201, body: { token, expires_at: new Date(Date.now() + 3600_000).toISOString() } };
        if (answer !== 'hang' && answer.status === 201) fake.issuedTokens.push((answer.body as { token: string }).token);
      } else {
        answer = { status: 404, body: { message: 'Not Found' } };
      }
      if (answer === 'hang') {
        hanging.add(() => res.destroy());
        return;
      }
      const a = answer;
      const reply = () => {
        const text = a.body === undefined ? '' : JSON.stringify(a.body);
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(text);
      };
      if (a.delayMs) setTimeout(reply, a.delayMs);
      else reply();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    for (const h of hanging) h();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return fake;
}

/** A port that was free a moment ago (for programs that cannot listen on port 0 and report it). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const ALERTMANAGER_BIN = 'prometheus-alertmanager';

/** Whether Debian's Alertmanager is installed (CI installs it; tests skip with a message otherwise). */
export function hasAlertmanager(): boolean {
  return spawnSync(ALERTMANAGER_BIN, ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface Alertmanager {
  url: string;
  /** Injects alerts through the v2 API, as Prometheus would. */
  postAlerts(alerts: { labels: Record<string, string>; annotations?: Record<string, string>; startsAt?: string; endsAt?: string }[]): Promise<void>;
  logs(): string;
  close(): Promise<void>;
}

export interface AlertmanagerOptions {
  webhookUrl: string;
  /** The bearer token Alertmanager presents; omitted = no authorization header. */
  token?: string;
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
}

/** Starts Alertmanager on loopback with its cluster port off and a webhook receiver for the relay. */
export async function startAlertmanager(o: AlertmanagerOptions): Promise<Alertmanager> {
  const dir = await tempDir('drloop-am-');
  const auth = o.token ? `\n    http_config:\n      authorization:\n        credentials: ${JSON.stringify(o.token)}` : '';
  await writeFile(
    join(dir, 'am.yml'),
    `route:
  receiver: relay
  group_by: [alertname]
  group_wait: ${o.groupWait ?? '1s'}
  group_interval: ${o.groupInterval ?? '1s'}
  repeat_interval: ${o.repeatInterval ?? '1h'}
receivers:
- name: relay
  webhook_configs:
  - url: ${JSON.stringify(o.webhookUrl)}
    send_resolved: true${auth}
`,
  );
  let child: ChildProcess | undefined;
  let logs = '';
  let url = '';
  // The port is chosen free just before start; a rare collision is retried once with another.
  for (let attempt = 0; attempt < 3 && !url; attempt++) {
    const port = await freePort();
    child = spawn(
      ALERTMANAGER_BIN,
      [`--config.file=${join(dir, 'am.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=debug'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (logs += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (logs += c));
    const exited = new Promise<'exited'>((r) => child!.once('exit', () => r('exited')));
    const ready = waitFor(
      'Alertmanager to be ready',
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/-/ready`)).ok;
        } catch {
          return false;
        }
      },
      15_000,
    ).then(() => 'ready' as const);
    if ((await Promise.race([ready, exited])) === 'ready') url = `http://127.0.0.1:${port}`;
    else ready.catch(() => undefined);
  }
  if (!url || !child) throw new Error(`Alertmanager did not start:\n${logs}`);
  const proc = child;
  return {
    url,
    async postAlerts(alerts) {
      const res = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts.map((a) => ({ annotations: {}, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString(), ...a }))),
      });
      if (!res.ok) throw new Error(`Alertmanager refused the alerts: HTTP ${res.status} ${await res.text()}`);
    },
    logs: () => logs,
    async close() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(t);
    },
  };
}

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const RELAY_TOKEN = 'relay-token-0123456789abcdef';

/** Spawns the bundled CLI (`node cli/dist/index.js relay …`) and reads its address from the start line. */
export async function spawnRelay(args: string[], env: Record<string, string>, cwd?: string): Promise<RelayProcess> {
  const child = spawn(NODE, [join(REPO_ROOT, 'cli', 'dist', 'index.js'), 'relay', ...args], {
    cwd: cwd ?? tmpdir(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let finished = false;
  void exited.then(() => (finished = true));
  // Started: the address on stdout and the line saying what it forwards on stderr. The relay writes
  // both at once, but they come through two pipes, so either may be read first.
  const url = await waitFor(
    'the relay to print its address and what it forwards',
    () => {
      const m = /drloop relay listening on (http:\/\/\S+)/.exec(out);
      if (m && err.includes('relay: POST ')) return m[1]!;
      if (finished) throw new Error(`relay exited before listening:\n${err}`);
      return undefined;
    },
    15_000,
  );
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!finished) child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

/** A notification as Alertmanager 0.25 sends it, for tests that post directly. */
export function webhookBody(overrides: Record<string, unknown> = {}, alerts?: Record<string, unknown>[]): Record<string, unknown> {
  const list = alerts ?? [
    {
      status: 'firing',
      labels: { alertname: 'JenkinsCriticalDown', dr: 'true', job: 'jenkins', severity: 'critical' },
      annotations: { summary: 'Jenkins is down' },
      startsAt: '2026-11-23T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: 'a1b2c3d4e5f60718',
    },
  ];
  return {
    version: '4',
    groupKey: '{}:{alertname="JenkinsCriticalDown"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'drloop-relay',
    groupLabels: { alertname: 'JenkinsCriticalDown' },
    commonLabels: { alertname: 'JenkinsCriticalDown', dr: 'true', job: 'jenkins', severity: 'critical' },
    commonAnnotations: { summary: 'Jenkins is down' },
    externalURL: 'http://alertmanager:9093',
    alerts: list,
    ...overrides,
  };
}

/** Parses a recorded dispatch body. */
export function dispatchBody(r: RecordedRequest): { event_type: string; client_payload: Record<string, unknown> } {
  return JSON.parse(r.body) as { event_type: string; client_payload: Record<string, unknown> };
}

/** One metric value from the Prometheus text of /metrics. */
export function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
