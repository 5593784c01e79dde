/**
 * The bundled dr-execute action (actions/dr-execute/dist/index.js), run the
 * way the runner runs it, on plans whose steps are real shell commands.
 */
import { describe, expect, test } from '@jest/globals';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { alertmanagerFixture } from '../support/fixtures.js';
import { copyReceipts, exists, healthServer, PHASE_NAMES, planWorkspace, processGone, put, receipt, runDirOf, runDr, summary } from './support.js';

/** A drill against a fake "cloud" of files in the workspace: bringup creates runners, teardown removes them. */
const DRILL_PLAN = (healthUrl: string) => `version: 1
name: netbox-postgres
objectives: { rto: 15m, rpo: 5m }
guards:
  - { name: expected-account, run: "echo 048622080012", expect: "048622080012" }
defaults: { timeout: 1m, retry: { max: 2, backoff: 0s, on: ["ErrImagePull"] } }
phases:
  bringup:
    steps:
      - { name: infra, run: "mkdir -p runners && touch runners/a runners/b && echo ENDPOINT=${healthUrl} >> \\"$DRLOOP_OUTPUT\\"" }
  restore:  { steps: [ { name: restore-db, run: "echo restored > restored.txt" } ] }
  validate:
    steps:  [ { name: smoke, run: "curl -fsS \\"$ENDPOINT\\" || test -n \\"$ENDPOINT\\"" } ]
    checks: [ { http: "${healthUrl}", status: 200, within: 30s, interval: 100ms } ]
  promote:  { steps: [ { name: cutover, run: "echo promoted > promoted.txt" } ] }
  teardown:
    steps: [ { name: destroy, run: "rm -rf runners/*" } ]
    verify: { run: "ls runners | wc -l | tr -d ' '", expect: "0" }
rpo: { probe: "date -u -d '-90 seconds' +%Y-%m-%dT%H:%M:%SZ" }
`;

