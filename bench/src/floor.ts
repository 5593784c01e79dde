/**
 * Figure 1's reference row: the least an action built on zod and yaml does at
 * every start. It loads both (zod/mini, with its English messages, as the
 * actions do), parses one small YAML file (the example cost policy) and
 * validates it with a zod schema, then prints one line. Any drloop action
 * does at least this much, so its cold start cannot be faster.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import '../../src/zod-locale.js';

const schema = z.looseObject({
  version: z.literal(1),
  budget: z.object({ monthly: z.number().check(z.gt(0)), spent: z.number().check(z.gte(0)) }),
  targets: z.array(z.looseObject({ name: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});

const file = process.argv[2] ?? '';
const policy = schema.parse(parse(await readFile(file, 'utf8')));
process.stdout.write(`${file}: ${policy.targets.length} target(s)\n`);
