import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { boolInput, enumInput, parseInputs } from '../../../src/inputs.js';
import { verifyBundle, verifyPointer, type VerifyReport } from '../../../src/evidence/verify.js';
import { EXIT, parseFlags, UsageError, type Command } from '../cli-kit.js';

const USAGE = `usage: drloop verify-evidence <bundle.tar.gz | s3://bucket/prefix/current.json>
                              [--s3-endpoint URL] [--s3-force-path-style] [--s3-checksum when-supported|when-required] [--json]
Checks every file of the bundle against its manifest, and the bundle against its pointer (S3)
or its .sha256 file (local). AWS credentials and region come from the standard AWS environment.
Exit status: 0 when everything matches, 1 naming every mismatch, 2 on bad input.`;

const verifyInputs = z.object({
  's3-endpoint': z.optional(z.string()),
  's3-force-path-style': boolInput(false),
  's3-checksum': enumInput(['when-supported', 'when-required'] as const, 'when-supported'),
});

function describe(report: VerifyReport): string {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`OK: ${report.subject}`);
    lines.push(`  ${report.files} file(s) match the manifest; bundle sha256 ${report.bundleSha256} (${report.bundleSize} bytes)`);
    if (report.pointer) lines.push(`  pointer names ${report.pointer.bundle_uri}, created ${report.pointer.created_at}`);
  } else {
    lines.push(`MISMATCH: ${report.subject}`);
    for (const m of report.mismatches) lines.push(`  - ${m}`);
  }
  for (const n of report.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}

export const verifyEvidenceCommand: Command = {
  name: 'verify-evidence',
  summary: 'check an evidence bundle (file or S3 pointer) against its manifest and checksums',
  usage: USAGE,
  async run(ctx) {
    const { raw, positionals } = parseFlags(
      ctx.argv,
      {
        's3-endpoint': { type: 'string' },
        's3-force-path-style': { type: 'boolean' },
        's3-checksum': { type: 'string' },
        json: { type: 'boolean' },
      },
      USAGE,
      1,
    );
    if (positionals.length !== 1) throw new UsageError(`expected one bundle or pointer, got ${positionals.length}\n${USAGE}`);
    const json = raw.json === 'true';
    delete raw.json;
    const inputs = parseInputs(verifyInputs, raw);
    const subject = positionals[0]!;
    let report: VerifyReport;
    try {
      report = subject.startsWith('s3://')
        ? await verifyPointer(subject, {
            endpoint: inputs['s3-endpoint'],
            forcePathStyle: inputs['s3-force-path-style'],
            checksum: inputs['s3-checksum'],
            region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
          })
        : await verifyBundle(resolve(ctx.cwd, subject));
    } catch (err) {
      // A store that cannot be read is a failed verification, not drloop's own failure.
      if ((err as Error).name !== 'StoreError') throw err;
      ctx.stderr.write(`drloop verify-evidence: cannot verify ${subject}: ${(err as Error).message}\n`);
      return EXIT.failed;
    }
    if (!subject.startsWith('s3://')) report.subject = subject;
    if (json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else ctx.stdout.write(describe(report));
    return report.ok ? EXIT.ok : EXIT.failed;
  },
};
