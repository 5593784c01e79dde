import * as z from 'zod/mini';
import { durationSchema } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import { keyPath, readText } from '../files.js';
import { parseYamlText } from '../yaml-file.js';
import { sha256 } from '../hash.js';
import { isRunnerCredential } from './env.js';
import { PHASES, type PhaseName } from './phases.js';

/** The phases of a DR plan, in the only order they ever run. */
export { PHASES, type PhaseName };

export const PLAN_MODES = ['drill', 'failover', 'failback'] as const;
export type PlanMode = (typeof PLAN_MODES)[number];

/** Built-in defaults when the plan's `defaults` leaves them out. */
export const DEFAULT_STEP_TIMEOUT_SECONDS = 30 * 60;
export const DEFAULT_CHECK_INTERVAL_SECONDS = 5;
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 30;
export const DEFAULT_BACKOFF_SECONDS = 10;
/**
 * The longest timeout, wait, interval or backoff a plan may set: 7 days. Far
 * beyond any step, and well inside what a timer can hold (about 24.8 days).
 */
export const MAX_WAIT_SECONDS = 7 * 86400;

/** A duration of at most MAX_WAIT_SECONDS. */
const wait = durationSchema.check(z.refine((s) => s <= MAX_WAIT_SECONDS, 'expected at most 7d, the longest timeout or wait a plan may set'));

/**
 * A strict object whose "unknown key" message also lists the keys that are
 * allowed there, so a typo (`phase:` for `phases:`) is fixed in one go.
 */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `expected only ${allowed}` : undefined) });
}

const required = (what: string) => (iss: { input: unknown }) => (iss.input === undefined ? `required: ${what}` : `expected ${what}, got ${JSON.stringify(iss.input)}`);

const command = (what: string) => z.string({ error: required(what) }).check(z.refine((s) => s.trim() !== '', `expected ${what}, got an empty string`));

/** `env:` maps; numbers and booleans are written as YAML would print them. */
const envMap = z.record(z.string(), z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String))).check(
  z.superRefine((env, ctx) => {
    for (const key of Object.keys(env)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'expected an environment variable name (letters, digits, _)' });
    }
  }),
);

const regexList = z.array(z.string()).check(
  z.superRefine((list, ctx) => {
    list.forEach((p, i) => {
      try {
        new RegExp(p);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: [i], message: `expected a regular expression: ${(err as Error).message}` });
      }
    });
  }),
);

const retrySchema = strict({
  max: z.optional(
    z.number({ error: required('a number of retries') }).check(z.int('expected a whole number of retries'), z.gte(0, 'expected 0 or more retries'), z.lte(20, 'expected at most 20 retries')),
  ),
  backoff: z.optional(wait),
  on: z.optional(regexList),
});
export type RetrySpec = z.output<typeof retrySchema>;

/** What a command must print: text as written, a number (`expect: 0`) as its digits. */
const expectText = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

const stepName = z.string().check(z.minLength(1, 'expected a step name'), z.maxLength(100, 'expected a name of at most 100 characters'), z.regex(/^[^\r\n]*$/, 'expected a name on one line'));

const stepSchema = strict({
  name: z.optional(stepName),
  run: command('the shell command to run (run: "...")'),
  timeout: z.optional(wait),
  env: z.optional(envMap),
  retry: z.optional(retrySchema),
});
export type StepSpec = z.output<typeof stepSchema> & { name: string };

const guardSchema = strict({
  name: stepName,
  run: command('the shell command to run (run: "...")'),
  expect: z.optional(expectText),
  timeout: z.optional(wait),
  env: z.optional(envMap),
});
export type GuardSpec = z.output<typeof guardSchema>;

const httpUrl = z.string().check(z.refine((s) => /^https?:\/\/[^\s]+$/.test(s), 'expected an http:// or https:// URL'));

/** A check is either an HTTP probe (`http:`) or a command (`run:`), polled until it passes or `within` runs out. */
const checkSchema = strict({
  name: z.optional(stepName),
  http: z.optional(httpUrl),
  run: z.optional(command('the shell command to run')),
  status: z.optional(z.number().check(z.int(), z.gte(100), z.lte(599))),
  contains: z.optional(z.string()),
  expect: z.optional(expectText),
  within: z.optional(wait),
  interval: z.optional(wait),
  timeout: z.optional(wait),
  env: z.optional(envMap),
}).check(
  z.superRefine((c, ctx) => {
    if ((c.http === undefined) === (c.run === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected exactly one of http (a URL to probe) or run (a command)' });
    }
    if (c.http === undefined && (c.status !== undefined || c.contains !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'status and contains apply to http checks only' });
    }
    if (c.run === undefined && c.expect !== undefined) ctx.addIssue({ code: 'custom', path: ['expect'], message: 'expect applies to run checks only' });
  }),
);
export type CheckSpec = z.output<typeof checkSchema> & { name: string };

