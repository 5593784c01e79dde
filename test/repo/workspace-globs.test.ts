/**
 * expandGlobs answers a pattern without glob syntax with one stat, and loads
 * tinyglobby only for patterns that need it. Both must give the same files:
 * each literal case here is compared with tinyglobby's own answer for the
 * escaped pattern (what expandGlobs asked it before).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { expandGlobs } from '../../src/workspace.js';
import { tempDir } from '../support/temp.js';

async function workspace(): Promise<string> {
  const ws = await tempDir('drloop-globs-');
  await mkdir(join(ws, 'dr/nested'), { recursive: true });
  await writeFile(join(ws, 'dr/plan.yml'), 'version: 1\n');
  await writeFile(join(ws, 'dr/nested/with space.yml'), 'x\n');
  await writeFile(join(ws, 'dr/(v2) plan.yml'), 'x\n');
  await writeFile(join(ws, '.hidden.yml'), 'x\n');
  await symlink('plan.yml', join(ws, 'dr/link.yml'));
  await symlink('nested', join(ws, 'dr/dirlink'));
  await symlink('missing.yml', join(ws, 'dr/dangling.yml'));
  return ws;
}

const escaped = (p: string) => p.replace(/[[\]{}()*?!]/g, '\\$&');

describe('expandGlobs on literal paths', () => {
  const literals = [
    'dr/plan.yml',
    './dr/plan.yml',
    'dr//plan.yml',
    'dr/nested/../plan.yml',
    'dr/nested/with space.yml',
    '.hidden.yml',
    'dr/link.yml',
    'dr/dirlink/with space.yml',
    'dr',
    'dr/',
    'dr/nested',
    'dr/missing.yml',
    'dr/dangling.yml',
    'dr/plan.yml/',
  ];

  test.each(literals)('%s matches what tinyglobby matches', async (pattern) => {
    const ws = await workspace();
    const [match] = await expandGlobs([pattern], ws, "input 'plan'");
    const reference = (await glob(escaped(pattern), { cwd: ws, dot: true, onlyFiles: true, expandDirectories: false })).sort();
    expect(match).toEqual({ pattern, files: reference });
  });

  test('the literal answers are the files themselves', async () => {
    const ws = await workspace();
    const matches = await expandGlobs(['dr/plan.yml', './dr/link.yml', 'dr', 'dr/missing.yml'], ws, "input 'plan'");
    expect(matches.map((m) => m.files)).toEqual([['dr/plan.yml'], ['dr/link.yml'], [], []]);
  });

  test('a pattern with glob syntax or an escaped special character still goes through tinyglobby', async () => {
    const ws = await workspace();
    const matches = await expandGlobs(['dr/*.yml', 'dr/(v2) plan.yml', 'dr/**/with space.yml', '!dr/link.yml'], ws, "input 'paths'");
    expect(matches).toEqual([
      { pattern: 'dr/*.yml', files: ['dr/(v2) plan.yml', 'dr/plan.yml'] },
      { pattern: 'dr/(v2) plan.yml', files: ['dr/(v2) plan.yml'] },
      { pattern: 'dr/**/with space.yml', files: ['dr/dirlink/with space.yml', 'dr/nested/with space.yml'] },
    ]);
  });

  test('a literal path outside the workspace is still refused', async () => {
    const ws = await workspace();
    await expect(expandGlobs(['../etc/passwd'], ws, "input 'plan'")).rejects.toThrow("input 'plan': '../etc/passwd' points outside the workspace");
    await symlink('/etc/hostname', join(ws, 'dr/escape.yml'));
    await expect(expandGlobs(['dr/escape.yml'], ws, "input 'plan'")).rejects.toThrow("'dr/escape.yml' (from 'dr/escape.yml') resolves outside the workspace through a symlink");
  });
});
