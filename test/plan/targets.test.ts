/**
 * cost-decision's target steers the plan: the bundled dr-execute action and
 * `drloop execute` give it to every step, check, guard and the RPO probe, with
 * the plan's per-target settings, and record it everywhere.
 */
import { describe, expect, test } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/run-action.js';
import { copyReceipts, planWorkspace, receipt, runDr, summary } from './support.js';

const SEEN = 'echo "$0 target=$DRLOOP_TARGET region=$REGION" >> seen.log';
const PLAN = `version: 1
name: multi-cloud
guards: [ { name: where, run: 'bash -c ''${SEEN}'' guard; echo "$DRLOOP_TARGET"', expect: aws } ]
defaults: { env: { REGION: none } }
targets:
  aws: { env: { REGION: us-east-1 } }
  gcp: { env: { REGION: europe-west1 } }
phases:
  restore:
    steps: [ { name: db, run: 'bash -c ''${SEEN}'' step' } ]
    checks: [ { name: probe, run: 'bash -c ''${SEEN}'' check' } ]
rpo: { probe: 'bash -c ''${SEEN}'' rpo >&2; date -u +%s' }
`;

describe('dr-execute bundle: targets', () => {
  test("every step, check, guard and the RPO probe see DRLOOP_TARGET and the target's env; receipts and summaries record it", async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'run-id': 't-1', target: 'aws' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('succeeded');
    expect((await readFile(join(ws, 'seen.log'), 'utf8')).trim().split('\n')).toEqual([
      'guard target=aws region=us-east-1',
      'step target=aws region=us-east-1',
      'check target=aws region=us-east-1',
      'rpo target=aws region=us-east-1',
    ]);
    for (const name of ['guards', 'restore', 'bringup', 'promote']) expect(await receipt(ws, 't-1', name)).toMatchObject({ target: 'aws' });
    expect(await summary(ws, 't-1')).toMatchObject({ target: 'aws' });
    expect(r.summary).toContain('target **aws**');
    expect(r.stdout).toContain('run t-1, mode drill, phases bringup → teardown, target aws');
  });

  test('a target the plan does not declare, or none, is refused before anything runs', async () => {
    for (const [inputs, message] of [
      [{ target: 'azure' }, "dr-execute: input 'target': 'azure' is not a target of plan.yml (key 'targets' declares 'aws', 'gcp')"],
      [{}, "dr-execute: input 'target': required, because plan.yml declares targets ('aws', 'gcp'); pass cost-decision's target output"],
      [{ target: 'a b' }, "dr-execute: invalid input: input 'target': expected a target name"],
    ] as const) {
      const ws = await planWorkspace(PLAN);
      const r = await runDr(ws, { 'run-id': 't-2', ...inputs });
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([expect.stringContaining(message)]);
      expect(await readdir(ws)).toEqual(['plan.yml']);
    }
  });

  test('a later job of the run keeps the recorded target and refuses another', async () => {
    const plan = PLAN.replace('  restore:', "  bringup: { steps: [ { name: up, run: 'bash -c ''" + SEEN + "'' up' } ] }\n  restore:");
    const first = await planWorkspace(plan);
    const r1 = await runDr(first, { 'run-id': 't-3', target: 'aws', 'stop-after': 'bringup' });
    expect(r1.outputs.status).toBe('stopped');

    const later = await planWorkspace(plan);
    await copyReceipts(first, later, 't-3');
    const other = await runDr(later, { 'run-id': 't-3', target: 'gcp', 'start-at': 'restore' });
    expect(other.code).toBe(1);
    expect(other.errors).toEqual([expect.stringContaining("input 'target': run drloop-evidence/runs/t-3 ran on target 'aws', not 'gcp'")]);

    const same = await runDr(later, { 'run-id': 't-3', 'start-at': 'restore' });
    expect(same.errors).toEqual([]);
    expect(same.outputs.status).toBe('succeeded');
    expect(await readFile(join(later, 'seen.log'), 'utf8')).toContain('step target=aws region=us-east-1');
  });

  test('a plan without targets runs with any target, or none, and steps see it', async () => {
    const ws = await planWorkspace(`version: 1\nname: one\nphases:\n  restore: { steps: [ { run: 'echo "[$DRLOOP_TARGET]" >> seen.log' } ] }\n`);
    expect((await runDr(ws, { 'run-id': 'n-1', target: 'eu-1' })).outputs.status).toBe('succeeded');
    expect((await runDr(ws, { 'run-id': 'n-2' })).outputs.status).toBe('succeeded');
    expect(await readFile(join(ws, 'seen.log'), 'utf8')).toBe('[eu-1]\n[]\n');
    expect(await summary(ws, 'n-2')).toMatchObject({ target: null });
  });

  test('a bad targets key names the key', async () => {
    const ws = await planWorkspace(`version: 1\nname: bad\ntargets: { aws: { region: x } }\nphases:\n  restore: { steps: [ { run: "true" } ] }\n`);
    const r = await runDr(ws, { target: 'aws' });
    expect(r.errors).toEqual([expect.stringContaining("plan.yml: key 'targets.aws': unknown key 'region' (expected only env)")]);
  });
});

describe('drloop execute --target', () => {
  test('passes the target to the steps and prints it', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runCli(['execute', '--plan', 'plan.yml', '--run-id', 'c-1', '--target', 'gcp'], { cwd: ws });
    // The guard expects aws: on gcp it refuses, which proves the guard saw the target.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^REFUSED: plan multi-cloud, run c-1 \(drill, target gcp\) — guard failed: where/);
    expect(await readFile(join(ws, 'seen.log'), 'utf8')).toBe('guard target=gcp region=europe-west1\n');
    const bad = await runCli(['execute', '--plan', 'plan.yml', '--target', 'azure'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("input 'target': 'azure' is not a target of plan.yml");
  });
});
