/**
 * The bundled CLI (`node cli/dist/index.js relay`) as operators run it: the
 * command-line contract, refusal to start without secrets, the HTTP answers
 * and a graceful SIGTERM, against a fake GitHub API on loopback.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/run-action.js';
import { dispatchBody, metricValue, RELAY_TOKEN, spawnRelay, startFakeGitHub, waitFor, webhookBody, type FakeGitHub, type RelayProcess } from './support.js';

const PAT = 'ghp_fakeTokenForTests000000000000000000';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function relayWith(gh: FakeGitHub, args: string[] = [], env: Record<string, string> = { DRLOOP_RELAY_TOKEN: RELAY_TOKEN, GITHUB_TOKEN: PAT }, cwd?: string): Promise<RelayProcess> {
  const relay = await spawnRelay(['--listen', '127.0.0.1:0', '--repo', 'acme/dr', '--github-api-url', gh.url, ...args], env, cwd);
  cleanups.push(() => relay.stop());
  return relay;
}

async function ghServer(): Promise<FakeGitHub> {
  const gh = await startFakeGitHub();
  cleanups.push(() => gh.close());
  return gh;
}

const post = (url: string, body: string, token: string | null = RELAY_TOKEN) =>
  fetch(`${url}/alertmanager`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

describe('drloop relay (CLI bundle, fake GitHub API)', () => {
  test.each([
    ['without DRLOOP_RELAY_TOKEN', { GITHUB_TOKEN: PAT }, /DRLOOP_RELAY_TOKEN is not set/],
    ['without GitHub credentials', { DRLOOP_RELAY_TOKEN: RELAY_TOKEN }, /no GitHub credentials: set GITHUB_TOKEN/],
    ['with half a GitHub App', { DRLOOP_RELAY_TOKEN: RELAY_TOKEN, DRLOOP_GITHUB_APP_ID: '1' }, /GitHub App credentials are incomplete/],
  ])('refuses to start %s (exit 2, one clear line)', async (_name, env, message) => {
    const cwd = await tempWorkspace();
    const r = await runCli(['relay', '--listen', '127.0.0.1:0', '--repo', 'acme/dr'], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('bad options: exit 2 naming each flag; --help prints the usage', async () => {
    const cwd = await tempWorkspace();
    const r = await runCli(['relay', '--listen', 'nowhere', '--repo', 'x', '--match', 'dr'], { cwd, env: { DRLOOP_RELAY_TOKEN: RELAY_TOKEN, GITHUB_TOKEN: PAT } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--listen: expected HOST:PORT/);
    expect(r.stderr).toMatch(/--repo: expected OWNER\/NAME/);
    expect(r.stderr).toMatch(/--match: expected LABEL=VALUE/);
    const help = await runCli(['relay', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('drloop relay --listen HOST:PORT --repo OWNER/NAME [--event-type dr-alert]');
  });

  test('prints where it listens, dispatches, and answers 401, 400, 413, /healthz and /metrics', async () => {
    const gh = await ghServer();
    const relay = await relayWith(gh, ['--event-type', 'dr-alert-test', '--match', 'dr=true', '--dedupe-window', '10m']);
    expect(relay.stdout()).toMatch(/^drloop relay listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(relay.stderr()).toMatch(/forwarding dr="true"; resolved groups: dispatch; dedupe window 600 s/);

    expect((await post(relay.url, JSON.stringify(webhookBody()), null)).status).toBe(401);
    expect((await post(relay.url, JSON.stringify(webhookBody()), 'wrong-token-0123456789')).status).toBe(401);
    const malformed = await post(relay.url, '{not json');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/malformed JSON/);
    const version = await post(relay.url, JSON.stringify(webhookBody({ version: '3' })));
    expect(version.status).toBe(400);
    expect(((await version.json()) as { error: string }).error).toMatch(/unsupported Alertmanager webhook version "3"/);
    expect((await post(relay.url, 'x'.repeat(1024 * 1024 + 1))).status).toBe(413);

    const ok = await post(relay.url, JSON.stringify(webhookBody()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ result: 'dispatched' });
    expect(dispatchBody(gh.dispatches[0]!).event_type).toBe('dr-alert-test');
    expect(gh.dispatches[0]!.headers.authorization).toBe(`token ${PAT}`);

    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    const m = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metricValue(m, 'drloop_relay_rejected_total{reason="unauthorized"}')).toBe(2);
    expect(metricValue(m, 'drloop_relay_rejected_total{reason="malformed"}')).toBe(1);
    expect(metricValue(m, 'drloop_relay_rejected_total{reason="invalid"}')).toBe(1);
    expect(metricValue(m, 'drloop_relay_rejected_total{reason="too_large"}')).toBe(1);
    expect(metricValue(m, 'drloop_relay_dispatched_total')).toBe(1);
    // The relay's own token never appears in what it prints.
    expect(relay.stderr() + relay.stdout()).not.toContain(RELAY_TOKEN);
    expect(relay.stderr() + relay.stdout()).not.toContain(PAT);
  });

  test('SIGTERM finishes the in-flight notification, then exits 0', async () => {
    const gh = await ghServer();
    gh.queue.push({ status: 204, delayMs: 1_000 });
    const relay = await relayWith(gh);
    const inFlight = post(relay.url, JSON.stringify(webhookBody()));
    await waitFor('the dispatch to reach GitHub', () => gh.dispatches.length === 1);
    relay.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'dispatched' });
    const exit = await relay.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(relay.stderr()).toMatch(/SIGTERM received, finishing the notifications in flight/);
    expect(relay.stderr()).toMatch(/relay: stopped/);
  });

  test('a GitHub App from the environment: installation token taken with the key file and used for the dispatch', async () => {
    const gh = await ghServer();
    const cwd = await tempWorkspace();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(join(cwd, 'app.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const relay = await relayWith(
      gh,
      [],
      { DRLOOP_RELAY_TOKEN: RELAY_TOKEN, DRLOOP_GITHUB_APP_ID: '4242', DRLOOP_GITHUB_APP_INSTALLATION_ID: '77', DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE: 'app.pem' },
      cwd,
    );
    expect((await post(relay.url, JSON.stringify(webhookBody()))).status).toBe(200);
    expect(gh.tokenRequests).toHaveLength(1);
    expect(gh.dispatches[0]!.headers.authorization).toBe(`token ${gh.issuedTokens[0]}`);
    expect(relay.stderr()).toMatch(/GitHub App 4242 \(installation 77\)/);
  });
});