describe('dr-execute bundle: full drill', () => {
  test('runs bringup through teardown, verifies teardown, writes every receipt, the summary and a gantt chart', async () => {
    const health = await healthServer(() => 200);
    try {
      const ws = await planWorkspace(DRILL_PLAN(health.url));
      const r = await runDr(ws, { 'run-id': 'drill-1', 'allow-full-drill': 'true', 'auto-promote': 'true' });
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({
        status: 'succeeded',
        'run-id': 'drill-1',
        'last-phase': 'teardown',
        'rto-met': 'true',
        'rpo-met': 'true',
        'receipts-dir': 'drloop-evidence/runs/drill-1',
        'summary-path': 'drloop-evidence/runs/drill-1/drill.summary.json',
      });
      // The probe reports a transaction 90 s before now, so some data loss is measured and within 5m.
      expect(Number(r.outputs['rpo-seconds'])).toBeGreaterThan(0);
      // Every phase, the guards, and the summary are on disk; no temp file is left behind.
      const files = (await readdir(join(runDirOf(ws, 'drill-1'), 'phases'))).sort();
      expect(files).toEqual(['bringup.json', 'guards.json', 'promote.json', 'restore.json', 'teardown.json', 'validate.json']);
      for (const p of PHASE_NAMES) expect(await receipt(ws, 'drill-1', p)).toMatchObject({ schema: 'drloop.phase-receipt/v1', runId: 'drill-1', phase: p, status: 'success' });
      expect(await receipt(ws, 'drill-1', 'guards')).toMatchObject({ status: 'success', steps: [{ name: 'expected-account', status: 'success' }] });
      const bringup = await receipt(ws, 'drill-1', 'bringup');
      expect(bringup.steps[0]).toMatchObject({ name: 'infra', status: 'success', outputs: { ENDPOINT: health.url }, attempts: [{ attempt: 1, exitCode: 0, timedOut: false }] });
      const validate = await receipt(ws, 'drill-1', 'validate');
      expect(validate.checks).toEqual([expect.objectContaining({ kind: 'http', target: health.url, status: 'success', detail: 'HTTP 200' })]);
      expect(validate.extra.rpo).toMatchObject({ exitCode: 0, error: null });
      const teardown = await receipt(ws, 'drill-1', 'teardown');
      expect(teardown.checks).toEqual([expect.objectContaining({ kind: 'verify', status: 'success' })]);
      expect(await readdir(join(ws, 'runners'))).toEqual([]);
      expect(await receipt(ws, 'drill-1', 'promote')).toMatchObject({ extra: { gate: 'auto-promote', bypassed: false } });

      const s = await summary(ws, 'drill-1');
      expect(s).toMatchObject({
        schema: 'drloop.drill-summary/v1',
        runId: 'drill-1',
        plan: { name: 'netbox-postgres', path: 'plan.yml' },
        mode: 'drill',
        status: 'succeeded',
        decision: null,
        alert: null,
        objectives: { rtoSeconds: 900, rpoSeconds: 300 },
        rtoMet: true,
        rpoMet: true,
        lastPhase: 'teardown',
      });
      expect(s.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
      // Without an alert the incident starts with the run, and RTO ends when validate passed.
      expect(s.incidentStart).toBe(s.startedAt);
      expect(s.rtoSeconds).toBeCloseTo((Date.parse(validate.endedAt) - Date.parse(s.incidentStart)) / 1000, 3);
      expect(s.phases.map((p: any) => `${p.phase}:${p.status}`)).toEqual(PHASE_NAMES.map((p) => `${p}:success`));

      expect(r.summary).toContain('## ✅ DR drill — netbox-postgres: succeeded');
      expect(r.summary).toMatch(/\| teardown \| ✅ success \| [^|]+ \| {2}\|/);
      expect(r.summary).toContain('| RTO (incident start → validate passed) |');
      expect(r.summary).toContain('```mermaid\ngantt\n');
      expect(r.summary).toMatch(/ {2}validate \(success\) : done, validate, \d+, \d+/);
      // Step output is streamed in collapsible groups.
      expect(r.stdout).toContain('::group::bringup › infra');
    } finally {
      await health.close();
    }
  });

  test('refuses bringup through teardown in one run without allow-full-drill, before any step runs', async () => {
    const ws = await planWorkspace(DRILL_PLAN('http://127.0.0.1:9/'));
    const r = await runDr(ws, { 'run-id': 'full-1' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toMatch(/^dr-execute: refused: a full drill \(bringup through teardown in one run\) needs allow-full-drill: true/);
    expect(await exists(join(ws, 'runners', 'a'))).toBe(false);
    for (const p of PHASE_NAMES) expect((await receipt(ws, 'full-1', p)).skipReason).toMatch(/^refused: a full drill/);
    expect(await receipt(ws, 'full-1', 'guards')).toMatchObject({ status: 'skipped' });
  });

  test('tears down after a failed phase in a drill, and a failed teardown verify fails the run', async () => {
    const ws = await planWorkspace(`version: 1
name: failing
phases:
  bringup:  { steps: [ { name: up, run: "mkdir -p runners && touch runners/a runners/b" } ] }
  restore:  { steps: [ { name: db, run: "echo 'pg_restore: error: connection refused' >&2; exit 3" }, { name: never, run: "touch never-ran" } ] }
  validate: { steps: [ { name: smoke, run: "touch validate-ran" } ] }
  teardown:
    steps: [ { name: destroy-a, run: "rm runners/a; exit 1" }, { name: destroy-b, run: "rm runners/b" } ]
    verify: { run: "ls runners | wc -l | tr -d ' '", expect: "0" }
`);
    const r = await runDr(ws, { 'run-id': 'fail-1', 'allow-full-drill': 'true' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'failed', 'last-phase': 'teardown', 'rto-seconds': '' });
    const restore = await receipt(ws, 'fail-1', 'restore');
    expect(restore.status).toBe('failed');
    expect(restore.steps).toEqual([
      expect.objectContaining({ name: 'db', status: 'failed', attempts: [expect.objectContaining({ exitCode: 3, outputTail: 'pg_restore: error: connection refused\n' })] }),
      expect.objectContaining({ name: 'never', status: 'skipped', attempts: [] }),
    ]);
    expect(await exists(join(ws, 'never-ran'))).toBe(false);
    expect(await receipt(ws, 'fail-1', 'validate')).toMatchObject({ status: 'skipped', skipReason: 'earlier phase restore failed' });
    expect(await receipt(ws, 'fail-1', 'promote')).toMatchObject({ status: 'skipped', skipReason: 'not in plan' });
    // Teardown is best effort: both steps ran although the first failed, and verify saw no runner left.
    const teardown = await receipt(ws, 'fail-1', 'teardown');
    expect(teardown.steps.map((s: any) => `${s.name}:${s.status}`)).toEqual(['destroy-a:failed', 'destroy-b:success']);
    expect(teardown.checks).toEqual([expect.objectContaining({ kind: 'verify', status: 'success' })]);
    expect(teardown.status).toBe('failed');

    // With teardown steps that leave a runner behind, verify fails and so does the run.
    const ws2 = await planWorkspace(`version: 1
name: leaky
phases:
  teardown:
    steps: [ { name: destroy, run: "true" } ]
    verify: { run: "echo 2", expect: "0" }
`);
    const r2 = await runDr(ws2, { 'run-id': 'leak-1' });
    expect(r2.code).toBe(1);
    expect(r2.outputs.status).toBe('failed');
    expect((await receipt(ws2, 'leak-1', 'teardown')).checks[0]).toMatchObject({ kind: 'verify', status: 'failed', detail: 'output "2", expected "0"' });
  });
});

describe('dr-execute bundle: partial runs', () => {
  const PLAN = `version: 1
name: partial
phases:
  bringup:  { steps: [ { name: up, run: "echo bringup >> ran.log; echo DB_HOST=10.0.0.7 >> \\"$DRLOOP_OUTPUT\\"" } ] }
  restore:  { steps: [ { name: db, run: "echo restore >> ran.log" } ] }
  validate: { steps: [ { name: smoke, run: "echo \\"validate $DB_HOST\\" >> ran.log" } ] }
  teardown: { steps: [ { name: down, run: "echo teardown >> ran.log" } ] }
`;

  test('start-at/stop-after across two processes that share only the receipts directory', async () => {
    const first = await planWorkspace(PLAN);
    const r1 = await runDr(first, { 'run-id': 'part-1', 'stop-after': 'restore' });
    expect(r1.code).toBe(0);
    expect(r1.outputs).toMatchObject({ status: 'stopped', 'last-phase': 'restore' });
    expect(await readFile(join(first, 'ran.log'), 'utf8')).toBe('bringup\nrestore\n');
    expect(await receipt(first, 'part-1', 'validate')).toMatchObject({ status: 'skipped', skipReason: 'after stop-after restore' });

    // A second job on another machine: a fresh checkout plus the receipts only.
    const second = await planWorkspace(PLAN);
    await copyReceipts(first, second, 'part-1');
    const r2 = await runDr(second, { 'run-id': 'part-1', 'start-at': 'validate', 'stop-after': 'validate' });
    expect(r2.code).toBe(0);
    expect(r2.outputs).toMatchObject({ status: 'stopped', 'last-phase': 'validate' });
    // The output of bringup (first process) reached validate (second process) through the receipt.
    expect(await readFile(join(second, 'ran.log'), 'utf8')).toBe('validate 10.0.0.7\n');
    expect(await receipt(second, 'part-1', 'bringup')).toMatchObject({ status: 'success' });
    expect(await receipt(second, 'part-1', 'validate')).toMatchObject({ status: 'success' });
    const s = await summary(second, 'part-1');
    expect(s.phases.map((p: any) => `${p.phase}:${p.status}`)).toEqual(['bringup:success', 'restore:success', 'validate:success', 'promote:skipped', 'teardown:skipped']);
    // The incident start is carried over from the first job's summary.
    expect(s.incidentStart).toBe((await summary(first, 'part-1')).incidentStart);

    // Resuming again from validate: it already succeeded and is not run again; teardown runs and completes the run.
    const r3 = await runDr(second, { 'run-id': 'part-1', 'start-at': 'validate' });
    expect(r3.code).toBe(0);
    expect(r3.outputs).toMatchObject({ status: 'succeeded', 'last-phase': 'teardown' });
    expect(await readFile(join(second, 'ran.log'), 'utf8')).toBe('validate 10.0.0.7\nteardown\n');
    expect(r3.stdout).toContain('validate: already succeeded in drloop-evidence/runs/part-1; not run again');
  });

  test('refuses to start past bringup when a predecessor has no successful receipt', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'part-2', 'start-at': 'validate' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toBe('dr-execute: refused: cannot start at validate: phase bringup has no receipt in drloop-evidence/runs/part-2');
    expect(await exists(join(ws, 'ran.log'))).toBe(false);

    // A failed restore in an earlier job blocks validate too.
    const failing = await planWorkspace(PLAN.replace('echo restore >> ran.log', 'exit 1'));
    expect((await runDr(failing, { 'run-id': 'part-3', 'stop-after': 'restore' })).outputs.status).toBe('failed');
    const r2 = await runDr(failing, { 'run-id': 'part-3', 'start-at': 'validate', 'stop-after': 'validate' });
    expect(r2.outputs.status).toBe('refused');
    expect(r2.errors.at(-1)).toContain('phase restore is failed');
  });
});

describe('dr-execute bundle: retries, timeouts, guards, cancellation', () => {
  const RETRY_PLAN = `version: 1
name: retries
defaults: { retry: { max: 3, backoff: 10ms, on: ["ErrImagePull", "Insufficient memory"] } }
phases:
  restore:
    steps:
      - name: pull
        # Fails twice with a retryable error, then succeeds.
        run: "n=$(cat n 2>/dev/null || echo 0); n=$((n+1)); echo $n > n; if [ $n -lt 3 ]; then echo 'Back-off: ErrImagePull' >&2; exit 1; fi; echo pulled"
  validate:
    steps:
      - { name: hard-fail, run: "echo 'syntax error near unexpected token' >&2; exit 2", retry: { max: 5 } }
`;

  test('retries a step whose output matches retry.on, with one attempt recorded per try', async () => {
    const ws = await planWorkspace(RETRY_PLAN);
    const r = await runDr(ws, { 'run-id': 'retry-1', 'stop-after': 'restore' });
    expect(r.code).toBe(0);
    const step = (await receipt(ws, 'retry-1', 'restore')).steps[0];
    expect(step.status).toBe('success');
    expect(step.attempts.map((a: any) => [a.attempt, a.exitCode, a.retryMatched])).toEqual([
      [1, 1, true],
      [2, 1, true],
      [3, 0, false],
    ]);
    expect(r.warnings.filter((w) => w.includes('the output matched retry.on'))).toHaveLength(2);
  });

  test('max-attempts bounds retries, and no-retry turns them off', async () => {
    const ws = await planWorkspace(RETRY_PLAN);
    const r = await runDr(ws, { 'run-id': 'retry-2', 'stop-after': 'restore', 'max-attempts': '2' });
    expect(r.outputs.status).toBe('failed');
    expect((await receipt(ws, 'retry-2', 'restore')).steps[0].attempts).toHaveLength(2);

    const ws2 = await planWorkspace(RETRY_PLAN);
    const r2 = await runDr(ws2, { 'run-id': 'retry-3', 'stop-after': 'restore', 'no-retry': 'true' });
    expect(r2.outputs.status).toBe('failed');
    expect((await receipt(ws2, 'retry-3', 'restore')).steps[0].attempts).toHaveLength(1);
  });

  test('does not retry a failure whose output matches none of retry.on', async () => {
    const ws = await planWorkspace(RETRY_PLAN.replace("ErrImagePull' >&2", "permission denied' >&2"));
    const r = await runDr(ws, { 'run-id': 'retry-4', 'start-at': 'restore', 'stop-after': 'restore' });
    expect(r.outputs.status).toBe('failed');
    const step = (await receipt(ws, 'retry-4', 'restore')).steps[0];
    expect(step.attempts).toEqual([expect.objectContaining({ attempt: 1, exitCode: 1, retryMatched: false, outputTail: 'Back-off: permission denied\n' })]);
    expect(r.errors.join('\n')).toContain('restore › pull failed: exit code 1; not retried: the output matched none of retry.on');
  });

  test('a step that outlives its timeout is stopped with its whole process group', async () => {
    const ws = await planWorkspace(`version: 1
name: slow
phases:
  restore:
    steps:
      - { name: hang, run: "sleep 60 & echo $! > sleep.pid; echo waiting; wait", timeout: 1s }
      - { name: after, run: "touch after-ran" }
`);
    const r = await runDr(ws, { 'run-id': 'slow-1' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    const step = (await receipt(ws, 'slow-1', 'restore')).steps[0];
    expect(step).toMatchObject({ name: 'hang', status: 'failed', attempts: [expect.objectContaining({ timedOut: true, exitCode: null, signal: 'SIGTERM', outputTail: 'waiting\n' })] });
    const pid = Number(await readFile(join(ws, 'sleep.pid'), 'utf8'));
    expect(await processGone(pid)).toBe(true);
    expect(await exists(join(ws, 'after-ran'))).toBe(false);
    expect(r.errors.join('\n')).toContain('restore › hang: timed out after 1s; its process group was stopped');
  });

  test('a failing guard stops the run before any phase, with its receipt', async () => {
    const ws = await planWorkspace(`version: 1
name: guarded
guards:
  - { name: tools, run: "bash --version >/dev/null" }
  - { name: expected-account, run: "echo 111122223333", expect: "048622080012" }
  - { name: never, run: "touch guard-never" }
phases:
  restore: { steps: [ { name: db, run: "touch restore-ran" } ] }
`);
    const r = await runDr(ws, { 'run-id': 'guard-1' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'refused', 'last-phase': '' });
    expect(r.errors.at(-1)).toBe('dr-execute: refused: guard failed: expected-account');
    const guards = await receipt(ws, 'guard-1', 'guards');
    expect(guards.status).toBe('failed');
    expect(guards.steps.map((s: any) => `${s.name}:${s.status}`)).toEqual(['tools:success', 'expected-account:failed', 'never:skipped']);
    expect(guards.steps[1].detail).toBe('expected output "048622080012", got "111122223333"');
    expect(await receipt(ws, 'guard-1', 'restore')).toMatchObject({ status: 'skipped', skipReason: 'guard failed: expected-account' });
    expect(await exists(join(ws, 'restore-ran'))).toBe(false);
    expect(await exists(join(ws, 'guard-never'))).toBe(false);
  });

  test('SIGTERM mid-step stops the step, writes a cancelled receipt and exits non-zero', async () => {
    const ws = await planWorkspace(`version: 1
name: cancel
phases:
  bringup:  { steps: [ { name: up, run: "true" } ] }
  restore:  { steps: [ { name: long, run: "sleep 60 & echo $! > sleep.pid; echo STEP-STARTED; wait" }, { name: next, run: "touch next-ran" } ] }
  validate: { steps: [ { name: smoke, run: "touch validate-ran" } ] }
`);
    const r = await runDr(ws, { 'run-id': 'cancel-1' }, { signal: { name: 'SIGTERM', when: 'STEP-STARTED' } });
    expect(r.code).not.toBe(0);
    expect(r.outputs.status).toBe('cancelled');
    expect(r.errors.at(-1)).toBe('dr-execute: cancelled: the run was cancelled');
    const restore = await receipt(ws, 'cancel-1', 'restore');
    expect(restore.status).toBe('cancelled');
    expect(restore.steps.map((s: any) => `${s.name}:${s.status}`)).toEqual(['long:cancelled', 'next:skipped']);
    expect(restore.steps[0].attempts[0]).toMatchObject({ cancelled: true, outputTail: 'STEP-STARTED\n' });
    expect(await receipt(ws, 'cancel-1', 'bringup')).toMatchObject({ status: 'success' });
    expect(await receipt(ws, 'cancel-1', 'validate')).toMatchObject({ status: 'skipped', skipReason: 'cancelled' });
    expect(await receipt(ws, 'cancel-1', 'teardown')).toMatchObject({ status: 'skipped', skipReason: 'not in plan' });
    expect((await summary(ws, 'cancel-1')).status).toBe('cancelled');
    const pid = Number(await readFile(join(ws, 'sleep.pid'), 'utf8'));
    expect(await processGone(pid)).toBe(true);
    expect(await exists(join(ws, 'next-ran'))).toBe(false);
  });
});

describe('dr-execute bundle: alerts, RTO and RPO', () => {
  // The real firing payload's alert started at 2026-11-22T07:19:18.637Z; the probe
  // reports a transaction 2 minutes before that, so RPO is exactly 120 s.
  const ALERT_PLAN = `version: 1
name: alerted
objectives: { rto: 15m, rpo: 5m }
phases:
  restore:
    steps:
      - name: record-env
        run: 'printf "%s\\n" "$DRLOOP_ALERT_STATUS" "$DRLOOP_ALERT_NAME" "$DRLOOP_ALERT_FINGERPRINT" "$DRLOOP_ALERT_STARTS_AT" > alert-env.txt; cp "$DRLOOP_ALERT_PATH" alert-copy.json'
  validate: { steps: [ { name: smoke, run: "true" } ] }
rpo: { probe: "echo 2026-11-22T07:17:18.637Z" }
`;

  test('measures RTO from the earliest firing startsAt of a real Alertmanager payload, and RPO from the probe', async () => {
    const ws = await planWorkspace(ALERT_PLAN);
    await copyFile(alertmanagerFixture('firing-single.json'), join(ws, 'alert.json'));
    const r = await runDr(ws, { alert: 'alert.json', mode: 'failover' });
    expect(r.code).toBe(0);
    const runId = r.outputs['run-id']!;
    expect(runId).toMatch(/^alert-[0-9a-f]{16}$/);
    expect(r.outputs).toMatchObject({ status: 'succeeded', 'rpo-seconds': '120', 'rpo-met': 'true', 'rto-met': 'false' });
    const s = await summary(ws, runId);
    const validate = await receipt(ws, runId, 'validate');
    expect(s.incidentStart).toBe('2026-11-22T07:19:18.637Z');
    expect(s.alert).toEqual({
      name: 'jenkins_critical_down',
      fingerprint: '3271d0121a319aab',
      groupKey: '{}/{team="ci"}:{alertname="jenkins_critical_down"}',
      status: 'firing',
      startsAt: '2026-11-22T07:19:18.637Z',
    });
    expect(s.rtoSeconds).toBeCloseTo((Date.parse(validate.endedAt) - Date.parse('2026-11-22T07:19:18.637Z')) / 1000, 3);
    expect(Number(r.outputs['rto-seconds'])).toBe(s.rtoSeconds);
    expect(validate.extra.rpo).toMatchObject({ recoveredAt: '2026-11-22T07:17:18.637Z', error: null });
    expect(await readFile(join(ws, 'alert-env.txt'), 'utf8')).toBe('firing\njenkins_critical_down\n3271d0121a319aab\n2026-11-22T07:19:18.637Z\n');
    expect(await readFile(join(ws, 'alert-copy.json'), 'utf8')).toBe(await readFile(alertmanagerFixture('firing-single.json'), 'utf8'));
    expect(r.summary).toContain('| RTO (incident start → validate passed) |');
    expect(r.summary).toContain('❌ missed');
    expect(r.summary).toContain('Incident start: 2026-11-22T07:19:18.637Z (from the alert).');

    // The same alert in a later job gives the same run id, so the run resumes.
    const again = await runDr(ws, { alert: 'alert.json', mode: 'failover', 'start-at': 'validate' });
    expect(again.outputs['run-id']).toBe(runId);
  });

  test('alert data is passed as data, never run as code', async () => {
    const ws = await planWorkspace(ALERT_PLAN);
    const payload = JSON.parse(await readFile(alertmanagerFixture('firing-single.json'), 'utf8'));
    const evil = '$(touch pwned)`touch pwned2`; touch pwned3';
    payload.commonLabels.alertname = evil;
    payload.alerts[0].labels.alertname = evil;
    const r = await runDr(ws, { alert: JSON.stringify(payload), mode: 'failover', 'run-id': 'evil-1' });
    expect(r.code).toBe(0);
    expect((await readFile(join(ws, 'alert-env.txt'), 'utf8')).split('\n')[1]).toBe(evil);
    for (const f of ['pwned', 'pwned2', 'pwned3']) expect(await exists(join(ws, f))).toBe(false);
  });

  test.each([
    ['a missing alert file', 'nope.json', /^dr-execute: alert nope\.json: file not found$/],
    ['malformed JSON', '{"version": "4",', /^dr-execute: input 'alert': malformed JSON/],
    ['a payload that is not an alert', '{"hello": "world"}', /^dr-execute: input 'alert': not an alert: expected an Alertmanager webhook body/],
  ])('%s is a clear error, before anything runs', async (_name, alert, message) => {
    const ws = await planWorkspace(ALERT_PLAN);
    const r = await runDr(ws, { alert, 'run-id': 'bad-alert' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(message)]);
    expect(r.stdout).not.toContain('internal error');
    expect(await exists(join(ws, 'alert-env.txt'))).toBe(false);
    expect(await exists(join(runDirOf(ws, 'bad-alert'), 'drill.summary.json'))).toBe(false);
  });
});

describe('dr-execute bundle: cost gate and promotion gate', () => {
  const PLAN = `version: 1
name: gated
phases:
  restore:  { steps: [ { name: db, run: "touch restore-ran" } ] }
  promote:  { steps: [ { name: cutover, run: "touch promote-ran" } ] }
  teardown: { steps: [ { name: down, run: "touch teardown-ran" } ] }
`;

  test('refuses on a block decision; teardown alone may still run', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'block-1', decision: 'block', 'stop-after': 'promote' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'refused', 'last-phase': '' });
    expect(r.errors.at(-1)).toBe('dr-execute: refused: the cost decision is block');
    expect(await receipt(ws, 'block-1', 'restore')).toMatchObject({ status: 'skipped', skipReason: 'refused: the cost decision is block' });
    expect(await exists(join(ws, 'restore-ran'))).toBe(false);
    expect((await summary(ws, 'block-1')).decision).toBe('block');

    const r2 = await runDr(ws, { 'run-id': 'block-2', decision: 'block', 'start-at': 'teardown' });
    expect(r2.code).toBe(0);
    expect(r2.outputs.status).toBe('succeeded');
    expect(await exists(join(ws, 'teardown-ran'))).toBe(true);
  });

  test('a warn decision needs accept-warn', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'warn-1', decision: 'warn', 'stop-after': 'restore' });
    expect(r.outputs.status).toBe('refused');
    expect(await exists(join(ws, 'restore-ran'))).toBe(false);
    const r2 = await runDr(ws, { 'run-id': 'warn-2', decision: 'warn', 'accept-warn': 'true', 'stop-after': 'restore' });
    expect(r2.outputs.status).toBe('stopped');
    expect(await exists(join(ws, 'restore-ran'))).toBe(true);
  });

  test('promote waits for an approval; the approver and ticket go into the receipt', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'gate-1', mode: 'failover', 'stop-after': 'promote' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'stopped', 'last-phase': 'restore' });
    expect(await receipt(ws, 'gate-1', 'promote')).toMatchObject({
      status: 'skipped',
      skipReason: expect.stringMatching(/^promotion gate: needs promote-environment \(a verified GitHub approval\), auto-promote: true or an approver/),
    });
    expect(await exists(join(ws, 'promote-ran'))).toBe(false);

    // The approved job: promote alone, with the approver the environment recorded.
    const r2 = await runDr(ws, { 'run-id': 'gate-1', mode: 'failover', 'start-at': 'promote', 'stop-after': 'promote', approver: 'octocat', ticket: 'CHG-1234' });
    expect(r2.code).toBe(0);
    expect(await receipt(ws, 'gate-1', 'promote')).toMatchObject({ status: 'success', extra: { gate: 'approval', approver: 'octocat', ticket: 'CHG-1234', bypassed: false, verified: false } });

    // Without an approval, a promote-only job is refused rather than quietly stopped.
    const promoteOnly = await planWorkspace('version: 1\nname: p\nphases:\n  promote: { steps: [ { run: "touch promote-ran" } ] }\n');
    const r3 = await runDr(promoteOnly, { 'run-id': 'gate-2', mode: 'failover', 'allow-promote-bypass': 'true' });
    expect(r3.outputs.status).toBe('refused');
    expect(r3.errors.at(-1)).toContain('allow-promote-bypass applies to mode drill only');
  });

  test('allow-promote-bypass in a drill skips the gate and the receipt says so', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'bypass-1', 'stop-after': 'promote', 'allow-promote-bypass': 'true' });
    expect(r.outputs.status).toBe('stopped');
    expect(await receipt(ws, 'bypass-1', 'promote')).toMatchObject({ status: 'success', extra: { gate: 'bypass', bypassed: true } });
    expect(r.warnings.join('\n')).toContain('the promotion gate is bypassed');
  });
});

