import { copyFile, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PHASES, type PhaseName } from '../plan/phases.js';

/**
 * State between the jobs of one workflow run. Each job that runs phases
 * leaves its evidence folder as one artifact, named after the plan and the
 * first phase it ran: `drloop-state-<plan key>-<phase>`. The name carries no
 * run attempt, so a job re-run ("Re-run failed jobs", a late approval) finds
 * what the earlier jobs left; a re-run replaces its own earlier artifact.
 * A job restores the artifacts of the stages before its own, in phase order,
 * so a later job's copy of a shared file (the run summary) always wins.
 */
export const STATE_PREFIX = 'drloop-state-';

/** Artifacts must outlive a promotion that waits the full 30 days GitHub allows an approval. */
export const STATE_RETENTION_DAYS = 35;

/** The workflow run's artifacts as drloop reads and writes them; the action implements it with @actions/artifact. */
export interface StateArtifacts {
  list(): Promise<{ id: number; name: string }[]>;
  /** Downloads (and unpacks) an artifact into an empty directory. */
  download(id: number, dir: string): Promise<void>;
  /** Deletes an artifact of this run by name (a no-op when there is none). */
  remove(name: string): Promise<void>;
  upload(name: string, rootDir: string, files: string[], retentionDays: number): Promise<void>;
}

export function stateArtifactName(planKey: string, stage: PhaseName): string {
  return `${STATE_PREFIX}${planKey}-${stage}`;
}

/** The stage of one of this plan's state artifacts, or null when the name is another plan's or not drloop's. */
export function stageOf(name: string, planKey: string): PhaseName | null {
  const prefix = `${STATE_PREFIX}${planKey}-`;
  if (!name.startsWith(prefix)) return null;
  const stage = name.slice(prefix.length);
  return (PHASES as readonly string[]).includes(stage) ? (stage as PhaseName) : null;
}

/** Every regular file under `dir`, relative, sorted; a link or device is an error, not something to follow. */
export async function regularFiles(dir: string, label: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && d === dir) return;
      throw err;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
      else throw new ConfigurationError(`${label}: ${relative(dir, p)} is not a regular file; state holds only files`);
    }
  };
  await walk(dir);
  return out.sort();
}

/**
 * Restores the state of the stages before `before` (every stage when null)
 * into `evidenceDir`, in phase order. Returns the artifacts restored.
 */
export async function restoreState(store: StateArtifacts, o: { planKey: string; before: PhaseName | null; evidenceDir: string; logger: Logger }): Promise<string[]> {
  const limit = o.before === null ? PHASES.length : PHASES.indexOf(o.before);
  const wanted = (await store.list())
    .map((a) => ({ ...a, stage: stageOf(a.name, o.planKey) }))
    .filter((a): a is { id: number; name: string; stage: PhaseName } => a.stage !== null && PHASES.indexOf(a.stage) < limit)
    .sort((a, b) => PHASES.indexOf(a.stage) - PHASES.indexOf(b.stage) || b.id - a.id);
  const seen = new Set<string>();
  const restored: string[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'drloop-state-'));
  try {
    for (const a of wanted) {
      if (seen.has(a.stage)) continue; // the newest upload of a stage
      seen.add(a.stage);
      const dir = join(tmp, a.stage);
      await mkdir(dir);
      await store.download(a.id, dir);
      for (const rel of await regularFiles(dir, `artifact ${a.name}`)) {
        const target = join(o.evidenceDir, rel);
        await mkdir(join(target, '..'), { recursive: true });
        const existing = await lstat(target).catch(() => null);
        if (existing && !existing.isFile()) throw new ConfigurationError(`${target}: exists and is not a regular file`);
        await copyFile(join(dir, rel), target);
      }
      restored.push(a.name);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (restored.length) o.logger.info(`Restored the state of ${restored.join(', ')}`);
  return restored;
}

/** Uploads this job's evidence folder as its stage's artifact, replacing an earlier attempt's. */
export async function saveState(store: StateArtifacts, o: { planKey: string; stage: PhaseName; evidenceDir: string; retentionDays?: number; logger: Logger }): Promise<string | null> {
  const files = await regularFiles(o.evidenceDir, o.evidenceDir);
  if (files.length === 0) return null;
  const name = stateArtifactName(o.planKey, o.stage);
  if ((await store.list()).some((a) => a.name === name)) await store.remove(name);
  await store.upload(name, o.evidenceDir, files, o.retentionDays ?? STATE_RETENTION_DAYS);
  o.logger.info(`Saved ${files.length} file(s) of state as artifact ${name}`);
  return name;
}
