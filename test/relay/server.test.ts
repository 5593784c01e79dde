import { generateKeyPairSync, verify } from 'node:crypto';
import { request } from 'node:http';
import { alertFromJson, dispatchPayloadSchema } from '../../src/alerts/alertmanager.js';
import { MemoryLogger } from '../../src/logger.js';
import { parseRelayInputs, type GitHubCredentials } from '../../src/relay/config.js';
import { GitHubDispatcher } from '../../src/relay/github.js';
import { parseRetryAfter } from '../../src/relay/retry.js';
import { RelayMetrics } from '../../src/relay/metrics.js';
import { MAX_BODY_BYTES, startRelay, UPSTREAM_REFUSED_STATUS, type RelayServer } from '../../src/relay/server.js';
import { dispatchBody, metricValue, RELAY_TOKEN, startFakeGitHub, waitFor, webhookBody } from './support.js';

const PAT = 'ghp_fakeTokenForTests000000000000000000';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(flags: Record<string, string> = {}, credentials?: GitHubCredentials) {
  const gh = await startFakeGitHub();
  cleanups.push(() => gh.close());
  const inputs = parseRelayInputs({ listen: '127.0.0.1:0', repo: 'acme/dr', 'github-api-url': gh.url, deadline: '2s', ...flags });
  const logger = new MemoryLogger();
  const metrics = new RelayMetrics();
  const dispatcher = new GitHubDispatcher({ apiUrl: inputs['github-api-url'], repo: inputs.repo, credentials: credentials ?? { kind: 'token', token: PAT } }, { logger, metrics });
  const relay = await startRelay(inputs, { relayToken: RELAY_TOKEN, dispatcher, logger, metrics });
  cleanups.push(() => relay.close());
  return { gh, relay, logger, metrics };
}

