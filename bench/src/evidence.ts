/**
 * Figure 3: one evidence bundle, as `collect-evidence` and `drloop evidence`
 * make it (gather, redact, tar + gzip, sha256 of every file in the manifest
 * and of the bundle), of the evidence directory and the `logs/**` files of a
 * workspace. One bundle per process, so the process's peak RSS is the
 * bundle's; the caller times the whole process.
 *   evidence.js WORKSPACE OUTPUT_DIR   → one JSON line on stdout
 */
import { performance } from 'node:perf_hooks';
import { collectEvidenceInputs, runCollectEvidence } from '../../src/evidence/run.js';
import { parseInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { serveBundleJob } from '../../src/evidence/bundle-job.js';
import { jobWorkers, serveWorkerJob } from '../../src/worker-job.js';

// As in the action: the bundle itself is written by this script in a bounded worker thread.
if (!(await serveWorkerJob({ bundle: () => serveBundleJob }))) {
  const [workspace, outputDir] = process.argv.slice(2);
  if (!workspace || !outputDir) throw new Error('usage: evidence.js WORKSPACE OUTPUT_DIR');

  const inputs = parseInputs(collectEvidenceInputs, { 'evidence-dir': 'drloop-evidence', paths: 'logs/**', 'output-dir': outputDir, 'artifact-name': '' });
  const t = performance.now();
  const r = await runCollectEvidence(inputs, {
    workspace,
    logger: new MemoryLogger(),
    now: () => new Date(),
    context: { sha: '5f2b8e0c9d1a4b7e3f6a2c8d0e9b1a7c4d3e2f10', repository: 'acme/dr-runbooks', runId: '1', runAttempt: '1' },
    jobs: jobWorkers(process.argv[1]!),
  });
  const ms = performance.now() - t;
  if (r.failures.length > 0) throw new Error(r.failures.join('; '));
  process.stdout.write(
    `${JSON.stringify({
      ms,
      bundle: r.bundlePath,
      size: r.size,
      sha256: r.sha256,
      files: r.manifest.files.length,
      redacted: r.manifest.redaction.total,
      notInspected: r.manifest.redaction.notInspected,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
}
