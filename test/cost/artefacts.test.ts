import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parseArtefact } from '../../src/cost/artefacts.js';
import { policyFileSchema } from '../../src/cost/policy.js';
import { validateWith } from '../../src/files.js';
import { parseYamlText } from '../../src/yaml-file.js';
import { infracostFixture } from '../support/fixtures.js';

async function fixture(name: string) {
  return parseArtefact(`fixtures/${name}`, await readFile(infracostFixture(name)));
}

describe('Infracost JSON (real samples)', () => {
  test('a breakdown sums its projects and is complete', async () => {
    const a = await fixture('example_out.json');
    expect(a).toMatchObject({ format: 'infracost', currency: 'USD', incomplete: [], resources: 5, kind: undefined });
    expect(a.hourly).toBeCloseTo(1.864804794520548, 12);
    expect(a.generatedAt).toBe('2021-10-11T22:41:00.144866-04:00');
  });

  test('a diff output is priced from the new breakdown, not the diff, across all projects', async () => {
    const a = await fixture('infracost.json');
    // Five projects: the sum of their breakdown totals equals the file's own totalHourlyCost.
    expect(a.hourly).toBeCloseTo(4.1472986301369862775, 12);
    // Each project has a Lambda function priced null: unknown, never 0.
    expect(a.incomplete).toEqual(['5 resource(s) with unknown cost (null)']);
  });

  test('a multi-project diff with no change is complete', async () => {
    const a = await fixture('changes.json');
    expect(a.hourly).toBeCloseTo(2.32454794520547945, 12);
    expect(a.incomplete).toEqual([]);
  });

  test('a project error makes the data incomplete', async () => {
    const a = await fixture('out_with_project_error.json');
    expect(a.hourly).toBeCloseTo(1.785315068493150679, 12);
    expect(a.incomplete).toHaveLength(1);
    expect(a.incomplete[0]).toMatch(/^project '.*\/dev' has 1 error\(s\): Error loading Terraform modules/);
  });
});

describe('drloop cost-run artefacts', () => {
  const base = { schema: 'drloop.cost-run/v1', component: 'netbox', target: 'azure', kind: 'dr', currency: 'USD', generatedAt: '2026-11-20T06:00:00Z' };
  const parse = (v: unknown) => parseArtefact('cost/run.json', Buffer.from(JSON.stringify(v)));

  test('hourly is read as is', () => {
    expect(parse({ ...base, hourly: 4.2 })).toMatchObject({ hourly: 4.2, declaredTarget: 'azure', component: 'netbox', kind: 'dr' });
  });
  test('monthly stands for hourly at 730 hours a month', () => {
    expect(parse({ ...base, monthly: 730 }).hourly).toBe(1);
  });
  test('lines with unknown cost make the data incomplete', () => {
    expect(parse({ ...base, hourly: 1, lines: [{ resource: 'a', hourly: null }] }).incomplete).toEqual(['1 line(s) with unknown cost (null)']);
  });

  test.each([
    ['a negative cost', { ...base, hourly: -1 }, /cost\/run\.json: key 'hourly': expected a non-negative cost, got -1/],
    ['a NaN string', { ...base, hourly: 'NaN' }, /key 'hourly': expected a cost \(a non-negative decimal\), got "NaN"/],
    ['a non-numeric cost', { ...base, monthly: 'lots' }, /key 'monthly': expected a cost/],
    ['no cost at all', { ...base }, /key 'hourly': needs 'hourly' or 'monthly'/],
    ['a bad kind', { ...base, hourly: 1, kind: 'dev' }, /key 'kind': Invalid option: expected one of "dr"\|"burst"\|"baseline"/],
    ['a bad timestamp', { ...base, hourly: 1, generatedAt: 'yesterday' }, /key 'generatedAt': expected an RFC3339 timestamp/],
    ['an unknown schema', { ...base, hourly: 1, schema: 'drloop.cost-run/v9' }, /key 'schema': expected 'drloop.cost-run\/v1'/],
    ['a JSON array', [1, 2], /expected a JSON object/],
    ['an unrelated JSON object', { hello: 'world' }, /not a cost artefact/],
  ])('%s is a clear error naming the file and key', (_name, value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  test('malformed JSON names the file', () => {
    expect(() => parseArtefact('cost/broken.json', Buffer.from('{"schema": '))).toThrow(/^cost\/broken\.json: malformed JSON/);
  });

  test('a negative Infracost resource cost is an error with its key path', () => {
    const bad = { version: '0.2', currency: 'USD', projects: [{ name: 'p', breakdown: { resources: [{ name: 'r', hourlyCost: '-2' }], totalHourlyCost: '1' } }] };
    expect(() => parse(bad)).toThrow(/key 'projects\[0\]\.breakdown\.resources\[0\]\.hourlyCost': expected a non-negative cost, got "-2"/);
  });

  test('an unsupported Infracost version is refused', () => {
    expect(() => parse({ version: '0.3', projects: [] })).toThrow(/Infracost output version 0.3 is not supported/);
  });
});

describe('policy validation', () => {
  const ok = 'version: 1\nbudget: { monthly: 5000, spent: 3200 }\ntargets: [{ name: azure }]\n';
  const check = (text: string) => validateWith(policyFileSchema, parseYamlText(text, 'policy.yml'), 'policy.yml');

  test('defaults fill what the policy leaves out', () => {
    expect(check(ok)).toMatchObject({ currency: 'USD', thresholds: { warn: 0.8, block: 1 }, incident: { 'expected-hours': 72 }, 'max-age': 604800, missing: 'block' });
  });

  test.each([
    ['an unknown key', `${ok}budgt: 1\n`, /policy\.yml: key '\(top level\)': unknown key 'budgt'/],
    ['an unknown nested key', ok.replace('spent: 3200', 'spent: 3200, spnt: 1'), /key 'budget': unknown key 'spnt'/],
    ['a non-numeric budget', ok.replace('5000', '"lots"'), /key 'budget\.monthly': expected a number, got "lots"/],
    ['a negative spend', ok.replace('3200', '-5'), /key 'budget\.spent': expected a non-negative amount/],
    ['a bad duration', `${ok}max-age: soon\n`, /key 'max-age': expected a duration such as 30s, 15m, 2h or 7d, got "soon"/],
    ['warn above block', `${ok}thresholds: { warn: 1.2, block: 1.0 }\n`, /key 'thresholds\.warn': must not exceed thresholds\.block \(1\)/],
    ['a wrong version', ok.replace('version: 1', 'version: 2'), /key 'version': expected 1, got 2/],
    ['duplicate targets', ok.replace('[{ name: azure }]', '[{ name: azure }, { name: azure }]'), /key 'targets\[1\]\.name': duplicate target 'azure'/],
    ['an unknown mode', `${ok}modes: { chaos: {} }\n`, /key 'modes': unknown key 'chaos'/],
    ['a bad mode override', `${ok}modes: { burst: { thresholds: { warn: "x" } } }\n`, /key 'modes\.burst\.thresholds\.warn': expected a ratio such as 0\.8, got "x"/],
  ])('%s is a clear error', (_name, text, message) => {
    expect(() => check(text)).toThrow(message);
  });

  test('every problem is reported at once', () => {
    expect(() => check('version: 1\nbudget: { monthly: -1 }\ntargets: []\n')).toThrow(/budget\.monthly.*; key 'targets'/);
  });

  test('malformed YAML names the line', () => {
    expect(() => parseYamlText('version: 1\nbudget: { monthly: 5000\n', 'policy.yml')).toThrow(/^policy\.yml: malformed YAML at line \d+, column \d+/);
  });
});
