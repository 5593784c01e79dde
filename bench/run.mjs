#!/usr/bin/env node
// drloop's benchmarks: each figure is a ratio against a baseline measured in
// the same run on the same machine, so a busy machine moves both sides alike.
// Absolute times are printed too. Results go to bench/results.json.
//   npm run bench                 every figure
//   npm run bench -- 1 2          only the named figures
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, cpSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'bench', '.build');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Bundles a bench entry (bench/src/<name>.ts) with ncc, as the actions are bundled. */
function buildEntry(name) {
  const out = join(BUILD, name);
  if (existsSync(join(out, 'index.js')) && process.env.BENCH_REBUILD !== '1') return join(out, 'index.js');
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(ROOT, 'bench/src', `${name}.ts`), '-o', out, '-q'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`building bench entry ${name} failed`);
  return join(out, 'index.js');
}

function timeProcess(argv, opts = {}) {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0 && !opts.allowFailure) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function runnerEnv(workspace, inputs) {
  const files = mkdtempSync(join(tmpdir(), 'drloop-bench-runner-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: files };
  for (const k of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV']) {
    env[k] = join(files, k.toLowerCase());
    writeFileSync(env[k], '');
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

// ---------------------------------------------------------------------------
// Figure 1: cold start of each bundled action on its fast path, vs empty node.
function figureColdStart() {
  const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-ws-'));
  cpSync(join(ROOT, 'examples'), join(ws, 'examples'), { recursive: true });
  const empty = join(ws, 'empty.mjs');
  writeFileSync(empty, '');
  const fastPaths = {
    'cost-decision': {
      policy: 'examples/cost/policy.yml',
      artefacts: 'examples/cost/artefacts/azure/*.json',
      mode: 'dr',
      'evidence-dir': 'drloop-evidence',
      'fail-on': 'never',
      'notify-on': 'block',
      targets: 'azure',
    },
  };
  if (existsSync(join(ROOT, 'bench/fast-paths.json'))) Object.assign(fastPaths, JSON.parse(readFileSync(join(ROOT, 'bench/fast-paths.json'), 'utf8')));
  const rounds = 15;
  const rows = [];
  const baseline = [];
  const samples = Object.fromEntries(Object.keys(fastPaths).map((a) => [a, []]));
  for (let i = 0; i < rounds + 2; i++) {
    // Interleaved: every round times the baseline and each action once.
    const b = timeProcess([process.execPath, empty], { cwd: ws });
    if (i >= 2) baseline.push(b);
    for (const [action, inputs] of Object.entries(fastPaths)) {
      const ms = timeProcess([process.execPath, join(ROOT, 'actions', action, 'dist', 'index.js')], { cwd: ws, env: runnerEnv(ws, inputs), allowFailure: false });
      if (i >= 2) samples[action].push(ms);
    }
  }
  const base = median(baseline);
  for (const [action, xs] of Object.entries(samples)) {
    const m = median(xs);
    rows.push({ figure: 1, name: `cold start: ${action}`, value: `${round(m, 1)} ms`, baseline: `${round(base, 1)} ms (node, empty script)`, ratio: round(m / base), target: '≤ 1.8×', pass: m / base <= 1.8 });
  }
  rmSync(ws, { recursive: true, force: true });
  return rows;
}

// Figure 2: cost decision over 10,000 Infracost resources in 50 projects, vs JSON.parse alone.
function figureCost() {
  const entry = buildEntry('cost');
  const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-cost-'));
  const r = spawnSync(process.execPath, [entry, ws, '9'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cost bench failed: ${r.stderr}`);
  const { baselineMs, decisionMs, bytes } = JSON.parse(r.stdout);
  rmSync(ws, { recursive: true, force: true });
  const b = median(baselineMs);
  const d = median(decisionMs);
  return [
    {
      figure: 2,
      name: 'cost decision, 10,000 Infracost resources / 50 projects',
      value: `${round(d, 1)} ms`,
      baseline: `${round(b, 1)} ms (read + JSON.parse of the same ${round(bytes / 1048576, 1)} MiB)`,
      ratio: round(d / b),
      target: '≤ 1.5×, and < 1 s',
      pass: d / b <= 1.5 && d < 1000,
    },
  ];
}

const FIGURES = { 1: figureColdStart, 2: figureCost };
try {
  const extra = await import(join(ROOT, 'bench', 'figures.mjs'));
  Object.assign(FIGURES, extra.FIGURES);
} catch (err) {
  if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
}

const wanted = process.argv.slice(2).map(Number).filter(Boolean);
const rows = [];
for (const [n, fn] of Object.entries(FIGURES)) {
  if (wanted.length && !wanted.includes(Number(n))) continue;
  process.stderr.write(`figure ${n}…\n`);
  rows.push(...(await fn({ buildEntry, timeProcess, runnerEnv, median, round, ROOT })));
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform}-${process.arch}` };
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ ranAt: new Date().toISOString(), machine, figures: rows }, null, 2)}\n`);
const table = ['| # | figure | drloop | baseline (same run) | ratio | target | met |', '|---|---|---|---|---:|---|---|'];
for (const r of rows) table.push(`| ${r.figure} | ${r.name} | ${r.value} | ${r.baseline} | ${r.ratio === null ? '—' : `${r.ratio}×`} | ${r.target} | ${r.pass ? 'yes' : 'NO'} |`);
console.log(`Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
console.log(table.join('\n'));
process.exitCode = 0;
