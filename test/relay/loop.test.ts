/**
 * From a real Alertmanager notification to the bundled actions, the way the
 * shipped workflows carry it: Debian's Alertmanager → the bundled `drloop
 * relay` → a fake GitHub API that records the dispatch → dr-on-alert.yml's own
 * job conditions on the event → the bundled dr-execute and
 * collect-evidence with the client_payload as their `alert` input (what
 * dr-loop.yml passes them). Alert labels carry shell metacharacters all the
 * way: they must reach steps and evidence as inert data.
 */
import { afterEach, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dispatchPayloadSchema } from '../../src/alerts/alertmanager.js';
import { verifyBundle } from '../../src/evidence/verify.js';
import { REPO_ROOT, runAction, tempWorkspace } from '../support/run-action.js';
import { evaluate } from '../workflows/harness.js';
import { dispatchBody, hasAlertmanager, RELAY_TOKEN, spawnRelay, startAlertmanager, startFakeGitHub, waitFor } from './support.js';

const available = hasAlertmanager();
if (!available) console.warn('test/relay/loop.test.ts: skipped, prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)');
const testWithAlertmanager = available ? test : test.skip;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** Real Alertmanager → the bundled relay (CLI) → the fake GitHub API; stopped after each test. */
async function rig() {
  const gh = await startFakeGitHub();
  cleanups.push(() => gh.close());
  const relay = await spawnRelay(['--listen', '127.0.0.1:0', '--repo', 'acme/dr-runbooks', '--github-api-url', gh.url, '--match', 'dr=true'], {
    DRLOOP_RELAY_TOKEN: RELAY_TOKEN,
    GITHUB_TOKEN: 'ghp_fakeTokenForTests000000000000000000',
  });
  cleanups.push(() => relay.stop());
  const am = await startAlertmanager({ webhookUrl: `${relay.url}/alertmanager`, token: RELAY_TOKEN });
  cleanups.push(() => am.close());
  return { gh, am };
}

/**
 * dr-on-alert's decision, as GitHub makes it on the event: its jobs' `if:`
 * and the loop's `dry-run` input, exactly as committed, evaluated by GitHub's
 * expression engine (the scenario harness's evaluator).
 */
async function triage(clientPayload: unknown, enableTriggers: string): Promise<{ loop: boolean; recordResolved: boolean; dryRun: boolean }> {
  const wf = parse(await readFile(join(REPO_ROOT, '.github/workflows/dr-on-alert.yml'), 'utf8'));
  const ctx = {
    github: { event_name: 'repository_dispatch', event: { action: 'dr-alert', client_payload: clientPayload } },
    vars: enableTriggers ? { DRLOOP_ENABLE_TRIGGERS: enableTriggers } : {},
    inputs: {},
  };
  const ok = { success: true, failure: false };
  const expr = (s: string) => s.replace(/^\$\{\{\s*/, '').replace(/\s*\}\}$/, '');
  return {
    loop: evaluate(wf.jobs.loop.if, ctx, ok) === true,
    recordResolved: evaluate(wf.jobs['record-resolved'].if, ctx, ok) === true,
    dryRun: evaluate(expr(wf.jobs.loop.with['dry-run']), ctx, ok) === true,
  };
}

/**
 * A failover plan whose steps record what they were given: the alert
 * variables are written with printf '%s', as data, and never evaluated.
 */
const PLAN = `version: 1
name: jenkins-failover
objectives: { rto: 15m, rpo: 5m }
phases:
  bringup:
    steps:
      - name: record-alert
        run: |
          mkdir -p seen
          printf '%s' "$DRLOOP_ALERT_NAME" > seen/name
          printf '%s' "$DRLOOP_ALERT_STATUS" > seen/status
          printf '%s' "$DRLOOP_ALERT_FINGERPRINT" > seen/fingerprint
          cp "$DRLOOP_ALERT_PATH" seen/alert.json
          echo "alert received: $DRLOOP_ALERT_NAME"
  validate:
    steps: [ { name: smoke, run: "test -s seen/alert.json" } ]
  promote:
    steps: [ { name: cutover, run: "touch promoted" } ]
`;

