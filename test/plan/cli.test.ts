/** `drloop execute`: the same engine as the action, from the bundled CLI. */
import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/run-action.js';
import { planWorkspace, receipt } from './support.js';

const PLAN = `version: 1
name: cli
phases:
  restore:  { steps: [ { name: db, run: "echo restore >> ran.log" } ] }
  validate: { steps: [ { name: smoke, run: "echo validate >> ran.log" } ] }
`;

describe('drloop execute', () => {
  test('runs part of a plan, prints the phases, and resumes with the same --run-id', async () => {
    const ws = await planWorkspace(PLAN);
    const r1 = await runCli(['execute', '--plan', 'plan.yml', '--run-id', 'cli-1', '--stop-after', 'restore'], { cwd: ws });
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/^STOPPED: plan cli, run cli-1 \(drill\) — stopped after restore; still to run: validate\n/);
    expect(r1.stdout).toMatch(/ {2}restore {3}success /);
    expect(r1.stderr).toContain('▸ restore › db');

    const r2 = await runCli(['execute', '--plan', 'plan.yml', '--run-id', 'cli-1', '--start-at', 'validate', '--json'], { cwd: ws });
    expect(r2.code).toBe(0);
    expect(JSON.parse(r2.stdout)).toMatchObject({ status: 'succeeded', 'run-id': 'cli-1', 'last-phase': 'validate', 'receipts-dir': 'drloop-evidence/runs/cli-1' });
    expect(await readFile(join(ws, 'ran.log'), 'utf8')).toBe('restore\nvalidate\n');
    expect(await receipt(ws, 'cli-1', 'validate')).toMatchObject({ status: 'success' });
  });

  test('exits 1 on a refused run and 2 on bad input', async () => {
    const ws = await planWorkspace(PLAN);
    const refused = await runCli(['execute', '--plan', 'plan.yml', '--run-id', 'cli-2', '--decision', 'block'], { cwd: ws });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^REFUSED: plan cli, run cli-2 \(drill\) — the cost decision is block/);

    const bad = await runCli(['execute', '--plan', 'plan.yml', '--start-at', 'nowhere'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("drloop execute: invalid input: input 'start-at': expected a phase");
  });
});
