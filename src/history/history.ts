import { createHash } from 'node:crypto';
import { describeError } from '../errors.js';
import { verifyBundleStream } from '../evidence/verify.js';
import { pointerSchema, type EvidencePointer } from '../evidence/s3-uri.js';
import { summaryOfManifest, type ManifestSummary, type SummarySource } from './summary.js';
import type { HistoryStore, ListedBundle } from './store.js';

export const HISTORY_SCHEMA = 'drloop.history/v1';

/** A run's RTO above this many times the median of the plan's earlier runs is a regression. */
export const REGRESSION_FACTOR = 1.5;
/** Manifest copies, sidecars and pointers larger than this are not read. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** Records read at once: enough to hide the store's latency, few enough to bound memory. */
export const DEFAULT_CONCURRENCY = 16;

/**
 * How far a row's evidence was checked:
 * - `verified`: the bundle was read in full, its files match its manifest and its sha256 is the one its `.sha256` file or pointer records;
 * - `recorded`: the bundle was not read; its manifest copy matches the sha256 its `.sha256` file records (and the pointer agrees, when it names the bundle);
 * - `unrecorded`: nothing outside the bundle records its sha256 (no `.sha256` file, no pointer naming it);
 * - `mismatch`: something does not match; `problems` says what.
 */
export type Integrity = 'verified' | 'recorded' | 'unrecorded' | 'mismatch';

export interface HistoryRun extends ManifestSummary {
  bundle: string;
  /** s3:// URI or path of the bundle. */
  location: string;
  createdAt: string | null;
  /** Where the row came from: the manifest's summary block, an older manifest's fields, or nothing. */
  source: SummarySource | 'unreadable';
  integrity: Integrity;
  problems: string[];
  /** Set when the RTO exceeds REGRESSION_FACTOR × the median RTO of the plan's earlier recovery runs. */
  regression: { medianSeconds: number; ratio: number; previousRuns: number } | null;
}

export interface FreshnessVerdict {
  ok: boolean;
  windowSeconds: number;
  /** The newest run that validated the recovery. */
  newestSuccess: { date: string; bundle: string; ageSeconds: number } | null;
  /** The newest drill or failover that ran. */
  lastDrill: { date: string; bundle: string; status: string | null } | null;
  /** One line per reason the plan is not fresh. */
  problems: string[];
}

export interface PlanHistory {
  /** null for bundles that name no plan (no drill summary in their evidence). */
  plan: string | null;
  /** Oldest first. */
  runs: HistoryRun[];
  freshness?: FreshnessVerdict;
}

export interface History {
  schema: typeof HISTORY_SCHEMA;
  source: string;
  generatedAt: string;
  bundles: number;
  plans: PlanHistory[];
}

export interface HistoryOptions {
  store: HistoryStore;
  now: Date;
  /** Reads every bundle in full (slow: downloads everything). */
  verifyAll?: boolean;
  concurrency?: number;
  /** With a window, each plan gets a freshness verdict, and its deciding bundles are verified in full. */
  freshnessSeconds?: number | undefined;
}

/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `sha256sum` lines: file name → sha256. */
export function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *]?(.+)$/.exec(line.trim());
    if (m) out.set(m[2]!.trim(), m[1]!);
  }
  return out;
}

const UNKNOWN_SUMMARY = (date: string): ManifestSummary => ({
  plan: null,
  runId: null,
  date,
  mode: null,
  target: null,
  decision: null,
  status: null,
  rtoSeconds: null,
  rpoSeconds: null,
  rtoObjectiveSeconds: null,
  rpoObjectiveSeconds: null,
  rtoMet: null,
  rpoMet: null,
  runUrl: null,
});

