/**
 * The DR loop end to end over the real workflow files. The README's caller
 * workflow (pinned to a commit) calls dr-on-alert.yml / dr-drill.yml, which
 * call dr-loop.yml; GitHub's workflow parser expands them and GitHub's
 * expression engine evaluates every if: and expression (test/workflows/harness.ts).
 * Every job runs the real bundled actions in a fresh workspace. GitHub's REST
 * API, its artifact service and the AWS STS behind configure-aws-credentials
 * are fakes (FakeGitHub, a fake STS), reached through the real clients.
 * The plan's steps append to a ledger outside the workspaces: what the
 * "infrastructure" saw.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readEntries, writeEntries } from '../evidence/tar-helpers.js';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';
import { FakeGitHub } from './fake-github.js';
import { PINNED_SHA, runWorkflow, type RunOptions, type WorkflowRun } from './harness.js';

jest_setTimeout();
function jest_setTimeout() {
  // Each scenario starts a dozen bundles.
  (globalThis as unknown as { jest?: { setTimeout(ms: number): void } }).jest?.setTimeout?.(240_000);
}

const PLAN = `version: 1
name: app
phases:
  bringup:  { steps: [ { name: up, run: 'echo "bringup $DRLOOP_RUN_ID" >> "$LEDGER"; echo "$DRLOOP_TEST_ASSUMED_ROLE $AWS_ACCESS_KEY_ID" > "$LEDGER.aws"' } ] }
  restore:  { steps: [ { name: db, run: 'echo "restore $DRLOOP_RUN_ID" >> "$LEDGER"; test ! -e "$FAIL_RESTORE"' } ] }
  validate: { steps: [ { name: smoke, run: 'echo "validate $DRLOOP_RUN_ID" >> "$LEDGER"' } ] }
  promote:  { steps: [ { name: dns, run: 'echo "promote $DRLOOP_RUN_ID" >> "$LEDGER"; if [ -e "$FAIL_PROMOTE_ONCE" ]; then rm "$FAIL_PROMOTE_ONCE"; exit 1; fi' } ] }
  teardown: { steps: [ { name: down, run: 'echo "teardown $DRLOOP_RUN_ID" >> "$LEDGER"' } ] }
`;

function policy(spent: number): string {
  return `version: 1
currency: USD
budget: { monthly: 5000, spent: ${spent} }
thresholds: { warn: 0.8, block: 1.0 }
incident: { expected-hours: 72 }
max-age: 3650d
missing: block
targets:
  - { name: azure, credits: 1000, artefacts: "docs/proof/cost/azure/**" }
  - { name: gcp,   credits: 0,    artefacts: "docs/proof/cost/gcp/**" }
modes:
  drill: { incident: { expected-hours: 2 } }
`;
}

async function callerRepo(o: { spent?: number; plans?: string[] } = {}): Promise<string> {
  const dir = await tempDir('drloop-caller-');
  for (const p of o.plans ?? ['.drloop/plan.yml']) {
    await mkdir(join(dir, p, '..'), { recursive: true });
    await writeFile(join(dir, p), PLAN.replace('name: app', `name: ${p.replace(/\W/g, '-')}`));
  }
  await writeFile(join(dir, '.drloop/cost-policy.yml'), policy(o.spent ?? 1000));
  await cp(join(REPO_ROOT, 'examples/cost/artefacts'), join(dir, 'docs/proof/cost'), { recursive: true });
  return dir;
}

/**
 * The README's caller workflow, pinned to a commit of drloop. Without
 * `withS3`, its optional evidence bucket lines are left out (no S3 here).
 */
async function readmeCaller(withS3 = false): Promise<string> {
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it from your repository'));
  const caller = /```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)```/.exec(section)![1]!;
  const lines = caller.replaceAll('@v1', `@${PINNED_SHA}`).split('\n');
  return lines.filter((l) => withS3 || !/^\s+(s3-uri|aws-role-arn):.*# optional/.test(l)).join('\n');
}

function alert(status: 'firing' | 'resolved', startsAt = '2026-03-01T09:55:00Z', fingerprints = ['a1']) {
  return {
    schema: 'drloop.alert/v1',
    status,
    groupKey: '{}:{alertname="PostgresDown"}',
    dedupeKey: `k${fingerprints.join('')}${status}${startsAt.replace(/\D/g, '')}`.slice(0, 64),
    receiver: 'drloop',
    externalURL: 'http://alertmanager:9093',
    commonLabels: { alertname: 'PostgresDown' },
    alerts: fingerprints.map((fp, i) => ({
      status,
      labels: { alertname: 'PostgresDown', instance: `db-${i}` },
      annotations: {},
      // Alerts after the first joined the group later.
      startsAt: new Date(Date.parse(startsAt) + i * 30 * 60_000).toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: fp,
    })),
  };
}

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
});
afterAll(async () => {
  await gh.stop();
});

