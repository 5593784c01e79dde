/**
 * The cost gate cannot be turned off by its data: an artefact dated in the
 * future never wins "newest" and is never silent, and costs that add up past
 * what a number can hold are refused with the file and key, never printed as
 * `Infinity.undefined USD`. Through the library and the bundled CLI.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArtefact } from '../../src/cost/artefacts.js';
import { decide, MAX_CLOCK_SKEW_SECONDS } from '../../src/cost/decide.js';
import { formatMoney } from '../../src/cost/money.js';
import { policyFileSchema, resolvePolicy, type LoadedPolicy } from '../../src/cost/policy.js';
import { isConfigurationError } from '../../src/errors.js';
import { runCli, tempWorkspace } from '../support/run-action.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

function policy(raw: Record<string, unknown> = {}) {
  const full = { version: 1, budget: { monthly: 5000, spent: 4000 }, 'max-age': '7d', targets: [{ name: 'azure' }], ...raw };
  const loaded: LoadedPolicy = { path: 'policy.yml', sha256: 'x', file: policyFileSchema.parse(full), raw: full };
  return resolvePolicy(loaded, 'dr');
}

const run = (name: string, hourly: number | string, generatedAt: string) =>
  parseArtefact(`cost/azure/${name}.json`, Buffer.from(JSON.stringify({ schema: 'drloop.cost-run/v1', component: 'netbox', target: 'azure', kind: 'dr', currency: 'USD', hourly, generatedAt })));

describe('an artefact dated in the future', () => {
  test('a zero-cost artefact dated 2099 does not turn block into allow: it is ignored, and the decision says why', () => {
    const real = run('cost-run-1', 50, '2026-11-23T06:00:00Z');
    const forged = run('cost-run-2099', 0, '2099-01-01T00:00:00Z');
    const d = decide(policy(), [real, forged], { now: NOW });
    expect(d.decision).toBe('block');
    expect(d.artefacts.find((a) => a.path === forged.path)).toMatchObject({ use: 'ignored' });
    expect(d.artefacts.find((a) => a.path === forged.path)!.note).toMatch(
      /^dated in the future: generatedAt 2099-01-01T00:00:00Z is .* ahead of the clock \(2026-11-23T12:00:00.000Z\), more than the 5m 00s of clock skew allowed$/,
    );
    expect(d.artefacts.find((a) => a.path === real.path)!.use).toBe('used');
    expect(d.reasons).toContainEqual(expect.stringMatching(/^azure: cost\/azure\/cost-run-2099\.json ignored: dated in the future/));
  });

  test('alone, it leaves the target without artefacts (policy missing applies) and warns at least', () => {
    const d = decide(policy({ missing: 'warn' }), [run('cost-run-2099', 0, '2099-01-01T00:00:00Z')], { now: NOW });
    expect(d.decision).toBe('warn');
    expect(d.targets[0]!.hourlyCost).toBeNull();
    const blocked = decide(policy(), [run('cost-run-2099', 0, '2099-01-01T00:00:00Z')], { now: NOW });
    expect(blocked.decision).toBe('block');
  });

  test('next to a cheap real artefact it still warns, so a forged file is never silent', () => {
    const d = decide(policy({ budget: { monthly: 100000, spent: 0 } }), [run('cost-run-1', 1, '2026-11-23T06:00:00Z'), run('cost-run-2099', 0, '2099-01-01T00:00:00Z')], { now: NOW });
    expect(d.decision).toBe('warn');
  });

  test(`up to ${MAX_CLOCK_SKEW_SECONDS / 60} minutes ahead is clock skew: used, and newest`, () => {
    const older = run('cost-run-1', 50, '2026-11-23T06:00:00Z');
    const skewed = run('cost-run-2', 1, '2026-11-23T12:04:00Z');
    const d = decide(policy({ budget: { monthly: 100000, spent: 0 } }), [older, skewed], { now: NOW });
    expect(d.artefacts.find((a) => a.path === skewed.path)!.use).toBe('used');
    expect(d.artefacts.find((a) => a.path === older.path)!.use).toBe('superseded');
    expect(d.decision).toBe('allow');
  });
});

describe('costs that overflow', () => {
  test('two artefacts whose hourly costs add up past the largest number are a ConfigurationError naming the target and the files', () => {
    const a = parseArtefact(
      'cost/azure/a.json',
      Buffer.from(JSON.stringify({ schema: 'drloop.cost-run/v1', component: 'a', target: 'azure', kind: 'dr', currency: 'USD', hourly: '1e308', generatedAt: '2026-11-23T06:00:00Z' })),
    );
    const b = parseArtefact(
      'cost/azure/b.json',
      Buffer.from(JSON.stringify({ schema: 'drloop.cost-run/v1', component: 'b', target: 'azure', kind: 'dr', currency: 'USD', hourly: 1e308, generatedAt: '2026-11-23T06:00:00Z' })),
    );
    const err = (() => {
      try {
        decide(policy({ budget: { monthly: 1e308, spent: 0 } }), [a, b], { now: NOW });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isConfigurationError(err)).toBe(true);
    expect((err as Error).message).toBe(
      "target 'azure': the hourly costs of cost/azure/a.json, cost/azure/b.json add up: the result is more than drloop can represent (Infinity); check the artefacts' costs and the policy's figures",
    );
  });

  test('an hourly cost times expected-hours that overflows is refused too', () => {
    expect(() => decide(policy({ incident: { 'expected-hours': 1e10 } }), [run('big', 1e300, '2026-11-23T06:00:00Z')], { now: NOW })).toThrow(
      /^target 'azure': 1e\+300\/h × incident.expected-hours 10000000000: the result is more than drloop can represent/,
    );
  });

  test('Infracost projects whose totals overflow name the file and the key', () => {
    const data = { version: '0.2', currency: 'USD', projects: [0, 1].map((i) => ({ name: `p${i}`, breakdown: { totalHourlyCost: '1.5e308', resources: [] } })) };
    expect(() => parseArtefact('cost/gcp/infracost.json', Buffer.from(JSON.stringify(data)))).toThrow(
      "cost/gcp/infracost.json: key 'projects[1].breakdown.totalHourlyCost': the costs add up to more than drloop can represent (Infinity); expected real hourly or monthly costs",
    );
  });

  test('money is never printed as Infinity.undefined', () => {
    expect(formatMoney(Number.POSITIVE_INFINITY, 'USD')).not.toContain('undefined');
  });

  test('drloop decide with overflowing artefacts exits 2 with one line naming them, and writes no record', async () => {
    const ws = await tempWorkspace();
    made.push(ws);
    await writeFile(join(ws, 'policy.yml'), 'version: 1\ncurrency: USD\nbudget: { monthly: 5000, spent: 0 }\nmax-age: 3650d\ntargets:\n  - { name: azure }\n');
    await mkdir(join(ws, 'cost'), { recursive: true });
    for (const c of ['a', 'b']) {
      await writeFile(
        join(ws, 'cost', `${c}.json`),
        JSON.stringify({ schema: 'drloop.cost-run/v1', component: c, target: 'azure', kind: 'dr', currency: 'USD', hourly: '1e308', generatedAt: '2026-11-23T06:00:00Z' }),
      );
    }
    const r = await runCli(['decide', '--policy', 'policy.yml', '--artefacts', 'cost/*.json'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("target 'azure': the hourly costs of cost/a.json, cost/b.json add up: the result is more than drloop can represent");
    expect(r.stdout + r.stderr).not.toContain('Infinity.undefined');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
