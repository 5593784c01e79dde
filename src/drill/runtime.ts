import { createWriteStream, type WriteStream } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DrillStage } from './result.js';

/**
 * What every stage of `drloop drill` shares: the progress log, the stage
 * timings, cancellation (Ctrl-C), the wait helpers, the cleanup registry and
 * the log files. runDrill builds one of each; the stages receive them in a
 * DrillContext instead of closing over runDrill's locals.
 */

/** The drill was interrupted (Ctrl-C); everything it started has been cleaned up. */
export class DrillCancelledError extends Error {
  override readonly name = 'DrillCancelledError';
  constructor(
    readonly stage: string,
    readonly cleanup: string[],
  ) {
    super(`cancelled during ${stage}`);
  }
}

export const round3 = (n: number) => Math.round(n * 1000) / 1000;
export const seconds = (from: string | number, to: string | number) => round3(((typeof to === 'number' ? to : Date.parse(to)) - (typeof from === 'number' ? from : Date.parse(from))) / 1000);

/** Workspace-relative when inside the workspace, else absolute. */
export function display(workspace: string, abs: string): string {
  const rel = relative(workspace, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/**
 * Progress, stage timings, cancellation and the waits. Created first thing in
 * runDrill: the elapsed time on every progress line counts from here.
 */
export class DrillRuntime {
  readonly t0 = Date.now();
  /** The stage running now; named when the drill fails or is cancelled. */
  stage = 'setup';
  readonly stages: DrillStage[] = [];
  // Work that a Ctrl-C or an error leaves running (a base backup, a server
  // starting) is let finish before the cleanup, so it cannot recreate what the
  // cleanup has just removed.
  private readonly inflight = new Set<Promise<unknown>>();
  // The last resort, for an exit handler: SIGKILL what runs, remove what was made.
  private readonly emergency: (() => void)[] = [];

  constructor(
    readonly log: Logger,
    readonly now: () => Date,
    readonly signal: AbortSignal | undefined,
  ) {}

  progress(message: string): void {
    this.log.info(`[${((Date.now() - this.t0) / 1000).toFixed(1).padStart(5)}s] ${message}`);
  }

  cancelled(): boolean {
    return this.signal?.aborted === true;
  }

  checkCancel(): void {
    if (this.cancelled()) throw new DrillCancelledError(this.stage, []);
  }

  /** Runs one stage of the drill, recording its start, end and duration under `name`. */
  async timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const s = this.now().toISOString();
    this.stage = name;
    try {
      return await fn();
    } finally {
      const e = this.now().toISOString();
      this.stages.push({ name, startedAt: s, endedAt: e, seconds: seconds(s, e) });
    }
  }

  /** Waits for a promise, giving up on Ctrl-C or after `timeoutSeconds` with a message naming what it waited for. */
  async within<T>(what: string, timeoutSeconds: number, p: Promise<T>): Promise<T> {
    const signal = this.signal;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await Promise.race([
        p,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutSeconds}s waiting for ${what}`)), timeoutSeconds * 1000);
          onAbort = () => reject(new DrillCancelledError(this.stage, []));
          if (signal?.aborted) onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Polls `probe` until it returns a value; prints `status()` when it changes, so a long wait is never silent. */
  async pollUntil<T>(what: string, timeoutSeconds: number, probe: () => Promise<T | undefined>, status?: () => Promise<string | null>): Promise<T> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    let last = '';
    let lastReason = 'no answer yet';
    let lastPrinted = Date.now();
    for (;;) {
      this.checkCancel();
      try {
        const v = await probe();
        if (v !== undefined) return v;
      } catch (err) {
        lastReason = describeError(err);
      }
      if (status) {
        const s = await status().catch(() => null);
        if (s && (s !== last || Date.now() - lastPrinted > 5000)) {
          this.progress(`  ${s}`);
          last = s;
          lastPrinted = Date.now();
        }
        if (s) lastReason = s;
      }
      if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutSeconds}s waiting for ${what}: ${lastReason}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Marks work that settle() waits for before the cleanup. */
  track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const done = () => this.inflight.delete(p);
    p.then(done, done);
    return p;
  }

  /** Lets tracked work finish (at most a minute). */
  async settle(): Promise<void> {
    if (this.inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => (timer = setTimeout(r, 60_000)))]);
    clearTimeout(timer);
  }

  /** Registers a synchronous last resort (SIGKILL, remove) for emergencyStop(). */
  onEmergency(fn: () => void): void {
    this.emergency.push(fn);
  }

  /** Runs every last resort, newest first; nothing asynchronous. */
  emergencyStop(): void {
    for (const fn of [...this.emergency].reverse()) {
      try {
        fn();
      } catch {
        // Best effort.
      }
    }
  }
}

/** A log file the drill writes as it goes; every line gets a timestamp. */
export class LogFile {
  private readonly stream: WriteStream;
  private closed: Promise<void> | null = null;
  constructor(
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', () => undefined);
  }
  write(level: string, message: string): void {
    if (this.closed) return;
    this.stream.write(`${this.now().toISOString()} ${level.padEnd(7)} ${message}\n`);
  }
  close(): Promise<void> {
    this.closed ??= new Promise((r) => this.stream.end(r));
    return this.closed;
  }
}

/** The drill's log files under `logsDir`, and loggers that write into them. */
export class DrillLogs {
  private readonly files: LogFile[] = [];
  constructor(
    private readonly rt: DrillRuntime,
    private readonly logsDir: string,
  ) {}

  file(name: string): LogFile {
    const f = new LogFile(join(this.logsDir, name), this.rt.now);
    this.files.push(f);
    return f;
  }

  /** A logger into a log file; `forward` picks what also goes to the progress log. */
  logger(file: LogFile, prefix: string, forward: (level: string, m: string) => boolean): Logger {
    const rt = this.rt;
    const emit = (level: string, m: string) => {
      file.write(level, m);
      if (!forward(level, m)) return;
      if (level === 'warning') rt.log.warning(`${prefix}${m}`);
      else if (level === 'error') rt.log.error(`${prefix}${m}`);
      else rt.progress(`${prefix}${m}`);
    };
    return {
      info: (m) => emit('info', m),
      warning: (m) => emit('warning', m),
      error: (m) => emit('error', m),
      debug: (m) => file.write('debug', m),
      group: async (title, fn) => {
        emit('group', `${title}`);
        return fn();
      },
    };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.files.map((l) => l.close()));
  }
}

/** For DrillLogs.logger: only warnings and errors reach the progress log. */
export const problemsOnly = (level: string) => level === 'warning' || level === 'error';

/** Things to stop, run once each in reverse order of registration; a failure is noted and the rest still run. */
export class Cleanup {
  private readonly items: { name: string; fn: () => Promise<unknown>; done: boolean; verb: string }[] = [];
  readonly notes: string[] = [];
  add(name: string, fn: () => Promise<unknown>, verb = 'stopped'): () => Promise<void> {
    const item = { name, fn, done: false, verb };
    this.items.push(item);
    return async () => this.runItem(item);
  }
  private async runItem(item: { name: string; fn: () => Promise<unknown>; done: boolean; verb: string }): Promise<void> {
    if (item.done) return;
    item.done = true;
    try {
      await item.fn();
      this.notes.push(`${item.verb} ${item.name}`);
    } catch (err) {
      this.notes.push(`could not clean up ${item.name}: ${describeError(err)}`);
    }
  }
  async runAll(): Promise<void> {
    for (const item of [...this.items].reverse()) await this.runItem(item);
  }
}
