import { costDecisionInputs, costDecisionOutputs, runCostDecision } from '../../../src/cost/run.js';
import { decisionMarkdown } from '../../../src/cost/report.js';
import { inputNames, parseInputs } from '../../../src/inputs.js';
import { appendSummary, core, coreLogger, githubContext, mask, readRawInputs, runAction, setOutputs, StepFailure, workspaceDir } from '../../_kit/src/runtime.js';

export async function run(): Promise<void> {
  await runAction('cost-decision', async () => {
    const raw = readRawInputs(inputNames(costDecisionInputs));
    mask(raw['notify-webhook']);
    const inputs = parseInputs(costDecisionInputs, raw);
    const result = await runCostDecision(inputs, { workspace: workspaceDir(), logger: coreLogger(), now: () => new Date(), context: githubContext() });
    const outputs = costDecisionOutputs(result);
    setOutputs({ ...outputs });
    await appendSummary(decisionMarkdown(result.decision, result.recordPath, githubContext().attemptUrl));
    core.info(`Decision: ${result.decision.decision} on ${result.decision.target} (record ${result.recordPath})`);
    for (const r of result.decision.reasons) core.info(`  - ${r}`);
    if (result.failed) {
      throw new StepFailure(`decision is ${result.decision.decision} for ${result.decision.target} (fail-on: ${inputs['fail-on']}): ${result.decision.reasons[0] ?? ''}`);
    }
  });
}
