import { runLinkLines } from '../context.js';
import { cell } from '../cost/report.js';
import { formatDuration } from '../duration.js';
import type { EvidenceManifest } from './manifest.js';

const DECISION_ICON: Record<string, string> = { allow: '✅', warn: '⚠️', block: '⛔' };
const STATUS_ICON: Record<string, string> = { success: '✅', succeeded: '✅', failed: '❌', skipped: '⏭️', cancelled: '🚫', stopped: '⏹️', refused: '⛔' };

/** Where the bundle went, for the summary. */
export interface EvidenceDestinations {
  localPath: string;
  sha256: string;
  size: number;
  s3: { bundleUri: string; pointerUri: string; retainUntil: string | null } | null;
  artifact: { name: string; id: number | null; url: string | null } | null;
  failures: string[];
}

function seconds(n: number | null): string {
  return n === null ? '—' : formatDuration(n);
}

function metIcon(met: boolean | null): string {
  return met === null ? '—' : met ? '✅ met' : '❌ missed';
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/**
 * The job summary: what happened (decision, phases, objectives) and where
 * the proof is (sha256, S3, artifact), so a reviewer can act on it without
 * opening the bundle.
 */
export function evidenceMarkdown(m: EvidenceManifest, where: EvidenceDestinations, runUrl?: string): string {
  const lines: string[] = [];
  const failed = where.failures.length > 0;
  lines.push(`## ${failed ? '⚠️' : '🧾'} DR evidence: \`${m.bundle}\``);
  lines.push('');

  const facts: string[] = [];
  if (m.cost) {
    const target = m.cost.target ? ` on ${cell(m.cost.target)}` : '';
    facts.push(`**Cost decision:** ${DECISION_ICON[m.cost.decision] ?? ''} ${m.cost.decision.toUpperCase()}${m.cost.mode ? ` (${m.cost.mode})` : ''}${target}`);
  } else {
    facts.push('**Cost decision:** none recorded');
  }
  if (m.drill) {
    const plan = m.drill.plan?.name ? ` of plan ${cell(m.drill.plan.name)}` : '';
    facts.push(`**Run:** ${cell(m.drill.runId)}, ${m.drill.mode ?? 'run'}${plan}: ${STATUS_ICON[m.drill.status ?? ''] ?? ''} ${m.drill.status ?? 'unknown'}`);
  } else {
    facts.push('**Run:** no drill summary in the evidence');
  }
  if (m.alert) facts.push(`**Alert:** ${cell(m.alert.name || '(unnamed)')} (${m.alert.status}), fingerprint \`${cell(m.alert.fingerprint)}\``);
  lines.push(facts.join('  \n'));
  lines.push('');

  if (m.drill && m.drill.phases.length > 0) {
    lines.push('| Phase | Status | Duration | Started | Ended |');
    lines.push('|---|---|---:|---|---|');
    for (const p of m.drill.phases) {
      const status = `${STATUS_ICON[p.status] ?? ''} ${p.status}${p.skipReason ? `: ${cell(p.skipReason)}` : ''}`;
      lines.push(`| ${cell(p.phase)} | ${status} | ${seconds(p.durationSeconds)} | ${p.startedAt ?? '—'} | ${p.endedAt ?? '—'} |`);
    }
    lines.push('');
  }

  const o = m.objectives;
  if (o.rtoSeconds !== null || o.rpoSeconds !== null || o.rtoObjectiveSeconds !== null || o.rpoObjectiveSeconds !== null) {
    lines.push('| Objective | Measured | Target | Result |');
    lines.push('|---|---:|---:|---|');
    lines.push(`| RTO | ${seconds(o.rtoSeconds)} | ${seconds(o.rtoObjectiveSeconds)} | ${metIcon(o.rtoMet)} |`);
    lines.push(`| RPO | ${seconds(o.rpoSeconds)} | ${seconds(o.rpoObjectiveSeconds)} | ${metIcon(o.rpoMet)} |`);
    lines.push('');
  }

  lines.push('| Bundle | |');
  lines.push('|---|---|');
  lines.push(`| sha256 | \`${where.sha256}\` |`);
  lines.push(`| Size | ${formatBytes(where.size)}, ${m.files.length} file(s) + manifest |`);
  lines.push(`| Redacted | ${m.redaction.total} value(s)${m.redaction.notInspected > 0 ? `; ${m.redaction.notInspected} file(s) stored as found, not inspected` : ''} |`);
  lines.push(`| Local | \`${cell(where.localPath)}\` |`);
  if (where.s3) {
    lines.push(`| S3 | \`${cell(where.s3.bundleUri)}\`${where.s3.retainUntil ? ` (Object Lock until ${where.s3.retainUntil})` : ''} |`);
    lines.push(`| Pointer | \`${cell(where.s3.pointerUri)}\` |`);
  }
  if (where.artifact) {
    const name = cell(where.artifact.name);
    lines.push(`| Artifact | ${where.artifact.url ? `[${name}](${where.artifact.url})` : name} |`);
  }
  lines.push('');
  if (failed) {
    lines.push('### Not stored');
    for (const f of where.failures) lines.push(`- ${cell(f)}`);
    lines.push('');
  }
  if (m.warnings.length > 0) {
    lines.push(`<details><summary>${m.warnings.length} warning(s)</summary>`);
    lines.push('');
    for (const w of m.warnings) lines.push(`- ${cell(w)}`);
    lines.push('');
    lines.push('</details>');
    lines.push('');
  }
  lines.push('Check it with `drloop verify-evidence <bundle.tar.gz | s3://…/current.json>`.');
  lines.push(...runLinkLines(runUrl));
  return `${lines.join('\n')}\n`;
}
