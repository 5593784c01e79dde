import { z } from 'zod';
import { durationSchema } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import { readText, validateWith } from '../files.js';
import { parseYamlText } from '../yaml-file.js';
import { sha256 } from '../hash.js';
import { amount } from './money.js';

export const MODES = ['dr', 'burst', 'drill'] as const;
export type Mode = (typeof MODES)[number];

const ratio = z
  .number({ error: (i) => `expected a ratio such as 0.8, got ${JSON.stringify(i.input)}` })
  .finite()
  .positive('expected a ratio above 0');
const targetName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a target name of letters, digits, ".", "_" or "-"');

const targetSchema = z.strictObject({
  name: targetName,
  credits: amount.default(0),
  artefacts: z.string().min(1).optional(),
});

const budgetSchema = z.strictObject({ monthly: amount.positive('expected a monthly budget above 0'), spent: amount.default(0) });
const thresholdsSchema = z.strictObject({ warn: ratio.default(0.8), block: ratio.default(1.0) });
const incidentSchema = z.strictObject({ 'expected-hours': z.number().finite().positive('expected hours above 0').default(72) });
const missingSchema = z.enum(['block', 'warn']);

/** The keys that `modes.<mode>` may override, each optional and partial. */
const overrideSchema = z.strictObject({
  budget: budgetSchema.partial().optional(),
  thresholds: thresholdsSchema.partial().optional(),
  incident: incidentSchema.partial().optional(),
  'max-age': z.optional(durationSchema),
  missing: missingSchema.optional(),
  targets: z.array(targetSchema).min(1).optional(),
});

const baseShape = {
  budget: budgetSchema,
  thresholds: thresholdsSchema.default({ warn: 0.8, block: 1.0 }),
  incident: incidentSchema.default({ 'expected-hours': 72 }),
  'max-age': z._default(durationSchema, 7 * 86400),
  missing: missingSchema.default('block'),
  targets: z.array(targetSchema).min(1, 'expected at least one target'),
};

function checkEffective(p: { thresholds: { warn: number; block: number }; targets: { name: string }[] }, ctx: z.RefinementCtx): void {
  if (p.thresholds.warn > p.thresholds.block) {
    ctx.addIssue({ code: 'custom', path: ['thresholds', 'warn'], message: `must not exceed thresholds.block (${p.thresholds.block})` });
  }
  const seen = new Set<string>();
  p.targets.forEach((t, i) => {
    if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `duplicate target '${t.name}'` });
    seen.add(t.name);
  });
}

/** The policy file as written: the public format, every key checked, unknown keys refused. */
export const policyFileSchema = z
  .strictObject({
    version: z.literal(1, { error: (i) => `expected 1, got ${JSON.stringify(i.input)}` }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code such as USD')
      .default('USD'),
    ...baseShape,
    modes: z.partialRecord(z.enum(MODES), overrideSchema).optional(),
    /** Read by `drloop history --check`, not by the cost gate: how old the newest successful drill may be. */
    freshness: z.strictObject({ drill: durationSchema }).optional(),
  })
  .superRefine(checkEffective);
export type PolicyFile = z.output<typeof policyFileSchema>;

const effectiveSchema = z.strictObject({ currency: z.string(), ...baseShape }).superRefine(checkEffective);
/** The policy that applies to one mode: the top-level keys with `modes.<mode>` laid over them. */
export type EffectivePolicy = z.output<typeof effectiveSchema> & { mode: Mode };

export interface LoadedPolicy {
  path: string;
  sha256: string;
  file: PolicyFile;
  raw: Record<string, unknown>;
}

export async function loadPolicy(absPath: string, displayPath: string): Promise<LoadedPolicy> {
  const text = await readText(absPath, 'policy', displayPath);
  const raw = parseYamlText(text, displayPath);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigurationError(`${displayPath}: expected a mapping with 'version', 'budget' and 'targets'`);
  }
  const file = validateWith(policyFileSchema, raw, displayPath);
  return { path: displayPath, sha256: sha256(text), file, raw: raw as Record<string, unknown> };
}

function mergeRaw(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = mergeRaw(out[k], v);
    return out;
  }
  return over;
}

/**
 * Resolves the policy for one mode. Overrides merge key by key (a mode may
 * change only `thresholds.warn`); `targets` is replaced whole. The result is
 * validated again, so an override cannot make warn exceed block unnoticed.
 */
export function resolvePolicy(policy: LoadedPolicy, mode: Mode): EffectivePolicy {
  const { modes, version: _v, freshness: _f, ...base } = policy.raw as Record<string, unknown> & { modes?: Record<string, unknown> };
  const merged = { ...(mergeRaw(base, modes?.[mode]) as Record<string, unknown>), currency: policy.file.currency };
  const where = modes?.[mode] ? `${policy.path} (with modes.${mode} applied)` : policy.path;
  return { ...validateWith(effectiveSchema, merged, where), mode };
}
