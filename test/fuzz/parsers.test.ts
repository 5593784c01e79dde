/**
 * Property-based fuzzing (fast-check, fixed seed, bounded runs) of the three
 * parsers that read untrusted files: Alertmanager / dispatch payloads, DR
 * plans and cost artefacts. Every input, well-formed or not, must give a
 * result or one ConfigurationError naming the source: never another error,
 * which drloop would report as its own internal failure.
 *
 * Inputs are valid documents with one value replaced by an arbitrary JSON
 * value, arbitrary JSON, arbitrary text and bytes, and YAML built from the
 * tokens that give YAML parsers trouble (anchors, aliases, tags, flow
 * collections, block scalars). A failure prints the seed and the shrunk input;
 * DRLOOP_FUZZ_SEED=<n> explores another seed.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { alertFromJson } from '../../src/alerts/alertmanager.js';
import { parseArtefact } from '../../src/cost/artefacts.js';
import { isConfigurationError } from '../../src/errors.js';
import { parseJsonText } from '../../src/files.js';
import { parsePlan } from '../../src/plan/schema.js';
import { parseYamlText } from '../../src/yaml-file.js';

const SEED = Number(process.env.DRLOOP_FUZZ_SEED ?? 20261201);
const RUNS = 400;
const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

/** Runs a parser: `ok`, or `error` for a ConfigurationError whose message names `where`; anything else is rethrown. */
function outcome(where: string, parse: () => unknown): 'ok' | 'error' {
  try {
    parse();
    return 'ok';
  } catch (err) {
    if (!isConfigurationError(err)) throw err;
    if (!err.message.startsWith(where) || err.message.includes('\n    at ')) {
      throw new Error(`not one clear error naming ${where}: ${JSON.stringify(err.message.slice(0, 300))}`);
    }
    return 'error';
  }
}

/** Every key path of a JSON value (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function replaced(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', '0', '-1', '1e400', 'NaN', 'Infinity', '0x10', '2099-01-01T00:00:00Z', 'not a date', '\u202e', '__proto__', 'constructor'),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 2 ** 53 + 1, 1e308),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'a', ''), fc.jsonValue({ maxDepth: 1 })),
);

/** A valid document with one value (or a key's value, or the whole) replaced by something odd. */
function mutations(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc.tuple(fc.constantFrom(...paths), odd).map(([p, v]) => replaced(base, p, v));
}

/** Text that parses as JSON with `__proto__` as an own key, which object literals cannot make. */
const asText = (v: unknown) => JSON.stringify(v);

const WEBHOOK = {
  version: '4',
  groupKey: '{}:{alertname="NetboxDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'drloop',
  groupLabels: { alertname: 'NetboxDown' },
  commonLabels: { alertname: 'NetboxDown', severity: 'critical' },
  commonAnnotations: { summary: 'netbox is down' },
  externalURL: 'http://alertmanager:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'NetboxDown', instance: 'netbox:8080' },
      annotations: { summary: 'netbox is down' },
      startsAt: '2026-12-01T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: '3271d0121a319aab',
    },
  ],
};
const DISPATCH = {
  schema: 'drloop.alert/v1',
  groupKey: WEBHOOK.groupKey,
  status: 'firing',
  dedupeKey: 'abc123',
  commonLabels: JSON.stringify(WEBHOOK.commonLabels),
  truncatedAlerts: '0',
  externalURL: WEBHOOK.externalURL,
  receiver: 'drloop',
  alerts: JSON.stringify(WEBHOOK.alerts),
};

