import { collectEvidenceInputs, collectEvidenceOutputs, runCollectEvidence } from '../../../src/evidence/run.js';
import { parseInputs } from '../../../src/inputs.js';
import { runContextFromEnv } from '../../../src/context.js';
import { EXIT, parseFlags, stderrLogger, type Command } from '../cli-kit.js';

const USAGE = `usage: drloop evidence [--evidence-dir DIR] [--paths GLOB ...] [--alert FILE|JSON] [--redact REGEX ...]
                       [--output-dir DIR] [--s3-uri s3://bucket/prefix] [--s3-endpoint URL]
                       [--s3-force-path-style] [--s3-checksum when-supported|when-required]
                       [--s3-part-size MIB] [--object-lock-days N] [--object-lock-mode GOVERNANCE|COMPLIANCE]
                       [--allow-empty] [--json]
Bundles the evidence into <output-dir>/<UTC timestamp>-<short sha>.tar.gz; with --s3-uri also stores it
in S3 and moves <prefix>/current.json once the upload is verified. AWS credentials and region come from
the standard AWS environment. Nothing to collect (no file, no alert) is an error unless --allow-empty.
Exit status: 0 when stored everywhere asked, 1 when a store failed (the local bundle stays), 2 on bad input.`;

export const evidenceCommand: Command = {
  name: 'evidence',
  summary: "bundle a run's alert, decision, receipts and logs into a redacted, checksummed tar.gz (and S3)",
  usage: USAGE,
  async run(ctx) {
    const { raw } = parseFlags(
      ctx.argv,
      {
        'evidence-dir': { type: 'string' },
        paths: { type: 'string', multiple: true },
        alert: { type: 'string' },
        redact: { type: 'string', multiple: true },
        'output-dir': { type: 'string' },
        's3-uri': { type: 'string' },
        's3-endpoint': { type: 'string' },
        's3-force-path-style': { type: 'boolean' },
        's3-checksum': { type: 'string' },
        's3-part-size': { type: 'string' },
        'object-lock-days': { type: 'string' },
        'object-lock-mode': { type: 'string' },
        'allow-empty': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    const json = raw.json === 'true';
    delete raw.json;
    const inputs = parseInputs(collectEvidenceInputs, raw);
    const logger = stderrLogger(ctx.stderr);
    const result = await runCollectEvidence(inputs, {
      workspace: ctx.cwd,
      logger,
      now: () => new Date(),
      context: runContextFromEnv(ctx.env),
      s3Region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
      jobs: ctx.jobs,
    });
    const outputs = collectEvidenceOutputs(result);
    if (json) {
      ctx.stdout.write(
        `${JSON.stringify({ ...outputs, size: result.size, files: result.manifest.files.length, redacted: result.manifest.redaction.total, failures: result.failures, warnings: result.manifest.warnings }, null, 2)}\n`,
      );
    } else {
      const lines = [
        `bundle:   ${outputs['bundle-path']}`,
        `sha256:   ${outputs['bundle-sha256']}`,
        `manifest: ${outputs['manifest-path']}`,
        `files:    ${result.manifest.files.length}, ${result.manifest.redaction.total} value(s) redacted`,
      ];
      if (result.s3) lines.push(`s3:       ${result.s3.bundleUri}`, `pointer:  ${result.s3.pointerUri}`);
      for (const f of result.failures) lines.push(`NOT STORED: ${f}`);
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.failures.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
