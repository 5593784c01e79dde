import * as z from 'zod/mini';
import { ConfigurationError } from './errors.js';
import './zod-locale.js';

/**
 * Helpers for the string inputs that actions and the CLI receive. Every
 * action's inputs are a zod object of these; `parseInputs` validates them all
 * at once and reports every problem in one message, naming each input.
 * They are zod/mini schemas: refine or wrap them with the functional forms
 * (`z.optional(s)`, `z._default(s, v)`, `z.pipe(s, z.transform(f))`,
 * `s.check(z.refine(f, message))`).
 */

/** `true`/`false` (and yes/no, 1/0, on/off), as the runner passes booleans. */
export const boolInput = (fallback: boolean) => z._default(z.stringbool({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] }), fallback);

/** A whole number from `min` to `max`, given as text. */
export const wholeNumberText = (min: number, max: number) =>
  z.pipe(z.pipe(z.string().check(z.regex(/^\d+$/, 'expected a whole number')), z.transform(Number)), z.number().check(z.int(), z.gte(min), z.lte(max)));

/** A positive integer given as text. */
export const intInput = (fallback: number, min = 1, max = 1000) => z._default(wholeNumberText(min, max), fallback);

/** One of a set of words. */
export const enumInput = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z._default(z.enum(values), fallback);

/** Free text; empty means "not set". */
export const textInput = () => z.optional(z.string());

/** A multiline list (one item a line, `#` comments allowed); commas also separate when `commas` is set. */
export const listInput = (commas = false) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((text: string | undefined) =>
      (text ?? '')
        .split(commas ? /[\r\n,]+/ : /\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    ),
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
