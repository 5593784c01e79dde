/**
 * The relay's GitHub client: Octokit (@octokit/core) with GitHub App
 * installation tokens from @octokit/auth-app and GitHub's documented retry
 * rules (./retry.ts), each dispatch bounded by its deadline.
 */
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GitHubCredentials } from './config.js';
import { keepAliveFetch, type Fetch } from './http.js';
import type { RelayMetrics } from './metrics.js';
import { deadlines, isRateLimit, MIN_RATE_LIMIT_WAIT_MS, parseRetryAfter, retryRules } from './retry.js';

export { MAX_RETRIES } from './retry.js';

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
  /** The HTTP transport; a keep-alive fetch unless given. */
  fetch?: Fetch;
}

/** Installation tokens live an hour; take a new one this long before that. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** The longest a request without a deadline of its own may take. */
const UNBOUNDED_REQUEST_TIMEOUT_MS = 30_000;
const RelayOctokit = Octokit.plugin(retryRules);
/** Typed as a plain route so that the prepared JSON body can be sent as `data`. */
const DISPATCH_ROUTE: string = 'POST /repos/{owner}/{repo}/dispatches';
type RelayOctokit = InstanceType<typeof RelayOctokit>;

interface ErrorLike {
  name?: string;
  status?: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
  request?: { url?: string };
  cause?: unknown;
}

/** GitHub's `message` from an error body. */
function errorDetail(err: ErrorLike): string {
  const data = err.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') return (data as { message: string }).message.slice(0, 300);
  if (typeof data === 'string') return data.slice(0, 300).trim();
  return '';
}

/**
 * Posts repository dispatches with a token or a GitHub App installation
 * token. Failures GitHub invites us to retry are retried within the caller's
 * deadline; anything else is reported at once.
 */
