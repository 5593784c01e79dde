import { createReadStream } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { ConfigurationError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { sha256 } from '../hash.js';
import { MANIFEST_NAME } from '../evidence/manifest.js';
import { verifyBundle } from '../evidence/verify.js';
import { loadReceipts } from '../plan/receipts.js';
import { RUN_ID_PATTERN } from '../plan/run.js';

/** Where receipts sit inside a bundle: the evidence folder is stored as `evidence/`. */
const RUNS_PREFIX = 'evidence/runs/';

export interface ResumedRun {
  runId: string;
  bundle: string;
  files: number;
}

function fail(message: string): never {
  throw new ConfigurationError(`resume-from-run: ${message}`);
}

async function bundlesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isSymbolicLink()) fail(`${p} is a link; an evidence artifact holds only files`);
      else if (e.isFile() && e.name.endsWith('.tar.gz')) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/**
 * Restores the receipts of an earlier workflow run from its evidence
 * artifacts (downloaded into `downloaded`), trusting nothing it has not
 * checked: every bundle must verify against its manifest and checksum file
 * as `drloop verify-evidence` does, and must say it was made by that run;
 * the newest (by the manifest's createdAt) is used. Only regular files under
 * `evidence/runs/<run id>/` are restored, each checked again against the
 * manifest as written; a link, a `..` or absolute name, or a receipt of
 * another run refuses the resume before anything lands in `evidenceDir`.
 */
export async function resumeFromBundle(o: { downloaded: string; githubRunId: string; runId?: string | undefined; evidenceDir: string }): Promise<ResumedRun> {
  const bundles = await bundlesIn(o.downloaded);
  if (bundles.length === 0) fail(`run ${o.githubRunId} left no evidence bundle (drloop-evidence-* artifact with a .tar.gz)`);
  const verified: { path: string; createdAt: string; manifest: { files: { path: string; size: number; sha256: string }[]; run?: { workflowRunId?: string | null } } }[] = [];
  for (const path of bundles) {
    const report = await verifyBundle(path);
    if (!report.ok) fail(`the bundle ${path} does not verify, nothing of run ${o.githubRunId} is trusted:\n  ${report.mismatches.join('\n  ')}`);
    const manifest = await manifestOf(path);
    if (manifest.run?.workflowRunId !== o.githubRunId) {
      fail(`the bundle ${path} says it was made by workflow run ${JSON.stringify(manifest.run?.workflowRunId ?? null)}, not ${o.githubRunId}`);
    }
    verified.push({ path, createdAt: report.manifest?.createdAt ?? '', manifest });
  }
  verified.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.path.localeCompare(b.path));
  const chosen = verified[verified.length - 1]!;

  const listed = new Map(chosen.manifest.files.map((f) => [f.path, f]));
  const runIds = new Set<string>();
  for (const p of listed.keys()) {
    if (!p.startsWith(RUNS_PREFIX)) continue;
    const id = p.slice(RUNS_PREFIX.length).split('/')[0]!;
    runIds.add(id);
  }
  let runId = o.runId;
  if (runId === undefined) {
    if (runIds.size !== 1) fail(`the bundle ${chosen.path} holds ${runIds.size === 0 ? 'no receipts' : `the receipts of ${runIds.size} runs (${[...runIds].join(', ')})`}; set run-id to choose`);
    runId = [...runIds][0]!;
  } else if (!runIds.has(runId)) {
    fail(`the bundle ${chosen.path} holds no receipts of run ${runId} (it has ${[...runIds].join(', ') || 'none'})`);
  }
  if (!RUN_ID_PATTERN.test(runId)) fail(`the bundle names run ${JSON.stringify(runId)}, not a valid run id`);

  const prefix = `${RUNS_PREFIX}${runId}/`;
  const files = new Map<string, Buffer>();
  const ex = extract();
  const reading = (async () => {
    for await (const entry of ex) {
      const { name, type } = entry.header;
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      if (!name.startsWith(prefix)) continue;
      const rel = name.slice(prefix.length);
      if (type !== 'file') fail(`${name} in ${chosen.path} is a ${type}; only files are restored`);
      if (rel === '' || rel.startsWith('/') || rel.split('/').some((s) => s === '..' || s === '.' || s === '')) fail(`${name} in ${chosen.path} is not a plain relative path`);
      const data = Buffer.concat(chunks);
      const expected = listed.get(name);
      if (!expected || expected.sha256 !== sha256(data) || expected.size !== data.length) fail(`${name} in ${chosen.path} does not match the manifest`);
      files.set(rel, data);
    }
  })();
  await Promise.all([pipeline(createReadStream(chosen.path), createGunzip(), ex), reading]);

  // The receipts must be this run's own, phase by phase, before any is written.
  const staging = await mkdtemp(join(o.downloaded, '.receipts-'));
  for (const [rel, data] of files) await writeFileAtomic(join(staging, rel), data);
  try {
    await loadReceipts(staging, `${chosen.path}:${prefix.slice(0, -1)}`, runId);
  } catch (err) {
    fail(`the receipts in ${chosen.path} are not run ${runId}'s: ${(err as Error).message}`);
  }
  const target = join(o.evidenceDir, 'runs', runId);
  for (const [rel, data] of files) await writeFileAtomic(join(target, rel), data);
  return { runId, bundle: chosen.path, files: files.size };
}

async function manifestOf(path: string): Promise<{ files: { path: string; size: number; sha256: string }[]; run?: { workflowRunId?: string | null } }> {
  const ex = extract();
  let text: string | null = null;
  const reading = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      if (entry.header.name === MANIFEST_NAME) text = Buffer.concat(chunks).toString('utf8');
    }
  })();
  await Promise.all([pipeline(createReadStream(path), createGunzip(), ex), reading]);
  if (text === null) fail(`${path} has no ${MANIFEST_NAME}`);
  return JSON.parse(text);
}
