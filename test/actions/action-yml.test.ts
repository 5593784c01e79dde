/**
 * Each action.yml is the contract users see; the zod schema in the library is
 * what the code enforces. These tests hold the two together: the same inputs,
 * defaults that mean the same, a description for everything, node24.
 */
import { describe, expect, test } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import * as zm from 'zod/mini';
import { costDecisionInputs } from '../../src/cost/run.js';
import { collectEvidenceInputs } from '../../src/evidence/run.js';
import { loopEvidenceInputs, loopExecuteInputs } from '../../src/loop/inputs.js';
import { drExecuteInputs } from '../../src/plan/run.js';
import { checkFreshnessInputs } from '../../src/history/run.js';
import { readActionYml, REPO_ROOT } from '../support/run-action.js';

const SCHEMAS: Record<string, { shape: z.core.$ZodShape }> = {
  'cost-decision': costDecisionInputs,
  // The loop's inputs (claims, state between jobs) are read by the adapters beside the library's.
  'collect-evidence': zm.extend(collectEvidenceInputs, loopEvidenceInputs.shape),
  'dr-execute': drExecuteInputs.extend(loopExecuteInputs.shape),
  'check-freshness': checkFreshnessInputs,
};

describe.each(Object.entries(SCHEMAS))('actions/%s/action.yml', (action, schema) => {
  test('declares exactly the inputs of the schema', async () => {
    const yml = await readActionYml(action);
    expect(Object.keys(yml.inputs ?? {}).sort()).toEqual(Object.keys(schema.shape).sort());
  });

  test('has defaults that mean what the schema defaults to', async () => {
    const yml = await readActionYml(action);
    for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
      const field = schema.shape[name]!;
      if (spec.required) {
        expect({ name, default: spec.default }).toEqual({ name, default: undefined });
        continue;
      }
      // An expression (`${{ github.token }}`) is the runner's to evaluate, not a value the schema knows.
      if (/^\$\{\{.*\}\}$/.test(String(spec.default ?? ''))) continue;
      // An empty default is "unset", exactly as parseInputs treats an empty input.
      const fromYml = spec.default === undefined || spec.default === '' ? undefined : String(spec.default);
      expect({ name, value: zm.safeParse(field, fromYml).data }).toEqual({ name, value: zm.safeParse(field, undefined).data });
    }
  });

  test('describes every input and output and runs on node24 from dist/index.js', async () => {
    const yml = await readActionYml(action);
    expect(yml.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    for (const [name, spec] of [...Object.entries(yml.inputs ?? {}), ...Object.entries(yml.outputs ?? {})]) {
      expect({ name, described: typeof spec.description === 'string' && spec.description.length > 10 }).toEqual({ name, described: true });
    }
  });
});

test('every action folder has an action.yml, a source entry and a schema under test', async () => {
  const folders = (await readdir(join(REPO_ROOT, 'actions'), { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name);
  expect(folders.sort()).toEqual(Object.keys(SCHEMAS).sort());
});