describe('the Alertmanager / dispatch payload parser', () => {
  test('the valid samples parse', () => {
    expect(alertFromJson(WEBHOOK, 'a').name).toBe('NetboxDown');
    expect(alertFromJson(DISPATCH, 'a').name).toBe('NetboxDown');
    expect(alertFromJson({ client_payload: DISPATCH }, 'a').name).toBe('NetboxDown');
  });

  test('every payload gives an alert or one ConfigurationError', () => {
    const payload = fc.oneof(mutations(WEBHOOK), mutations(DISPATCH), mutations({ client_payload: DISPATCH }), fc.jsonValue({ maxDepth: 4 }));
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(payload, (p) => {
        seen[outcome('event.json', () => alertFromJson(parseJsonText(asText(p), 'event.json'), 'event.json'))] += 1;
      }),
      params,
    );
    // Both outcomes are exercised, so the property is not vacuous.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  test('every text (malformed JSON included) gives an alert or one ConfigurationError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.jsonValue().map((v) => asText(v).slice(0, -1)),
        ),
        (text) => {
          outcome('event.json', () => alertFromJson(parseJsonText(text, 'event.json'), 'event.json'));
        },
      ),
      params,
    );
  });
});

describe('the cost-artefact parser', () => {
  const dir = new URL('../../examples/cost/artefacts/', import.meta.url);
  const drloop = JSON.parse(readFileSync(new URL('azure/cost-run-1042.json', dir), 'utf8'));
  const infracost = JSON.parse(readFileSync(new URL('gcp/infracost-breakdown.json', dir), 'utf8'));

  test('every artefact gives a result or one ConfigurationError', () => {
    const doc = fc.oneof(mutations(drloop), mutations(infracost), fc.jsonValue({ maxDepth: 4 }));
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(doc, (d) => {
        seen[outcome('cost/x.json', () => parseArtefact('cost/x.json', Buffer.from(asText(d) ?? 'undefined')))] += 1;
      }),
      params,
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  test('every byte string gives a result or one ConfigurationError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.string().map((s) => Buffer.from(s)),
        ),
        (bytes) => {
          outcome('cost/x.json', () => parseArtefact('cost/x.json', Buffer.from(bytes)));
        },
      ),
      params,
    );
  });

  test('a parsed artefact always has a finite, non-negative hourly cost', () => {
    fc.assert(
      fc.property(fc.oneof(mutations(drloop), mutations(infracost)), (d) => {
        try {
          const a = parseArtefact('cost/x.json', Buffer.from(asText(d) ?? 'null'));
          expect(Number.isFinite(a.hourly) && a.hourly >= 0).toBe(true);
        } catch (err) {
          if (!isConfigurationError(err)) throw err;
        }
      }),
      params,
    );
  });
});

/** Nine levels of nine aliases each: a billion-laughs document of a few hundred bytes. */
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from({ length: 8 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

describe('the plan parser', () => {
  const planText = readFileSync(new URL('../../examples/postgres/plan.yml', import.meta.url), 'utf8');
  const plan = parseYamlText(planText, 'plan.yml');
  const parse = (text: string) => () => parsePlan(parseYamlText(text, 'plan.yml'), 'plan.yml');

  test('the example plan parses', () => {
    expect(outcome('plan.yml', parse(planText))).toBe('ok');
  });

  test('every plan document gives a plan or one ConfigurationError', () => {
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(fc.oneof(mutations(plan), fc.jsonValue({ maxDepth: 4 })), (doc) => {
        seen[outcome('plan.yml', parse(stringify(doc)))] += 1;
      }),
      params,
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  test('every YAML-ish text gives a plan or one ConfigurationError', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      ':',
      ': ',
      ' ',
      '  ',
      '\n',
      '- ',
      '&x ',
      '*x',
      '&y ',
      '*y',
      '<<: ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '!!str ',
      '!!int ',
      '!!binary ',
      '!!map ',
      '!!set ',
      '? ',
      '|',
      '>',
      '#',
      '~',
      'null',
      '0x1f',
      '1e999',
      '.inf',
      '012',
      '---\n',
      '...\n',
      '%YAML 1.1\n',
      'version: 1\n',
      'name: n\n',
      'phases:\n',
      '  bringup:\n',
      '    steps:\n',
      '      - run: x\n',
      'timeout: 9999999d\n',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
          fc.string(),
        ),
        (text) => {
          outcome('plan.yml', parse(text));
        },
      ),
      { ...params, examples: [[ALIAS_BOMB], ['*undefined_anchor\n'], ['a: &a [*a]\n']] },
    );
  });
});
