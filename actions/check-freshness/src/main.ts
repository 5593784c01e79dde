import { jobWorkers } from '../../../src/worker-job.js';
import { FRESHNESS_LABEL, syncFreshnessIssues, type IssueTracker } from '../../../src/history/issues.js';
import { checkFreshnessInputs, runHistory } from '../../../src/history/run.js';
import { ConfigurationError } from '../../../src/errors.js';
import { inputNames, parseInputs } from '../../../src/inputs.js';
import { createOctokit } from '../../_kit/src/github.js';
import { appendSummary, core, coreLogger, githubContext, mask, readRawInputs, runAction, setOutputs, StepFailure, workspaceDir } from '../../_kit/src/runtime.js';

/** The issue tracker on GitHub's REST API, through @actions/github's Octokit (GITHUB_API_URL is its base URL). */
async function gitHubTracker(token: string): Promise<IssueTracker> {
  const { context } = await import('@actions/github');
  const octokit = await createOctokit(token);
  const { owner, repo } = context.repo;
  return {
    async listOpen(label) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', labels: label, per_page: 100 });
      return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, body: i.body ?? '' }));
    },
    async create(title, body, labels) {
      return (await octokit.rest.issues.create({ owner, repo, title, body, labels })).data.number;
    },
    async update(number, body) {
      await octokit.rest.issues.update({ owner, repo, issue_number: number, body });
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    async close(number) {
      await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
}

export async function run(): Promise<void> {
  await runAction('check-freshness', async () => {
    const raw = readRawInputs(inputNames(checkFreshnessInputs));
    mask(raw['github-token']);
    const inputs = parseInputs(checkFreshnessInputs, raw);
    if (inputs.issues && !inputs['github-token']) throw new ConfigurationError("input 'github-token': needed to open and close issues (pass the workflow token, github.token), or set issues: false");
    const result = await runHistory(
      { ...inputs, check: true },
      {
        workspace: workspaceDir(),
        logger: coreLogger(),
        now: () => new Date(),
        jobs: jobWorkers(process.argv[1]!),
        s3Region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
      },
    );
    await appendSummary(result.markdown);
    let actions: Awaited<ReturnType<typeof syncFreshnessIssues>> = [];
    if (inputs.issues) actions = await syncFreshnessIssues(result.history, await gitHubTracker(inputs['github-token']!), coreLogger(), githubContext().runUrl ?? null);
    const judged = result.history.plans.filter((p) => p.freshness).map((p) => p.plan!);
    setOutputs({
      stale: result.stale.map((s) => s.plan).join(','),
      fresh: judged.filter((p) => !result.stale.some((s) => s.plan === p)).join(','),
      issues: actions.map((a) => `${a.plan}:${a.action}:#${a.number}`).join(','),
    });
    for (const s of result.stale) core.error(`plan ${s.plan} is stale: ${s.problems.join('; ')}`);
    if (judged.length === 0) throw new StepFailure(`no plan's bundles found under ${inputs.source}; nothing proves any plan works`);
    if (result.stale.length > 0 && inputs['fail-on-stale']) {
      throw new StepFailure(`${result.stale.length} plan(s) stale: ${result.stale.map((s) => s.plan).join(', ')}${inputs.issues ? ` (see the ${FRESHNESS_LABEL} issues)` : ''}`);
    }
    core.info(`fresh: ${judged.length - result.stale.length} of ${judged.length} plan(s) (window from ${result.windowSource})`);
  });
}
