import { open } from 'node:fs/promises';
import * as z from 'zod/mini';
import type { AlertContext } from '../alerts/alertmanager.js';
import type { RunContext } from '../context.js';
import type { ManifestSummary } from '../history/summary.js';
import { describeError } from '../errors.js';
import { redact, type RedactionRule } from '../redact.js';
import type { EvidenceItem, EvidenceSourceKind } from './gather.js';

export const MANIFEST_SCHEMA = 'drloop.evidence-manifest/v1';
export const MANIFEST_NAME = 'manifest.json';

export type FileContent = 'text' | 'binary' | 'gzip' | 'utf-16le' | 'utf-16be' | 'compressed';

/** One file of the bundle as the manifest records it. */
export interface ManifestFile {
  /** Path inside the bundle. */
  path: string;
  /** Size and sha256 of the bytes stored in the bundle (after redaction). */
  size: number;
  sha256: string;
  source: EvidenceSourceKind;
  origin: string;
  /**
   * What was read: `text`, `binary` (NUL bytes: scanned byte for byte all the
   * same), `gzip` and `utf-16le`/`utf-16be` (decoded, redacted, encoded
   * again), or `compressed` (an archive format drloop cannot read).
   */
  content: FileContent;
  /** `not-inspected`: stored exactly as found, its content never scanned for secrets (see `note`). */
  redaction: 'applied' | 'not-inspected';
  /** Why a file was not inspected. */
  note?: string;
  /** Values replaced, per kind; never the values themselves. */
  redactions: Record<string, number>;
}

export interface PhaseSummary {
  phase: string;
  status: string;
  skipReason: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
}

export interface EvidenceMetadata {
  run: {
    repository: string | null;
    commit: string | null;
    workflowRunId: string | null;
    workflowRunAttempt: string | null;
    runUrl: string | null;
    actor: string | null;
    event: string | null;
  };
  alert: { name: string; fingerprint: string; groupKey: string; status: string; startsAt: string | null; source: string } | null;
  cost: { decision: string; mode: string | null; target: string | null; currency: string | null; createdAt: string | null; reasons: string[]; record: string } | null;
  drill: {
    runId: string;
    mode: string | null;
    status: string | null;
    plan: { name: string | null; path: string | null; sha256: string | null } | null;
    lastPhase: string | null;
    incidentStart: string | null;
    startedAt: string | null;
    endedAt: string | null;
    phases: PhaseSummary[];
    record: string;
  } | null;
  objectives: {
    rtoSeconds: number | null;
    rpoSeconds: number | null;
    rtoObjectiveSeconds: number | null;
    rpoObjectiveSeconds: number | null;
    rtoMet: boolean | null;
    rpoMet: boolean | null;
  };
  /** Every run summary found, oldest first, when the evidence holds more than one. */
  runs: { runId: string; status: string | null; startedAt: string | null; record: string }[];
}

export interface EvidenceManifest extends EvidenceMetadata {
  schema: typeof MANIFEST_SCHEMA;
  createdAt: string;
  bundle: string;
  /** One history row for `drloop history` (absent from manifests written before it existed). */
  summary?: ManifestSummary;
  sources: { evidenceDir: string; paths: string[]; alert: string | null };
  redaction: { rules: string[]; total: number; byKind: Record<string, number>; notInspected: number };
  warnings: string[];
  files: ManifestFile[];
}

/** A value that may be missing: absent and null both read as null. */
const orNull = <T extends z.core.$ZodType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((v: z.output<T> | null | undefined) => v ?? null),
  );
const nullableString = orNull(z.string());
const nullableNumber = orNull(z.number());
const nullableBool = orNull(z.boolean());

/** The drill summary dr-execute writes, read leniently: unknown keys are kept, missing ones are null. */
const drillSummarySchema = z.looseObject({
  schema: z.literal('drloop.drill-summary/v1'),
  runId: z.string(),
  plan: z.nullish(z.looseObject({ name: nullableString, path: nullableString, sha256: nullableString })),
  mode: nullableString,
  status: nullableString,
  decision: nullableString,
  alert: z.nullish(z.looseObject({ name: nullableString, fingerprint: nullableString, groupKey: nullableString, status: nullableString, startsAt: nullableString })),
  objectives: z.nullish(z.looseObject({ rtoSeconds: nullableNumber, rpoSeconds: nullableNumber })),
  incidentStart: nullableString,
  startedAt: nullableString,
  endedAt: nullableString,
  rtoSeconds: nullableNumber,
  rpoSeconds: nullableNumber,
  rtoMet: nullableBool,
  rpoMet: nullableBool,
  lastPhase: nullableString,
  phases: z._default(
    z.array(
      z.looseObject({
        phase: z.string(),
        status: z.string(),
        skipReason: nullableString,
        startedAt: nullableString,
        endedAt: nullableString,
        durationSeconds: nullableNumber,
      }),
    ),
    [],
  ),
});

const costRecordSchema = z.looseObject({
  schema: z.literal('drloop.cost-decision/v1'),
  createdAt: nullableString,
  mode: nullableString,
  decision: z.string(),
  target: nullableString,
  currency: nullableString,
  reasons: z._default(z.array(z.string()), []),
});

/** Records larger than this are bundled but not read for metadata. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

async function readJsonRecord(file: string): Promise<unknown> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_RECORD_BYTES) throw new Error(`larger than ${MAX_RECORD_BYTES} bytes`);
    return JSON.parse(await handle.readFile('utf8'));
  } finally {
    await handle.close();
  }
}

function met(measured: number | null, objective: number | null, stated: boolean | null): boolean | null {
  if (stated !== null) return stated;
  if (measured === null || objective === null) return null;
  return measured <= objective;
}

function time(s: string | null): number {
  const t = s === null ? NaN : Date.parse(s);
  return Number.isFinite(t) ? t : 0;
}

/**
 * Reads the run's metadata from the evidence: the latest drill summary under
 * `runs/<run-id>/`, the latest cost decision under `cost/`, the alert, and
 * where the workflow ran. A record that does not parse is a warning (it is
 * still bundled as it is), never a failure.
 */
