// Figures 3 to 9 of `npm run bench` (bench/run.mjs loads this file).
// Each takes the harness's helpers and returns table rows; see bench/run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const MIB = 1024 * 1024;
const log = (m) => process.stderr.write(`  ${m}\n`);

// ---------------------------------------------------------------------------
// Figure 3: an evidence bundle of 1 GiB in 10,000 files, vs `tar czf - | sha256sum`.

/**
 * Writes 1 GiB (exactly) in 10,000 files: the evidence directory of a DR run
 * (200 JSON receipts and records, 2–8 KiB) and 9,800 files under logs/.
 * About four fifths of the bytes are log text (timestamped lines carrying
 * random request ids and LSNs, which gzip gets to about a third, and a
 * credential every 4,000 lines for redaction to find), one fifth random bytes
 * (dumps, archives: incompressible, bundled as binary). 24 of the logs are 12 MiB
 * (larger than the 1 MiB drloop redacts in memory, so its spool path runs);
 * the others are 4–140 KiB. The content is random, so it is generated once
 * per run; both sides read the same files.
 */
export function generateEvidence(ws) {
  const total = 1024 * MIB;
  const poolText = (() => {
    const lines = [];
    let size = 0;
    const hex = randomBytes(16 * MIB).toString('hex');
    for (let i = 0; size < 48 * MIB; i++) {
      const h = hex.slice((i * 40) % (hex.length - 40), ((i * 40) % (hex.length - 40)) + 40);
      const ms = String(i % 1000).padStart(3, '0');
      const line =
        i % 4000 === 17
          ? `2026-11-23T10:${String((i >> 6) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${ms}Z WARN env dump AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY GITHUB_TOKEN=ghp_${h.slice(0, 36)}\n`
          : `2026-11-23T10:${String((i >> 6) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${ms}Z INFO restore worker=${i % 17} table=public.t${i % 97} rows=${(i * 7919) % 100000} lsn=0/${h.slice(0, 8).toUpperCase()} req=${h.slice(8, 40)} status=ok\n`;
      lines.push(line);
      size += line.length;
    }
    return Buffer.from(lines.join(''));
  })();
  const poolBin = randomBytes(64 * MIB);
  // A deterministic spread of sizes (mulberry32), so every run has the same shape.
  let seed = 0x5eed;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const writeOf = (path, size, pool) => {
    const fd = openSync(path, 'w');
    let off = Math.floor(rand() * (pool.length - 1));
    for (let n = 0; n < size;) {
      const len = Math.min(size - n, pool.length - off, 4 * MIB);
      writeSync(fd, pool, off, len);
      n += len;
      off = (off + len) % pool.length;
    }
    closeSync(fd);
  };
  const files = [];
  for (let i = 0; i < 200; i++) {
    const dir = i < 20 ? 'drloop-evidence/cost' : `drloop-evidence/runs/run-${Math.floor(i / 10)}/phases`;
    files.push({ path: `${dir}/record-${i}.json`, size: 2048 + Math.floor(rand() * 6144), kind: 'json' });
  }
  for (let i = 0; i < 24; i++) files.push({ path: `logs/restore-${i}.log`, size: 12 * MIB, kind: 'text' });
  const small = 10_000 - files.length;
  const sizes = Array.from({ length: small }, () => 4096 + Math.floor(rand() * 139_264));
  // Scale the small files so the whole set is exactly 1 GiB.
  const fixed = files.reduce((s, f) => s + f.size, 0);
  const scale = (total - fixed) / sizes.reduce((s, n) => s + n, 0);
  let left = total - fixed;
  for (let i = 0; i < small; i++) {
    const size = i === small - 1 ? left : Math.floor(sizes[i] * scale);
    left -= size;
    const binary = i % 7 < 2; // 2 of 7 small files: a fifth of all the bytes
    files.push({ path: `logs/${binary ? 'dumps' : 'app'}/${String(i).padStart(4, '0')}.${binary ? 'bin' : 'log'}`, size, kind: binary ? 'bin' : 'text' });
  }
  const json = Buffer.from(`${'{"schema":"drloop.phase-receipt/v1","status":"success","steps":[{"name":"restore-db","exitCode":0}]}\n'.repeat(100)}`);
  for (const f of files) {
    mkdirSync(join(ws, f.path, '..'), { recursive: true });
    writeOf(join(ws, f.path), f.size, f.kind === 'bin' ? poolBin : f.kind === 'json' ? json : poolText);
  }
  const bytes = files.reduce((s, f) => s + f.size, 0);
  const binary = files.filter((f) => f.kind === 'bin').reduce((s, f) => s + f.size, 0);
  return { files: files.length, bytes, binaryShare: binary / bytes };
}

