import { formatMoney, formatPercent } from '../cost/money.js';
import { formatDuration } from '../duration.js';
import type { DrillResult } from './result.js';

/**
 * The drill's two reports: a short text for the terminal and `report.md`
 * beside the bundle, with the same figures and a Mermaid gantt of the whole
 * drill (setup, load, failure, alert, decision, the plan's phases, evidence).
 */

const PHASE_ICON: Record<string, string> = { success: '✅', failed: '❌', skipped: '⏭️', cancelled: '🛑' };

function secs(n: number | null): string {
  return n === null ? 'not measured' : formatDuration(n);
}

/** `met`, `MISSED` or why there is no verdict (`note`: e.g. nothing was promoted). */
function verdict(value: number | null, objective: number | null, met: boolean | null, note: string | null = null): string {
  if (value === null) return 'not measured';
  if (objective === null) return 'no objective';
  if (met === null) return note ?? 'not judged';
  return met ? 'met' : 'MISSED';
}

function objectiveText(value: number | null, objective: number | null, met: boolean | null, note: string | null = null): string {
  return objective === null ? verdict(value, objective, met, note) : `objective ${formatDuration(objective)}, ${verdict(value, objective, met, note)}`;
}

/** What the drill recovered onto, in words. */
function recoveredNode(r: DrillResult): string {
  if (r.scenario === 'restore') {
    const i = r.restore?.instance;
    return i ? `the ${r.transactions.auditedPromoted ? 'promoted' : 'restored'} instance ${i.name} (${i.target})` : 'no restored instance';
  }
  return r.transactions.auditedPromoted ? 'the promoted standby' : 'the standby';
}

