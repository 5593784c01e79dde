import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { DEFAULT_EVIDENCE_DIR, type RunContext } from '../context.js';
import { ConfigurationError, describeError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { boolInput, enumInput, intInput, listInput, textInput, wholeNumberText } from '../inputs.js';
import type { Logger } from '../logger.js';
import { BUILTIN_RULES, compileExtraRules, redact, type RedactionRule } from '../redact.js';
import { bundleName, writeBundle, type BundleOptions } from './bundle.js';
import { writeBundleInWorker } from './bundle-job.js';
import { JOB_YOUNG_GENERATION_MB, type JobWorkerFactory } from '../worker-job.js';
import { displayPath, gatherEvidence, type EvidenceItem } from './gather.js';
import { summarize } from '../history/summary.js';
import { MANIFEST_SCHEMA, readMetadata, redactDeep, type EvidenceManifest, type ManifestFile } from './manifest.js';
import type { EvidenceDestinations } from './report.js';
import type { S3ClientFactory } from './s3.js';
import { parseS3Uri } from './s3-uri.js';
import { MAX_ENTRIES, sidecarPaths } from './verify.js';

/** Bundles go here by default: outside the evidence directory, so no bundle ever contains an earlier one. */
export const DEFAULT_OUTPUT_DIR = 'drloop-bundles';
/** `{run-id}` and `{run-attempt}` are filled in, so a re-run gets its own artifact. */
export const DEFAULT_ARTIFACT_NAME = 'drloop-evidence-{run-id}-{run-attempt}';

const optionalInt = (min: number, max: number) => z.optional(wholeNumberText(min, max));

/**
 * The inputs of `actions/collect-evidence` and `drloop evidence`. action.yml
 * declares exactly these names with the same defaults (a test holds them together).
 */
export const collectEvidenceInputs = z.object({
  'evidence-dir': z._default(z.string(), DEFAULT_EVIDENCE_DIR),
  paths: listInput(),
  alert: textInput(),
  redact: listInput(),
  'output-dir': z._default(z.string(), DEFAULT_OUTPUT_DIR),
  's3-uri': textInput().check(z.refine((v: string | undefined) => v === undefined || parseS3Uri(v) !== undefined, 'expected s3://bucket or s3://bucket/prefix')),
  's3-endpoint': textInput().check(z.refine((v: string | undefined) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), 'expected an http:// or https:// URL')),
  's3-force-path-style': boolInput(false),
  's3-checksum': enumInput(['when-supported', 'when-required'] as const, 'when-supported'),
  's3-part-size': intInput(8, 5, 5120),
  'object-lock-days': optionalInt(1, 36500),
  'object-lock-mode': enumInput(['GOVERNANCE', 'COMPLIANCE'] as const, 'GOVERNANCE'),
  'artifact-name': z._default(z.string(), DEFAULT_ARTIFACT_NAME),
  'retention-days': optionalInt(1, 90),
  /** An empty collection (no file, no alert) fails unless this is set. */
  'allow-empty': boolInput(false),
});
export type CollectEvidenceInputs = z.output<typeof collectEvidenceInputs>;

/** What drloop needs from `@actions/artifact`; the adapter provides it only on a runner. */
export interface ArtifactUploader {
  uploadArtifact(name: string, files: string[], rootDirectory: string, options: { retentionDays?: number }): Promise<{ id?: number; size?: number; digest?: string }>;
}

export interface CollectEvidenceDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  context?: RunContext;
  /** Region for the S3 client; the SDK's own chain applies when unset. */
  s3Region?: string | undefined;
  /** Replaces the S3 client (tests watch or alter what is sent). */
  s3Client?: S3ClientFactory;
  /** Set only where artifacts can be uploaded (inside GitHub Actions). */
  artifact?: ArtifactUploader | undefined;
  /** Finds the workspace's commit when the context has none; `git rev-parse HEAD` unless given. */
  headCommit?: (workspace: string) => Promise<string | null>;
  /** Bundles in a worker thread with a bounded young generation (src/worker-job.ts); in this thread when unset. */
  jobs?: JobWorkerFactory | undefined;
}

