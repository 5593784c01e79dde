#!/usr/bin/env node
// Rebuilds every bundle and fails when the result differs from what git has:
// the committed dist/ folders are what users run, so they must match the source.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const drift = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'actions/*/dist', 'cli/dist'], { encoding: 'utf8' }).trim();
if (drift) {
  console.error('dist/ differs from a fresh build; run `npm run build` and commit the result:');
  console.error(drift);
  process.exit(1);
}
console.log('dist/ is in sync with the source');
