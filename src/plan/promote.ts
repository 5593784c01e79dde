/**
 * The promotion gate: promote runs only with an explicit auto-promote, a
 * verified approval of a GitHub Environment, the legacy `approver` input, or
 * the drill bypass. The approval is read from GitHub through an
 * ApprovalSource, which the action implements with GitHub's REST API; the
 * engine never talks to GitHub itself.
 */
import { describeError } from '../errors.js';

/** One review of a workflow run's deployment, as GitHub's approvals API lists it. */
export interface Review {
  state: string;
  reviewer: string;
  comment: string;
  environments: string[];
}

/** Where the reviews of this run come from (`GET /repos/{o}/{r}/actions/runs/{id}/approvals`). */
export interface ApprovalSource {
  /** For messages: which run's reviews these are. */
  readonly describe: string;
  reviews(): Promise<Review[]>;
}

/** What the promote receipt and the summary record of a verified approval. */
export interface ApprovalRecord {
  environment: string;
  reviewer: string;
  comment: string;
  /** When drloop read the approval from GitHub (the API does not say when the review was given). */
  verifiedAt: string;
  source: string;
}

export type GateKind = 'auto-promote' | 'approval' | 'bypass';

export interface GateResult {
  passed: boolean;
  gate: GateKind | null;
  reason: string;
  approver: string | null;
  ticket: string | null;
  /** A GitHub approval read back from the API; null for every other gate. */
  approval: ApprovalRecord | null;
}

export interface GateOptions {
  mode: string;
  autoPromote: boolean;
  allowPromoteBypass: boolean;
  approver: string | null;
  ticket: string | null;
  /** The GitHub Environment whose approval promote needs; null: no verified approval asked for. */
  environment: string | null;
  approvals: ApprovalSource | null;
  now: () => Date;
}

/** How to make GitHub ask a person before the promote job runs. */
export function reviewersHint(environment: string): string {
  return (
    `give environment '${environment}' required reviewers (repository Settings → Environments → ${environment} → Required reviewers; ` +
    `an environment GitHub creates on first use has none, and private repositories need a plan that offers them) ` +
    `and run the promoting job with \`environment: ${environment}\``
  );
}

function closed(reason: string, o: GateOptions): GateResult {
  return { passed: false, gate: null, reason, approver: null, ticket: o.ticket, approval: null };
}

/** The review that decides: the last one GitHub lists for the environment. */
function decidingReview(reviews: Review[], environment: string): Review | null {
  let found: Review | null = null;
  for (const r of reviews) if (r.environments.includes(environment)) found = r;
  return found;
}

async function verifiedApproval(o: GateOptions, environment: string): Promise<GateResult> {
  if (!o.approvals) return closed(`promote-environment '${environment}' needs GitHub's approvals API, which only the dr-execute action reads`, o);
  let reviews: Review[];
  try {
    reviews = await o.approvals.reviews();
  } catch (err) {
    return closed(`could not read the approvals of ${o.approvals.describe}: ${describeError(err)}`, o);
  }
  const review = decidingReview(reviews, environment);
  if (!review) {
    const others = [...new Set(reviews.flatMap((r) => r.environments))];
    const seen = others.length ? `reviews cover only ${others.map((e) => `'${e}'`).join(', ')}` : 'GitHub lists no review';
    return closed(`no approval of environment '${environment}' for ${o.approvals.describe} (${seen}); ${reviewersHint(environment)}`, o);
  }
  if (review.state !== 'approved') {
    return closed(`environment '${environment}' was ${review.state} by ${review.reviewer}${review.comment ? ` (${JSON.stringify(review.comment)})` : ''} for ${o.approvals.describe}`, o);
  }
  const comment = review.comment.trim();
  const ticket = o.ticket ?? (comment === '' ? null : comment.split(/\r?\n/)[0]!.slice(0, 200));
  const approval: ApprovalRecord = { environment, reviewer: review.reviewer, comment, verifiedAt: o.now().toISOString(), source: o.approvals.describe };
  return { passed: true, gate: 'approval', reason: `environment '${environment}' approved by ${review.reviewer}`, approver: review.reviewer, ticket, approval };
}

export async function promoteGate(o: GateOptions): Promise<GateResult> {
  const open = (gate: GateKind, reason: string, approver: string | null = null): GateResult => ({ passed: true, gate, reason, approver, ticket: o.ticket, approval: null });
  if (o.autoPromote) return open('auto-promote', 'auto-promote: true');
  if (o.environment !== null) return verifiedApproval(o, o.environment);
  if (o.approver) return open('approval', `approver input set to ${o.approver} (not verified with GitHub)`, o.approver);
  if (o.allowPromoteBypass && o.mode === 'drill') return open('bypass', 'allow-promote-bypass: true in a drill');
  const hint = o.allowPromoteBypass ? ' (allow-promote-bypass applies to mode drill only)' : '';
  return closed(`needs promote-environment (a verified GitHub approval), auto-promote: true or an approver${hint}`, o);
}
