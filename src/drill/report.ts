import { formatMoney, formatPercent } from '../cost/money.js';
import { formatDuration } from '../duration.js';
import type { DrillResult } from './run.js';

/**
 * The drill's two reports: a short text for the terminal and `report.md`
 * beside the bundle, with the same figures and a Mermaid gantt of the whole
 * drill (setup, load, failure, alert, decision, the plan's phases, evidence).
 */

const PHASE_ICON: Record<string, string> = { success: '✅', failed: '❌', skipped: '⏭️', cancelled: '🛑' };

function secs(n: number | null): string {
  return n === null ? 'not measured' : formatDuration(n);
}

/** `met`, `MISSED` or why there is no verdict. */
function verdict(value: number | null, objective: number | null, met: boolean | null): string {
  if (value === null) return 'not measured';
  if (objective === null) return 'no objective';
  return met ? 'met' : 'MISSED';
}

function objectiveText(value: number | null, objective: number | null, met: boolean | null): string {
  return objective === null ? verdict(value, objective, met) : `objective ${formatDuration(objective)}, ${verdict(value, objective, met)}`;
}

function alertPath(r: DrillResult): string {
  return r.alert.source === 'prometheus'
    ? 'Prometheus → Alertmanager → drloop relay → GitHub stand-in'
    : 'payload built by the drill → drloop relay → GitHub stand-in';
}

function lossText(r: DrillResult): string {
  const t = r.transactions;
  const node = t.auditedPromoted ? 'the promoted standby' : 'the standby';
  const base = `${t.acknowledged} acknowledged by the primary (${t.acknowledgedBeforeFailure} before the failure), ${t.missing} missing on ${node}`;
  if (t.missing === 0) return `${base}: no acknowledged transaction lost (loss window 0s)`;
  return `${base}: ${t.missingBeforeFailure} acknowledged before the failure lost, the oldest ${formatDuration(t.lossWindowSeconds)} before it`;
}

