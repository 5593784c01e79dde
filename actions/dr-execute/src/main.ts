import { inputNames, parseInputs } from '../../../src/inputs.js';
import { drillMarkdown } from '../../../src/plan/report.js';
import { drExecuteInputs, drExecuteOutputs, isFailure, runDrExecute } from '../../../src/plan/run.js';
import { streamPressure } from '../../../src/plan/runner.js';
import { githubApprovals } from './approvals.js';
import { withLoop } from './loop.js';
import { appendSummary, core, coreLogger, githubContext, readRawInputs, runAction, setOutputs, StepFailure, workspaceDir } from '../../_kit/src/runtime.js';

export async function run(): Promise<void> {
  // A cancelled workflow sends SIGINT, then SIGTERM: both stop the running
  // step's process group and leave a `cancelled` receipt before the exit.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    core.warning(`dr-execute: received ${signal}; stopping the running step and writing receipts`);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runAction('dr-execute', async () => {
      const raw = readRawInputs(inputNames(drExecuteInputs));
      const inputs = parseInputs(drExecuteInputs, raw);
      const approvals = inputs['promote-environment'] ? await githubApprovals({ token: inputs['github-token'], env: process.env }) : undefined;
      await withLoop(inputs, async (runId, env) => {
        const result = await runDrExecute(runId === undefined ? inputs : { ...inputs, 'run-id': runId }, {
          workspace: workspaceDir(),
          logger: coreLogger(),
          now: () => new Date(),
          env,
          signal: cancel.signal,
          // The runner reads the log from a pipe: a step printing faster than it is read waits.
          backpressure: streamPressure(process.stdout),
          ...(approvals ? { approvals } : {}),
          ...(process.env.GITHUB_RUN_ID ? { githubRunId: process.env.GITHUB_RUN_ID } : {}),
        });
        setOutputs({ ...drExecuteOutputs(result) });
        await appendSummary(drillMarkdown(result.summary, result.summaryPath, githubContext().attemptUrl));
        core.info(`dr-execute: ${result.status}${result.reason ? ` (${result.reason})` : ''}; receipts in ${result.receiptsDir}`);
        if (isFailure(result.status)) throw new StepFailure(`${result.status}: ${result.reason ?? result.status}`);
      });
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
