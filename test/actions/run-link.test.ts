/**
 * Every job summary links back to its workflow run: the three bundled
 * actions, run the way the runner runs them, with GitHub's default
 * variables. A re-run links to its own attempt.
 */
import { describe, expect, test } from '@jest/globals';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, runAction, tempWorkspace } from '../support/run-action.js';

const PLAN = `version: 1
name: link
phases:
  validate: { steps: [ { name: smoke, run: "echo ok" } ] }
`;

async function loopWorkspace(): Promise<string> {
  const ws = await tempWorkspace();
  await cp(join(REPO_ROOT, 'examples', 'cost'), join(ws, 'examples', 'cost'), { recursive: true });
  await writeFile(join(ws, 'plan.yml'), PLAN);
  return ws;
}

/** The three summaries of one loop: decision, execution, evidence. */
async function loopSummaries(env: Record<string, string>): Promise<Record<string, string>> {
  const ws = await loopWorkspace();
  const decide = await runAction('cost-decision', { workspace: ws, env, inputs: { policy: 'examples/cost/policy.yml', artefacts: 'examples/cost/artefacts/**/*.json' } });
  const execute = await runAction('dr-execute', { workspace: ws, env, inputs: { plan: 'plan.yml', 'run-id': 'link-1' } });
  const evidence = await runAction('collect-evidence', { workspace: ws, env, inputs: {} });
  for (const r of [decide, execute, evidence]) expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
  return { 'cost-decision': decide.summary, 'dr-execute': execute.summary, 'collect-evidence': evidence.summary };
}

const GITHUB = { GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_REPOSITORY: 'acme/netbox', GITHUB_RUN_ID: '4242', GITHUB_SHA: '89abcdef0123456789abcdef0123456789abcdef' };

describe('job summaries link to the workflow run', () => {
  test('a re-run (attempt 2) links each summary to that attempt', async () => {
    const url = 'https://ghe.example.com/acme/netbox/actions/runs/4242/attempts/2';
    const summaries = await loopSummaries({ ...GITHUB, GITHUB_RUN_ATTEMPT: '2' });
    for (const [action, summary] of Object.entries(summaries)) {
      expect({ action, links: summary.split('\n').filter((l) => l.startsWith('Workflow run:')) }).toEqual({ action, links: [`Workflow run: [${url}](${url})`] });
    }
  });

  test('a first attempt links to the run itself', async () => {
    const ws = await loopWorkspace();
    const r = await runAction('cost-decision', {
      workspace: ws,
      env: { ...GITHUB, GITHUB_RUN_ATTEMPT: '1' },
      inputs: { policy: 'examples/cost/policy.yml', artefacts: 'examples/cost/artefacts/**/*.json' },
    });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('\nWorkflow run: [https://ghe.example.com/acme/netbox/actions/runs/4242](https://ghe.example.com/acme/netbox/actions/runs/4242)\n');
    expect(r.summary).not.toContain('/attempts/');
  });

  test('outside a workflow run (no GITHUB_RUN_ID) there is no link', async () => {
    const summaries = await loopSummaries({});
    for (const [action, summary] of Object.entries(summaries)) {
      expect({ action, heading: summary.startsWith('## ') }).toEqual({ action, heading: true });
      expect({ action, link: summary.includes('Workflow run:') }).toEqual({ action, link: false });
    }
  });
});
