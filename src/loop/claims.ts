import * as z from 'zod/mini';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Incident } from './incident.js';

/**
 * Claims are git refs in the repository the loop runs for, created through
 * GitHub's REST API. Creating a ref that exists fails (422), so whichever
 * dispatch creates `refs/drloop/incidents/<id>` first owns the incident;
 * every other dispatch of it, at the same moment or a week later, is a
 * duplicate. The ref points at a commit whose message is the owner record.
 */
export const CLAIM_SCHEMA = 'drloop.claim/v1';

export const claimOwnerSchema = z.object({
  schema: z.literal(CLAIM_SCHEMA),
  kind: z.enum(['failover', 'drill']),
  /** The GitHub workflow run that holds the claim. */
  githubRunId: z.string().check(z.regex(/^\d+$/)),
  runUrl: z.string(),
  /** drloop's run id (the incident id for a failover). */
  runId: z.string(),
  plan: z.string(),
  claimedAt: z.string(),
});
export type ClaimOwner = z.output<typeof claimOwnerSchema>;

/** What drloop needs from GitHub to hold claims; the action implements it with Octokit. */
export interface ClaimStore {
  /** Creates `ref` naming `owner`, atomically; returns the existing owner instead when the ref exists. */
  create(ref: string, owner: ClaimOwner): Promise<{ created: true } | { created: false; owner: ClaimOwner | null }>;
  /** The refs under a prefix (`refs/drloop/plans/<key>/`) with their owners (null when unreadable). */
  list(prefix: string): Promise<{ ref: string; owner: ClaimOwner | null }[]>;
  remove(ref: string): Promise<void>;
  /** Whether a workflow run has completed (a completed run holds nothing any more). */
  runCompleted(githubRunId: string): Promise<boolean>;
}

export const incidentRef = (incident: Incident) => `refs/drloop/incidents/${incident.id}`;
export const planPrefix = (planKey: string) => `refs/drloop/plans/${planKey}/`;

/** Parses an owner record from a claim commit's message; null when it is not one. */
export function parseOwner(message: string): ClaimOwner | null {
  try {
    const r = claimOwnerSchema.safeParse(JSON.parse(message));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export type IncidentClaim = { outcome: 'owner' } | { outcome: 'rerun' } | { outcome: 'duplicate'; owner: ClaimOwner | null; ref: string };

/**
 * Claims an incident for this workflow run. `rerun` means this run already
 * holds it (a job re-run, or the next job of the same run).
 */
export async function claimIncident(store: ClaimStore, incident: Incident, me: ClaimOwner): Promise<IncidentClaim> {
  const ref = incidentRef(incident);
  const r = await store.create(ref, me);
  if (r.created) return { outcome: 'owner' };
  if (r.owner && r.owner.githubRunId === me.githubRunId) return { outcome: 'rerun' };
  return { outcome: 'duplicate', owner: r.owner, ref };
}

export type PlanHold = { outcome: 'held'; ref: string } | { outcome: 'busy'; ref: string; holders: ClaimOwner[] };

export interface HoldOptions {
  /** How long a failover waits for a running drill of the plan to end. */
  waitMs: number;
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  logger: Logger;
}

/**
 * Keeps a drill and a failover of one plan from running at once. Each run
 * creates its own ref under the plan's prefix, then looks at the others; a
 * ref of a completed run is stale and removed. A drill gives way to anyone
 * (it removes its ref and is refused); a failover waits for running drills
 * to end, up to `waitMs`, and is refused after that, naming them. Failovers
 * of different incidents do not wait for each other. The refs of this run are
 * released when the run completes, whatever happened to it: nothing has to
 * remember to delete them.
 */
export async function holdPlan(store: ClaimStore, planKey: string, me: ClaimOwner, o: HoldOptions): Promise<PlanHold> {
  const prefix = planPrefix(planKey);
  const ref = `${prefix}${me.githubRunId}`;
  const mine = await store.create(ref, me);
  if (!mine.created && mine.owner?.githubRunId !== me.githubRunId) throw new Error(`${ref} exists and is not this run's`);
  const deadline = o.now() + o.waitMs;
  for (;;) {
    const blocking: ClaimOwner[] = [];
    for (const other of await store.list(prefix)) {
      if (other.ref === ref) continue;
      const owner = other.owner;
      if (!owner) continue;
      let done: boolean;
      try {
        done = await store.runCompleted(owner.githubRunId);
      } catch (err) {
        o.logger.warning(`could not read the state of run ${owner.runUrl} (${describeError(err)}); treating it as running`);
        done = false;
      }
      if (done) {
        await store.remove(other.ref).catch(() => undefined);
        continue;
      }
      if (me.kind === 'drill' || owner.kind === 'drill') blocking.push(owner);
    }
    if (blocking.length === 0) return { outcome: 'held', ref };
    if (me.kind === 'drill' || o.now() >= deadline) {
      await store.remove(ref).catch(() => undefined);
      return { outcome: 'busy', ref, holders: blocking };
    }
    o.logger.info(`waiting for ${blocking.map((b) => `the ${b.kind} ${b.runUrl}`).join(', ')} to end before this failover of ${me.plan} starts`);
    await o.sleep(Math.max(0, Math.min(o.pollMs, deadline - o.now())));
  }
}
