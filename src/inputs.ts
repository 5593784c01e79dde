import { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Helpers for the string inputs that actions and the CLI receive. Every
 * action's inputs are a zod object of these; `parseInputs` validates them all
 * at once and reports every problem in one message, naming each input.
 */

/** `true`/`false` (and yes/no, 1/0, on/off), as the runner passes booleans. */
export const boolInput = (fallback: boolean) => z.stringbool({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] }).default(fallback);

/** A positive integer given as text. */
export const intInput = (fallback: number, min = 1, max = 1000) => z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min).max(max)).default(fallback);

/** One of a set of words. */
export const enumInput = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values).default(fallback);

/** Free text; empty means "not set". */
export const textInput = () => z.string().optional();

/** A multiline list (one item a line, `#` comments allowed); commas also separate when `commas` is set. */
export const listInput = (commas = false) =>
  z
    .string()
    .optional()
    .transform((text) =>
      (text ?? '')
        .split(commas ? /[\r\n,]+/ : /\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );

export type RawInputs = Record<string, string | undefined>;

/** Formats a zod error (from a classic or a zod/mini schema) as one line per problem, each naming where it is. */
export function formatIssues(error: z.core.$ZodError, name: (path: PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => {
    const where = name(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    }
    return `${where}: ${issue.message}`;
  });
}

/**
 * Validates raw string inputs against a schema. Empty strings count as unset,
 * so a default applies whether the runner passed '' or nothing at all.
 */
export function parseInputs<S extends z.core.$ZodObject>(schema: S, raw: RawInputs): z.output<S> {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const result = z.safeParse(schema, cleaned);
  if (result.success) return result.data;
  const problems = formatIssues(result.error, (path) => `input '${String(path[0] ?? '?')}'`);
  throw new ConfigurationError(`invalid input: ${problems.join('; ')}`, problems);
}

/** The names of a schema's inputs, as action.yml must declare them. */
export function inputNames(schema: z.core.$ZodObject): string[] {
  return Object.keys(schema._zod.def.shape);
}
