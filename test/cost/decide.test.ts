import { describe, expect, test } from '@jest/globals';
import type { CostArtefact } from '../../src/cost/artefacts.js';
import { decide, reaches } from '../../src/cost/decide.js';
import { formatMoney } from '../../src/cost/money.js';
import { policyFileSchema, resolvePolicy, type LoadedPolicy, type Mode } from '../../src/cost/policy.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function policy(raw: Record<string, unknown>, mode: Mode = 'dr') {
  const full = { version: 1, budget: { monthly: 5000, spent: 3200 }, targets: [{ name: 'azure' }, { name: 'gcp' }], ...raw };
  const loaded: LoadedPolicy = { path: 'policy.yml', sha256: 'x', file: policyFileSchema.parse(full), raw: full };
  return resolvePolicy(loaded, mode);
}

function art(target: string, hourly: number, extra: Partial<CostArtefact> = {}): CostArtefact {
  return {
    path: `cost/${target}/${extra.component ?? 'netbox'}-${extra.generatedAt ?? 'x'}.json`,
    sha256: 'h',
    format: 'drloop',
    declaredTarget: target,
    component: 'netbox',
    kind: 'dr',
    currency: 'USD',
    hourly,
    incomplete: [],
    generatedAt: '2026-11-22T12:00:00Z',
    runId: undefined,
    resources: 0,
    ...extra,
  };
}

// Each case: the policy keys that differ from the base, the artefacts, and the expected result.
const cases: {
  name: string;
  policy?: Record<string, unknown>;
  mode?: Mode;
  artefacts: CostArtefact[];
  candidates?: string[];
  decision: 'allow' | 'warn' | 'block';
  target: string;
  net?: number | null;
  reason?: RegExp;
}[] = [
  { name: 'cheap incident on both targets allows the cheaper', artefacts: [art('azure', 4), art('gcp', 3)], decision: 'allow', target: 'gcp', net: 216 },
  {
    name: 'credits make the pricier target cheaper net',
    policy: { targets: [{ name: 'azure', credits: 1000 }, { name: 'gcp' }] },
    artefacts: [art('azure', 10), art('gcp', 3)],
    decision: 'allow',
    target: 'azure',
    net: 0,
  },
  {
    name: 'credits never make net cost negative',
    policy: { targets: [{ name: 'azure', credits: 99999 }, { name: 'gcp' }] },
    artefacts: [art('azure', 1), art('gcp', 1)],
    decision: 'allow',
    target: 'azure',
    net: 0,
  },
  { name: 'equal net cost ties go to policy order', artefacts: [art('gcp', 3), art('azure', 3)], decision: 'allow', target: 'azure', net: 216 },
  {
    name: 'tie in policy order follows the policy, not artefact order',
    policy: { targets: [{ name: 'gcp' }, { name: 'azure' }] },
    artefacts: [art('azure', 3), art('gcp', 3)],
    decision: 'allow',
    target: 'gcp',
  },
  // 3200 + 72h × 12 = 4064 → 81.3% ≥ warn 0.8
  {
    name: 'projected spend over the warn threshold warns',
    artefacts: [art('azure', 12)],
    candidates: ['azure'],
    decision: 'warn',
    target: 'azure',
    reason: /81\.3% of the 5,000\.00 USD monthly budget \(warn at 80\.0%\)/,
  },
  // 3200 + 72h × 25 = 5000 → exactly 100% = block
  { name: 'projected spend exactly at the block threshold blocks', artefacts: [art('azure', 25)], candidates: ['azure'], decision: 'block', target: 'azure', reason: /block at 100\.0%/ },
  { name: 'a better decision wins over a lower cost', artefacts: [art('azure', 12), art('gcp', 30)], decision: 'warn', target: 'azure' },
  {
    name: 'allow beats warn even when it costs more',
    artefacts: [art('azure', 12), art('gcp', 11)],
    policy: { targets: [{ name: 'azure', credits: 300 }, { name: 'gcp' }] },
    decision: 'allow',
    target: 'azure',
  },
  { name: 'every target over budget blocks and still names the cheapest', artefacts: [art('azure', 40), art('gcp', 30)], decision: 'block', target: 'gcp' },
  { name: 'a target with no artefacts blocks under missing: block', artefacts: [art('azure', 40)], candidates: ['gcp'], decision: 'block', target: 'gcp', net: null, reason: /gcp: no cost artefacts/ },
  { name: 'a target with no artefacts warns under missing: warn', policy: { missing: 'warn' }, artefacts: [], candidates: ['gcp'], decision: 'warn', target: 'gcp', net: null },
  { name: 'a priced target beats a missing one under missing: warn', policy: { missing: 'warn' }, artefacts: [art('azure', 1)], decision: 'allow', target: 'azure' },
  {
    name: 'stale artefacts warn',
    artefacts: [art('azure', 1, { generatedAt: '2026-11-01T00:00:00Z' })],
    candidates: ['azure'],
    decision: 'warn',
    target: 'azure',
    reason: /older than max-age 7d 0h \(stale\)/,
  },
  {
    name: 'max-age from the policy decides staleness',
    policy: { 'max-age': '30d' },
    artefacts: [art('azure', 1, { generatedAt: '2026-11-01T00:00:00Z' })],
    candidates: ['azure'],
    decision: 'allow',
    target: 'azure',
  },
  {
    name: 'incomplete data warns',
    artefacts: [art('azure', 1, { incomplete: ['2 resource(s) with unknown cost (null)'] })],
    candidates: ['azure'],
    decision: 'warn',
    target: 'azure',
    reason: /incomplete: 2 resource\(s\) with unknown cost/,
  },
  {
    name: 'the newest artefact of a component replaces older ones',
    artefacts: [art('azure', 40, { generatedAt: '2026-11-20T00:00:00Z' }), art('azure', 1, { generatedAt: '2026-11-22T00:00:00Z' })],
    candidates: ['azure'],
    decision: 'allow',
    target: 'azure',
    net: 72,
  },
  {
    name: 'different components of one target add up',
    artefacts: [art('azure', 10, { component: 'netbox' }), art('azure', 10, { component: 'jenkins' })],
    candidates: ['azure'],
    decision: 'warn',
    target: 'azure',
    net: 1440,
  },
  {
    name: 'burst mode uses burst artefacts and the burst thresholds',
    mode: 'burst',
    policy: { modes: { burst: { thresholds: { warn: 0.6, block: 0.9 } } } },
    artefacts: [art('azure', 1, { kind: 'burst' }), art('azure', 50, { kind: 'dr', component: 'other' })],
    candidates: ['azure'],
    decision: 'warn',
    target: 'azure',
    net: 72,
  },
  {
    name: 'drill mode overrides the incident length',
    mode: 'drill',
    policy: { modes: { drill: { incident: { 'expected-hours': 2 } } } },
    artefacts: [art('azure', 100)],
    candidates: ['azure'],
    decision: 'allow',
    target: 'azure',
    net: 200,
  },
  { name: 'baseline artefacts do not price an incident', artefacts: [art('azure', 100, { kind: 'baseline' })], candidates: ['azure'], decision: 'block', target: 'azure', net: null },
  {
    name: 'artefacts without a target go to the first policy target whose glob matches',
    policy: {
      targets: [
        { name: 'azure', artefacts: 'cost/az/**' },
        { name: 'gcp', artefacts: 'cost/**' },
      ],
    },
    artefacts: [art('x', 1, { declaredTarget: undefined, path: 'cost/az/a.json' }), art('x', 2, { declaredTarget: undefined, path: 'cost/g/b.json', component: 'g' })],
    decision: 'allow',
    target: 'azure',
    net: 72,
  },
  { name: 'input targets restrict the candidates', artefacts: [art('azure', 4), art('gcp', 3)], candidates: ['azure'], decision: 'allow', target: 'azure' },
];

