import * as z from 'zod/mini';
import { ConfigurationError } from '../errors.js';
import { parseJsonText, validateWith } from '../files.js';
import { sha256 } from '../hash.js';
import { costValue, HOURS_PER_MONTH } from './money.js';

export const COST_RUN_SCHEMA = 'drloop.cost-run/v1';
export const COST_KINDS = ['dr', 'burst', 'baseline'] as const;
export type CostKind = (typeof COST_KINDS)[number];

const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code such as USD'));
const timestamp = z.iso.datetime({ offset: true, message: 'expected an RFC3339 timestamp such as 2026-11-01T12:00:00Z' });

/**
 * drloop's own cost artefact, as CI pipelines emit it under
 * `docs/proof/cost/<component>/cost-run-<run_id>.json`. Unknown keys are kept
 * (pipelines add their own), but every key drloop reads is checked.
 */
export const costRunSchema = z
  .looseObject({
    schema: z.literal(COST_RUN_SCHEMA),
    component: z.string().check(z.minLength(1)),
    target: z.optional(z.string().check(z.minLength(1))),
    kind: z.enum(COST_KINDS),
    currency,
    hourly: z.optional(costValue),
    monthly: z.optional(costValue),
    generatedAt: timestamp,
    runId: z.optional(z.union([z.string(), z.number()])),
    lines: z.optional(z.array(z.looseObject({ resource: z.string(), hourly: z.nullish(costValue), monthly: z.nullish(costValue) }))),
  })
  .check(z.refine((v) => v.hourly !== undefined || v.monthly !== undefined, { message: "needs 'hourly' or 'monthly'", path: ['hourly'] }));
export type CostRun = z.output<typeof costRunSchema>;

const infracostResource = z.looseObject({
  name: z.string(),
  hourlyCost: z.nullish(costValue),
  monthlyCost: z.nullish(costValue),
});
const infracostBreakdown = z.looseObject({
  resources: z.nullish(z.array(infracostResource)),
  totalHourlyCost: z.nullish(costValue),
  totalMonthlyCost: z.nullish(costValue),
});
const infracostSummary = z.nullish(
  z.looseObject({
    totalUnsupportedResources: z.nullish(z.number()),
    totalNoPriceResources: z.nullish(z.number()),
  }),
);

/** The parts of Infracost's JSON output (format version 0.2) that a cost decision needs. */
export const infracostSchema = z.looseObject({
  version: z.string(),
  currency: z.optional(currency),
  timeGenerated: z.optional(timestamp),
  projects: z.array(
    z.looseObject({
      name: z.optional(z.string()),
      metadata: z.nullish(z.looseObject({ errors: z.nullish(z.array(z.looseObject({ message: z.optional(z.string()) }))) })),
      breakdown: z.nullish(infracostBreakdown),
      summary: infracostSummary,
    }),
  ),
  summary: infracostSummary,
});
export type InfracostOutput = z.output<typeof infracostSchema>;

/** One cost artefact, read and normalised: what the decision works from. */
export interface CostArtefact {
  /** Workspace-relative path, forward slashes. */
  path: string;
  sha256: string;
  format: 'drloop' | 'infracost';
  /** The target named inside the artefact, if any. */
  declaredTarget: string | undefined;
  /** Artefacts of the same target and component replace each other, newest first. */
  component: string;
  /** dr/burst/baseline for drloop artefacts; Infracost artefacts apply to every mode. */
  kind: CostKind | undefined;
  currency: string;
  /** The hourly cost of the part that is known. */
  hourly: number;
  /** Why the figure is a lower bound (unknown prices, unsupported resources, project errors). */
  incomplete: string[];
  generatedAt: string | undefined;
  runId: string | undefined;
  resources: number;
}

