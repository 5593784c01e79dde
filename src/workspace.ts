import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, normalize, posix as posixPath, relative, resolve, sep } from 'node:path';
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
 * Characters that may mean glob syntax (or an escape) to tinyglobby. A pattern
 * without any of them names one path, and is looked up with one stat instead of
 * loading the glob matcher: the common case (`plan: dr/plan.yml`, `policy:
 * cost/policy.yml`) on every action's start.
 */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;

/**
 * A literal path as tinyglobby would answer it with `onlyFiles`: the path,
 * normalised and relative to the root, if it is a file (through symlinks), or
 * nothing.
 */
async function literalFile(path: string, root: string): Promise<string[]> {
  const rel = posixPath
    .normalize(path)
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (rel === '' || rel === '.') return [];
  const info = await stat(resolve(root, rel)).catch(() => undefined);
  return info?.isFile() ? [rel] : [];
}

/** Matches a pattern with glob syntax; the matcher loads on first use. */
async function globFiles(path: string, root: string): Promise<string[]> {
  const { glob, isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(path)
    ? glob(path, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })
    : glob(path.replace(/[[\]{}()*?!]/g, '\\$&'), { cwd: root, dot: true, onlyFiles: true, expandDirectories: false });
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
    const files = GLOB_SYNTAX.test(posix) ? await globFiles(posix, root) : await literalFile(posix, root);
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
    const { glob } = await import('tinyglobby');
    const excluded = new Set(await glob(negations, { cwd: root, dot: true, onlyFiles: true, expandDirectories: false }));
    for (const r of results) r.files = r.files.filter((f) => !excluded.has(f));
  }
  return results;
}

/** Every distinct file of a set of glob matches, in first-seen order. */
export function uniqueFiles(matches: GlobMatch[]): string[] {
  return [...new Set(matches.flatMap((m) => m.files))];
}
