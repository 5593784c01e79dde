import { collectEvidenceInputs, collectEvidenceOutputs, destinationsOf, runCollectEvidence, type ArtifactUploader } from '../../../src/evidence/run.js';
import { loopState } from './state.js';
import { evidenceMarkdown } from '../../../src/evidence/report.js';
import { inputNames, parseInputs } from '../../../src/inputs.js';
import { jobWorkers } from '../../../src/worker-job.js';
import { appendSummary, core, coreLogger, githubContext, readRawInputs, runAction, setOutputs, StepFailure, workspaceDir } from '../../_kit/src/runtime.js';

/**
 * Artifacts can only be uploaded by a job on a runner (it hands the step
 * ACTIONS_RUNTIME_TOKEN); `artifact-name: ''` turns them off. The client is
 * loaded only then, so local runs and tests never load it.
 */
async function artifactUploader(artifactName: string): Promise<ArtifactUploader | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || artifactName.trim() === '') return undefined;
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/**
 * The checkout's commit when the runner gave none (no GITHUB_SHA): one `git
 * rev-parse HEAD` through @actions/exec (loaded only then); null outside a git checkout.
 */
async function gitHead(workspace: string): Promise<string | null> {
  try {
    const { getExecOutput } = await import('@actions/exec');
    const r = await getExecOutput('git', ['rev-parse', 'HEAD'], { cwd: workspace, silent: true, ignoreReturnCode: true });
    const sha = r.stdout.trim();
    return r.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
  } catch {
    return null; // no git on PATH
  }
}

export async function run(): Promise<void> {
  await runAction('collect-evidence', async () => {
    const loop = await loopState(readRawInputs(inputNames(collectEvidenceInputs)));
    const raw = loop.raw;
    const inputs = parseInputs(collectEvidenceInputs, raw);
    const context = githubContext();
    const result = await runCollectEvidence(inputs, {
      workspace: workspaceDir(),
      logger: coreLogger(),
      now: () => new Date(),
      context,
      s3Region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
      artifact: await artifactUploader(raw['artifact-name'] ?? ''),
      headCommit: gitHead,
      jobs: jobWorkers(process.argv[1]!),
    });
    setOutputs({ ...collectEvidenceOutputs(result) });
    await loop.after();
    await appendSummary(evidenceMarkdown(result.manifest, destinationsOf(result), context.attemptUrl));
    core.info(`Evidence bundle ${result.bundleDisplayPath} (sha256 ${result.sha256})`);
    if (result.s3) core.info(`Stored as ${result.s3.bundleUri}; pointer ${result.s3.pointerUri}`);
    if (result.failures.length > 0) {
      throw new StepFailure(`the bundle was written to ${result.bundleDisplayPath} but not stored everywhere: ${result.failures.join('; ')}`);
    }
  });
}