describe('dr-execute bundle: failback', () => {
  const PLAN = `version: 1
name: fb
phases:
  promote: { steps: [ { name: cutover, run: "true" } ] }
failback:
  checks: [ { name: divergence, run: "cat divergence", expect: "0" } ]
  steps:  [ { name: back, run: "touch failed-back" } ]
`;

  async function promoted(divergence = '0'): Promise<string> {
    const ws = await planWorkspace(PLAN, { divergence: `${divergence}\n` });
    const r = await runDr(ws, { 'run-id': 'fb-1', mode: 'failover', 'auto-promote': 'true' });
    expect(r.outputs.status).toBe('succeeded');
    return ws;
  }

  test.each([
    ['no confirmations', {}, 'failback needs confirm1: FAILBACK'],
    ['a wrong confirm1', { confirm1: 'yes', confirm2: 'CONFIRM-fb-1' }, 'failback needs confirm1: FAILBACK (got "yes")'],
    ['a confirm2 for another run', { confirm1: 'FAILBACK', confirm2: 'CONFIRM-fb-2' }, 'failback needs confirm2: CONFIRM-fb-1 (got "CONFIRM-fb-2")'],
  ])('is refused with %s', async (_name, confirms, message) => {
    const ws = await promoted();
    const r = await runDr(ws, { 'run-id': 'fb-1', mode: 'failback', ...confirms });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toBe(`dr-execute: refused: ${message}`);
    expect(await receipt(ws, 'fb-1', 'failback')).toMatchObject({ status: 'skipped', skipReason: `refused: ${message}` });
    expect(await exists(join(ws, 'failed-back'))).toBe(false);
  });

  test('is refused for a run that was never promoted', async () => {
    const ws = await planWorkspace(PLAN, { divergence: '0\n' });
    const r = await runDr(ws, { 'run-id': 'fb-9', mode: 'failback', confirm1: 'FAILBACK', confirm2: 'CONFIRM-fb-9' });
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toBe('dr-execute: refused: run fb-9 was not promoted: drloop-evidence/runs/fb-9/phases/promote.json does not exist');
  });

  test('is refused when a failback check fails, before any failback step', async () => {
    const ws = await promoted('42');
    const r = await runDr(ws, { 'run-id': 'fb-1', mode: 'failback', confirm1: 'FAILBACK', confirm2: 'CONFIRM-fb-1' });
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toBe('dr-execute: refused: failback check divergence failed');
    const fb = await receipt(ws, 'fb-1', 'failback');
    expect(fb).toMatchObject({ status: 'skipped', skipReason: 'refused: failback check divergence failed', steps: [] });
    expect(fb.checks).toEqual([expect.objectContaining({ name: 'divergence', status: 'failed', detail: 'output "42", expected "0"' })]);
    expect(await exists(join(ws, 'failed-back'))).toBe(false);
  });

  test('runs with both confirmations, a promoted run and passing checks', async () => {
    const ws = await promoted();
    const r = await runDr(ws, { 'run-id': 'fb-1', mode: 'failback', confirm1: 'FAILBACK', confirm2: 'CONFIRM-fb-1' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'succeeded', 'last-phase': 'failback' });
    expect(await exists(join(ws, 'failed-back'))).toBe(true);
    expect(await receipt(ws, 'fb-1', 'failback')).toMatchObject({
      status: 'success',
      checks: [expect.objectContaining({ status: 'success' })],
      steps: [expect.objectContaining({ name: 'back', status: 'success' })],
    });
    const s = await summary(ws, 'fb-1');
    expect(s.mode).toBe('failback');
    expect(s.phases.at(-1)).toMatchObject({ phase: 'failback', status: 'success' });
  });
});

