/**
 * `drloop history` against a real S3-protocol server (s3rver) holding bundles
 * made by drloop's real bundling and upload code: fresh, stale, failing,
 * regressed, tampered and older-format ones.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/evidence/s3.js';
import { parseInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { buildHistory, type History } from '../../src/history/history.js';
import { historyHtml, historyJsonPieces, historyMarkdown } from '../../src/history/render.js';
import { historyInputs, runHistory } from '../../src/history/run.js';
import { directoryStore, s3Store } from '../../src/history/store.js';
import { runCli, tempWorkspace } from '../support/run-action.js';
import { BUCKET, makeBundle, S3_ENV, startS3Process, type S3Process } from './support.js';

let s3: S3Process;
const saved: Record<string, string | undefined> = {};
const NOW = Date.now();
const DAY = 86400;

beforeAll(async () => {
  for (const [k, v] of Object.entries(S3_ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  s3 = await startS3Process();
  // netbox: five good drills, the fourth twice as slow as before (a regression).
  for (const [daysAgo, rto] of [
    [40, 600],
    [30, 620],
    [20, 580],
    [10, 1500],
    [5, 610],
  ] as const) {
    await makeBundle({ plan: 'netbox', daysAgo, rtoSeconds: rto, target: 'azure', decision: daysAgo === 10 ? 'warn' : 'allow' }, { now: NOW, s3, prefix: 'prod/netbox' });
  }
  // gitlab: its only good drill is 120 days old.
  await makeBundle({ plan: 'gitlab', daysAgo: 120 }, { now: NOW, s3, prefix: 'prod/gitlab' });
  // vault: good 20 days ago, then a drill that missed the RPO objective.
  await makeBundle({ plan: 'vault', daysAgo: 20 }, { now: NOW, s3, prefix: 'prod/vault' });
  await makeBundle({ plan: 'vault', daysAgo: 2, rpoSeconds: 900, rpoObjective: 300 }, { now: NOW, s3, prefix: 'prod/vault' });
  // billing: a failed drill yesterday after a good one.
  await makeBundle({ plan: 'billing', daysAgo: 12 }, { now: NOW, s3, prefix: 'prod/billing' });
  await makeBundle({ plan: 'billing', daysAgo: 1, status: 'failed', rtoSeconds: null, rpoSeconds: null }, { now: NOW, s3, prefix: 'prod/billing' });
}, 120_000);

afterAll(async () => {
  await s3?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function client() {
  return createS3Client(s3.options);
}

async function keys(prefix: string): Promise<string[]> {
  const c = client();
  try {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }));
      out.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  } finally {
    c.destroy();
  }
}

async function history(prefix: string, extra: Record<string, string> = {}, pageSize?: number): Promise<History> {
  const store = await s3Store({ bucket: BUCKET, key: prefix }, `s3://${BUCKET}/${prefix}`, s3.options, undefined, { pageSize });
  try {
    return await buildHistory({ store, now: new Date(NOW), freshnessSeconds: extra.freshness ? Number(extra.freshness) : undefined });
  } finally {
    store.close();
  }
}

function run(source: string, raw: Record<string, string> = {}) {
  return runHistory(parseInputs(historyInputs, { source, 's3-endpoint': s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required', ...raw }), {
    workspace: tmpdir(),
    logger: new MemoryLogger(),
    now: () => new Date(NOW),
    s3Region: 'us-east-1',
  });
}

describe('what collect-evidence stores for history', () => {
  test('each bundle has its manifest copy and a .sha256 file naming both beside it; the manifest has a summary block', async () => {
    const all = await keys('prod/vault/');
    expect(all.filter((k) => k.endsWith('.tar.gz'))).toHaveLength(2);
    for (const bundle of all.filter((k) => k.endsWith('.tar.gz'))) {
      const stem = bundle.replace(/\.tar\.gz$/, '');
      expect(all).toEqual(expect.arrayContaining([`${bundle}.sha256`, `${stem}.manifest.json`]));
    }
    const c = client();
    try {
      const manifestKey = all.find((k) => k.endsWith('.manifest.json'))!;
      const body = await (await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: manifestKey }))).Body!.transformToString();
      const manifest = JSON.parse(body);
      expect(manifest.summary).toMatchObject({ plan: 'vault', mode: 'drill', target: 'azure', decision: 'allow', status: 'succeeded', rtoSeconds: 600, rtoObjectiveSeconds: 3600, rtoMet: true });
      expect(manifest.summary.runUrl).toMatch(/^https:\/\/github\.com\/acme\/dr\/actions\/runs\/\d+$/);
      const sums = await (await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${manifestKey.replace(/\.manifest\.json$/, '.tar.gz')}.sha256` }))).Body!.transformToString();
      expect(
        sums
          .trim()
          .split('\n')
          .map((l) => l.split('  ')[1]),
      ).toEqual([manifestKey.split('/').pop()!.replace('.manifest.json', '.tar.gz'), manifestKey.split('/').pop()]);
    } finally {
      c.destroy();
    }
  });
});

describe('drloop history over an S3 prefix', () => {
  test('one history per plan, one row per run, oldest first, read from the records beside the bundles (not the bundles)', async () => {
    const gets: string[] = [];
    const watched = (o: typeof s3.options) => {
      const c = createS3Client(o);
      const send = c.send.bind(c) as (cmd: unknown) => Promise<unknown>;
      (c as { send: unknown }).send = (cmd: { constructor: { name: string }; input: { Key?: string } }) => {
        if (cmd.constructor.name === 'GetObjectCommand') gets.push(cmd.input.Key!);
        return send(cmd);
      };
      return c;
    };
    const store = await s3Store({ bucket: BUCKET, key: 'prod' }, `s3://${BUCKET}/prod`, s3.options, watched);
    const h = await buildHistory({ store, now: new Date(NOW) }).finally(() => store.close());
    expect(h.bundles).toBe(10);
    // Per bundle its manifest copy and .sha256 file, per prefix its pointer; never a bundle.
    expect(gets.filter((k) => k.endsWith('.tar.gz'))).toEqual([]);
    expect(gets).toHaveLength(10 * 2 + 4);
    expect(h.plans.map((p) => [p.plan, p.runs.length])).toEqual([
      ['billing', 2],
      ['gitlab', 1],
      ['netbox', 5],
      ['vault', 2],
    ]);
    const netbox = h.plans.find((p) => p.plan === 'netbox')!;
    expect(netbox.runs.map((r) => r.rtoSeconds)).toEqual([600, 620, 580, 1500, 610]);
    expect(netbox.runs.every((r) => r.integrity === 'recorded' && r.source === 'summary' && r.problems.length === 0)).toBe(true);
    expect(netbox.runs[3]).toMatchObject({ mode: 'drill', target: 'azure', decision: 'warn', status: 'succeeded', rtoObjectiveSeconds: 3600, rpoSeconds: 30, rpoObjectiveSeconds: 300 });
    expect(netbox.runs[3]!.location).toMatch(new RegExp(`^s3://${BUCKET}/prod/netbox/bundles/.*\\.tar\\.gz$`));
  });

  test('the listing is paginated: a page of 3 keys gives the same history', async () => {
    const paged = await history('prod', {}, 3);
    const whole = await history('prod');
    expect(paged.bundles).toBe(whole.bundles);
    expect(paged.plans.map((p) => p.runs.map((r) => r.bundle))).toEqual(whole.plans.map((p) => p.runs.map((r) => r.bundle)));
  });

  test('a run slower than 1.5× the median of the earlier runs is flagged in every form', async () => {
    const h = await history('prod/netbox');
    const runs = h.plans[0]!.runs;
    expect(runs.map((r) => r.regression !== null)).toEqual([false, false, false, true, false]);
    expect(runs[3]!.regression).toEqual({ medianSeconds: 600, ratio: 2.5, previousRuns: 3 });
    const md = historyMarkdown(h);
    expect(md.match(/📈 regression: 2\.5× the median 10m 00s/g)).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(h)).plans[0].runs[3].regression.ratio).toBe(2.5);
    const html = historyHtml(h);
    expect(html.match(/<circle class="point point-rto regression"/g)).toHaveLength(1);
    expect(html.match(/<tr class="run regression">/g)).toHaveLength(1);
  });

  test('the JSON form written a plan at a time is exactly JSON.stringify of the history', async () => {
    const h = await history('prod');
    expect(h.plans.length).toBeGreaterThan(1);
    const pieces = [...historyJsonPieces(h)];
    expect(pieces.length).toBe(h.plans.length + 2);
    expect(pieces.join('')).toBe(JSON.stringify(h, null, 2));
    const none = { ...h, plans: [] };
    expect([...historyJsonPieces(none)].join('')).toBe(JSON.stringify(none, null, 2));
    const one = { ...h, plans: h.plans.slice(0, 1) };
    expect([...historyJsonPieces(one)].join('')).toBe(JSON.stringify(one, null, 2));
  });

  test('--check: fresh netbox passes; stale gitlab, RPO-missing vault and failed billing are named with their reasons', async () => {
    const result = await run(`s3://${BUCKET}/prod`, { check: 'true', freshness: '90d' });
    expect(result.windowSeconds).toBe(90 * DAY);
    expect(result.stale.map((s) => s.plan)).toEqual(['billing', 'gitlab', 'vault']);
    const reasons = Object.fromEntries(result.stale.map((s) => [s.plan, s.problems.join('\n')]));
    expect(reasons.gitlab).toMatch(/the newest successful drill \(.*\) is 120 days old, older than the 90d window/);
    expect(reasons.vault).toMatch(/the last drill \(.*\) missed its RPO objective: 900 s > 300 s/);
    expect(reasons.billing).toMatch(/the last drill \(.*\) failed/);
    const netbox = result.history.plans.find((p) => p.plan === 'netbox')!;
    expect(netbox.freshness).toMatchObject({ ok: true, problems: [], lastDrill: { status: 'succeeded' } });
    // The bundles the verdict rests on were read in full.
    expect(netbox.runs.at(-1)!.integrity).toBe('verified');
    expect(netbox.runs[0]!.integrity).toBe('recorded');
    expect(result.markdown).toMatch(/### ✅ `netbox`: 5 run\(s\), 1 RTO regression\(s\)/);
    expect(result.markdown).toMatch(/### ❌ `gitlab`: 1 run\(s\)/);
  });

  test('a window shorter than the newest good drill makes a fresh plan stale', async () => {
    const result = await run(`s3://${BUCKET}/prod/netbox`, { check: 'true', freshness: '3d' });
    expect(result.stale).toEqual([{ plan: 'netbox', problems: [expect.stringMatching(/is 5 days old, older than the 3d window$/)] }]);
  });

  test('the window comes from the cost policy (freshness.drill) when no flag is given', async () => {
    const dir = await tempWorkspace();
    const policy = 'version: 1\nbudget: { monthly: 1000 }\ntargets: [{ name: azure }]\nfreshness: { drill: 4d }\n';
    await writeFile(join(dir, 'policy.yml'), policy);
    const result = await runHistory(
      parseInputs(historyInputs, {
        source: `s3://${BUCKET}/prod/netbox`,
        check: 'true',
        policy: 'policy.yml',
        's3-endpoint': s3.endpoint,
        's3-force-path-style': 'true',
        's3-checksum': 'when-required',
      }),
      {
        workspace: dir,
        logger: new MemoryLogger(),
        now: () => new Date(NOW),
        s3Region: 'us-east-1',
      },
    );
    expect(result.windowSeconds).toBe(4 * DAY);
    expect(result.windowSource).toBe('policy.yml (freshness.drill)');
    expect(result.stale.map((s) => s.plan)).toEqual(['netbox']);
    await writeFile(join(dir, 'bad.yml'), 'version: 1\nbudget: { monthly: 1000 }\ntargets: [{ name: azure }]\nfreshness: { drill: soon }\n');
    await expect(
      runHistory(parseInputs(historyInputs, { source: `s3://${BUCKET}/prod/netbox`, check: 'true', policy: 'bad.yml' }), { workspace: dir, logger: new MemoryLogger(), now: () => new Date(NOW) }),
    ).rejects.toThrow(/bad\.yml: key 'freshness\.drill': expected a duration such as 30s, 15m, 2h or 7d, got "soon"/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('tampered and older evidence', () => {
  test('a bundle rewritten in the store fails --check: its full read does not match its .sha256 file and the pointer', async () => {
    await makeBundle({ plan: 'ledger', daysAgo: 8 }, { now: NOW, s3, prefix: 'tamper/ledger' });
    await makeBundle({ plan: 'ledger', daysAgo: 3 }, { now: NOW, s3, prefix: 'tamper/ledger' });
    const before = await run(`s3://${BUCKET}/tamper`, { check: 'true' });
    expect(before.stale).toEqual([]);
    const last = (await keys('tamper/ledger/bundles/')).filter((k) => k.endsWith('.tar.gz')).at(-1)!;
    const c = client();
    try {
      const body = Buffer.from(await (await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: last }))).Body!.transformToByteArray());
      body[body.length - 10] = body[body.length - 10]! ^ 0xff;
      await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: last, Body: body }));
    } finally {
      c.destroy();
    }
    // Without --check the records beside it still agree: the row is "recorded", not read.
    const plain = await history('tamper');
    expect(plain.plans[0]!.runs.at(-1)!.integrity).toBe('recorded');
    const after = await run(`s3://${BUCKET}/tamper`, { check: 'true' });
    expect(after.stale.map((s) => s.plan)).toEqual(['ledger']);
    const text = after.stale[0]!.problems.join('\n');
    expect(text).toMatch(/the last drill's bundle \(s3:\/\/.*\) does not verify: .*its \.sha256 file says [0-9a-f]{64}/);
    expect(text).toMatch(/the pointer says [0-9a-f]{64}/);
    expect(after.history.plans[0]!.runs.at(-1)!.integrity).toBe('mismatch');
  });

  test('a manifest copy edited to hide a failure is a mismatch against its .sha256 file', async () => {
    await makeBundle({ plan: 'dns', daysAgo: 2, status: 'failed', rtoSeconds: null }, { now: NOW, s3, prefix: 'edited/dns' });
    const key = (await keys('edited/dns/bundles/')).find((k) => k.endsWith('.manifest.json'))!;
    const c = client();
    try {
      const m = JSON.parse(await (await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString());
      m.summary.status = 'succeeded';
      m.summary.rtoSeconds = 60;
      await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: JSON.stringify(m) }));
    } finally {
      c.destroy();
    }
    const h = await history('edited');
    expect(h.plans[0]!.runs[0]!.integrity).toBe('mismatch');
    expect(h.plans[0]!.runs[0]!.problems).toEqual([expect.stringMatching(/^manifest copy: s3:\/\/.*\.manifest\.json has sha256 [0-9a-f]{64}, its \.sha256 file says [0-9a-f]{64}$/)]);
    const result = await run(`s3://${BUCKET}/edited`, { check: 'true' });
    // The forged success does not count: the plan has no successful drill.
    expect(result.stale[0]!.problems.join('\n')).toMatch(/no successful drill on record/);
  });

  test('a bundle stored before manifests went beside bundles is read in full; an older manifest without a summary still gives its row', async () => {
    await makeBundle({ plan: 'legacy', daysAgo: 6, rtoSeconds: 700 }, { now: NOW, s3, prefix: 'old/legacy' });
    const all = await keys('old/legacy/bundles/');
    const c = client();
    try {
      for (const k of all.filter((k) => !k.endsWith('.tar.gz'))) await c.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: k }));
    } finally {
      c.destroy();
    }
    const h = await history('old');
    expect(h.plans[0]!.runs[0]).toMatchObject({ plan: 'legacy', rtoSeconds: 700, integrity: 'verified', source: 'summary', problems: [] });
  });

  test('a manifest without the summary block (written before it existed) is shown from its other fields, unknowns as —', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drloop-history-dir-'));
    const made = await makeBundle({ plan: 'wiki', daysAgo: 4 }, { now: NOW, outputDir: dir });
    const manifest = JSON.parse(await readFile(made.manifestPath, 'utf8'));
    delete manifest.summary;
    delete manifest.cost;
    await writeFile(made.manifestPath, JSON.stringify(manifest));
    const store = await directoryStore(dir, dir);
    const h = await buildHistory({ store, now: new Date(NOW) });
    expect(h.plans[0]!.runs[0]).toMatchObject({ plan: 'wiki', source: 'manifest', target: null, decision: null, status: 'succeeded', rtoSeconds: 600 });
    expect(historyMarkdown(h)).toMatch(/\| drill \| — \| — \| ✅ succeeded \| 10m 00s ✅ \(≤ 1h 00m\) \|/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the drloop CLI bundle', () => {
  test('history --check exits 1 naming the stale plans; prints JSON; writes the HTML page; bad input exits 2', async () => {
    const dir = await tempWorkspace();
    const env = { ...S3_ENV, PATH: process.env.PATH ?? '' };
    const common = ['--s3-endpoint', s3.endpoint, '--s3-force-path-style', '--s3-checksum', 'when-required'];
    const check = await runCli(['history', `s3://${BUCKET}/prod`, '--check', '--freshness', '90d', '--html-file', 'h.html', ...common], { cwd: dir, env });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/STALE: plan gitlab: the newest successful drill/);
    expect(check.stderr).toMatch(/STALE: plan vault:/);
    expect(check.stderr).not.toMatch(/STALE: plan netbox/);
    expect(check.stdout).toMatch(/^## DR drill history: `s3:\/\/drloop-history-test\/prod`/);
    const html = await readFile(join(dir, 'h.html'), 'utf8');
    expect(html.match(/<section class="plan"/g)).toHaveLength(4);

    const json = await runCli(['history', `s3://${BUCKET}/prod/netbox`, '--format', 'json', ...common], { cwd: dir, env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schema: 'drloop.history/v1', bundles: 5, plans: [{ plan: 'netbox' }] });
    expect(json.stdout.endsWith('}\n')).toBe(true);

    const fresh = await runCli(['history', `s3://${BUCKET}/prod/netbox`, '--check', ...common], { cwd: dir, env });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toMatch(/fresh: 1 plan\(s\)/);

    const bad = await runCli(['history', 'no-such-dir', '--check'], { cwd: dir, env });
    expect({ code: bad.code, stderr: bad.stderr.trim() }).toEqual({ code: 2, stderr: 'drloop history: no-such-dir: no such directory' });
    const badWindow = await runCli(['history', dir, '--freshness', 'soon'], { cwd: dir, env });
    expect(badWindow.code).toBe(2);
    expect(badWindow.stderr).toMatch(/freshness.*expected a duration/);
    await rm(dir, { recursive: true, force: true });
  });
});
