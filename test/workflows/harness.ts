/**
 * Runs drloop's real workflow files the way GitHub runs them, closely enough
 * to see every joint: GitHub's @actions/workflow-parser reads and expands the
 * workflows (nested reusable calls included), @actions/expressions evaluates
 * every job `if:`, step `if:`, input, `with:`, env and output expression, and
 * each job runs its steps in order in a fresh workspace, drloop's actions as
 * their bundled dist/index.js on Node 24 with the runner's env contract. What stands in
 * for GitHub is named: FakeGitHub (REST, artifacts, approvals), a fake
 * checkout (copies the caller's files, or this checkout's actions when asked
 * for drloop at the pinned commit), a fake STS for
 * aws-actions/configure-aws-credentials, and a fake upload-artifact.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { convertWorkflowTemplate, isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { WorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import { parse as parseYaml } from 'yaml';
import { NODE, parseFileCommand, REPO_ROOT } from '../support/run-action.js';
import { tempDir } from '../support/temp.js';
import type { FakeGitHub } from './fake-github.js';

export const DRLOOP = 'drloop/drloop';
/** The commit a caller pins drloop to; this checkout stands for it. */
export const PINNED_SHA = '5ca1ab1e0ddba11cafef00d5eedfacade0c0ffee';
const DAY = 86_400_000;

type Ctx = Record<string, unknown>;
type Fn = { name: string; minArgs: number; maxArgs: number; call: (...a: data.ExpressionData[]) => data.ExpressionData };

export interface JobRun {
  path: string;
  result: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
  summary: string;
  steps: { name: string; outcome: 'success' | 'failure' | 'skipped'; outputs: Record<string, string>; stdout: string }[];
  workspace?: string;
}

export type Approval = { decision: 'approved' | 'rejected'; afterDays?: number; login?: string; comment?: string; environment?: string } | { decision: 'no-reviewers' } | { decision: 'timeout' };

export interface RunOptions {
  gh: FakeGitHub;
  /** Files of the caller's repository, copied into each job's workspace by the fake checkout. */
  callerDir: string;
  event: { name: 'repository_dispatch'; payload: unknown } | { name: 'workflow_dispatch'; inputs: Record<string, unknown> } | { name: 'push' };
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  approval?: Approval;
  /** The fake STS refuses the roles that match. */
  stsRefuses?: RegExp;
  /** Re-run failed jobs of an earlier run (same run id, next attempt). */
  rerunOf?: WorkflowRun;
  runId?: string;
}

export interface WorkflowRun {
  runId: string;
  attempt: number;
  jobs: Map<string, JobRun>;
  workflowFile: string;
  content: string;
}

let nextRunId = 7000;

const reviveCtx = (ctx: Ctx) => JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary;
const plain = (v: data.ExpressionData): unknown => JSON.parse(JSON.stringify(v, data.replacer) ?? 'null');

export function evaluate(expression: string, ctx: Ctx, status: { success: boolean; failure: boolean }): unknown {
  const fns = new Map<string, Fn>([
    ['success', { name: 'success', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status.success) }],
    ['failure', { name: 'failure', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status.failure) }],
    ['always', { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
    ['cancelled', { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }],
  ]);
  // The status functions are the runner's; the parser is told of them like GitHub's is.
  const tree = new Parser(new Lexer(expression).lex().tokens, Object.keys(ctx), [...fns.values()]).parse();
  return plain(new Evaluator(tree, reviveCtx(ctx), fns).evaluate());
}

function truthy(v: unknown): boolean {
  return !(v === false || v === null || v === undefined || v === 0 || v === '' || Number.isNaN(v));
}