export class GitHubDispatcher implements Dispatcher {
  private readonly octokit: RelayOctokit;
  private readonly transport: Fetch;
  private readonly closeTransport: () => void;
  private readonly owner: string;
  private readonly name: string;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: GitHubClientOptions,
    private readonly deps: GitHubClientDeps,
  ) {
    const [owner, name] = options.repo.split('/');
    this.owner = owner!;
    this.name = name!;
    const own = deps.fetch ? undefined : keepAliveFetch();
    this.transport = deps.fetch ?? own!.fetch;
    this.closeTransport = () => own?.close();
    const creds = options.credentials;
    const log = { debug: (m: string) => deps.logger.debug(m), info: () => undefined, warn: (m: string) => deps.logger.warning(m), error: (m: string) => deps.logger.error(m) };
    this.octokit = new RelayOctokit({
      baseUrl: options.apiUrl,
      userAgent: options.userAgent ?? 'drloop-relay',
      log,
      request: { fetch: this.meteredFetch },
      ...(creds.kind === 'token'
        ? { auth: creds.token }
        : {
            authStrategy: createAppAuth,
            auth: {
              appId: creds.appId,
              installationId: creds.installationId,
              privateKey: creds.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
              cache: this.tokenCache(),
              log,
            },
          }),
    });
  }

  /** Every HTTP request to GitHub, counted and timed. */
  private readonly meteredFetch: Fetch = async (url, init) => {
    const started = performance.now();
    const m = this.deps.metrics;
    try {
      // Requests made without a signal (auth-app's token requests) still end.
      const res = await this.transport(url, init?.signal ? init : { ...init, signal: AbortSignal.timeout(UNBOUNDED_REQUEST_TIMEOUT_MS) });
      m?.inc('drloop_relay_github_requests_total', { status: String(res.status) });
      m?.observe('drloop_relay_github_request_duration_seconds', (performance.now() - started) / 1000);
      if (res.status >= 400) {
        const s = res.status;
        const limited = s === 429 || (s === 403 && (res.headers.has('retry-after') || res.headers.get('x-ratelimit-remaining') === '0'));
        m?.inc('drloop_relay_github_errors_total', { kind: limited ? 'rate_limited' : s >= 500 ? 'server' : s === 401 || s === 403 || s === 404 ? 'auth' : 'client' });
      }
      return res;
    } catch (err) {
      m?.inc('drloop_relay_github_requests_total', { status: 'network' });
      m?.inc('drloop_relay_github_errors_total', { kind: 'network' });
      throw err;
    }
  };

  /**
   * auth-app's token cache, minus tokens within TOKEN_REFRESH_MARGIN_MS of
   * expiry; each new token schedules its own refresh in the background, so
   * no notification waits for one.
   */
  private tokenCache() {
    const entries = new Map<string, string>();
    const expiresAt = (value: string) => Date.parse(value.split('|')[2] ?? '');
    return {
      get: (key: string) => {
        const v = entries.get(key);
        return v !== undefined && expiresAt(v) - Date.now() > TOKEN_REFRESH_MARGIN_MS ? v : undefined;
      },
      set: (key: string, value: string) => {
        entries.set(key, value);
        const at = expiresAt(value);
        const creds = this.options.credentials;
        if (creds.kind === 'app') this.deps.logger.info(`GitHub App ${creds.appId}: new installation token, valid until ${Number.isNaN(at) ? 'unknown' : new Date(at).toISOString()}`);
        if (!Number.isNaN(at)) this.scheduleRefresh(at);
      },
    };
  }

  private scheduleRefresh(expiresAt: number): void {
    clearTimeout(this.refreshTimer);
    const due = Math.max(1_000, expiresAt - TOKEN_REFRESH_MARGIN_MS - 60_000 - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.newInstallationToken().catch((err: unknown) => this.deps.logger.warning(`background token refresh failed (${describeError(err)}); the next notification tries again`));
    }, due);
    this.refreshTimer.unref();
  }

  private async newInstallationToken(): Promise<void> {
    await this.octokit.auth({ type: 'installation', refresh: true });
  }

  /** Sorts a failed request into an outcome. */
  private outcome(err: ErrorLike, attempts: number): DispatchOutcome {
    const creds = this.options.credentials;
    const tokenRequest = /\/app\/installations\/[^/]+\/access_tokens$/.test(err.request?.url ?? '');
    const what = tokenRequest && creds.kind === 'app' ? `installation token for App ${creds.appId}` : 'dispatch';
    if (!err.response) {
      // fetch's errors may come from another realm (a DOMException): read them by shape.
      const cause = err.cause && typeof err.cause === 'object' && 'message' in err.cause ? (err.cause as { name?: string; message: string }) : err;
      const timeout = cause.name === 'TimeoutError' || cause.name === 'AbortError' || /deadline/.test(cause.message);
      return { ok: false, status: null, attempts, retryable: true, message: `${what}: ${timeout ? 'no answer before the deadline' : cause.message}` };
    }
    const s = err.status ?? 0;
    const headers = err.response.headers;
    const retryAfter = parseRetryAfter(headers['retry-after'] === undefined ? undefined : String(headers['retry-after']), Date.now());
    const limited = isRateLimit(err);
    const detail = errorDetail(err);
    let message = `${what}: GitHub answered HTTP ${s}${detail ? `: ${detail.replace(/\s+/g, ' ')}` : ''}`;
    if (s === 404) message += ` (does ${this.options.repo} exist, and may these credentials see it?)`;
    if (s === 401) message += ' (are the credentials valid?)';
    if (s === 403 && !limited) message += ' (do the credentials allow repository dispatches: contents write?)';
    const out: DispatchOutcome = { ok: false, status: s, attempts, retryable: limited || s >= 500, message };
    // Passed on to Alertmanager, with the same floor: `Retry-After: 0` is no invitation to hammer.
    if (retryAfter !== undefined) out.retryAfter = limited ? Math.max(retryAfter, MIN_RATE_LIMIT_WAIT_MS / 1000) : retryAfter;
    return out;
  }

  async warmUp(): Promise<void> {
    // Compiles Octokit's request path before the first notification needs it.
    this.octokit.request.endpoint(DISPATCH_ROUTE, { owner: this.owner, repo: this.name });
  }

  async dispatch(json: string, deadlineAt: number): Promise<DispatchOutcome> {
    let attempts = 0;
    let reauthenticated = false;
    for (;;) {
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) return { ok: false, status: null, attempts, retryable: true, message: 'dispatch: deadline reached before GitHub could be asked' };
      const signal = AbortSignal.timeout(remaining);
      deadlines.set(signal, deadlineAt);
      const counted: Fetch = (url, init) => {
        // A retry scheduled before the deadline but due after it is not sent.
        if (Date.now() >= deadlineAt) return Promise.reject(Object.assign(new Error('no answer before the deadline'), { name: 'TimeoutError' }));
        if (!/\/access_tokens$/.test(String(url))) attempts += 1;
        return this.meteredFetch(url, init);
      };
      let timer: NodeJS.Timeout | undefined;
      // An installation token taken on the way carries no deadline of its own: the dispatch still answers by it.
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), remaining + 100)));
      try {
        const sent = this.octokit.request(DISPATCH_ROUTE, {
          owner: this.owner,
          repo: this.name,
          headers: { accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28' },
          // The body as the relay built and measured it, sent unchanged.
          data: json,
          request: { signal, fetch: counted },
        });
        const res = await Promise.race([sent, late]);
        if (res === 'late') {
          sent.catch(() => undefined);
          return { ok: false, status: null, attempts, retryable: true, message: 'dispatch: no answer before the deadline' };
        }
        return { ok: true, status: res.status, attempts, retryable: false, message: `GitHub accepted the dispatch (HTTP ${res.status})` };
      } catch (err) {
        const e = err as ErrorLike;
        // An installation token can be revoked before it expires: take a new one, once.
        if (e.status === 401 && this.options.credentials.kind === 'app' && !reauthenticated && !/\/access_tokens$/.test(e.request?.url ?? '')) {
          reauthenticated = true;
          try {
            await this.newInstallationToken();
          } catch (tokenErr) {
            return this.outcome(tokenErr as ErrorLike, attempts);
          }
          continue;
        }
        const outcome = this.outcome(e, attempts);
        if (outcome.retryable && attempts > 1) outcome.message += ` (gave up after ${attempts} attempts within the deadline)`;
        return outcome;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  close(): void {
    clearTimeout(this.refreshTimer);
    this.closeTransport();
  }
}
