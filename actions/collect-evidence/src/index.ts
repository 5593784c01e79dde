// First: how zod builds the schemas the rest of the bundle defines at load.
import '../../_kit/src/zod.js';
import { serveBundleJob } from '../../../src/evidence/bundle-job.js';
import { serveWorkerJob } from '../../../src/worker-job.js';
import { run } from './main.js';

// The bundle is written by this same script in a worker thread (src/worker-job.ts).
if (!(await serveWorkerJob({ bundle: () => serveBundleJob }))) await run();