const verifySchema = strict({
  run: command('the shell command to run'),
  expect: z.optional(expectText),
  timeout: z.optional(wait),
  within: z.optional(wait),
  interval: z.optional(wait),
  env: z.optional(envMap),
});

const phaseSchema = strict({
  steps: z.optional(z.array(stepSchema)),
  checks: z.optional(z.array(checkSchema)),
  verify: z.optional(verifySchema),
}).check(
  z.superRefine((p, ctx) => {
    if (!p.steps?.length && !p.checks?.length && !p.verify) ctx.addIssue({ code: 'custom', message: 'expected steps, checks or verify' });
  }),
);

const phasesSchema = strict(Object.fromEntries(PHASES.map((p) => [p, z.optional(phaseSchema)])) as Record<PhaseName, z.ZodMiniOptional<typeof phaseSchema>>).check(
  z.refine((p) => PHASES.some((name) => p[name] !== undefined), `expected at least one of ${PHASES.join(', ')}`),
);

const failbackSchema = strict({
  checks: z.optional(z.array(checkSchema)),
  steps: z.array(stepSchema).check(z.minLength(1, 'expected at least one failback step')),
});

/** Target names as cost-decision writes them (the policy's `targets[].name`). */
export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const targetsSchema = z.record(
  z.string().check(z.regex(TARGET_NAME, 'expected a target name of letters, digits, ".", "_" or "-", as in the cost policy')),
  z.nullable(strict({ env: z.optional(envMap) })),
);

export const planFileSchema = strict({
  version: z.literal(1, { error: (i) => (i.input === undefined ? 'required: version: 1' : `expected 1, got ${JSON.stringify(i.input)}`) }),
  name: z
    .string({ error: required('a plan name') })
    .check(z.minLength(1, 'expected a plan name'), z.maxLength(100, 'expected a name of at most 100 characters'), z.regex(/^[^\r\n]*$/, 'expected a name on one line')),
  description: z.optional(z.string()),
  objectives: z.optional(strict({ rto: z.optional(durationSchema), rpo: z.optional(durationSchema) })),
  guards: z.optional(z.array(guardSchema)),
  defaults: z.optional(strict({ timeout: z.optional(wait), retry: z.optional(retrySchema), env: z.optional(envMap) })),
  targets: z.optional(targetsSchema),
  'runner-credentials': z.optional(
    z.array(z.string().check(z.refine(isRunnerCredential, 'expected the name of a runner credential (ACTIONS_…, e.g. ACTIONS_ID_TOKEN_REQUEST_TOKEN); every other variable reaches steps anyway'))),
  ),
  phases: phasesSchema,
  failback: z.optional(failbackSchema),
  rpo: z.optional(strict({ probe: command('the command that prints the newest recovered transaction time'), timeout: z.optional(wait) })),
});
type PlanFile = z.output<typeof planFileSchema>;

export interface PhaseSpec {
  steps: StepSpec[];
  checks: CheckSpec[];
  verify: (z.output<typeof verifySchema> & { name: string }) | null;
}

/** The plan with every default filled in and every step and check named. */
export interface Plan {
  version: 1;
  name: string;
  objectives: { rtoSeconds: number | null; rpoSeconds: number | null };
  guards: GuardSpec[];
  defaults: { timeoutSeconds: number; retry: { max: number; backoffSeconds: number; on: string[] }; env: Record<string, string> };
  /** Per-target settings, keyed by cost-decision's target name; null when the plan declares none. */
  targets: Record<string, { env: Record<string, string> }> | null;
  /** Runner credentials (ACTIONS_*) the plan asks to pass to its steps; all others are withheld. */
  runnerCredentials: string[];
  phases: Partial<Record<PhaseName, PhaseSpec>>;
  failback: { checks: CheckSpec[]; steps: StepSpec[] } | null;
  rpo: { probe: string; timeoutSeconds: number | null } | null;
}

export interface LoadedPlan {
  /** Workspace-relative path, as shown to people. */
  path: string;
  sha256: string;
  plan: Plan;
}

function nameSteps<T extends { name?: string | undefined }>(items: T[], prefix: string): (T & { name: string })[] {
  return items.map((s, i) => ({ ...s, name: s.name ?? `${prefix}-${i + 1}` }));
}

