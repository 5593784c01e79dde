/**
 * The plan library, called directly: the plan schema, the step runner, the
 * helpers behind RTO/RPO and step outputs, and the engine with an injected
 * cancellation signal.
 */
import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/logger.js';
import { measure, parseProbeTime, parseStepOutputs } from '../../src/plan/engine.js';
import { skippedReceipt, type PhaseReceipt, type ReceiptName } from '../../src/plan/receipts.js';
import { drillMarkdown } from '../../src/plan/report.js';
import { defaultRunId, drExecuteInputs, runDrExecute } from '../../src/plan/run.js';
import { LineSplitter } from '../../src/plan/lines.js';
import { runCommand } from '../../src/plan/runner.js';
import { effectiveRetry, parsePlan, planPhases } from '../../src/plan/schema.js';
import { parseInputs } from '../../src/inputs.js';
import { parseYamlText } from '../../src/yaml-file.js';
import { alertFromJson } from '../../src/alerts/alertmanager.js';
import { alertmanagerFixture } from '../support/fixtures.js';
import { tempWorkspace } from '../support/run-action.js';
import { planWorkspace, processGone, receipt } from './support.js';

/** The plan from the issue, verbatim: the public format. */
const ISSUE_PLAN = `version: 1
name: netbox-postgres
objectives: { rto: 15m, rpo: 5m }
guards:                          # run before anything mutates; all must pass
  - { name: expected-account, run: "aws sts get-caller-identity --query Account --output text", expect: "048622080012" }
defaults: { timeout: 10m, retry: { max: 2, backoff: 15s, on: ["ErrImagePull", "Insufficient memory"] } }
phases:
  bringup:  { steps: [ { name: infra, run: "terraform -chdir=infra/dr apply -auto-approve", timeout: 20m } ] }
  restore:  { steps: [ { name: restore-db, run: "scripts/restore.sh" } ] }
  validate:
    steps:  [ { name: smoke, run: "scripts/smoke.sh" } ]
    checks: [ { http: "https://dr.example.com/healthz", status: 200, within: 5m } ]
  promote:  { steps: [ { name: cutover, run: "scripts/promote.sh" } ] }
  teardown: { steps: [ { name: destroy, run: "terraform -chdir=infra/dr destroy -auto-approve" } ], verify: { run: "scripts/count_runners.sh", expect: "0" } }
failback:
  checks: [ { name: divergence, run: "scripts/divergence.sh" } ]
  steps:  [ { name: back, run: "scripts/failback.sh" } ]
rpo: { probe: "scripts/last_tx.sh" }   # prints the timestamp (RFC3339 or epoch seconds) of the newest recovered transaction
`;

function plan(text: string) {
  return parsePlan(parseYamlText(text, 'plan.yml'), 'plan.yml');
}

function planError(text: string): string[] {
  try {
    plan(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as ConfigurationError).problems;
  }
  throw new Error('expected the plan to be refused');
}