function infracostToArtefact(path: string, hash: string, data: InfracostOutput): CostArtefact {
  if (!/^0\.2(\.|$)/.test(data.version)) {
    throw new ConfigurationError(`${path}: Infracost output version ${data.version} is not supported (drloop reads version 0.2)`);
  }
  let hourly = 0;
  let resources = 0;
  let unknownResources = 0;
  const incomplete: string[] = [];
  data.projects.forEach((project, i) => {
    const name = project.name ?? `projects[${i}]`;
    const errors = project.metadata?.errors ?? [];
    if (errors.length > 0) {
      const first = (errors[0]?.message ?? 'unknown error').split('\n')[0]!.slice(0, 160);
      incomplete.push(`project '${name}' has ${errors.length} error(s): ${first}`);
    }
    const b = project.breakdown;
    const list = b?.resources ?? [];
    resources += list.length;
    let knownSum = 0;
    let unknownHere = 0;
    for (const r of list) {
      const h = r.hourlyCost ?? (r.monthlyCost != null ? r.monthlyCost / HOURS_PER_MONTH : null);
      if (h === null) unknownHere += 1;
      else knownSum += h;
    }
    unknownResources += unknownHere;
    const total = b?.totalHourlyCost ?? (b?.totalMonthlyCost != null ? b.totalMonthlyCost / HOURS_PER_MONTH : null);
    if (total === null && list.length > 0) incomplete.push(`project '${name}' has no total cost`);
    const key = total !== null ? `projects[${i}].breakdown.${b?.totalHourlyCost != null ? 'totalHourlyCost' : 'totalMonthlyCost'}` : `projects[${i}].breakdown.resources`;
    hourly = finiteSum(path, key, hourly + (total ?? finiteSum(path, key, knownSum)));
  });
  if (unknownResources > 0) incomplete.push(`${unknownResources} resource(s) with unknown cost (null)`);
  const unsupported = data.summary?.totalUnsupportedResources ?? 0;
  if (unsupported > 0) incomplete.push(`${unsupported} unsupported resource(s)`);
  const noPrice = data.summary?.totalNoPriceResources ?? 0;
  if (noPrice > 0) incomplete.push(`${noPrice} resource(s) with no price`);
  return {
    path,
    sha256: hash,
    format: 'infracost',
    declaredTarget: undefined,
    component: path,
    kind: undefined,
    currency: data.currency ?? 'USD',
    hourly,
    incomplete,
    generatedAt: data.timeGenerated,
    runId: undefined,
    resources,
  };
}

/**
 * Every cost is finite on its own, but a sum of them can overflow to
 * Infinity, which no decision can be made from (and no report can print).
 */
function finiteSum(path: string, key: string, n: number): number {
  if (!Number.isFinite(n)) throw new ConfigurationError(`${path}: key '${key}': the costs add up to more than drloop can represent (${n}); expected real hourly or monthly costs`);
  return n;
}

function costRunToArtefact(path: string, hash: string, data: CostRun): CostArtefact {
  const hourly = data.hourly ?? (data.monthly as number) / HOURS_PER_MONTH;
  const incomplete: string[] = [];
  const unknownLines = (data.lines ?? []).filter((l) => l.hourly == null && l.monthly == null).length;
  if (unknownLines > 0) incomplete.push(`${unknownLines} line(s) with unknown cost (null)`);
  return {
    path,
    sha256: hash,
    format: 'drloop',
    declaredTarget: data.target,
    component: data.component,
    kind: data.kind,
    currency: data.currency,
    hourly,
    incomplete,
    generatedAt: data.generatedAt,
    runId: data.runId === undefined ? undefined : String(data.runId),
    resources: data.lines?.length ?? 0,
  };
}

/**
 * Reads one artefact from its bytes, detecting its format: drloop's own
 * (`schema: drloop.cost-run/v1`) or Infracost JSON (`version` + `projects`).
 * Anything else, or a malformed value, is a ConfigurationError naming the file
 * and the key.
 */
export function parseArtefact(path: string, bytes: Buffer): CostArtefact {
  const hash = sha256(bytes);
  const data = parseJsonText(bytes.toString('utf8'), path);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigurationError(`${path}: expected a JSON object (a drloop cost-run or Infracost output)`);
  }
  const obj = data as Record<string, unknown>;
  if ('schema' in obj) {
    if (obj.schema !== COST_RUN_SCHEMA) {
      throw new ConfigurationError(`${path}: key 'schema': expected '${COST_RUN_SCHEMA}', got ${JSON.stringify(obj.schema)}`);
    }
    return costRunToArtefact(path, hash, validateWith(costRunSchema, obj, path));
  }
  if ('projects' in obj && 'version' in obj) {
    return infracostToArtefact(path, hash, validateWith(infracostSchema, obj, path));
  }
  throw new ConfigurationError(`${path}: not a cost artefact: expected a drloop cost-run ('schema': '${COST_RUN_SCHEMA}') or Infracost JSON output ('version' and 'projects')`);
}
