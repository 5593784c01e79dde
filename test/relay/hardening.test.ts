/**
 * The relay under attack and under faults: re-fired alerts, a GitHub that
 * answers `Retry-After: 0`, clients that hold connections, and control
 * characters in alert data. GitHub is a fake on loopback behind the real
 * Octokit client.
 */
import { generateKeyPairSync } from 'node:crypto';
import { connect } from 'node:net';
import { MemoryLogger } from '../../src/logger.js';
import { parseRelayInputs, type GitHubCredentials } from '../../src/relay/config.js';
import { GitHubDispatcher, MAX_RETRIES } from '../../src/relay/github.js';
import { RelayMetrics } from '../../src/relay/metrics.js';
import { MIN_RATE_LIMIT_WAIT_MS, retryDelayMs, SECONDARY_LIMIT_WAIT_MS } from '../../src/relay/retry.js';
import { escapeForLog, startRelay, type RelayServerDeps } from '../../src/relay/server.js';
import { dispatchBody, RELAY_TOKEN, startFakeGitHub, waitFor, webhookBody } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(flags: Record<string, string> = {}, limits?: RelayServerDeps['limits'], credentials?: GitHubCredentials) {
  const gh = await startFakeGitHub();
  cleanups.push(() => gh.close());
  const inputs = parseRelayInputs({ listen: '127.0.0.1:0', repo: 'acme/dr', 'github-api-url': gh.url, deadline: '3s', ...flags });
  const logger = new MemoryLogger();
  const metrics = new RelayMetrics();
  const dispatcher = new GitHubDispatcher(
    { apiUrl: inputs['github-api-url'], repo: inputs.repo, credentials: credentials ?? { kind: 'token', token: 'ghp_fakeTokenForTests000000000000000000' } },
    { logger, metrics },
  );
  const relay = await startRelay(inputs, { relayToken: RELAY_TOKEN, dispatcher, logger, metrics, ...(limits ? { limits } : {}) });
  cleanups.push(() => relay.close());
  return { gh, relay, logger, metrics };
}

