import * as z from 'zod/mini';

/** Hours in a month, as cloud price lists (and Infracost) count them. */
export const HOURS_PER_MONTH = 730;

const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * A cost as Infracost writes it: a decimal string, or null for "unknown".
 * Numbers are accepted too. NaN, Infinity, empty strings and negative values
 * are errors, never silently read as 0.
 */
export const costValue = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value: string | number, ctx) => {
    const ok = typeof value === 'number' ? Number.isFinite(value) : DECIMAL.test(value.trim());
    const n = typeof value === 'number' ? value : Number(value);
    if (!ok || !Number.isFinite(n)) {
      ctx.issues.push({ code: 'custom', message: `expected a cost (a non-negative decimal), got ${JSON.stringify(value)}`, input: ctx.value });
      return z.NEVER;
    }
    if (n < 0) {
      ctx.issues.push({ code: 'custom', message: `expected a non-negative cost, got ${JSON.stringify(value)}`, input: ctx.value });
      return z.NEVER;
    }
    return n;
  }),
);

/** A non-negative amount of money written as a plain YAML/JSON number. */
export const amount = z.number({ error: (i) => (i.input === undefined ? 'required' : `expected a number, got ${JSON.stringify(i.input)}`) }).check(z.gte(0, 'expected a non-negative amount'));

/** Rounds money for output: cents are what budgets are kept in. */
export function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * `1,234.50 USD`. Formatted by hand: the first `toLocaleString` call loads
 * ICU number data, which costs tens of milliseconds at every action start.
 */
export function formatMoney(n: number | null, currency: string): string {
  if (n === null) return 'unknown';
  // Callers refuse non-finite figures; this only keeps a slip from printing `Infinity.undefined`.
  if (!Number.isFinite(n)) return `${n} ${currency}`;
  const [int, frac] = Math.abs(n).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 && Number(int + frac) !== 0 ? '-' : ''}${grouped}.${frac} ${currency}`;
}

export function formatPercent(ratio: number | null): string {
  if (ratio === null) return 'unknown';
  return `${(ratio * 100).toFixed(1)}%`;
}