/** The time a bundle's name carries (`20260102T030405Z-…`), for a bundle whose manifest cannot be read. */
function dateOfName(name: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

interface Pointers {
  get(ref: string): Promise<{ pointer: EvidencePointer | null; problem: string | null }>;
}

function pointerCache(store: HistoryStore): Pointers {
  const cache = new Map<string, Promise<{ pointer: EvidencePointer | null; problem: string | null }>>();
  return {
    get(ref) {
      let p = cache.get(ref);
      if (!p) {
        p = (async () => {
          try {
            const bytes = await store.read(ref, MAX_RECORD_BYTES);
            if (!bytes) return { pointer: null, problem: null };
            const parsed = pointerSchema.safeParse(JSON.parse(bytes.toString('utf8')));
            if (!parsed.success) return { pointer: null, problem: `${store.display(ref)}: not a drloop pointer` };
            return { pointer: parsed.data, problem: null };
          } catch (err) {
            return { pointer: null, problem: `${store.display(ref)}: ${describeError(err)}` };
          }
        })();
        cache.set(ref, p);
      }
      return p;
    },
  };
}

/** Reads one bundle's row: the manifest copy and `.sha256` beside it, or the bundle itself when it has no manifest copy. */
async function readRow(store: HistoryStore, b: ListedBundle, pointers: Pointers, full: boolean): Promise<HistoryRun> {
  const problems: string[] = [];
  let recorded: string | null = null;
  let manifestRecorded: string | null = null;
  const manifestName = b.manifestRef ? b.manifestRef.slice(b.manifestRef.lastIndexOf('/') + 1) : null;

  if (b.sha256Ref) {
    try {
      const sums = parseSums((await store.read(b.sha256Ref, MAX_RECORD_BYTES))?.toString('utf8') ?? '');
      recorded = sums.get(b.name) ?? null;
      if (!recorded) problems.push(`${store.display(b.sha256Ref)}: has no sha256 for ${b.name}`);
      if (manifestName) manifestRecorded = sums.get(manifestName) ?? null;
    } catch (err) {
      problems.push(`${store.display(b.sha256Ref)}: ${describeError(err)}`);
    }
  }
  let pointer: EvidencePointer | null = null;
  if (b.pointerRef) {
    const got = await pointers.get(b.pointerRef);
    if (got.problem) problems.push(got.problem);
    const named = got.pointer?.bundle_uri.split('/').slice(-2).join('/');
    if (got.pointer && named === `bundles/${b.name}`) pointer = got.pointer;
  }
  if (pointer) {
    if (recorded && pointer.bundle_sha256 !== recorded) problems.push(`pointer: says sha256 ${pointer.bundle_sha256} for ${b.name}, its .sha256 file says ${recorded}`);
    if (pointer.bundle_size !== undefined && pointer.bundle_size !== b.size) problems.push(`pointer: says ${pointer.bundle_size} bytes for ${b.name}, the store holds ${b.size}`);
  }

  let manifestData: unknown = undefined;
  let manifestCopySha: string | null = null;
  if (b.manifestRef) {
    try {
      const bytes = await store.read(b.manifestRef, MAX_RECORD_BYTES);
      if (bytes) {
        manifestCopySha = sha256(bytes);
        if (manifestRecorded && manifestRecorded !== manifestCopySha) {
          problems.push(`manifest copy: ${store.display(b.manifestRef)} has sha256 ${manifestCopySha}, its .sha256 file says ${manifestRecorded}`);
        }
        manifestData = JSON.parse(bytes.toString('utf8'));
      }
    } catch (err) {
      problems.push(`manifest copy: ${store.display(b.manifestRef)}: ${describeError(err)}`);
    }
  }

  let integrity: Integrity = 'unrecorded';
  // A manifest copy that no .sha256 line vouches for (a local bundle's sidecar names only the bundle) is not trusted on its own.
  const unvouched = manifestData !== undefined && manifestRecorded === null;
  if (full || manifestData === undefined || unvouched) {
    // Read the bundle in full: asked to, or it has no readable, vouched-for manifest copy beside it.
    let inner: Buffer | null = null;
    try {
      const body = await store.open(b.ref);
      if (!body) problems.push(`bundle: ${store.display(b.ref)} is listed but cannot be read`);
      else {
        const report = await verifyBundleStream(body, store.display(b.ref), { onManifest: (m) => (inner = m) });
        problems.push(...report.mismatches);
        if (recorded && report.bundleSha256 !== recorded) problems.push(`bundle: sha256 ${report.bundleSha256}, its .sha256 file says ${recorded}`);
        if (pointer && report.bundleSha256 !== pointer.bundle_sha256) problems.push(`bundle: sha256 ${report.bundleSha256}, the pointer says ${pointer.bundle_sha256}`);
        if (manifestCopySha && report.manifest && report.manifest.sha256 !== manifestCopySha) {
          problems.push(`manifest copy: ${store.display(b.manifestRef!)} differs from the bundle's manifest.json`);
        }
        if (manifestData === undefined && inner) {
          try {
            manifestData = JSON.parse((inner as Buffer).toString('utf8'));
          } catch {
            // reported by the verification already
          }
        }
        integrity = recorded || pointer ? 'verified' : 'unrecorded';
      }
    } catch (err) {
      problems.push(`bundle: ${store.display(b.ref)}: ${describeError(err)}`);
    }
  } else if (recorded) {
    integrity = 'recorded';
  }
  if (problems.length > 0) integrity = 'mismatch';

  const read = manifestData === undefined ? null : summaryOfManifest(manifestData);
  if (manifestData !== undefined && !read) problems.push(`manifest: not a drloop evidence manifest`);
  const fallbackDate = dateOfName(b.name) ?? '1970-01-01T00:00:00Z';
  return {
    ...(read?.summary ?? UNKNOWN_SUMMARY(fallbackDate)),
    bundle: b.name,
    location: store.display(b.ref),
    createdAt: read?.createdAt ?? null,
    source: read?.source ?? 'unreadable',
    integrity: read ? integrity : 'mismatch',
    problems,
    regression: null,
  };
}

const time = (s: string) => {
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : 0;
};

/** Drills and failovers recover something; failbacks and unknown modes do not count for the trend or freshness. */
export function isRecovery(r: Pick<HistoryRun, 'mode'>): boolean {
  return r.mode === 'drill' || r.mode === 'failover';
}

/** The run validated the recovery: it succeeded, or stopped as planned after validate passed (the RTO is measured only then). */
export function isSuccess(r: Pick<HistoryRun, 'status' | 'rtoSeconds' | 'integrity'>): boolean {
  if (r.integrity === 'mismatch') return false;
  return r.status === 'succeeded' || (r.status === 'stopped' && r.rtoSeconds !== null);
}

/** The run got as far as measuring (or failing): refused, cancelled and dry runs are listed but prove nothing either way. */
function ranRecovery(r: HistoryRun): boolean {
  return r.status === 'succeeded' || r.status === 'failed' || (r.status === 'stopped' && (r.rtoSeconds !== null || r.rpoSeconds !== null));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Flags each recovery run whose RTO exceeds REGRESSION_FACTOR × the median of the plan's earlier recovery runs with a measured RTO. */
export function flagRegressions(runs: HistoryRun[]): void {
  const previous: number[] = [];
  for (const r of runs) {
    if (!isRecovery(r) || r.rtoSeconds === null) continue;
    if (previous.length > 0) {
      const m = median(previous);
      if (m > 0 && r.rtoSeconds > REGRESSION_FACTOR * m) r.regression = { medianSeconds: m, ratio: Math.round((r.rtoSeconds / m) * 100) / 100, previousRuns: previous.length };
    }
    previous.push(r.rtoSeconds);
  }
}

function age(seconds: number): string {
  const d = seconds / 86400;
  return d >= 2 ? `${Math.floor(d)} days` : `${Math.round(seconds / 3600)} hours`;
}

/** The freshness verdict of one plan (rows oldest first). */
export function judgeFreshness(runs: HistoryRun[], windowSeconds: number, now: Date): FreshnessVerdict {
  const problems: string[] = [];
  const recoveries = runs.filter(isRecovery);
  const success = [...recoveries].reverse().find(isSuccess) ?? null;
  const last = [...recoveries].reverse().find(ranRecovery) ?? null;
  const windowText = age(windowSeconds)
    .replace(/^(\d+) days$/, '$1d')
    .replace(/^(\d+) hours$/, '$1h');
  let newestSuccess: FreshnessVerdict['newestSuccess'] = null;
  if (!success) problems.push(`no successful drill on record (freshness window ${windowText})`);
  else {
    const ageSeconds = Math.max(0, (now.getTime() - time(success.date)) / 1000);
    newestSuccess = { date: success.date, bundle: success.bundle, ageSeconds: Math.round(ageSeconds) };
    if (ageSeconds > windowSeconds) problems.push(`the newest successful drill (${success.date}, ${success.bundle}) is ${age(ageSeconds)} old, older than the ${windowText} window`);
  }
  if (last) {
    const where = `${last.date}, ${last.bundle}`;
    if (last.status === 'failed') problems.push(`the last drill (${where}) failed`);
    if (last.rtoMet === false) problems.push(`the last drill (${where}) missed its RTO objective: ${last.rtoSeconds ?? '?'} s > ${last.rtoObjectiveSeconds ?? '?'} s`);
    if (last.rpoMet === false) problems.push(`the last drill (${where}) missed its RPO objective: ${last.rpoSeconds ?? '?'} s > ${last.rpoObjectiveSeconds ?? '?'} s`);
  }
  for (const r of new Set([last, success])) {
    if (r && (r.integrity === 'mismatch' || r.integrity === 'unrecorded')) {
      const why = r.integrity === 'unrecorded' ? 'nothing outside the bundle records its sha256' : r.problems.join('; ');
      problems.push(`the ${r === last ? 'last' : 'newest successful'} drill's bundle (${r.location}) does not verify: ${why}`);
    }
  }
  return {
    ok: problems.length === 0,
    windowSeconds,
    newestSuccess,
    lastDrill: last ? { date: last.date, bundle: last.bundle, status: last.status } : null,
    problems,
  };
}

/** The bundles a freshness verdict rests on: the newest success and the last drill of each plan. */
function decidingRows(runs: HistoryRun[]): HistoryRun[] {
  const recoveries = runs.filter(isRecovery).reverse();
  const picks = new Set<HistoryRun>();
  const last = recoveries.find(ranRecovery);
  const success = recoveries.find((r) => isSuccess(r));
  if (last) picks.add(last);
  if (success) picks.add(success);
  return [...picks];
}

function groupByPlan(runs: HistoryRun[]): PlanHistory[] {
  const byPlan = new Map<string | null, HistoryRun[]>();
  for (const r of runs) {
    const list = byPlan.get(r.plan) ?? [];
    list.push(r);
    byPlan.set(r.plan, list);
  }
  const plans = [...byPlan.entries()].map(([plan, list]) => ({
    plan,
    runs: list.sort((a, b) => time(a.date) - time(b.date) || a.bundle.localeCompare(b.bundle)),
  }));
  // Named plans by name; bundles without a plan last.
  return plans.sort((a, b) => (a.plan === null ? 1 : b.plan === null ? -1 : a.plan.localeCompare(b.plan)));
}

/**
 * Builds the history of every plan whose bundles are under the store: one
 * row per bundle, oldest first, with regressions flagged and, given a
 * window, a freshness verdict per plan whose deciding bundles were read and
 * verified in full.
 */
export async function buildHistory(o: HistoryOptions): Promise<History> {
  const { store } = o;
  const concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
  const listed = await store.list();
  const pointers = pointerCache(store);
  const rows = await mapBounded(listed, concurrency, async (b) => {
    return readRow(store, b, pointers, o.verifyAll === true);
  });
  let plans = groupByPlan(rows);

  if (o.freshnessSeconds !== undefined && !o.verifyAll) {
    // Read the bundles the verdicts rest on in full, then judge again with what that found.
    const byRef = new Map(listed.map((b, i) => [rows[i]!, b]));
    const deciding = plans.filter((p) => p.plan !== null).flatMap((p) => decidingRows(p.runs));
    const verified = await mapBounded(deciding, concurrency, (r) => readRow(store, byRef.get(r)!, pointers, true));
    const replace = new Map(deciding.map((r, i) => [r, verified[i]!]));
    plans = groupByPlan(rows.map((r) => replace.get(r) ?? r));
  }
  for (const p of plans) {
    flagRegressions(p.runs);
    if (o.freshnessSeconds !== undefined && p.plan !== null) p.freshness = judgeFreshness(p.runs, o.freshnessSeconds, o.now);
  }
  return { schema: HISTORY_SCHEMA, source: store.source, generatedAt: o.now.toISOString(), bundles: listed.length, plans };
}

/** Plans a check fails on, with their reasons. */
export function stalePlans(h: History): { plan: string; problems: string[] }[] {
  return h.plans.filter((p) => p.plan !== null && p.freshness && !p.freshness.ok).map((p) => ({ plan: p.plan!, problems: p.freshness!.problems }));
}