async function post(url: string, body: unknown) {
  const res = await fetch(`${url}/alertmanager`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RELAY_TOKEN}` }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ALERT = (webhookBody().alerts as Record<string, unknown>[])[0]!;
const firing = (startsAt: string, extra: Record<string, unknown>[] = []) => webhookBody({ status: 'firing' }, [{ ...ALERT, startsAt }, ...extra]);
const resolved = (startsAt: string) => webhookBody({ status: 'resolved' }, [{ ...ALERT, startsAt, status: 'resolved', endsAt: '2026-11-23T10:20:00Z' }]);

/** Sends raw bytes on a new connection; resolves with what came back once the server closed it. */
function raw(url: string, bytes: string): Promise<{ answer: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8').on('data', (c: string) => (answer += c));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    socket.on('close', () => resolve({ answer, closed: true }));
  });
}

describe('relay: a re-fired alert is a new incident', () => {
  test('fire, resolve and fire again within the dedupe window: the second outage is dispatched, its repeats are not', async () => {
    const { gh, relay } = await setup();
    expect((await post(relay.url, firing('2026-11-23T10:00:00Z'))).body.result).toBe('dispatched');
    expect((await post(relay.url, resolved('2026-11-23T10:00:00Z'))).body.result).toBe('dispatched');
    const again = await post(relay.url, firing('2026-11-23T10:30:00Z'));
    expect(again.body.result).toBe('dispatched');
    expect((await post(relay.url, firing('2026-11-23T10:30:00Z'))).body.result).toBe('duplicate');
    expect(gh.dispatches).toHaveLength(3);

    const keys = gh.dispatches.map((d) => String(dispatchBody(d).client_payload.dedupeKey));
    const incidents = keys.map((k) => k.slice(0, 24));
    expect(keys.every((k) => /^[0-9a-f]{48}$/.test(k))).toBe(true);
    // The first outage's firing and resolved notifications share an incident; the re-fire has its own.
    expect(incidents[1]).toBe(incidents[0]);
    expect(incidents[2]).not.toBe(incidents[0]);
    // Still ten top-level keys: the incident travels inside dedupeKey.
    expect(Object.keys(dispatchBody(gh.dispatches[2]!).client_payload)).toHaveLength(10);
  });

  test('an alert joining a firing group keeps the incident (the dispatch is an update of it)', async () => {
    const { gh, relay } = await setup();
    await post(relay.url, firing('2026-11-23T10:00:00Z'));
    const joined = { ...ALERT, fingerprint: 'ffff000011112222', labels: { ...(ALERT.labels as object), instance: 'jenkins-2' }, startsAt: '2026-11-23T10:05:00Z' };
    expect((await post(relay.url, firing('2026-11-23T10:00:00Z', [joined]))).body.result).toBe('dispatched');
    const [a, b] = gh.dispatches.map((d) => String(dispatchBody(d).client_payload.dedupeKey));
    expect(b!.slice(0, 24)).toBe(a!.slice(0, 24));
    expect(b).not.toBe(a);
  });
});

describe('relay: GitHub answering Retry-After: 0 (fake GitHub API)', () => {
  test('429 Retry-After: 0 forever: a bounded number of requests with backoff, then 503', async () => {
    const { gh, relay } = await setup({ deadline: '10s' });
    gh.fallback = { status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too Many Requests' } };
    const res = await post(relay.url, webhookBody());
    expect(res.status).toBe(503);
    expect(gh.dispatches.length).toBeGreaterThanOrEqual(2);
    expect(gh.dispatches.length).toBeLessThanOrEqual(1 + MAX_RETRIES);
  });

  test('403 secondary rate limit with Retry-After: 0: not retried at once, 503 with a Retry-After of at least 1 s', async () => {
    const { gh, relay } = await setup({ deadline: '3s' });
    gh.fallback = { status: 403, headers: { 'retry-after': '0' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } };
    const res = await fetch(`${relay.url}/alertmanager`, { method: 'POST', headers: { authorization: `Bearer ${RELAY_TOKEN}` }, body: JSON.stringify(webhookBody()) });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // No time named: GitHub's rule is to wait a minute, past this deadline, so the relay asks once.
    expect(gh.dispatches).toHaveLength(1);
  });

  test('429 secondary rate limit with Retry-After: 1: retried after the wait, within the deadline, bounded', async () => {
    const { gh, relay } = await setup({ deadline: '3.5' });
    gh.fallback = { status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.' } };
    const started = Date.now();
    const res = await post(relay.url, webhookBody());
    expect(res.status).toBe(503);
    expect(gh.dispatches.length).toBeGreaterThanOrEqual(2);
    expect(gh.dispatches.length).toBeLessThanOrEqual(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000 * (gh.dispatches.length - 1));
    gh.fallback = { status: 204 };
    expect((await post(relay.url, webhookBody())).body.result).toBe('dispatched');
  });
});

test('a GitHub App whose token endpoint never answers: the notification is still answered 503 by the deadline', async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { gh, relay } = await setup({ deadline: '1s' }, undefined, { kind: 'app', appId: '4242', installationId: '77', privateKey, privateKeyFile: 'app.pem' });
  gh.tokenQueue.push('hang');
  const res = await post(relay.url, webhookBody());
  expect(res.status).toBe(503);
  expect(String(res.body.error)).toMatch(/no answer before the deadline/);
  expect(gh.dispatches).toHaveLength(0);
});

describe("relay: GitHub's retry rules", () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const failure = (status: number | undefined, headers: Record<string, string> = {}, message = 'HttpError') => ({ status, message, ...(status === undefined ? {} : { response: { headers } }) });

  test('Retry-After is waited; 0 or a past date is raised to the floor', () => {
    expect(retryDelayMs(failure(429, { 'retry-after': '7' }), 1, now)).toBe(7000);
    expect(retryDelayMs(failure(429, { 'retry-after': '0' }), 1, now)).toBe(MIN_RATE_LIMIT_WAIT_MS);
    expect(retryDelayMs(failure(403, { 'retry-after': new Date(now - 5000).toUTCString() }), 1, now)).toBe(MIN_RATE_LIMIT_WAIT_MS);
  });

  test('a primary limit waits for x-ratelimit-reset; a secondary one naming no time waits a minute', () => {
    const reset = String(Math.floor(now / 1000) + 30);
    expect(retryDelayMs(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), 1, now)).toBe(31_000);
    expect(retryDelayMs(failure(403, {}, 'You have exceeded a secondary rate limit'), 1, now)).toBe(SECONDARY_LIMIT_WAIT_MS);
  });

  test('5xx and network errors back off n² × 250 ms; other 4xx are not retried', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(failure(502), n, now))).toEqual([250, 1000, 2250, 4000]);
    expect(retryDelayMs(failure(undefined), 2, now)).toBe(1000);
    expect(retryDelayMs(failure(503, { 'retry-after': '3' }), 1, now)).toBe(3000);
    for (const s of [400, 401, 403, 404, 422]) expect(retryDelayMs(failure(s), 1, now)).toBeNull();
  });
});

describe('relay: connections from clients', () => {
  test('a request without the token is answered 401 at once and its connection closed, the body never read', async () => {
    const { relay, gh } = await setup();
    // Declares 50 MB and sends 10 bytes: a server draining the body would wait for the rest.
    const r = await raw(
      relay.url,
      `POST /alertmanager HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong-token-000000\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"version"`,
    );
    expect(r.answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(r.answer.toLowerCase()).toContain('connection: close');
    expect(r.closed).toBe(true);
    expect(gh.dispatches).toHaveLength(0);
  });

  test('an authenticated request whose body stalls is timed out (408) and closed', async () => {
    const { relay } = await setup({}, { requestTimeoutMs: 800, headersTimeoutMs: 800 });
    const r = await raw(relay.url, `POST /alertmanager HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${RELAY_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"version"`);
    expect(r.closed).toBe(true);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  test('headers that never finish are timed out and closed', async () => {
    const { relay } = await setup({}, { requestTimeoutMs: 800, headersTimeoutMs: 800 });
    const r = await raw(relay.url, `POST /alertmanager HTTP/1.1\r\nHost: x\r\nAuthor`);
    expect(r.closed).toBe(true);
  });

  test('connections past the cap are refused; the ones held keep working', async () => {
    const { relay } = await setup({}, { maxConnections: 3 });
    const { hostname, port } = new URL(relay.url);
    const held = await Promise.all(
      Array.from(
        { length: 3 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const s = connect(Number(port), hostname, () => resolve(s));
          }),
      ),
    );
    cleanups.push(async () => held.forEach((s) => s.destroy()));
    // Let the server accept the three before the fourth arrives.
    await new Promise((r) => setTimeout(r, 100));
    const extra = await raw(relay.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(extra.answer).toBe('');
    const answer = new Promise<string>((resolve) => held[0]!.setEncoding('utf8').once('data', (c: string) => resolve(c)));
    held[0]!.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('relay: control characters in alert data are escaped in the log', () => {
  const hostile = 'grp\u202eevil\u001b[31mred\u0007\u0085\u2028end';

  test('escapeForLog writes C0, C1, bidi and separator characters as \\uXXXX', () => {
    expect(escapeForLog(hostile)).toBe('grp\\u202eevil\\u001b[31mred\\u0007\\u0085\\u2028end');
    expect(escapeForLog('plain text, ümlauts and 日本語')).toBe('plain text, ümlauts and 日本語');
  });

  test("a group key and GitHub's error message with control characters reach the log escaped", async () => {
    const { gh, relay, logger } = await setup({ deadline: '1s' });
    gh.fallback = { status: 422, body: { message: `bad \u202einput\u001b[2J` } };
    await post(relay.url, webhookBody({ groupKey: hostile }));
    await waitFor('the failure in the log', () => logger.messages('error').length > 0);
    const text = logger.lines.map((l) => l.message).join('\n');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u001b');
    // eslint-disable-next-line no-control-regex -- none may be left
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/);
  });
});
