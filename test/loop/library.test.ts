/**
 * The DR loop's library (src/loop), called directly: what one incident is,
 * how claims make a second dispatch a duplicate and keep a drill and a
 * failover of a plan apart, how state merges between jobs in phase order,
 * and how a resume trusts only a bundle that verifies. GitHub's refs and
 * artifacts are in-memory fakes behind the library's interfaces.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alertFromJson } from '../../src/alerts/alertmanager.js';
import { isConfigurationError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { collectEvidenceInputs, runCollectEvidence } from '../../src/evidence/run.js';
import { claimIncident, holdPlan } from '../../src/loop/claims.js';
import { incidentOf, planKeyOf } from '../../src/loop/incident.js';
import { loopOutcome } from '../../src/loop/outcome.js';
import { resumeFromBundle } from '../../src/loop/resume.js';
import { restoreState, saveState, stateArtifactName } from '../../src/loop/state.js';
import { tempWorkspace } from '../support/run-action.js';
import { plantRun, put } from '../evidence/support.js';
import { readEntries, writeEntries } from '../evidence/tar-helpers.js';
import { FakeClaims, FakeStateArtifacts, owner } from './support.js';

function webhook(status: 'firing' | 'resolved', alerts: { fp: string; startsAt: string; status?: string }[]) {
  return alertFromJson(
    {
      version: '4',
      status,
      groupKey: '{}:{alertname="PostgresDown"}',
      receiver: 'drloop',
      groupLabels: { alertname: 'PostgresDown' },
      commonLabels: { alertname: 'PostgresDown' },
      commonAnnotations: {},
      externalURL: 'http://am',
      alerts: alerts.map((a) => ({
        status: a.status ?? status,
        labels: { alertname: 'PostgresDown', instance: a.fp },
        annotations: {},
        startsAt: a.startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint: a.fp,
      })),
    },
    'test',
  );
}

describe('incident identity', () => {
  test('an alert joining the group keeps the incident; a re-fire after resolution is a new one', () => {
    const first = incidentOf(webhook('firing', [{ fp: 'a', startsAt: '2026-03-01T10:00:00Z' }]));
    const joined = incidentOf(
      webhook('firing', [
        { fp: 'a', startsAt: '2026-03-01T10:00:00Z' },
        { fp: 'b', startsAt: '2026-03-01T10:04:00Z' },
      ]),
    );
    const refire = incidentOf(webhook('firing', [{ fp: 'a', startsAt: '2026-03-01T12:30:00Z' }]));
    expect(joined.id).toBe(first.id);
    expect(refire.id).not.toBe(first.id);
    expect(first.id).toMatch(/^alert-[0-9a-f]{16}$/);
  });

  test('a resolved group is no incident', () => {
    let err: unknown;
    try {
      incidentOf(webhook('resolved', [{ fp: 'a', startsAt: '2026-03-01T10:00:00Z' }]));
    } catch (e) {
      err = e;
    }
    expect(isConfigurationError(err)).toBe(true);
    expect(String(err)).toMatch(/resolved/);
  });

  test('plan keys differ per plan and ignore a leading ./', () => {
    expect(planKeyOf('./dr/a.yml')).toBe(planKeyOf('dr/a.yml'));
    expect(planKeyOf('dr/a.yml')).not.toBe(planKeyOf('dr/b.yml'));
  });
});

describe('incident claims (fake refs behind ClaimStore)', () => {
  const incident = incidentOf(webhook('firing', [{ fp: 'a', startsAt: '2026-03-01T10:00:00Z' }]));

  test('sequential dispatches: the second is a duplicate naming the first run', async () => {
    const store = new FakeClaims();
    expect(await claimIncident(store, incident, owner('101', 'failover'))).toEqual({ outcome: 'owner' });
    const second = await claimIncident(store, incident, owner('102', 'failover'));
    expect(second).toMatchObject({ outcome: 'duplicate', owner: { githubRunId: '101', runUrl: 'https://github.com/acme/app/actions/runs/101' } });
  });

  test('simultaneous dispatches: exactly one owns the incident', async () => {
    const store = new FakeClaims({ latencyMs: 5 });
    const results = await Promise.all(['201', '202', '203'].map((id) => claimIncident(store, incident, owner(id, 'failover'))));
    expect(results.filter((r) => r.outcome === 'owner')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(2);
  });

  test('the owning run claiming again (a re-run job) is not a duplicate', async () => {
    const store = new FakeClaims();
    await claimIncident(store, incident, owner('301', 'failover'));
    expect(await claimIncident(store, incident, owner('301', 'failover'))).toEqual({ outcome: 'rerun' });
  });
});

describe('plan holds: a drill and a failover never run at once', () => {
  const opts = (clock: { t: number }, logger = new MemoryLogger()) => ({ waitMs: 60_000, pollMs: 10_000, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms), logger });

  test('a drill is refused while a failover of its plan runs, and runs once that run completed (its ref is stale)', async () => {
    const store = new FakeClaims();
    const clock = { t: 0 };
    expect((await holdPlan(store, 'plan-x', owner('1', 'failover'), opts(clock))).outcome).toBe('held');
    const busy = await holdPlan(store, 'plan-x', owner('2', 'drill'), opts(clock));
    expect(busy).toMatchObject({ outcome: 'busy', holders: [{ githubRunId: '1', kind: 'failover' }] });
    expect(store.refs()).toEqual(['refs/drloop/plans/plan-x/1']);
    store.complete('1');
    expect((await holdPlan(store, 'plan-x', owner('3', 'drill'), opts(clock))).outcome).toBe('held');
    expect(store.refs()).toEqual(['refs/drloop/plans/plan-x/3']);
  });

  test('a failover waits for a running drill to end, then runs', async () => {
    const store = new FakeClaims();
    const clock = { t: 0 };
    await holdPlan(store, 'plan-x', owner('1', 'drill'), opts(clock));
    store.completeAfterChecks('1', 2);
    const logger = new MemoryLogger();
    expect((await holdPlan(store, 'plan-x', owner('2', 'failover'), opts(clock, logger))).outcome).toBe('held');
    expect(clock.t).toBeGreaterThan(0);
    expect(logger.messages('info').join('\n')).toMatch(/waiting for the drill https:\/\/github.com\/acme\/app\/actions\/runs\/1/);
  });

  test('a failover is refused after the wait when the drill still runs, naming it', async () => {
    const store = new FakeClaims();
    const clock = { t: 0 };
    await holdPlan(store, 'plan-x', owner('1', 'drill'), opts(clock));
    const r = await holdPlan(store, 'plan-x', owner('2', 'failover'), opts(clock));
    expect(r).toMatchObject({ outcome: 'busy', holders: [{ githubRunId: '1' }] });
    expect(clock.t).toBe(60_000);
  });

  test('failovers of two incidents do not wait for each other; other plans are not affected', async () => {
    const store = new FakeClaims();
    const clock = { t: 0 };
    await holdPlan(store, 'plan-x', owner('1', 'failover'), opts(clock));
    expect((await holdPlan(store, 'plan-x', owner('2', 'failover'), opts(clock))).outcome).toBe('held');
    expect((await holdPlan(store, 'plan-y', owner('3', 'drill'), opts(clock))).outcome).toBe('held');
    expect(clock.t).toBe(0);
  });

  test('a drill and a failover arriving together: the failover runs, the drill is refused', async () => {
    const store = new FakeClaims({ latencyMs: 3 });
    const clock = { t: 0 };
    const [drill, failover] = await Promise.all([holdPlan(store, 'plan-x', owner('1', 'drill'), opts(clock)), holdPlan(store, 'plan-x', owner('2', 'failover'), opts(clock))]);
    expect([drill.outcome, failover.outcome]).toEqual(['busy', 'held']);
  });
});

describe('state between jobs (fake artifacts behind StateArtifacts)', () => {
  const logger = new MemoryLogger();
  const key = planKeyOf('dr/plan.yml');

  test('restores earlier stages in phase order whatever order the artifacts are listed in; a re-run replaces its own stage', async () => {
    const store = new FakeStateArtifacts();
    const ws = await tempWorkspace();
    for (const stage of ['bringup', 'promote'] as const) {
      const dir = join(ws, `job-${stage}`);
      await put(dir, 'runs/r1/drill.summary.json', { from: stage });
      await put(dir, `runs/r1/phases/${stage === 'bringup' ? 'validate' : 'promote'}.json`, { stage });
      await saveState(store, { planKey: key, stage, evidenceDir: dir, logger });
    }
    store.reverseListing = true;
    const teardown = join(ws, 'teardown');
    await restoreState(store, { planKey: key, before: 'teardown', evidenceDir: teardown, logger });
    expect(JSON.parse(await readFile(join(teardown, 'runs/r1/drill.summary.json'), 'utf8'))).toEqual({ from: 'promote' });
    expect(JSON.parse(await readFile(join(teardown, 'runs/r1/phases/validate.json'), 'utf8'))).toEqual({ stage: 'bringup' });

    // A re-run of promote sees only what came before promote, then replaces promote's artifact.
    const rerun = join(ws, 'rerun');
    await restoreState(store, { planKey: key, before: 'promote', evidenceDir: rerun, logger });
    expect(JSON.parse(await readFile(join(rerun, 'runs/r1/drill.summary.json'), 'utf8'))).toEqual({ from: 'bringup' });
    await put(rerun, 'runs/r1/drill.summary.json', { from: 'promote, attempt 2' });
    await saveState(store, { planKey: key, stage: 'promote', evidenceDir: rerun, logger });
    expect(store.names().filter((n) => n === stateArtifactName(key, 'promote'))).toHaveLength(1);
    const evidence = join(ws, 'evidence');
    await restoreState(store, { planKey: key, before: null, evidenceDir: evidence, logger });
    expect(JSON.parse(await readFile(join(evidence, 'runs/r1/drill.summary.json'), 'utf8'))).toEqual({ from: 'promote, attempt 2' });
  });

  test("another plan's state is never restored", async () => {
    const store = new FakeStateArtifacts();
    const ws = await tempWorkspace();
    await put(join(ws, 'other'), 'runs/r9/drill.summary.json', { other: true });
    await saveState(store, { planKey: planKeyOf('dr/other.yml'), stage: 'bringup', evidenceDir: join(ws, 'other'), logger });
    expect(await restoreState(store, { planKey: key, before: null, evidenceDir: join(ws, 'mine'), logger })).toEqual([]);
  });

  test('a link in a downloaded artifact is refused, not followed', async () => {
    const store = new FakeStateArtifacts();
    const ws = await tempWorkspace();
    const dir = join(ws, 'job');
    await put(dir, 'runs/r1/drill.summary.json', {});
    await saveState(store, { planKey: key, stage: 'bringup', evidenceDir: dir, logger });
    store.plantLink = '/etc/passwd';
    await expect(restoreState(store, { planKey: key, before: null, evidenceDir: join(ws, 'x'), logger })).rejects.toThrow(/not a regular file/);
  });

  test('the outcome is the merged summary; a duplicate says so', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'r1');
    expect(await loopOutcome(join(ws, 'drloop-evidence'))).toEqual({ status: 'succeeded', 'run-id': 'r1', 'rto-seconds': '960', 'rpo-seconds': '420' });
    await put(ws, 'dup/loop/claim.json', { outcome: 'duplicate', run: { runId: 'alert-1' } });
    expect(await loopOutcome(join(ws, 'dup'))).toMatchObject({ status: 'duplicate', 'run-id': 'alert-1' });
    expect((await loopOutcome(join(ws, 'empty'))).status).toBe('not-run');
    // A later job's clean summary does not hide a phase that failed earlier.
    await put(ws, 'late/runs/r2/drill.summary.json', {
      status: 'succeeded',
      phases: [
        { phase: 'restore', status: 'failed' },
        { phase: 'teardown', status: 'success' },
      ],
    });
    expect((await loopOutcome(join(ws, 'late'))).status).toBe('failed');
  });
});

describe('resume-from-run trusts only a verified bundle of that run', () => {
  const CONTEXT = { repository: 'acme/app', runId: '5000', runAttempt: '1', runUrl: 'https://github.com/acme/app/actions/runs/5000' };

  async function bundleOf(runId = 'r1', context = CONTEXT) {
    const ws = await tempWorkspace();
    await plantRun(ws, runId);
    const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, {}), { workspace: ws, logger: new MemoryLogger(), now: () => new Date('2026-03-01T10:00:00Z'), context });
    const downloaded = join(ws, 'downloaded', '1');
    await mkdir(downloaded, { recursive: true });
    const target = join(downloaded, 'bundle.tar.gz');
    await writeFile(target, await readFile(result.bundlePath));
    return { ws, downloaded: join(ws, 'downloaded'), bundle: target };
  }

  test('honest: restores the receipts under the original run id', async () => {
    const { ws, downloaded } = await bundleOf();
    const out = join(ws, 'restored');
    const r = await resumeFromBundle({ downloaded, githubRunId: '5000', evidenceDir: out });
    expect(r.runId).toBe('r1');
    expect(JSON.parse(await readFile(join(out, 'runs/r1/phases/validate.json'), 'utf8'))).toMatchObject({ runId: 'r1', phase: 'validate', status: 'success' });
  });

  async function refused(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (err) {
      expect(isConfigurationError(err)).toBe(true);
      return String((err as Error).message);
    }
    throw new Error('expected the resume to be refused');
  }

  test('forged: a receipt changed after bundling is refused and nothing is restored', async () => {
    const { ws, downloaded, bundle } = await bundleOf();
    const entries = await readEntries(bundle);
    const v = entries.find((e) => e.name.endsWith('phases/validate.json'))!;
    v.data = Buffer.from(v.data.toString('utf8').replace('"success"', '"success" '));
    await writeEntries(bundle, entries);
    const out = join(ws, 'restored');
    expect(await refused(resumeFromBundle({ downloaded, githubRunId: '5000', evidenceDir: out }))).toMatch(/does not verify[\s\S]*changed: evidence\/runs\/r1\/phases\/validate.json/);
    await expect(readFile(join(out, 'runs/r1/phases/validate.json'))).rejects.toThrow();
  });

  test('forged: a self-consistent bundle of another run is refused', async () => {
    const { downloaded, ws } = await bundleOf('r1', { ...CONTEXT, runId: '4999' });
    expect(await refused(resumeFromBundle({ downloaded, githubRunId: '5000', evidenceDir: join(ws, 'x') }))).toMatch(/made by workflow run "4999", not 5000/);
  });

  test('a link beside the bundle, or a `..` entry inside it, is refused', async () => {
    const a = await bundleOf();
    await symlink('/etc/passwd', join(a.downloaded, '1', 'evil.tar.gz'));
    expect(await refused(resumeFromBundle({ downloaded: a.downloaded, githubRunId: '5000', evidenceDir: join(a.ws, 'x') }))).toMatch(/is a link/);

    const b = await bundleOf();
    const entries = await readEntries(b.bundle);
    entries.push({ name: 'evidence/runs/r1/../../../escape.txt', data: Buffer.from('x') });
    await writeEntries(b.bundle, entries);
    expect(await refused(resumeFromBundle({ downloaded: b.downloaded, githubRunId: '5000', evidenceDir: join(b.ws, 'x') }))).toMatch(/escape.txt/);
  });

  test('a receipt claiming another run inside an otherwise valid bundle is refused', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'r1');
    await put(ws, 'drloop-evidence/runs/r1/phases/restore.json', { ...JSON.parse(await readFile(join(ws, 'drloop-evidence/runs/r1/phases/restore.json'), 'utf8')), runId: 'other' });
    const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, {}), { workspace: ws, logger: new MemoryLogger(), now: () => new Date(), context: CONTEXT });
    await mkdir(join(ws, 'dl'), { recursive: true });
    await writeFile(join(ws, 'dl', 'b.tar.gz'), await readFile(result.bundlePath));
    expect(await refused(resumeFromBundle({ downloaded: join(ws, 'dl'), githubRunId: '5000', evidenceDir: join(ws, 'x') }))).toMatch(/belongs to run 'other'/);
  });
});

describe('plan-env: named secrets for the plan steps', () => {
  test('NAME=value lines become variables; values may hold = and spaces', async () => {
    const { parseSecretEnv } = await import('../../src/loop/secret-env.js');
    expect(parseSecretEnv('# db\nPGPASSWORD=s3cr=t x\n\nAPI_TOKEN=abc\n')).toEqual({ PGPASSWORD: 's3cr=t x', API_TOKEN: 'abc' });
  });

  test('reserved or malformed names are refused, naming the line and never the value', async () => {
    const { parseSecretEnv } = await import('../../src/loop/secret-env.js');
    let err: unknown;
    try {
      parseSecretEnv('LD_PRELOAD=/tmp/evil.so\nDRLOOP_TARGET=aws\nnot a pair hunter2\nA=1\nA=2');
    } catch (e) {
      err = e;
    }
    expect(isConfigurationError(err)).toBe(true);
    const msg = String((err as Error).message);
    expect(msg).toMatch(/line 1: LD_PRELOAD is reserved/);
    expect(msg).toMatch(/line 2: DRLOOP_TARGET is reserved/);
    expect(msg).toMatch(/line 3: expected NAME=value/);
    expect(msg).toMatch(/line 5: A is set twice/);
    expect(msg).not.toMatch(/evil|hunter2/);
  });
});
