/**
 * Shared pieces of the evidence tests: a real S3-protocol server (s3rver) on
 * loopback, planted secrets of every kind drloop redacts, and receipts in the
 * shape dr-execute writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: Server;
}
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

export const BUCKET = 'drloop-evidence-test';
/** s3rver's fixed credentials, as the AWS chain reads them from the environment. */
export const S3_ENV = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' } as const;

export interface S3Server {
  endpoint: string;
  port: number;
  directory: string;
  http: Server;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (a free port unless one is given) over `directory`, with the test bucket. */
export async function startS3(directory: string, port = 0): Promise<S3Server> {
  const s = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const addr = await s.run();
  const http = s.httpServer!;
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${addr.port}`,
    port: addr.port,
    directory,
    http,
    async stop() {
      if (stopped) return;
      stopped = true;
      http.closeAllConnections();
      await s.close().catch(() => undefined);
    },
  };
}

/** Sets the S3 credentials in this process for the library tests; returns a restore function. */
export function useS3Env(): () => void {
  const saved = Object.fromEntries(Object.keys(S3_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, S3_ENV);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

/** One planted value of every kind drloop must remove, with the kind it is counted as. */
export const SECRETS: { kind: string; value: string; line: string }[] = [
  { kind: 'aws-access-key-id', value: 'AKIAIOSFODNN7EXAMPLE', line: 'using key AKIAIOSFODNN7EXAMPLE for the restore' },
  { kind: 'aws-secret-access-key', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', line: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { kind: 'github-token', value: 'ghp_0123456789abcdefghijABCDEFGHIJ012345', line: 'GH_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345' },
  { kind: 'github-token', value: 'gho_ZYXWVUTSRQ0123456789abcdefghijklmnop', line: 'oauth: gho_ZYXWVUTSRQ0123456789abcdefghijklmnop' },
  { kind: 'github-token', value: 'ghs_1111111111aaaaaaaaaaBBBBBBBBBB222222', line: 'installation token ghs_1111111111aaaaaaaaaaBBBBBBBBBB222222 expires' },
  { kind: 'github-token', value: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', line: 'pat=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz' },
  {
    kind: 'slack-webhook',
    value: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    line: 'notify https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now',
  },
  {
    kind: 'teams-webhook',
    value: 'https://contoso.webhook.office.com/webhookb2/1234-abcd@5678/IncomingWebhook/9abc/def0',
    line: 'teams: https://contoso.webhook.office.com/webhookb2/1234-abcd@5678/IncomingWebhook/9abc/def0 done',
  },
  {
    kind: 'bearer-token',
    value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcmxvb3AifQ.c2lnbmF0dXJl',
    line: 'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcmxvb3AifQ.c2lnbmF0dXJl" https://api',
  },
  { kind: 'pem-private-key', value: 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', line: PEM },
];

/** A log with every planted secret, each on its own line between ordinary ones. */
export function secretLog(): string {
  return SECRETS.map((s, i) => `line ${i}: ok\n${s.line}\n`).join('') + 'the end\n';
}

export async function put(root: string, rel: string, content: string | Uint8Array | object): Promise<string> {
  const path = join(root, rel);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof content === 'string' || content instanceof Uint8Array ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

/** A drill's receipts and summary as dr-execute writes them under `runs/<run-id>/`. */
export async function plantRun(ws: string, runId: string, evidenceDir = 'drloop-evidence'): Promise<void> {
  const base = `${evidenceDir}/runs/${runId}`;
  const phases = [
    { phase: 'bringup', status: 'success', skipReason: null, startedAt: '2026-01-02T03:00:00Z', endedAt: '2026-01-02T03:05:00Z', durationSeconds: 300 },
    { phase: 'restore', status: 'success', skipReason: null, startedAt: '2026-01-02T03:05:00Z', endedAt: '2026-01-02T03:15:00Z', durationSeconds: 600 },
    { phase: 'validate', status: 'success', skipReason: null, startedAt: '2026-01-02T03:15:00Z', endedAt: '2026-01-02T03:16:00Z', durationSeconds: 60 },
    { phase: 'promote', status: 'skipped', skipReason: 'drill', startedAt: null, endedAt: null, durationSeconds: null },
    { phase: 'teardown', status: 'success', skipReason: null, startedAt: '2026-01-02T03:16:00Z', endedAt: '2026-01-02T03:18:00Z', durationSeconds: 120 },
  ];
  for (const p of phases) {
    await put(ws, `${base}/phases/${p.phase}.json`, {
      schema: 'drloop.phase-receipt/v1',
      runId,
      ...p,
      steps: [{ name: 'step', run: 'echo ok', status: p.status, attempts: [{ attempt: 1, exitCode: 0, signal: null, timedOut: false, durationSeconds: 1, outputTail: 'ok' }], outputs: {} }],
      checks: [],
      extra: {},
    });
  }
  await put(ws, `${base}/drill.summary.json`, {
    schema: 'drloop.drill-summary/v1',
    runId,
    plan: { name: 'netbox', path: 'dr/netbox.yml', sha256: 'a'.repeat(64) },
    mode: 'drill',
    status: 'succeeded',
    decision: 'allow',
    alert: null,
    objectives: { rtoSeconds: 3600, rpoSeconds: 300 },
    incidentStart: '2026-01-02T03:00:00Z',
    startedAt: '2026-01-02T03:00:00Z',
    endedAt: '2026-01-02T03:18:00Z',
    rtoSeconds: 960,
    rpoSeconds: 420,
    rtoMet: true,
    rpoMet: false,
    lastPhase: 'teardown',
    phases,
  });
}

/** A cost decision record as cost-decision writes it. */
export async function plantDecision(ws: string, decision = 'warn', evidenceDir = 'drloop-evidence'): Promise<void> {
  await put(ws, `${evidenceDir}/cost/decision-20260102T025900Z-drill-abc123.json`, {
    schema: 'drloop.cost-decision/v1',
    createdAt: '2026-01-02T02:59:00.000Z',
    mode: 'drill',
    decision,
    target: 'azure',
    currency: 'USD',
    reasons: ['azure: projected spend is 85% of the monthly budget'],
    targets: [],
  });
}

/** Every byte of a bundle, decompressed, as text: to prove a secret is nowhere in it. */
export function bundleText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('latin1');
}