function setupText(r: DrillResult): string {
  return r.scenario === 'restore'
    ? `a PostgreSQL primary archiving WAL to s3://${r.restore?.archive.bucket ?? ''}/${r.restore?.archive.prefix ?? ''} (s3rver), restored into a fresh instance for target ${r.target}`
    : `${r.synchronous ? 'synchronous' : 'asynchronous'} standby, target ${r.target}`;
}

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1048576).toFixed(1)} MB`);

function alertPath(r: DrillResult): string {
  return r.alert.source === 'prometheus' ? 'Prometheus → Alertmanager → drloop relay → GitHub stand-in' : 'payload built by the drill → drloop relay → GitHub stand-in';
}

function lossText(r: DrillResult): string {
  const t = r.transactions;
  const base = `${t.acknowledged} acknowledged by the primary (${t.acknowledgedBeforeFailure} before the failure), ${t.missing} missing on ${recoveredNode(r)}`;
  const holes = t.holes === 0 ? 'no holes before the newest recovered one' : `${t.holes} HOLE(S) before the newest recovered one`;
  if (t.missing === 0) return `${base}: no acknowledged transaction lost (loss window 0s)`;
  const after = r.scenario === 'restore' && t.present > 0 ? ', all after the last archived point' : '';
  return `${base}: ${t.missingBeforeFailure} acknowledged before the failure lost${t.holes === 0 ? after : ''}, the oldest ${formatDuration(t.lossWindowSeconds)} before it; ${holes}`;
}

/** The short report the CLI prints on stdout. */
export function drillText(r: DrillResult): string {
  const lines: string[] = [];
  lines.push(`drloop drill (${r.scenario}): ${r.status.toUpperCase()} in ${formatDuration(r.totalSeconds)} — ${r.plan.name} (${r.plan.path}), ${setupText(r)}`);
  for (const p of r.problems) lines.push(`  ! ${p}`);
  lines.push('');
  const d = r.decision;
  lines.push(
    `  alert     ${r.alert.name} from ${r.alert.source === 'prometheus' ? 'Prometheus' : 'the drill (synthetic)'}, started ${formatDuration(r.alert.detectionSeconds)} after the failure (${alertPath(r)})`,
  );
  lines.push(`  decision  ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} (net ${formatMoney(d.netCost, d.currency)}, ${formatPercent(d.budgetRatio)} of the monthly budget)`);
  lines.push(`  plan run  ${r.run.status} (run ${r.run.runId})${r.run.reason ? ` — ${r.run.reason}` : ''}`);
  lines.push('');
  for (const p of r.phases) {
    const took = p.durationSeconds === null ? '' : formatDuration(p.durationSeconds);
    lines.push(`  ${p.phase.padEnd(9)} ${p.status.padEnd(9)} ${took.padEnd(7)} ${p.skipReason ?? ''}`.trimEnd());
  }
  lines.push('');
  lines.push(`  RTO  ${secs(r.rto.seconds).padEnd(7)} ${r.rto.measure} (${objectiveText(r.rto.seconds, r.rto.objectiveSeconds, r.rto.met)})`);
  lines.push(`  RPO  ${secs(r.rpo.seconds).padEnd(7)} ${r.rpo.measure} (${objectiveText(r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met, r.rpo.note)})`);
  lines.push(`       ${secs(r.rpo.engineSeconds).padEnd(7)} ${r.rpo.engineMeasure} (${objectiveText(r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet, r.rpo.note)})`);
  if (r.restore) {
    const x = r.restore;
    lines.push(
      `  restore  archive lag ${secs(x.archive.archiveLagSeconds)} (${x.archive.walFilesArchived} WAL files archived), base backup ${mb(x.baseBackup?.tarBytes ?? null)}, ` +
        `WAL replayed ${x.replay.walFiles ?? '—'} files ${mb(x.replay.walBytes)} in ${secs(x.replay.replaySeconds)}, restore phase ${secs(x.restoreSeconds)}`,
    );
  }
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
  if (r.restore?.archive.lastArchivedAt) milestone('Last WAL archived', 'archived', r.restore.archive.lastArchivedAt);
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
  l.push(`# ${icon} drloop drill (${r.scenario}) — ${cell(r.plan.name)}: ${r.status}`);
  l.push('');
  const setup =
    r.scenario === 'restore'
      ? `a PostgreSQL primary (${r.postgres.primary}) archiving its WAL to a local S3 server under a write load, the primary failed hard, ` +
        `a fresh instance for target **${cell(r.target)}** restored from the base backup and the WAL archive`
      : `a PostgreSQL primary (${r.postgres.primary}) with ${r.synchronous ? 'a synchronous' : 'an asynchronous'} streaming standby (${r.postgres.standby ?? ''}) under a write load, ` +
        `the primary failed hard, the standby promoted on target **${cell(r.target)}**`;
  l.push(
    `Local drill of \`${cell(r.plan.path)}\` (sha256 \`${r.plan.sha256.slice(0, 12)}\`), ${r.startedAt} → ${r.endedAt} (${formatDuration(r.totalSeconds)}): ${setup}, and the DR loop from the alert to this evidence.`,
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
  const row = (name: string, v: number | null, o: number | null, m: boolean | null, note: string | null = null) => {
    const v2 = verdict(v, o, m, note);
    l.push(`| ${cell(name)} | ${secs(v)} | ${o === null ? '—' : formatDuration(o)} | ${v2 === 'met' ? '✅ met' : v2 === 'MISSED' ? '❌ missed' : cell(v2)} |`);
  };
  row(`RTO: ${r.rto.measure}`, r.rto.seconds, r.rto.objectiveSeconds, r.rto.met);
  row(`RPO (the drill's, the headline): ${r.rpo.measure}`, r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met, r.rpo.note);
  row(`RPO (the plan engine's, in drill.summary.json): ${r.rpo.engineMeasure}`, r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet, r.rpo.note);
  l.push('');
  l.push(
    'Two RPO figures, measured from two starting points: the drill knows when the primary failed; the plan engine, like a real incident, ' +
      `knows only when the alert started, so its figure (the one in \`drill.summary.json\`) is later by the detection delay (${formatDuration(r.alert.detectionSeconds)} here) ` +
      'and can differ from the headline by that much.' +
      (r.rpo.note ? ` Neither is judged against the objective here: ${r.rpo.note.replace(/^not judged: /, '')}.` : ''),
  );
  if (r.restore) {
    const x = r.restore;
    l.push('');
    l.push('## Restore');
    l.push('');
    l.push('| Step | Figure |');
    l.push('|---|---|');
    const inst = x.instance;
    l.push(
      `| Instance | ${inst ? `\`${cell(inst.name)}\`, target **${cell(inst.target)}**${x.instanceIsChosenTarget ? " (the cost decision's)" : " — **not the cost decision's target**"}, region ${cell(inst.region)}, created ${inst.createdAt}` : 'none'} |`,
    );
    l.push(
      `| Archive | s3://${x.archive.bucket}/${x.archive.prefix}wal/, archive_timeout ${x.archive.archiveTimeoutSeconds}s: ${x.archive.walFilesArchived} WAL files (${mb(x.archive.archivedBytes)}) archived before the failure, the last at ${x.archive.lastArchivedAt ?? '—'} |`,
    );
    l.push(`| Archive lag | ${secs(x.archive.archiveLagSeconds)}: failure time − the last WAL file archived |`);
    const b = x.baseBackup;
    l.push(
      `| Base backup | ${b ? `\`${cell(b.key)}\`: ${b.files} files, ${mb(b.bytes)} (tar ${mb(b.tarBytes)}), taken and stored in ${formatDuration(b.seconds)} (${b.startedAt} → ${b.endedAt}); fetched in ${secs(x.replay.baseFetchSeconds)}` : 'none'} |`,
    );
    l.push(
      `| WAL replayed | ${x.replay.walFiles ?? '—'} files, ${mb(x.replay.walBytes)} in ${secs(x.replay.replaySeconds)}${x.replay.mbPerSecond !== null ? ` (${x.replay.mbPerSecond} MB/s)` : ''}, up to ${x.replay.newestArchived ?? '—'} (replay LSN ${x.replay.replayLsn ?? '—'}) |`,
    );
    l.push(`| Restore time | bringup ${secs(x.bringupSeconds)}, restore phase ${secs(x.restoreSeconds)} |`);
    l.push(`| Lost | ${x.lostAfterArchivedPoint} acknowledged transaction(s) after the newest restored one (${r.rpo.newestRecoveredAt ?? '—'}): what was not archived when the primary failed |`);
  }
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
    r.scenario === 'restore'
      ? 'The restore replays the archive only: commits the primary acknowledged after its last archived WAL file are lost; none before it may be missing (no holes).'
      : r.synchronous
        ? 'The standby was synchronous: every commit waited for it, so none acknowledged before the failure can be missing.'
        : 'The standby was asynchronous: commits the primary acknowledged but had not yet streamed when it failed are lost.',
  );
  l.push('');
  l.push('## Phases');
  l.push('');
  l.push('| Phase | Status | Duration | Note |');
  l.push('|---|---|---:|---|');
  for (const p of r.phases)
    l.push(`| ${p.phase} | ${PHASE_ICON[p.status] ?? ''} ${p.status} | ${p.durationSeconds === null ? '—' : formatDuration(p.durationSeconds)} | ${cell(p.skipReason ?? '')} |`);
  l.push('');
  l.push('## Timeline');
  l.push('');
  l.push(drillGantt(r));
  l.push('');
  l.push('## Evidence');
  l.push('');
  l.push(
    `- Bundle \`${cell(r.evidence.bundlePath)}\`, ${r.evidence.size} bytes, ${r.evidence.files} files, sha256 \`${r.evidence.sha256}\`: ${r.evidence.verify.ok ? 'verified' : `**does not verify**: ${cell(r.evidence.verify.mismatches.join('; '))}`}.`,
  );
  if (r.evidence.s3) {
    l.push(
      `- S3 (local s3rver, ${r.evidence.s3.endpoint}): \`${r.evidence.s3.bundleUri}\`, pointer \`${r.evidence.s3.pointerUri}\`: ${r.evidence.s3.verify.ok ? 'verified through the pointer' : `**does not verify**: ${cell(r.evidence.s3.verify.mismatches.join('; '))}`}.`,
    );
  }
  for (const f of r.evidence.failures) l.push(`- Not stored: ${cell(f)}`);
  const left = r.leftProcesses;
  l.push(`- Processes left running after the cleanup: PostgreSQL ${left.postgres}, Prometheus ${left.prometheus}, Alertmanager ${left.alertmanager}.`);
  l.push('');
  return `${l.join('\n')}\n`;
}
