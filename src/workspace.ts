import { realpath } from 'node:fs/promises';
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigurationError } from './errors.js';

export interface GlobMatch {
  /** The pattern as the user wrote it. */
  pattern: string;
  /** Matching files, relative to the workspace, with forward slashes, sorted. */
  files: string[];
}

/** Splits a multiline (or comma-free) input into its non-empty, non-comment lines. */
export function splitLines(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Expands globs inside a workspace. A pattern that points outside it (an
 * absolute path elsewhere, `../`) is a ConfigurationError naming the pattern,
 * and so is a match that resolves outside through a symlink: evidence and cost
 * data come from the repository, never from the rest of the machine.
 */
export async function expandGlobs(patterns: string[], workspace: string, what: string): Promise<GlobMatch[]> {
  const root = await realpath(resolve(workspace));
  const results: GlobMatch[] = [];
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    let rel = body;
    if (isAbsolute(body)) {
      if (!isInside(root, body) && !isInside(resolve(workspace), body)) {
        throw new ConfigurationError(`${what}: '${pattern}' points outside the workspace (${root})`);
      }
      rel = relative(isInside(root, body) ? root : resolve(workspace), body);
    }
    const norm = normalize(rel);
    if (norm === '..' || norm.startsWith(`..${sep}`)) {
      throw new ConfigurationError(`${what}: '${pattern}' points outside the workspace (${root})`);
    }
    if (negated) continue;
    const posix = rel.split(sep).join('/');
    const files = isDynamicPattern(posix)
      ? await glob(posix, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })
      : await glob(posix.replace(/[[\]{}()*?!]/g, '\\$&'), { cwd: root, dot: true, onlyFiles: true, expandDirectories: false });
    const kept: string[] = [];
    for (const f of files) {
      const real = await realpath(resolve(root, f)).catch(() => undefined);
      if (real && !isInside(root, real)) {
        throw new ConfigurationError(`${what}: '${f}' (from '${pattern}') resolves outside the workspace through a symlink`);
      }
      kept.push(f);
    }
    results.push({ pattern, files: kept.sort() });
  }
  // Negated patterns remove matches of the positive ones, as in .gitignore-style inputs.
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (negations.length > 0) {
    const excluded = new Set(await glob(negations, { cwd: root, dot: true, onlyFiles: true, expandDirectories: false }));
    for (const r of results) r.files = r.files.filter((f) => !excluded.has(f));
  }
  return results;
}

/** Every distinct file of a set of glob matches, in first-seen order. */
export function uniqueFiles(matches: GlobMatch[]): string[] {
  return [...new Set(matches.flatMap((m) => m.files))];
}