describe('decide', () => {
  test.each(cases)('$name', (c) => {
    const d = decide(policy(c.policy ?? {}, c.mode), c.artefacts, { now: NOW, ...(c.candidates ? { candidates: c.candidates } : {}) });
    expect({ decision: d.decision, target: d.target }).toEqual({ decision: c.decision, target: c.target });
    const chosen = d.targets.find((t) => t.name === d.target)!;
    if (c.net !== undefined) expect(chosen.netCost).toBe(c.net);
    if (c.reason) expect(d.reasons.join('\n')).toMatch(c.reason);
  });

  test('figures follow incident = hourly × hours, net = incident − credits, ratio = projected / monthly', () => {
    const d = decide(policy({ targets: [{ name: 'azure', credits: 100 }] }), [art('azure', 4.2)], { now: NOW });
    expect(d.targets[0]).toMatchObject({ hourlyCost: 4.2, incidentCost: 302.4, netCost: 202.4, projectedSpend: 3402.4, budgetRatio: 0.6805 });
  });

  test('a currency that differs from the policy is an error, not a conversion', () => {
    expect(() => decide(policy({}), [art('azure', 1, { currency: 'EUR' })], { now: NOW })).toThrow(/currency EUR does not match the policy's USD/);
  });

  test('a candidate that is not in the policy is an error naming it', () => {
    expect(() => decide(policy({}), [], { now: NOW, candidates: ['aws'] })).toThrow(/input 'targets': 'aws' not in the policy/);
  });

  test('artefacts for unknown targets are ignored with a note, not counted', () => {
    const d = decide(policy({}), [art('azure', 1), art('aws', 99)], { now: NOW });
    const aws = d.artefacts.find((a) => a.path.includes('aws'))!;
    expect(aws).toMatchObject({ use: 'ignored', note: "target 'aws' is not in the policy" });
  });

  test.each<['allow' | 'warn' | 'block', 'never' | 'warn' | 'block', boolean]>([
    ['allow', 'block', false],
    ['warn', 'block', false],
    ['block', 'block', true],
    ['warn', 'warn', true],
    ['allow', 'warn', false],
    ['block', 'never', false],
  ])('%s reaches fail-on %s: %s', (decision, failOn, expected) => {
    expect(reaches(decision, failOn)).toBe(expected);
  });
});

describe('formatMoney', () => {
  test.each([
    [0, '0.00 USD'],
    [4.2, '4.20 USD'],
    [1234.5, '1,234.50 USD'],
    [1234567.891, '1,234,567.89 USD'],
    [-2241.684, '-2,241.68 USD'],
    [-0.001, '0.00 USD'],
    [null, 'unknown'],
  ])('%p is %p', (n, text) => {
    expect(formatMoney(n, 'USD')).toBe(text);
  });
});
