import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { Logger } from '../logger.js';
import type { DrExecuteInputs } from '../plan/run.js';
import type { PhaseName } from '../plan/schema.js';
import { claimIncident, CLAIM_SCHEMA, holdPlan, type ClaimOwner, type ClaimStore } from './claims.js';
import { incidentOf, planKeyOf, type Incident } from './incident.js';
import type { LoopExecuteInputs } from './inputs.js';
import { restoreState, saveState, type StateArtifacts } from './state.js';

export const LOOP_RECORD_SCHEMA = 'drloop.loop-record/v1';

/** The workflow run dr-execute runs in, from GitHub's default variables. */
export interface WorkflowRun {
  githubRunId: string | undefined;
  runUrl: string | undefined;
}

export interface LoopDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  run: WorkflowRun;
  /** Made only when a claim is asked for. */
  claims: () => Promise<ClaimStore>;
  /** This workflow run's artifacts; made only with `state: true`. */
  state: () => Promise<StateArtifacts>;
  /** Downloads another run's evidence artifacts (of this plan when it can tell) into `dir`. */
  downloadRunEvidence: (githubRunId: string, planKey: string, dir: string) => Promise<void>;
}

/** What the loop decided before the plan runs. */
export type LoopStart =
  | { proceed: true; runId: string | undefined; planKey: string; stage: PhaseName }
  | { proceed: false; status: 'duplicate' | 'refused'; reason: string; runId: string; planKey: string; stage: PhaseName; ownerUrl: string | null };

function evidenceRoot(exec: DrExecuteInputs, workspace: string): string {
  const dir = exec['evidence-dir'];
  return isAbsolute(dir) ? dir : resolve(workspace, dir);
}

/** The first phase this invocation runs: its stage, which names its state. */
export function stageOfInputs(exec: DrExecuteInputs): PhaseName {
  return exec['start-at'] ?? 'bringup';
}

async function record(root: string, value: Record<string, unknown>): Promise<void> {
  await writeJsonAtomic(join(root, 'loop', 'claim.json'), { schema: LOOP_RECORD_SCHEMA, ...value });
}

/**
 * Everything dr-execute does before the plan when it runs as a job of the
 * DR loop: restore the earlier jobs' state (or a verified resume), claim the
 * incident, hold the plan against a concurrent drill or failover. A
 * duplicate or a busy plan ends here with a record in the evidence folder.
 */
export async function startLoop(exec: DrExecuteInputs, loop: LoopExecuteInputs, deps: LoopDeps): Promise<LoopStart> {
  const planKey = planKeyOf(exec.plan);
  const stage = stageOfInputs(exec);
  const root = evidenceRoot(exec, deps.workspace);
  let runId = exec['run-id'];

  if (loop.state && exec.mode !== 'failback') {
    await restoreState(await deps.state(), { planKey, before: stage, evidenceDir: root, logger: deps.logger });
  }
  if (loop['resume-from-run']) {
    if (stage === 'bringup') throw new ConfigurationError("input 'resume-from-run': set start-at past bringup (restore or validate) to resume; a run from bringup has nothing to resume");
    const dir = await mkdtemp(join(tmpdir(), 'drloop-resume-'));
    try {
      await deps.downloadRunEvidence(loop['resume-from-run'], planKey, dir);
      // Loaded only for a resume: the bundle reader (tar, gzip, verification) is not on a plain run's path.
      const { resumeFromBundle } = await import('./resume.js');
      const resumed = await resumeFromBundle({ downloaded: dir, githubRunId: loop['resume-from-run'], runId, evidenceDir: root });
      deps.logger.info(`Resuming run ${resumed.runId}: ${resumed.files} file(s) from the verified bundle of workflow run ${loop['resume-from-run']}`);
      runId = resumed.runId;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  if (!loop.claim || exec['dry-run'] || exec.mode === 'failback') return { proceed: true, runId, planKey, stage };
  const { githubRunId, runUrl } = deps.run;
  if (!githubRunId || !runUrl) throw new ConfigurationError("input 'claim': claims need a GitHub workflow run (GITHUB_RUN_ID, GITHUB_REPOSITORY)");
  const store = await deps.claims();
  // Loaded only when an alert is given, like the plan's own alert reader.
  const alert = exec.alert ? (await (await import('../alerts/alertmanager.js')).loadAlert(exec.alert, deps.workspace)).alert : null;
  let incident: Incident | null = null;
  if (exec.mode === 'failover' && alert) {
    incident = incidentOf(alert);
    if (runId === undefined) runId = incident.id;
  }
  const me: ClaimOwner = {
    schema: CLAIM_SCHEMA,
    kind: exec.mode === 'failover' ? 'failover' : 'drill',
    githubRunId,
    runUrl,
    runId: runId ?? `gh-${githubRunId}`,
    plan: exec.plan,
    claimedAt: deps.now().toISOString(),
  };

  if (incident) {
    const claim = await claimIncident(store, incident, me);
    if (claim.outcome === 'duplicate') {
      const ownerUrl = claim.owner?.runUrl ?? null;
      const reason = `duplicate of ${ownerUrl ?? `the run that holds ${claim.ref} (its record is unreadable)`}`;
      await record(root, { outcome: 'duplicate', incident, owner: claim.owner, ref: claim.ref, run: me, reason });
      return { proceed: false, status: 'duplicate', reason, runId: me.runId, planKey, stage, ownerUrl };
    }
    deps.logger.info(
      claim.outcome === 'owner' ? `Claimed incident ${incident.id} (${incident.groupKey}, started ${incident.startsAt}) for this run` : `This run already holds incident ${incident.id}`,
    );
  }
  const hold = await holdPlan(store, planKey, me, { waitMs: loop['plan-wait-minutes'] * 60_000, pollMs: 15_000, sleep: deps.sleep, now: () => deps.now().getTime(), logger: deps.logger });
  if (hold.outcome === 'busy') {
    const urls = hold.holders.map((h) => `${h.kind} ${h.runUrl}`).join(', ');
    const reason =
      me.kind === 'drill'
        ? `plan ${exec.plan} is busy (${urls}); a drill never runs beside another run of its plan`
        : `plan ${exec.plan} is still held by ${urls} after ${loop['plan-wait-minutes']} minutes; cancel that run to let this failover start`;
    await record(root, { outcome: 'busy', incident, holders: hold.holders, run: me, reason });
    return { proceed: false, status: 'refused', reason, runId: me.runId, planKey, stage, ownerUrl: null };
  }
  await record(root, { outcome: 'held', incident, ref: hold.ref, run: me });
  return { proceed: true, runId, planKey, stage };
}

/** Saves this job's evidence folder as its stage's state; called whatever happened before. */
export async function endLoop(exec: DrExecuteInputs, loop: LoopExecuteInputs, start: { planKey: string; stage: PhaseName }, deps: LoopDeps): Promise<void> {
  if (!loop.state || exec.mode === 'failback') return;
  await saveState(await deps.state(), {
    planKey: start.planKey,
    stage: start.stage,
    evidenceDir: evidenceRoot(exec, deps.workspace),
    retentionDays: loop['state-retention-days'],
    logger: deps.logger,
  });
}

export function duplicateMarkdown(start: Extract<LoopStart, { proceed: false }>): string {
  const title = start.status === 'duplicate' ? 'duplicate dispatch' : 'refused';
  return `## drloop: ${title}\n\n${start.reason.replace(/^duplicate of /, 'This dispatch is a duplicate of ')}. Nothing of the plan ran; run id \`${start.runId}\`.\n`;
}
