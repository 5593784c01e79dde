import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { ConfigurationError } from './errors.js';
import { formatIssues } from './inputs.js';

/** How a key path is shown to people: `thresholds.warn`, `phases.bringup.steps[0].run`. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

export async function readText(path: string, label: string, displayPath = path): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigurationError(`${label} ${displayPath}: file not found`);
    if (code === 'EISDIR') throw new ConfigurationError(`${label} ${displayPath}: is a directory, expected a file`);
    throw new ConfigurationError(`${label} ${displayPath}: cannot be read (${code ?? String(err)})`);
  }
}

/** Parses JSON text; a syntax error names the file and the position. */
export function parseJsonText(text: string, displayPath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigurationError(`${displayPath}: malformed JSON (${(err as Error).message})`);
  }
}

/**
 * Validates parsed data against a schema and reports every problem at once,
 * each with the file and the key path: `policy.yml: key 'thresholds.warn': …`.
 */
export function validateWith<S extends z.core.$ZodType>(schema: S, data: unknown, displayPath: string): z.output<S> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const problems = formatIssues(result.error, (p) => `key '${keyPath(p)}'`);
  throw new ConfigurationError(
    `${displayPath}: ${problems.join('; ')}`,
    problems.map((p) => `${displayPath}: ${p}`),
  );
}
