import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { createArchivingPrimary, parseWalLog, type ArchivedBaseBackup, type ArchivingPrimary, type RestoredInstance, type WalLogEntry } from './archive.js';
import { auditNode, type AuditedNode } from './audit.js';
import type { HealthTarget } from './health.js';
import type { PostgresCluster, PostgresNode, PrimaryFailure } from './pg-cluster.js';
import { createPostgresPair, type PostgresPair } from './postgres.js';
import type { DrillRuntime } from './runtime.js';
import type { LocalS3 } from './s3-local.js';

/**
 * The two scenarios of the drill, as what differs between them: the servers
 * (a site) and how the recovery source is made. Everything else (trigger,
 * alerting, load, failure, decision, the plan run, audit, evidence, report)
 * is the shared rig in run.ts and stages.ts.
 *
 * - `hot-standby`: a primary and a streaming standby; the plan promotes the standby.
 * - `restore`: a primary archiving WAL to S3 with a base backup there; the
 *   plan creates a fresh instance for the chosen target, restores it from the
 *   archive and promotes it.
 */

export const SCENARIOS = ['hot-standby', 'restore'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface DrillSite {
  scenario: Scenario;
  cluster: PostgresCluster;
  primary: PostgresNode;
  /** The stage that makes the recovery source, and its progress line. */
  recoveryStage: { name: string; announce: string };
  startPrimary(): Promise<void>;
  /** Makes the recovery source (the streaming standby, or the base backup in the archive); returns the progress line. */
  prepareRecovery(): Promise<string>;
  /** The nodes the health endpoint serves once `recoveryReady`. */
  healthTargets(recoveryReady: boolean): HealthTarget[];
  failPrimary(): Promise<PrimaryFailure>;
  writeState(path: string): Promise<void>;
  /**
   * When the audit reads the recovered node: `after-teardown` (the plan runs in one
   * go and the audit restarts the node teardown stopped) or `before-teardown` (the
   * teardown deletes the node, so the plan runs up to promote, the audit
   * reads the live node, and a second run of the same run id tears down, as
   * dr-loop's teardown job does).
   */
  auditWhen: 'after-teardown' | 'before-teardown';
  /** Reads the load's transactions on the recovered node (the promoted one when promote ran) of `target`. */
  audit(rt: DrillRuntime, promoted: boolean, target: string): Promise<AuditedNode>;
  /** Server logs to keep in the evidence: [path, name under logs/]. */
  logFiles(): [string, string][];
  /** Where the servers were (the result's `postgres`). */
  describe(): { primary: string; standby: string | null };
}

const where = (n: PostgresNode) => `${n.host}:${n.port}`;

export class HotStandbySite implements DrillSite {
  readonly scenario = 'hot-standby' as const;
  readonly auditWhen = 'after-teardown' as const;
  readonly recoveryStage = { name: 'standby', announce: '' };
  constructor(readonly cluster: PostgresPair) {
    this.recoveryStage.announce = `base backup of the primary and start the ${cluster.synchronous ? 'synchronous' : 'asynchronous'} standby`;
  }
  get primary() {
    return this.cluster.primary;
  }
  startPrimary() {
    return this.cluster.startPrimary();
  }
  async prepareRecovery() {
    await this.cluster.startStandby();
    const sync = this.cluster.synchronous;
    return `standby up on ${where(this.cluster.standby)}, streaming (${sync ? 'synchronous: commits wait for it' : 'asynchronous'})`;
  }
  healthTargets(ready: boolean): HealthTarget[] {
    const c = this.cluster;
    return [{ role: 'primary', connection: c.connection(c.primary) }, ...(ready ? [{ role: 'standby', connection: c.connection(c.standby) }] : [])];
  }
  failPrimary() {
    return this.cluster.failPrimary();
  }
  writeState(path: string) {
    return this.cluster.writeState(path);
  }
  async audit(rt: DrillRuntime, promoted: boolean) {
    rt.progress(`audit: every acknowledged transaction against the ${promoted ? 'promoted standby' : 'standby'}`);
    return auditNode(rt, this.cluster, this.cluster.standby, promoted ? 'the promoted standby' : 'the standby');
  }
  logFiles(): [string, string][] {
    return [
      [this.cluster.primary.logFile, 'postgres-primary.log'],
      [this.cluster.standby.logFile, 'postgres-standby.log'],
    ];
  }
  describe() {
    return { primary: where(this.cluster.primary), standby: where(this.cluster.standby) };
  }
}

/** What the restore scenario measured beside the shared figures. */
export interface RestoreFacts {
  baseBackup: ArchivedBaseBackup | null;
  /** Every WAL file the primary archived, from the WAL tool's log. */
  pushed: WalLogEntry[];
  /** The instance the plan restored into, as bringup recorded it (read before teardown). */
  instance: RestoredInstance | null;
  /** More than one instance, or one for another target: the plan did not do what the decision asked. */
  otherInstances: RestoredInstance[];
}

export class RestoreSite implements DrillSite {
  readonly scenario = 'restore' as const;
  readonly auditWhen = 'before-teardown' as const;
  readonly recoveryStage = { name: 'archive', announce: 'base backup of the primary (pg_backup_start … pg_backup_stop) into the archive bucket' };
  readonly facts: RestoreFacts = { baseBackup: null, pushed: [], instance: null, otherInstances: [] };
  constructor(
    readonly cluster: ArchivingPrimary,
    private readonly s3: LocalS3,
    private readonly workDir: string,
  ) {}
  get primary() {
    return this.cluster.primary;
  }
  startPrimary() {
    return this.cluster.startPrimary(this.s3);
  }
  async prepareRecovery() {
    await mkdir(this.workDir, { recursive: true });
    const b = await this.cluster.baseBackupToArchive(this.s3, this.workDir);
    this.facts.baseBackup = b;
    return `base backup s3://${this.s3Bucket()}/${b.key} (${b.files} files, ${(b.tarBytes / 1048576).toFixed(1)} MB); WAL archived every ${'≤'}1s by archive_command`;
  }
  private s3Bucket() {
    return this.cluster.state().archive.bucket;
  }
  healthTargets(): HealthTarget[] {
    return [{ role: 'primary', connection: this.cluster.connection(this.cluster.primary) }];
  }
  async failPrimary() {
    const f = await this.cluster.failPrimary();
    this.facts.pushed = await this.cluster.pushLog();
    return f;
  }
  writeState(path: string) {
    return this.cluster.writeState(path);
  }
  async audit(rt: DrillRuntime, promoted: boolean, target: string) {
    const all = await this.cluster.instances();
    const mine = all.find((i) => i.target === target) ?? all[0] ?? null;
    this.facts.instance = mine;
    this.facts.otherInstances = all.filter((i) => i !== mine);
    if (!mine) {
      rt.progress('audit: the plan left no restored instance to audit');
      return { ids: new Set<number>(), newest: null, node: 'no restored instance' };
    }
    const node: PostgresNode = { name: mine.name, host: mine.host, port: mine.port, dataDir: mine.dataDir, logFile: mine.logFile };
    const label = `${promoted ? 'the promoted' : 'the restored'} instance ${mine.name} (${mine.target})`;
    rt.progress(`audit: every acknowledged transaction against ${label}`);
    const audited = await auditNode(rt, this.cluster, node, label);
    // The instance's log goes into the evidence before teardown deletes it.
    await copyFile(mine.logFile, join(this.workDir, `postgres-${mine.name}.log`)).catch(() => undefined);
    return audited;
  }
  logFiles(): [string, string][] {
    const out: [string, string][] = [
      [this.cluster.primary.logFile, 'postgres-primary.log'],
      [this.cluster.pushLogFile, 'wal-push.log'],
    ];
    if (this.facts.instance) out.push([join(this.workDir, `postgres-${this.facts.instance.name}.log`), `postgres-${this.facts.instance.name}.log`]);
    return out;
  }
  describe() {
    return { primary: where(this.cluster.primary), standby: null };
  }
}

export interface SiteOptions {
  scenario: Scenario;
  synchronous: boolean;
  logger: Logger;
  /** The restore scenario's WAL tool (absolute path) and the node binary that runs it. */
  walTool: string;
  nodePath: string;
  /** Started before the site in the restore scenario: the archive bucket lives there. */
  s3: LocalS3 | null;
  workDir: string;
}

export async function createSite(o: SiteOptions): Promise<DrillSite> {
  if (o.scenario === 'hot-standby') return new HotStandbySite(await createPostgresPair({ synchronous: o.synchronous, logger: o.logger }));
  if (!o.s3) throw new Error('the restore scenario needs the local S3 server');
  const primary = await createArchivingPrimary({ logger: o.logger, walTool: o.walTool, nodePath: o.nodePath });
  return new RestoreSite(primary, o.s3, join(o.workDir, 'restore'));
}

export { parseWalLog };
