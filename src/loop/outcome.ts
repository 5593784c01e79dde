import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LoopOutcome {
  status: string;
  'run-id': string;
  'rto-seconds': string;
  'rpo-seconds': string;
}

async function json(path: string): Promise<Record<string, unknown> | null> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');

/**
 * The loop's outcome as the evidence folder tells it, after the state of
 * every job was merged: the run summary's status and figures (`failed` when
 * any phase failed, whichever job's summary came last); `duplicate` or
 * `refused` when the claim ended the run; `not-run` when nothing ran.
 */
export async function loopOutcome(evidenceRoot: string): Promise<LoopOutcome> {
  const claim = await json(join(evidenceRoot, 'loop', 'claim.json'));
  const claimedRun = claim && typeof claim.run === 'object' && claim.run ? text((claim.run as Record<string, unknown>).runId) : '';
  if (claim?.outcome === 'duplicate') return { status: 'duplicate', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
  if (claim?.outcome === 'busy') return { status: 'refused', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
  const runs = (await readdir(join(evidenceRoot, 'runs')).catch(() => [] as string[])).sort();
  const summaries = (await Promise.all(runs.map(async (r) => ({ r, s: await json(join(evidenceRoot, 'runs', r, 'drill.summary.json')) })))).filter((x) => x.s !== null);
  const pick = summaries.find((x) => x.r === claimedRun) ?? summaries[summaries.length - 1];
  if (!pick) return { status: 'not-run', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
  // The summary is the last job's: a teardown job that ran cleanly after a
  // failed restore says succeeded for its own window, the loop did not.
  const phases = Array.isArray(pick.s!.phases) ? (pick.s!.phases as { phase?: unknown; status?: unknown }[]) : [];
  const failedPhase = phases.find((p) => p.status === 'failed');
  const status = failedPhase && pick.s!.status === 'succeeded' ? 'failed' : text(pick.s!.status) || 'not-run';
  return { status, 'run-id': pick.r, 'rto-seconds': text(pick.s!.rtoSeconds), 'rpo-seconds': text(pick.s!.rpoSeconds) };
}
