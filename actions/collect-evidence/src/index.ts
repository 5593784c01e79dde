// First: how zod builds the schemas the rest of the bundle defines at load.
import '../../_kit/src/zod.js';
import { serveBundleJob } from '../../../src/evidence/bundle-job.js';
import { serveJob, workerJob } from '../../../src/worker-job.js';
import { run } from './main.js';

// The bundle is written by this same script in a worker thread (src/worker-job.ts).
const job = workerJob();
if (job) await serveJob(job.data, serveBundleJob);
else await run();
