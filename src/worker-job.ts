import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { ConfigurationError } from './errors.js';

/**
 * Long, allocation-heavy jobs (an evidence bundle, a history scan) run in a
 * worker thread whose young generation is bounded.
 *
 * V8 grows a busy thread's young generation whenever objects keep surviving
 * its minor collections, and on Node 24 it grows it up to 64 MiB per
 * semi-space: a job streaming a gigabyte ends up holding well over 100 MiB
 * of young-generation space however little it keeps alive. The runner starts
 * actions without V8 flags, so the limits are set where Node allows it, on
 * a worker (`resourceLimits`). The job's results and its callbacks to the
 * caller (a warning, building a manifest) cross as messages.
 *
 * The worker runs the same script as the caller: each entry point (an
 * action's bundle, the CLI) first calls `serveWorkerJob()`, which serves the
 * job when the thread was started for one; otherwise the entry runs its main path.
 */

/** The young generation of a job's worker: 8 MiB semi-spaces, as V8 gives a small heap. */
export const JOB_YOUNG_GENERATION_MB = 24;
/**
 * The old generation's ceiling. Besides bounding the job, a ceiling of 1 GiB
 * (rather than the machine's share V8 picks by default) makes V8 grow the
 * heap by about 1.6× its live size between full collections instead of up
 * to 4×. A history of 10,000 bundles keeps about 30 MiB alive.
 */
export const JOB_OLD_GENERATION_MB = 1024;

const JOB_KEY = 'drloopJob';

export type JobName = 'bundle' | 'history';

/** Starts a worker for a job; see `jobWorkers`. */
export type JobWorkerFactory = (job: JobName, data: unknown) => Worker;

/** Workers that run `script` (the entry point that is running: `process.argv[1]`) for a job. */
export function jobWorkers(script: string): JobWorkerFactory {
  return (job, data) =>
    new Worker(script, { workerData: { [JOB_KEY]: job, data }, resourceLimits: { maxYoungGenerationSizeMb: JOB_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: JOB_OLD_GENERATION_MB } });
}

/** The job this thread was started for, or null on the main thread or in a worker that is not a job's. */
function workerJob(): { job: JobName; data: unknown } | null {
  if (isMainThread || !parentPort) return null;
  const d = workerData as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || typeof d[JOB_KEY] !== 'string') return null;
  return { job: d[JOB_KEY] as JobName, data: d.data };
}

/** A job's side, as an entry point serves it; loaded on demand, so an entry loads only the job it serves. */
export type JobServer = (data: never, channel: JobChannel) => Promise<unknown>;

/**
 * Serves the job this thread was started for, if it was, and resolves true;
 * false on the main thread, where the entry point goes on with its main path.
 * A job the entry does not serve fails the worker, and with it the caller.
 */
export async function serveWorkerJob(servers: Partial<Record<JobName, () => JobServer | Promise<JobServer>>>): Promise<boolean> {
  const job = workerJob();
  if (!job) return false;
  const load = servers[job.job];
  if (!load) throw new Error(`drloop: no worker job named ${job.job}`);
  await serveJob(job.data, await load());
  return true;
}

/** An error as it crosses the thread boundary: a ConfigurationError stays one. */
interface WireError {
  name: string;
  message: string;
  stack?: string | undefined;
  problems?: string[] | undefined;
}

function toWire(err: unknown): WireError {
  if (err instanceof ConfigurationError) return { name: err.name, message: err.message, problems: err.problems };
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}

function fromWire(w: WireError): Error {
  if (w.name === 'ConfigurationError') return new ConfigurationError(w.message, w.problems ?? []);
  const err = new Error(w.message);
  err.name = w.name;
  if (w.stack) err.stack = w.stack;
  return err;
}

type Message =
  | { type: 'call'; id: number; method: string; payload: unknown }
  | { type: 'tell'; method: string; payload: unknown }
  | { type: 'reply'; id: number; value?: unknown; error?: WireError }
  | { type: 'done'; value: unknown }
  | { type: 'fail'; error: WireError };

/** What the caller answers while a job runs: one handler per method the job may call. */
export type JobHandlers = Record<string, (payload: never) => unknown>;

/**
 * Runs a job in a worker and resolves with its result. The job may `call`
 * (and wait for) or `tell` (and not wait for) the caller's handlers. A job
 * that throws rejects with its error; a worker that dies rejects too.
 */
export function runJob<T>(workers: JobWorkerFactory, job: JobName, data: unknown, handlers: JobHandlers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = workers(job, data);
    let settled = false;
    // The worker is gone before the caller goes on, so its heap is not held while the caller uses the result.
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate().finally(fn);
    };
    const handle = (method: string, payload: unknown) => {
      const h = handlers[method];
      if (!h) throw new Error(`the ${job} job called an unknown method: ${method}`);
      return (h as (p: unknown) => unknown)(payload);
    };
    worker.on('message', (m: Message) => {
      if (m.type === 'done') settle(() => resolve(m.value as T));
      else if (m.type === 'fail') settle(() => reject(fromWire(m.error)));
      else if (m.type === 'tell' || m.type === 'call') {
        const answer = Promise.resolve().then(() => handle(m.method, m.payload));
        // A `tell` has nobody waiting for it: its handler's failure fails the job.
        if (m.type === 'tell') answer.catch((err: unknown) => settle(() => reject(err as Error)));
        else
          answer.then(
            (value) => worker.postMessage({ type: 'reply', id: m.id, value } satisfies Message),
            (err: unknown) => worker.postMessage({ type: 'reply', id: m.id, error: toWire(err) } satisfies Message),
          );
      }
    });
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`the ${job} job ran out of memory: it needs more than its ${JOB_OLD_GENERATION_MB} MiB heap`) : err)),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the ${job} worker stopped before it finished (exit code ${code})`))));
  });
}

/** The job's side of the channel. */
export interface JobChannel {
  call<T>(method: string, payload: unknown): Promise<T>;
  tell(method: string, payload: unknown): void;
}

/** Serves the job this worker was started for with `fn`, then lets the thread end. */
async function serveJob(data: unknown, fn: JobServer): Promise<void> {
  const port = parentPort as MessagePort;
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (m: Message) => {
    if (m.type !== 'reply') return;
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(fromWire(m.error));
    else w.resolve(m.value);
  };
  port.on('message', onMessage);
  const channel: JobChannel = {
    call: <T>(method: string, payload: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        port.postMessage({ type: 'call', id, method, payload } satisfies Message);
      }),
    tell: (method, payload) => port.postMessage({ type: 'tell', method, payload } satisfies Message),
  };
  try {
    const value = await (fn as (d: unknown, c: JobChannel) => Promise<unknown>)(data, channel);
    port.postMessage({ type: 'done', value } satisfies Message);
  } catch (err) {
    port.postMessage({ type: 'fail', error: toWire(err) } satisfies Message);
  } finally {
    port.off('message', onMessage);
  }
}