export interface CollectEvidenceResult {
  name: string;
  /** Absolute paths. */
  bundlePath: string;
  manifestPath: string;
  /** Workspace-relative when inside the workspace. */
  bundleDisplayPath: string;
  manifestDisplayPath: string;
  sha256: string;
  size: number;
  manifest: EvidenceManifest;
  s3: { bundleUri: string; pointerUri: string; retainUntil: string | null } | null;
  artifact: { name: string; id: number | null; url: string | null } | null;
  /** Stores that failed; the local bundle exists regardless. */
  failures: string[];
}

/**
 * The commit of the workspace, for a run outside GitHub Actions; null when it
 * is not a git checkout. child_process loads only here: collect-evidence
 * passes its own reader, and a run with GITHUB_SHA reads none.
 */
export async function headCommit(workspace: string): Promise<string | null> {
  const { execFile } = await import('node:child_process');
  return new Promise((res) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: workspace, timeout: 10_000 }, (err, stdout) => {
      const sha = String(stdout).trim();
      res(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
    });
  });
}

function ruleKinds(rules: readonly RedactionRule[]): string[] {
  return [...new Set(rules.map((r) => r.kind))];
}

/** Picks `<name>` or, if a bundle of that name exists already (same second, same commit), `<stem>-2.tar.gz`, ... */
async function freeName(dir: string, name: string): Promise<string> {
  const stem = name.replace(/\.tar\.gz$/, '');
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem}-${i}.tar.gz`;
    const taken = await stat(join(dir, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

/** Evidence of at least this many bytes is bundled in a worker thread (when the caller offers one). */
export const WORKER_BYTES = 32 * 1024 * 1024;

/** Whether the items add up to `bytes` or more; stops counting once they do. */
async function atLeast(items: readonly EvidenceItem[], bytes: number): Promise<boolean> {
  let total = 0;
  for (const item of items) {
    if (item.data) total += item.data.length;
    else if (item.file)
      total += await stat(item.file).then(
        (s) => s.size,
        () => 0,
      );
    if (total >= bytes) return true;
  }
  return false;
}

/**
 * Gathers, redacts and bundles the evidence, writes it locally, then stores
 * it in S3 and as an artifact when asked. Input problems fail before anything
 * is written. A store that fails does not stop the others; it is reported in
 * `failures` and the local bundle stays for a re-run.
 */
export async function runCollectEvidence(inputs: CollectEvidenceInputs, deps: CollectEvidenceDeps): Promise<CollectEvidenceResult> {
  const { logger } = deps;
  const workspace = resolve(deps.workspace);
  const context = deps.context ?? {};
  const now = deps.now();

  let extraRules: RedactionRule[];
  try {
    extraRules = compileExtraRules(inputs.redact);
  } catch (err) {
    throw new ConfigurationError(`input 'redact': ${describeError(err)}`);
  }
  const target = inputs['s3-uri'] ? parseS3Uri(inputs['s3-uri'])! : null;
  if (inputs['object-lock-days'] !== undefined && !target) throw new ConfigurationError("input 'object-lock-days': needs 's3-uri' (Object Lock is an S3 feature)");

  const outputDir = resolve(workspace, inputs['output-dir']);
  const gathered = await gatherEvidence({
    workspace,
    evidenceDir: inputs['evidence-dir'],
    paths: inputs.paths,
    alert: inputs.alert,
    outputDir: inputs['output-dir'],
    logger,
  });
  if (gathered.items.length > MAX_ENTRIES) {
    throw new ConfigurationError(`${gathered.items.length} files to collect, more than the ${MAX_ENTRIES} a bundle may hold (verify-evidence refuses larger ones); narrow 'paths' or 'evidence-dir'`);
  }
  if (gathered.items.length === 0) {
    if (!inputs['allow-empty']) {
      throw new ConfigurationError(
        `nothing to collect: no file under evidence-dir '${inputs['evidence-dir']}'${inputs.paths.length > 0 ? ', none matching paths' : ''} and no alert; a DR run leaves receipts there, so this usually means the wrong directory. Set allow-empty (--allow-empty) to write a bundle that holds only its manifest`,
      );
    }
    const m = 'nothing to collect: the bundle holds only its manifest (allow-empty is set)';
    gathered.warnings.push(m);
    logger.warning(m);
  }
  const warnings = [...gathered.warnings];
  const commit = context.sha ?? (await (deps.headCommit ?? headCommit)(workspace));
  const allRules = [...BUILTIN_RULES, ...extraRules];
  const metadata = redactDeep(
    await readMetadata(gathered.items, gathered.alert, context, commit, (m) => {
      warnings.push(m);
      logger.warning(m);
    }),
    extraRules,
  );

  const name = await freeName(outputDir, bundleName(now, commit));
  // A worker costs a start of this script; only evidence large enough to grow the heap is worth one.
  const jobs = deps.jobs && (await atLeast(gathered.items, WORKER_BYTES)) ? deps.jobs : undefined;
  if (jobs) logger.debug(`the bundle is written in a worker thread with a young generation of ${JOB_YOUNG_GENERATION_MB} MiB, so its memory stays flat`);
  const bundle = await logger.group(`Bundling ${gathered.items.length} file(s) into ${name}`, () =>
    (jobs ? (o: BundleOptions) => writeBundleInWorker(jobs, o) : writeBundle)({
      items: gathered.items,
      outputDir,
      name,
      extraRules,
      warn: (m) => logger.warning(m),
      manifest: (files: ManifestFile[], bundleWarnings: string[]): EvidenceManifest => {
        const byKind: Record<string, number> = {};
        for (const f of files) for (const [k, n] of Object.entries(f.redactions)) byKind[k] = (byKind[k] ?? 0) + n;
        return {
          schema: MANIFEST_SCHEMA,
          createdAt: now.toISOString(),
          bundle: name,
          ...metadata,
          summary: summarize(metadata, now.toISOString()),
          sources: {
            evidenceDir: redact(inputs['evidence-dir'], extraRules).text,
            paths: inputs.paths.map((p) => redact(p, extraRules).text),
            alert: gathered.items.find((i) => i.source === 'alert')?.origin ?? null,
          },
          redaction: {
            rules: ruleKinds(allRules),
            total: Object.values(byKind).reduce((a, b) => a + b, 0),
            byKind,
            notInspected: files.filter((f) => f.redaction === 'not-inspected').length,
          },
          warnings: redactDeep([...warnings, ...bundleWarnings], extraRules),
          files,
        };
      },
    }),
  );
  const uninspected = bundle.manifest.files.filter((f) => f.redaction === 'not-inspected');
  if (uninspected.length > 0) {
    logger.warning(`${uninspected.length} file(s) stored as found, their content could not be inspected for secrets: ${uninspected.map((f) => `${f.path} (${f.note ?? f.content})`).join(', ')}`);
  }

  // Beside the bundle: its checksum in `sha256sum -c` format and a readable copy of the manifest.
  const side = sidecarPaths(bundle.path);
  await writeFileAtomic(side.sha256, `${bundle.sha256}  ${basename(bundle.path)}\n`);
  await writeFileAtomic(side.manifest, bundle.manifestBytes);
  logger.info(
    `Bundle ${displayPath(workspace, bundle.path)}: ${bundle.size} bytes, sha256 ${bundle.sha256}, ${bundle.manifest.files.length} file(s), ${bundle.manifest.redaction.total} value(s) redacted`,
  );

  const result: CollectEvidenceResult = {
    name,
    bundlePath: bundle.path,
    manifestPath: side.manifest,
    bundleDisplayPath: displayPath(workspace, bundle.path),
    manifestDisplayPath: displayPath(workspace, side.manifest),
    sha256: bundle.sha256,
    size: bundle.size,
    manifest: bundle.manifest,
    s3: null,
    artifact: null,
    failures: [],
  };

  if (target) {
    try {
      const s3 = await import('./s3.js');
      const options = { endpoint: inputs['s3-endpoint'], forcePathStyle: inputs['s3-force-path-style'], checksum: inputs['s3-checksum'], region: deps.s3Region };
      const client = await (deps.s3Client ?? s3.createS3Client)(options);
      try {
        const stored = await logger.group(`Storing in ${inputs['s3-uri']}`, () =>
          s3.storeBundle({
            client,
            target,
            bundlePath: bundle.path,
            name,
            sha256: bundle.sha256,
            size: bundle.size,
            manifestBytes: bundle.manifestBytes,
            partSizeMiB: inputs['s3-part-size'],
            objectLock: inputs['object-lock-days'] !== undefined ? { mode: inputs['object-lock-mode'], days: inputs['object-lock-days'] } : undefined,
            pointer: {
              createdAt: now.toISOString(),
              gitSha: commit,
              runId: context.runId ?? null,
              runAttempt: context.runAttempt ?? null,
              repository: context.repository ?? null,
            },
            now: deps.now,
            logger,
          }),
        );
        result.s3 = { bundleUri: stored.bundleUri, pointerUri: stored.pointerUri, retainUntil: stored.retainUntil };
      } finally {
        client.destroy();
      }
    } catch (err) {
      // Reported once, by the caller, with the local bundle's path; the pointer still names the last verified bundle.
      const message = describeError(err);
      result.failures.push(`S3: ${message}${message.includes('pointer was not moved') ? '' : '; the pointer was not moved'}`);
    }
  }

  if (deps.artifact && inputs['artifact-name'].trim() !== '') {
    const artifactName = inputs['artifact-name'].replaceAll('{run-id}', context.runId ?? 'local').replaceAll('{run-attempt}', context.runAttempt ?? '1');
    try {
      const options: { retentionDays?: number } = {};
      if (inputs['retention-days'] !== undefined) options.retentionDays = inputs['retention-days'];
      const res = await deps.artifact.uploadArtifact(artifactName, [bundle.path, side.sha256, side.manifest], dirname(bundle.path), options);
      const id = res.id ?? null;
      const url = id !== null && context.runUrl ? `${context.runUrl}/artifacts/${id}` : null;
      result.artifact = { name: artifactName, id, url };
      logger.info(`Uploaded artifact ${artifactName}${id !== null ? ` (id ${id})` : ''}`);
    } catch (err) {
      result.failures.push(`artifact ${artifactName}: ${describeError(err)}`);
    }
  }
  return result;
}

export interface CollectEvidenceOutputs {
  'bundle-path': string;
  'bundle-sha256': string;
  'manifest-path': string;
  'bundle-uri': string;
  'pointer-uri': string;
  'artifact-id': string;
  'artifact-url': string;
}

export function collectEvidenceOutputs(r: CollectEvidenceResult): CollectEvidenceOutputs {
  return {
    'bundle-path': r.bundleDisplayPath,
    'bundle-sha256': r.sha256,
    'manifest-path': r.manifestDisplayPath,
    'bundle-uri': r.s3?.bundleUri ?? '',
    'pointer-uri': r.s3?.pointerUri ?? '',
    'artifact-id': r.artifact?.id !== null && r.artifact?.id !== undefined ? String(r.artifact.id) : '',
    'artifact-url': r.artifact?.url ?? '',
  };
}

/** What the summary needs about where the bundle went. */
export function destinationsOf(r: CollectEvidenceResult): EvidenceDestinations {
  return { localPath: r.bundleDisplayPath, sha256: r.sha256, size: r.size, s3: r.s3, artifact: r.artifact, failures: r.failures };
}
