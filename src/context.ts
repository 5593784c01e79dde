/**
 * Where a run happens, shared by the three actions and the CLI. Kept apart
 * from the cost, plan and evidence modules so that each entry loads only what
 * it uses.
 */

/** The folder the three actions share for records and receipts. */
export const DEFAULT_EVIDENCE_DIR = 'drloop-evidence';

/** What a record, a manifest or a notification may say about where it ran. */
export interface RunContext {
  repository?: string;
  sha?: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
  /** This attempt's page: the run URL, plus `/attempts/N` when the run was re-run (N > 1). */
  attemptUrl?: string;
  actor?: string;
  event?: string;
}

/**
 * The run context from GitHub's default environment variables, given as a
 * map (the library never reads process.env itself); empty outside Actions.
 */
export function runContextFromEnv(env: Readonly<Record<string, string | undefined>>): RunContext {
  const ctx: RunContext = {};
  if (env.GITHUB_REPOSITORY) ctx.repository = env.GITHUB_REPOSITORY;
  if (env.GITHUB_SHA) ctx.sha = env.GITHUB_SHA;
  if (env.GITHUB_RUN_ID) ctx.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) ctx.runAttempt = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_ACTOR) ctx.actor = env.GITHUB_ACTOR;
  if (env.GITHUB_EVENT_NAME) ctx.event = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    ctx.runUrl = `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? Number(env.GITHUB_RUN_ATTEMPT) : 1;
    ctx.attemptUrl = attempt > 1 ? `${ctx.runUrl}/attempts/${attempt}` : ctx.runUrl;
  }
  return ctx;
}

/** The job summary's link back to the workflow run (its attempt): two lines to append, none outside Actions. */
export function runLinkLines(attemptUrl: string | undefined): string[] {
  return attemptUrl ? ['', `Workflow run: [${attemptUrl}](${attemptUrl})`] : [];
}