describe('plan schema', () => {
  test('accepts the plan of the public format, with defaults applied and every step named', () => {
    const p = plan(ISSUE_PLAN);
    expect(planPhases(p)).toEqual(['bringup', 'restore', 'validate', 'promote', 'teardown']);
    expect(p.objectives).toEqual({ rtoSeconds: 900, rpoSeconds: 300 });
    expect(p.defaults).toEqual({ timeoutSeconds: 600, retry: { max: 2, backoffSeconds: 15, on: ['ErrImagePull', 'Insufficient memory'] }, env: {} });
    expect(p.phases.bringup!.steps[0]).toMatchObject({ name: 'infra', timeout: 1200 });
    expect(p.phases.validate!.checks[0]).toMatchObject({ name: 'validate-check-1', http: 'https://dr.example.com/healthz', status: 200, within: 300 });
    expect(p.phases.teardown!.verify).toMatchObject({ run: 'scripts/count_runners.sh', expect: '0' });
    expect(p.failback!.checks[0]!.name).toBe('divergence');
    expect(p.rpo).toEqual({ probe: 'scripts/last_tx.sh', timeoutSeconds: null });
    expect(p.guards[0]).toMatchObject({ name: 'expected-account', expect: '048622080012' });
  });

  test('a step retry overrides the defaults key by key', () => {
    const p = plan('version: 1\nname: x\ndefaults: { retry: { max: 2, on: [boom] } }\nphases:\n  restore: { steps: [ { run: "true", retry: { max: 5 } } ] }\n');
    expect(effectiveRetry(p, p.phases.restore!.steps[0]!)).toEqual({ max: 5, backoffSeconds: 10, on: ['boom'] });
    expect(p.phases.restore!.steps[0]!.name).toBe('restore-1');
  });

  test.each([
    ['no version', 'name: x\nphases: { restore: { steps: [ { run: a } ] } }', "plan.yml: key 'version': required: version: 1"],
    ['no phases at all', 'version: 1\nname: x\nphases: {}', "plan.yml: key 'phases': expected at least one of bringup, restore, validate, promote, teardown"],
    ['an empty phase', 'version: 1\nname: x\nphases: { restore: {} }', "plan.yml: key 'phases.restore': expected steps, checks or verify"],
    [
      'an empty run',
      'version: 1\nname: x\nphases: { restore: { steps: [ { run: "  " } ] } }',
      'plan.yml: key \'phases.restore.steps[0].run\': expected the shell command to run (run: "..."), got an empty string',
    ],
    [
      'a check with both http and run',
      'version: 1\nname: x\nphases: { validate: { checks: [ { http: "http://a", run: b } ] } }',
      "plan.yml: key 'phases.validate.checks[0]': expected exactly one of http (a URL to probe) or run (a command)",
    ],
    [
      'a check URL that is not http',
      'version: 1\nname: x\nphases: { validate: { checks: [ { http: "ftp://a" } ] } }',
      "plan.yml: key 'phases.validate.checks[0].http': expected an http:// or https:// URL",
    ],
    ['duplicate step names', 'version: 1\nname: x\nphases: { restore: { steps: [ { name: a, run: b }, { name: a, run: c } ] } }', "plan.yml: key 'phases.restore.steps[1].name': duplicate name 'a'"],
    [
      'a bad env name',
      'version: 1\nname: x\nphases: { restore: { steps: [ { run: b, env: { "A-B": 1 } } ] } }',
      "plan.yml: key 'phases.restore.steps[0].env.A-B': expected an environment variable name (letters, digits, _)",
    ],
    [
      'a negative retry count',
      'version: 1\nname: x\ndefaults: { retry: { max: -1 } }\nphases: { restore: { steps: [ { run: b } ] } }',
      "plan.yml: key 'defaults.retry.max': expected 0 or more retries",
    ],
    ['a failback without steps', 'version: 1\nname: x\nphases: { restore: { steps: [ { run: b } ] } }\nfailback: { checks: [] }', "plan.yml: key 'failback.steps': required: a value"],
  ])('refuses %s, naming the key path', (_name, text, problem) => {
    const problems = planError(text);
    expect(problems.some((p) => p.startsWith(problem.replace(/: required: a value$/, '')))).toBe(true);
    if (!problem.endsWith('required: a value')) expect(problems).toContain(problem);
  });

  test('reports every problem at once', () => {
    const problems = planError('version: 2\nname: x\nphases: { restore: { steps: [ { name: a } ] }, cleanup: {} }');
    expect(problems).toHaveLength(3);
  });
});