export async function readMetadata(items: EvidenceItem[], alert: AlertContext | null, context: RunContext, commit: string | null, warn: (m: string) => void): Promise<EvidenceMetadata> {
  const drills: { summary: z.output<typeof drillSummarySchema>; record: string }[] = [];
  const costs: { record: z.output<typeof costRecordSchema>; path: string }[] = [];
  for (const item of items) {
    if (item.source !== 'evidence-dir' || !item.file) continue;
    const isDrill = /^evidence\/runs\/[^/]+\/drill\.summary\.json$/.test(item.bundlePath);
    const isCost = /^evidence\/cost\/decision-[^/]*\.json$/.test(item.bundlePath);
    if (!isDrill && !isCost) continue;
    let data: unknown;
    try {
      data = await readJsonRecord(item.file);
    } catch (err) {
      warn(`${item.origin}: not read for the manifest's metadata (${describeError(err)}); bundled as it is`);
      continue;
    }
    const parsed = isDrill ? drillSummarySchema.safeParse(data) : costRecordSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      warn(`${item.origin}: not a ${isDrill ? 'drill summary' : 'cost decision record'} drloop understands (${issue?.path.join('.') || 'top level'}: ${issue?.message}); bundled as it is`);
      continue;
    }
    if (isDrill) drills.push({ summary: parsed.data as z.output<typeof drillSummarySchema>, record: item.bundlePath });
    else costs.push({ record: parsed.data as z.output<typeof costRecordSchema>, path: item.bundlePath });
  }
  drills.sort((a, b) => time(a.summary.startedAt) - time(b.summary.startedAt) || a.record.localeCompare(b.record));
  costs.sort((a, b) => time(a.record.createdAt) - time(b.record.createdAt) || a.path.localeCompare(b.path));
  const drill = drills.at(-1);
  const cost = costs.at(-1);
  const s = drill?.summary;

  let alertMeta: EvidenceMetadata['alert'] = null;
  if (alert) {
    alertMeta = { name: alert.name, fingerprint: alert.fingerprint, groupKey: alert.groupKey, status: alert.status, startsAt: alert.startsAt, source: "input 'alert'" };
  } else if (s?.alert && drill) {
    const a = s.alert;
    alertMeta = { name: a.name ?? '', fingerprint: a.fingerprint ?? '', groupKey: a.groupKey ?? '', status: a.status ?? '', startsAt: a.startsAt, source: drill.record };
  }

  const rtoObjective = s?.objectives?.rtoSeconds ?? null;
  const rpoObjective = s?.objectives?.rpoSeconds ?? null;
  return {
    run: {
      repository: context.repository ?? null,
      commit,
      workflowRunId: context.runId ?? null,
      workflowRunAttempt: context.runAttempt ?? null,
      runUrl: context.runUrl ?? null,
      actor: context.actor ?? null,
      event: context.event ?? null,
    },
    alert: alertMeta,
    cost: cost
      ? {
          decision: cost.record.decision,
          mode: cost.record.mode,
          target: cost.record.target,
          currency: cost.record.currency,
          createdAt: cost.record.createdAt,
          reasons: cost.record.reasons,
          record: cost.path,
        }
      : s?.decision && drill
        ? { decision: s.decision, mode: null, target: null, currency: null, createdAt: null, reasons: [], record: drill.record }
        : null,
    drill:
      s && drill
        ? {
            runId: s.runId,
            mode: s.mode,
            status: s.status,
            plan: s.plan ? { name: s.plan.name, path: s.plan.path, sha256: s.plan.sha256 } : null,
            lastPhase: s.lastPhase,
            incidentStart: s.incidentStart,
            startedAt: s.startedAt,
            endedAt: s.endedAt,
            phases: s.phases.map((p) => ({ phase: p.phase, status: p.status, skipReason: p.skipReason, startedAt: p.startedAt, endedAt: p.endedAt, durationSeconds: p.durationSeconds })),
            record: drill.record,
          }
        : null,
    objectives: {
      rtoSeconds: s?.rtoSeconds ?? null,
      rpoSeconds: s?.rpoSeconds ?? null,
      rtoObjectiveSeconds: rtoObjective,
      rpoObjectiveSeconds: rpoObjective,
      rtoMet: met(s?.rtoSeconds ?? null, rtoObjective, s?.rtoMet ?? null),
      rpoMet: met(s?.rpoSeconds ?? null, rpoObjective, s?.rpoMet ?? null),
    },
    runs: drills.map((d) => ({ runId: d.summary.runId, status: d.summary.status, startedAt: d.summary.startedAt, record: d.record })),
  };
}

/**
 * Redacts every string of a JSON value with the built-in rules and `extra`.
 * The manifest's metadata is copied from records and payloads, so it gets
 * the same rules as the files.
 */
export function redactDeep<T>(value: T, extra: readonly RedactionRule[]): T {
  if (typeof value === 'string') return redact(value, extra).text as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, extra)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, extra);
    return out as T;
  }
  return value;
}

/** What verification needs from a manifest; anything else in it is informational. */
export const manifestForVerifySchema = z.looseObject({
  schema: z.literal(MANIFEST_SCHEMA),
  files: z.array(z.looseObject({ path: z.string().check(z.minLength(1)), size: z.number().check(z.int(), z.gte(0)), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) })),
});
