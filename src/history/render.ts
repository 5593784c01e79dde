import { cell } from '../cost/report.js';
import { formatDuration } from '../duration.js';
import { REGRESSION_FACTOR, type History, type HistoryRun, type Integrity, type PlanHistory } from './history.js';

const STATUS_ICON: Record<string, string> = { succeeded: '✅', failed: '❌', stopped: '⏹️', refused: '⛔', cancelled: '🚫' };
const DECISION_ICON: Record<string, string> = { allow: '✅', warn: '⚠️', block: '⛔' };
const INTEGRITY_TEXT: Record<Integrity, string> = { verified: '✅ verified', recorded: '☑️ recorded', unrecorded: '❔ unrecorded', mismatch: '❌ mismatch' };

const dur = (s: number | null) => (s === null ? '—' : formatDuration(s));
const planName = (p: PlanHistory) => (p.plan === null ? '(no plan recorded)' : p.plan);
/** `2026-01-02 03:00 UTC`; the text as given when it is not a date. */
function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}
function windowText(seconds: number): string {
  return seconds % 86400 === 0 ? `${seconds / 86400}d` : formatDuration(seconds);
}

function objective(measured: number | null, target: number | null, met: boolean | null, words = false): string {
  const icon = met === null ? '' : words ? (met ? ' met' : ' missed') : met ? ' ✅' : ' ❌';
  return `${dur(measured)}${icon}${target === null ? '' : ` (≤ ${dur(target)})`}`;
}

function trend(r: HistoryRun): string {
  return r.regression ? `📈 regression: ${r.regression.ratio}× the median ${dur(r.regression.medianSeconds)}` : '';
}

function freshnessLine(p: PlanHistory): string | null {
  const f = p.freshness;
  if (!f) return null;
  if (f.ok) {
    const s = f.newestSuccess!;
    return `**Fresh**: the newest successful drill ran ${when(s.date)}, ${Math.floor(s.ageSeconds / 86400)} day(s) ago (window ${windowText(f.windowSeconds)}).`;
  }
  return [`**Stale** (window ${windowText(f.windowSeconds)}):`, ...f.problems.map((x) => `- ${x}`)].join('\n');
}