function value(tok: TemplateToken | undefined, ctx: Ctx, status = { success: true, failure: false }): unknown {
  if (!tok) return undefined;
  if (isBasicExpression(tok)) return evaluate(tok.expression, ctx, status);
  if (isString(tok)) return tok.value;
  if (isBoolean(tok) || isNumber(tok)) return tok.value;
  if (isMapping(tok)) {
    const o: Record<string, unknown> = {};
    for (const { key, value: v } of tok) o[String(value(key, ctx, status))] = value(v, ctx, status);
    return o;
  }
  if (isSequence(tok)) {
    const out: unknown[] = [];
    for (let i = 0; i < tok.count; i++) out.push(value(tok.get(i), ctx, status));
    return out;
  }
  return null;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Resolves drloop refs to this checkout (standing for the pinned commit). */
const provider = {
  async getFileContent(ref: FileReference) {
    if ('owner' in ref && `${ref.owner}/${ref.repository}` !== DRLOOP) throw new Error(`not drloop: ${ref.owner}/${ref.repository}`);
    return { name: ref.path, content: await readFile(join(REPO_ROOT, ref.path), 'utf8') };
  },
};

function sh(cmd: string, args: string[], o: { cwd: string; env: Record<string, string> }): Promise<{ code: number; stdout: string }> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('close', (code) => res({ code: code ?? 1, stdout: out }));
  });
}

/**
 * The `with:` of every step, by job id, from the parsed (not converted)
 * workflow: the converted template keeps a step's uses, if, env and
 * continue-on-error, but not its with.
 */
function rawWiths(content: string, name: string): Map<string, (TemplateToken | undefined)[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const out = new Map<string, (TemplateToken | undefined)[]>();
  const root = parsed.value;
  if (!root || !isMapping(root)) return out;
  const jobs = root.find('jobs');
  if (!jobs || !isMapping(jobs)) return out;
  for (const { key, value: j } of jobs) {
    if (!isMapping(j)) continue;
    const steps = j.find('steps');
    const list: (TemplateToken | undefined)[] = [];
    if (steps && isSequence(steps))
      for (let i = 0; i < steps.count; i++) {
        const st = steps.get(i);
        list.push(isMapping(st) ? st.find('with') : undefined);
      }
    out.set(String((key as unknown as { value: string }).value), list);
  }
  return out;
}

async function withsOf(ref: string): Promise<Map<string, (TemplateToken | undefined)[]>> {
  const path = ref.startsWith('./') ? ref.slice(2) : /^[^/]+\/[^/]+\/(.+)@/.exec(ref)![1]!;
  return rawWiths(await readFile(join(REPO_ROOT, path), 'utf8'), path);
}

/** A reusable workflow as GitHub's parser expands it for a caller: its inputs, outputs and jobs. */
async function expand(ref: string): Promise<Extract<WorkflowJob, { type: 'reusableWorkflowJob' }>> {
  const wrapper = `on: push\njobs:\n  call:\n    uses: ${ref}\n`;
  const parsed = parseWorkflow({ name: 'wrapper.yml', content: wrapper }, new NoOperationTraceWriter());
  const t = await convertWorkflowTemplate(parsed.context, parsed.value!, provider, { fetchReusableWorkflowDepth: 1 });
  // The wrapper passes no inputs; the real call's inputs are checked where it is parsed.
  const errors = (t.errors ?? []).filter((e) => !/Input \S+ is required, but not provided while calling/.test(e.Message));
  if (errors.length) throw new Error(`workflow parser (${ref}): ${errors.map((e) => e.Message).join('; ')}`);
  return t.jobs[0] as Extract<WorkflowJob, { type: 'reusableWorkflowJob' }>;
}

interface Frame {
  /** Each step's with:, by job id, of the workflow file these jobs are from. */
  withs: Map<string, (TemplateToken | undefined)[]>;
  repo: string;
  sha: string;
  inputs: Ctx;
  secrets: Record<string, string>;
}

