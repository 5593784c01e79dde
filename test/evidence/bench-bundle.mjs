#!/usr/bin/env node
// Benchmark, not a test: bundles 1 GiB of evidence with the bundled action and
// reports its peak resident memory (VmHWM) and time, next to
// `tar czf - DIR | sha256sum` on the same files for comparison.
//   node test/evidence/bench-bundle.mjs [GiB]      (default 1)
// Needs ~2.5 GiB of free disk in the temp directory; removes it afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const GIB = Number(process.argv[2] ?? 1);
const ROOT = resolve(import.meta.dirname, '..', '..');
const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-'));
const MIB = 1024 * 1024;

function writeFileOf(path, bytes, chunk) {
  const fd = openSync(path, 'w');
  for (let n = 0; n < bytes; n += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - n));
  closeSync(fd);
}

// 80% text logs (with a secret now and then, so redaction has work), 20% binary.
mkdirSync(join(ws, 'logs'));
mkdirSync(join(ws, 'drloop-evidence', 'runs', 'bench', 'phases'), { recursive: true });
const lines = [];
for (let i = 0, size = 0; size < 4 * MIB; i++) {
  lines.push(
    `2026-01-02T03:04:${String(i % 60).padStart(2, '0')}Z restore worker=${i % 17} table=t${i % 97} rows=${(i * 7919) % 100000} status=ok ${createHash('md5').update(String(i)).digest('hex')}\n`,
  );
  if (i % 5000 === 0) lines.push(`env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token ghp_0123456789abcdefghijABCDEFGHIJ012345\n`);
  size += lines.at(-1).length;
}
const text = Buffer.from(lines.join(''));
const total = GIB * 1024 * MIB;
const logs = 4;
for (let i = 0; i < logs; i++) writeFileOf(join(ws, 'logs', `restore-${i}.log`), Math.floor((total * 0.8) / logs), text);
writeFileOf(join(ws, 'logs', 'dump.bin'), Math.floor(total * 0.2), Buffer.concat([Buffer.from([0]), randomBytes(16 * MIB)]));
for (let i = 0; i < 500; i++) writeFileOf(join(ws, 'drloop-evidence', 'runs', 'bench', 'phases', `step-${i}.json`), 2048, Buffer.from('{"ok":true}\n'.repeat(200)));
spawnSync('sync');

function peakOf(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_WORKSPACE: ws,
  GITHUB_SHA: '0'.repeat(40),
  INPUT_PATHS: 'logs/*',
  'INPUT_EVIDENCE-DIR': 'drloop-evidence',
  'INPUT_OUTPUT-DIR': join(ws, 'out'),
};
const start = Date.now();
const child = spawn(process.execPath, [join(ROOT, 'actions', 'collect-evidence', 'dist', 'index.js')], { cwd: ws, env, stdio: ['ignore', 'pipe', 'inherit'] });
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, peakOf(child.pid))), 50);
let out = '';
child.stdout.on('data', (d) => (out += d));
const code = await new Promise((res) => child.on('close', res));
clearInterval(timer);
const seconds = (Date.now() - start) / 1000;

const tarStart = Date.now();
spawnSync('bash', ['-c', `tar czf - logs drloop-evidence | sha256sum > /dev/null`], { cwd: ws, stdio: 'inherit' });
const tarSeconds = (Date.now() - tarStart) / 1000;

console.log(
  JSON.stringify(
    {
      gib: GIB,
      exit: code,
      peakRssMiB: Math.round(peak / MIB),
      seconds,
      mibPerSecond: Math.round((total / MIB / seconds) * 10) / 10,
      tarCzfSeconds: tarSeconds,
      bundle: /Bundle (\S+): (\d+) bytes/.exec(out)?.slice(1),
    },
    null,
    2,
  ),
);
rmSync(ws, { recursive: true, force: true });
process.exitCode = code === 0 && peak <= 200 * MIB ? 0 : 1;