describe('output lines from bytes', () => {
  const split = (chunks: Buffer[], max?: number, batch?: number) => {
    const got: { text: string; terminated: boolean }[] = [];
    const s = new LineSplitter((text, terminated) => got.push({ text, terminated }), max, batch);
    for (const c of chunks) s.push(c);
    s.end();
    return got;
  };
  const lines = (got: { text: string }[]) => got.flatMap((g) => g.text.split('\n'));

  test('a character cut between two chunks is decoded whole, and CRLF ends a line', () => {
    const bytes = Buffer.from('grüße aus köln\r\nzweite\r\ndritte', 'utf8');
    const at = bytes.indexOf(0xc3) + 1; // inside the two bytes of ü
    const got = split([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(lines(got)).toEqual(['grüße aus köln', 'zweite', 'dritte']);
    expect(got.at(-1)).toEqual({ text: 'dritte', terminated: false });
  });

  test('whole lines go in batches of at most the batch size, never split', () => {
    const input = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const got = split([Buffer.from(input.slice(0, 100)), Buffer.from(input.slice(100))], 64, 20);
    expect(lines(got)).toEqual(input.trimEnd().split('\n'));
    expect(got.length).toBeGreaterThan(10);
    expect(got.every((g) => g.terminated && Buffer.byteLength(g.text) <= 20)).toBe(true);
  });

  test('a line longer than the limit is handed on in pieces cut between characters', () => {
    const line = 'ä'.repeat(50); // 100 bytes
    const got = split([Buffer.from(`${line}\nok\n`)], 15);
    const pieces = lines(got);
    expect(pieces.at(-1)).toBe('ok');
    expect(pieces.slice(0, -1).join('')).toBe(line);
    expect(pieces.slice(0, -1).every((p) => Buffer.byteLength(p) <= 15 && !p.includes('\ufffd'))).toBe(true);
  });

  test('an endless line without a newline is handed on as it comes', () => {
    const got = split([Buffer.alloc(40, 'x'), Buffer.alloc(40, 'y')], 16);
    expect(got.slice(0, 2).map((g) => g.text)).toEqual(['x'.repeat(16), 'x'.repeat(16)]);
    expect(got.map((g) => g.text).join('')).toBe('x'.repeat(40) + 'y'.repeat(40));
    expect(got.at(-1)!.terminated).toBe(false);
  });
});

describe('step runner', () => {
  const base = { cwd: '/tmp', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeoutSeconds: 30 };

  test('streams stdout and stderr line by line and keeps the exit code', async () => {
    const lines: string[] = [];
    const r = await runCommand({ ...base, run: 'echo one; echo two >&2; printf three; exit 4', onOutput: (t) => lines.push(...t.split('\n')) });
    expect(r).toMatchObject({ exitCode: 4, signal: null, timedOut: false, cancelled: false, spawnError: null });
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
    expect(r.tail).toContain('one\n');
  });

  test('keeps only a bounded tail of a chatty step, starting at a line', async () => {
    let count = 0;
    const r = await runCommand({ ...base, run: 'for i in $(seq 1 20000); do echo "line $i of a chatty step"; done', onOutput: (t) => (count += t.split('\n').length) });
    expect(count).toBe(20000);
    expect(r.tail.length).toBeLessThanOrEqual(4096);
    expect(r.tail).toMatch(/^line \d+ of a chatty step\n/);
    expect(r.tail.endsWith('line 20000 of a chatty step\n')).toBe(true);
  });

  test('the tail is the redacted log and keeps a missing final newline', async () => {
    const shown: string[] = [];
    const r = await runCommand({ ...base, run: 'printf "GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345\\r\\nlast"', onOutput: (t) => shown.push(...t.split('\n')) });
    expect(shown).toEqual(['GITHUB_TOKEN=[REDACTED:github-token]', 'last']);
    expect(r.tail).toBe('GITHUB_TOKEN=[REDACTED:github-token]\nlast');
  });

  test('matches retry patterns on any line, not only the tail', async () => {
    const r = await runCommand({ ...base, run: 'echo "Error: ErrImagePull"; seq 1 5000; exit 1', patterns: [/ErrImagePull/] });
    expect(r.matched).toBe(true);
    expect(r.tail).not.toContain('ErrImagePull');
  });

  test('an aborted signal stops the whole process group', async () => {
    const ws = await tempWorkspace();
    const abort = new AbortController();
    const run = runCommand({
      ...base,
      cwd: ws,
      run: 'sleep 60 & echo $! > sleep.pid; echo started; wait',
      signal: abort.signal,
      onOutput: (t) => {
        if (t.split('\n').includes('started')) abort.abort();
      },
    });
    const r = await run;
    expect(r).toMatchObject({ cancelled: true, timedOut: false, exitCode: null, signal: 'SIGTERM' });
    expect(await processGone(Number(await readFile(join(ws, 'sleep.pid'), 'utf8')))).toBe(true);
  });

  test('a step that ignores SIGTERM is killed after the grace period', async () => {
    const r = await runCommand({ ...base, run: "trap '' TERM; echo ready; sleep 30", timeoutSeconds: 0.2, killGraceMs: 100 });
    expect(r).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
  });

  test('a command Node cannot start is reported, not thrown', async () => {
    const r = await runCommand({ ...base, env: { ...base.env, BAD: 'a\0b' }, run: 'true' });
    expect(r).toMatchObject({ exitCode: null, cancelled: false });
    expect(r.spawnError).toMatch(/null bytes|\\0/);
  });

  test('does not wait for a background process that keeps the output open', async () => {
    const ws = await tempWorkspace();
    const r = await runCommand({ ...base, cwd: ws, run: 'sleep 30 & echo $! > bg.pid; echo done' });
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    const pid = Number(await readFile(join(ws, 'bg.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
  });
});

describe('measurements and step outputs', () => {
  test.each([
    ['2026-11-22T07:17:18Z', '2026-11-22T07:17:18.000Z'],
    ['2026-11-22 07:17:18.5+00:00', '2026-11-22T07:17:18.500Z'],
    ['1795331838', '2026-11-22T07:17:18.000Z'],
    ['connecting...\n2026-11-22T07:17:18Z\n', '2026-11-22T07:17:18.000Z'],
    ['yesterday', null],
    ['', null],
  ])('reads the probe output %j', (text, iso) => {
    expect(parseProbeTime(text)?.toISOString() ?? null).toBe(iso);
  });

  test('step outputs are KEY=value lines; others, and DRLOOP_ names, are reported', () => {
    expect(parseStepOutputs('A=1\nB=x=y\n\nnot a line\nDRLOOP_RUN_ID=evil\nC=\n')).toEqual({
      outputs: { A: '1', B: 'x=y', C: '' },
      refused: [
        { line: 'not a line', reason: 'not a KEY=value line with a name of letters, digits and _' },
        { line: 'DRLOOP_RUN_ID', reason: 'a name that changes how programs run (DRLOOP_RUN_ID: drloop sets DRLOOP_ variables itself)' },
      ],
    });
  });

  test('RTO and RPO come from the receipts alone', () => {
    const receipts = new Map<ReceiptName, PhaseReceipt>();
    receipts.set('validate', {
      ...skippedReceipt('r', 'validate', ''),
      status: 'success',
      skipReason: null,
      endedAt: '2026-11-22T07:29:18.637Z',
      extra: { rpo: { recoveredAt: '2026-11-22T07:10:18.637Z' } },
    });
    expect(measure(receipts, '2026-11-22T07:19:18.637Z', { rtoSeconds: 900, rpoSeconds: 300 })).toEqual({ rtoSeconds: 600, rpoSeconds: 540, rtoMet: true, rpoMet: false });
    expect(measure(new Map(), '2026-11-22T07:19:18.637Z', { rtoSeconds: 900, rpoSeconds: null })).toEqual({ rtoSeconds: null, rpoSeconds: null, rtoMet: null, rpoMet: null });
  });

  test('the default run id follows the alert group and its start, then the workflow run', async () => {
    const alert = alertFromJson(JSON.parse(await readFile(alertmanagerFixture('firing-single.json'), 'utf8')), 'a');
    const resolved = alertFromJson(JSON.parse(await readFile(alertmanagerFixture('resolved.json'), 'utf8')), 'a');
    const now = new Date('2026-11-22T08:00:00Z');
    expect(defaultRunId(alert, '123', now)).toMatch(/^alert-[0-9a-f]{16}$/);
    expect(defaultRunId(alert, '123', now)).toBe(defaultRunId(alert, undefined, now));
    expect(defaultRunId(resolved, undefined, now)).toMatch(/^alert-[0-9a-f]{16}$/);
    expect(defaultRunId(null, '123', now)).toBe('gh-123');
    expect(defaultRunId(null, undefined, now)).toMatch(/^local-20261122T080000Z-[0-9a-f]{6}$/);
  });
});

describe('engine through runDrExecute', () => {
  test('an abort mid-step (the adapter forwards SIGTERM this way) leaves a cancelled receipt', async () => {
    const ws = await planWorkspace('version: 1\nname: c\nphases:\n  restore: { steps: [ { name: long, run: "echo started; sleep 30" } ] }\n  validate: { steps: [ { run: "true" } ] }\n');
    const abort = new AbortController();
    const logger = new MemoryLogger();
    const info = logger.info.bind(logger);
    logger.info = (m: string) => {
      info(m);
      if (m === 'started') abort.abort();
    };
    const inputs = parseInputs(drExecuteInputs, { plan: 'plan.yml', 'run-id': 'lib-1' });
    const r = await runDrExecute(inputs, { workspace: ws, logger, now: () => new Date(), env: { PATH: process.env.PATH }, signal: abort.signal });
    expect(r.status).toBe('cancelled');
    expect(await receipt(ws, 'lib-1', 'restore')).toMatchObject({ status: 'cancelled', steps: [{ name: 'long', status: 'cancelled' }] });
    expect(await receipt(ws, 'lib-1', 'validate')).toMatchObject({ status: 'skipped', skipReason: 'cancelled' });
    expect(drillMarkdown(r.summary, r.summaryPath)).toContain('## 🛑 DR drill — c: cancelled');
  });

  test('steps see the injected environment, not the action inputs', async () => {
    const ws = await planWorkspace(
      'version: 1\nname: e\ndefaults: { env: { LEVEL: plan } }\nphases:\n  restore: { steps: [ { run: "echo \\"$LEVEL $FROM_DEPS ${INPUT_ALERT:-none} $DRLOOP_RUN_ID $DRLOOP_PHASE\\" > env.txt", env: { LEVEL: step } } ] }\n',
    );
    const inputs = parseInputs(drExecuteInputs, { plan: 'plan.yml', 'run-id': 'lib-2' });
    const r = await runDrExecute(inputs, { workspace: ws, logger: new MemoryLogger(), now: () => new Date(), env: { PATH: process.env.PATH, FROM_DEPS: 'deps', INPUT_ALERT: '{}' } });
    expect(r.status).toBe('succeeded');
    expect(await readFile(join(ws, 'env.txt'), 'utf8')).toBe('step deps none lib-2 restore\n');
  });

  test('redacts secrets in output tails before they reach a receipt', async () => {
    const token = `ghp_${'a'.repeat(36)}`;
    const ws = await planWorkspace(`version: 1\nname: s\nphases:\n  restore: { steps: [ { run: "echo token=${token}" } ] }\n`);
    const inputs = parseInputs(drExecuteInputs, { plan: 'plan.yml', 'run-id': 'lib-3' });
    const logger = new MemoryLogger();
    await runDrExecute(inputs, { workspace: ws, logger, now: () => new Date(), env: { PATH: process.env.PATH } });
    const text = await readFile(join(ws, 'drloop-evidence', 'runs', 'lib-3', 'phases', 'restore.json'), 'utf8');
    expect(text).toContain('token=[REDACTED:github-token]');
    expect(text).not.toContain(token);
    expect(logger.messages().join('\n')).not.toContain(token);
  });
});