export async function runWorkflow(workflowFile: string, content: string, o: RunOptions): Promise<WorkflowRun> {
  const parsed = parseWorkflow({ name: workflowFile, content }, new NoOperationTraceWriter());
  const errs = parsed.context.errors.getErrors();
  if (errs.length || !parsed.value) throw new Error(`workflow parser: ${errs.map((e) => e.message).join('; ')}`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, { fetchReusableWorkflowDepth: 3 });
  if (template.errors?.length) throw new Error(`workflow parser: ${template.errors.map((e) => e.Message).join('; ')}`);
  const runId = o.rerunOf?.runId ?? o.runId ?? String(nextRunId++);
  const attempt = (o.rerunOf?.attempt ?? 0) + 1;
  const run: WorkflowRun = { runId, attempt, jobs: new Map(), workflowFile, content };
  o.gh.run(runId).status = 'in_progress';
  const event = o.event.name === 'repository_dispatch' ? { action: 'dr-alert', client_payload: o.event.payload } : o.event.name === 'workflow_dispatch' ? { inputs: o.event.inputs } : {};
  const github = {
    event_name: o.event.name,
    event,
    run_id: runId,
    run_attempt: String(attempt),
    repository: 'acme/app',
    repository_owner: 'acme',
    sha: 'c0ffee0000000000000000000000000000000001',
    token: 'ghs_faketoken',
    triggering_actor: 'relay-bot',
    actor: 'relay-bot',
    server_url: 'https://github.com',
    api_url: o.gh.url,
  };
  const topInputs = o.event.name === 'workflow_dispatch' ? o.event.inputs : {};
  const frame: Frame = { withs: rawWiths(content, workflowFile), repo: 'acme/app', sha: github.sha, inputs: topInputs, secrets: o.secrets ?? {} };
  try {
    await runJobs(template.jobs, '', frame, { ...o, github, run });
  } finally {
    o.gh.run(runId).status = 'completed';
  }
  return run;
}

type RunCtx = RunOptions & { github: Record<string, unknown>; run: WorkflowRun };

async function runJobs(jobs: WorkflowJob[], prefix: string, frame: Frame, rc: RunCtx): Promise<Map<string, JobRun>> {
  const done = new Map<string, JobRun>();
  const pending = [...jobs];
  while (pending.length) {
    const ready = pending.filter((j) => (j.needs ?? []).every((n) => done.has(n.value)));
    if (!ready.length) throw new Error('job graph has a cycle');
    // Jobs whose needs are met run at the same time, as on GitHub.
    await Promise.all(
      ready.map(async (job) => {
        pending.splice(pending.indexOf(job), 1);
        const r = await runJob(job, prefix, frame, done, rc);
        done.set(job.id.value, r);
      }),
    );
  }
  return done;
}

function defaultsOf(defs: TemplateToken | undefined, given: Ctx, ctx: Ctx): Ctx {
  const out: Ctx = {};
  if (!defs || !isMapping(defs)) return { ...given };
  for (const { key, value: spec } of defs) {
    const name = String(value(key, ctx));
    const s = isMapping(spec) ? (value(spec, ctx) as Record<string, unknown>) : {};
    let v = name in given ? given[name] : s.default;
    if (s.type === 'boolean' && typeof v === 'string') v = v === 'true';
    if (s.type === 'number' && typeof v === 'string' && v !== '') v = Number(v);
    out[name] = v ?? (s.type === 'boolean' ? false : s.type === 'number' ? 0 : '');
  }
  return out;
}

