import * as z from 'zod/mini';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;

/**
 * Parses a duration such as `15m`, `1h30m`, `7d` or `250ms` into seconds.
 * A bare number is read as seconds. Returns undefined when the text is not a
 * duration, so callers can name the key that held it.
 */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const t = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (!DURATION.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(PART)) total += Number(m[1]) * (UNIT_SECONDS[m[2]!] ?? 0);
  return total;
}

/** A zod schema for a duration written as text or seconds; yields seconds. */
export const durationSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value: string | number, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
      // zod/mini's transform context has no addIssue: the issue goes on the payload as addIssue would put it.
      ctx.issues.push({ code: 'custom', message: `expected a duration such as 30s, 15m, 2h or 7d, got ${JSON.stringify(value)}`, input: value });
      return z.NEVER;
    }
    return seconds;
  }),
);

/** Formats seconds for people: `42s`, `3m 05s`, `2h 10m`, `3d 4h`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'n/a';
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  if (s < 10) return `${sign}${s.toFixed(s < 1 ? 2 : 1).replace(/\.?0+$/, '')}s`;
  s = Math.round(s);
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${sign}${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}
