import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { LineRedactor } from '../evidence/redact-stream.js';
import { LineSplitter } from './lines.js';

/**
 * Runs one shell command of a plan: `bash -c <run>` in its own process group,
 * so a timeout or a cancelled workflow stops the command and everything it
 * started, not only bash. Output is redacted line by line (a private key
 * printed over many lines is held and redacted as one block) and streamed to
 * the caller; the tail is the end of those redacted lines, so it shows what
 * the log showed and a cut can never split a secret. Only a bounded tail is
 * kept and nothing outlives its line, so a chatty step costs flat memory;
 * when the caller's log cannot keep up, the step's pipes are paused
 * (back-pressure) instead of its output piling up in memory.
 */

export interface CommandSpec {
  run: string;
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds: number;
  /** Aborted when the run is cancelled (SIGINT/SIGTERM on the runner). */
  signal?: AbortSignal | undefined;
  /**
   * Called with the output, stdout and stderr alike, already redacted: one or
   * more whole lines at a time, joined by `\n`, without the last newline.
   */
  onOutput?: ((text: string) => void) | undefined;
  /** Patterns tested against every line as printed (before redaction); `matched` says whether any hit. */
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
export function streamPressure(stream: NodeJS.WritableStream & { writableLength?: number }, highWater = 64 * 1024): Backpressure {
  return () => {
    if ((stream.writableLength ?? 0) <= highWater) return null;
    // A log that closes or fails never drains: that also releases the step.
    return new Promise<void>((resolve) => {
      const done = () => {
        for (const e of ['drain', 'close', 'error']) stream.off(e, done);
        resolve();
      };
      for (const e of ['drain', 'close', 'error']) stream.on(e, done);
    });
  };
}

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationSeconds: number;
  /** The last `tailBytes` of the redacted output lines (redacted before the cut, so a cut cannot split a secret). */
  tail: string;
  matched: boolean;
  /** Set when bash itself could not be started. */
  spawnError: string | null;
}

export const DEFAULT_TAIL_BYTES = 4096;
const DEFAULT_KILL_GRACE_MS = 3000;
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
  /** The output ended without a newline: the tail does too. */
  dropFinalNewline(): void {
    if (this.text.endsWith('\n')) this.text = this.text.slice(0, -1);
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
  // One redactor for stdout and stderr, fed lines in the order they arrive, as the log shows them.
  const redactor = new LineRedactor();
  // The last line of the output keeps its lack of a newline in the tail.
  let unterminated = false;
  const show = (text: string | null) => {
    if (text === null) return;
    tail.push(`${text}\n`);
    spec.onOutput?.(text);
  };
  let ended = false;
  const endOutput = () => {
    if (ended) return;
    ended = true;
    show(redactor.endText());
    if (unterminated) tail.dropFinalNewline();
  };
  const patterns = spec.patterns ?? [];
  let matched = false;
  const finishResult = (r: Omit<CommandResult, 'durationSeconds' | 'tail' | 'matched'>): CommandResult => {
    endOutput();
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

    const onText = (text: string, terminated: boolean) => {
      if (!matched && patterns.length > 0) matched = text.split('\n').some((line) => patterns.some((p) => p.test(line)));
      unterminated = !terminated;
      show(redactor.pushText(text));
    };
    const lines = { out: new LineSplitter(onText), err: new LineSplitter(onText) };
    let paused = false;
    const feed = (key: 'out' | 'err') => (data: Buffer) => {
      lines[key].push(data);
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
      lines.out.end();
      lines.err.end();
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
