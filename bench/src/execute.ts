/**
 * Figure 4: the executor's overhead per step. A plan of 200 steps of `true`
 * in one phase runs through the library engine (`runDrExecute`, as the action
 * and the CLI call it), timed in this process around that call: node's start
 * and module loading are figure 1's business, not a per-step cost. The time
 * includes loading the plan, every step's process group, output capture,
 * redaction, logging and the receipts (written and fsynced) and summary.
 * The baseline is a bash loop spawning `bash -c true` 200 times, started from
 * here with the same environment. Rounds alternate between the two.
 *   execute.js WORKSPACE ROUNDS   → one JSON line on stdout
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseInputs } from '../../src/inputs.js';
import type { Logger } from '../../src/logger.js';
import { drExecuteInputs, runDrExecute } from '../../src/plan/run.js';

const workspace = process.argv[2] ?? '';
if (workspace === '') throw new Error('usage: execute.js WORKSPACE [ROUNDS]');
const rounds = Number(process.argv[3] ?? 7);
const STEPS = 200;

const steps = Array.from({ length: STEPS }, (_, i) => `      - { name: step-${i + 1}, run: "true" }`).join('\n');
await writeFile(join(workspace, 'plan.yml'), `version: 1\nname: bench-200-steps\nphases:\n  restore:\n    steps:\n${steps}\n`);

/** Logs as the action does on the runner: `::group::` lines on a stream (here stderr, which the bench discards). */
const out = process.stderr;
const logger: Logger = {
  info: (m) => void out.write(`${m}\n`),
  warning: (m) => void out.write(`::warning::${m}\n`),
  error: (m) => void out.write(`::error::${m}\n`),
  debug: () => undefined,
  group: async (title, fn) => {
    out.write(`::group::${title}\n`);
    try {
      return await fn();
    } finally {
      out.write('::endgroup::\n');
    }
  },
};

function baseline(): number {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', `for i in $(seq ${STEPS}); do bash -c true; done`], { cwd: workspace, env: process.env, stdio: 'ignore' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`the bash loop exited ${r.status}`);
  return ms;
}

let run = 0;
async function engine(): Promise<number> {
  const inputs = parseInputs(drExecuteInputs, { plan: 'plan.yml', 'run-id': `bench-${process.pid}-${++run}` });
  const t = performance.now();
  const result = await runDrExecute(inputs, { workspace, logger, now: () => new Date(), env: process.env });
  const ms = performance.now() - t;
  const restore = result.receipts.get('restore');
  if (result.status !== 'succeeded' || restore?.steps.length !== STEPS || restore.steps.some((s) => s.status !== 'success')) {
    throw new Error(`the plan did not succeed: ${result.status} ${result.reason ?? ''}`);
  }
  return ms;
}

const baselineMs: number[] = [];
const engineMs: number[] = [];
// One untimed round of each: bash and the engine's code paths warm alike.
baseline();
await engine();
for (let i = 0; i < rounds; i++) {
  if (i % 2 === 0) {
    baselineMs.push(baseline());
    engineMs.push(await engine());
  } else {
    engineMs.push(await engine());
    baselineMs.push(baseline());
  }
}
process.stdout.write(`${JSON.stringify({ steps: STEPS, baselineMs, engineMs })}\n`);
