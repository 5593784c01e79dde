/**
 * The repository holds every file its tests and code read: nothing in the
 * tree names `../shared/` or another path outside the clone, so a clone with
 * nothing beside it passes `npm test`. The sample data the tests need lives in
 * test/fixtures/, each file's source noted in test/fixtures/README.md.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../support/run-action.js';
import { FIXTURES } from '../support/fixtures.js';

const SELF = relative(REPO_ROOT, fileURLToPath(import.meta.url));
const TEXT = /\.(ts|js|mjs|cjs|json|ya?ml|md|sh)$|(^|\/)(run|Dockerfile)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);

/** The repository's files: git's list (tracked and not ignored), else a walk without node_modules and dist. */
function repoFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && !f.split('/').some((part) => SKIP_DIRS.has(part)));
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(REPO_ROOT, dir))) {
        const rel = dir ? `${dir}/${name}` : name;
        if (statSync(join(REPO_ROOT, rel)).isDirectory()) {
          if (!SKIP_DIRS.has(name)) walk(rel);
        } else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

/**
 * The places in one file's text that reach outside the repository: the
 * shared folder beside it, the repository root's parent, this machine's
 * workspace, or a relative path with more `../` than the file is deep.
 */
function outsideReferences(file: string, text: string): string[] {
  const depth = file.split('/').length - 1;
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (/\.\.[\\/]+shared\b/.test(line)) found.push(`${at}: names ../shared`);
    if (/['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/.test(line)) found.push(`${at}: joins '..' and 'shared'`);
    if (/REPO_ROOT\s*,\s*['"`]\.\.['"`]|\$\{REPO_ROOT\}\/\.\./.test(line)) found.push(`${at}: goes above REPO_ROOT`);
    if (/(^|[\s'"`(=:])\/work\//.test(line)) found.push(`${at}: names /work/, a path on one machine`);
    for (const m of line.matchAll(/['"`(]((?:\.\.\/)+)/g)) {
      const ups = m[1]!.length / 3;
      if (ups > depth) found.push(`${at}: '${m[1]}' climbs ${ups} level(s) from a file ${depth} deep`);
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  test('no test, source, script or doc reaches outside the clone', () => {
    const files = repoFiles().filter((f) => TEXT.test(f) && f !== SELF && f !== 'package-lock.json');
    expect(files).toEqual(expect.arrayContaining(['test/support/fixtures.ts', 'src/context.ts', '.ci/run', 'README.md']));
    const found = files.flatMap((f) => outsideReferences(f, readFileSync(join(REPO_ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  test('the check finds each kind of reference outside the clone', () => {
    const sample = [
      "export const X = join(REPO_ROOT, '..', 'shared', 'fixtures');",
      "const y = readFileSync('../shared/fixtures/a.json');",
      'cat /work/shared/STYLE.md',
      "import { z } from '../../../src/z.js';",
    ].join('\n');
    expect(outsideReferences('test/support/x.ts', sample)).toEqual([
      "test/support/x.ts:1: joins '..' and 'shared'",
      'test/support/x.ts:1: goes above REPO_ROOT',
      'test/support/x.ts:2: names ../shared',
      'test/support/x.ts:3: names /work/, a path on one machine',
      "test/support/x.ts:4: '../../../' climbs 3 level(s) from a file 2 deep",
    ]);
    // The same import from a file deep enough stays inside.
    expect(outsideReferences('cli/src/commands/x.ts', "import { z } from '../../../src/z.js';")).toEqual([]);
  });

  test('the fixtures the tests read are in the repository, each one named in its README', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    const data = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(data.sort()).toEqual(
      [
        'alertmanager/firing-single.json',
        'alertmanager/resolved.json',
        'infracost/changes.json',
        'infracost/example_out.json',
        'infracost/infracost.json',
        'infracost/out_with_project_error.json',
        'secrets/positives.json',
      ].map((f) => f.split('/').join(sep)),
    );
    for (const f of data) expect(readme).toContain(`\`${f.split(sep).join('/')}\``);
    expect(relative(REPO_ROOT, FIXTURES)).toBe(join('test', 'fixtures'));
  });
});