/** The job-summary form: one section and table per plan, newest run first. */
export function historyMarkdown(h: History): string {
  const lines: string[] = [];
  lines.push(`## DR drill history: \`${h.source}\``);
  lines.push('');
  lines.push(`${h.bundles} bundle(s), ${h.plans.filter((p) => p.plan !== null).length} plan(s); generated ${when(h.generatedAt)}.`);
  for (const p of h.plans) {
    const regressions = p.runs.filter((r) => r.regression).length;
    lines.push('');
    lines.push(
      `### ${p.freshness ? (p.freshness.ok ? '✅ ' : '❌ ') : ''}${p.plan === null ? planName(p) : `\`${p.plan}\``}: ${p.runs.length} run(s)${regressions ? `, ${regressions} RTO regression(s)` : ''}`,
    );
    const fresh = freshnessLine(p);
    if (fresh) lines.push('', fresh);
    lines.push('');
    lines.push('| Date | Mode | Target | Decision | Status | RTO (objective) | RPO (objective) | Trend | Evidence | Run |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of [...p.runs].reverse()) {
      const evidence = `${INTEGRITY_TEXT[r.integrity]} \`${r.bundle}\``;
      lines.push(
        `| ${[
          when(r.date),
          r.mode ?? '—',
          r.target ?? '—',
          r.decision ? `${DECISION_ICON[r.decision] ?? ''} ${r.decision}`.trim() : '—',
          r.status ? `${STATUS_ICON[r.status] ?? ''} ${r.status}`.trim() : '—',
          objective(r.rtoSeconds, r.rtoObjectiveSeconds, r.rtoMet),
          objective(r.rpoSeconds, r.rpoObjectiveSeconds, r.rpoMet),
          trend(r),
          evidence,
          r.runUrl ? `[run](${r.runUrl})` : '—',
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
    const problems = p.runs.filter((r) => r.problems.length > 0);
    if (problems.length > 0) {
      lines.push('');
      lines.push('<details><summary>Evidence problems</summary>');
      lines.push('');
      for (const r of problems) for (const x of r.problems) lines.push(`- \`${r.bundle}\`: ${x}`);
      lines.push('');
      lines.push('</details>');
    }
  }
  lines.push('');
  lines.push(`A run is flagged as a regression when its RTO exceeds ${REGRESSION_FACTOR}× the median RTO of the plan's earlier drills and failovers.`);
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A link only for http(s) URLs: a manifest is data, never a `javascript:` link. */
function safeUrl(u: string | null): string | null {
  return u && /^https?:\/\/[^\s"<>]+$/.test(u) ? u : null;
}

const W = 760;
const H = 260;
const PAD = { left: 64, right: 16, top: 30, bottom: 28 };

/** An inline SVG of RTO and RPO over time, with the objectives as dashed lines and regressions ringed. */
export function chartSvg(p: PlanHistory): string {
  const runs = p.runs.filter((r) => Number.isFinite(Date.parse(r.date)));
  const times = runs.map((r) => Date.parse(r.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const values = runs.flatMap((r) => [r.rtoSeconds, r.rpoSeconds, r.rtoObjectiveSeconds, r.rpoObjectiveSeconds]).filter((v): v is number => v !== null);
  const vmax = Math.max(1, ...values) * 1.1;
  const x = (t: number) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => H - PAD.bottom - (v / vmax) * (H - PAD.top - PAD.bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="RTO and RPO of ${esc(planName(p))} over time">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = (vmax / 4) * i;
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11" fill="#555">${esc(dur(v))}</text>`);
  }
  if (runs.length > 0) {
    parts.push(`<text x="${PAD.left}" y="${H - 10}" font-size="11" fill="#555">${esc(when(runs[0]!.date))}</text>`);
    if (runs.length > 1) parts.push(`<text x="${W - PAD.right}" y="${H - 10}" text-anchor="end" font-size="11" fill="#555">${esc(when(runs.at(-1)!.date))}</text>`);
  }
  const series = [
    { key: 'rto', color: '#2563eb', value: (r: HistoryRun) => r.rtoSeconds, target: (r: HistoryRun) => r.rtoObjectiveSeconds },
    { key: 'rpo', color: '#d97706', value: (r: HistoryRun) => r.rpoSeconds, target: (r: HistoryRun) => r.rpoObjectiveSeconds },
  ];
  for (const s of series) {
    // The objective as a step line: it holds from one run until the next changes it.
    const steps: string[] = [];
    runs.forEach((r, i) => {
      const t = s.target(r);
      if (t === null) return;
      const xe = i + 1 < runs.length ? x(times[i + 1]!) : W - PAD.right;
      steps.push(`${steps.length ? 'L' : 'M'}${f(i === 0 ? PAD.left : x(times[i]!))},${f(y(t))} L${f(xe)},${f(y(t))}`);
    });
    if (steps.length) parts.push(`<path class="objective objective-${s.key}" d="${steps.join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.5" stroke-dasharray="6 4" opacity="0.7"/>`);
    const pts = runs.map((r, i) => ({ r, i, v: s.value(r) })).filter((p): p is { r: HistoryRun; i: number; v: number } => p.v !== null);
    if (pts.length > 1) parts.push(`<polyline class="line line-${s.key}" points="${pts.map((p) => `${f(x(times[p.i]!))},${f(y(p.v))}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of pts) {
      const missed = (s.key === 'rto' ? p.r.rtoMet : p.r.rpoMet) === false;
      const reg = s.key === 'rto' && p.r.regression !== null;
      parts.push(
        `<circle class="point point-${s.key}${reg ? ' regression' : ''}" cx="${f(x(times[p.i]!))}" cy="${f(y(p.v))}" r="${reg ? 6 : 4}" fill="${missed ? '#dc2626' : s.color}" stroke="${reg ? '#dc2626' : '#fff'}" stroke-width="${reg ? 3 : 1}"><title>${esc(`${s.key.toUpperCase()} ${dur(p.v)} on ${when(p.r.date)}${reg ? ` (regression: ${p.r.regression!.ratio}× median)` : ''}`)}</title></circle>`,
      );
    }
  }
  const legend = [
    ['#2563eb', 'RTO', ''],
    ['#2563eb', 'RTO objective', '6 4'],
    ['#d97706', 'RPO', ''],
    ['#d97706', 'RPO objective', '6 4'],
  ];
  legend.forEach(([color, label, dash], i) => {
    const lx = PAD.left + i * 120;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="12" y2="12" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 26}" y="16" font-size="11" fill="#333">${label}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function htmlRow(r: HistoryRun): string {
  const url = safeUrl(r.runUrl);
  const cells = [
    esc(when(r.date)),
    esc(r.mode ?? '—'),
    esc(r.target ?? '—'),
    esc(r.decision ?? '—'),
    `<span class="status status-${esc(r.status ?? 'unknown')}">${esc(r.status ?? '—')}</span>`,
    `<span class="${r.rtoMet === false ? 'missed' : ''}">${esc(objective(r.rtoSeconds, r.rtoObjectiveSeconds, r.rtoMet, true))}</span>`,
    `<span class="${r.rpoMet === false ? 'missed' : ''}">${esc(objective(r.rpoSeconds, r.rpoObjectiveSeconds, r.rpoMet, true))}</span>`,
    r.regression ? `<span class="regression">${esc(`regression: ${r.regression.ratio}× the median ${dur(r.regression.medianSeconds)}`)}</span>` : '',
    `<span class="integrity integrity-${r.integrity}" title="${esc(r.problems.join('; '))}">${r.integrity}</span><br><code>${esc(r.bundle)}</code>${r.problems.length ? `<br><small>${esc(r.problems.join('; '))}</small>` : ''}`,
    url ? `<a href="${esc(url)}">run</a>` : '—',
  ];
  return `<tr class="run${r.regression ? ' regression' : ''}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** A self-contained page (no external assets, no script): per plan, the chart and the table. */
export function historyHtml(h: History): string {
  const sections = h.plans.map((p) => {
    const fresh = p.freshness
      ? p.freshness.ok
        ? `<p class="fresh">Fresh: the newest successful drill ran ${esc(when(p.freshness.newestSuccess!.date))} (window ${esc(windowText(p.freshness.windowSeconds))}).</p>`
        : `<div class="stale"><p>Stale (window ${esc(windowText(p.freshness.windowSeconds))}):</p><ul>${p.freshness.problems.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>`
      : '';
    return [
      `<section class="plan" data-plan="${esc(p.plan ?? '')}" data-runs="${p.runs.length}">`,
      `<h2>${esc(planName(p))} <small>${p.runs.length} run(s)</small></h2>`,
      fresh,
      chartSvg(p),
      '<table><thead><tr><th>Date</th><th>Mode</th><th>Target</th><th>Decision</th><th>Status</th><th>RTO (objective)</th><th>RPO (objective)</th><th>Trend</th><th>Evidence</th><th>Run</th></tr></thead>',
      `<tbody>${[...p.runs].reverse().map(htmlRow).join('')}</tbody></table>`,
      '</section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DR drill history: ${esc(h.source)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#111;background:#fafafa}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}h2 small{color:#666;font-weight:normal}
table{border-collapse:collapse;margin-top:8px;background:#fff}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:13px;white-space:nowrap}
th{background:#f3f4f6}td small{color:#b91c1c;white-space:normal}td:nth-child(8){white-space:normal;max-width:200px}.missed,span.regression,.status-failed,.integrity-mismatch{color:#b91c1c;font-weight:600}
.stale{border-left:4px solid #dc2626;padding-left:8px}.fresh{border-left:4px solid #16a34a;padding-left:8px}
svg.chart{display:block;border:1px solid #ddd;margin-top:8px}code{font-size:12px}
</style></head>
<body>
<h1>DR drill history</h1>
<p>${esc(h.source)}: ${h.bundles} bundle(s), generated ${esc(when(h.generatedAt))}. A run is a regression when its RTO exceeds ${REGRESSION_FACTOR}× the median RTO of the plan's earlier drills and failovers.</p>
${sections.join('\n')}
</body></html>
`;
}

/**
 * `JSON.stringify(h, null, 2)` in pieces, a plan at a time, so a history of
 * thousands of runs is written out without one string of all of it.
 */
export function* historyJsonPieces(h: History): Generator<string> {
  const { plans, ...head } = h;
  const top = JSON.stringify({ ...head, plans: [] }, null, 2);
  const at = top.lastIndexOf('"plans": []');
  if (plans.length === 0 || at < 0) {
    yield top;
    return;
  }
  yield `${top.slice(0, at)}"plans": [\n`;
  for (let i = 0; i < plans.length; i++) {
    yield `    ${JSON.stringify(plans[i], null, 2).replace(/\n/g, '\n    ')}${i < plans.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${top.slice(at + '"plans": []'.length)}`;
}
