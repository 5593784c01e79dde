/**
 * Real parts for the history tests: s3rver in its own process (pagination
 * needs --openssl-legacy-provider there), and evidence bundles made by
 * drloop's real bundling and upload code from planted drill summaries and
 * cost records, dated as the test needs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseInputs } from '../../src/inputs.js';
import { MemoryLogger } from '../../src/logger.js';
import { collectEvidenceInputs, runCollectEvidence, type CollectEvidenceResult } from '../../src/evidence/run.js';
import type { S3Options } from '../../src/evidence/s3.js';
import { put, S3_ENV } from '../evidence/support.js';

export { S3_ENV };
import { REPO_ROOT, tempWorkspace } from '../support/run-action.js';

export const BUCKET = 'drloop-history-test';

export interface S3Process {
  endpoint: string;
  directory: string;
  options: S3Options;
  stop(): Promise<void>;
}

/** Starts s3rver as `node --openssl-legacy-provider test/history/s3rver.mjs` over a fresh directory. */
export async function startS3Process(): Promise<S3Process> {
  const directory = await tempWorkspace('drloop-history-s3-');
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', join(REPO_ROOT, 'test/history/s3rver.mjs'), directory, BUCKET], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited ${code} before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    directory,
    options: { endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface DrillSpec {
  plan: string;
  /** Days before now the drill started. */
  daysAgo: number;
  status?: 'succeeded' | 'failed' | 'stopped' | 'refused' | 'cancelled';
  mode?: 'drill' | 'failover' | 'failback';
  rtoSeconds?: number | null;
  rpoSeconds?: number | null;
  rtoObjective?: number;
  rpoObjective?: number;
  target?: string;
  decision?: 'allow' | 'warn' | 'block';
  runNumber?: number;
}

const DAY = 86400_000;

/** Plants one drill's summary and cost record, as dr-execute and cost-decision write them. */
export async function plantDrill(ws: string, d: DrillSpec, now: number): Promise<Date> {
  const started = new Date(now - d.daysAgo * DAY);
  const runId = `${d.plan}-${started.getTime()}`;
  const rto = d.rtoSeconds === undefined ? 600 : d.rtoSeconds;
  const rpo = d.rpoSeconds === undefined ? 30 : d.rpoSeconds;
  const rtoObjective = d.rtoObjective ?? 3600;
  const rpoObjective = d.rpoObjective ?? 300;
  await put(ws, `drloop-evidence/runs/${runId}/drill.summary.json`, {
    schema: 'drloop.drill-summary/v1',
    runId,
    plan: { name: d.plan, path: `dr/${d.plan}.yml`, sha256: 'a'.repeat(64) },
    mode: d.mode ?? 'drill',
    status: d.status ?? 'succeeded',
    reason: null,
    dryRun: false,
    decision: d.decision ?? 'allow',
    alert: null,
    objectives: { rtoSeconds: rtoObjective, rpoSeconds: rpoObjective },
    incidentStart: started.toISOString(),
    startedAt: started.toISOString(),
    endedAt: new Date(started.getTime() + 1800_000).toISOString(),
    rtoSeconds: rto,
    rpoSeconds: rpo,
    rtoMet: rto === null ? null : rto <= rtoObjective,
    rpoMet: rpo === null ? null : rpo <= rpoObjective,
    lastPhase: 'teardown',
    phases: [],
  });
  await put(ws, `drloop-evidence/cost/decision-${started.getTime()}.json`, {
    schema: 'drloop.cost-decision/v1',
    createdAt: new Date(started.getTime() - 60_000).toISOString(),
    mode: d.mode === 'failover' ? 'dr' : 'drill',
    decision: d.decision ?? 'allow',
    target: d.target ?? 'azure',
    currency: 'USD',
    reasons: [],
    targets: [],
  });
  return started;
}

/** Bundles one drill with the real collect-evidence code and stores it under `s3://BUCKET/<prefix>` (or only locally). */
export async function makeBundle(d: DrillSpec, o: { now: number; s3?: S3Process; prefix?: string; outputDir?: string }): Promise<CollectEvidenceResult> {
  const ws = await tempWorkspace('drloop-history-ws-');
  try {
    const started = await plantDrill(ws, d, o.now);
    const run = String(d.runNumber ?? Math.floor(started.getTime() / 1000) % 100000);
    const raw: Record<string, string> = { 'output-dir': o.outputDir ?? join(ws, 'out') };
    if (o.s3) Object.assign(raw, { 's3-uri': `s3://${BUCKET}/${o.prefix ?? d.plan}`, 's3-endpoint': o.s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required' });
    const result = await runCollectEvidence(parseInputs(collectEvidenceInputs, raw), {
      workspace: ws,
      logger: new MemoryLogger(),
      // The bundle is made half an hour after the drill started, as the evidence job would.
      now: () => new Date(started.getTime() + 1800_000),
      context: { sha: 'fedcba9876543210fedcba9876543210fedcba98', runId: run, runAttempt: '1', repository: 'acme/dr', runUrl: `https://github.com/acme/dr/actions/runs/${run}` },
      s3Region: 'us-east-1',
    });
    if (result.failures.length > 0) throw new Error(`bundle not stored: ${result.failures.join('; ')}`);
    return result;
  } finally {
    await rm(ws, { recursive: true, force: true });
  }
}