describe('dr-execute bundle: dry run and bad input', () => {
  test('dry run prints what would run and marks receipts skipped (dry-run), executing nothing', async () => {
    const ws = await planWorkspace(DRILL_PLAN('http://127.0.0.1:9/healthz'));
    const r = await runDr(ws, { 'run-id': 'dry-1', 'dry-run': 'true', 'stop-after': 'validate' });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('stopped');
    expect(r.stdout).toContain('::group::bringup: would run');
    expect(r.stdout).toContain('step infra: mkdir -p runners');
    expect(r.stdout).toContain('check validate-check-1: GET http://127.0.0.1:9/healthz → 200 within 30s');
    expect(r.stdout).toContain('::group::promote: outside the window');
    for (const p of ['bringup', 'restore', 'validate']) expect(await receipt(ws, 'dry-1', p)).toMatchObject({ status: 'skipped', skipReason: 'dry-run' });
    expect(await receipt(ws, 'dry-1', 'guards')).toMatchObject({ status: 'skipped', skipReason: 'dry-run' });
    expect(await exists(join(ws, 'runners', 'a'))).toBe(false);
    expect(r.summary).toContain('netbox-postgres: dry run');

    // A dry run reports the refusal a real run would meet.
    const r2 = await runDr(ws, { 'run-id': 'dry-2', 'dry-run': 'true', decision: 'block', 'stop-after': 'validate' });
    expect(r2.outputs.status).toBe('refused');
    expect(r2.errors.at(-1)).toBe('dr-execute: refused: a real run would be refused: the cost decision is block');
  });

  test.each([
    [
      'an unknown key',
      'phases:\n  restore: { steps: [ { name: a, run: "true", timeot: 5m } ] }',
      "plan.yml: key 'phases.restore.steps[0]': unknown key 'timeot' (expected only name, run, timeout, env, retry)",
    ],
    ['an unknown phase', 'phases:\n  cleanup: { steps: [ { run: "true" } ] }', "plan.yml: key 'phases': unknown key 'cleanup' (expected only bringup, restore, validate, promote, teardown)"],
    [
      'a bad duration',
      'phases:\n  restore: { steps: [ { run: "true", timeout: 10 minutes } ] }',
      'plan.yml: key \'phases.restore.steps[0].timeout\': expected a duration such as 30s, 15m, 2h or 7d, got "10 minutes"',
    ],
    ['a step with no run', 'phases:\n  restore: { steps: [ { name: restore-db } ] }', 'plan.yml: key \'phases.restore.steps[0].run\': required: the shell command to run (run: "...")'],
    [
      'a retry pattern that is not a regular expression',
      'phases:\n  restore: { steps: [ { run: "true", retry: { on: ["(unclosed"] } } ] }',
      "plan.yml: key 'phases.restore.steps[0].retry.on[0]': expected a regular expression",
    ],
  ])('an invalid plan (%s) fails before anything runs, naming file, key path and expectation', async (_name, body, message) => {
    const ws = await planWorkspace(`version: 1\nname: bad\nguards: [ { name: g, run: "touch guard-ran" } ]\n${body}\n`);
    const r = await runDr(ws, { 'run-id': 'bad-1' });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`dr-execute: ${message}`);
    expect(r.stdout).not.toContain('internal error');
    expect(await exists(join(ws, 'guard-ran'))).toBe(false);
    expect(await readdir(ws)).toEqual(['plan.yml']);
  });

  test.each([
    [
      'an unknown phase in start-at',
      { 'start-at': 'restor' },
      /^dr-execute: invalid input: input 'start-at': expected a phase \(bringup, restore, validate, promote, teardown\) to start at, got "restor"$/,
    ],
    ['stop-after before start-at', { 'start-at': 'validate', 'stop-after': 'restore' }, /^dr-execute: input 'stop-after': restore comes before start-at validate/],
    ['an unsafe run-id', { 'run-id': '../../etc' }, /^dr-execute: invalid input: input 'run-id': expected 1–128 letters/],
    ['a missing plan', { plan: 'nope.yml' }, /^dr-execute: input 'plan': 'nope\.yml' matches no file$/],
  ])('%s is refused before anything runs', async (_name, inputs, message) => {
    const ws = await planWorkspace('version: 1\nname: ok\nphases:\n  restore: { steps: [ { run: "touch ran" } ] }\n');
    const r = await runDr(ws, inputs as Record<string, string>);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(message)]);
    expect(await readdir(ws)).toEqual(['plan.yml']);
  });
});
