/**
 * The shipped examples checked by the real tools: `promtool` unit-tests the
 * alert rules (including the absent() arm for a vanished target) and `amtool`
 * checks the Alertmanager configuration for the relay. Skipped with a message
 * where the Debian packages are not installed (CI installs them).
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { alertFromJson, dispatchPayloadSchema } from '../../src/alerts/alertmanager.js';
import { REPO_ROOT, tempWorkspace } from '../support/run-action.js';

const has = (bin: string) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0;
const promtool = has('promtool');
const amtool = has('amtool');
if (!promtool || !amtool)
  console.warn(
    `test/relay/examples.test.ts: ${!promtool ? 'promtool (apt-get install prometheus) ' : ''}${!amtool ? 'amtool (apt-get install prometheus-alertmanager) ' : ''}missing; those checks are skipped`,
  );

const RULES = join(REPO_ROOT, 'examples', 'prometheus', 'rules.yml');

(promtool ? test : test.skip)('promtool: the DR rules fire on up == 0, on a vanished target, and on a control plane under half, and stay quiet otherwise', async () => {
  const dir = await tempWorkspace();
  const tests = {
    rule_files: [RULES],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: [
          { series: 'up{job="jenkins", instance="jenkins:8080"}', values: '0x15' },
          { series: 'up{job="kube-apiserver", instance="a"}', values: '1x15' },
          { series: 'up{job="kube-apiserver", instance="b"}', values: '0x15' },
          { series: 'up{job="kube-apiserver", instance="c"}', values: '0x15' },
        ],
        alert_rule_test: [
          {
            eval_time: '10m',
            alertname: 'jenkins_critical_down',
            exp_alerts: [{ exp_labels: { job: 'jenkins', instance: 'jenkins:8080', severity: 'critical', dr: 'true', service: 'jenkins' } }],
          },
          { eval_time: '10m', alertname: 'control_plane_unhealthy', exp_alerts: [{ exp_labels: { severity: 'critical', dr: 'true', service: 'control-plane' } }] },
        ],
      },
      {
        interval: '1m',
        input_series: [{ series: 'up{job="other"}', values: '1x15' }],
        alert_rule_test: [
          { eval_time: '10m', alertname: 'jenkins_critical_down', exp_alerts: [{ exp_labels: { job: 'jenkins', severity: 'critical', dr: 'true', service: 'jenkins' } }] },
          { eval_time: '10m', alertname: 'control_plane_unhealthy', exp_alerts: [{ exp_labels: { job: 'kube-apiserver', severity: 'critical', dr: 'true', service: 'control-plane' } }] },
        ],
      },
      {
        interval: '1m',
        input_series: [
          { series: 'up{job="jenkins", instance="jenkins:8080"}', values: '1x15' },
          { series: 'up{job="kube-apiserver", instance="a"}', values: '1x15' },
          { series: 'up{job="kube-apiserver", instance="b"}', values: '1x15' },
          { series: 'up{job="kube-apiserver", instance="c"}', values: '0x15' },
        ],
        alert_rule_test: [
          { eval_time: '10m', alertname: 'jenkins_critical_down', exp_alerts: [] },
          { eval_time: '10m', alertname: 'control_plane_unhealthy', exp_alerts: [] },
        ],
      },
    ],
  };
  // promtool compares annotations too: expect the ones the rules file declares.
  const rules = parse(await readFile(RULES, 'utf8')) as { groups: { rules: { alert: string; annotations: Record<string, string> }[] }[] };
  const annotations = new Map(rules.groups.flatMap((g) => g.rules.map((r) => [r.alert, r.annotations] as const)));
  for (const t of tests.tests) for (const a of t.alert_rule_test) for (const e of a.exp_alerts as Record<string, unknown>[]) e.exp_annotations = annotations.get(a.alertname);
  await writeFile(join(dir, 'rules.test.yml'), JSON.stringify(tests));
  const r = spawnSync('promtool', ['test', 'rules', join(dir, 'rules.test.yml')], { encoding: 'utf8' });
  expect(`${r.stdout}${r.stderr}`).toMatch(/SUCCESS/);
  expect(r.status).toBe(0);
});

(amtool ? test : test.skip)('amtool: the relay route and receiver are a valid Alertmanager configuration with bearer authorization', async () => {
  const file = join(REPO_ROOT, 'examples', 'alertmanager', 'alertmanager.yml');
  const r = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const cfg = parse(await readFile(file, 'utf8')) as { receivers: { name: string; webhook_configs?: { url: string; http_config: { authorization: { type: string } } }[] }[] };
  const relay = cfg.receivers.find((x) => x.name === 'drloop-relay')!;
  expect(relay.webhook_configs![0]!.url).toMatch(/\/alertmanager$/);
  expect(relay.webhook_configs![0]!.http_config.authorization.type).toBe('Bearer');
});

test('the Alertmanager ≥ 0.32 direct template renders the documented payload shape (JSON-text values read as values)', async () => {
  const cfg = parse(await readFile(join(REPO_ROOT, 'examples', 'alertmanager', 'alertmanager-direct.yml'), 'utf8')) as {
    receivers: { name: string; webhook_configs: { url: string; payload: { event_type: string; client_payload: Record<string, string> } }[] }[];
  };
  const hook = cfg.receivers.find((r) => r.name === 'drloop-github')!.webhook_configs[0]!;
  expect(hook.url).toMatch(/^https:\/\/api\.github\.com\/repos\/[^/]+\/[^/]+\/dispatches$/);
  const payload = hook.payload;
  expect(payload.event_type).toBe('dr-alert');
  expect(Object.keys(payload.client_payload).length).toBeLessThanOrEqual(10);
  // What Alertmanager would render for one firing alert, value by value, as text.
  const rendered: Record<string, string> = {
    schema: payload.client_payload.schema!,
    groupKey: '{}:{alertname="jenkins_critical_down"}',
    status: 'firing',
    dedupeKey: 'firing:1a2b3c4d5e6f7a8b',
    commonLabels: '{"alertname":"jenkins_critical_down","dr":"true"}',
    externalURL: 'http://alertmanager:9093',
    receiver: 'drloop-github',
    alerts: JSON.stringify([
      {
        status: 'firing',
        labels: { alertname: 'jenkins_critical_down', dr: 'true' },
        annotations: {},
        startsAt: '2026-11-23T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint: '1a2b3c4d5e6f7a8b',
      },
    ]),
  };
  for (const key of Object.keys(rendered)) expect(Object.keys(payload.client_payload)).toContain(key);
  const parsed = dispatchPayloadSchema.parse(rendered);
  expect(parsed.alerts).toHaveLength(1);
  expect(parsed.commonLabels).toEqual({ alertname: 'jenkins_critical_down', dr: 'true' });
  expect(alertFromJson({ client_payload: rendered }, 'event').name).toBe('jenkins_critical_down');
});
