import { runLinkLines } from '../context.js';
import { formatDuration } from '../duration.js';
import type { DrillSummary, ReceiptStatus, RunStatus } from './receipts.js';

const RUN_ICON: Record<RunStatus, string> = { succeeded: '✅', failed: '❌', stopped: '⏸️', refused: '⛔', cancelled: '🛑' };
const PHASE_ICON: Record<ReceiptStatus, string> = { success: '✅', failed: '❌', skipped: '⏭️', cancelled: '🛑' };

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function seconds(n: number | null): string {
  return n === null ? '—' : formatDuration(n);
}

function met(value: boolean | null, measured: number | null, objective: number | null): string {
  if (measured === null) return 'not measured';
  if (objective === null) return 'no objective';
  return value ? '✅ met' : '❌ missed';
}

/** Who allowed promotion, and how; null when promote did not succeed. */
function promotionLine(s: DrillSummary): string | null {
  const p = s.promotion;
  if (!p) return null;
  const ticket = p.ticket ? `, ticket \`${cell(p.ticket)}\`` : '';
  if (p.approval) {
    const a = p.approval;
    const comment = a.comment ? ` with the comment “${cell(a.comment)}”` : '';
    return `Promotion approved by **${cell(a.reviewer)}** for environment \`${cell(a.environment)}\`${comment}${ticket} (verified with GitHub's approvals API for ${cell(a.source)} at ${a.verifiedAt}).`;
  }
  if (p.gate === 'approval') return `Promotion approved by **${cell(p.approver ?? '?')}** as stated by the \`approver\` input (not verified with GitHub)${ticket}.`;
  if (p.gate === 'bypass') return `Promotion ran with the gate **bypassed** (allow-promote-bypass in a drill)${ticket}.`;
  return `Promotion ran with \`${cell(p.gate ?? 'unknown')}\`${ticket}.`;
}

/**
 * A Mermaid gantt of the run: one bar per phase that ran, and milestones for
 * the incident start and the moment validate passed (the end of the RTO).
 * Times are epoch milliseconds (`dateFormat x`), so no time zone can shift them.
 */
export function ganttChart(s: DrillSummary): string | null {
  const ran = s.phases.filter((p) => p.startedAt && p.endedAt);
  if (ran.length === 0) return null;
  const lines = ['```mermaid', 'gantt', `  title ${s.plan.name.replace(/[:#;]/g, ' ')} (${s.runId})`, '  dateFormat x', '  axisFormat %H:%M:%S'];
  lines.push('  section Incident');
  const incident = Date.parse(s.incidentStart);
  lines.push(`  Incident start : milestone, incident, ${incident}, ${incident}`);
  const validate = s.phases.find((p) => p.phase === 'validate' && p.status === 'success' && p.endedAt);
  if (validate?.endedAt && s.rtoSeconds !== null) lines.push(`  RTO ${formatDuration(s.rtoSeconds)} : milestone, rto, ${Date.parse(validate.endedAt)}, ${Date.parse(validate.endedAt)}`);
  lines.push('  section Phases');
  for (const p of ran) {
    const tag = p.status === 'success' ? 'done' : p.status === 'failed' || p.status === 'cancelled' ? 'crit' : 'active';
    const start = Date.parse(p.startedAt!);
    // A bar needs some width to be drawn; sub-second phases get one second.
    const end = Math.max(Date.parse(p.endedAt!), start + 1000);
    lines.push(`  ${p.phase} (${p.status}) : ${tag}, ${p.phase}, ${start}, ${end}`);
  }
  lines.push('```');
  return lines.join('\n');
}

/** The job summary: status, phases with durations, RTO/RPO against objectives, the timeline. */
export function drillMarkdown(s: DrillSummary, summaryPath: string, runUrl?: string): string {
  const lines: string[] = [];
  const title = s.dryRun ? `${s.plan.name}: dry run` : `${s.plan.name}: ${s.status}`;
  lines.push(`## ${RUN_ICON[s.status]} DR ${s.mode} — ${cell(title)}`);
  lines.push('');
  lines.push(
    `Run \`${s.runId}\`, plan \`${cell(s.plan.path)}\` (sha256 \`${s.plan.sha256.slice(0, 12)}\`)${s.target ? `, target **${cell(s.target)}**` : ''}${s.decision ? `, cost decision **${s.decision}**` : ''}.`,
  );
  if (s.reason) {
    lines.push('');
    lines.push(`> ${cell(s.reason)}`);
  }
  if (s.alert) {
    lines.push('');
    lines.push(`Alert \`${cell(s.alert.name || '(unnamed)')}\` (${s.alert.status}, fingerprint \`${cell(s.alert.fingerprint)}\`) started ${s.alert.startsAt ?? 'at an unknown time'}.`);
  }
  lines.push('');
  lines.push('| Phase | Status | Duration | Note |');
  lines.push('|---|---|---:|---|');
  for (const p of s.phases) {
    lines.push(`| ${p.phase} | ${PHASE_ICON[p.status]} ${p.status} | ${seconds(p.durationSeconds)} | ${cell(p.skipReason ?? '')} |`);
  }
  lines.push('');
  lines.push('| Objective | Measured | Target | Result |');
  lines.push('|---|---:|---:|---|');
  lines.push(`| RTO (incident start → validate passed) | ${seconds(s.rtoSeconds)} | ${seconds(s.objectives.rtoSeconds)} | ${met(s.rtoMet, s.rtoSeconds, s.objectives.rtoSeconds)} |`);
  lines.push(`| RPO (incident start − newest recovered transaction) | ${seconds(s.rpoSeconds)} | ${seconds(s.objectives.rpoSeconds)} | ${met(s.rpoMet, s.rpoSeconds, s.objectives.rpoSeconds)} |`);
  if (s.objectivesMissed) {
    lines.push('');
    lines.push(`> **Objectives missed:** ${cell(s.objectivesMissed)}${s.mode === 'drill' ? ' — the drill failed.' : ` — the ${s.mode} itself is ${s.status}.`}`);
  }
  const promotion = promotionLine(s);
  if (promotion) {
    lines.push('');
    lines.push(promotion);
  }
  lines.push('');
  lines.push(`Incident start: ${s.incidentStart}${s.alert?.startsAt ? ' (from the alert)' : ' (the run start; no alert given)'}.`);
  const chart = ganttChart(s);
  if (chart) {
    lines.push('');
    lines.push(chart);
  }
  lines.push('');
  lines.push(`Summary: \`${cell(summaryPath)}\``);
  lines.push(...runLinkLines(runUrl));
  return `${lines.join('\n')}\n`;
}
