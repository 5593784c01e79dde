import { isAbsolute, resolve } from 'node:path';
import { inputNames, parseInputs, type RawInputs } from '../../../src/inputs.js';
import { loopEvidenceInputs } from '../../../src/loop/inputs.js';
import { coreLogger, readRawInputs, setOutputs, workspaceDir } from '../../_kit/src/runtime.js';

/**
 * collect-evidence as the DR loop's last job: with `state-plan`, the state
 * every earlier job of this run left for that plan is restored in phase
 * order before bundling, `{plan-key}` in the artifact name is filled in, and
 * the run's outcome (status, RTO, RPO) becomes outputs.
 */
export async function loopState(raw: RawInputs): Promise<{ raw: RawInputs; after: () => Promise<void> }> {
  const loop = parseInputs(loopEvidenceInputs, readRawInputs(inputNames(loopEvidenceInputs)));
  const plan = loop['state-plan'];
  if (!plan) return { raw, after: async () => undefined };
  // The loop's modules (state, outcome, the artifact client) only with `state-plan`: a plain run does not load them.
  const [{ planKeyOf }, { loopOutcome }, { restoreState }, { runnerStateArtifacts }] = await Promise.all([
    import('../../../src/loop/incident.js'),
    import('../../../src/loop/outcome.js'),
    import('../../../src/loop/state.js'),
    import('../../_kit/src/loop-clients.js'),
  ]);
  const planKey = planKeyOf(plan);
  const dir = raw['evidence-dir'] || 'drloop-evidence';
  const root = isAbsolute(dir) ? dir : resolve(workspaceDir(), dir);
  await restoreState(await runnerStateArtifacts(), { planKey, before: null, evidenceDir: root, logger: coreLogger() });
  const name = raw['artifact-name'];
  return {
    raw: { ...raw, ...(name ? { 'artifact-name': name.replaceAll('{plan-key}', planKey) } : {}) },
    after: async () => {
      setOutputs({ ...(await loopOutcome(root)) });
    },
  };
}