testWithAlertmanager(
  'a real notification with hostile labels travels relay → dispatch → triage → bundled dr-execute and collect-evidence as inert data (fake GitHub API)',
  async () => {
    const ws = await tempWorkspace('drloop-loop-');
    const marker = join(ws, 'pwned');
    const hostile = `x$(touch ${marker})\`touch ${marker}\`; touch ${marker} # "quoted" 'single' \\ ${'${{ secrets.GITHUB_TOKEN }}'}`;

    const { gh, am } = await rig();

    await am.postAlerts([
      {
        labels: { alertname: `JenkinsCriticalDown ${hostile}`, dr: 'true', severity: 'critical', site: hostile },
        annotations: { summary: `Jenkins is down\n::error::injected ${hostile}`, runbook: hostile },
      },
    ]);
    await waitFor('the dispatch', () => gh.dispatches.length === 1, 30_000);
    const body = dispatchBody(gh.dispatches[0]!);
    expect(body.event_type).toBe('dr-alert');
    const payload = dispatchPayloadSchema.parse(body.client_payload);
    expect(payload.status).toBe('firing');

    // dr-on-alert's triage, safe by default: no DRLOOP_ENABLE_TRIGGERS → a dry run.
    expect(await triage(body.client_payload, '')).toEqual({ loop: true, recordResolved: false, dryRun: true });
    const alertInput = JSON.stringify(body.client_payload); // toJSON(github.event.client_payload)

    await writeFile(join(ws, 'plan.yml'), PLAN);
    const dry = await runAction('dr-execute', {
      workspace: ws,
      inputs: { plan: 'plan.yml', mode: 'failover', 'run-id': 'dry-1', 'stop-after': 'validate', alert: alertInput, decision: 'allow', 'dry-run': 'true' },
    });
    expect(dry.errors).toEqual([]);
    expect(dry.code).toBe(0);
    expect(existsSync(join(ws, 'seen'))).toBe(false); // a dry run runs nothing

    // With triggers enabled, the same payload runs the plan's steps.
    expect(await triage(body.client_payload, 'true')).toEqual({ loop: true, recordResolved: false, dryRun: false });
    const live = await runAction('dr-execute', {
      workspace: ws,
      inputs: { plan: 'plan.yml', mode: 'failover', 'stop-after': 'validate', alert: alertInput, decision: 'allow' },
    });
    // The run id is the incident's: the alert group and its earliest firing startsAt.
    const runId = live.outputs['run-id']!;
    expect(runId).toMatch(/^alert-[0-9a-f]{16}$/);
    expect(live.errors).toEqual([]);
    expect(live.code).toBe(0);
    // Stopped before promote: dr-loop's promote job (behind the Environment gate) starts from here.
    expect(live.outputs).toMatchObject({ status: 'stopped', 'run-id': runId, 'last-phase': 'validate' });
    expect(existsSync(join(ws, 'promoted'))).toBe(false);
    expect(await readFile(join(ws, 'seen/name'), 'utf8')).toBe(`JenkinsCriticalDown ${hostile}`);
    expect(await readFile(join(ws, 'seen/status'), 'utf8')).toBe('firing');
    expect(await readFile(join(ws, 'seen/fingerprint'), 'utf8')).toBe(payload.alerts[0]!.fingerprint);
    expect(JSON.parse(await readFile(join(ws, 'seen/alert.json'), 'utf8'))).toEqual(body.client_payload);
    // The step's output (hostile text included) is kept in its receipt, verbatim.
    const bringup = JSON.parse(await readFile(join(ws, 'drloop-evidence/runs', runId, 'phases/bringup.json'), 'utf8'));
    expect(JSON.stringify(bringup)).toContain(`alert received: JenkinsCriticalDown x$(touch ${marker})`);
    const summary = JSON.parse(await readFile(join(ws, 'drloop-evidence/runs', runId, 'drill.summary.json'), 'utf8'));
    expect(summary.alert).toMatchObject({ fingerprint: payload.alerts[0]!.fingerprint, groupKey: payload.groupKey, status: 'firing' });

    // collect-evidence, as dr-loop's evidence job calls it.
    await mkdir(join(ws, 'bundles'), { recursive: true });
    const ev = await runAction('collect-evidence', { workspace: ws, inputs: { alert: alertInput, 'output-dir': 'bundles' } });
    expect(ev.errors).toEqual([]);
    expect(ev.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(ws, ev.outputs['manifest-path']!), 'utf8'));
    expect(manifest.alert).toMatchObject({ name: `JenkinsCriticalDown ${hostile}`, fingerprint: payload.alerts[0]!.fingerprint, groupKey: payload.groupKey, status: 'firing' });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining([`evidence/runs/${runId}/phases/bringup.json`, 'alert.json']));
    const verdict = await verifyBundle(join(ws, ev.outputs['bundle-path']!));
    expect(verdict.ok).toBe(true);
    // The summary shows the alert name as text (a Markdown table cell), not as a command.
    expect(ev.summary).not.toMatch(/^::error::injected/m);

    expect(existsSync(marker)).toBe(false);
  },
  90_000,
);

testWithAlertmanager(
  'a resolved notification reaches dr-on-alert as resolved and starts nothing, even with triggers enabled (fake GitHub API)',
  async () => {
    const { gh, am } = await rig();

    const labels = { alertname: 'ControlPlaneUnhealthy', dr: 'true' };
    await am.postAlerts([{ labels }]);
    await waitFor('the firing dispatch', () => gh.dispatches.length === 1, 30_000);
    await am.postAlerts([{ labels, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date().toISOString() }]);
    await waitFor('the resolved dispatch', () => gh.dispatches.length === 2, 30_000);

    const firing = await triage(dispatchBody(gh.dispatches[0]!).client_payload, 'true');
    const resolved = await triage(dispatchBody(gh.dispatches[1]!).client_payload, 'true');
    expect(firing).toMatchObject({ loop: true, recordResolved: false });
    expect(resolved).toMatchObject({ loop: false, recordResolved: true });
  },
  60_000,
);
