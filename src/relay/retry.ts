/**
 * GitHub's documented rules for retrying a REST request, as an Octokit
 * plugin (a `request` hook), bounded by each request's deadline:
 *
 * - `Retry-After` present: wait that many seconds.
 * - `x-ratelimit-remaining: 0` (primary rate limit): wait until
 *   `x-ratelimit-reset`.
 * - a secondary rate limit naming no time (403/429 saying "secondary rate
 *   limit"): wait at least a minute.
 * - 5xx, other 429s and network errors: back off n² × BACKOFF_BASE_MS.
 * - never less than a floor (1 s for a rate limit), never more than
 *   MAX_RETRIES retries, and none whose wait ends after the deadline.
 *
 * Why not @octokit/plugin-retry and @octokit/plugin-throttling: both pass
 * every request through Bottleneck queues, each hop a timer; a dispatch
 * crosses four of them, which measured 5–8 ms apiece on the benchmark
 * machine and alone exceeds the relay's latency budget (README, figure 5).
 */
import type { Octokit } from '@octokit/core';

/** Backoff for 5xx, a plain 429 or a network error: 250, 1000, 2250, 4000 ms. */
export const BACKOFF_BASE_MS = 250;
/** The least wait after a rate limit, whatever Retry-After says (0 included). */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;
/** GitHub: after a secondary rate limit without Retry-After, wait at least a minute. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;
/** At most this many retries of one request, whatever the deadline allows. */
export const MAX_RETRIES = 4;

/** Each request's deadline, by the AbortSignal it carries; requests without one are not retried. */
export const deadlines = new WeakMap<AbortSignal, number>();

export interface RequestFailure {
  status?: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined> };
}

/** Retry-After in seconds, from delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const t = value.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

const header = (e: RequestFailure, name: string): string | undefined => {
  const v = e.response?.headers[name];
  return v === undefined ? undefined : String(v);
};

/** A rate limit, primary or secondary, as GitHub signals one. */
export function isRateLimit(e: RequestFailure): boolean {
  const s = e.status;
  if (s !== 403 && s !== 429) return false;
  return s === 429 || header(e, 'retry-after') !== undefined || header(e, 'x-ratelimit-remaining') === '0' || /secondary rate limit/i.test(e.message);
}

/** How long to wait before retry number `retry` (1-based), or null when GitHub's rules say not to retry. */
export function retryDelayMs(e: RequestFailure, retry: number, nowMs: number): number | null {
  const s = e.status;
  const network = !e.response;
  if (isRateLimit(e)) {
    const after = parseRetryAfter(header(e, 'retry-after'), nowMs);
    let wait: number;
    if (after !== undefined && after > 0) wait = after * 1000;
    else if (header(e, 'x-ratelimit-remaining') === '0') wait = Number(header(e, 'x-ratelimit-reset') ?? 0) * 1000 - nowMs + 1000;
    else if (/secondary rate limit/i.test(e.message)) wait = SECONDARY_LIMIT_WAIT_MS;
    else wait = retry ** 2 * BACKOFF_BASE_MS;
    return Math.max(wait, MIN_RATE_LIMIT_WAIT_MS);
  }
  if (network || (s !== undefined && s >= 500)) {
    const after = (parseRetryAfter(header(e, 'retry-after'), nowMs) ?? 0) * 1000;
    return Math.max(retry ** 2 * BACKOFF_BASE_MS, after);
  }
  return null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The Octokit plugin: retries a failed request while the rules and its deadline allow. */
export function retryRules(octokit: Octokit): void {
  octokit.hook.wrap('request', async (request, options) => {
    const signal = (options.request as { signal?: AbortSignal } | undefined)?.signal;
    const deadlineAt = signal ? deadlines.get(signal) : undefined;
    for (let retry = 1; ; retry++) {
      try {
        return await request(options);
      } catch (err) {
        const e = err as RequestFailure;
        const wait = deadlineAt === undefined || retry > MAX_RETRIES ? null : retryDelayMs(e, retry, Date.now());
        if (wait === null || Date.now() + wait >= deadlineAt!) throw err;
        octokit.log.debug(`GitHub: ${e.status ?? 'network error'} (${e.message}); retry ${retry} in ${wait} ms`);
        await sleep(wait);
      }
    }
  });
}
