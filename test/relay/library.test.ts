import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alertFromJson, dispatchPayloadSchema, incidentIdOf, webhookSchema, type AlertmanagerWebhook } from '../../src/alerts/alertmanager.js';
import { incidentRunId } from '../../src/alerts/incident.js';
import { ConfigurationError } from '../../src/errors.js';
import { parseListen, parseRelayInputs, resolveRelaySecrets } from '../../src/relay/config.js';
import { DedupeCache } from '../../src/relay/dedupe.js';
import { compileMatcher, parseMatchers } from '../../src/relay/matcher.js';
import { RelayMetrics } from '../../src/relay/metrics.js';
import { buildDispatch, clip, MAX_DISPATCH_BYTES, selectAlerts } from '../../src/relay/payload.js';
import { tempWorkspace } from '../support/run-action.js';
import { webhookBody } from './support.js';

const parseWebhook = (body: Record<string, unknown>): AlertmanagerWebhook => webhookSchema.parse(body);

function alert(i: number, extra: Record<string, unknown> = {}) {
  return {
    status: 'firing',
    labels: { alertname: 'ControlPlaneUnhealthy', dr: 'true', instance: `node-${i}` },
    annotations: { summary: `node ${i} is unhealthy` },
    startsAt: '2026-11-23T10:00:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    fingerprint: `fp${String(i).padStart(14, '0')}`,
    ...extra,
  };
}

describe('matcher: --match LABEL=VALUE (same label OR, different labels AND)', () => {
  const matches = compileMatcher(parseMatchers(['dr=true', 'alertname=A', 'alertname="B"']).matchers);
  test.each([
    ['dr=true and alertname A', { dr: 'true', alertname: 'A' }, true],
    ['dr=true and alertname B (quoted value)', { dr: 'true', alertname: 'B' }, true],
    ['dr=true but another alertname', { dr: 'true', alertname: 'C' }, false],
    ['alertname A without dr', { alertname: 'A' }, false],
    ['dr=false', { dr: 'false', alertname: 'A' }, false],
  ])('%s → %s', (_name, labels, expected) => {
    expect(matches(labels)).toBe(expected);
  });

  test('no matcher selects every alert; LABEL= matches a missing label', () => {
    expect(compileMatcher([])({})).toBe(true);
    const missing = compileMatcher(parseMatchers(['team=']).matchers);
    expect(missing({ alertname: 'x' })).toBe(true);
    expect(missing({ team: 'ops' })).toBe(false);
  });

  test('every malformed matcher is reported', () => {
    const { problems } = parseMatchers(['dr', '1x=y', 'a=~b.*', 'a!=b', 'ok=1']);
    expect(problems).toHaveLength(4);
  });
});