/** The short report the CLI prints on stdout. */
export function drillText(r: DrillResult): string {
  const lines: string[] = [];
  lines.push(`drloop drill: ${r.status.toUpperCase()} in ${formatDuration(r.totalSeconds)} — ${r.plan.name} (${r.plan.path}), ${r.synchronous ? 'synchronous' : 'asynchronous'} standby`);
  for (const p of r.problems) lines.push(`  ! ${p}`);
  lines.push('');
  const d = r.decision;
  lines.push(`  alert     ${r.alert.name} from ${r.alert.source === 'prometheus' ? 'Prometheus' : 'the drill (synthetic)'}, started ${formatDuration(r.alert.detectionSeconds)} after the failure (${alertPath(r)})`);
  lines.push(`  decision  ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} (net ${formatMoney(d.netCost, d.currency)}, ${formatPercent(d.budgetRatio)} of the monthly budget)`);
  lines.push(`  plan run  ${r.run.status} (run ${r.run.runId})${r.run.reason ? ` — ${r.run.reason}` : ''}`);
  lines.push('');
  for (const p of r.phases) {
    const took = p.durationSeconds === null ? '' : formatDuration(p.durationSeconds);
    lines.push(`  ${p.phase.padEnd(9)} ${p.status.padEnd(9)} ${took.padEnd(7)} ${p.skipReason ?? ''}`.trimEnd());
  }
  lines.push('');
  lines.push(`  RTO  ${secs(r.rto.seconds).padEnd(7)} alert start → validate passed (${objectiveText(r.rto.seconds, r.rto.objectiveSeconds, r.rto.met)})`);
  lines.push(`  RPO  ${secs(r.rpo.seconds).padEnd(7)} failure → newest transaction on the promoted standby (${objectiveText(r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met)})`);
  lines.push(`       ${secs(r.rpo.engineSeconds).padEnd(7)} as the plan engine measures it: alert start − RPO probe (${objectiveText(r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet)})`);
  lines.push(`  transactions  ${lossText(r)}`);
  lines.push('');
  lines.push(`  bundle    ${r.evidence.bundlePath}`);
  lines.push(`  sha256    ${r.evidence.sha256}`);
  lines.push(`  verified  ${r.evidence.verify.ok ? 'OK' : 'MISMATCH'} (${r.evidence.files} files against the manifest and the .sha256)`);
  if (r.evidence.s3) lines.push(`  s3        ${r.evidence.s3.pointerUri} → ${r.evidence.s3.bundleUri} (${r.evidence.s3.verify.ok ? 'verified through the pointer' : 'MISMATCH'})`);
  lines.push(`  report    ${r.reportPath}`);
  const left = r.leftProcesses.postgres + r.leftProcesses.prometheus + r.leftProcesses.alertmanager;
  lines.push(`  cleanup   ${left === 0 ? 'nothing left running' : `${left} process(es) left running`}${r.kept.length ? `; kept ${r.kept.join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Mermaid task names end at a colon, and `#`/`;` break its parser. */
function taskName(text: string): string {
  return text.replace(/[:#;]/g, ' ');
}

/**
 * A gantt of the drill in epoch milliseconds (`dateFormat x`, no time zone
 * can shift it): its stages and the plan's phases as bars, and milestones
 * for the failure, the alert's start, the dispatch and the end of the RTO.
 */
export function drillGantt(r: DrillResult): string {
  const lines = ['```mermaid', 'gantt', `  title ${taskName(r.plan.name)} local drill`, '  dateFormat x', '  axisFormat %H:%M:%S'];
  const bar = (name: string, tag: string, id: string, start: string, end: string) => {
    const s = Date.parse(start);
    // A bar needs some width to be drawn; short ones get 200 ms.
    const e = Math.max(Date.parse(end), s + 200);
    lines.push(`  ${taskName(name)} : ${tag ? `${tag}, ` : ''}${id}, ${s}, ${e}`);
  };
  const milestone = (name: string, id: string, at: string | null) => {
    if (!at) return;
    const t = Date.parse(at);
    lines.push(`  ${taskName(name)} : milestone, ${id}, ${t}, ${t}`);
  };
  lines.push('  section Incident');
  milestone('Primary failed', 'failed', r.failure.failedAt);
  milestone(`Alert starts (+${formatDuration(r.alert.detectionSeconds)})`, 'alert', r.alert.startsAt);
  milestone('Dispatch received', 'dispatch', r.alert.dispatchedAt);
  if (r.rto.seconds !== null) milestone(`RTO ${formatDuration(r.rto.seconds)}`, 'rto', r.rto.to);
  lines.push('  section Drill');
  let n = 0;
  for (const s of r.stages) {
    if (s.name === 'execute' || s.name === 'failure') continue;
    bar(s.name, '', `s${n++}`, s.startedAt, s.endedAt);
  }
  lines.push('  section Plan');
  for (const p of r.phases) {
    if (!p.startedAt || !p.endedAt) continue;
    const tag = p.status === 'success' ? 'done' : p.status === 'failed' || p.status === 'cancelled' ? 'crit' : 'active';
    bar(`${p.phase} (${p.status})`, tag, `p${n++}`, p.startedAt, p.endedAt);
  }
  lines.push('```');
  return lines.join('\n');
}

/** `report.md`, written beside the bundle. */
export function drillMarkdown(r: DrillResult): string {
  const l: string[] = [];
  const icon = r.status === 'succeeded' ? '✅' : '❌';
  l.push(`# ${icon} drloop drill — ${cell(r.plan.name)}: ${r.status}`);
  l.push('');
  l.push(
    `Local drill of \`${cell(r.plan.path)}\` (sha256 \`${r.plan.sha256.slice(0, 12)}\`), ${r.startedAt} → ${r.endedAt} (${formatDuration(r.totalSeconds)}): ` +
      `a PostgreSQL primary (${r.postgres.primary}) with ${r.synchronous ? 'a synchronous' : 'an asynchronous'} streaming standby (${r.postgres.standby}) under a write load, ` +
      `the primary failed hard, and the DR loop from the alert to this evidence.`,
  );
  if (r.problems.length) {
    l.push('');
    for (const p of r.problems) l.push(`> ❌ ${cell(p)}`);
  }
  l.push('');
  l.push('| | |');
  l.push('|---|---|');
  l.push(`| Failure | \`pg_ctl stop -m immediate\` at ${r.failure.failedAt} |`);
  l.push(`| Alert | \`${r.alert.name}\` via ${alertPath(r)}; started ${r.alert.startsAt} (${formatDuration(r.alert.detectionSeconds)} after the failure), dispatched ${r.alert.dispatchedAt} |`);
  if (r.alert.note) l.push(`| Alert note | ${cell(r.alert.note)} |`);
  const d = r.decision;
  l.push(`| Cost decision | **${d.decision}** — ${d.mode} on ${d.target}, net ${formatMoney(d.netCost, d.currency)}, ${formatPercent(d.budgetRatio)} of the monthly budget (\`${cell(d.record)}\`) |`);
  l.push(`| Plan run | ${r.run.status}${r.run.reason ? ` — ${cell(r.run.reason)}` : ''} (run \`${r.run.runId}\`, \`${cell(r.run.summaryPath)}\`) |`);
  l.push('');
  l.push('## Objectives');
  l.push('');
  l.push('| Measure | Measured | Objective | Result |');
  l.push('|---|---:|---:|---|');
  const row = (name: string, v: number | null, o: number | null, m: boolean | null) =>
    l.push(`| ${name} | ${secs(v)} | ${o === null ? '—' : formatDuration(o)} | ${verdict(v, o, m) === 'met' ? '✅ met' : verdict(v, o, m) === 'MISSED' ? '❌ missed' : verdict(v, o, m)} |`);
  row('RTO: alert start → validate passed', r.rto.seconds, r.rto.objectiveSeconds, r.rto.met);
  row('RPO: failure − newest transaction on the promoted standby', r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met);
  row('RPO as the plan engine measures it: alert start − RPO probe', r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet);
  l.push('');
  l.push(
    'The drill knows the failure time; the plan engine, like a real incident, knows only when the alert started, ' +
      `so its RPO also counts the detection delay (${formatDuration(r.alert.detectionSeconds)} here).`,
  );
  l.push('');
  l.push('## Acknowledged transactions');
  l.push('');
  l.push(`${lossText(r)}.`);
  if (r.transactions.missingList.length) {
    l.push('');
    l.push(`Missing: ${r.transactions.missingList.map((t) => `${t.id} (acknowledged ${t.ackedAt})`).join(', ')}.`);
  }
  l.push('');
  l.push(
    r.synchronous
      ? 'The standby was synchronous: every commit waited for it, so none acknowledged before the failure can be missing.'
      : 'The standby was asynchronous: commits the primary acknowledged but had not yet streamed when it failed are lost.',
  );
  l.push('');
  l.push('## Phases');
  l.push('');
  l.push('| Phase | Status | Duration | Note |');
  l.push('|---|---|---:|---|');
  for (const p of r.phases) l.push(`| ${p.phase} | ${PHASE_ICON[p.status] ?? ''} ${p.status} | ${p.durationSeconds === null ? '—' : formatDuration(p.durationSeconds)} | ${cell(p.skipReason ?? '')} |`);
  l.push('');
  l.push('## Timeline');
  l.push('');
  l.push(drillGantt(r));
  l.push('');
  l.push('## Evidence');
  l.push('');
  l.push(`- Bundle \`${cell(r.evidence.bundlePath)}\`, ${r.evidence.size} bytes, ${r.evidence.files} files, sha256 \`${r.evidence.sha256}\`: ${r.evidence.verify.ok ? 'verified' : `**does not verify**: ${cell(r.evidence.verify.mismatches.join('; '))}`}.`);
  if (r.evidence.s3) {
    l.push(`- S3 (local s3rver, ${r.evidence.s3.endpoint}): \`${r.evidence.s3.bundleUri}\`, pointer \`${r.evidence.s3.pointerUri}\`: ${r.evidence.s3.verify.ok ? 'verified through the pointer' : `**does not verify**: ${cell(r.evidence.s3.verify.mismatches.join('; '))}`}.`);
  }
  for (const f of r.evidence.failures) l.push(`- Not stored: ${cell(f)}`);
  const left = r.leftProcesses;
  l.push(`- Processes left running after the cleanup: PostgreSQL ${left.postgres}, Prometheus ${left.prometheus}, Alertmanager ${left.alertmanager}.`);
  l.push('');
  return `${l.join('\n')}\n`;
}
