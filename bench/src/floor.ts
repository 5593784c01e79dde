/**
 * Figure 1's reference row: the least an action built on zod and yaml does at
 * every start. It loads both as the actions do (zod/mini with its English
 * messages, yaml through drloop's reader and so its staged ES build), parses
 * one small YAML file (the example cost policy) and validates it with a zod
 * schema, then prints one line. Any drloop action does at least this much,
 * so its cold start cannot be faster.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import '../../src/zod-locale.js';
import { parseYamlText } from '../../src/yaml-file.js';

const schema = z.looseObject({
  version: z.literal(1),
  budget: z.object({ monthly: z.number().check(z.gt(0)), spent: z.number().check(z.gte(0)) }),
  targets: z.array(z.looseObject({ name: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});

const file = process.argv[2] ?? '';
const policy = schema.parse(parseYamlText(await readFile(file, 'utf8'), file));
process.stdout.write(`${file}: ${policy.targets.length} target(s)\n`);
