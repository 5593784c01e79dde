/**
 * GitHub's side of the DR loop, for dr-execute and collect-evidence: claims
 * as git refs through the REST API (Octokit at GITHUB_API_URL) and state as
 * this workflow run's artifacts (@actions/artifact). Both packages are
 * ESM-only and large, so they are loaded only when a job asks for them.
 */
import { ConfigurationError } from '../../../src/errors.js';
import { parseOwner, type ClaimOwner, type ClaimStore } from '../../../src/loop/claims.js';
import type { StateArtifacts } from '../../../src/loop/state.js';
import { createOctokit } from './github.js';

function repoOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new ConfigurationError('GITHUB_REPOSITORY is not owner/name: claims and resumes need a GitHub workflow run');
  return { owner, repo };
}

async function octokitFor(token: string | undefined) {
  if (!token) throw new ConfigurationError("input 'github-token': required for claims and resumes (the default is the job's github.token)");
  return createOctokit(token);
}

function status(err: unknown): number | undefined {
  return (err as { status?: number }).status;
}

/**
 * Claims are refs under refs/drloop/ pointing at a parentless commit whose
 * message is the owner record (on the tree of the run's commit, so no new
 * content is stored). Needs `contents: write` (refs and commits) and
 * `actions: read` (whether a holder's run has completed).
 */
export async function githubClaimStore(token: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ClaimStore> {
  const octokit = await octokitFor(token);
  const { owner, repo } = repoOf(env);
  const sha = env.GITHUB_SHA;
  if (!sha) throw new ConfigurationError('GITHUB_SHA is not set: claims need the commit the workflow runs on');
  let tree: string | undefined;
  const ownerAt = async (commitSha: string): Promise<ClaimOwner | null> => {
    const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    return parseOwner(data.message);
  };
  const readRef = async (ref: string): Promise<ClaimOwner | null> => {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: ref.replace(/^refs\//, '') });
      return await ownerAt(data.object.sha);
    } catch (err) {
      if (status(err) === 404) return null;
      throw err;
    }
  };
  return {
    async create(ref, me) {
      tree ??= (await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha })).data.tree.sha;
      const commit = await octokit.rest.git.createCommit({ owner, repo, message: JSON.stringify(me), tree, parents: [] });
      try {
        await octokit.rest.git.createRef({ owner, repo, ref, sha: commit.data.sha });
        return { created: true };
      } catch (err) {
        if (status(err) !== 422) throw err;
        return { created: false, owner: await readRef(ref) };
      }
    },
    async list(prefix) {
      const { data } = await octokit.rest.git.listMatchingRefs({ owner, repo, ref: prefix.replace(/^refs\//, '').replace(/\/$/, '') + '/' });
      return Promise.all(data.map(async (r) => ({ ref: r.ref, owner: await ownerAt(r.object.sha).catch(() => null) })));
    },
    async remove(ref) {
      try {
        await octokit.rest.git.deleteRef({ owner, repo, ref: ref.replace(/^refs\//, '') });
      } catch (err) {
        if (status(err) !== 404 && status(err) !== 422) throw err;
      }
    },
    async runCompleted(githubRunId) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(githubRunId) });
        return data.status === 'completed';
      } catch (err) {
        if (status(err) === 404) return true;
        throw err;
      }
    },
  };
}

/** This workflow run's artifacts, through the runner's results service (ACTIONS_RUNTIME_TOKEN). */
export async function runnerStateArtifacts(): Promise<StateArtifacts> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN) throw new ConfigurationError("input 'state': state between jobs needs a GitHub runner (ACTIONS_RUNTIME_TOKEN is not set)");
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  return {
    async list() {
      const { artifacts } = await client.listArtifacts({ latest: true });
      return artifacts.map((a) => ({ id: a.id, name: a.name }));
    },
    async download(id, dir) {
      await client.downloadArtifact(id, { path: dir });
    },
    async remove(name) {
      await client.deleteArtifact(name);
    },
    async upload(name, root, files, retentionDays) {
      const { join } = await import('node:path');
      await client.uploadArtifact(
        name,
        files.map((f) => join(root, f)),
        root,
        { retentionDays },
      );
    },
  };
}

/**
 * Downloads another run's evidence artifacts (`drloop-evidence-*`, of this
 * plan when their names say so) through the public REST API; needs
 * `actions: read`.
 */
export async function downloadRunEvidence(token: string | undefined, githubRunId: string, planKey: string, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!token) throw new ConfigurationError("input 'github-token': required to read another run's artifacts");
  const { owner, repo } = repoOf(env);
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const findBy = { token, workflowRunId: Number(githubRunId), repositoryOwner: owner, repositoryName: repo };
  const { artifacts } = await client.listArtifacts({ findBy });
  const evidence = artifacts.filter((a) => a.name.startsWith('drloop-evidence-'));
  const ofPlan = evidence.filter((a) => a.name.endsWith(`-${planKey}`));
  const chosen = ofPlan.length > 0 ? ofPlan : evidence;
  const { join } = await import('node:path');
  for (const a of chosen) await client.downloadArtifact(a.id, { path: join(dir, String(a.id)), findBy });
}