function checkUniqueNames(file: PlanFile): string[] {
  const problems: string[] = [];
  const unique = (names: (string | undefined)[], where: string) => {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (n === undefined) return;
      if (seen.has(n)) problems.push(`key '${where}[${i}].name': duplicate name '${n}'`);
      seen.add(n);
    });
  };
  unique(
    (file.guards ?? []).map((g) => g.name),
    'guards',
  );
  for (const p of PHASES) {
    const spec = file.phases[p];
    if (spec)
      unique(
        (spec.steps ?? []).map((s) => s.name),
        `phases.${p}.steps`,
      );
  }
  if (file.failback)
    unique(
      file.failback.steps.map((s) => s.name),
      'failback.steps',
    );
  return problems;
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = `key '${keyPath(issue.path)}'`;
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (${issue.message})`;
  }
  return `${where}: ${issue.message}`;
}

/** Validates a parsed plan, reporting every problem with the file and key path. */
export function parsePlan(data: unknown, displayPath: string): Plan {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigurationError(`${displayPath}: expected a mapping with 'version', 'name' and 'phases'`);
  }
  const result = planFileSchema.safeParse(data);
  const problems = result.success ? checkUniqueNames(result.data) : result.error.issues.map(issueText);
  if (problems.length > 0 || !result.success) {
    throw new ConfigurationError(
      `${displayPath}: ${problems.join('; ')}`,
      problems.map((p) => `${displayPath}: ${p}`),
    );
  }
  const f = result.data;
  const phases: Plan['phases'] = {};
  for (const p of PHASES) {
    const spec = f.phases[p];
    if (!spec) continue;
    phases[p] = {
      steps: nameSteps(spec.steps ?? [], p),
      checks: nameSteps(spec.checks ?? [], `${p}-check`).map((c) => ({ ...c, name: c.name })),
      verify: spec.verify ? { ...spec.verify, name: 'verify' } : null,
    };
  }
  return {
    version: 1,
    name: f.name,
    objectives: { rtoSeconds: f.objectives?.rto ?? null, rpoSeconds: f.objectives?.rpo ?? null },
    guards: f.guards ?? [],
    defaults: {
      timeoutSeconds: f.defaults?.timeout ?? DEFAULT_STEP_TIMEOUT_SECONDS,
      retry: {
        max: f.defaults?.retry?.max ?? 0,
        backoffSeconds: f.defaults?.retry?.backoff ?? DEFAULT_BACKOFF_SECONDS,
        on: f.defaults?.retry?.on ?? [],
      },
      env: f.defaults?.env ?? {},
    },
    runnerCredentials: f['runner-credentials'] ?? [],
    targets: f.targets ? Object.fromEntries(Object.entries(f.targets).map(([name, t]) => [name, { env: t?.env ?? {} }])) : null,
    phases,
    failback: f.failback ? { checks: nameSteps(f.failback.checks ?? [], 'failback-check'), steps: nameSteps(f.failback.steps, 'failback') } : null,
    rpo: f.rpo ? { probe: f.rpo.probe, timeoutSeconds: f.rpo.timeout ?? null } : null,
  };
}

/** Reads and validates a plan file; its sha256 goes into every summary. */
export async function loadPlan(absPath: string, displayPath: string): Promise<LoadedPlan> {
  const text = await readText(absPath, 'plan', displayPath);
  // Text fields keep what the file says: `expect: 048622080012` stays the account id, not a number.
  const plan = parsePlan(parseYamlText(text, displayPath, { keepScalarText: true }), displayPath);
  return { path: displayPath, sha256: sha256(text), plan };
}

/** The phases a plan has, in run order. */
export function planPhases(plan: Plan): PhaseName[] {
  return PHASES.filter((p) => plan.phases[p] !== undefined);
}

/** The retry rule a step runs under: its own `retry` keys over the plan's defaults. */
export function effectiveRetry(plan: Plan, step: StepSpec): { max: number; backoffSeconds: number; on: string[] } {
  const d = plan.defaults.retry;
  return { max: step.retry?.max ?? d.max, backoffSeconds: step.retry?.backoff ?? d.backoffSeconds, on: step.retry?.on ?? d.on };
}

/**
 * The target a run uses: the one asked for, else the one the run's earlier
 * jobs recorded. A plan that declares targets refuses any other, and one run
 * never changes target half-way.
 */
export function resolveTarget(plan: Plan, displayPath: string, asked: string | null, recorded: string | null, runDisplay: string): string | null {
  if (asked !== null && recorded !== null && asked !== recorded) {
    throw new ConfigurationError(`input 'target': run ${runDisplay} ran on target '${recorded}', not '${asked}'; one run keeps one target (use a new run-id for another)`);
  }
  const target = asked ?? recorded;
  if (plan.targets === null) return target;
  const declared = Object.keys(plan.targets);
  const list = declared.map((t) => `'${t}'`).join(', ');
  if (target === null) throw new ConfigurationError(`input 'target': required, because ${displayPath} declares targets (${list}); pass cost-decision's target output`);
  if (!declared.includes(target)) throw new ConfigurationError(`input 'target': '${target}' is not a target of ${displayPath} (key 'targets' declares ${list})`);
  return target;
}
