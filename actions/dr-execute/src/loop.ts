import type { DrExecuteInputs } from '../../../src/plan/run.js';
import { inputNames, parseInputs } from '../../../src/inputs.js';
import { duplicateMarkdown, endLoop, startLoop, type LoopDeps, type LoopStart } from '../../../src/loop/execute.js';
import { loopExecuteInputs, type LoopExecuteInputs } from '../../../src/loop/inputs.js';
import { parseSecretEnv } from '../../../src/loop/secret-env.js';
import { appendSummary, core, coreLogger, githubContext, mask, readRawInputs, setOutputs, StepFailure, workspaceDir } from '../../_kit/src/runtime.js';
import { downloadRunEvidence, githubClaimStore, runnerStateArtifacts } from '../../_kit/src/loop-clients.js';

/**
 * dr-execute as a job of the DR loop: before the plan, restore state, resume
 * and claim; after it, whatever happened, save this job's state.
 */
export async function withLoop(inputs: DrExecuteInputs, body: (runId: string | undefined, env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
  const loop: LoopExecuteInputs = parseInputs(loopExecuteInputs, readRawInputs(inputNames(loopExecuteInputs)));
  const secrets = parseSecretEnv(loop['secret-env']);
  for (const value of Object.values(secrets)) mask(value);
  const ctx = githubContext();
  const deps: LoopDeps = {
    workspace: workspaceDir(),
    logger: coreLogger(),
    now: () => new Date(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    run: { githubRunId: ctx.runId, runUrl: ctx.runUrl },
    claims: () => githubClaimStore(inputs['github-token']),
    state: runnerStateArtifacts,
    downloadRunEvidence: (id, planKey, dir) => downloadRunEvidence(inputs['github-token'], id, planKey, dir),
  };
  let start: LoopStart | undefined;
  try {
    start = await startLoop(inputs, loop, deps);
    if (start.proceed) {
      await body(start.runId, { ...process.env, ...secrets });
    } else {
      setOutputs({ status: start.status, 'run-id': start.runId, 'last-phase': '' });
      await appendSummary(duplicateMarkdown(start));
      core.info(`dr-execute: ${start.status}: ${start.reason}`);
      // A duplicate did its job by starting nothing; a busy plan refused the run.
      if (start.status === 'refused') throw new StepFailure(`refused: ${start.reason}`);
    }
  } finally {
    const at = start ?? { planKey: (await import('../../../src/loop/incident.js')).planKeyOf(inputs.plan), stage: inputs['start-at'] ?? 'bringup' };
    await endLoop(inputs, loop, at, deps);
  }
}
