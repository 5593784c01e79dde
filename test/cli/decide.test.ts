/** `drloop decide`: the same engine as the action, from the bundled CLI. */
import { describe, expect, test } from '@jest/globals';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, runCli, tempWorkspace } from '../support/run-action.js';

async function exampleWorkspace(): Promise<string> {
  const ws = await tempWorkspace();
  await cp(join(REPO_ROOT, 'examples', 'cost'), join(ws, 'examples', 'cost'), { recursive: true });
  return ws;
}

describe('drloop decide', () => {
  test('prints a readable decision and writes the record', async () => {
    const ws = await exampleWorkspace();
    const r = await runCli(['decide', '--policy', 'examples/cost/policy.yml', '--artefacts', 'examples/cost/artefacts/**/*.json'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^decision: ALLOW — dr on azure\n/);
    expect(r.stdout).toMatch(/\* azure +allow +0\.00 USD +3,900\.00 USD +78\.0%/);
    expect(r.stdout).toMatch(/ {2}gcp +warn +273\.60 USD +4,173\.60 USD +83\.5%/);
    expect(await readdir(join(ws, 'drloop-evidence', 'cost'))).toHaveLength(1);
  });

  test('--json prints the action outputs', async () => {
    const ws = await exampleWorkspace();
    const r = await runCli(['decide', '--policy', 'examples/cost/policy.yml', '--artefacts', 'examples/cost/artefacts/**/*.json', '--targets', 'gcp', '--json'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'warn', target: 'gcp', 'net-cost': '273.60', 'budget-ratio': '0.8347' });
  });

  test('exits 1 when the decision reaches --fail-on', async () => {
    const ws = await exampleWorkspace();
    const r = await runCli(['decide', '--policy', 'examples/cost/policy.yml', '--artefacts', 'examples/cost/artefacts/**/*.json', '--targets', 'gcp', '--fail-on', 'warn'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^decision: WARN/);
  });

  test.each([
    [['decide', '--policy'], /drloop decide: Option '--policy <value>' argument missing/],
    [['decide', '--polcy', 'x'], /drloop decide: Unknown option '--polcy'/],
    [['decide', '--policy', 'missing.yml', '--artefacts', 'examples/cost/artefacts/**'], /drloop decide: input 'policy': 'missing\.yml' matches no file/],
    [['decide', '--artefacts', 'x'], /drloop decide: invalid input: input 'policy': required/],
    [['nonsense'], /drloop: unknown command 'nonsense'/],
  ])('bad usage %j exits 2 with one clear line', async (args, message) => {
    const ws = await exampleWorkspace();
    const r = await runCli(args, { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