describe('config', () => {
  test.each([
    ['127.0.0.1:9095', { host: '127.0.0.1', port: 9095 }],
    [':0', { host: '0.0.0.0', port: 0 }],
    ['[::1]:8080', { host: '::1', port: 8080 }],
    ['localhost:1', { host: 'localhost', port: 1 }],
    ['127.0.0.1', undefined],
    ['127.0.0.1:70000', undefined],
    ['a b:1', undefined],
  ])('parseListen(%s)', (text, expected) => {
    expect(parseListen(text)).toEqual(expected);
  });

  test('defaults: event type dr-alert, api.github.com, 1h dedupe window, resolved dispatched, 8 s deadline', () => {
    const inputs = parseRelayInputs({ listen: '127.0.0.1:0', repo: 'acme/dr' });
    expect(inputs).toMatchObject({
      'event-type': 'dr-alert',
      'github-api-url': 'https://api.github.com',
      match: [],
      'dedupe-window': 3600,
      resolved: 'dispatch',
      deadline: 8,
    });
  });

  test('an Enterprise API URL loses its trailing slash; matchers are grouped per label', () => {
    const inputs = parseRelayInputs({ listen: ':9', repo: 'acme/dr', 'github-api-url': 'https://ghe.example.com/api/v3/', match: 'dr=true\nalertname=A\nalertname=B' });
    expect(inputs['github-api-url']).toBe('https://ghe.example.com/api/v3');
    expect(inputs.match).toEqual([
      { label: 'dr', values: ['true'] },
      { label: 'alertname', values: ['A', 'B'] },
    ]);
  });

  test('bad options are reported together, each named by its flag', () => {
    try {
      parseRelayInputs({ listen: 'x', repo: 'no-slash', 'event-type': 'two words', deadline: '0s', resolved: 'maybe', 'github-api-url': 'ftp://x' });
      throw new Error('expected a ConfigurationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigurationError);
      const problems = (err as ConfigurationError).problems;
      for (const flag of ['--listen', '--repo', '--event-type', '--deadline', '--resolved', '--github-api-url']) expect(problems.some((p) => p.startsWith(flag))).toBe(true);
    }
  });

  test('a relay without DRLOOP_RELAY_TOKEN, with a short one, or without GitHub credentials refuses to start', async () => {
    const cwd = await tempWorkspace();
    await expect(resolveRelaySecrets({ GITHUB_TOKEN: 'x' }, cwd)).rejects.toThrow(/DRLOOP_RELAY_TOKEN is not set/);
    await expect(resolveRelaySecrets({ DRLOOP_RELAY_TOKEN: 'short', GITHUB_TOKEN: 'x' }, cwd)).rejects.toThrow(/too short/);
    await expect(resolveRelaySecrets({ DRLOOP_RELAY_TOKEN: 'a'.repeat(32) }, cwd)).rejects.toThrow(/no GitHub credentials/);
    await expect(resolveRelaySecrets({ DRLOOP_RELAY_TOKEN: 'a'.repeat(32), DRLOOP_GITHUB_APP_ID: '1' }, cwd)).rejects.toThrow(
      /DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE, DRLOOP_GITHUB_APP_INSTALLATION_ID are not set/,
    );
  });

  test('GitHub App credentials: the key file is read and checked, never echoed', async () => {
    const cwd = await tempWorkspace();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(join(cwd, 'app.pem'), privateKey.export({ type: 'pkcs1', format: 'pem' }));
    await writeFile(join(cwd, 'bad.pem'), 'not a key SECRET-CONTENT');
    const env = { DRLOOP_RELAY_TOKEN: 'a'.repeat(32), DRLOOP_GITHUB_APP_ID: '123', DRLOOP_GITHUB_APP_INSTALLATION_ID: '456', GITHUB_TOKEN: 'ignored' };
    const ok = await resolveRelaySecrets({ ...env, DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE: 'app.pem' }, cwd);
    expect(ok.github).toMatchObject({ kind: 'app', appId: '123', installationId: '456' });
    const bad = resolveRelaySecrets({ ...env, DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE: 'bad.pem' }, cwd);
    await expect(bad).rejects.toThrow(/bad\.pem: not a PEM private key/);
    await expect(bad).rejects.not.toThrow(/SECRET-CONTENT/);
    await expect(resolveRelaySecrets({ ...env, DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE: 'missing.pem' }, cwd)).rejects.toThrow(/missing\.pem: file not found/);
  });
});

describe('dispatch payload', () => {
  const everything = compileMatcher([]);

  test('a notification becomes the documented drloop.alert/v1 shape with exactly ten keys, which the shared parser reads', () => {
    const webhook = parseWebhook(webhookBody());
    const built = buildDispatch(webhook, selectAlerts(webhook, everything), 'dr-alert');
    expect(built.body.event_type).toBe('dr-alert');
    expect(Object.keys(built.body.client_payload).sort()).toEqual(
      ['alerts', 'commonLabels', 'dedupeKey', 'droppedAlerts', 'externalURL', 'groupKey', 'receiver', 'schema', 'status', 'truncatedAlerts'].sort(),
    );
    expect(dispatchPayloadSchema.safeParse(built.body.client_payload).success).toBe(true);
    const ctx = alertFromJson({ client_payload: JSON.parse(built.json).client_payload }, 'dispatch');
    expect(ctx).toMatchObject({ source: 'dispatch', status: 'firing', name: 'JenkinsCriticalDown', fingerprint: 'a1b2c3d4e5f60718', startsAt: '2026-11-23T10:00:00.000Z' });
    // The relay's dedupe key is the one the workflow computes from the raw webhook.
    expect(ctx.dedupeKey).toBe(alertFromJson(webhookBody(), 'webhook').dedupeKey);
    expect(built.trimmed).toBe(false);
  });

  test('the matcher narrows the alerts, and status and common labels follow the kept alerts', () => {
    const webhook = parseWebhook(
      webhookBody({ commonLabels: { alertname: 'Mixed' } }, [
        alert(1, { labels: { alertname: 'Mixed', dr: 'true', instance: 'a' }, status: 'resolved' }),
        alert(2, { labels: { alertname: 'Mixed', dr: 'false', instance: 'b' } }),
      ]),
    );
    const sel = selectAlerts(webhook, compileMatcher(parseMatchers(['dr=true']).matchers));
    expect(sel.alerts).toHaveLength(1);
    expect(sel.status).toBe('resolved');
    expect(sel.commonLabels).toEqual({ alertname: 'Mixed', dr: 'true', instance: 'a' });
  });

  test('100 KB annotations and hundreds of alerts are trimmed under 64 KB: text shortened, alerts dropped with a count', () => {
    const huge = 'x'.repeat(100_000);
    const alerts = Array.from({ length: 600 }, (_, i) =>
      alert(i, { annotations: { description: huge, summary: `s${i}` }, labels: { alertname: 'Storm', dr: 'true', instance: `n${i}`, big: 'y'.repeat(5_000) } }),
    );
    alerts.push(alert(999, { status: 'resolved' }));
    const webhook = parseWebhook(webhookBody({ status: 'firing', groupKey: `{}:{big="${'z'.repeat(100_000)}"}`, externalURL: `http://am/${'u'.repeat(50_000)}` }, alerts));
    const built = buildDispatch(webhook, selectAlerts(webhook, everything), 'dr-alert');
    expect(built.bytes).toBeLessThan(64 * 1024);
    expect(built.bytes).toBeLessThanOrEqual(MAX_DISPATCH_BYTES);
    expect(Buffer.byteLength(built.json)).toBe(built.bytes);
    const p = dispatchPayloadSchema.parse(built.body.client_payload);
    expect(p.alerts.length + p.droppedAlerts).toBe(601);
    expect(p.droppedAlerts).toBeGreaterThan(0);
    expect(p.alerts.length).toBeGreaterThan(0);
    // Firing alerts are kept before the resolved one.
    expect(p.alerts.every((a) => a.status === 'firing')).toBe(true);
    expect(p.alerts[0]!.annotations.description!.length).toBeLessThan(200);
    expect(p.alerts[0]!.annotations.description).toMatch(/… \[\d+ more characters\]$/);
    expect(alertFromJson(JSON.parse(built.json), 'dispatch').alerts.length).toBe(p.alerts.length);
  });

  test('one alert with a 100 KB annotation keeps the alert and shortens only the annotation', () => {
    const webhook = parseWebhook(webhookBody({}, [alert(1, { annotations: { description: 'd'.repeat(100_000), summary: 'short' } })]));
    const p = buildDispatch(webhook, selectAlerts(webhook, everything), 'dr-alert').body.client_payload;
    expect(p.droppedAlerts).toBe(0);
    expect(p.alerts[0]!.annotations.summary).toBe('short');
    expect(p.alerts[0]!.annotations.description!.length).toBeLessThan(5_000);
  });

  test('hostile values pass through as inert data, byte for byte', () => {
    const hostile = {
      subst: '$(touch /tmp/drloop-pwned)',
      backticks: '`id`; rm -rf / #',
      quotes: `'"; echo "pwned`,
      newline: 'line1\nline2\r\n::set-output name=x::y',
      unicode: 'Déjà vu — 🚨 火事 \u202e',
      template: '${{ github.token }} {{ .Status }}',
    };
    const webhook = parseWebhook(webhookBody({}, [alert(1, { labels: { alertname: 'X', ...hostile }, annotations: hostile })]));
    const built = buildDispatch(webhook, selectAlerts(webhook, everything), 'dr-alert');
    const back = JSON.parse(built.json) as { client_payload: { alerts: { labels: Record<string, string>; annotations: Record<string, string> }[] } };
    expect(back.client_payload.alerts[0]!.annotations).toEqual(hostile);
    expect(back.client_payload.alerts[0]!.labels).toMatchObject(hostile);
  });

  test('clip never splits a surrogate pair', () => {
    const s = `${'a'.repeat(9)}🚨tail`;
    const clipped = clip(s, 10);
    expect(clipped.startsWith('a'.repeat(9))).toBe(true);
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(clip('short', 10)).toBe('short');
  });
});

describe('incident names', () => {
  test("a firing notification's run id is the start of its incident id and of its dedupe key, and a re-fire changes all three", () => {
    const first = alertFromJson(webhookBody(), 'webhook');
    const joined = alertFromJson(
      webhookBody({}, [
        { ...(webhookBody().alerts as Record<string, unknown>[])[0]!, startsAt: '2026-11-23T10:00:00.000Z' },
        { status: 'firing', labels: { alertname: 'JenkinsCriticalDown', job: 'jenkins-agent' }, startsAt: '2026-11-23T10:04:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'ffee000011112222' },
      ]),
      'webhook',
    );
    const refired = alertFromJson(webhookBody({}, [{ ...(webhookBody().alerts as Record<string, unknown>[])[0]!, startsAt: '2026-11-23T11:30:00Z' }]), 'webhook');
    const names = (a: ReturnType<typeof alertFromJson>) => {
      const incident = incidentIdOf(a.groupKey, a.alerts);
      return { incident, run: incidentRunId(a.groupKey, a.startsAt!), dedupe: a.dedupeKey };
    };
    const [n1, n2, n3] = [names(first), names(joined), names(refired)];
    for (const n of [n1, n2, n3]) {
      expect(n.incident).toMatch(/^[0-9a-f]{24}$/);
      expect(n.run).toBe(`alert-${n.incident.slice(0, 16)}`);
      expect(n.dedupe.startsWith(n.incident)).toBe(true);
    }
    // An alert joining the firing group keeps the incident (and the run); its dedupe key changes.
    expect({ incident: n2.incident, run: n2.run }).toEqual({ incident: n1.incident, run: n1.run });
    expect(n2.dedupe).not.toBe(n1.dedupe);
    // Firing again with a new start is another incident.
    expect(n3.incident).not.toBe(n1.incident);
    expect(n3.run).not.toBe(n1.run);
  });
});

describe('dedupe cache', () => {
  test('a key suppresses repeats within the window only, and only once remembered', () => {
    let t = 0;
    const cache = new DedupeCache(1000, 10, () => t);
    expect(cache.has('k')).toBe(false);
    cache.remember('k');
    t = 999;
    expect(cache.has('k')).toBe(true);
    t = 1000;
    expect(cache.has('k')).toBe(false);
    expect(cache.size).toBe(0);
  });

  test('the size bound evicts the oldest key first; window 0 disables dedupe', () => {
    const cache = new DedupeCache(60_000, 3, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) cache.remember(k);
    expect(cache.has('a')).toBe(false);
    expect(cache.has('d')).toBe(true);
    expect(cache.size).toBe(3);
    const off = new DedupeCache(0);
    off.remember('x');
    expect(off.has('x')).toBe(false);
  });
});

describe('metrics', () => {
  test('Prometheus text (prom-client) with HELP/TYPE, labelled counters, gauges, a histogram and process metrics', async () => {
    const m = new RelayMetrics();
    m.inc('drloop_relay_dispatched_total');
    m.inc('drloop_relay_rejected_total', { reason: 'unauthorized' }, 2);
    m.gauge('drloop_relay_in_flight', () => 3);
    m.observe('drloop_relay_request_duration_seconds', 0.02);
    const text = await m.render();
    expect(text).toContain('# TYPE drloop_relay_dispatched_total counter');
    expect(text).toContain('drloop_relay_dispatched_total 1\n');
    expect(text).toContain('drloop_relay_deduplicated_total 0\n');
    expect(text).toContain('drloop_relay_rejected_total{reason="unauthorized"} 2\n');
    expect(text).toContain('drloop_relay_in_flight 3\n');
    expect(text).toContain('drloop_relay_request_duration_seconds_bucket{le="0.025"} 1\n');
    expect(text).toContain('drloop_relay_request_duration_seconds_bucket{le="0.01"} 0\n');
    expect(text).toContain('drloop_relay_request_duration_seconds_count 1\n');
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(text).toMatch(/\nprocess_resident_memory_bytes \d+/);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(await m.get('drloop_relay_rejected_total', { reason: 'unauthorized' })).toBe(2);
    expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