async function runJob(job: WorkflowJob, prefix: string, frame: Frame, done: Map<string, JobRun>, rc: RunCtx): Promise<JobRun> {
  const path = `${prefix}${job.id.value}`;
  const needs: Ctx = {};
  for (const n of job.needs ?? []) needs[n.value] = { result: done.get(n.value)!.result, outputs: done.get(n.value)!.outputs };
  const results = (job.needs ?? []).map((n) => done.get(n.value)!.result);
  const ctx: Ctx = {
    github: rc.github,
    inputs: frame.inputs,
    vars: rc.vars ?? {},
    secrets: frame.secrets,
    needs,
    job: { workflow_repository: frame.repo, workflow_sha: frame.sha, status: 'success' },
    runner: { os: 'Linux', temp: '/tmp' },
    env: {},
  };
  const status = { success: results.every((r) => r === 'success'), failure: results.some((r) => r === 'failure') };

  // "Re-run failed jobs": a job that succeeded keeps its result, unless a job it needs runs again.
  const earlier = rc.rerunOf?.jobs.get(path);
  const needsKept = (job.needs ?? []).every((n) => done.get(n.value) === rc.rerunOf?.jobs.get(`${prefix}${n.value}`));
  if (earlier && earlier.result === 'success' && needsKept && job.type === 'job') {
    rc.run.jobs.set(path, earlier);
    return earlier;
  }
  const ifResult = truthy(value(job.if, ctx, status));
  if (!ifResult) {
    const r: JobRun = { path, result: 'skipped', outputs: {}, summary: '', steps: [] };
    rc.run.jobs.set(path, r);
    return r;
  }
  if (job.type === 'reusableWorkflowJob') {
    const given = (value(job['input-values'], ctx) as Ctx | undefined) ?? {};
    const secrets = Object.fromEntries(Object.entries((value(job['secret-values'], ctx) as Ctx | undefined) ?? {}).map(([k, v]) => [k, str(v)]));
    const ref = job.ref.value;
    let repo = frame.repo;
    let sha = frame.sha;
    if (!ref.startsWith('./')) {
      const m = /^([^/]+\/[^/]+)\/.+@(.+)$/.exec(ref)!;
      repo = m[1]!;
      sha = m[2]!;
      if (repo === DRLOOP && sha !== PINNED_SHA) throw new Error(`test bug: ${ref} is not pinned to PINNED_SHA`);
    }
    // The parser expands one level of calls; a call inside a called workflow is expanded here the same way.
    const called = job.jobs?.length ? job : await expand(ref);
    const inner: Frame = { withs: await withsOf(ref), repo, sha, inputs: defaultsOf(called['input-definitions'], given, ctx), secrets };
    const jobs = await runJobs(called.jobs ?? [], `${path}/`, inner, rc);
    const jobsCtx: Ctx = {};
    for (const [id, r] of jobs) jobsCtx[id] = { result: r.result, outputs: r.outputs };
    const outputs: Record<string, string> = {};
    if (called.outputs) {
      for (const { key, value: spec } of called.outputs) {
        const v = isMapping(spec) ? value(spec.find('value'), { ...ctx, jobs: jobsCtx, inputs: inner.inputs }) : '';
        outputs[String(value(key, ctx))] = str(v);
      }
    }
    const failed = [...jobs.values()].some((r) => r.result === 'failure');
    const r: JobRun = { path, result: failed ? 'failure' : 'success', outputs, summary: '', steps: [] };
    rc.run.jobs.set(path, r);
    return r;
  }

  // The environment's protection rules, as the scenario sets them.
  if (job.environment) {
    const env = value(job.environment, ctx);
    const name = str(typeof env === 'object' && env ? (env as Ctx).name : env);
    const a = rc.approval ?? { decision: 'no-reviewers' };
    if (a.decision === 'timeout') {
      rc.gh.now += 30 * DAY;
      const r: JobRun = { path, result: 'failure', outputs: {}, summary: 'the approval timed out after 30 days', steps: [] };
      rc.run.jobs.set(path, r);
      return r;
    }
    if (a.decision !== 'no-reviewers') {
      rc.gh.run(rc.run.runId).status = 'waiting';
      rc.gh.now += (a.afterDays ?? 0) * DAY;
      rc.gh.run(rc.run.runId).reviews.push({ state: a.decision, user: { login: a.login ?? 'oncall-lead' }, comment: a.comment ?? '', environments: [{ name: a.environment ?? name }] });
      rc.gh.run(rc.run.runId).status = 'in_progress';
      if (a.decision === 'rejected') {
        const r: JobRun = { path, result: 'failure', outputs: {}, summary: 'rejected by a reviewer', steps: [] };
        rc.run.jobs.set(path, r);
        return r;
      }
    }
  }
  return runSteps(job as Extract<WorkflowJob, { type: 'job' }>, path, ctx, rc, frame.withs.get(job.id.value) ?? []);
}