interface World {
  caller: string;
  ledgerDir: string;
  secrets: Record<string, string>;
}

async function world(o: { spent?: number; plans?: string[] } = {}): Promise<World> {
  const ledgerDir = await tempDir('drloop-ledger-');
  return {
    caller: await callerRepo(o),
    ledgerDir,
    secrets: { DRLOOP_PLAN_ENV: `LEDGER=${ledgerDir}/ledger\nFAIL_RESTORE=${ledgerDir}/fail-restore\nFAIL_PROMOTE_ONCE=${ledgerDir}/fail-promote-once` },
  };
}

async function ledger(w: World): Promise<string[]> {
  try {
    return (await readFile(join(w.ledgerDir, 'ledger'), 'utf8')).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function dispatch(w: World, payload: unknown, extra: Partial<RunOptions> & { withS3?: boolean } = {}): Promise<WorkflowRun> {
  return runWorkflow('dr.yml', await readmeCaller(extra.withS3), {
    gh,
    callerDir: w.caller,
    event: { name: 'repository_dispatch', payload },
    vars: { DRLOOP_ENABLE_TRIGGERS: 'true' },
    secrets: w.secrets,
    approval: { decision: 'approved', login: 'oncall-lead', comment: 'CHG-42 go' },
    ...extra,
  });
}

const job = (r: WorkflowRun, path: string) => {
  const j = r.jobs.get(path);
  if (!j) throw new Error(`no job ${path}; jobs: ${[...r.jobs.keys()].join(', ')}`);
  return j;
};
const LOOP = 'alert/loop';
const execFileP = promisify(execFile);

/** The evidence bundle the run's evidence job kept as an artifact, unpacked: name → parsed JSON or text. */
async function evidenceOf(r: WorkflowRun): Promise<Map<string, any>> {
  const a = gh.artifacts.filter((x) => x.runId === r.runId && x.name.startsWith(`drloop-evidence-${r.runId}-${r.attempt}-`)).at(-1);
  if (!a)
    throw new Error(
      `no evidence artifact in run ${r.runId}: ${gh.artifacts
        .filter((x) => x.runId === r.runId)
        .map((x) => x.name)
        .join(', ')}`,
    );
  const dir = await tempDir('drloop-evidence-zip-');
  await writeFile(join(dir, 'a.zip'), a.zip);
  await execFileP('unzip', ['-q', 'a.zip'], { cwd: dir });
  const bundle = (await readdir(dir)).find((n) => n.endsWith('.tar.gz'))!;
  const out = new Map<string, any>();
  for (const e of await readEntries(join(dir, bundle))) {
    const text = e.data.toString('utf8');
    try {
      out.set(e.name, JSON.parse(text));
    } catch {
      out.set(e.name, text);
    }
  }
  return out;
}

describe('DR loop scenarios (fake GitHub REST and artifact services, fake STS)', () => {
  test('allow: one job from the dispatch to the first plan step, approval to promote in one job, receipts merged into the evidence', async () => {
    const w = await world();
    const r = await dispatch(w, alert('firing'));
    const prepare = job(r, `${LOOP}/prepare`);
    expect(prepare.result).toBe('success');
    expect(prepare.outputs).toMatchObject({ decision: 'allow', status: 'stopped', 'last-phase': 'validate' });
    const runId = prepare.outputs['run-id']!;
    expect(runId).toMatch(/^alert-[0-9a-f]{16}$/);
    expect(job(r, `${LOOP}/promote`).result).toBe('success');
    // A failover stops after promote: it keeps what it promoted (teardown is for drills).
    expect(job(r, `${LOOP}/promote`).outputs).toMatchObject({ status: 'stopped' });
    expect(job(r, `${LOOP}/teardown`).result).toBe('skipped');
    expect(await ledger(w)).toEqual([`bringup ${runId}`, `restore ${runId}`, `validate ${runId}`, `promote ${runId}`]);
    // The plan's steps ran with the plan-env secret (LEDGER) and the role the fake STS issued for plan-role-arn.
    expect((await readFile(join(w.ledgerDir, 'ledger.aws'), 'utf8')).trim()).toBe('arn:aws:iam::048622080012:role/drloop-plan ASIAFAKE');
    // Runner starts on the critical path: the dispatch's first job is the one that ran bringup.
    const withSteps = [...r.jobs.values()].filter((j) => j.steps.length > 0).map((j) => j.path);
    expect(withSteps[0]).toBe(`${LOOP}/prepare`);
    const evidence = job(r, `${LOOP}/evidence`);
    expect(evidence.outputs).toMatchObject({ status: 'stopped', 'rto-seconds': expect.stringMatching(/^\d+(\.\d+)?$/) });
    expect(job(r, 'alert').outputs).toEqual({});
    const bundle = await evidenceOf(r);
    const promote = bundle.get(`evidence/runs/${runId}/phases/promote.json`);
    expect(promote).toMatchObject({ status: 'success' });
    expect(JSON.stringify(promote)).toContain('oncall-lead');
    expect(bundle.get(`evidence/runs/${runId}/phases/validate.json`)).toMatchObject({ status: 'success' });
    expect(bundle.get(`evidence/runs/${runId}/drill.summary.json`)).toMatchObject({ status: 'stopped', lastPhase: 'promote' });
    expect(bundle.get('evidence/loop/claim.json')).toMatchObject({ outcome: 'held', incident: { id: runId } });
    // The incident is claimed in the caller's repository, naming this run.
    expect(gh.refs.has(`refs/drloop/incidents/${runId}`)).toBe(true);
  });

  test('warn: refused before any step without accept-warn; nothing is promoted; the evidence records it', async () => {
    const w = await world({ spent: 4500 });
    const r = await dispatch(w, alert('firing', '2026-03-02T09:00:00Z'));
    expect(job(r, `${LOOP}/prepare`).outputs).toMatchObject({ decision: 'warn', status: 'refused' });
    expect(job(r, `${LOOP}/promote`).result).toBe('skipped');
    expect(await ledger(w)).toEqual([]);
    expect(job(r, `${LOOP}/evidence`).outputs.status).toBe('refused');
  });

  test('block: refused before any step; the evidence records it', async () => {
    const w = await world({ spent: 6000 });
    const r = await dispatch(w, alert('firing', '2026-03-03T09:00:00Z'));
    expect(job(r, `${LOOP}/prepare`).outputs).toMatchObject({ decision: 'block', status: 'refused' });
    expect(await ledger(w)).toEqual([]);
    expect(job(r, `${LOOP}/evidence`).result).toBe('success');
    expect(job(r, `${LOOP}/evidence`).outputs.status).toBe('refused');
  });

  test('approval rejected: the promote job never runs; the evidence still lands', async () => {
    const w = await world();
    const r = await dispatch(w, alert('firing', '2026-03-04T09:00:00Z'), { approval: { decision: 'rejected', login: 'cto' } });
    expect(job(r, `${LOOP}/promote`).result).toBe('failure');
    expect((await ledger(w)).some((l) => l.startsWith('promote'))).toBe(false);
    expect(job(r, `${LOOP}/evidence`).outputs.status).toBe('stopped');
  });

  test('approval absent (an environment without required reviewers): GitHub runs the job, the approvals API shows no review, promote is refused', async () => {
    const w = await world();
    const r = await dispatch(w, alert('firing', '2026-03-05T09:00:00Z'), { approval: { decision: 'no-reviewers' } });
    const promote = job(r, `${LOOP}/promote`);
    expect(promote.result).toBe('failure');
    expect(promote.outputs.status).toBe('refused');
    expect((await ledger(w)).some((l) => l.startsWith('promote'))).toBe(false);
    expect(job(r, `${LOOP}/evidence`).outputs.status).toBe('refused');
  });

  test('approval given on day 29: the state artifacts are still there and promote runs', async () => {
    const w = await world();
    const r = await dispatch(w, alert('firing', '2026-03-06T09:00:00Z'), { approval: { decision: 'approved', afterDays: 29, login: 'late-reviewer' } });
    expect(job(r, `${LOOP}/promote`).outputs).toMatchObject({ status: 'stopped' });
    const runId = job(r, `${LOOP}/prepare`).outputs['run-id']!;
    expect(await ledger(w)).toContain(`promote ${runId}`);
    expect(JSON.stringify((await evidenceOf(r)).get(`evidence/runs/${runId}/phases/promote.json`))).toContain('late-reviewer');
  });

  test('triggers off: a dry run, nothing executed, nothing claimed, evidence kept', async () => {
    const w = await world();
    const refsBefore = gh.refs.size;
    const r = await dispatch(w, alert('firing', '2026-03-07T09:00:00Z'), { vars: {} });
    expect(job(r, `${LOOP}/prepare`).result).toBe('success');
    expect(job(r, `${LOOP}/promote`).result).toBe('skipped');
    expect(await ledger(w)).toEqual([]);
    expect(gh.refs.size).toBe(refsBefore);
    expect(job(r, `${LOOP}/evidence`).result).toBe('success');
  });

  test('resolved: the loop does not start; the notification is kept', async () => {
    const w = await world();
    const r = await dispatch(w, alert('resolved', '2026-03-08T09:00:00Z'));
    expect(job(r, LOOP).result).toBe('skipped');
    expect(job(r, 'alert/record-resolved').result).toBe('success');
    expect(gh.artifacts.some((a) => a.runId === r.runId && a.name.startsWith('drloop-resolved-'))).toBe(true);
    expect(await ledger(w)).toEqual([]);
  });

  test('duplicate dispatch, sequential: the second run starts nothing and names the first', async () => {
    const w = await world();
    const first = await dispatch(w, alert('firing', '2026-03-09T09:00:00Z'));
    // An alert joining the group is the same incident.
    const second = await dispatch(w, alert('firing', '2026-03-09T09:00:00Z', ['a1', 'b2']));
    const runId = job(first, `${LOOP}/prepare`).outputs['run-id']!;
    const dup = job(second, `${LOOP}/prepare`);
    expect(dup.result).toBe('success');
    expect(dup.outputs.status).toBe('duplicate');
    expect(dup.summary).toContain(`duplicate of https://github.com/acme/app/actions/runs/${first.runId}`);
    expect(job(second, `${LOOP}/promote`).result).toBe('skipped');
    expect(job(second, `${LOOP}/evidence`).outputs.status).toBe('duplicate');
    expect((await evidenceOf(second)).get('evidence/loop/claim.json')).toMatchObject({ outcome: 'duplicate', owner: { runUrl: `https://github.com/acme/app/actions/runs/${first.runId}` } });
    expect((await ledger(w)).filter((l) => l.startsWith('bringup'))).toEqual([`bringup ${runId}`]);
  });

  test('duplicate dispatch, simultaneous: exactly one execution', async () => {
    const w = await world();
    const [a, b] = await Promise.all([dispatch(w, alert('firing', '2026-03-10T09:00:00Z')), dispatch(w, alert('firing', '2026-03-10T09:00:00Z'))]);
    const statuses = [job(a, `${LOOP}/prepare`).outputs.status, job(b, `${LOOP}/prepare`).outputs.status].sort();
    expect(statuses).toEqual(['duplicate', 'stopped']);
    expect((await ledger(w)).filter((l) => l.startsWith('bringup'))).toHaveLength(1);
  });

  test('a re-fire after resolution is a new incident and runs', async () => {
    const w = await world();
    const first = await dispatch(w, alert('firing', '2026-03-11T09:00:00Z'));
    await dispatch(w, alert('resolved', '2026-03-11T09:00:00Z'));
    const refire = await dispatch(w, alert('firing', '2026-03-11T14:00:00Z'));
    const ids = [job(first, `${LOOP}/prepare`).outputs['run-id'], job(refire, `${LOOP}/prepare`).outputs['run-id']];
    expect(ids[0]).not.toBe(ids[1]);
    expect(job(refire, `${LOOP}/prepare`).outputs.status).toBe('stopped');
    expect((await ledger(w)).filter((l) => l.startsWith('bringup'))).toEqual(ids.map((id) => `bringup ${id}`));
  });

  test('re-run of a failed promote: "Re-run failed jobs" finds the state and completes the run', async () => {
    const w = await world();
    await writeFile(join(w.ledgerDir, 'fail-promote-once'), '');
    const r1 = await dispatch(w, alert('firing', '2026-03-12T09:00:00Z'));
    expect(job(r1, `${LOOP}/promote`).result).toBe('failure');
    const r2 = await dispatch(w, alert('firing', '2026-03-12T09:00:00Z'), { rerunOf: r1 });
    expect(r2.runId).toBe(r1.runId);
    expect(job(r2, `${LOOP}/prepare`)).toBe(job(r1, `${LOOP}/prepare`)); // not run again
    expect(job(r2, `${LOOP}/promote`).outputs).toMatchObject({ status: 'stopped' });
    expect(job(r2, `${LOOP}/evidence`).outputs.status).toBe('stopped');
    expect((await evidenceOf(r2)).get(`evidence/runs/${job(r1, `${LOOP}/prepare`).outputs['run-id']}/phases/promote.json`)).toMatchObject({ status: 'success' });
    const runId = job(r1, `${LOOP}/prepare`).outputs['run-id']!;
    expect((await ledger(w)).filter((l) => l.startsWith('bringup'))).toEqual([`bringup ${runId}`]);
  });

  test('evidence lands when the evidence role cannot be assumed: the S3 copy fails, the bundle is kept as an artifact', async () => {
    const w = await world();
    const r = await dispatch(w, alert('firing', '2026-03-13T09:00:00Z'), { withS3: true, stsRefuses: /drloop-evidence/ });
    const evidence = job(r, `${LOOP}/evidence`);
    expect(evidence.steps.find((s) => s.name.startsWith('aws-actions/'))!.outcome).toBe('failure');
    expect(evidence.result).toBe('failure');
    expect(evidence.outputs.status).toBe('stopped');
    expect((await evidenceOf(r)).get('manifest.json')).toMatchObject({ schema: expect.any(String) });
  });
});

/** A caller of dr-drill.yml at the pinned commit, one job per plan. */
function drillCaller(jobs: Record<string, Record<string, unknown>>): string {
  const lines = ['name: drills', 'on: push', 'permissions:', '  contents: read', 'jobs:'];
  for (const [id, withs] of Object.entries(jobs)) {
    lines.push(`  ${id}:`, '    permissions: { contents: write, actions: read, id-token: write }', `    uses: drloop/drloop/.github/workflows/dr-drill.yml@${PINNED_SHA}`, '    with:');
    for (const [k, v] of Object.entries(withs)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
    lines.push('    secrets:', '      plan-env: ${{ secrets.DRLOOP_PLAN_ENV }}');
  }
  return `${lines.join('\n')}\n`;
}

async function drill(w: World, jobs: Record<string, Record<string, unknown>>, extra: Partial<RunOptions> = {}): Promise<WorkflowRun> {
  return runWorkflow('drills.yml', drillCaller(jobs), { gh, callerDir: w.caller, event: { name: 'push' }, secrets: w.secrets, ...extra });
}

describe('drill scenarios (fake GitHub REST and artifact services)', () => {
  test('prepare fails in a drill: teardown still runs and tears down what bringup made', async () => {
    const w = await world();
    await writeFile(join(w.ledgerDir, 'fail-restore'), '');
    const r = await drill(w, { d: { plan: '.drloop/plan.yml', 'stop-after': 'teardown', 'allow-full-drill': true } });
    const prepare = job(r, 'd/drill/prepare');
    expect(prepare.result).toBe('failure');
    expect(prepare.outputs.status).toBe('failed');
    expect(job(r, 'd/drill/promote').result).toBe('skipped');
    expect(job(r, 'd/drill/teardown').result).toBe('success');
    const id = prepare.outputs['run-id']!;
    expect(await ledger(w)).toEqual([`bringup ${id}`, `restore ${id}`, `teardown ${id}`]);
    expect(job(r, 'd/drill/evidence').outputs.status).toBe('failed');
  });

  test('two plans called from one workflow keep their state and evidence apart', async () => {
    const w = await world({ plans: ['.drloop/a.yml', '.drloop/b.yml'] });
    const r = await drill(w, { a: { plan: '.drloop/a.yml' }, b: { plan: '.drloop/b.yml' } });
    for (const id of ['a', 'b']) {
      expect(job(r, `${id}/drill/prepare`).outputs.status).toBe('stopped');
      expect(job(r, `${id}/drill/evidence`).outputs.status).toBe('stopped');
    }
    const names = gh.artifacts
      .filter((a) => a.runId === r.runId)
      .map((a) => a.name)
      .sort();
    expect(names.filter((n) => n.startsWith('drloop-state-'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('drloop-evidence-'))).toHaveLength(2);
    expect((await ledger(w)).filter((l) => l.startsWith('validate'))).toHaveLength(2);
  });

  test('resume-from-run, honest: the verified receipts of the earlier run are restored and the run keeps its id', async () => {
    const w = await world();
    const first = await drill(w, { d: { plan: '.drloop/plan.yml', 'stop-after': 'restore' } });
    const id = job(first, 'd/drill/prepare').outputs['run-id']!;
    expect(id).toBe(`gh-${first.runId}`);
    const second = await drill(w, { d: { plan: '.drloop/plan.yml', 'start-at': 'validate', 'stop-after': 'validate', 'resume-from-run': first.runId } });
    expect(job(second, 'd/drill/prepare').outputs).toMatchObject({ status: 'stopped', 'run-id': id, 'last-phase': 'validate' });
    expect(await ledger(w)).toEqual([`bringup ${id}`, `restore ${id}`, `validate ${id}`]);
  });

  test("resume-from-run, forged: a receipt changed in the earlier run's bundle refuses the resume; nothing runs or is torn down", async () => {
    const w = await world();
    const first = await drill(w, { d: { plan: '.drloop/plan.yml', 'stop-after': 'restore' } });
    const art = gh.artifacts.find((a) => a.runId === first.runId && a.name.startsWith('drloop-evidence-'))!;
    const dir = await tempDir('drloop-forge-');
    await writeFile(join(dir, 'a.zip'), art.zip);
    await execFileP('unzip', ['-q', 'a.zip'], { cwd: dir });
    const bundle = (await readdir(dir)).find((n) => n.endsWith('.tar.gz'))!;
    const entries = await readEntries(join(dir, bundle));
    const restore = entries.find((e) => e.name.endsWith('phases/restore.json'))!;
    restore.data = Buffer.from(restore.data.toString('utf8').replace(/"status": "success"/, '"status": "success" '));
    await writeEntries(join(dir, bundle), entries);
    await execFileP('zip', ['-q', 'forged.zip', bundle], { cwd: dir });
    art.zip = await readFile(join(dir, 'forged.zip'));
    const before = await ledger(w);
    const second = await drill(w, { d: { plan: '.drloop/plan.yml', 'start-at': 'validate', 'stop-after': 'validate', 'resume-from-run': first.runId } });
    const prepare = job(second, 'd/drill/prepare');
    expect(prepare.result).toBe('failure');
    expect(prepare.steps.map((s) => s.stdout).join('\n')).toMatch(/resume-from-run: the bundle .* does not verify/);
    expect(job(second, 'd/drill/teardown').result).toBe('skipped');
    expect(await ledger(w)).toEqual(before);
  });

  test('a drill is refused while a failover of its plan runs (plan claim)', async () => {
    const w = await world();
    // A live failover of this plan holds it (its run has not completed).
    gh.run('424242').status = 'in_progress';
    gh.commits.set('f'.repeat(40), {
      message: JSON.stringify({
        schema: 'drloop.claim/v1',
        kind: 'failover',
        githubRunId: '424242',
        runUrl: 'https://github.com/acme/app/actions/runs/424242',
        runId: 'alert-x',
        plan: '.drloop/plan.yml',
        claimedAt: '2026-03-01T10:00:00Z',
      }),
      tree: 'a'.repeat(40),
    });
    const { planKeyOf } = await import('../../src/loop/incident.js');
    gh.refs.set(`refs/drloop/plans/${planKeyOf('.drloop/plan.yml')}/424242`, 'f'.repeat(40));
    const r = await drill(w, { d: { plan: '.drloop/plan.yml' } });
    const prepare = job(r, 'd/drill/prepare');
    expect(prepare.outputs.status).toBe('refused');
    expect(prepare.summary).toContain('https://github.com/acme/app/actions/runs/424242');
    expect(job(r, 'd/drill/teardown').result).toBe('skipped');
    expect(await ledger(w)).toEqual([]);
    gh.run('424242').status = 'completed';
    // Once that run completed, its claim is stale and the drill runs.
    const again = await drill(w, { d: { plan: '.drloop/plan.yml' } });
    expect(job(again, 'd/drill/prepare').outputs.status).toBe('stopped');
  });
});
