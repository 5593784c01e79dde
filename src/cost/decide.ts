import picomatch from 'picomatch';
import { formatDuration } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import type { CostArtefact, CostKind } from './artefacts.js';
import { formatMoney, formatPercent, roundMoney } from './money.js';
import type { EffectivePolicy, Mode } from './policy.js';

export const DECISIONS = ['allow', 'warn', 'block'] as const;
export type DecisionValue = (typeof DECISIONS)[number];
const RANK: Record<DecisionValue, number> = { allow: 0, warn: 1, block: 2 };

/** Which artefact kind prices a mode: a drill rehearses the DR environment. */
const KIND_FOR_MODE: Record<Mode, CostKind> = { dr: 'dr', drill: 'dr', burst: 'burst' };

export type ArtefactUse = 'used' | 'superseded' | 'ignored';

/** The start of the note on an artefact dated in the future. */
const FUTURE_NOTE = 'dated in the future';

export interface ArtefactAssessment {
  path: string;
  sha256: string;
  format: CostArtefact['format'];
  component: string;
  kind: CostKind | null;
  target: string | null;
  hourly: number;
  currency: string;
  generatedAt: string | null;
  ageSeconds: number | null;
  stale: boolean;
  incomplete: string[];
  use: ArtefactUse;
  /** Why an artefact was superseded or ignored. */
  note: string | null;
}

export interface TargetAssessment {
  name: string;
  decision: DecisionValue;
  /** Hourly cost of the known part; null when no artefact prices this target. */
  hourlyCost: number | null;
  incidentCost: number | null;
  credits: number;
  netCost: number | null;
  projectedSpend: number | null;
  budgetRatio: number | null;
  stale: boolean;
  incomplete: boolean;
  reasons: string[];
  artefacts: string[];
}

export interface Decision {
  mode: Mode;
  decision: DecisionValue;
  /** The chosen target: the best decision, then the lowest net cost, then policy order. */
  target: string;
  currency: string;
  reasons: string[];
  targets: TargetAssessment[];
  artefacts: ArtefactAssessment[];
  policy: {
    budget: { monthly: number; spent: number };
    thresholds: { warn: number; block: number };
    expectedHours: number;
    maxAgeSeconds: number;
    missing: 'block' | 'warn';
  };
}

/**
 * How far ahead of the clock an artefact's timestamp may be (clock skew
 * between CI runners). Past it, the artefact is ignored: it would never turn
 * stale and would win "newest" over every real one.
 */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** A sum or product of costs that overflowed: refused, naming what was added up. */
function finite(n: number, what: () => string): number {
  if (!Number.isFinite(n)) throw new ConfigurationError(`${what()}: the result is more than drloop can represent (${n}); check the artefacts' costs and the policy's figures`);
  return n;
}