async function post(relay: RelayServer, body: unknown, token: string | null = RELAY_TOKEN, raw?: string) {
  const res = await fetch(`${relay.url}/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe('relay server → GitHub (fake GitHub API)', () => {
  test('a firing notification becomes one dispatch with the token, API version and documented payload', async () => {
    const { gh, relay } = await setup();
    const res = await post(relay, webhookBody());
    expect(res).toMatchObject({ status: 200, body: { result: 'dispatched' } });
    expect(gh.dispatches).toHaveLength(1);
    const d = gh.dispatches[0]!;
    expect(d.path).toBe('/repos/acme/dr/dispatches');
    // Octokit's token scheme; GitHub accepts `token` and `Bearer` alike.
    expect(d.headers.authorization).toBe(`token ${PAT}`);
    expect(d.headers['x-github-api-version']).toBe('2022-11-28');
    expect(d.headers.accept).toBe('application/vnd.github+json');
    const body = dispatchBody(d);
    expect(body.event_type).toBe('dr-alert');
    expect(dispatchPayloadSchema.safeParse(body.client_payload).success).toBe(true);
    expect(alertFromJson(body, 'dispatch').name).toBe('JenkinsCriticalDown');
  });

  test('a repeat of the same group, status and alerts is acknowledged but not dispatched again; a new status is', async () => {
    const { gh, relay, metrics } = await setup();
    expect((await post(relay, webhookBody())).body.result).toBe('dispatched');
    expect((await post(relay, webhookBody())).body).toMatchObject({ result: 'duplicate' });
    expect(gh.dispatches).toHaveLength(1);
    const resolved = webhookBody({ status: 'resolved' }, [{ ...(webhookBody().alerts as Record<string, unknown>[])[0], status: 'resolved', endsAt: '2026-11-23T11:00:00Z' }]);
    expect((await post(relay, resolved)).body.result).toBe('dispatched');
    expect(gh.dispatches).toHaveLength(2);
    expect(dispatchBody(gh.dispatches[1]!).client_payload.status).toBe('resolved');
    expect(await metrics.get('drloop_relay_deduplicated_total')).toBe(1);
  });

  test('concurrent copies of one notification share a single dispatch', async () => {
    const { gh, relay } = await setup();
    gh.queue.push({ status: 204, delayMs: 300 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(relay, webhookBody())));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.result === 'dispatched')).toHaveLength(1);
    expect(gh.dispatches).toHaveLength(1);
  });

  test('alerts the matcher does not select are acknowledged as filtered; resolved groups can be dropped', async () => {
    const { gh, relay, metrics } = await setup({ match: 'dr=yes', resolved: 'drop' });
    expect((await post(relay, webhookBody())).body).toMatchObject({ result: 'filtered' });
    const { gh: gh2, relay: relay2 } = await setup({ match: 'dr=true', resolved: 'drop' });
    const alertsResolved = [{ ...(webhookBody().alerts as Record<string, unknown>[])[0], status: 'resolved' }];
    expect((await post(relay2, webhookBody({ status: 'resolved' }, alertsResolved))).body).toMatchObject({ result: 'dropped-resolved' });
    expect(gh.dispatches).toHaveLength(0);
    expect(gh2.dispatches).toHaveLength(0);
    expect(await metrics.get('drloop_relay_filtered_total')).toBe(1);
  });

  test('429 with Retry-After is retried after the wait, within the deadline', async () => {
    const { gh, relay } = await setup({ deadline: '5s' });
    gh.queue.push({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'rate limited' } });
    const res = await post(relay, webhookBody());
    expect(res.body.result).toBe('dispatched');
    expect(gh.dispatches).toHaveLength(2);
  });

  test('GitHub 500 until the deadline → 503 for Alertmanager, not remembered, so the next attempt dispatches', async () => {
    const { gh, relay, metrics } = await setup({ deadline: '1s' });
    gh.fallback = { status: 500, body: { message: 'boom' } };
    const first = await post(relay, webhookBody());
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ result: 'unavailable' });
    expect(String(first.body.error)).toMatch(/HTTP 500: boom/);
    expect(gh.dispatches.length).toBeGreaterThanOrEqual(2);
    expect(await metrics.get('drloop_relay_github_errors_total', { kind: 'server' })).toBeGreaterThanOrEqual(2);
    gh.fallback = { status: 204 };
    expect((await post(relay, webhookBody())).body.result).toBe('dispatched');
  });

  test('a GitHub that never answers → 503 at the deadline', async () => {
    const { gh, relay } = await setup({ deadline: '1s' });
    gh.fallback = 'hang';
    const res = await post(relay, webhookBody());
    expect(res.status).toBe(503);
    expect(String(res.body.error)).toMatch(/no answer before the deadline/);
  });

  test('a network error (nothing listening) is retried and surfaces as 503', async () => {
    const { gh, relay } = await setup({ deadline: '1s' });
    await gh.close();
    const res = await post(relay, webhookBody());
    expect(res.status).toBe(503);
  });

  test.each([
    [422, 'Unexpected inputs'],
    [404, 'Not Found'],
    [401, 'Bad credentials'],
  ])('GitHub %s is not retried: the relay answers 424 and logs the misconfiguration', async (status, message) => {
    const { gh, relay, logger } = await setup();
    gh.fallback = { status, body: { message } };
    const res = await post(relay, webhookBody());
    expect(res.status).toBe(UPSTREAM_REFUSED_STATUS);
    expect(res.body).toMatchObject({ result: 'refused-by-github', githubStatus: status });
    expect(gh.dispatches).toHaveLength(1);
    expect(logger.messages('error').join('\n')).toContain(message);
  });

  test('Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('relay server: bad requests (fake GitHub API)', () => {
  test('401 without the bearer token or with a wrong one', async () => {
    const { gh, relay, metrics } = await setup();
    const none = await post(relay, webhookBody(), null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await post(relay, webhookBody(), `${RELAY_TOKEN}x`)).status).toBe(401);
    expect((await post(relay, webhookBody(), '')).status).toBe(401);
    expect(gh.dispatches).toHaveLength(0);
    expect(await metrics.get('drloop_relay_rejected_total', { reason: 'unauthorized' })).toBe(3);
  });

  test.each([
    ['malformed JSON', undefined, '{"version": "4",', /malformed JSON/],
    ['an unknown payload version', webhookBody({ version: '5' }), undefined, /unsupported Alertmanager webhook version "5"/],
    [
      'a missing groupKey',
      (() => {
        const b = webhookBody();
        delete b.groupKey;
        return b;
      })(),
      undefined,
      /key 'groupKey'/,
    ],
    ['an alert without a fingerprint', webhookBody({}, [{ status: 'firing', labels: {}, startsAt: '2026-01-01T00:00:00Z' }]), undefined, /key 'alerts\[0\]\.fingerprint'/],
    ['a JSON array', [], undefined, /not an Alertmanager webhook body/],
  ])('400 on %s, with the reason', async (_name, body, raw, reason) => {
    const { gh, relay } = await setup();
    const res = await post(relay, body, RELAY_TOKEN, raw);
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toMatch(reason);
    expect(gh.dispatches).toHaveLength(0);
  });

  test('413 over 1 MiB; wrong method and path', async () => {
    const { relay } = await setup();
    const big = JSON.stringify(webhookBody({ padding: 'p'.repeat(MAX_BODY_BYTES) }));
    const res = await post(relay, undefined, RELAY_TOKEN, big);
    expect(res.status).toBe(413);
    expect((await fetch(`${relay.url}/alertmanager`)).status).toBe(405);
    expect((await fetch(`${relay.url}/nope`)).status).toBe(404);
  });

  test('/healthz and /metrics', async () => {
    const { relay } = await setup();
    await post(relay, webhookBody());
    await post(relay, webhookBody());
    await post(relay, webhookBody(), null);
    expect(await (await fetch(`${relay.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const res = await fetch(`${relay.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(metricValue(text, 'drloop_relay_notifications_received_total')).toBe(3);
    expect(metricValue(text, 'drloop_relay_dispatched_total')).toBe(1);
    expect(metricValue(text, 'drloop_relay_deduplicated_total')).toBe(1);
    expect(metricValue(text, 'drloop_relay_rejected_total{reason="unauthorized"}')).toBe(1);
    expect(metricValue(text, 'drloop_relay_github_requests_total{status="204"}')).toBe(1);
    expect(metricValue(text, 'drloop_relay_request_duration_seconds_count')).toBe(3);
  });
});

describe('relay server: graceful shutdown (fake GitHub API)', () => {
  test('close() lets an in-flight notification finish and then refuses new connections', async () => {
    const { gh, relay } = await setup({ deadline: '5s' });
    gh.queue.push({ status: 204, delayMs: 800 });
    const inFlight = post(relay, webhookBody());
    await waitFor('the dispatch to reach GitHub', () => gh.dispatches.length === 1);
    const closed = relay.close();
    const res = await inFlight;
    expect(res.body.result).toBe('dispatched');
    expect(res.headers.get('connection')).toBe('close');
    await closed;
    await expect(fetch(`${relay.url}/healthz`)).rejects.toThrow();
  });
});

describe('GitHub App credentials (fake GitHub API)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const app: GitHubCredentials = { kind: 'app', appId: '4242', installationId: '77', privateKey, privateKeyFile: 'app.pem' };

  function verifyJwt(authorization: string | undefined) {
    const jwt = /^bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const [head, body, sig] = jwt.split('.');
    const ok = verify('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(sig ?? '', 'base64url'));
    return { ok, header: JSON.parse(Buffer.from(head!, 'base64url').toString()), claims: JSON.parse(Buffer.from(body!, 'base64url').toString()) };
  }

  test('an installation token is obtained with an RS256 JWT, reused while valid, and used for the dispatch', async () => {
    const { gh, relay } = await setup({}, app);
    await post(relay, webhookBody());
    await post(relay, webhookBody({ groupKey: 'other' }));
    expect(gh.tokenRequests).toHaveLength(1);
    expect(gh.tokenRequests[0]!.path).toBe('/app/installations/77/access_tokens');
    const jwt = verifyJwt(gh.tokenRequests[0]!.headers.authorization);
    expect(jwt.ok).toBe(true);
    expect(jwt.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(jwt.claims.iss).toBe('4242');
    expect(jwt.claims.exp - jwt.claims.iat).toBeLessThanOrEqual(600);
    expect(gh.dispatches.map((d) => d.headers.authorization)).toEqual([`token ${gh.issuedTokens[0]}`, `token ${gh.issuedTokens[0]}`]);
  });

  test('a token close to expiry is refreshed before use; a 401 just after a new token is retried with it (replication delay)', async () => {
    const { gh, relay } = await setup({}, app);
    gh.tokenQueue.push({ status: 201, body: { token: 'ghs_expiring', expires_at: new Date(Date.now() + 60_000).toISOString() } });
    await post(relay, webhookBody());
    await post(relay, webhookBody({ groupKey: 'second' }));
    expect(gh.tokenRequests).toHaveLength(2);
    expect(gh.dispatches[1]!.headers.authorization).toBe(`token ${gh.issuedTokens[1]}`);
    gh.queue.push({ status: 401, body: { message: 'Bad credentials' } });
    expect((await post(relay, webhookBody({ groupKey: 'third' }))).body.result).toBe('dispatched');
    expect(gh.dispatches.slice(2).map((d) => d.headers.authorization)).toEqual([`token ${gh.issuedTokens[1]}`, `token ${gh.issuedTokens[1]}`]);
    expect(gh.tokenRequests).toHaveLength(2);
  });

  test('a refused installation token (404) is a misconfiguration, not retried', async () => {
    const { gh, relay } = await setup({}, app);
    gh.tokenQueue.push({ status: 404, body: { message: 'Not Found' } });
    const res = await post(relay, webhookBody());
    expect(res.status).toBe(UPSTREAM_REFUSED_STATUS);
    expect(String(res.body.error)).toMatch(/installation token for App 4242: GitHub answered HTTP 404/);
    expect(gh.dispatches).toHaveLength(0);
  });
});

describe('relay server: keep-alive (fake GitHub API)', () => {
  test('the relay keeps connections open for Alertmanager (no Connection: close outside shutdown)', async () => {
    const { relay } = await setup();
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = request(`${relay.url}/healthz`, { agent: false, headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        resolve(res.headers);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers.connection).toBe('keep-alive');
  });
});
