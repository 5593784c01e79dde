import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CostDecisionResult } from '../cost/run.js';
import { formatDuration } from '../duration.js';
import { writeJsonAtomic } from '../fs-atomic.js';
import type { DrExecuteResult } from '../plan/run.js';
import { summaryPhaseOf, type RunStatus } from '../plan/receipts.js';
import type { LoadedPlan } from '../plan/schema.js';
import { DRILL_ALERT_NAME } from './alerting.js';
import type { AuditedNode, Reconciliation } from './audit.js';
import type { LoadReport } from './load.js';
import type { PrimaryFailure } from './pg-cluster.js';
import { drillMarkdown } from './report.js';
import { restoreRecord } from './restore-record.js';
import { DRILL_RESULT_SCHEMA, MEASURES, type DrillRecord, type DrillResult } from './result.js';
import type { DrillOptions } from './run.js';
import { display, seconds } from './runtime.js';
import { RestoreSite, type DrillSite } from './sites.js';
import type { CollectedEvidence, DrillContext, Triggered } from './stages.js';

/**
 * The drill's verdict: the record of what every stage measured, the reasons
 * the drill failed (none when it succeeded), and the result and report
 * written beside the bundle.
 */

/** Everything the drill measured, from the stages' results. */
export function drillRecord(o: {
  startedAt: string;
  options: DrillOptions;
  workspace: string;
  loadedPlan: LoadedPlan;
  site: DrillSite;
  failure: PrimaryFailure;
  triggered: Triggered;
  cost: CostDecisionResult;
  exec: DrExecuteResult;
  runStatus: { status: RunStatus; reason: string | null };
  audited: AuditedNode;
  reconciled: Reconciliation;
  leftProcesses: DrillResult['leftProcesses'];
  loadReport: LoadReport;
}): DrillRecord {
  const { options, workspace, loadedPlan, site, failure, exec, reconciled } = o;
  const { dispatch, alertPayload, alertStartIso } = o.triggered;
  const d = o.cost.decision;
  const chosen = d.targets.find((t) => t.name === d.target);
  const summary = exec.summary;
  const objectives = summary.objectives;
  const met = (v: number | null, o: number | null) => (v === null || o === null ? null : v <= o);
  // The guards ran first; the summary lists the phases only.
  const guards = exec.receipts.get('guards');
  const phases = [...(guards ? [summaryPhaseOf(guards)] : []), ...summary.phases];
  const validateEnd = phases.find((p) => p.phase === 'validate' && p.status === 'success')?.endedAt ?? null;
  const promoted = reconciled.transactions.auditedPromoted;
  const where = site.describe();
  const cluster = site.cluster;
  return {
    schema: DRILL_RESULT_SCHEMA as typeof DRILL_RESULT_SCHEMA,
    scenario: site.scenario,
    target: summary.target ?? d.target,
    startedAt: o.startedAt,
    plan: { name: loadedPlan.plan.name, path: loadedPlan.path, sha256: loadedPlan.sha256 },
    synchronous: options.synchronous,
    postgres: {
      primary: where.primary,
      standby: where.standby,
      runAs: cluster.runAs?.user ?? null,
      baseDir: cluster.baseDir,
      binaries: cluster.binaries.binDir,
      binariesCopied: cluster.stagedBinaries !== null,
    },
    failure,
    alert: {
      source: options.alerting.source,
      note: options.alerting.source === 'synthetic' ? options.alerting.reason : null,
      name: DRILL_ALERT_NAME,
      startsAt: alertStartIso,
      detectionSeconds: Math.max(0, seconds(Date.parse(failure.failedAt), alertStartIso)),
      dispatchedAt: dispatch.receivedAt,
      eventType: dispatch.eventType,
      fingerprint: alertPayload.alerts[0]?.fingerprint ?? '',
      dedupeKey: alertPayload.dedupeKey,
    },
    decision: {
      decision: d.decision,
      target: d.target,
      mode: d.mode,
      currency: d.currency,
      netCost: chosen?.netCost ?? null,
      budgetRatio: chosen?.budgetRatio ?? null,
      reasons: d.reasons,
      record: display(workspace, resolve(workspace, o.cost.recordPath)),
    },
    run: {
      runId: exec.runId,
      status: o.runStatus.status,
      reason: o.runStatus.reason,
      receiptsDir: display(workspace, resolve(workspace, exec.receiptsDir)),
      summaryPath: display(workspace, resolve(workspace, exec.summaryPath)),
    },
    phases,
    rto: { measure: MEASURES.rto, seconds: summary.rtoSeconds, objectiveSeconds: objectives.rtoSeconds, met: summary.rtoMet, from: alertStartIso, to: validateEnd },
    rpo: {
      measure: MEASURES.rpo,
      seconds: reconciled.rpoSeconds,
      objectiveSeconds: objectives.rpoSeconds,
      // RPO is the loss of the recovered primary: with nothing promoted there is none to judge.
      met: promoted ? met(reconciled.rpoSeconds, objectives.rpoSeconds) : null,
      note: promoted ? null : 'not judged: nothing was promoted',
      failedAt: failure.failedAt,
      newestRecoveredAt: o.audited.newest,
      engineMeasure: MEASURES.engineRpo,
      engineSeconds: summary.rpoSeconds,
      engineMet: promoted ? summary.rpoMet : null,
    },
    restore: site instanceof RestoreSite ? restoreRecord(site.facts, { failure, phases, exec, loadReport: o.loadReport, audited: o.audited, target: d.target }) : null,
    transactions: reconciled.transactions,
    leftProcesses: o.leftProcesses,
  };
}

