/**
 * End to end: Debian's real Alertmanager → the bundled `drloop relay` (CLI) →
 * a fake GitHub API on loopback. Alerts are injected through Alertmanager's
 * v2 API; its webhook notifications reach the relay in about a second.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alertFromJson, dispatchPayloadSchema, loadAlert } from '../../src/alerts/alertmanager.js';
import { tempWorkspace } from '../support/run-action.js';
import {
  dispatchBody,
  hasAlertmanager,
  metricValue,
  RELAY_TOKEN,
  spawnRelay,
  startAlertmanager,
  startFakeGitHub,
  waitFor,
  type Alertmanager,
  type AlertmanagerOptions,
  type FakeGitHub,
  type RelayProcess,
} from './support.js';

const available = hasAlertmanager();
if (!available) {
  // CI installs the package (.ci/run), so there these tests always run.
  console.warn('test/relay/alertmanager.test.ts: skipped, prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)');
}
const describeWithAlertmanager = available ? describe : describe.skip;

interface Rig {
  gh: FakeGitHub;
  relay: RelayProcess;
  am: Alertmanager;
  metrics(): Promise<string>;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function rig(relayArgs: string[] = [], am: Partial<AlertmanagerOptions> = {}, configure?: (gh: FakeGitHub) => void): Promise<Rig> {
  const gh = await startFakeGitHub();
  cleanups.push(() => gh.close());
  configure?.(gh);
  const relay = await spawnRelay(['--listen', '127.0.0.1:0', '--repo', 'acme/dr-runbooks', '--github-api-url', gh.url, '--match', 'dr=true', ...relayArgs], {
    DRLOOP_RELAY_TOKEN: RELAY_TOKEN,
    GITHUB_TOKEN: 'ghp_fakeTokenForTests000000000000000000',
  });
  cleanups.push(() => relay.stop());
  const manager = await startAlertmanager({ webhookUrl: `${relay.url}/alertmanager`, token: RELAY_TOKEN, ...am });
  cleanups.push(() => manager.close());
  return { gh, relay, am: manager, metrics: async () => (await fetch(`${relay.url}/metrics`)).text() };
}

describeWithAlertmanager('real Alertmanager → drloop relay (CLI bundle) → GitHub (fake GitHub API)', () => {
  test('a firing notification becomes exactly one dispatch; Alertmanager repeats are acknowledged, not dispatched', async () => {
    const { gh, relay, am, metrics } = await rig([], { groupInterval: '1s', repeatInterval: '2s' });
    await am.postAlerts([{ labels: { alertname: 'JenkinsCriticalDown', dr: 'true', job: 'jenkins', severity: 'critical' }, annotations: { summary: 'Jenkins is down' } }]);
    // Wait for the first notification and two repeats of it.
    const text = await waitFor('two repeats', async () => {
      const m = await metrics();
      return metricValue(m, 'drloop_relay_deduplicated_total') >= 2 ? m : undefined;
    });
    expect(gh.dispatches).toHaveLength(1);
    expect(metricValue(text, 'drloop_relay_dispatched_total')).toBe(1);
    expect(metricValue(text, 'drloop_relay_notifications_received_total')).toBeGreaterThanOrEqual(3);
    expect(metricValue(text, 'drloop_relay_rejected_total{reason="unauthorized"}')).toBe(0);

    const body = dispatchBody(gh.dispatches[0]!);
    expect(body.event_type).toBe('dr-alert');
    const payload = dispatchPayloadSchema.parse(body.client_payload);
    expect(payload).toMatchObject({ schema: 'drloop.alert/v1', status: 'firing', receiver: 'relay', droppedAlerts: 0, commonLabels: { alertname: 'JenkinsCriticalDown', dr: 'true' } });
    expect(payload.groupKey).toBe('{}:{alertname="JenkinsCriticalDown"}');
    expect(payload.alerts[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.byteLength(gh.dispatches[0]!.body)).toBeLessThan(64 * 1024);

    // The workflow saves the repository_dispatch event and hands it to the actions as input `alert`.
    const ws = await tempWorkspace();
    await writeFile(join(ws, 'event.json'), JSON.stringify({ action: 'dr-alert', client_payload: body.client_payload }));
    const { alert } = await loadAlert('event.json', ws);
    expect(alert).toMatchObject({ source: 'dispatch', status: 'firing', name: 'JenkinsCriticalDown', dedupeKey: payload.dedupeKey });
    expect(relay.stderr()).toMatch(/dispatched group/);
  });

  test('a resolved group is dispatched as resolved by default (the workflow records it and starts nothing)', async () => {
    const { gh, am } = await rig();
    const labels = { alertname: 'ControlPlaneUnhealthy', dr: 'true' };
    await am.postAlerts([{ labels }]);
    await waitFor('the firing dispatch', () => gh.dispatches.length === 1);
    await am.postAlerts([{ labels, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date().toISOString() }]);
    await waitFor('the resolved dispatch', () => gh.dispatches.length === 2);
    const resolved = dispatchBody(gh.dispatches[1]!);
    expect(alertFromJson(resolved, 'dispatch').status).toBe('resolved');
    expect(resolved.client_payload.dedupeKey).not.toBe(dispatchBody(gh.dispatches[0]!).client_payload.dedupeKey);
  });

  test('with --resolved drop a resolved group starts nothing and Alertmanager is answered 200', async () => {
    const { gh, am, metrics } = await rig(['--resolved', 'drop']);
    const labels = { alertname: 'ControlPlaneUnhealthy', dr: 'true' };
    await am.postAlerts([{ labels }]);
    await waitFor('the firing dispatch', () => gh.dispatches.length === 1);
    await am.postAlerts([{ labels, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date().toISOString() }]);
    const m = await waitFor('the resolved notification', async () => {
      const t = await metrics();
      return metricValue(t, 'drloop_relay_notifications_total{outcome="dropped_resolved"}') >= 1 ? t : undefined;
    });
    expect(gh.dispatches).toHaveLength(1);
    expect(metricValue(m, 'drloop_relay_notifications_total{outcome="unavailable"}')).toBe(0);
  });

  test('alerts without the DR label are acknowledged and never dispatched', async () => {
    const { gh, am, metrics } = await rig();
    await am.postAlerts([{ labels: { alertname: 'DiskAlmostFull', severity: 'warning' } }]);
    await waitFor('the filtered notification', async () => metricValue(await metrics(), 'drloop_relay_filtered_total') >= 1);
    expect(gh.dispatches).toHaveLength(0);
  });

  test('GitHub 429 with Retry-After is retried by the relay; one dispatch, Alertmanager answered 200', async () => {
    const { gh, am, metrics } = await rig(['--deadline', '6s'], {}, (g) => g.queue.push({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'API rate limit exceeded' } }));
    await am.postAlerts([{ labels: { alertname: 'JenkinsCriticalDown', dr: 'true' } }]);
    const m = await waitFor('the dispatch', async () => {
      const t = await metrics();
      return metricValue(t, 'drloop_relay_dispatched_total') === 1 ? t : undefined;
    });
    expect(gh.dispatches).toHaveLength(2);
    expect(metricValue(m, 'drloop_relay_github_requests_total{status="429"}')).toBe(1);
    expect(metricValue(m, 'drloop_relay_notifications_total{outcome="unavailable"}')).toBe(0);
  });

  test('GitHub 500 past the deadline → 503 → Alertmanager retries, and once GitHub recovers exactly one dispatch is accepted', async () => {
    const { gh, am, metrics, relay } = await rig(['--deadline', '1s'], { groupInterval: '10s' }, (g) => (g.fallback = { status: 500, body: { message: 'Server Error' } }));
    await am.postAlerts([{ labels: { alertname: 'JenkinsCriticalDown', dr: 'true' } }]);
    await waitFor('Alertmanager to retry after a 503', async () => metricValue(await metrics(), 'drloop_relay_notifications_total{outcome="unavailable"}') >= 2);
    gh.fallback = { status: 204 };
    const m = await waitFor('the dispatch once GitHub answers', async () => {
      const t = await metrics();
      return metricValue(t, 'drloop_relay_dispatched_total') >= 1 ? t : undefined;
    });
    expect(metricValue(m, 'drloop_relay_dispatched_total')).toBe(1);
    expect(metricValue(m, 'drloop_relay_github_requests_total{status="204"}')).toBe(1);
    expect(relay.stderr()).toMatch(/answering 503 so that Alertmanager retries/);
    expect(am.logs()).toMatch(/503/);
  });

  test('an Alertmanager with the wrong bearer token is refused with 401 and nothing is dispatched', async () => {
    const { gh, am, metrics } = await rig([], { token: 'wrong-token-wrong-token' });
    await am.postAlerts([{ labels: { alertname: 'JenkinsCriticalDown', dr: 'true' } }]);
    await waitFor('the refused notification', async () => metricValue(await metrics(), 'drloop_relay_rejected_total{reason="unauthorized"}') >= 1);
    expect(gh.dispatches).toHaveLength(0);
  });

  test('hostile label and annotation values arrive as inert data; nothing executes them', async () => {
    const ws = await tempWorkspace();
    const marker = join(ws, 'pwned');
    const { gh, am } = await rig();
    const hostile = {
      cmd: `$(touch ${marker})`,
      tick: `\`touch ${marker}\``,
      semi: `x; touch ${marker} #`,
      nl: `line1\nline2 ::error::injected`,
      uni: 'Déjà vu 🚨 火事 \u202e',
      expr: '${{ secrets.GITHUB_TOKEN }}',
    };
    await am.postAlerts([{ labels: { alertname: 'Hostile', dr: 'true', ...hostile }, annotations: { ...hostile, huge: 'h'.repeat(100_000) } }]);
    await waitFor('the dispatch', () => gh.dispatches.length === 1);
    const payload = dispatchPayloadSchema.parse(dispatchBody(gh.dispatches[0]!).client_payload);
    const a = payload.alerts[0]!;
    expect(a.labels).toMatchObject(hostile);
    expect(a.annotations).toMatchObject(hostile);
    expect(a.annotations.huge!.length).toBeLessThan(100_000);
    expect(Buffer.byteLength(gh.dispatches[0]!.body)).toBeLessThan(64 * 1024);
    expect(existsSync(marker)).toBe(false);
  });
});
