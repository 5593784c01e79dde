import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { DEFAULT_EVIDENCE_DIR, type RunContext } from '../context.js';
import { ConfigurationError, describeError } from '../errors.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import { enumInput, listInput, textInput } from '../inputs.js';
import type { Logger } from '../logger.js';
import { expandGlobs, uniqueFiles } from '../workspace.js';
import { parseArtefact, type CostArtefact } from './artefacts.js';
import { decide, reaches, type Decision, type DecisionValue } from './decide.js';
import { loadPolicy, MODES, resolvePolicy, type Mode } from './policy.js';
import { notificationText } from './report.js';

export const COST_DECISION_RECORD_SCHEMA = 'drloop.cost-decision/v1';
export const DEFAULT_ARTEFACTS = 'docs/proof/cost/**/*.json';

/**
 * The inputs of `actions/cost-decision` and `drloop decide`, as strings in and
 * typed values out. action.yml declares exactly these names, with the same
 * defaults (a test holds the two together).
 */
export const costDecisionInputs = z.object({
  policy: z.string({ error: 'required: the path of the cost policy (YAML)' }),
  artefacts: z._default(listInput(), [DEFAULT_ARTEFACTS]),
  mode: enumInput(MODES, 'dr'),
  targets: listInput(true),
  'evidence-dir': z._default(z.string(), DEFAULT_EVIDENCE_DIR),
  'fail-on': enumInput(['block', 'warn', 'never'] as const, 'block'),
  'notify-webhook': textInput(),
  'notify-on': enumInput(['block', 'warn'] as const, 'block'),
});
export type CostDecisionInputs = z.output<typeof costDecisionInputs>;

export interface CostDecisionDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  context?: RunContext;
  /** Posts a JSON body to a webhook; injected so tests need no network. */
  postJson?: (url: string, body: unknown) => Promise<{ ok: boolean; status: number }>;
}

export interface CostDecisionResult {
  decision: Decision;
  /** Workspace-relative path of the decision record. */
  recordPath: string;
  /** The decision reached `fail-on`. */
  failed: boolean;
  notified: boolean;
}

export interface CostDecisionOutputs {
  decision: DecisionValue;
  target: string;
  currency: string;
  'incident-cost': string;
  'net-cost': string;
  'projected-spend': string;
  'budget-ratio': string;
  reasons: string;
  record: string;
}

function fmt(n: number | null, digits: number): string {
  return n === null ? '' : n.toFixed(digits);
}

export function costDecisionOutputs(result: CostDecisionResult): CostDecisionOutputs {
  const d = result.decision;
  const t = d.targets.find((x) => x.name === d.target)!;
  return {
    decision: d.decision,
    target: d.target,
    currency: d.currency,
    'incident-cost': fmt(t.incidentCost, 2),
    'net-cost': fmt(t.netCost, 2),
    'projected-spend': fmt(t.projectedSpend, 2),
    'budget-ratio': fmt(t.budgetRatio, 4),
    reasons: JSON.stringify(d.reasons),
    record: result.recordPath,
  };
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Reads the policy and artefacts, decides, and writes the decision record.
 * Every input problem is found before anything is written, so a bad input
 * leaves no record at all rather than half of one.
 */
export async function runCostDecision(inputs: CostDecisionInputs, deps: CostDecisionDeps): Promise<CostDecisionResult> {
  const { workspace, logger } = deps;
  const now = deps.now();
  const [policyMatch] = await expandGlobs([inputs.policy], workspace, "input 'policy'");
  if (!policyMatch || policyMatch.files.length !== 1) {
    const n = policyMatch?.files.length ?? 0;
    throw new ConfigurationError(`input 'policy': '${inputs.policy}' ${n === 0 ? 'matches no file' : `matches ${n} files, expected one`}`);
  }
  const policyPath = policyMatch.files[0]!;
  const loaded = await loadPolicy(resolve(workspace, policyPath), policyPath);
  const policy = resolvePolicy(loaded, inputs.mode as Mode);

  const matches = await expandGlobs(inputs.artefacts, workspace, "input 'artefacts'");
  const empty = matches.filter((m) => m.files.length === 0);
  if (empty.length > 0) {
    throw new ConfigurationError(`input 'artefacts': no files match ${empty.map((m) => `'${m.pattern}'`).join(', ')}`);
  }
  const files = uniqueFiles(matches).filter((f) => f !== policyPath);
  const artefacts: CostArtefact[] = [];
  const problems: string[] = [];
  for (const f of files) {
    try {
      artefacts.push(parseArtefact(f, await readFile(resolve(workspace, f))));
    } catch (err) {
      if (err instanceof ConfigurationError) problems.push(err.message);
      else throw err;
    }
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems.length === 1 ? problems[0]! : `${problems.length} bad cost artefacts: ${problems.join('; ')}`, problems);
  }
  logger.info(`Read ${artefacts.length} cost artefact(s) and policy ${policyPath} (sha256 ${loaded.sha256.slice(0, 12)}), mode ${inputs.mode}`);

  const decision = decide(policy, artefacts, { now, candidates: inputs.targets });
  for (const a of decision.artefacts) if (a.use === 'ignored') logger.warning(`${a.path}: not used: ${a.note}`);

  const failed = reaches(decision.decision, inputs['fail-on']);
  const recordPath = join(inputs['evidence-dir'], 'cost', `decision-${stamp(now)}-${inputs.mode}-${randomBytes(3).toString('hex')}.json`);
  const record = {
    schema: COST_DECISION_RECORD_SCHEMA,
    createdAt: now.toISOString(),
    mode: decision.mode,
    decision: decision.decision,
    target: decision.target,
    currency: decision.currency,
    reasons: decision.reasons,
    failOn: inputs['fail-on'],
    failed,
    inputs: {
      policy: { path: policyPath, sha256: loaded.sha256 },
      artefactPatterns: inputs.artefacts,
      artefacts: decision.artefacts.map((a) => ({ path: a.path, sha256: a.sha256 })),
      targets: inputs.targets,
    },
    policySha256: loaded.sha256,
    policy: decision.policy,
    targets: decision.targets,
    artefacts: decision.artefacts,
    context: deps.context ?? {},
  };
  await writeJsonAtomic(resolve(workspace, recordPath), record);

  let notified = false;
  const url = inputs['notify-webhook'];
  if (url && reaches(decision.decision, inputs['notify-on'])) {
    notified = await notify(url, decision, deps);
  }
  return { decision, recordPath, failed, notified };
}

async function notify(url: string, decision: Decision, deps: CostDecisionDeps): Promise<boolean> {
  const post = deps.postJson ?? defaultPostJson;
  const text = notificationText(decision, deps.context ?? {});
  try {
    const res = await post(url, { text });
    if (!res.ok) {
      deps.logger.warning(`notify-webhook answered HTTP ${res.status}; the decision stands and is recorded`);
      return false;
    }
    return true;
  } catch (err) {
    deps.logger.warning(`notify-webhook failed (${describeError(err)}); the decision stands and is recorded`);
    return false;
  }
}

async function defaultPostJson(url: string, body: unknown): Promise<{ ok: boolean; status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: res.ok, status: res.status };
}
