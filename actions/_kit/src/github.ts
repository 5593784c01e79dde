/**
 * GitHub's REST API for the actions: @actions/github's Octokit, pointed at
 * `GITHUB_API_URL` so that GitHub Enterprise Server works as github.com does.
 * Every call an action makes to GitHub's REST API goes through this client.
 *
 * @actions/github (and Octokit with it) is loaded on the first call only, so
 * an action that never talks to GitHub does not pay for it at start-up.
 */
import type { getOctokit } from '@actions/github';
import { mask } from './runtime.js';
import { ConfigurationError } from '../../../src/errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The REST API's base URL: the runner's `GITHUB_API_URL` (set on GitHub Enterprise Server), else api.github.com. */
export function githubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.GITHUB_API_URL?.trim();
  return (url ? url : DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
}

/**
 * An authenticated Octokit for `token` (usually the `github-token` input).
 * The token is masked in the log before anything can print it.
 */
export async function createOctokit(token: string, input = 'github-token'): Promise<Octokit> {
  const value = token.trim();
  if (value === '') throw new ConfigurationError(`input '${input}' is empty: a token is needed to call GitHub's API (the default is \${{ github.token }})`);
  mask(value);
  const { getOctokit: create } = await import('@actions/github');
  return create(value, { baseUrl: githubApiUrl(), userAgent: 'drloop' });
}
