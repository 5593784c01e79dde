/**
 * Figure 2: the cost decision over 10,000 Infracost resources across 50
 * projects, against reading and JSON.parse of the same files alone, measured
 * side by side in one process (alternating, so both see the same machine).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCostDecision, costDecisionInputs } from '../../src/cost/run.js';
import { MemoryLogger } from '../../src/logger.js';
import { generateInfracost } from './gen-infracost.js';

const workspace: string = process.argv[2] ?? '';
if (workspace === '') throw new Error('usage: cost.js WORKSPACE [ROUNDS]');
const rounds = Number(process.argv[3] ?? 7);

const files = await generateInfracost(join(workspace, 'costs', 'gcp'), { files: 10, projects: 50, resources: 10_000 });
await writeFile(join(workspace, 'policy.yml'), 'version: 1\nbudget: { monthly: 50000, spent: 1000 }\nmax-age: 30d\ntargets:\n  - { name: gcp, artefacts: "costs/gcp/**" }\n');
const inputs = costDecisionInputs.parse({ policy: 'policy.yml', artefacts: 'costs/**/*.json', 'evidence-dir': 'ev' });

async function baseline(): Promise<number> {
  const t = performance.now();
  let n = 0;
  for (const f of files) n += (JSON.parse(await readFile(f, 'utf8')) as { projects: unknown[] }).projects.length;
  if (n !== 50) throw new Error(`expected 50 projects, parsed ${n}`);
  return performance.now() - t;
}

async function decision(): Promise<number> {
  const t = performance.now();
  const r = await runCostDecision(inputs, { workspace, logger: new MemoryLogger(), now: () => new Date() });
  const elapsed = performance.now() - t;
  if (r.decision.artefacts.length !== 10) throw new Error('expected 10 artefacts');
  await rm(join(workspace, 'ev'), { recursive: true, force: true });
  return elapsed;
}

const base: number[] = [];
const run: number[] = [];
// One untimed round of each warms the file cache for both alike.
await baseline();
await decision();
for (let i = 0; i < rounds; i++) {
  base.push(await baseline());
  run.push(await decision());
}
const bytes = (await Promise.all(files.map((f) => readFile(f)))).reduce((s, b) => s + b.length, 0);
process.stdout.write(`${JSON.stringify({ baselineMs: base, decisionMs: run, bytes })}\n`);
