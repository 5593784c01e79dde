import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSchema } from '../alerts/alertmanager.js';
import { ConfigurationError, describeError } from '../errors.js';
import { formatIssues } from '../inputs.js';
import { keyPath } from '../files.js';
import type { Logger } from '../logger.js';
import type { RelayInputs } from './config.js';
import { DedupeCache } from './dedupe.js';
import type { Dispatcher, DispatchOutcome } from './github.js';
import { compileMatcher } from './matcher.js';
import { RelayMetrics } from './metrics.js';
import { buildDispatch, selectAlerts } from './payload.js';

/** Alertmanager's bodies are a few KB; 1 MiB leaves room for big groups and stops abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much an over-limit body is no longer drained to deliver the 413 politely. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
/**
 * Longer than the idle timeout of Alertmanager's HTTP client (prometheus/common
 * keeps idle connections 5 minutes), so the client closes an idle connection
 * before we do and never posts into a socket we are closing.
 */
const KEEP_ALIVE_MS = 6 * 60_000;
/** A request's headers must arrive within this, and the whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** Open connections at most; more are refused until some close (Alertmanager keeps a handful). */
export const MAX_CONNECTIONS = 512;
/**
 * The status for a dispatch GitHub refused for good (401/403/404/422): not a
 * 5xx, because Alertmanager would retry a 5xx within the same flush and hammer
 * GitHub with a request that cannot succeed; a 4xx makes Alertmanager log the
 * failure and try again at the group's next flush, once per group_interval.
 */
export const UPSTREAM_REFUSED_STATUS = 424;

export type RelayOptions = Pick<RelayInputs, 'listen' | 'event-type' | 'match' | 'dedupe-window' | 'resolved' | 'deadline'>;

export interface RelayServerDeps {
  relayToken: string;
  dispatcher: Dispatcher;
  logger: Logger;
  metrics?: RelayMetrics;
  now?: () => number;
  /** Connection limits; the defaults are HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS and MAX_CONNECTIONS. */
  limits?: { headersTimeoutMs?: number; requestTimeoutMs?: number; maxConnections?: number };
}

export interface RelayServer {
  host: string;
  port: number;
  /** `http://HOST:PORT` */
  url: string;
  metrics: RelayMetrics;
  /** Stops accepting, lets in-flight notifications finish (their deadline bounds it), then resolves. */
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Compares the bearer token in constant time (digests first, so lengths leak nothing either). */
export function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = digest(m?.[1] ?? '');
  return timingSafeEqual(given, expected) && m !== null;
}

type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too-large'; bytes: number } | { kind: 'aborted' };

/** Reads a request body up to `limit` bytes; beyond it, drains (bounded) so the 413 reaches the client. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? { kind: 'too-large', bytes: size } : { kind: 'ok', body: Buffer.concat(chunks, size) }));
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) resolve(size > limit ? { kind: 'too-large', bytes: size } : { kind: 'aborted' });
    });
  });
}

/**
 * Control characters (C0, DEL, C1), bidirectional overrides and isolates,
 * zero-width and line/paragraph separators: anything that could move the
 * cursor, recolour a terminal or reorder what a reader sees in a log.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_LOG = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Untrusted text made safe for a log line: every unsafe character written as `\uXXXX`. */
