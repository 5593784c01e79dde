/**
 * Figure 1's reference row: the least an action built on zod and yaml does at
 * every start. It loads both, parses one small YAML file (the example cost
 * policy) and validates it with a zod schema, then prints one line. Any
 * drloop action does at least this much, so its cold start cannot be faster.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

const schema = z.looseObject({
  version: z.literal(1),
  budget: z.object({ monthly: z.number().positive(), spent: z.number().min(0) }),
  targets: z.array(z.looseObject({ name: z.string().min(1) })).min(1),
});

const file = process.argv[2] ?? '';
const policy = schema.parse(parse(await readFile(file, 'utf8')));
process.stdout.write(`${file}: ${policy.targets.length} target(s)\n`);