/** Every reason the drill failed; empty when it succeeded. */
function drillProblems(options: DrillOptions, record: DrillRecord, evidence: CollectedEvidence): string[] {
  const problems: string[] = [];
  const run = record.run;
  if (run.status !== 'succeeded') problems.push(`the plan run ${run.status}${run.reason ? `: ${run.reason}` : ''}`);
  if (record.rto.seconds === null) problems.push('RTO was not measured (validate did not pass)');
  else if (record.rto.met === false) problems.push(`RTO ${formatDuration(record.rto.seconds)} missed the objective ${formatDuration(record.rto.objectiveSeconds!)}`);
  if (record.rpo.seconds === null) problems.push('RPO was not measured (no load transaction on the audited node)');
  else if (record.rpo.met === null && record.rpo.note) problems.push(`RPO ${record.rpo.note}`);
  else if (record.rpo.met === false) problems.push(`RPO ${formatDuration(record.rpo.seconds)} missed the objective ${formatDuration(record.rpo.objectiveSeconds!)}`);
  if (record.rpo.engineMet === false && record.rpo.met !== false) {
    problems.push(`RPO as the plan engine measures it (${formatDuration(record.rpo.engineSeconds!)}, from the alert's start) missed the objective ${formatDuration(record.rpo.objectiveSeconds!)}`);
  }
  const tx = record.transactions;
  if (record.scenario === 'hot-standby' && options.synchronous && tx.missing > 0) problems.push(`${tx.missing} acknowledged transaction(s) missing after a failover to a synchronous standby`);
  if (tx.holes > 0) problems.push(`${tx.holes} acknowledged transaction(s) missing although later ones were recovered (the first: id ${tx.holeList[0]!.id})`);
  if (record.restore) problems.push(...record.restore.problems);
  for (const f of evidence.collected.failures) problems.push(`evidence: ${f}`);
  if (!evidence.local.ok) problems.push(`the bundle does not verify: ${evidence.local.mismatches.join('; ')}`);
  if (evidence.pointer && !evidence.pointer.ok) problems.push(`the S3 pointer does not verify: ${evidence.pointer.mismatches.join('; ')}`);
  if (options.s3 && !evidence.collected.s3) problems.push('the bundle was not stored in the local S3 server');
  const left = record.leftProcesses.postgres + record.leftProcesses.prometheus + record.leftProcesses.alertmanager;
  if (left > 0) problems.push(`${left} process(es) left running after the cleanup`);
  return problems;
}

/** The verdict: assembles the result and writes it, with its report, next to the bundle. */
export async function finishDrill(ctx: DrillContext, o: { record: DrillRecord; evidence: CollectedEvidence; kept: string[] }): Promise<DrillResult> {
  const { rt, options, workspace, dirs } = ctx;
  const { record, evidence } = o;
  const problems = drillProblems(options, record, evidence);
  const endedAt = rt.now().toISOString();
  const result: DrillResult = {
    ...record,
    status: problems.length === 0 ? 'succeeded' : 'failed',
    problems,
    endedAt,
    totalSeconds: seconds(rt.t0, Date.now()),
    stages: rt.stages,
    evidence: {
      bundlePath: display(workspace, evidence.collected.bundlePath),
      sha256: evidence.collected.sha256,
      size: evidence.collected.size,
      files: evidence.collected.manifest.files.length,
      verify: { ok: evidence.local.ok, mismatches: evidence.local.mismatches },
      s3:
        evidence.s3 && evidence.collected.s3
          ? {
              endpoint: evidence.s3.endpoint,
              bundleUri: evidence.collected.s3.bundleUri,
              pointerUri: evidence.collected.s3.pointerUri,
              verify: { ok: evidence.pointer?.ok ?? false, mismatches: evidence.pointer?.mismatches ?? ['not verified'] },
            }
          : null,
      failures: evidence.collected.failures,
    },
    outDir: display(workspace, dirs.outDir),
    reportPath: display(workspace, join(dirs.bundleDir, 'report.md')),
    resultPath: display(workspace, join(dirs.bundleDir, 'result.json')),
    kept: o.kept,
  };
  await writeFile(join(dirs.bundleDir, 'report.md'), drillMarkdown(result));
  await writeJsonAtomic(join(dirs.bundleDir, 'result.json'), result);
  rt.progress(`drill ${result.status} in ${formatDuration(result.totalSeconds)}; report ${result.reportPath}`);
  return result;
}
