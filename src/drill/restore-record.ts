import type { SummaryPhase } from '../plan/receipts.js';
import type { DrExecuteResult } from '../plan/run.js';
import { ARCHIVE_PREFIX, ARCHIVE_TIMEOUT_SECONDS, WAL_BUCKET } from './archive.js';
import type { AuditedNode } from './audit.js';
import type { LoadReport } from './load.js';
import type { PrimaryFailure } from './pg-cluster.js';
import { round3, seconds } from './runtime.js';
import type { RestoreFacts } from './sites.js';

/** The restore scenario's story, beside the shared figures of the result. */
export interface RestoreRecord {
  /** The instance the plan restored into, as its bringup recorded it. */
  instance: { name: string; target: string; region: string; createdAt: string } | null;
  /** Whether that instance belongs to the target the cost decision chose. */
  instanceIsChosenTarget: boolean;
  archive: {
    bucket: string;
    prefix: string;
    archiveTimeoutSeconds: number;
    /** WAL files the primary archived before it failed (archive_command), and their bytes. */
    walFilesArchived: number;
    archivedBytes: number;
    /** When the last WAL file was archived before the failure. */
    lastArchivedAt: string | null;
    /** Failure time − the last archiving: how far behind the archive was when the primary died. */
    archiveLagSeconds: number | null;
  };
  baseBackup: { key: string; files: number; bytes: number; tarBytes: number; startedAt: string; endedAt: string; seconds: number } | null;
  /** What the plan's restore step reported (its outputs), when it did. */
  replay: {
    baseFetchSeconds: number | null;
    walFiles: number | null;
    walBytes: number | null;
    replaySeconds: number | null;
    /** WAL bytes replayed per second of replay, in MB/s. */
    mbPerSecond: number | null;
    newestArchived: string | null;
    replayLsn: string | null;
  };
  /** Bringup and restore phases, as the plan engine timed them. */
  bringupSeconds: number | null;
  restoreSeconds: number | null;
  /** Acknowledged transactions lost: all after the newest restored one (holes are counted in transactions.holes). */
  lostAfterArchivedPoint: number;
  problems: string[];
}

const num = (v: string | undefined) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export function restoreRecord(
  facts: RestoreFacts,
  o: { failure: PrimaryFailure; phases: SummaryPhase[]; exec: DrExecuteResult; loadReport: LoadReport; audited: AuditedNode; target: string },
): RestoreRecord {
  const failedMs = Date.parse(o.failure.failedAt);
  // WAL files proper (24 hex digits), not the backup history or timeline files archived beside them.
  const pushed = facts.pushed.filter((p) => p.action === 'pushed' && /^[0-9A-F]{24}$/.test(p.name) && Date.parse(p.at) <= failedMs);
  const last = pushed.at(-1) ?? null;
  const outputs = Object.assign({}, ...(o.exec.receipts.get('restore')?.steps ?? []).map((s) => s.outputs)) as Record<string, string>;
  const walBytes = num(outputs.WAL_BYTES);
  const replaySeconds = num(outputs.REPLAY_SECONDS);
  const phaseSeconds = (name: string) => o.phases.find((p) => p.phase === name && p.status === 'success')?.durationSeconds ?? null;
  const inst = facts.instance;
  const b = facts.baseBackup;
  const problems: string[] = [];
  if (!inst) problems.push('the plan left no restored instance (bringup did not create one)');
  else if (inst.target !== o.target) problems.push(`the restored instance ${inst.name} is target ${inst.target}'s, not ${o.target}'s (the cost decision's)`);
  for (const other of facts.otherInstances) problems.push(`another instance was created too: ${other.name} (${other.target})`);
  const newestMs = o.audited.newest ? Date.parse(o.audited.newest) : null;
  const lost = o.loadReport.acked.filter((t) => !o.audited.ids.has(t.id)).length;
  return {
    instance: inst ? { name: inst.name, target: inst.target, region: inst.region, createdAt: inst.createdAt } : null,
    instanceIsChosenTarget: inst?.target === o.target,
    archive: {
      bucket: WAL_BUCKET,
      prefix: ARCHIVE_PREFIX,
      archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS,
      walFilesArchived: pushed.length,
      archivedBytes: pushed.reduce((n, p) => n + (p.bytes ?? 0), 0),
      lastArchivedAt: last?.at ?? null,
      archiveLagSeconds: last ? round3(Math.max(0, (failedMs - Date.parse(last.at)) / 1000)) : null,
    },
    baseBackup: b ? { key: b.key, files: b.files, bytes: b.bytes, tarBytes: b.tarBytes, startedAt: b.startedAt, endedAt: b.uploadedAt, seconds: seconds(b.startedAt, b.uploadedAt) } : null,
    replay: {
      baseFetchSeconds: num(outputs.BASE_FETCH_SECONDS),
      walFiles: num(outputs.WAL_FILES),
      walBytes,
      replaySeconds,
      mbPerSecond: walBytes !== null && replaySeconds ? round3(walBytes / 1048576 / replaySeconds) : null,
      newestArchived: outputs.NEWEST_ARCHIVED ?? null,
      replayLsn: outputs.REPLAY_LSN ?? null,
    },
    bringupSeconds: phaseSeconds('bringup'),
    restoreSeconds: phaseSeconds('restore'),
    lostAfterArchivedPoint: newestMs === null ? lost : o.loadReport.acked.filter((t) => !o.audited.ids.has(t.id) && Date.parse(t.ackedAt) >= newestMs).length,
    problems,
  };
}
