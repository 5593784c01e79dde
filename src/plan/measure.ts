/** RTO and RPO, measured from the receipts alone so that any later job can recompute them. */
import { formatDuration } from '../duration.js';
import type { PhaseReceipt, ReceiptName } from './receipts.js';

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Parses what `rpo.probe` printed: an RFC3339 timestamp or epoch seconds. */
export function parseProbeTime(output: string): Date | null {
  const line = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
  if (line === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(line)) {
    const n = Number(line);
    return Number.isFinite(n) ? new Date(n * 1000) : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(line)) return null;
  const t = Date.parse(line);
  return Number.isNaN(t) ? null : new Date(t);
}

export interface Measurement {
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  rtoMet: boolean | null;
  rpoMet: boolean | null;
}

export function measure(receipts: Map<ReceiptName, PhaseReceipt>, incidentStart: string, objectives: { rtoSeconds: number | null; rpoSeconds: number | null }): Measurement {
  const start = Date.parse(incidentStart);
  const v = receipts.get('validate');
  const rto = v?.status === 'success' && v.endedAt ? round((Date.parse(v.endedAt) - start) / 1000) : null;
  let rpo: number | null = null;
  for (const name of ['validate', 'restore'] as const) {
    const probe = receipts.get(name)?.extra.rpo as { recoveredAt?: string | null } | undefined;
    if (probe?.recoveredAt) {
      // A recovered transaction newer than the incident start means nothing before it was lost.
      rpo = Math.max(0, round((start - Date.parse(probe.recoveredAt)) / 1000));
      break;
    }
  }
  const met = (value: number | null, objective: number | null) => (value === null || objective === null ? null : value <= objective);
  return { rtoSeconds: rto, rpoSeconds: rpo, rtoMet: met(rto, objectives.rtoSeconds), rpoMet: met(rpo, objectives.rpoSeconds) };
}

/** The objectives a measurement missed, in one line; null when none was missed. */
export function missedObjectives(m: Measurement, objectives: { rtoSeconds: number | null; rpoSeconds: number | null }): string | null {
  const missed: string[] = [];
  if (m.rtoMet === false) missed.push(`RTO ${formatDuration(m.rtoSeconds!)} exceeds the objective ${formatDuration(objectives.rtoSeconds!)}`);
  if (m.rpoMet === false) missed.push(`RPO ${formatDuration(m.rpoSeconds!)} exceeds the objective ${formatDuration(objectives.rpoSeconds!)}`);
  return missed.length ? missed.join('; ') : null;
}
