/**
 * The executor under hostile or careless input: plans that YAML would
 * quietly change, step outputs that would change how later steps run, runner
 * credentials, long timeouts, alias bombs, secrets in tails and outputs, and
 * the rules a failover and a drill must keep. The bundled action and CLI run
 * real shell steps.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCommand, streamPressure } from '../../src/plan/runner.js';
import { runCli } from '../support/run-action.js';
import { copyReceipts, exists, planWorkspace, receipt, runDirOf, runDr, summary } from './support.js';

describe('plan text is kept as written', () => {
  test('an unquoted account id with a leading zero reaches the guard and the steps unchanged', async () => {
    const ws = await planWorkspace(`version: 1
name: account
guards:
  - { name: expected-account, run: "echo 048622080012", expect: 048622080012 }
defaults: { env: { ACCOUNT: 048622080012, RATIO: 1.50 } }
phases:
  restore: { steps: [ { run: 'echo "$ACCOUNT $RATIO" > seen.txt' } ], checks: [ { run: "echo 0700", expect: 0700 } ] }
`);
    const r = await runDr(ws, { 'run-id': 'zero-1' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('succeeded');
    expect(await readFile(join(ws, 'seen.txt'), 'utf8')).toBe('048622080012 1.50\n');
    expect(await receipt(ws, 'zero-1', 'guards')).toMatchObject({ status: 'success' });
  });

  test('a YAML alias bomb is bad input: exit 2 and one line', async () => {
    let yaml = 'version: 1\nname: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++)
      yaml += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    yaml += 'phases:\n  restore: { steps: [ { run: "touch ran" } ] }\n';
    const ws = await planWorkspace(yaml);
    const r = await runCli(['execute', '--plan', 'plan.yml'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^drloop execute: plan\.yml: refused: its aliases \(\*name\) expand to more than 100 copies/)]);
    expect(await exists(join(ws, 'ran'))).toBe(false);
  });

  test.each([
    ['a step', 'phases:\n  restore: { steps: [ { run: "true", timeout: 30d } ] }', "key 'phases.restore.steps[0].timeout': expected at most 7d"],
    ['the defaults', 'defaults: { timeout: 25d }\nphases:\n  restore: { steps: [ { run: "true" } ] }', "key 'defaults.timeout': expected at most 7d"],
    ['a check', 'phases:\n  restore: { checks: [ { run: "true", within: 8d } ] }', "key 'phases.restore.checks[0].within': expected at most 7d"],
    ['a retry backoff', 'phases:\n  restore: { steps: [ { run: "true", retry: { on: [x], backoff: 30d } } ] }', "key 'phases.restore.steps[0].retry.backoff': expected at most 7d"],
  ])('a timeout beyond what a timer holds (%s) is refused up front', async (_name, body, message) => {
    const ws = await planWorkspace(`version: 1\nname: long\n${body}\n`);
    const r = await runDr(ws, { 'run-id': 'long-1' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringContaining(`plan.yml: ${message}`)]);
    expect(await readdir(ws)).toEqual(['plan.yml']);
  });

  test('the longest timeout allowed (7d) still lets a step run to its end', async () => {
    const ws = await planWorkspace('version: 1\nname: long\nphases:\n  restore: { steps: [ { run: "sleep 0.2; touch done", timeout: 7d } ] }\n');
    const r = await runDr(ws, { 'run-id': 'long-2' });
    expect(r.outputs.status).toBe('succeeded');
    expect(await exists(join(ws, 'done'))).toBe(true);
  });
});

describe('step outputs and the environment of later steps', () => {
  const PLAN = `version: 1
name: outputs
phases:
  restore:
    steps:
      - name: emit
        run: |
          printf 'PATH=/tmp/evil\\nBASH_ENV=/tmp/evil.sh\\nLD_PRELOAD=/tmp/evil.so\\nNODE_OPTIONS=--require /tmp/evil.js\\nPYTHONPATH=/tmp\\nIFS=x\\nGOOD=kept\\nnot a line\\n' >> "$DRLOOP_OUTPUT"
      - name: use
        run: 'echo "$GOOD \${LD_PRELOAD:-none} \${BASH_ENV:-none} \${NODE_OPTIONS:-none} \${PYTHONPATH:-none}" > seen.txt; command -v bash > bash.txt'
  validate: { steps: [ { name: later, run: 'echo "$GOOD" > later.txt' } ] }
`;

  test('names the shell, the loader or a runtime reads are refused, and the step receipt says so', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 'out-1', 'stop-after': 'restore' });
    expect(r.outputs.status).toBe('stopped');
    expect(await readFile(join(ws, 'seen.txt'), 'utf8')).toBe('kept none none none none\n');
    expect((await readFile(join(ws, 'bash.txt'), 'utf8')).trim()).not.toBe('/tmp/evil');
    const emit = (await receipt(ws, 'out-1', 'restore')).steps[0];
    expect(emit.outputs).toEqual({ GOOD: 'kept' });
    expect(emit.refusedOutputs.map((o: { line: string }) => o.line)).toEqual(['PATH', 'BASH_ENV', 'LD_PRELOAD', 'NODE_OPTIONS', 'PYTHONPATH', 'IFS', 'not a line']);
    expect(emit.refusedOutputs[0].reason).toBe('a name that changes how programs run (PATH: the shell looks programs up in it)');
    expect(r.warnings.join('\n')).toContain('restore › emit: 7 line(s) of $DRLOOP_OUTPUT not passed to later steps');
  });

  test('a receipt edited to carry such a name does not pass it to a later job', async () => {
    const ws = await planWorkspace(PLAN);
    await runDr(ws, { 'run-id': 'out-2', 'stop-after': 'restore' });
    const path = join(runDirOf(ws, 'out-2'), 'phases', 'restore.json');
    const forged = JSON.parse(await readFile(path, 'utf8'));
    forged.steps[0].outputs = { GOOD: 'kept', BASH_ENV: join(ws, 'evil.sh') };
    await writeFile(path, JSON.stringify(forged));
    await writeFile(join(ws, 'evil.sh'), 'touch pwned\n');
    const r = await runDr(ws, { 'run-id': 'out-2', 'start-at': 'validate' });
    expect(r.outputs.status).toBe('succeeded');
    expect(await readFile(join(ws, 'later.txt'), 'utf8')).toBe('kept\n');
    expect(await exists(join(ws, 'pwned'))).toBe(false);
    expect(r.warnings.join('\n')).toContain('output BASH_ENV in the receipt is not passed on');
  });

  test("the runner's internal credentials are withheld from steps unless the plan names them", async () => {
    const creds = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_CACHE_URL: 'https://cache.example/',
      ACTIONS_STEP_DEBUG: 'true',
      GITHUB_REPOSITORY: 'acme/shop',
    };
    const run = 'env | grep -E "^(ACTIONS_|GITHUB_REPOSITORY)" | sort > env.txt';
    const ws = await planWorkspace(`version: 1\nname: creds\nphases:\n  restore: { steps: [ { run: '${run}' } ] }\n`);
    await runDr(ws, { 'run-id': 'cred-1' }, { env: creds });
    expect((await readFile(join(ws, 'env.txt'), 'utf8')).trim().split('\n')).toEqual(['ACTIONS_STEP_DEBUG=true', 'GITHUB_REPOSITORY=acme/shop']);

    const asks = await planWorkspace(
      `version: 1\nname: creds\nrunner-credentials: [ACTIONS_ID_TOKEN_REQUEST_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL]\nphases:\n  restore: { steps: [ { run: '${run}' } ] }\n`,
    );
    await runDr(asks, { 'run-id': 'cred-2' }, { env: creds });
    expect((await readFile(join(asks, 'env.txt'), 'utf8')).trim().split('\n')).toEqual([
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN=oidc-token',
      'ACTIONS_ID_TOKEN_REQUEST_URL=https://oidc.example/',
      'ACTIONS_STEP_DEBUG=true',
      'GITHUB_REPOSITORY=acme/shop',
    ]);

    const bad = await planWorkspace(`version: 1\nname: creds\nrunner-credentials: [PATH]\nphases:\n  restore: { steps: [ { run: "true" } ] }\n`);
    const r = await runDr(bad, {});
    expect(r.errors).toEqual([expect.stringContaining("plan.yml: key 'runner-credentials[0]': expected the name of a runner credential")]);
  });
});

describe('secrets in receipts', () => {
  test('the 4 KB tail is redacted before it is cut, so it cannot start inside a private key', async () => {
    // A key of about 3 KB followed by 2 KB of other output: the last 4 KB begin inside the key.
    const body = Array.from({ length: 48 }, (_, i) => `${String(i).padStart(2, '0')}${'Q'.repeat(62)}`).join('\\n');
    const ws = await planWorkspace(
      `version: 1\nname: tail\nphases:\n  restore: { steps: [ { run: 'printf -- "-----BEGIN RSA PRIVATE KEY-----\\n${body}\\n-----END RSA PRIVATE KEY-----\\n"; seq 1 400' } ] }\n`,
    );
    const r = await runDr(ws, { 'run-id': 'tail-1' });
    expect(r.outputs.status).toBe('succeeded');
    const tail: string = (await receipt(ws, 'tail-1', 'restore')).steps[0].attempts[0].outputTail;
    expect(tail).toMatch(/\n400\n$/);
    expect(tail).not.toContain('QQQQQQQQ');
    expect(tail).not.toContain('END RSA PRIVATE KEY');
  });

  test('a private key a step prints over many lines never reaches the live log, not even line by line', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'K'.repeat(62)}`).join('\\n');
    const ws = await planWorkspace(
      `version: 1\nname: live-key\nphases:\n  restore: { steps: [ { run: 'echo before; printf -- "-----BEGIN OPENSSH PRIVATE KEY-----\\n${body}\\n-----END OPENSSH PRIVATE KEY-----\\n"; echo after' } ] }\n`,
    );
    const r = await runDr(ws, { 'run-id': 'live-key-1' });
    expect(r.outputs.status).toBe('succeeded');
    // The bundled action's stdout is the live log as the runner shows it.
    expect(r.stdout).toMatch(/^before$/m);
    expect(r.stdout).toMatch(/^after$/m);
    expect(r.stdout).not.toContain('KKKKKKKK');
    expect(r.stdout).not.toContain('BEGIN OPENSSH PRIVATE KEY-----\n');
  });

  test('step outputs holding a secret are redacted in the receipt; the same job still has them, a later job does not', async () => {
    const token = `ghp_${'b'.repeat(36)}`;
    const ws = await planWorkspace(`version: 1
name: outsecret
phases:
  restore:
    steps:
      - { name: login, run: 'echo "TOKEN=${token}" >> "$DRLOOP_OUTPUT"; echo "HOST=db.internal" >> "$DRLOOP_OUTPUT"' }
      - { name: use, run: 'test "$TOKEN" = "${token}" && touch same-job' }
  validate: { steps: [ { run: 'echo "[\${TOKEN:-}] $HOST" > later.txt' } ] }
`);
    const r = await runDr(ws, { 'run-id': 'os-1', 'stop-after': 'restore' });
    expect(r.outputs.status).toBe('stopped');
    expect(await exists(join(ws, 'same-job'))).toBe(true);
    const text = await readFile(join(runDirOf(ws, 'os-1'), 'phases', 'restore.json'), 'utf8');
    expect(text).not.toContain(token);
    expect(JSON.parse(text).steps[0]).toMatchObject({ outputs: { TOKEN: '[REDACTED:github-token]', HOST: 'db.internal' }, redactedOutputs: ['TOKEN'] });

    const later = await planWorkspace(await readFile(join(ws, 'plan.yml'), 'utf8'));
    await copyReceipts(ws, later, 'os-1');
    const r2 = await runDr(later, { 'run-id': 'os-1', 'start-at': 'validate' });
    expect(r2.outputs.status).toBe('succeeded');
    expect(await readFile(join(later, 'later.txt'), 'utf8')).toBe('[] db.internal\n');
    expect(r2.warnings.join('\n')).toContain('output TOKEN held a secret and is redacted in the receipt');
  });
});

describe('failover order and drill objectives', () => {
  const PLAN = `version: 1
name: order
phases:
  restore:  { steps: [ { run: "touch restored" } ] }
  promote:  { steps: [ { run: "touch promoted" } ] }
  teardown: { steps: [ { run: "touch torn-down" } ] }
`;

  test('in failover a refused promotion is never followed by teardown, in this job or a later one', async () => {
    const ws = await planWorkspace(PLAN);
    expect((await runDr(ws, { 'run-id': 'fo-1', mode: 'failover', 'stop-after': 'restore' })).outputs.status).toBe('stopped');
    const r = await runDr(ws, { 'run-id': 'fo-1', mode: 'failover', 'start-at': 'promote' });
    expect(r.outputs.status).toBe('refused');
    expect(await exists(join(ws, 'promoted'))).toBe(false);
    expect(await exists(join(ws, 'torn-down'))).toBe(false);
    expect(await receipt(ws, 'fo-1', 'promote')).toMatchObject({ status: 'skipped', extra: { promotionRefused: expect.stringContaining('needs promote-environment') } });
    expect(await receipt(ws, 'fo-1', 'teardown')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('refused: in mode failover teardown never follows a refused promotion') });
    expect(r.errors.at(-1)).toContain('teardown not run after a refused promotion');

    // A later job that asks for teardown alone is refused from the receipts.
    const t = await runDr(ws, { 'run-id': 'fo-1', mode: 'failover', 'start-at': 'teardown', teardown: 'true' });
    expect(t.outputs.status).toBe('refused');
    expect(await exists(join(ws, 'torn-down'))).toBe(false);

    // Once approved, promote runs, and then teardown may follow.
    const ok = await runDr(ws, { 'run-id': 'fo-1', mode: 'failover', 'start-at': 'promote', approver: 'octocat' });
    expect(ok.outputs.status).toBe('succeeded');
    expect(await exists(join(ws, 'promoted'))).toBe(true);
    expect(await exists(join(ws, 'torn-down'))).toBe(true);
  });

  test('a dry run of a failover says teardown would be refused after the promotion it would refuse', async () => {
    const ws = await planWorkspace(PLAN);
    await runDr(ws, { 'run-id': 'fo-dry', mode: 'failover', 'stop-after': 'restore' });
    const r = await runDr(ws, { 'run-id': 'fo-dry', mode: 'failover', 'start-at': 'promote', 'dry-run': 'true' });
    expect(r.stdout).toContain('promotion gate: closed (needs promote-environment');
    expect(r.stdout).toContain('::group::teardown: refused after a refused promotion (mode failover)');
    expect(await exists(join(ws, 'torn-down'))).toBe(false);
  });

  test('promote never follows teardown within one run id', async () => {
    const ws = await planWorkspace(PLAN);
    await runDr(ws, { 'run-id': 'td-1', mode: 'failover', 'stop-after': 'restore' });
    expect((await runDr(ws, { 'run-id': 'td-1', mode: 'failover', 'start-at': 'teardown' })).outputs.status).toBe('succeeded');
    expect(await exists(join(ws, 'torn-down'))).toBe(true);
    const r = await runDr(ws, { 'run-id': 'td-1', mode: 'failover', 'start-at': 'promote', 'stop-after': 'promote', 'auto-promote': 'true' });
    expect(r.outputs.status).toBe('refused');
    expect(r.errors.at(-1)).toContain('promote never follows teardown, and teardown already ran in run td-1');
    expect(await exists(join(ws, 'promoted'))).toBe(false);
  });

  const MISSED = `version: 1
name: objectives
objectives: { rpo: 5m }
phases:
  restore: { steps: [ { run: "true" } ] }
rpo: { probe: "date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ" }
`;

  test('a drill that misses its objective failed: status, exit code, outputs and summary say so', async () => {
    const ws = await planWorkspace(MISSED);
    const r = await runDr(ws, { 'run-id': 'obj-1' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'failed', 'rpo-met': 'false', 'objectives-missed': expect.stringMatching(/^RPO 1h 00m exceeds the objective 5m 00s$/) });
    expect(await summary(ws, 'obj-1')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^missed objectives: RPO/), objectivesMissed: expect.stringContaining('RPO') });
    expect(r.summary).toContain('**Objectives missed:** RPO 1h 00m exceeds the objective 5m 00s — the drill failed.');
    const cli = await runCli(['execute', '--plan', 'plan.yml', '--run-id', 'obj-2'], { cwd: ws });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^FAILED: plan objectives, run obj-2 \(drill\) — missed objectives: RPO/);
  });

  test('a failover that misses its objective reports it loudly, and the recovery keeps its own status', async () => {
    const ws = await planWorkspace(MISSED);
    const r = await runDr(ws, { 'run-id': 'obj-3', mode: 'failover' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'succeeded', 'rpo-met': 'false', 'objectives-missed': expect.stringContaining('RPO 1h 00m') });
    expect(r.errors).toEqual([expect.stringContaining('OBJECTIVES MISSED: RPO 1h 00m exceeds the objective 5m 00s; the failover itself is succeeded')]);
    expect(r.summary).toContain('— the failover itself is succeeded.');
  });
});

describe('step output and memory', () => {
  test("while the log is behind, the step's pipes are paused: the step waits instead of its output piling up", async () => {
    const dir = await planWorkspace('version: 1\nname: x\nphases: { restore: { steps: [ { run: "true" } ] } }\n');
    await mkdir(join(dir, 'out'), { recursive: true });
    let release!: () => void;
    const behind = new Promise<void>((r) => (release = r));
    let asked = 0;
    let lines = 0;
    const done = runCommand({
      run: 'yes 0123456789012345678901234567890123456789 | head -c 20000000; touch out/finished',
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      timeoutSeconds: 60,
      onOutput: (t) => (lines += t.split('\n').length),
      backpressure: () => (asked++ === 0 ? behind : null),
    });
    // 20 MB cannot pass a 64 KB pipe that nobody reads: the step is still writing.
    await new Promise((r) => setTimeout(r, 500));
    expect(await exists(join(dir, 'out', 'finished'))).toBe(false);
    release();
    const r = await done;
    expect(r.exitCode).toBe(0);
    expect(lines).toBe(Math.ceil(20000000 / 41));
    expect(await exists(join(dir, 'out', 'finished'))).toBe(true);
  });

  test('streamPressure waits for a log that is behind until it drains, and leaves no listener behind', async () => {
    const log = new PassThrough({ highWaterMark: 16 });
    const pressure = streamPressure(log, 1000);
    expect(pressure()).toBeNull();
    log.write(Buffer.alloc(5000));
    const before = log.listenerCount('drain');
    const wait = pressure();
    expect(wait).not.toBeNull();
    let released = false;
    void wait!.then(() => (released = true));
    await new Promise((r) => setImmediate(r));
    expect(released).toBe(false);
    log.resume();
    await wait;
    expect(released).toBe(true);
    expect([log.listenerCount('drain'), log.listenerCount('close')]).toEqual([before, 0]);
  });
});
