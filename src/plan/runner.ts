import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { StreamRedactor } from '../evidence/redact-stream.js';

/**
 * Runs one shell command of a plan: `bash -c <run>` in its own process group,
 * so a timeout or a cancelled workflow stops the command and everything it
 * started, not only bash. Output is streamed line by line to the caller and
 * only a bounded tail is kept, so a chatty step costs flat memory; when the
 * caller's log cannot keep up, the step's pipes are paused (back-pressure)
 * instead of its output piling up in memory.
 */

export interface CommandSpec {
  run: string;
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds: number;
  /** Aborted when the run is cancelled (SIGINT/SIGTERM on the runner). */
  signal?: AbortSignal | undefined;
  /** Called with every output line, stdout and stderr alike. */
  onLine?: ((line: string) => void) | undefined;
  /** Patterns tested against every line; `matched` says whether any hit. */
  patterns?: RegExp[] | undefined;
  /** How long a group gets between SIGTERM and SIGKILL. */
  killGraceMs?: number | undefined;
  tailBytes?: number | undefined;
  /**
   * Asked after every chunk of output: a promise means "the log is behind",
   * and the step's pipes stay paused until it settles. See `streamPressure`.
   */
  backpressure?: Backpressure | undefined;
}

export type Backpressure = () => Promise<unknown> | null;

/**
 * Back-pressure from a writable stream (the log): once more than `highWater`
 * bytes wait to be written, wait for it to drain. A stream written
 * synchronously (a file, a terminal) never has any waiting.
 */
export function streamPressure(stream: NodeJS.WritableStream & { writableLength?: number }, highWater = 1024 * 1024): Backpressure {
  return () => ((stream.writableLength ?? 0) > highWater ? once(stream, 'drain') : null);
}

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationSeconds: number;
  /** The last `tailBytes` of output, redacted before it was cut (a cut cannot split a secret). */
  tail: string;
  matched: boolean;
  /** Set when bash itself could not be started. */
  spawnError: string | null;
}

export const DEFAULT_TAIL_BYTES = 4096;
const DEFAULT_KILL_GRACE_MS = 3000;
/** A line longer than this is handed on in pieces, so one endless line cannot grow memory. */
const MAX_LINE = 64 * 1024;
/** After bash exits, how long to wait for background children to close the pipes. */
const DRAIN_MS = 1000;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The longest delay setTimeout keeps (about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** setTimeout for any delay: a longer one is re-armed in steps. Returns a cancel function. */
export function setLongTimeout(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout;
  const due = performance.now() + ms;
  const arm = () => {
    const left = due - performance.now();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.max(1, Math.min(left, MAX_TIMER_MS)));
  };
  arm();
  return () => clearTimeout(timer);
}

/** Keeps the end of a stream of text, cut at a line start when possible. */
class Tail {
  private text = '';
  private cut = false;
  constructor(private readonly limit: number) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) {
      this.text = this.text.slice(-this.limit);
      this.cut = true;
    }
  }
  value(): string {
    if (!this.cut && this.text.length <= this.limit) return this.text;
    const cut = this.text.slice(-this.limit);
    const nl = cut.indexOf('\n');
    // The text was redacted before it came here; starting at a line boundary keeps the tail readable.
    return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
  }
}

export function runCommand(spec: CommandSpec): Promise<CommandResult> {
  const started = performance.now();
  const tail = new Tail(spec.tailBytes ?? DEFAULT_TAIL_BYTES);
  // Output is redacted on its way into the tail, so the tail's cut falls in redacted text.
  const redactor = new StreamRedactor([], { block: 256 * 1024 });
  const tailDecoder = new StringDecoder('utf8');
  const toTail = (redacted: Buffer) => {
    if (redacted.length) tail.push(tailDecoder.write(redacted));
  };
  let tailDone = false;
  const endTail = () => {
    if (tailDone) return;
    tailDone = true;
    toTail(redactor.end());
    tail.push(tailDecoder.end());
  };
  const patterns = spec.patterns ?? [];
  let matched = false;
  const finishResult = (r: Omit<CommandResult, 'durationSeconds' | 'tail' | 'matched'>): CommandResult => {
    endTail();
    return { ...r, durationSeconds: Math.round(performance.now() - started) / 1000, tail: tail.value(), matched };
  };

  if (spec.signal?.aborted) {
    return Promise.resolve(finishResult({ exitCode: null, signal: null, timedOut: false, cancelled: true, spawnError: null }));
  }

  return new Promise<CommandResult>((resolvePromise) => {
    let child;
    try {
      child = spawn('bash', ['-c', spec.run], { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      // Node refuses some arguments outright, e.g. a NUL byte in an environment value.
      resolvePromise(finishResult({ exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: (err as Error).message }));
      return;
    }
    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const onLine = (line: string) => {
      if (!matched && patterns.length > 0) matched = patterns.some((p) => p.test(line));
      spec.onLine?.(line);
    };
    const partial = { out: '', err: '' };
    const decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
    let paused = false;
    const feed = (key: 'out' | 'err') => (data: Buffer) => {
      toTail(redactor.push(data));
      const chunk = decoders[key].write(data);
      let buf = partial[key] + chunk;
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        onLine(buf.slice(0, nl).replace(/\r$/, ''));
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
      }
      while (buf.length > MAX_LINE) {
        onLine(buf.slice(0, MAX_LINE));
        buf = buf.slice(MAX_LINE);
      }
      partial[key] = buf;
      const wait = paused ? null : spec.backpressure?.();
      if (wait) {
        // The log is behind: stop reading, so the step blocks on a full pipe instead of output piling up here.
        paused = true;
        child.stdout.pause();
        child.stderr.pause();
        void wait.finally(() => {
          paused = false;
          child.stdout.resume();
          child.stderr.resume();
        });
      }
    };
    child.stdout.on('data', feed('out'));
    child.stderr.on('data', feed('err'));

    const stop = () => {
      if (child.pid === undefined) return;
      const pid = child.pid;
      killGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
      killTimer.unref();
    };
    const clearTimer = setLongTimeout(() => {
      timedOut = true;
      stop();
    }, spec.timeoutSeconds * 1000);
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });

    const settle = (r: Omit<CommandResult, 'durationSeconds' | 'tail' | 'matched'>) => {
      if (settled) return;
      settled = true;
      clearTimer();
      spec.signal?.removeEventListener('abort', onAbort);
      for (const key of ['out', 'err'] as const) {
        const rest = partial[key] + decoders[key].end();
        if (rest !== '') onLine(rest);
        partial[key] = '';
      }
      resolvePromise(finishResult(r));
    };

    child.on('error', (err) => {
      settle({ exitCode: null, signal: null, timedOut, cancelled, spawnError: err.message });
    });
    child.on('exit', (code, signal) => {
      const result = { exitCode: code, signal, timedOut, cancelled, spawnError: null };
      // A background process the step started may hold the pipes open; its
      // output is not waited for beyond a moment.
      if (child.stdout.readableEnded && child.stderr.readableEnded) return settle(result);
      let drain: NodeJS.Timeout;
      const arm = () => {
        drain = setTimeout(() => {
          // Output still waiting for the log is read first; only then are stray holders cut off.
          if (paused) return arm();
          child.stdout.destroy();
          child.stderr.destroy();
          settle(result);
        }, DRAIN_MS);
      };
      arm();
      child.on('close', () => {
        clearTimeout(drain);
        settle(result);
      });
    });
  });
}

/** Resolves after `ms`, or early (with false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((res) => {
    const cancel = setLongTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      res(true);
    }, ms);
    const onAbort = () => {
      cancel();
      res(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
