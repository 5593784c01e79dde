/**
 * The environment every plan step starts from: the runner's, without the
 * action's inputs and the runner's internal credentials, plus the plan's
 * defaults, the target's settings and drloop's run context.
 */
import type { Plan } from './schema.js';

/**
 * Credentials the runner gives the action itself (artifact and cache service
 * tokens, the OIDC token request). Plan steps get them only when the plan
 * names them in `runner-credentials`.
 */
export function isRunnerCredential(name: string): boolean {
  // ACTIONS_STEP_DEBUG and ACTIONS_RUNNER_DEBUG are switches, not credentials.
  return name.startsWith('ACTIONS_') && name !== 'ACTIONS_STEP_DEBUG' && name !== 'ACTIONS_RUNNER_DEBUG';
}

export interface RunContextEnv {
  runId: string;
  mode: string;
  planPath: string;
  runDir: string;
  target: string | null;
}

export function baseEnvironment(inherited: Record<string, string | undefined>, plan: Plan, ctx: RunContextEnv): Record<string, string> {
  const env: Record<string, string> = {};
  const asked = new Set(plan.runnerCredentials);
  for (const [k, v] of Object.entries(inherited)) {
    // Action inputs (the alert and the GitHub token among them) are not the steps' business.
    if (v === undefined || k.startsWith('INPUT_')) continue;
    if (isRunnerCredential(k) && !asked.has(k)) continue;
    env[k] = v;
  }
  Object.assign(env, plan.defaults.env);
  if (ctx.target !== null) Object.assign(env, plan.targets?.[ctx.target]?.env);
  env.DRLOOP_TARGET = ctx.target ?? '';
  env.DRLOOP_RUN_ID = ctx.runId;
  env.DRLOOP_MODE = ctx.mode;
  env.DRLOOP_PLAN = ctx.planPath;
  env.DRLOOP_RECEIPTS_DIR = ctx.runDir;
  return env;
}
