import { runLinkLines } from '../context.js';
import type { Decision } from './decide.js';
import { formatMoney, formatPercent } from './money.js';

const ICON = { allow: '✅', warn: '⚠️', block: '⛔' } as const;

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The job summary: the decision as a heading, a table of targets, the reasons. */
export function decisionMarkdown(d: Decision, recordPath: string | null, runUrl?: string): string {
  const lines: string[] = [];
  lines.push(`## ${ICON[d.decision]} Cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target}`);
  lines.push('');
  const b = d.policy.budget;
  lines.push(
    `Budget ${formatMoney(b.monthly, d.currency)} a month, ${formatMoney(b.spent, d.currency)} spent; ` +
      `warn at ${formatPercent(d.policy.thresholds.warn)}, block at ${formatPercent(d.policy.thresholds.block)}; ` +
      `an incident is priced at ${d.policy.expectedHours}h.`,
  );
  lines.push('');
  lines.push('| | Target | Decision | Hourly | Incident | Credits | Net | Projected spend | Of budget | Data |');
  lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const t of d.targets) {
    const data = [t.hourlyCost === null ? 'missing' : null, t.stale ? 'stale' : null, t.incomplete && t.hourlyCost !== null ? 'incomplete' : null].filter(Boolean).join(', ');
    lines.push(
      `| ${t.name === d.target ? '👉' : ''} | ${cell(t.name)} | ${ICON[t.decision]} ${t.decision} | ${t.hourlyCost === null ? 'unknown' : formatMoney(t.hourlyCost, d.currency)} | ` +
        `${formatMoney(t.incidentCost, d.currency)} | ${formatMoney(t.credits, d.currency)} | ${formatMoney(t.netCost, d.currency)} | ` +
        `${formatMoney(t.projectedSpend, d.currency)} | ${formatPercent(t.budgetRatio)} | ${data || 'ok'} |`,
    );
  }
  lines.push('');
  lines.push('### Reasons');
  for (const r of d.reasons) lines.push(`- ${r}`);
  const notUsed = d.artefacts.filter((a) => a.use !== 'used');
  lines.push('');
  lines.push(`<details><summary>Artefacts: ${d.artefacts.length - notUsed.length} used, ${notUsed.length} not used</summary>`);
  lines.push('');
  lines.push('| Artefact | Format | Target | Hourly | Generated | Use |');
  lines.push('|---|---|---|---:|---|---|');
  for (const a of d.artefacts) {
    lines.push(`| \`${cell(a.path)}\` | ${a.format} | ${a.target ?? '—'} | ${formatMoney(a.hourly, a.currency)} | ${a.generatedAt ?? '—'} | ${a.use}${a.note ? `: ${cell(a.note)}` : ''} |`);
  }
  lines.push('');
  lines.push('</details>');
  if (recordPath) {
    lines.push('');
    lines.push(`Decision record: \`${recordPath}\``);
  }
  lines.push(...runLinkLines(runUrl));
  return `${lines.join('\n')}\n`;
}

/** The short message a Slack- or Teams-compatible incoming webhook receives. */
export function notificationText(d: Decision, context: { repository?: string; runUrl?: string }): string {
  const where = context.repository ? ` in ${context.repository}` : '';
  const chosen = d.targets.find((t) => t.name === d.target);
  const head = `${ICON[d.decision]} drloop cost gate: ${d.decision.toUpperCase()} for ${d.mode} on ${d.target}${where}`;
  const figures = chosen ? `net ${formatMoney(chosen.netCost, d.currency)}, projected ${formatMoney(chosen.projectedSpend, d.currency)} (${formatPercent(chosen.budgetRatio)} of budget)` : '';
  const why = d.reasons
    .slice(0, 3)
    .map((r) => `• ${r}`)
    .join('\n');
  return [head, figures, why, context.runUrl ?? ''].filter((l) => l !== '').join('\n');
}
