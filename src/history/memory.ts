import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection on demand, for long scans of a store. The AWS
 * SDK leaves tens of MB of short-lived garbage per list page and per few
 * hundred reads, and V8 grows its heap rather than collect it, so a scan of
 * 10,000 bundles would climb past 200 MB with a live set under 64 MB.
 * Collecting between pages and every few hundred rows keeps the peak near
 * the live set. Undefined when the runtime does not allow it.
 */
export function fullCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
