/**
 * The bundled cost-decision action (actions/cost-decision/dist/index.js), run
 * the way the runner runs it, on the real Infracost samples and on drloop's
 * own cost-run artefacts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { runAction, tempWorkspace } from '../support/run-action.js';
import { infracostFixture } from '../support/fixtures.js';

const RECENT = new Date(Date.now() - 3600_000).toISOString();

async function put(ws: string, rel: string, content: string | object): Promise<void> {
  await mkdir(dirname(join(ws, rel)), { recursive: true });
  await writeFile(join(ws, rel), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

function costRun(target: string, hourly: number, extra: object = {}) {
  return { schema: 'drloop.cost-run/v1', component: 'netbox', target, kind: 'dr', currency: 'USD', hourly, generatedAt: RECENT, runId: '1', ...extra };
}

const POLICY = `version: 1
currency: USD
budget: { monthly: 5000, spent: 3200 }
thresholds: { warn: 0.8, block: 1.0 }
incident: { expected-hours: 72 }
max-age: 7d
missing: block
targets:
  - { name: azure, credits: 1000, artefacts: "docs/proof/cost/azure/**" }
  - { name: gcp,   credits: 0,    artefacts: "docs/proof/cost/gcp/**" }
modes:
  burst: { thresholds: { warn: 0.7, block: 0.9 } }
  drill: { incident: { expected-hours: 2 } }
`;

async function workspace(files: Record<string, string | object> = {}): Promise<string> {
  const ws = await tempWorkspace();
  await put(ws, 'policy.yml', POLICY);
  for (const [rel, content] of Object.entries(files)) await put(ws, rel, content);
  return ws;
}

async function records(ws: string): Promise<any[]> {
  const dir = join(ws, 'drloop-evidence', 'cost');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
}

describe('cost-decision bundle, run as the runner runs it', () => {
  test('allows DR on the cheapest target and writes outputs, summary and record', async () => {
    const ws = await workspace({
      'docs/proof/cost/netbox/cost-run-1.json': costRun('azure', 4.2),
      'docs/proof/cost/netbox/cost-run-2.json': costRun('gcp', 3.8),
    });
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml' } });
    expect(r.code).toBe(0);
    // azure: 4.2 × 72 = 302.40, all covered by 1000 credits → net 0; gcp: 3.8 × 72 = 273.60 net.
    expect(r.outputs).toMatchObject({
      decision: 'allow',
      target: 'azure',
      currency: 'USD',
      'incident-cost': '302.40',
      'net-cost': '0.00',
      'projected-spend': '3200.00',
      'budget-ratio': '0.6400',
    });
    const reasons = JSON.parse(r.outputs.reasons!);
    expect(reasons[0]).toMatch(/^azure: 302\.40 USD for 72h at 4\.20 USD\/h, 302\.40 USD covered by credits/);
    expect(reasons.at(-1)).toBe('chose azure over gcp (allow, net 273.60 USD)');
    expect(r.summary).toContain('## ✅ Cost decision: ALLOW — dr on azure');
    expect(r.summary).toMatch(/\| 👉 \| azure \| ✅ allow \| 4\.20 USD \| 302\.40 USD \| 1,000\.00 USD \| 0\.00 USD \| 3,200\.00 USD \| 64\.0% \| ok \|/);
    const [record] = await records(ws);
    expect(r.outputs.record).toMatch(/^drloop-evidence\/cost\/decision-\d{8}T\d{6}Z-dr-[0-9a-f]{6}\.json$/);
    expect(record).toMatchObject({ schema: 'drloop.cost-decision/v1', decision: 'allow', target: 'azure', failed: false });
    expect(record.inputs.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.inputs.artefacts).toHaveLength(2);
  });

  test('reads the real Infracost samples: sums projects and warns on unknown prices and project errors', async () => {
    const ws = await workspace();
    await mkdir(join(ws, 'docs/proof/cost/azure'), { recursive: true });
    await mkdir(join(ws, 'docs/proof/cost/gcp'), { recursive: true });
    await copyFile(infracostFixture('infracost.json'), join(ws, 'docs/proof/cost/azure/infracost.json'));
    await copyFile(infracostFixture('out_with_project_error.json'), join(ws, 'docs/proof/cost/gcp/breakdown.json'));
    const policy = POLICY.replace('max-age: 7d', 'max-age: 3650d');
    await put(ws, 'policy.yml', policy);
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**/*.json' } });
    expect(r.code).toBe(0);
    // azure: 4.1473/h × 72 = 298.61, covered by credits; both are incomplete, so warn.
    expect(r.outputs).toMatchObject({ decision: 'warn', target: 'azure', 'incident-cost': '298.61', 'net-cost': '0.00' });
    const reasons: string[] = JSON.parse(r.outputs.reasons!);
    expect(reasons).toContain('azure: docs/proof/cost/azure/infracost.json is incomplete: 5 resource(s) with unknown cost (null)');
    expect(r.summary).toContain('## ⚠️ Cost decision: WARN — dr on azure');
    const [record] = await records(ws);
    const gcp = record.targets.find((t: any) => t.name === 'gcp');
    expect(gcp.incomplete).toBe(true);
    expect(gcp.reasons.join('\n')).toMatch(/has 1 error\(s\): Error loading Terraform modules/);
  });

  test('stale artefacts warn with their age', async () => {
    const ws = await workspace({ 'docs/proof/cost/azure/run.json': costRun('azure', 1, { generatedAt: '2026-01-01T00:00:00Z' }) });
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**/*.json', targets: 'azure' } });
    expect(r.outputs.decision).toBe('warn');
    expect(r.outputs.reasons).toMatch(/docs\/proof\/cost\/azure\/run\.json is \d+d \d+h old, older than max-age 7d 0h \(stale\)/);
  });

  test('a block fails the step after outputs, record and summary are written', async () => {
    const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', 30) });
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**/*.json' } });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ decision: 'block', target: 'gcp', 'projected-spend': '5360.00', 'budget-ratio': '1.0720' });
    expect(r.summary).toContain('## ⛔ Cost decision: BLOCK');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^cost-decision: decision is block for gcp \(fail-on: block\): gcp: /);
    expect(await records(ws)).toEqual([expect.objectContaining({ decision: 'block', failed: true })]);
    // azure has no artefacts: recorded as a blocked target of its own.
    expect(JSON.parse(r.outputs.reasons!).join('\n')).toContain('azure (block, net unknown)');
  });

  test.each<['never' | 'warn' | 'block', 'warn' | 'block', 0 | 1]>([
    ['warn', 'warn', 1],
    ['never', 'block', 0],
    ['block', 'warn', 0],
  ])('fail-on %s with a %s decision exits %d', async (failOn, expected, code) => {
    const hourly = expected === 'block' ? 30 : 12;
    const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', hourly) });
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', targets: 'gcp', 'fail-on': failOn } });
    expect(r.outputs.decision).toBe(expected);
    expect(r.code).toBe(code);
  });

  test('mode overrides: burst uses its own thresholds, drill its own incident length', async () => {
    const files = {
      'docs/proof/cost/gcp/dr.json': costRun('gcp', 12),
      'docs/proof/cost/gcp/burst.json': costRun('gcp', 12, { kind: 'burst', component: 'burst-pool' }),
    };
    const ws = await workspace(files);
    const inputs = { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', targets: 'gcp', 'fail-on': 'never' };
    const dr = await runAction('cost-decision', { workspace: ws, inputs: { ...inputs, mode: 'dr' } });
    const burst = await runAction('cost-decision', { workspace: ws, inputs: { ...inputs, mode: 'burst' } });
    const drill = await runAction('cost-decision', { workspace: ws, inputs: { ...inputs, mode: 'drill' } });
    // 3200 + 12 × 72 = 4064 → 81.3%: warn under 0.8, warn under burst's 0.7 too but not block at 0.9.
    expect([dr.outputs.decision, dr.outputs['budget-ratio']]).toEqual(['warn', '0.8128']);
    expect([burst.outputs.decision, burst.outputs['budget-ratio']]).toEqual(['warn', '0.8128']);
    expect(burst.outputs.reasons).toContain('warn at 70.0%');
    // drill: 12 × 2h = 24 → 3224 → 64.5%: allow.
    expect([drill.outputs.decision, drill.outputs['incident-cost']]).toEqual(['allow', '24.00']);
  });

  test('bad inputs are listed together, named, with no stack trace and no record', async () => {
    const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', 1) });
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', mode: 'failover', 'fail-on': 'sometimes' } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `cost-decision: invalid input: input 'mode': Invalid option: expected one of "dr"|"burst"|"drill"; input 'fail-on': Invalid option: expected one of "block"|"warn"|"never"`,
    ]);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(await records(ws)).toEqual([]);
  });

  test.each([
    ['a malformed artefact', { 'docs/proof/cost/gcp/run.json': '{"schema": "drloop.cost-run/v1",' }, {}, /^cost-decision: docs\/proof\/cost\/gcp\/run\.json: malformed JSON/],
    ['a NaN cost', { 'docs/proof/cost/gcp/run.json': costRun('gcp', 'NaN' as unknown as number) }, {}, /run\.json: key 'hourly': expected a cost \(a non-negative decimal\), got "NaN"/],
    ['a glob that matches nothing', {}, { artefacts: 'docs/proof/cost/nothing/*.json' }, /input 'artefacts': no files match 'docs\/proof\/cost\/nothing\/\*\.json'/],
    ['a glob escaping the workspace', {}, { artefacts: '../../etc/*.json' }, /input 'artefacts': '\.\.\/\.\.\/etc\/\*\.json' points outside the workspace/],
    ['an unknown policy key', { 'policy.yml': POLICY.replace('max-age: 7d', 'max_age: 7d') }, {}, /^cost-decision: policy\.yml: key '\(top level\)': unknown key 'max_age'/],
    ['a missing policy', {}, { policy: 'nope.yml' }, /input 'policy': 'nope\.yml' matches no file/],
    ['a currency mismatch', { 'docs/proof/cost/gcp/run.json': costRun('gcp', 1, { currency: 'EUR' }) }, {}, /run\.json: currency EUR does not match the policy's USD/],
  ])('%s is one clear error and leaves no record', async (_name, files, inputs, message) => {
    const ws = await workspace(files as Record<string, string | object>);
    const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', ...inputs } });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.stdout).not.toContain('internal error');
    expect(await records(ws)).toEqual([]);
  });

  describe('notification webhook (a local HTTP server standing in for Slack)', () => {
    let server: Server;
    let url = '';
    const received: { body: any; path: string }[] = [];
    let status = 200;
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ body: JSON.parse(body), path: req.url ?? '' });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-path`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    test('a block notifies once, with the decision, and the URL is masked', async () => {
      received.length = 0;
      status = 200;
      const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', 30) });
      const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', 'notify-webhook': url } });
      expect(r.outputs.decision).toBe('block');
      expect(received).toHaveLength(1);
      expect(received[0]!.body.text).toMatch(/^⛔ drloop cost gate: BLOCK for dr on gcp/);
      expect(r.stdout).toContain(`::add-mask::${url}`);
    });

    test('an allow does not notify; a warn notifies only with notify-on: warn', async () => {
      received.length = 0;
      const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', 12) });
      const base = { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', targets: 'gcp', 'notify-webhook': url };
      await runAction('cost-decision', { workspace: ws, inputs: base });
      expect(received).toHaveLength(0);
      await runAction('cost-decision', { workspace: ws, inputs: { ...base, 'notify-on': 'warn' } });
      expect(received).toHaveLength(1);
      expect(received[0]!.body.text).toMatch(/WARN for dr on gcp/);
    });

    test('a failing webhook is a warning; the decision and record stand', async () => {
      status = 500;
      const ws = await workspace({ 'docs/proof/cost/gcp/run.json': costRun('gcp', 30) });
      const r = await runAction('cost-decision', { workspace: ws, inputs: { policy: 'policy.yml', artefacts: 'docs/proof/cost/**', 'notify-webhook': url, 'fail-on': 'never' } });
      expect(r.code).toBe(0);
      expect(r.outputs.decision).toBe('block');
      expect(r.warnings.join('\n')).toContain('notify-webhook answered HTTP 500; the decision stands and is recorded');
      expect(await records(ws)).toHaveLength(1);
    });
  });
});
