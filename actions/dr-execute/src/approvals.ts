/**
 * The reviews of this workflow run, from GitHub's REST API
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`) through
 * @actions/github's Octokit. Loaded only when `promote-environment` is set, so
 * other runs never load the client.
 */
import { ConfigurationError } from '../../../src/errors.js';
import type { ApprovalSource, Review } from '../../../src/plan/promote.js';
import { createOctokit } from '../../_kit/src/github.js';

export interface ApprovalsConfig {
  token: string | undefined;
  env: Record<string, string | undefined>;
}

export async function githubApprovals({ token, env }: ApprovalsConfig): Promise<ApprovalSource> {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo || !/^\d+$/.test(runId)) {
    throw new ConfigurationError(`input 'promote-environment': needs the workflow run's GITHUB_REPOSITORY and GITHUB_RUN_ID (set by the runner), got '${repository}' and '${runId}'`);
  }
  if (!token) throw new ConfigurationError(`input 'github-token': required with promote-environment, to read this run's approvals (the default is the job's github.token)`);
  const octokit = await createOctokit(token);
  return {
    describe: `workflow run ${runId} of ${repository}`,
    async reviews(): Promise<Review[]> {
      const res = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: Number(runId) });
      return res.data.map((r) => ({
        state: String(r.state),
        reviewer: r.user?.login ?? '(unknown)',
        comment: r.comment ?? '',
        environments: (r.environments ?? []).map((e) => e.name ?? '').filter((n) => n !== ''),
      }));
    },
  };
}