export function worst(a: DecisionValue, b: DecisionValue): DecisionValue {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Whether a decision reaches the `fail-on` level. */
export function reaches(decision: DecisionValue, failOn: DecisionValue | 'never'): boolean {
  return failOn !== 'never' && RANK[decision] >= RANK[failOn];
}

function assignTarget(a: CostArtefact, policy: EffectivePolicy): { target: string | null; note: string | null } {
  if (a.declaredTarget !== undefined) {
    const known = policy.targets.some((t) => t.name === a.declaredTarget);
    return known ? { target: a.declaredTarget, note: null } : { target: null, note: `target '${a.declaredTarget}' is not in the policy` };
  }
  for (const t of policy.targets) {
    if (t.artefacts && picomatch(t.artefacts, { dot: true })(a.path)) return { target: t.name, note: null };
  }
  return { target: null, note: "names no target and matches no target's artefacts glob in the policy" };
}

/**
 * Decides allow / warn / block for every candidate target and picks one.
 * Pure: the same policy, artefacts, mode and clock always give the same result.
 *
 * Per target: incident = hourly × expected-hours; net = max(0, incident −
 * credits); projected = spent + net; ratio = projected / monthly budget.
 * Block at ratio ≥ block; warn at ratio ≥ warn, or on stale, incomplete data,
 * or a target with no artefacts under `missing: warn`.
 */
export function decide(policy: EffectivePolicy, artefacts: CostArtefact[], options: { now: Date; candidates?: string[] }): Decision {
  const { currency } = policy;
  for (const a of artefacts) {
    if (a.currency !== currency) {
      throw new ConfigurationError(`${a.path}: currency ${a.currency} does not match the policy's ${currency} (drloop does not convert currencies)`);
    }
  }
  const candidates = options.candidates && options.candidates.length > 0 ? options.candidates : policy.targets.map((t) => t.name);
  const unknown = candidates.filter((c) => !policy.targets.some((t) => t.name === c));
  if (unknown.length > 0) {
    throw new ConfigurationError(`input 'targets': ${unknown.map((u) => `'${u}'`).join(', ')} not in the policy (policy targets: ${policy.targets.map((t) => t.name).join(', ')})`);
  }
  const wantedKind = KIND_FOR_MODE[policy.mode];
  const now = options.now.getTime();

  const assessed: ArtefactAssessment[] = artefacts.map((a) => {
    const { target, note } = assignTarget(a, policy);
    const aheadSeconds = a.generatedAt ? (Date.parse(a.generatedAt) - now) / 1000 : 0;
    const ageSeconds = a.generatedAt ? Math.max(0, -aheadSeconds) : null;
    let use: ArtefactUse = target ? 'used' : 'ignored';
    let why = note;
    if (use === 'used' && a.kind !== undefined && a.kind !== wantedKind) {
      use = 'ignored';
      why = `kind '${a.kind}' does not price mode '${policy.mode}' (needs '${wantedKind}')`;
    }
    if (target && aheadSeconds > MAX_CLOCK_SKEW_SECONDS) {
      use = 'ignored';
      why = `${FUTURE_NOTE}: generatedAt ${a.generatedAt} is ${formatDuration(Math.round(aheadSeconds))} ahead of the clock (${options.now.toISOString()}), more than the ${formatDuration(MAX_CLOCK_SKEW_SECONDS)} of clock skew allowed`;
    }
    return {
      path: a.path,
      sha256: a.sha256,
      format: a.format,
      component: a.component,
      kind: a.kind ?? null,
      target,
      hourly: a.hourly,
      currency: a.currency,
      generatedAt: a.generatedAt ?? null,
      ageSeconds,
      stale: ageSeconds === null || ageSeconds > policy['max-age'],
      incomplete: a.incomplete,
      use,
      note: why,
    };
  });

  // The newest artefact of a component replaces older ones: CI emits one per run.
  const newest = new Map<string, ArtefactAssessment>();
  for (const a of assessed) {
    if (a.use !== 'used') continue;
    const key = `${a.target}\u0000${a.component}`;
    const prev = newest.get(key);
    const newer = (x: ArtefactAssessment, y: ArtefactAssessment) => Date.parse(x.generatedAt ?? '') > Date.parse(y.generatedAt ?? '');
    if (!prev) newest.set(key, a);
    else if (newer(a, prev) || (!newer(prev, a) && a.path > prev.path)) {
      prev.use = 'superseded';
      prev.note = `replaced by newer ${a.path}`;
      newest.set(key, a);
    } else {
      a.use = 'superseded';
      a.note = `replaced by newer ${prev.path}`;
    }
  }

  const { monthly, spent } = policy.budget;
  const { warn, block } = policy.thresholds;
  const hours = policy.incident['expected-hours'];

  const targets: TargetAssessment[] = policy.targets
    .filter((t) => candidates.includes(t.name))
    .map((t) => {
      const used = assessed.filter((a) => a.use === 'used' && a.target === t.name);
      const future = assessed.filter((a) => a.target === t.name && a.note?.startsWith(FUTURE_NOTE));
      const reasons: string[] = [];
      let decision: DecisionValue = 'allow';
      // A timestamp from the future is a broken clock or a doctored file: it warns, never silently.
      if (future.length > 0) decision = 'warn';
      const futureReasons = future.map((a) => `${t.name}: ${a.path} ignored: ${a.note}`);
      if (used.length === 0) {
        decision = worst(decision, policy.missing);
        reasons.push(`${t.name}: no cost artefacts for mode '${policy.mode}' (policy missing: ${policy.missing})`, ...futureReasons);
        return {
          name: t.name,
          decision,
          hourlyCost: null,
          incidentCost: null,
          credits: t.credits,
          netCost: null,
          projectedSpend: null,
          budgetRatio: null,
          stale: false,
          incomplete: true,
          reasons,
          artefacts: [],
        };
      }
      const hourly = finite(
        used.reduce((s, a) => s + a.hourly, 0),
        () => `target '${t.name}': the hourly costs of ${used.map((a) => a.path).join(', ')} add up`,
      );
      const incident = finite(hourly * hours, () => `target '${t.name}': ${hourly}/h × incident.expected-hours ${hours}`);
      const net = Math.max(0, incident - t.credits);
      const projected = finite(spent + net, () => `target '${t.name}': budget.spent ${spent} + net cost ${net}`);
      const r = projected / monthly;
      const credited = t.credits > 0 ? `, ${formatMoney(Math.min(t.credits, incident), currency)} covered by credits` : '';
      const budgetLine =
        `${t.name}: ${formatMoney(incident, currency)} for ${hours}h at ${formatMoney(hourly, currency)}/h${credited}; ` +
        `projected spend ${formatMoney(projected, currency)} is ${formatPercent(r)} of the ${formatMoney(monthly, currency)} monthly budget`;
      if (r >= block) {
        decision = worst(decision, 'block');
        reasons.push(`${budgetLine} (block at ${formatPercent(block)})`);
      } else if (r >= warn) {
        decision = worst(decision, 'warn');
        reasons.push(`${budgetLine} (warn at ${formatPercent(warn)})`);
      } else {
        reasons.push(`${budgetLine} (warn at ${formatPercent(warn)})`);
      }
      const stale = used.filter((a) => a.stale);
      for (const a of stale) {
        decision = worst(decision, 'warn');
        const age = a.ageSeconds === null ? 'has no timestamp' : `is ${formatDuration(a.ageSeconds)} old`;
        reasons.push(`${t.name}: ${a.path} ${age}, older than max-age ${formatDuration(policy['max-age'])} (stale)`);
      }
      const partial = used.filter((a) => a.incomplete.length > 0);
      for (const a of partial) {
        decision = worst(decision, 'warn');
        reasons.push(`${t.name}: ${a.path} is incomplete: ${a.incomplete.join('; ')}`);
      }
      reasons.push(...futureReasons);
      return {
        name: t.name,
        decision,
        hourlyCost: hourly,
        incidentCost: roundMoney(incident),
        credits: t.credits,
        netCost: roundMoney(net),
        projectedSpend: roundMoney(projected),
        budgetRatio: Math.round(r * 10000) / 10000,
        stale: stale.length > 0,
        incomplete: partial.length > 0,
        reasons,
        artefacts: used.map((a) => a.path),
      };
    });

  const order = policy.targets.map((t) => t.name);
  const ranked = [...targets].sort(
    (a, b) => RANK[a.decision] - RANK[b.decision] || (a.netCost ?? Number.POSITIVE_INFINITY) - (b.netCost ?? Number.POSITIVE_INFINITY) || order.indexOf(a.name) - order.indexOf(b.name),
  );
  const chosen = ranked[0]!;
  const reasons = [...chosen.reasons];
  const others = ranked.slice(1);
  if (others.length > 0) {
    reasons.push(`chose ${chosen.name} over ${others.map((o) => `${o.name} (${o.decision}, net ${formatMoney(o.netCost, currency)})`).join(', ')}`);
  }
  return {
    mode: policy.mode,
    decision: chosen.decision,
    target: chosen.name,
    currency,
    reasons,
    targets,
    artefacts: assessed,
    policy: { budget: { monthly, spent }, thresholds: { warn, block }, expectedHours: hours, maxAgeSeconds: policy['max-age'], missing: policy.missing },
  };
}
