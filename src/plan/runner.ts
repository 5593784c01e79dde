import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Runs one shell command of a plan: `bash -c <run>` in its own process group,
 * so a timeout or a cancelled workflow stops the command and everything it
 * started, not only bash. Output is streamed line by line to the caller and
 * only a bounded tail is kept, so a chatty step costs flat memory.
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
}

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationSeconds: number;
  /** The last `tailBytes` of output (not redacted: the caller redacts). */
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
    // Starting at a line boundary avoids a half secret that redaction would miss.
    return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
  }
}

export function runCommand(spec: CommandSpec): Promise<CommandResult> {
  const started = performance.now();
  const tail = new Tail(spec.tailBytes ?? DEFAULT_TAIL_BYTES);
  const patterns = spec.patterns ?? [];
  let matched = false;
  const finishResult = (r: Omit<CommandResult, 'durationSeconds' | 'tail' | 'matched'>): CommandResult => ({
    ...r,
    durationSeconds: Math.round(performance.now() - started) / 1000,
    tail: tail.value(),
    matched,
  });

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
    const feed = (key: 'out' | 'err') => (chunk: string) => {
      tail.push(chunk);
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
    };
    child.stdout.setEncoding('utf8').on('data', feed('out'));
    child.stderr.setEncoding('utf8').on('data', feed('err'));

    const stop = () => {
      if (child.pid === undefined) return;
      const pid = child.pid;
      killGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
      killTimer.unref();
    };
    const timeout = setTimeout(() => {
      timedOut = true;
      stop();
    }, Math.max(1, spec.timeoutSeconds * 1000));
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });

    const settle = (r: Omit<CommandResult, 'durationSeconds' | 'tail' | 'matched'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      spec.signal?.removeEventListener('abort', onAbort);
      for (const key of ['out', 'err'] as const) {
        if (partial[key] !== '') onLine(partial[key]);
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
      const drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle(result);
      }, DRAIN_MS);
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
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      res(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      res(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
