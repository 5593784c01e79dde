/**
 * actions/check-freshness as the runner runs it (the bundled dist/index.js),
 * against bundles on a real S3-protocol server (s3rver) and a FAKE GitHub
 * REST API on loopback (GitHub's API cannot run here), reached by the real
 * Octokit client of @actions/github through GITHUB_API_URL. The plan goes
 * stale (an issue is opened), stays stale (the issue is updated), then a
 * good drill lands (the issue is closed).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { rm } from 'node:fs/promises';
import { runAction, tempWorkspace } from '../support/run-action.js';
import { BUCKET, makeBundle, S3_ENV, startS3Process, type S3Process } from './support.js';

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string;
  labels: { name: string }[];
  comments: string[];
}

/** A fake of the part of GitHub's issues API the action uses, with every request recorded. */
async function startFakeGitHub() {
  const issues: FakeIssue[] = [];
  const requests: { method: string; path: string; auth: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push({ method: req.method ?? '', path: url.pathname, auth: req.headers.authorization });
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const send = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
      const repo = '/repos/acme/dr/issues';
      if (req.method === 'GET' && url.pathname === repo) {
        const state = url.searchParams.get('state') ?? 'open';
        const label = url.searchParams.get('labels');
        return send(
          200,
          issues.filter((i) => i.state === state && (!label || i.labels.some((l) => l.name === label))),
        );
      }
      if (req.method === 'POST' && url.pathname === repo) {
        const issue: FakeIssue = { number: issues.length + 1, title: body.title, body: body.body, state: 'open', labels: (body.labels ?? []).map((name: string) => ({ name })), comments: [] };
        issues.push(issue);
        return send(201, issue);
      }
      const m = /^\/repos\/acme\/dr\/issues\/(\d+)(\/comments)?$/.exec(url.pathname);
      const issue = m ? issues.find((i) => i.number === Number(m[1])) : undefined;
      if (issue && req.method === 'PATCH' && !m![2]) {
        Object.assign(issue, body);
        return send(200, issue);
      }
      if (issue && req.method === 'POST' && m![2]) {
        issue.comments.push(body.body);
        return send(201, { id: issue.comments.length, body: body.body });
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    issues,
    requests,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let s3: S3Process;
let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let ws: string;
const NOW = Date.now();

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = S3_ENV.AWS_ACCESS_KEY_ID;
  process.env.AWS_SECRET_ACCESS_KEY = S3_ENV.AWS_SECRET_ACCESS_KEY;
  s3 = await startS3Process();
  github = await startFakeGitHub();
  ws = await tempWorkspace();
  await makeBundle({ plan: 'netbox', daysAgo: 100 }, { now: NOW, s3, prefix: 'prod/netbox' });
  await makeBundle({ plan: 'gitlab', daysAgo: 3 }, { now: NOW, s3, prefix: 'prod/gitlab' });
}, 60_000);

afterAll(async () => {
  await s3?.stop();
  await github?.stop();
  if (ws) await rm(ws, { recursive: true, force: true });
});

const check = () =>
  runAction('check-freshness', {
    workspace: ws,
    inputs: {
      source: `s3://${BUCKET}/prod`,
      freshness: '30d',
      's3-endpoint': s3.endpoint,
      's3-force-path-style': 'true',
      's3-checksum': 'when-required',
      'github-token': 'ghs_faketoken000000000000000000000000000',
      'html-file': 'history.html',
    },
    env: { ...S3_ENV, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/dr', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '99' },
  });

test('opens an issue when a plan goes stale, updates it while stale, closes it once a good drill lands', async () => {
  const first = await check();
  expect(first.code).toBe(1);
  expect(first.errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^plan netbox is stale: the newest successful drill .* is 100 days old, older than the 30d window/),
      'check-freshness: 1 plan(s) stale: netbox (see the drloop-freshness issues)',
    ]),
  );
  expect(first.outputs).toMatchObject({ stale: 'netbox', fresh: 'gitlab', issues: 'netbox:opened:#1' });
  expect(first.summary).toMatch(/### ❌ `netbox`: 1 run\(s\)/);
  expect(github.issues).toHaveLength(1);
  expect(github.issues[0]).toMatchObject({ title: 'DR plan netbox is stale: no fresh proof it works', state: 'open', labels: [{ name: 'drloop-freshness' }] });
  expect(github.issues[0]!.body).toContain('<!-- drloop-freshness plan=netbox -->');
  expect(github.issues[0]!.body).toContain('by [this run](https://github.com/acme/dr/actions/runs/99)');
  // The real Octokit sent the token; the log has it only in the command that masks it.
  expect(github.requests.every((r) => r.auth === 'token ghs_faketoken000000000000000000000000000')).toBe(true);
  expect(first.stdout.split('\n').filter((l) => l.includes('ghs_faketoken'))).toEqual(['::add-mask::ghs_faketoken000000000000000000000000000']);

  const second = await check();
  expect(second.code).toBe(1);
  expect(second.outputs.issues).toBe('netbox:updated:#1');
  expect(github.issues).toHaveLength(1);
  // Same reasons: the body is refreshed, no comment is added.
  expect(github.issues[0]!.comments).toEqual([]);

  await makeBundle({ plan: 'netbox', daysAgo: 1 }, { now: NOW, s3, prefix: 'prod/netbox' });
  const third = await check();
  expect(third.code).toBe(0);
  expect(third.outputs).toMatchObject({ stale: '', fresh: 'gitlab,netbox', issues: 'netbox:closed:#1' });
  expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
  expect(github.issues[0]!.comments).toEqual([expect.stringMatching(/^Fresh again: a good drill of `netbox` ran .*\. Closing\.$/)]);

  const fourth = await check();
  expect(fourth.code).toBe(0);
  expect(fourth.outputs.issues).toBe('');
  expect(github.issues).toHaveLength(1);
}, 120_000);

test('without a token the action refuses before reading anything, naming the input', async () => {
  const r = await runAction('check-freshness', { workspace: ws, inputs: { source: `s3://${BUCKET}/prod` }, env: { ...S3_ENV } });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringMatching(/^check-freshness: input 'github-token': needed to open and close issues/)]);
});