/** Runs a command under /usr/bin/time when there is one; peak RSS from the OS's accounting of the finished process. */
function runMeasured(argv, opts) {
  const hasTime = existsSync('/usr/bin/time');
  const stats = join(opts.statsDir, `time-${randomBytes(4).toString('hex')}`);
  const full = hasTime ? ['/usr/bin/time', '-f', '%M %e', '-o', stats, ...argv] : argv;
  const t = performance.now();
  const r = spawnSync(full[0], full.slice(1), { cwd: opts.cwd, env: opts.env, encoding: 'utf8', maxBuffer: 64 * MIB });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  let maxRssBytes = null;
  if (hasTime) {
    maxRssBytes = Number(readFileSync(stats, 'utf8').trim().split(/\s+/).at(-2)) * 1024;
    rmSync(stats, { force: true });
  }
  return { ms, stdout: r.stdout, maxRssBytes };
}

async function figureEvidence({ buildEntry, median, round }) {
  const entry = buildEntry('evidence');
  const free = (() => {
    const s = statfsSync(tmpdir());
    return s.bavail * s.bsize;
  })();
  if (free < 4 * 1024 * MIB) throw new Error(`figure 3 needs 4 GiB free in ${tmpdir()}, there are ${round(free / 1024 / MIB, 1)} GiB`);
  const root = mkdtempSync(join(tmpdir(), 'drloop-bench-evidence-'));
  const ws = join(root, 'ws');
  const out = join(root, 'out');
  mkdirSync(ws);
  try {
    const t = performance.now();
    const shape = generateEvidence(ws);
    log(`generated ${shape.files} files, ${round(shape.bytes / MIB)} MiB (${round(shape.binaryShare * 100, 1)}% random bytes) in ${round((performance.now() - t) / 1000, 1)} s`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LC_ALL: 'C' };
    // Read every file once, untimed, so both sides start from the same page cache.
    spawnSync('bash', ['-c', 'tar cf - drloop-evidence logs > /dev/null'], { cwd: ws, env, stdio: 'ignore' });

    const rounds = Number(process.env.BENCH_ROUNDS_3 ?? 3);
    const tar = [];
    const drloop = [];
    const rss = [];
    let tarRss = [];
    let last;
    const runTar = () => {
      const r = runMeasured(['bash', '-c', 'set -o pipefail; tar czf - drloop-evidence logs | sha256sum > /dev/null'], { cwd: ws, env, statsDir: root });
      tar.push(r.ms);
      if (r.maxRssBytes !== null) tarRss.push(r.maxRssBytes);
      log(`tar czf | sha256sum: ${round(r.ms / 1000, 2)} s`);
    };
    const runDrloop = () => {
      const r = runMeasured([process.execPath, entry, ws, out], { cwd: ws, env, statsDir: root });
      last = JSON.parse(r.stdout.trim().split('\n').at(-1));
      if (last.files !== shape.files) throw new Error(`the manifest lists ${last.files} files, expected ${shape.files}`);
      drloop.push(r.ms);
      rss.push(r.maxRssBytes ?? last.maxRssBytes);
      log(`drloop bundle: ${round(r.ms / 1000, 2)} s, peak RSS ${round((r.maxRssBytes ?? last.maxRssBytes) / 1e6, 1)} MB, ${round(last.size / MIB, 1)} MiB bundle, ${last.redacted} values redacted`);
      rmSync(out, { recursive: true, force: true });
    };
    for (let i = 0; i < rounds; i++) {
      // Alternate which side goes first, so neither always inherits the other's page cache or disk writeback.
      if (i % 2 === 0) {
        runTar();
        runDrloop();
      } else {
        runDrloop();
        runTar();
      }
    }
    const b = median(tar);
    const d = median(drloop);
    const peak = Math.max(...rss);
    const mibs = (ms) => round(shape.bytes / MIB / (ms / 1000), 1);
    return [
      {
        figure: 3,
        name: 'evidence bundle, 1 GiB in 10,000 files (tar.gz + sha256 manifest): throughput',
        value: `${mibs(d)} MiB/s (${round(d / 1000, 2)} s)`,
        baseline: `${mibs(b)} MiB/s (${round(b / 1000, 2)} s, tar czf - DIR | sha256sum)`,
        ratio: round(b / d),
        target: '≥ 0.8× of the baseline',
        pass: b / d >= 0.8,
      },
      {
        figure: 3,
        name: 'evidence bundle, 1 GiB in 10,000 files: peak RSS of the process',
        value: `${round(peak / 1e6, 1)} MB`,
        baseline: tarRss.length ? `${round(Math.max(...tarRss) / 1e6, 1)} MB (tar/gzip/sha256sum, largest process)` : '—',
        ratio: null,
        target: '≤ 200 MB',
        pass: peak <= 200e6,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Figure 4: executor overhead per step, 200 steps of `true`, vs a bash loop.

function figureExecutor({ buildEntry, median, round }) {
  const entry = buildEntry('execute');
  const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-execute-'));
  try {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const r = spawnSync(process.execPath, [entry, ws, process.env.BENCH_ROUNDS_4 ?? '9'], { cwd: ws, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (r.status !== 0) throw new Error(`figure 4: execute bench exited ${r.status}`);
    const { steps, baselineMs, engineMs } = JSON.parse(r.stdout.trim().split('\n').at(-1));
    const b = median(baselineMs);
    const d = median(engineMs);
    const perStep = (d - b) / steps;
    log(`engine ${engineMs.map((x) => round(x)).join(', ')} ms; bash loop ${baselineMs.map((x) => round(x)).join(', ')} ms`);
    return [
      {
        figure: 4,
        name: `executor overhead per step, ${steps} steps of \`true\` (in-process runDrExecute, receipts included)`,
        value: `${round(perStep, 2)} ms/step more (${round(d / steps, 2)} ms/step, ${round(d)} ms)`,
        baseline: `${round(b / steps, 2)} ms/step (${round(b)} ms, bash loop of bash -c true)`,
        ratio: round(d / b),
        target: '≤ 5 ms more per step',
        pass: perStep <= 5,
      },
    ];
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Figure 5: relay latency under 200 notifications/s for 10 s, vs the fake GitHub's own round trip.

const RELAY_TOKEN = 'bench-relay-token-0123456789abcdef';
const RATE = 200;
const SECONDS = 10;

/** Starts a node process and waits for the line that carries its URL. */
function startProcess(argv, env, pattern, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c) => (err = (err + c).slice(-20_000)));
  const url = new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const m = pattern.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code} before listening:\n${err}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { child, url, stop, stderr: () => err };
}

function post(agent, url, path, headers, body) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = request(url + path, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A refused or reset connection is an answer too (status 0): counted as lost, never an unhandled rejection mid-burst.
    req.on('error', (err) => resolve({ ms: performance.now() - t, status: 0, body: '', error: err.code ?? err.message }));
    req.end(body);
  });
}

/** Sends `bodies` at an even RATE per second (each at its own scheduled time, whatever the answers do) and resolves with every answer. */
async function burst(send, bodies) {
  const interval = 1000 / RATE;
  const start = performance.now() + 20;
  const answers = [];
  let lateMs = 0;
  for (let i = 0; i < bodies.length; i++) {
    const due = start + i * interval;
    let wait = due - performance.now();
    if (wait > 1.5) await new Promise((r) => setTimeout(r, wait - 1));
    while ((wait = due - performance.now()) > 0) await new Promise((r) => setImmediate(r));
    lateMs = Math.max(lateMs, -wait);
    answers.push(send(bodies[i]));
  }
  const settled = await Promise.all(answers);
  return { answers: settled, lateMs, seconds: (performance.now() - start) / 1000 };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function notification(round, i) {
  const name = 'JenkinsCriticalDown';
  const labels = { alertname: name, dr: 'true', job: 'jenkins', severity: 'critical', instance: `jenkins-${round}-${i}.example.com:8080` };
  return JSON.stringify({
    version: '4',
    groupKey: `{}/{dr="true"}:{alertname="${name}", instance="${labels.instance}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'drloop-relay',
    groupLabels: { alertname: name, instance: labels.instance },
    commonLabels: labels,
    commonAnnotations: { summary: 'Jenkins is down', runbook_url: 'https://runbooks.example.com/jenkins-down' },
    externalURL: 'http://alertmanager.example.com:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'Jenkins is down', description: `Jenkins at ${labels.instance} has not answered its health check for 2 minutes.` },
        startsAt: '2026-11-23T10:00:00.000Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example.com:9090/graph?g0.expr=up%7Bjob%3D%22jenkins%22%7D+%3D%3D+0',
        fingerprint: createHash('sha256').update(`${round}-${i}`).digest('hex').slice(0, 16),
      },
    ],
  });
}

async function figureRelay({ buildEntry, median, round }) {
  const entry = buildEntry('relay');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const fake = startProcess([join(import.meta.dirname, 'fake-github.mjs')], env, /listening on (http:\/\/\S+)/);
  let relay;
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const gh = await fake.url;
    relay = startProcess(
      [entry, '--listen', '127.0.0.1:0', '--repo', 'acme/dr-runbooks', '--github-api-url', gh],
      { ...env, DRLOOP_RELAY_TOKEN: RELAY_TOKEN, GITHUB_TOKEN: 'ghp_benchFakeToken000000000000000000000000' },
      /drloop relay listening on (http:\/\/\S+)/,
      // BENCH_PROFILE=DIR: the relay writes a CPU profile there when it stops (node --cpu-prof).
      process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
    );
    const relayUrl = await relay.url;
    const stats = async () => JSON.parse(await (await fetch(`${gh}/_stats`)).text());
    const auth = { authorization: `Bearer ${RELAY_TOKEN}` };

    // Warm-up, untimed: connections open on both legs; the last dispatch body gives the baseline its bytes.
    for (let i = 0; i < 20; i++) {
      const a = await post(agent, relayUrl, '/alertmanager', auth, notification('warm', i));
      if (a.status !== 200) throw new Error(`warm-up: the relay answered ${a.status} ${a.body}`);
    }
    const dispatchBody = (await stats()).last;
    const ghAuth = { authorization: 'Bearer ghp_benchFakeToken000000000000000000000000', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    for (let i = 0; i < 20; i++) await post(agent, gh, '/repos/acme/dr-runbooks/dispatches', ghAuth, dispatchBody);

    const n = RATE * SECONDS;
    const rounds = Number(process.env.BENCH_ROUNDS_5 ?? 2);
    const base = [];
    const relayed = [];
    let lost = 0;
    let late = 0;
    for (let r = 0; r < rounds; r++) {
      const b = await burst(() => post(agent, gh, '/repos/acme/dr-runbooks/dispatches', ghAuth, dispatchBody), Array.from({ length: n }));
      const odd = b.answers.find((a) => a.status !== 204);
      if (odd) throw new Error(`the fake GitHub answered something else than 204: ${odd.status} ${odd.error ?? odd.body}`);
      base.push(...b.answers.map((a) => a.ms));
      const before = (await stats()).dispatches;
      const bodies = Array.from({ length: n }, (_, i) => notification(r, i));
      const x = await burst((body) => post(agent, relayUrl, '/alertmanager', auth, body), bodies);
      const arrived = (await stats()).dispatches - before;
      const dispatched = x.answers.filter((a) => a.status === 200 && JSON.parse(a.body).result === 'dispatched').length;
      lost += n - Math.min(arrived, dispatched);
      late = Math.max(late, b.lateMs, x.lateMs);
      relayed.push(...x.answers.map((a) => a.ms));
      // BENCH_SAMPLES=DIR: every latency, in send order, for a closer look.
      if (process.env.BENCH_SAMPLES) {
        mkdirSync(process.env.BENCH_SAMPLES, { recursive: true });
        writeFileSync(join(process.env.BENCH_SAMPLES, `relay-round-${r + 1}.json`), JSON.stringify({ baseline: b.answers.map((a) => a.ms), relay: x.answers.map((a) => a.ms) }));
      }
      log(
        `round ${r + 1}: fake GitHub p50 ${round(
          pct(
            b.answers.map((a) => a.ms),
            50,
          ),
        )} p99 ${round(
          pct(
            b.answers.map((a) => a.ms),
            99,
          ),
        )} ms; ` +
          `relay p50 ${round(
            pct(
              x.answers.map((a) => a.ms),
              50,
            ),
          )} p99 ${round(
            pct(
              x.answers.map((a) => a.ms),
              99,
            ),
          )} ms; ` +
          `${dispatched}/${n} answered dispatched, ${arrived}/${n} arrived at the fake GitHub; sender at most ${round(Math.max(b.lateMs, x.lateMs))} ms late`,
      );
    }
    const added = pct(relayed, 99) - pct(base, 99);
    return [
      {
        figure: 5,
        name: `relay added latency, ${RATE} notifications/s for ${SECONDS} s on loopback (${rounds} × ${n}, distinct groups)`,
        value: `p99 +${round(added, 1)} ms added (relay p50 ${round(pct(relayed, 50), 1)}, p99 ${round(pct(relayed, 99), 1)} ms); ${rounds * n - lost}/${rounds * n} dispatched`,
        baseline: `p50 ${round(pct(base, 50), 1)}, p99 ${round(pct(base, 99), 1)} ms (fake GitHub's own round trip, same client)`,
        ratio: null,
        target: 'p99 ≤ 20 ms added; none lost',
        pass: added <= 20 && lost === 0,
        detail: { senderLateMsMax: round(late, 1), medianBaselineMs: round(median(base), 2), medianRelayMs: round(median(relayed), 2) },
      },
    ];
  } finally {
    agent.destroy();
    await relay?.stop();
    await fake.stop();
  }
}

// ---------------------------------------------------------------------------
// Figure 6: the local drill against the example plan's objectives, with a
// synchronous standby and an asynchronous one, alternated. RTO runs from the
// alert's start to validate passing; RPO from the newest transaction on the
// promoted standby to the failure; "lost" counts transactions the primary
// acknowledged before the failure that the promoted standby does not hold,
// and their window is the RPO that acknowledged writes see.

function runDrill(ROOT, synchronous) {
  const out = mkdtempSync(join(tmpdir(), 'drloop-bench-drill-'));
  rmSync(out, { recursive: true, force: true });
  const args = [join(ROOT, 'cli/dist/index.js'), 'drill', '--json', '--out', out, ...(synchronous ? ['--synchronous'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`figure 6: drloop drill${synchronous ? ' --synchronous' : ''} exited ${r.status}:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
  const result = JSON.parse(r.stdout);
  rmSync(out, { recursive: true, force: true });
  return result;
}

async function figureDrill({ median, round, ROOT }) {
  const rounds = Number(process.env.BENCH_ROUNDS_6 ?? 3);
  const runs = { sync: [], async: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? ['async', 'sync'] : ['sync', 'async']) {
      const r = runDrill(ROOT, kind === 'sync');
      log(
        `drill ${kind} ${i + 1}/${rounds}: ${r.status}, alert from ${r.alert.source}, RTO ${r.rto.seconds} s, RPO ${r.rpo.seconds} s, ${r.transactions.missingBeforeFailure} of ${r.transactions.acknowledgedBeforeFailure} acknowledged lost`,
      );
      runs[kind].push(r);
    }
  }
  const rows = [];
  for (const kind of ['sync', 'async']) {
    const rs = runs[kind];
    const label = kind === 'sync' ? 'synchronous standby' : 'asynchronous standby';
    const source = [...new Set(rs.map((r) => r.alert.source))].join('/');
    const rto = median(rs.map((r) => r.rto.seconds));
    const rtoObjective = rs[0].rto.objectiveSeconds;
    const rpo = median(rs.map((r) => r.rpo.seconds));
    const rpoObjective = rs[0].rpo.objectiveSeconds;
    const lost = rs.reduce((n, r) => n + r.transactions.missingBeforeFailure, 0);
    const acked = rs.reduce((n, r) => n + r.transactions.acknowledgedBeforeFailure, 0);
    const window = Math.max(...rs.map((r) => r.transactions.lossWindowSeconds));
    const ok = rs.every((r) => r.status === 'succeeded' && r.rto.met && r.rpo.met);
    rows.push({
      figure: 6,
      name: `local drill, ${label}: RTO (alert start → validate passed; alert from ${source}, median of ${rs.length})`,
      value: `${round(rto, 2)} s`,
      baseline: `objective ${rtoObjective} s`,
      ratio: round(rto / rtoObjective, 3),
      target: 'within the objective',
      pass: ok && rs.every((r) => r.rto.met),
    });
    rows.push({
      figure: 6,
      name: `local drill, ${label}: RPO (failure − newest transaction on the promoted standby); acknowledged transactions lost`,
      value: `${round(rpo, 3)} s; ${lost} of ${acked} lost (window ${round(window, 3)} s)`,
      baseline: `objective ${rpoObjective} s`,
      ratio: round(rpo / rpoObjective, 4),
      target: kind === 'sync' ? '0 acknowledged lost (RPO 0 s for them)' : 'reported beside the synchronous figure',
      pass: kind === 'sync' ? ok && lost === 0 && window === 0 : null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Figure 7: dr-execute's peak RSS while a step prints 400 MB and 4 GB, its log read from
// a pipe as the runner reads it, vs the same action with a step printing 1 MB.

function figureStepOutput({ runnerEnv, round, ROOT }) {
  const ws = mkdtempSync(join(tmpdir(), 'drloop-bench-output-'));
  try {
    const line = 'x'.repeat(199);
    const peak = (bytes) => {
      writeFileSync(join(ws, 'plan.yml'), `version: 1\nname: chatty\nphases:\n  restore: { steps: [ { name: print, run: "yes ${line} | head -c ${bytes}", timeout: 30m } ] }\n`);
      const stats = join(ws, `rss-${bytes}`);
      const env = runnerEnv(ws, { plan: 'plan.yml', 'run-id': `out-${bytes}`, mode: 'drill' });
      // The action's stdout is a pipe to a reader that falls behind at first, as a runner's may; `time` reports the action's peak RSS.
      const r = spawnSync('bash', ['-c', `set -o pipefail; /usr/bin/time -f %M -o ${stats} ${process.execPath} ${join(ROOT, 'actions/dr-execute/dist/index.js')} | (sleep 2; cat) > /dev/null`], {
        cwd: ws,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`figure 7: dr-execute exited ${r.status}: ${r.stderr}`);
      return Number(readFileSync(stats, 'utf8').trim().split(/\s+/).at(-1)) * 1024;
    };
    const small = peak(1e6);
    const big = peak(4e8);
    const huge = peak(4e9);
    log(`peak RSS: ${round(huge / 1e6, 1)} MB printing 4 GB, ${round(big / 1e6, 1)} MB printing 400 MB, ${round(small / 1e6, 1)} MB printing 1 MB`);
    const row = (bytes, label) => ({
      figure: 7,
      name: `dr-execute peak RSS while a step prints ${label} (log read from a pipe, as on a runner)`,
      value: `${round(bytes / 1e6, 1)} MB`,
      baseline: `${round(small / 1e6, 1)} MB (the same action, a step printing 1 MB)`,
      ratio: round(bytes / small),
      target: '≤ 200 MB',
      pass: bytes <= 200e6,
    });
    return [row(big, '400 MB'), row(huge, '4 GB')];
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Figure 8: `drloop history` over 10,000 bundles under one prefix on s3rver,
// vs a plain paginated ListObjectsV2 of the same prefix.

/** s3rver in its own process (pagination needs --openssl-legacy-provider there). */
export async function startS3rver(dir, bucket, ROOT) {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', join(ROOT, 'test/history/s3rver.mjs'), dir, bucket], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (c) => {
      buf += c;
      if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]).port);
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited ${code}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}

/**
 * One real bundle made by `drloop evidence` from a planted drill, then stored
 * 10,000 times under `bench/plan-NN/bundles/` as collect-evidence stores it
 * (bundle, manifest copy, `.sha256` naming both; a pointer per plan), each
 * copy with its own date and RTO in the manifest, so every row differs.
 */
export async function seedHistory({ ROOT, endpoint, bucket, count, plans, work }) {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const ev = join(work, 'ev');
  mkdirSync(join(ev, 'runs', 'r1'), { recursive: true });
  const summary = {
    schema: 'drloop.drill-summary/v1',
    runId: 'r1',
    plan: { name: 'plan', path: 'dr/plan.yml', sha256: 'a'.repeat(64) },
    mode: 'drill',
    status: 'succeeded',
    reason: null,
    dryRun: false,
    decision: 'allow',
    alert: null,
    objectives: { rtoSeconds: 3600, rpoSeconds: 300 },
    incidentStart: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:00Z',
    endedAt: '2026-01-01T00:30:00Z',
    rtoSeconds: 600,
    rpoSeconds: 30,
    rtoMet: true,
    rpoMet: true,
    lastPhase: 'teardown',
    phases: [],
  };
  writeFileSync(join(ev, 'runs', 'r1', 'drill.summary.json'), JSON.stringify(summary));
  const out = join(work, 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'cli/dist/index.js'), 'evidence', '--evidence-dir', ev, '--output-dir', out, '--json'], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`figure 8: drloop evidence exited ${r.status}: ${r.stderr}`);
  const made = JSON.parse(r.stdout);
  const bundle = readFileSync(join(work, made['bundle-path']));
  const manifest = JSON.parse(readFileSync(join(work, made['manifest-path']), 'utf8'));
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  const bundleSha = sha(bundle);
  const jobs = [];
  const t0 = Date.parse('2020-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const plan = `plan-${String(i % plans).padStart(2, '0')}`;
    const date = new Date(t0 + i * 3600_000).toISOString();
    const name = `${date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-nogit-${i}.tar.gz`;
    const stem = name.replace(/\.tar\.gz$/, '');
    const m = {
      ...manifest,
      createdAt: date,
      bundle: name,
      summary: { ...manifest.summary, plan, date, rtoSeconds: 500 + (i % 97) * 3 },
      drill: { ...manifest.drill, plan: { ...manifest.drill.plan, name: plan }, startedAt: date },
    };
    const mBytes = Buffer.from(`${JSON.stringify(m, null, 2)}\n`);
    const base = `bench/${plan}/bundles`;
    jobs.push([`${base}/${name}`, bundle], [`${base}/${stem}.manifest.json`, mBytes], [`${base}/${name}.sha256`, `${bundleSha}  ${name}\n${sha(mBytes)}  ${stem}.manifest.json\n`]);
    if (i >= count - plans) {
      const pointer = {
        schema: 'drloop.evidence-pointer/v1',
        bundle_uri: `s3://${bucket}/${base}/${name}`,
        bundle_sha256: bundleSha,
        bundle_size: bundle.length,
        created_at: date,
        git_sha: null,
        run_id: null,
      };
      jobs.push([`bench/${plan}/current.json`, JSON.stringify(pointer)]);
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let j = next++; j < jobs.length; j = next++) await client.send(new PutObjectCommand({ Bucket: bucket, Key: jobs[j][0], Body: jobs[j][1] }));
    }),
  );
  client.destroy();
  return { objects: jobs.length };
}

/** The baseline: every page of ListObjectsV2 over the prefix, with the same SDK, in a process of its own. */
const LIST_SCRIPT = `
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
const [endpoint, bucket, prefix] = process.argv.slice(1);
const c = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
let token, n = 0;
do {
  const page = await c.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }));
  n += (page.Contents ?? []).length;
  token = page.IsTruncated ? page.NextContinuationToken : undefined;
} while (token);
c.destroy();
console.log(JSON.stringify({ keys: n }));
`;

async function figureHistory({ median, round, ROOT }) {
  const count = Number(process.env.BENCH_HISTORY_BUNDLES ?? 10_000);
  const plans = 20;
  const bucket = 'drloop-bench-history';
  const work = mkdtempSync(join(tmpdir(), 'drloop-bench-history-'));
  const s3 = await startS3rver(join(work, 's3'), bucket, ROOT);
  try {
    let t = performance.now();
    const seeded = await seedHistory({ ROOT, endpoint: s3.endpoint, bucket, count, plans, work });
    log(`stored ${count} bundles (${seeded.objects} objects) on s3rver in ${round((performance.now() - t) / 1000, 1)} s`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
    const rounds = Number(process.env.BENCH_ROUNDS_7 ?? 3);
    const hist = [];
    const list = [];
    const rss = [];
    for (let i = 0; i < rounds; i++) {
      const runList = () => {
        const r = runMeasured([process.execPath, '--input-type=module', '-e', LIST_SCRIPT, s3.endpoint, bucket, 'bench/'], { cwd: ROOT, env, statsDir: work });
        const keys = JSON.parse(r.stdout).keys;
        if (keys !== seeded.objects) throw new Error(`figure 8: the list saw ${keys} keys, expected ${seeded.objects}`);
        list.push(r.ms);
        log(`ListObjectsV2 of ${keys} keys: ${round(r.ms / 1000, 2)} s`);
      };
      const runHistory = () => {
        const args = [
          join(ROOT, 'cli/dist/index.js'),
          'history',
          `s3://${bucket}/bench`,
          '--format',
          'json',
          '--concurrency',
          process.env.BENCH_HISTORY_CONCURRENCY ?? '16',
          '--s3-endpoint',
          s3.endpoint,
          '--s3-force-path-style',
          '--s3-checksum',
          'when-required',
        ];
        const r = runMeasured([process.execPath, ...args], { cwd: work, env, statsDir: work });
        const h = JSON.parse(r.stdout);
        const runs = h.plans.reduce((n, p) => n + p.runs.length, 0);
        const recorded = h.plans.every((p) => p.runs.every((x) => x.integrity === 'recorded'));
        if (h.bundles !== count || runs !== count || h.plans.length !== plans || !recorded)
          throw new Error(`figure 8: history saw ${h.bundles} bundles, ${runs} runs in ${h.plans.length} plans (all recorded: ${recorded})`);
        hist.push(r.ms);
        rss.push(r.maxRssBytes);
        log(`drloop history of ${count} bundles: ${round(r.ms / 1000, 2)} s, peak RSS ${r.maxRssBytes === null ? '?' : round(r.maxRssBytes / 1e6, 1)} MB`);
      };
      if (i % 2 === 0) {
        runList();
        runHistory();
      } else {
        runHistory();
        runList();
      }
    }
    const h = median(hist);
    const b = median(list);
    const peak = rss.includes(null) ? null : Math.max(...rss);
    return [
      {
        figure: 8,
        name: `drloop history, ${count} bundles of ${plans} plans under one prefix on s3rver (paginated list + ${count} manifest copies and .sha256 files, 16 at a time)`,
        value: `${round(h / 1000, 2)} s`,
        baseline: `${round(b / 1000, 2)} s (ListObjectsV2 of the same ${seeded.objects} keys, every page)`,
        ratio: round(h / b),
        target: '< 60 s',
        pass: h < 60_000,
      },
      {
        figure: 8,
        name: `drloop history, ${count} bundles: peak RSS of the process`,
        value: peak === null ? 'not measured (no /usr/bin/time)' : `${round(peak / 1e6, 1)} MB`,
        baseline: '—',
        ratio: null,
        target: '≤ 200 MB',
        pass: peak === null ? null : peak <= 200e6,
      },
    ];
  } finally {
    await s3.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Figure 9: the restore drill (`drloop drill --scenario restore`) against the
// restore plan's objectives, and its restore throughput: MB of archived WAL
// the restored instance replayed per second (the drill's
// restore.replay.mbPerSecond, from `pg_ctl start` to the newest archived file
// replayed) beside PostgreSQL's own replay of the same WAL in the same run.
// After each drill the kept archive is read back, and the same base backup is
// restored into a fresh data directory with `restore_command = cp` from a
// local directory holding the same WAL files, timed from `pg_ctl start` to
// the replay LSN the drill reached (bench/src/restore-baseline.ts).

// The drill keeps its archive (`--keep`) for the baseline; it and the baseline put
// everything under one temporary directory (TMPDIR), removed after each round
// whatever happened. PostgreSQL's account (under root) must be able to pass it.
function runRestoreDrill(ROOT, tmp) {
  const out = join(tmp, 'out');
  const args = [join(ROOT, 'cli/dist/index.js'), 'drill', '--scenario', 'restore', '--json', '--keep', '--out', out];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, TMPDIR: tmp } });
  if (r.status !== 0) throw new Error(`figure 9: drloop drill --scenario restore exited ${r.status}:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
  return JSON.parse(r.stdout);
}

async function figureRestoreDrill({ buildEntry, median, round, ROOT }) {
  const baselineTool = buildEntry('restore-baseline');
  const rounds = Number(process.env.BENCH_ROUNDS_9 ?? 3);
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const tmp = mkdtempSync(join(tmpdir(), 'drloop-bench-restore-'));
    chmodSync(tmp, 0o711);
    try {
      const result = runRestoreDrill(ROOT, tmp);
      const { replay, baseBackup } = result.restore;
      const work = result.kept.find((k) => k.includes('drloop-drill-'));
      if (!work || !baseBackup || replay.mbPerSecond === null) throw new Error(`figure 9: the drill kept no archive or reported no replay (${JSON.stringify(replay)})`);
      const b = spawnSync(process.execPath, [baselineTool, join(work, 's3-archive'), baseBackup.key, replay.newestArchived, replay.replayLsn], {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, TMPDIR: tmp },
      });
      if (b.status !== 0) throw new Error(`figure 9: the plain replay exited ${b.status}:\n${b.stderr.split('\n').slice(-15).join('\n')}`);
      const base = JSON.parse(b.stdout.trim().split('\n').at(-1));
      if (base.walBytes !== replay.walBytes) throw new Error(`figure 9: the plain replay read ${base.walBytes} bytes of WAL, the drill ${replay.walBytes}`);
      log(
        `restore drill ${i + 1}/${rounds}: ${result.status}, target ${result.target}, RTO ${result.rto.seconds} s, RPO ${result.rpo.seconds} s; replayed ${replay.walFiles} WAL files (${round(replay.walBytes / MIB, 1)} MB) at ${replay.mbPerSecond} MB/s in ${replay.replaySeconds} s, plain cp replay ${base.mbPerSecond} MB/s in ${base.replaySeconds} s`,
      );
      runs.push({ result, base });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const rs = runs.map((x) => x.result);
  const ok = rs.every((r) => r.status === 'succeeded' && r.rto.met && r.rpo.met && r.restore.instanceIsChosenTarget);
  const rto = median(rs.map((r) => r.rto.seconds));
  const rpo = median(rs.map((r) => r.rpo.seconds));
  const lag = median(rs.map((r) => r.restore.archive.archiveLagSeconds));
  const lost = rs.reduce((n, r) => n + r.transactions.missingBeforeFailure, 0);
  const acked = rs.reduce((n, r) => n + r.transactions.acknowledgedBeforeFailure, 0);
  const holes = rs.reduce((n, r) => n + r.transactions.holes, 0);
  const drloop = median(rs.map((r) => r.restore.replay.mbPerSecond));
  const plain = median(runs.map((x) => x.base.mbPerSecond));
  const ratio = median(runs.map((x) => x.result.restore.replay.mbPerSecond / x.base.mbPerSecond));
  const walMb = median(rs.map((r) => r.restore.replay.walBytes / MIB));
  const n = rs.length;
  return [
    {
      figure: 9,
      name: `restore drill: RTO (alert start → validate passed on the instance restored from the S3 archive; median of ${n})`,
      value: `${round(rto, 2)} s`,
      baseline: `objective ${rs[0].rto.objectiveSeconds} s`,
      ratio: round(rto / rs[0].rto.objectiveSeconds, 3),
      target: 'within the objective',
      pass: ok,
    },
    {
      figure: 9,
      name: `restore drill: RPO (failure − newest transaction restored; median of ${n}); acknowledged transactions lost, holes`,
      value: `${round(rpo, 3)} s (archive lag ${round(lag, 3)} s); ${lost} of ${acked} lost, ${holes} holes`,
      baseline: `objective ${rs[0].rpo.objectiveSeconds} s`,
      ratio: round(rpo / rs[0].rpo.objectiveSeconds, 4),
      target: 'within the objective, > 0 s (unarchived WAL is lost), no holes',
      pass: ok && rpo > 0 && holes === 0,
    },
    {
      figure: 9,
      name: `restore drill: WAL replay throughput through restore_command from S3 (${round(walMb, 1)} MB of WAL; median of ${n})`,
      value: `${round(drloop, 2)} MB/s (${round(median(rs.map((r) => r.restore.replay.replaySeconds)), 3)} s)`,
      baseline: `${round(plain, 2)} MB/s (${round(median(runs.map((x) => x.base.replaySeconds)), 3)} s; PostgreSQL replaying the same base backup and WAL with restore_command = cp from a local directory)`,
      ratio: round(ratio, 2),
      target: '≥ 0.5× of the plain local replay',
      pass: ratio >= 0.5,
    },
  ];
}

export const FIGURES = { 3: figureEvidence, 4: figureExecutor, 5: figureRelay, 6: figureDrill, 7: figureStepOutput, 8: figureHistory, 9: figureRestoreDrill };
