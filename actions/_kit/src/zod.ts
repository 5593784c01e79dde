/**
 * zod as the actions use it: each run validates a few small documents
 * (inputs, a policy or plan, some records) once. zod's JIT compiles a fast
 * path for every object schema with `new Function` on its first parse, which
 * pays off over thousands of parses and costs start-up time over a few.
 * Schemas read this setting when they are built, so each action's index.ts
 * imports this module before anything else. Validation is the same either way.
 * `config` is zod core's, imported through zod/mini as the schemas are, so
 * this module adds nothing of classic zod to a bundle.
 */
import { config } from 'zod/mini';

config({ jitless: true });
