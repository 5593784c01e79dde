// Packages bundled with a changed package.json, for the duration of a build
// (scripts/build.mjs, and the bench's entries that bundle drloop's sources).
// Each is a copy of the installed package, its files unchanged, in a
// node_modules/ folder that the bundled sources resolve before the root one;
// the copies are removed afterwards, so tests and type checks see only the
// installed packages.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @actions/core's index imports its OIDC client (@actions/http-client and
 * undici, ~1 MB) and its platform details (@actions/exec) at the top level,
 * although only core.getIDToken() and core.platform.getDetails() use them.
 * Webpack may leave a module out of a bundle when nothing uses its exports,
 * but only if the package says its modules have no side effects, which
 * @actions/core does not (actions/toolkit#1436); so every action paid ~45 ms
 * on Node 24 to evaluate a client it never calls, before reading an input.
 *
 * The copy declares `"sideEffects": false` and sits in actions/_kit/node_modules/,
 * where the actions' sources (actions/_kit/src, which alone imports it) resolve
 * it first. Its modules really have no side effects at import (they define
 * functions, classes and the summary object), so the bundle evaluates what
 * the action uses and nothing else; if an action ever calls getIDToken,
 * webpack bundles the client again. The library packages the actions load
 * lazily (@actions/github, @actions/artifact) resolve the installed
 * @actions/core as before.
 *
 * yaml's package.json gives Node its CommonJS build (`"node": "./dist/index.js"`)
 * and everything else the same sources built as ES modules (browser/dist/),
 * which webpack concatenates into one scope instead of ~40 wrapped modules:
 * the actions reading a plan or a policy start ~3 ms sooner on Node 24. The
 * copy in src/node_modules/ (where src/, which alone imports yaml, resolves
 * it first) maps `.` to the ES build. The two builds differ only where a
 * browser lacks Node: a warning goes to console.warn rather than
 * process.emitWarning, and `!!binary` gives a Uint8Array rather than a
 * Buffer (no drloop schema accepts binary).
 */
const STAGED = [
  {
    dir: join('actions', '_kit', 'node_modules'),
    name: '@actions/core',
    patch: (pkg) => ({ ...pkg, sideEffects: false }),
  },
  {
    dir: join('src', 'node_modules'),
    name: 'yaml',
    patch: (pkg) => ({ ...pkg, exports: { ...pkg.exports, '.': { types: './dist/index.d.ts', default: './browser/dist/index.js' } } }),
  },
];

export function stagePackages(root = '.') {
  unstagePackages(root);
  for (const { dir, name, patch } of STAGED) {
    const copy = join(root, dir, name);
    cpSync(join(root, 'node_modules', name), copy, { recursive: true });
    const manifest = join(copy, 'package.json');
    writeFileSync(manifest, `${JSON.stringify(patch(JSON.parse(readFileSync(manifest, 'utf8'))), null, 2)}\n`);
  }
}

export function unstagePackages(root = '.') {
  for (const dir of new Set(STAGED.map((s) => s.dir))) rmSync(join(root, dir), { recursive: true, force: true });
}
