import * as z from 'zod/mini';
import type { EvidenceMetadata } from '../evidence/manifest.js';

/**
 * The manifest's `summary` block: one history row, flat, written when the
 * bundle is made. `drloop history` reads it from the manifest copy stored
 * beside each bundle, so it never has to open the bundle itself.
 */
/** The RTO and RPO figures and objectives are the manifest's own `objectives`. */
export interface ManifestSummary extends NonNullable<EvidenceMetadata['objectives']> {
  /** The DR plan's name, from the drill summary. */
  plan: string | null;
  /** dr-execute's run id. */
  runId: string | null;
  /** When the run started; the bundle's creation time when there is no drill summary. */
  date: string;
  mode: string | null;
  /** The target and the decision of the cost gate. */
  target: string | null;
  decision: string | null;
  /** dr-execute's final status: succeeded, failed, stopped, refused or cancelled. */
  status: string | null;
  /** The workflow run that made the bundle. */
  runUrl: string | null;
}

/** Derives the summary from the metadata the manifest already carries (so an older manifest gets the same row). */
export function summarize(m: Pick<EvidenceMetadata, 'run' | 'cost' | 'drill' | 'objectives'>, createdAt: string): ManifestSummary {
  return {
    plan: m.drill?.plan?.name ?? null,
    runId: m.drill?.runId ?? null,
    date: m.drill?.startedAt ?? createdAt,
    mode: m.drill?.mode ?? m.cost?.mode ?? null,
    target: m.cost?.target ?? null,
    decision: m.cost?.decision ?? null,
    status: m.drill?.status ?? null,
    rtoSeconds: m.objectives.rtoSeconds,
    rpoSeconds: m.objectives.rpoSeconds,
    rtoObjectiveSeconds: m.objectives.rtoObjectiveSeconds,
    rpoObjectiveSeconds: m.objectives.rpoObjectiveSeconds,
    rtoMet: m.objectives.rtoMet,
    rpoMet: m.objectives.rpoMet,
    runUrl: m.run.runUrl,
  };
}

/** A field read leniently: missing, null or of the wrong type, it is null. */
const lenient = <T extends z.core.$ZodType>(schema: T) =>
  z.pipe(
    z.catch(z.nullish(schema), null),
    z.transform((v: z.output<T> | null | undefined) => v ?? null),
  );
const str = lenient(z.string());
// zod's numbers are finite: Infinity and NaN read as null too.
const num = lenient(z.number());
const bool = lenient(z.boolean());

const summarySchema = z.looseObject({
  plan: str,
  runId: str,
  date: z.string(),
  mode: str,
  target: str,
  decision: str,
  status: str,
  rtoSeconds: num,
  rpoSeconds: num,
  rtoObjectiveSeconds: num,
  rpoObjectiveSeconds: num,
  rtoMet: bool,
  rpoMet: bool,
  runUrl: str,
});

/**
 * What history reads from a manifest, leniently: every manifest drloop ever
 * wrote parses, and a field it lacks is an unknown, never an error.
 */
export const manifestForHistorySchema = z.looseObject({
  schema: z.literal('drloop.evidence-manifest/v1'),
  createdAt: z.string(),
  bundle: z.nullish(z.string()),
  summary: z.catch(z.optional(summarySchema), undefined),
  run: z.catch(z.nullish(z.looseObject({ runUrl: str })), null),
  cost: z.catch(z.nullish(z.looseObject({ decision: str, mode: str, target: str })), null),
  drill: z.catch(z.nullish(z.looseObject({ runId: str, mode: str, status: str, startedAt: str, plan: z.catch(z.nullish(z.looseObject({ name: str })), null) })), null),
  objectives: z.catch(z.nullish(z.looseObject({ rtoSeconds: num, rpoSeconds: num, rtoObjectiveSeconds: num, rpoObjectiveSeconds: num, rtoMet: bool, rpoMet: bool })), null),
});

/** Where a row's fields came from: the summary block, the older manifest fields, or nowhere (all unknown). */
export type SummarySource = 'summary' | 'manifest' | 'none';

/** The history row of a manifest: its summary block, else derived from the fields an older manifest has. */
export function summaryOfManifest(data: unknown): { summary: ManifestSummary; source: SummarySource; createdAt: string } | null {
  const parsed = manifestForHistorySchema.safeParse(data);
  if (!parsed.success) return null;
  const m = parsed.data;
  if (m.summary) return { summary: m.summary as ManifestSummary, source: 'summary', createdAt: m.createdAt };
  const o = m.objectives;
  const summary = summarize(
    {
      run: { runUrl: m.run?.runUrl ?? null } as EvidenceMetadata['run'],
      cost: m.cost ? ({ decision: m.cost.decision ?? '', mode: m.cost.mode, target: m.cost.target } as EvidenceMetadata['cost']) : null,
      drill: m.drill ? ({ runId: m.drill.runId ?? '', mode: m.drill.mode, status: m.drill.status, startedAt: m.drill.startedAt, plan: m.drill.plan ?? null } as EvidenceMetadata['drill']) : null,
      objectives: {
        rtoSeconds: o?.rtoSeconds ?? null,
        rpoSeconds: o?.rpoSeconds ?? null,
        rtoObjectiveSeconds: o?.rtoObjectiveSeconds ?? null,
        rpoObjectiveSeconds: o?.rpoObjectiveSeconds ?? null,
        rtoMet: o?.rtoMet ?? null,
        rpoMet: o?.rpoMet ?? null,
      },
    },
    m.createdAt,
  );
  if (summary.decision === '') summary.decision = null;
  if (summary.runId === '') summary.runId = null;
  return { summary, source: m.drill || m.cost ? 'manifest' : 'none', createdAt: m.createdAt };
}
