/**
 * What the library needs from a log. The actions back it with the runner's workflow
 * commands (actions/_kit), the CLI with stderr, tests with an array, so no library code depends on the
 * GitHub runner.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Groups the lines logged while `fn` runs (a collapsible group on the runner). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that remembers every line: for tests and for quiet library calls. */
export class MemoryLogger implements Logger {
  readonly lines: { level: 'info' | 'warning' | 'error' | 'debug'; message: string }[] = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'info', message: `[group] ${title}` });
    return fn();
  }
  messages(level?: MemoryLogger['lines'][number]['level']): string[] {
    return this.lines.filter((l) => !level || l.level === level).map((l) => l.message);
  }
}
