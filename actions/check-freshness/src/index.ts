// First: how zod builds the schemas the rest of the bundle defines at load.
import '../../_kit/src/zod.js';
import { serveHistoryJob } from '../../../src/history/history-job.js';
import { serveWorkerJob } from '../../../src/worker-job.js';
import { run } from './main.js';

// The scan of the store runs in this same script in a worker thread (src/worker-job.ts).
if (!(await serveWorkerJob({ history: () => serveHistoryJob }))) await run();
