// First: how zod builds the schemas the rest of the bundle defines at load.
import '../../_kit/src/zod.js';
import { run } from './main.js';

await run();