async function runSteps(job: Extract<WorkflowJob, { type: 'job' }>, path: string, ctx: Ctx, rc: RunCtx, withTokens: (TemplateToken | undefined)[]): Promise<JobRun> {
  const ws = await tempDir('drloop-scenario-ws-');
  const files = await tempDir('drloop-scenario-runner-');
  const jobEnv: Record<string, string> = {};
  const steps: JobRun['steps'] = [];
  const stepsCtx: Ctx = {};
  let failed = false;
  let summary = '';
  const eventPath = join(files, 'event.json');
  await writeFile(eventPath, JSON.stringify((rc.github as Ctx).event));
  for (const [i, step] of job.steps.entries()) {
    const s = step as {
      id: string;
      name?: TemplateToken;
      if?: TemplateToken;
      uses?: { value: string };
      run?: TemplateToken;
      env?: TemplateToken;
      'continue-on-error'?: boolean | TemplateToken;
      with?: TemplateToken;
    };
    const sctx: Ctx = { ...ctx, steps: stepsCtx, env: jobEnv };
    const status = { success: !failed, failure: failed };
    const label = s.uses?.value ?? `run #${i}`;
    if (!truthy(value(s.if, sctx, status))) {
      steps.push({ name: label, outcome: 'skipped', outputs: {}, stdout: '' });
      stepsCtx[s.id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
      continue;
    }
    const withs = Object.fromEntries(Object.entries((value(withTokens[i], sctx) as Ctx | undefined) ?? {}).map(([k, v]) => [k, str(v)]));
    const stepEnv = Object.fromEntries(Object.entries((value(s.env, sctx) as Ctx | undefined) ?? {}).map(([k, v]) => [k, str(v)]));
    const paths = { GITHUB_OUTPUT: join(files, `output-${i}`), GITHUB_STEP_SUMMARY: join(files, `summary-${i}`), GITHUB_ENV: join(files, `env-${i}`), GITHUB_STATE: join(files, `state-${i}`) };
    for (const p of Object.values(paths)) await writeFile(p, '');
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: files,
      RUNNER_TEMP: files,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ws,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: str((rc.github as Ctx).event_name),
      GITHUB_RUN_ID: rc.run.runId,
      GITHUB_RUN_ATTEMPT: String(rc.run.attempt),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: str((rc.github as Ctx).sha),
      GITHUB_ACTOR: 'relay-bot',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: rc.gh.url,
      ACTIONS_RUNTIME_TOKEN: rc.gh.runtimeToken(rc.run.runId, path),
      ACTIONS_RESULTS_URL: `${rc.gh.url}/`,
      ...jobEnv,
      ...stepEnv,
      ...paths,
    };
    let code = 0;
    let stdout = '';
    const uses = s.uses?.value;
    if (uses?.startsWith('actions/checkout@')) {
      // Fake checkout: drloop at the pinned commit is this checkout's actions; anything else is the caller's repository.
      const target = join(ws, withs.path ?? '');
      if (withs.repository) {
        if (withs.repository !== DRLOOP || withs.ref !== PINNED_SHA) {
          code = 1;
          stdout = `fake checkout: asked for ${withs.repository}@${withs.ref}, not drloop at the pinned commit`;
        } else {
          for (const a of ['cost-decision', 'dr-execute', 'collect-evidence']) {
            await mkdir(join(target, 'actions', a), { recursive: true });
            await cp(join(REPO_ROOT, 'actions', a, 'action.yml'), join(target, 'actions', a, 'action.yml'));
            await cp(join(REPO_ROOT, 'actions', a, 'dist'), join(target, 'actions', a, 'dist'), { recursive: true });
          }
        }
      } else {
        await cp(rc.callerDir, target, { recursive: true });
      }
    } else if (uses?.startsWith('aws-actions/configure-aws-credentials@')) {
      // Fake STS behind the credentials action.
      if (rc.stsRefuses?.test(withs['role-to-assume'] ?? '')) {
        code = 1;
        stdout = `fake STS: AssumeRoleWithWebIdentity refused for ${withs['role-to-assume']}`;
      } else {
        Object.assign(jobEnv, {
          AWS_ACCESS_KEY_ID: 'ASIAFAKE',
          AWS_SECRET_ACCESS_KEY: 'fake',
          AWS_SESSION_TOKEN: 'fake',
          AWS_REGION: withs['aws-region'] ?? 'us-east-1',
          DRLOOP_TEST_ASSUMED_ROLE: withs['role-to-assume'] ?? '',
        });
      }
    } else if (uses?.startsWith('actions/upload-artifact@')) {
      // Fake upload-artifact: the folder's file list is kept under the artifact's name.
      const list = await sh('find', [withs.path ?? '.', '-type', 'f'], { cwd: ws, env: base });
      rc.gh.artifacts.push({
        id: rc.gh.artifacts.length + 1,
        runId: rc.run.runId,
        name: withs.name ?? 'artifact',
        zip: Buffer.from(list.stdout),
        createdAt: rc.gh.now,
        expiresAt: rc.gh.now + Number(withs['retention-days'] || 90) * DAY,
      });
    } else if (uses?.startsWith('./')) {
      const dir = join(ws, uses);
      const yml = parseYaml(await readFile(join(dir, 'action.yml'), 'utf8')) as { inputs?: Record<string, { default?: unknown }>; runs: { main: string } };
      const env = { ...base };
      for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
        let d = spec.default === undefined ? '' : String(spec.default);
        // The runner evaluates an expression default (`${{ github.token }}`).
        const m = /^\$\{\{(.*)\}\}$/.exec(d.trim());
        if (m) d = str(evaluate(m[1]!.trim(), sctx, status));
        env[`INPUT_${name.toUpperCase()}`] = d;
      }
      for (const [name, v] of Object.entries(withs)) env[`INPUT_${name.toUpperCase()}`] = v;
      // As the runner runs a `using: node24` action.
      ({ code, stdout } = await sh(NODE, [join(dir, yml.runs.main)], { cwd: ws, env }));
    } else if (s.run) {
      ({ code, stdout } = await sh('bash', ['-e', '-c', str(value(s.run, sctx, status))], { cwd: ws, env: base }));
    } else {
      throw new Error(`scenario harness: no runner for step ${label}`);
    }
    const outputs = parseFileCommand(await readFile(paths.GITHUB_OUTPUT, 'utf8'));
    Object.assign(jobEnv, parseFileCommand(await readFile(paths.GITHUB_ENV, 'utf8')));
    summary += await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8');
    const coe = s['continue-on-error'];
    const continueOnError = typeof coe === 'boolean' ? coe : coe ? truthy(value(coe, sctx)) : false;
    const outcome = code === 0 ? 'success' : 'failure';
    if (outcome === 'failure' && !continueOnError) failed = true;
    steps.push({ name: label, outcome, outputs, stdout });
    stepsCtx[s.id] = { outcome, conclusion: continueOnError ? 'success' : outcome, outputs };
  }
  const outputs: Record<string, string> = {};
  const octx: Ctx = { ...ctx, steps: stepsCtx, env: jobEnv };
  for (const [k, v] of Object.entries((value(job.outputs, octx) as Ctx | undefined) ?? {})) outputs[k] = str(v);
  const r: JobRun = { path, result: failed ? 'failure' : 'success', outputs, summary, steps, workspace: ws };
  rc.run.jobs.set(path, r);
  return r;
}
