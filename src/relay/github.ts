import { sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GitHubCredentials } from './config.js';
import { KeepAliveClient, type HttpAnswer, type HttpSend } from './http.js';
import type { RelayMetrics } from './metrics.js';

/** What became of one dispatch, after every retry the deadline allowed. */
export interface DispatchOutcome {
  ok: boolean;
  /** GitHub's last HTTP status; null after a network error or a timeout. */
  status: number | null;
  attempts: number;
  /** Worth trying again later: 5xx, 429, a secondary rate limit, a network error or the deadline. */
  retryable: boolean;
  /** Seconds GitHub asked us to wait (Retry-After), when it said. */
  retryAfter?: number;
  message: string;
}

/** Sends one dispatch body; the server depends on this, tests may replace it. */
export interface Dispatcher {
  dispatch(json: string, deadlineAt: number): Promise<DispatchOutcome>;
  /** Loads what the first dispatch would otherwise load on the request path. */
  warmUp?(): Promise<void>;
  close(): void;
}

export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  /** OWNER/NAME */
  repo: string;
  credentials: GitHubCredentials;
  userAgent?: string;
}

export interface GitHubClientDeps {
  logger: Logger;
  metrics?: RelayMetrics;
  /** The HTTP transport; a keep-alive node:http(s) client unless given. */
  send?: HttpSend;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Installation tokens live an hour; take a new one this long before that. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 4_000;
const FIRST_BACKOFF_MS = 200;

class GitHubRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** The JWT a GitHub App signs (RS256) to ask for an installation token; valid 9 minutes, back-dated 60 s for clock drift. */
export function createAppJwt(appId: string, key: KeyObject, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000) - 60;
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ iat, exp: iat + 60 + 9 * 60, iss: appId }));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${base64url(signature)}`;
}

/** Retry-After in seconds, from delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const t = value.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** GitHub's `message` from an error body, else the start of the body. */
function errorMessage(status: number, text: string): string {
  let detail = text.slice(0, 300).trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') detail = parsed.message.slice(0, 300);
  } catch {
    // Not JSON (a proxy's HTML page): keep the raw start.
  }
  return `GitHub answered HTTP ${status}${detail ? `: ${detail.replace(/\s+/g, ' ')}` : ''}`;
}

const tokenResponse = z.looseObject({ token: z.string().min(1), expires_at: z.string().optional() });

/**
 * Posts repository dispatches with a token or a GitHub App installation token.
 * Failures GitHub invites us to retry (5xx, 429, secondary rate limits,
 * network errors) are retried with exponential backoff, honouring
 * Retry-After, until the caller's deadline; anything else is reported at once.
 */
export class GitHubDispatcher implements Dispatcher {
  private readonly send: HttpSend;
  private readonly client: KeepAliveClient | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly url: string;
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: GitHubClientOptions,
    private readonly deps: GitHubClientDeps,
  ) {
    this.client = deps.send ? undefined : new KeepAliveClient();
    this.send = deps.send ?? this.client!.send;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = deps.random ?? Math.random;
    this.url = `${options.apiUrl}/repos/${options.repo}/dispatches`;
  }

  private headers(auth: string): Record<string, string> {
    return {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${auth}`,
      'content-type': 'application/json',
      'user-agent': this.options.userAgent ?? 'drloop-relay',
      'x-github-api-version': '2022-11-28',
    };
  }

  /** One HTTP request with the time left; the body is always read so the connection can be reused. */
  private async request(url: string, init: { method: string; headers: Record<string, string>; body?: string }, deadlineAt: number, what: string) {
    const started = this.now();
    const timeout = Math.max(1, deadlineAt - started);
    try {
      const res = await this.send(url, init, timeout);
      this.deps.metrics?.inc('drloop_relay_github_requests_total', { status: String(res.status) });
      this.deps.metrics?.observe('drloop_relay_github_request_duration_seconds', (this.now() - started) / 1000);
      return res;
    } catch (err) {
      this.deps.metrics?.inc('drloop_relay_github_requests_total', { status: 'network' });
      this.deps.metrics?.inc('drloop_relay_github_errors_total', { kind: 'network' });
      const name = (err as Error).name;
      const reason = name === 'TimeoutError' ? `no answer before the deadline` : describeError((err as { cause?: unknown }).cause ?? err);
      throw new GitHubRequestError(`${what}: ${reason}`, null, true);
    }
  }

  /** Sorts a non-2xx answer into retryable or not, counting it. */
  private classify(res: HttpAnswer, what: string): GitHubRequestError {
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'), this.now());
    const s = res.status;
    // A secondary rate limit comes as 403 with Retry-After or an exhausted quota; it passes.
    const limited = s === 429 || (s === 403 && (retryAfter !== undefined || res.headers.get('x-ratelimit-remaining') === '0'));
    const kind = limited ? 'rate_limited' : s >= 500 ? 'server' : s === 401 || s === 403 || s === 404 ? 'auth' : 'client';
    this.deps.metrics?.inc('drloop_relay_github_errors_total', { kind });
    let message = `${what}: ${errorMessage(s, res.text)}`;
    if (s === 404) message += ` (does ${this.options.repo} exist, and may these credentials see it?)`;
    if (s === 401) message += ' (are the credentials valid?)';
    if (s === 403 && !limited) message += ' (do the credentials allow repository dispatches: contents write?)';
    return new GitHubRequestError(message, s, limited || s >= 500, retryAfter);
  }

  private async installationToken(deadlineAt: number): Promise<string> {
    const creds = this.options.credentials;
    if (creds.kind === 'token') return creds.token;
    if (this.cached && this.cached.expiresAt - this.now() > TOKEN_REFRESH_MARGIN_MS) return this.cached.token;
    // Concurrent notifications share one refresh.
    this.pending ??= this.refreshToken(deadlineAt).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async refreshToken(deadlineAt: number): Promise<string> {
    const creds = this.options.credentials;
    if (creds.kind !== 'app') throw new Error('refreshToken without App credentials');
    const jwt = createAppJwt(creds.appId, creds.privateKey, this.now());
    const what = `installation token for App ${creds.appId}`;
    const res = await this.request(`${this.options.apiUrl}/app/installations/${creds.installationId}/access_tokens`, { method: 'POST', headers: this.headers(jwt) }, deadlineAt, what);
    if (res.status !== 201 && res.status !== 200) throw this.classify(res, what);
    let parsed;
    try {
      parsed = tokenResponse.parse(JSON.parse(res.text));
    } catch {
      throw new GitHubRequestError(`${what}: GitHub's answer has no token`, res.status, true);
    }
    const expires = parsed.expires_at ? Date.parse(parsed.expires_at) : NaN;
    // GitHub's tokens last an hour; without a readable expiry assume a little less.
    const expiresAt = Number.isNaN(expires) ? this.now() + 55 * 60_000 : expires;
    this.cached = { token: parsed.token, expiresAt };
    this.deps.logger.info(`GitHub App ${creds.appId}: new installation token, valid until ${new Date(expiresAt).toISOString()}`);
    this.scheduleRefresh(expiresAt);
    return parsed.token;
  }

  /** Refreshes ahead of expiry in the background, so no notification waits for a token. */
  private scheduleRefresh(expiresAt: number): void {
    clearTimeout(this.refreshTimer);
    const due = Math.max(1_000, expiresAt - TOKEN_REFRESH_MARGIN_MS - 60_000 - this.now());
    this.refreshTimer = setTimeout(() => {
      this.pending ??= this.refreshToken(this.now() + 30_000).finally(() => (this.pending = undefined));
      this.pending.catch((err: unknown) => this.deps.logger.warning(`background token refresh failed (${describeError(err)}); the next notification tries again`));
    }, due);
    this.refreshTimer.unref();
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  async dispatch(json: string, deadlineAt: number): Promise<DispatchOutcome> {
    let attempts = 0;
    let reauthenticated = false;
    for (;;) {
      if (this.now() >= deadlineAt) {
        return { ok: false, status: null, attempts, retryable: true, message: 'deadline reached before GitHub could be asked' };
      }
      attempts += 1;
      let failure: GitHubRequestError;
      try {
        const token = await this.installationToken(deadlineAt);
        const res = await this.request(this.url, { method: 'POST', headers: this.headers(token), body: json }, deadlineAt, 'dispatch');
        if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, attempts, retryable: false, message: `GitHub accepted the dispatch (HTTP ${res.status})` };
        failure = this.classify(res, 'dispatch');
        // An installation token can be revoked before it expires: take a new one, once.
        if (res.status === 401 && this.options.credentials.kind === 'app' && !reauthenticated) {
          reauthenticated = true;
          this.cached = undefined;
          continue;
        }
      } catch (err) {
        if (!(err instanceof GitHubRequestError)) throw err;
        failure = err;
      }
      const outcome: DispatchOutcome = { ok: false, status: failure.status, attempts, retryable: failure.retryable, message: failure.message };
      if (failure.retryAfter !== undefined) outcome.retryAfter = failure.retryAfter;
      if (!failure.retryable) return outcome;
      const wait = failure.retryAfter !== undefined ? failure.retryAfter * 1000 : this.backoff(attempts);
      if (this.now() + wait >= deadlineAt) {
        outcome.message += ` (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''}: the next one would pass the deadline)`;
        return outcome;
      }
      this.deps.logger.debug(`${failure.message}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }

  close(): void {
    clearTimeout(this.refreshTimer);
    this.client?.close();
  }
}
