/**
 * The HTML history page in a real browser: Debian's headless Chromium opens
 * the page written by drloop from bundles made by the real bundling code,
 * dumps the DOM it built and takes a screenshot, kept under
 * test-artifacts/history/ (gitignored) for a person to look at.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildHistory } from '../../src/history/history.js';
import { historyHtml } from '../../src/history/render.js';
import { directoryStore } from '../../src/history/store.js';
import { REPO_ROOT } from '../support/run-action.js';
import { makeBundle } from './support.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'history');
const NOW = Date.now();
let dir: string;
let profile: string;
// Chromium keeps a Unix socket under TMPDIR, and a socket path holds at most
// 107 bytes: the per-test-file TMPDIR is too deep for it, so Chromium gets a
// short one of its own, removed after the file.
let shortTmp: string;

function chromium(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      CHROMIUM!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', `--user-data-dir=${profile}`, '--window-size=1400,1500', ...args],
      { timeout: 60_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, TMPDIR: shortTmp } },
      (err, stdout, stderr) => (err ? reject(new Error(`chromium ${args[0]}: ${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drloop-history-browser-'));
  shortTmp = await mkdtemp('/tmp/drloop-chr-');
  profile = await mkdtemp(join(shortTmp, 'profile-'));
  const bundles = join(dir, 'bundles');
  // netbox: six drills, one a regression, one missing its RPO objective; gitlab: three.
  const netbox = [
    [60, 620, 40],
    [50, 600, 35],
    [40, 640, 60],
    [30, 1700, 50],
    [20, 610, 400],
    [10, 590, 45],
  ] as const;
  for (const [daysAgo, rto, rpo] of netbox) await makeBundle({ plan: 'netbox', daysAgo, rtoSeconds: rto, rpoSeconds: rpo, rtoObjective: 1800, rpoObjective: 300 }, { now: NOW, outputDir: bundles });
  for (const daysAgo of [45, 25, 5]) await makeBundle({ plan: 'gitlab', daysAgo, rtoSeconds: 300 + daysAgo, rpoSeconds: 20 }, { now: NOW, outputDir: bundles });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (shortTmp) await rm(shortTmp, { recursive: true, force: true });
});

test("Chromium renders each plan's chart and table with one point and one row per run; the screenshot is kept", async () => {
  expect({ chromium: CHROMIUM ?? 'not installed (apt-get install chromium)' }).toEqual({ chromium: expect.stringMatching(/^\/usr\/bin\//) });
  const history = await buildHistory({ store: await directoryStore(dir, 'drloop-bundles'), now: new Date(NOW), freshnessSeconds: 30 * 86400 });
  const page = join(dir, 'history.html');
  await writeFile(page, historyHtml(history));

  const dom = await chromium(['--dump-dom', pathToFileURL(page).href]);
  const sections = [...dom.matchAll(/<section class="plan" data-plan="([^"]*)" data-runs="(\d+)">([\s\S]*?)<\/section>/g)];
  const seen = sections.map(([, plan, runs, body]) => ({
    plan,
    runs: Number(runs),
    svg: (body!.match(/<svg class="chart"/g) ?? []).length,
    rtoPoints: (body!.match(/<circle class="point point-rto/g) ?? []).length,
    rpoPoints: (body!.match(/<circle class="point point-rpo/g) ?? []).length,
    objectives: (body!.match(/<path class="objective objective-r[tp]o"/g) ?? []).length,
    rows: (body!.match(/<tr class="run/g) ?? []).length,
    regressions: (body!.match(/<circle class="point point-rto regression"/g) ?? []).length,
  }));
  expect(seen).toEqual([
    { plan: 'gitlab', runs: 3, svg: 1, rtoPoints: 3, rpoPoints: 3, objectives: 2, rows: 3, regressions: 0 },
    { plan: 'netbox', runs: 6, svg: 1, rtoPoints: 6, rpoPoints: 6, objectives: 2, rows: 6, regressions: 1 },
  ]);
  // The page loads nothing from outside (its CSP allows no source but inline styles).
  expect(dom).not.toMatch(/<(?:script|link|img)\b|\b(?:src|href)="(?!https:\/\/github\.com\/)/);

  await mkdir(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, 'history.png');
  await rm(shot, { force: true });
  await chromium([`--screenshot=${shot}`, pathToFileURL(page).href]);
  const png = await readFile(shot);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height from the PNG header: the window asked for.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 1500]);
  expect((await stat(shot)).size).toBeGreaterThan(20_000);
  await writeFile(join(ARTIFACTS, 'history.html'), await readFile(page));
}, 120_000);