export function escapeForLog(text: string): string {
  return text.replace(UNSAFE_IN_LOG, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A short, single-line, quoted rendering of untrusted text for logs. */
function quote(text: string, max = 120): string {
  return escapeForLog(JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text));
}

/**
 * Starts the relay: `POST /alertmanager` turns an Alertmanager webhook into one
 * repository dispatch, `GET /healthz` and `GET /metrics` serve operations.
 * Alertmanager gets a 2xx only once GitHub accepted the dispatch (or when there
 * is nothing to send), a 503 when GitHub could not be reached in time so that
 * Alertmanager retries, and 4xx for requests that will never succeed.
 */
export async function startRelay(options: RelayOptions, deps: RelayServerDeps): Promise<RelayServer> {
  const { logger, dispatcher } = deps;
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? new RelayMetrics();
  const expectedToken = digest(deps.relayToken);
  const matches = compileMatcher(options.match);
  const dedupe = new DedupeCache(options['dedupe-window'] * 1000, 10_000, now);
  const inFlight = new Map<string, Promise<Answer>>();
  let active = 0;
  let shuttingDown = false;
  metrics.gauge('drloop_relay_in_flight', () => active);
  metrics.gauge('drloop_relay_dedupe_entries', () => dedupe.size);

  const count = (outcome: string) => metrics.inc('drloop_relay_notifications_total', { outcome });
  const reject = (status: number, reason: string, error: string, headers?: Record<string, string>): Answer => {
    metrics.inc('drloop_relay_rejected_total', { reason });
    count('rejected');
    return { status, body: { result: 'rejected', error }, ...(headers ? { headers } : {}) };
  };

  function send(res: ServerResponse, answer: Answer): void {
    const body = `${JSON.stringify(answer.body)}\n`;
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...answer.headers };
    if (shuttingDown) headers.connection = 'close';
    res.writeHead(answer.status, headers).end(body);
    // A refused request's unread body is not waited for: the socket goes once the answer is out.
    if (headers.connection === 'close' && !res.req.complete) res.on('finish', () => res.req.socket.destroySoon());
  }

  /** Dispatches once per dedupe key: a concurrent repeat waits for the first one's outcome instead of sending its own. */
  async function deliver(key: string, json: string, describe: string): Promise<Answer> {
    const started = now();
    const outcome: DispatchOutcome = await dispatcher.dispatch(json, started + options.deadline * 1000);
    if (outcome.ok) {
      dedupe.remember(key);
      metrics.inc('drloop_relay_dispatched_total');
      count('dispatched');
      logger.info(`dispatched ${describe} (${outcome.attempts} attempt${outcome.attempts > 1 ? 's' : ''})`);
      return { status: 200, body: { result: 'dispatched', dedupeKey: key } };
    }
    if (outcome.retryable) {
      count('unavailable');
      logger.warning(`not dispatched ${describe}: ${escapeForLog(outcome.message)}; answering 503 so that Alertmanager retries`);
      const headers: Record<string, string> = {};
      if (outcome.retryAfter !== undefined) headers['retry-after'] = String(outcome.retryAfter);
      return { status: 503, body: { result: 'unavailable', error: outcome.message, dedupeKey: key }, headers };
    }
    count('failed');
    logger.error(`not dispatched ${describe}: ${escapeForLog(outcome.message)}; fix the relay's --repo, --event-type or credentials`);
    return { status: UPSTREAM_REFUSED_STATUS, body: { result: 'refused-by-github', error: outcome.message, githubStatus: outcome.status, dedupeKey: key } };
  }

  async function handleNotification(req: IncomingMessage): Promise<Answer> {
    metrics.inc('drloop_relay_notifications_received_total');
    if (!bearerMatches(req.headers.authorization, expectedToken)) {
      // Answered at once and the connection closed: an unauthenticated body is never read.
      return reject(401, 'unauthorized', 'missing or wrong bearer token (Authorization: Bearer <DRLOOP_RELAY_TOKEN>)', {
        'www-authenticate': 'Bearer realm="drloop-relay"',
        connection: 'close',
      });
    }
    if (shuttingDown) return { status: 503, body: { result: 'unavailable', error: 'the relay is shutting down' }, headers: { 'retry-after': '1' } };
    const declared = Number(req.headers['content-length'] ?? NaN);
    const read = declared > MAX_DRAIN_BYTES ? ({ kind: 'too-large', bytes: declared } as const) : await readBody(req, MAX_BODY_BYTES);
    if (read.kind === 'too-large') return reject(413, 'too_large', `body of ${read.bytes} bytes is over the ${MAX_BODY_BYTES}-byte limit`, { connection: 'close' });
    if (read.kind === 'aborted') return reject(400, 'malformed', 'the request body was cut short');

    let data: unknown;
    try {
      data = JSON.parse(read.body.toString('utf8'));
    } catch (err) {
      return reject(400, 'malformed', `malformed JSON: ${describeError(err)}`);
    }
    const parsed = webhookSchema.safeParse(data);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error, (p) => `key '${keyPath(p)}'`);
      return reject(400, 'invalid', `not an Alertmanager webhook body: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`);
    }
    const webhook = parsed.data;
    const selection = selectAlerts(webhook, matches);
    const describe = `group ${quote(webhook.groupKey)} ${selection.status} with ${selection.alerts.length} alert(s)`;
    if (selection.alerts.length === 0) {
      metrics.inc('drloop_relay_filtered_total');
      count('filtered');
      logger.debug(`filtered group ${quote(webhook.groupKey)}: none of its ${webhook.alerts.length} alert(s) matches`);
      return { status: 200, body: { result: 'filtered', alerts: webhook.alerts.length } };
    }
    if (selection.status === 'resolved' && options.resolved === 'drop') {
      count('dropped_resolved');
      logger.debug(`dropped resolved ${describe} (--resolved drop)`);
      return { status: 200, body: { result: 'dropped-resolved', dedupeKey: selection.dedupeKey } };
    }
    const key = selection.dedupeKey;
    if (dedupe.has(key)) {
      metrics.inc('drloop_relay_deduplicated_total');
      count('duplicate');
      logger.debug(`duplicate ${describe}: dispatched within the last ${options['dedupe-window']} s`);
      return { status: 200, body: { result: 'duplicate', dedupeKey: key } };
    }
    const running = inFlight.get(key);
    if (running) {
      const first = await running;
      if (first.status !== 200) return first;
      metrics.inc('drloop_relay_deduplicated_total');
      count('duplicate');
      return { status: 200, body: { result: 'duplicate', dedupeKey: key } };
    }
    const built = buildDispatch(webhook, selection, options['event-type']);
    if (built.trimmed) {
      metrics.inc('drloop_relay_trimmed_total');
      logger.warning(`${describe}: payload shortened to ${built.bytes} bytes (${built.body.client_payload.droppedAlerts} alert(s) left out) to fit GitHub's limit`);
    }
    const delivery = deliver(key, built.json, describe).finally(() => inFlight.delete(key));
    inFlight.set(key, delivery);
    return delivery;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/alertmanager') {
      if (req.method !== 'POST') return send(res, { status: 405, body: { error: 'use POST' }, headers: { allow: 'POST' } });
      const started = now();
      const answer = await handleNotification(req);
      metrics.observe('drloop_relay_request_duration_seconds', (now() - started) / 1000);
      return send(res, answer);
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      return send(res, shuttingDown ? { status: 503, body: { status: 'shutting down' } } : { status: 200, body: { status: 'ok' } });
    }
    if (path === '/metrics' && req.method === 'GET') {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text), ...(shuttingDown ? { connection: 'close' } : {}) });
      res.end(text);
      return;
    }
    send(res, { status: 404, body: { error: 'not found: POST /alertmanager, GET /healthz, GET /metrics' } });
  }

  // Run the request path's validation and payload code before the first real
  // notification, so that one does not pay for compiling it.
  const sample = {
    version: '4',
    groupKey: 'warm-up',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'r',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: '',
    alerts: [{ status: 'firing', labels: { alertname: 'warm-up' }, annotations: {}, startsAt: '2026-01-01T00:00:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: '0' }],
  };
  for (let i = 0; i < 200; i++) {
    const w = webhookSchema.parse(JSON.parse(JSON.stringify(sample)));
    buildDispatch(w, selectAlerts(w, matches), options['event-type']);
  }
  await dispatcher.warmUp?.();

  let idle: (() => void) | undefined;
  const limits = { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, maxConnections: MAX_CONNECTIONS, ...deps.limits };
  const server: Server = createServer(
    {
      keepAliveTimeout: KEEP_ALIVE_MS,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often the timeouts above are checked; a quarter of the shorter one, at most Node's default 30 s.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    },
    (req, res) => {
      active += 1;
      route(req, res)
        .catch((err: unknown) => {
          logger.error(`internal error answering ${req.method} ${quote(req.url ?? '')}: ${describeError(err)}`);
          if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
          else res.destroy();
        })
        .finally(() => {
          active -= 1;
          if (active === 0) idle?.();
        });
    },
  );
  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${options.listen.host}:${options.listen.port}`;
      if (err.code === 'EADDRINUSE') reject(new ConfigurationError(`--listen ${where}: the address is already in use`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new ConfigurationError(`--listen ${where}: no such local address`));
      else if (err.code === 'EACCES') reject(new ConfigurationError(`--listen ${where}: permission denied (ports below 1024 need privileges)`));
      else reject(err);
    });
    server.listen(options.listen.port, options.listen.host, () => resolve());
  });
  server.on('error', (err) => logger.error(`relay server error: ${describeError(err)}`));
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  let closing: Promise<void> | undefined;
  return {
    host: addr.address,
    port: addr.port,
    url: `http://${host}:${addr.port}`,
    metrics,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (active > 0) await new Promise<void>((resolve) => (idle = resolve));
        // Every answer given during shutdown says `Connection: close`; whatever is left is idle.
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        await closed;
        clearTimeout(force);
        dispatcher.close();
      })();
      return closing;
    },
  };
}
