/**
 * Remembers which notifications GitHub already accepted, so Alertmanager's
 * re-sends (every group_interval while the group changes, every
 * repeat_interval while it does not) are acknowledged without a second DR run.
 * In memory on purpose: a restarted relay dispatches a still-firing group once
 * more, and the workflow's own dedupe key and concurrency group absorb that.
 */
export class DedupeCache {
  private readonly entries = new Map<string, number>();

  /**
   * @param windowMs how long a dispatched key suppresses repeats; 0 turns dedupe off
   * @param maxEntries bound on memory; the oldest key goes first when it is reached
   */
  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the key was dispatched within the window. */
  has(key: string): boolean {
    const at = this.entries.get(key);
    if (at === undefined) return false;
    if (this.now() - at < this.windowMs) return true;
    this.entries.delete(key);
    return false;
  }

  /** Records a key once GitHub accepted its dispatch (never before: a failure must stay retryable). */
  remember(key: string): void {
    if (this.windowMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, this.now());
    // Map iteration follows insertion order, so the first keys are the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
