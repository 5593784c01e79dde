/**
 * Promotion behind a verified approval: the bundled dr-execute action reads
 * the workflow run's reviews through @actions/github's Octokit from a FAKE
 * GitHub REST server on loopback (GITHUB_API_URL), the only fake here.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exists, planWorkspace, receipt, runDr, summary } from './support.js';

const PLAN = `version: 1
name: approvals
phases:
  promote: { steps: [ { name: cutover, run: "touch promoted" } ] }
`;

/** A fake of GitHub's REST API: GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals. */
class FakeGitHub {
  private server!: Server;
  reviews: unknown = [];
  status = 200;
  requests: { url: string; authorization: string | undefined }[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      this.requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      if (req.method === 'GET' && req.url === '/repos/acme/shop/actions/runs/4242/approvals') {
        res.writeHead(this.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.status === 200 ? this.reviews : { message: 'Not Found' }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not Found"}');
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

const review = (state: string, login: string, comment: string, envs: string[]) => ({
  state,
  comment,
  user: { login, id: 1, type: 'User' },
  environments: envs.map((name, i) => ({
    id: i + 1,
    node_id: `E${i}`,
    name,
    url: `https://api.github.com/x/${name}`,
    html_url: `https://github.com/acme/shop/deployments/${name}`,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  })),
});

describe('dr-execute bundle: promote-environment against a fake GitHub approvals API', () => {
  const gh = new FakeGitHub();
  beforeAll(() => gh.start());
  afterAll(() => gh.stop());

  const run = (ws: string, runId: string, extra: Record<string, string> = {}) =>
    runDr(
      ws,
      { 'run-id': runId, mode: 'failover', 'promote-environment': 'production', 'github-token': 'fake-token-123', ...extra },
      {
        env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '4242' },
      },
    );

  test('an approved review of the environment runs promote; reviewer, comment and ticket go into the receipt and the summary', async () => {
    gh.reviews = [review('approved', 'alice', 'CHG-77 go ahead\nchecked the replica', ['production'])];
    gh.requests = [];
    const ws = await planWorkspace(PLAN);
    const r = await run(ws, 'ap-1');
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('succeeded');
    expect(await exists(join(ws, 'promoted'))).toBe(true);
    expect(gh.requests).toEqual([{ url: '/repos/acme/shop/actions/runs/4242/approvals', authorization: 'token fake-token-123' }]);
    const p = await receipt(ws, 'ap-1', 'promote');
    expect(p.extra).toMatchObject({
      gate: 'approval',
      verified: true,
      approver: 'alice',
      ticket: 'CHG-77 go ahead',
      approval: {
        environment: 'production',
        reviewer: 'alice',
        comment: 'CHG-77 go ahead\nchecked the replica',
        source: 'workflow run 4242 of acme/shop',
        verifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect((await summary(ws, 'ap-1')).promotion).toMatchObject({ gate: 'approval', approver: 'alice', approval: { reviewer: 'alice', environment: 'production' } });
    expect(r.summary).toContain('Promotion approved by **alice** for environment `production`');

    // The ticket input wins over the comment.
    const ws2 = await planWorkspace(PLAN);
    await run(ws2, 'ap-2', { ticket: 'INC-9' });
    expect((await receipt(ws2, 'ap-2', 'promote')).extra).toMatchObject({ ticket: 'INC-9', approver: 'alice' });
  });

  test.each([
    ['a rejection', [review('rejected', 'bob', 'not now', ['production'])], 'environment \'production\' was rejected by bob ("not now") for workflow run 4242 of acme/shop'],
    ['no review', [], "no approval of environment 'production' for workflow run 4242 of acme/shop (GitHub lists no review); give environment 'production' required reviewers"],
    [
      'a review of another environment',
      [review('approved', 'carol', '', ['staging'])],
      "no approval of environment 'production' for workflow run 4242 of acme/shop (reviews cover only 'staging'); give environment 'production' required reviewers",
    ],
  ])('%s refuses promote, saying why and how to require reviewers', async (_name, reviews, message) => {
    gh.reviews = reviews;
    const ws = await planWorkspace(PLAN);
    const r = await run(ws, 'ap-3');
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('refused');
    expect(await exists(join(ws, 'promoted'))).toBe(false);
    const p = await receipt(ws, 'ap-3', 'promote');
    expect(p.status).toBe('skipped');
    expect(p.skipReason.startsWith(`promotion gate: ${message}`)).toBe(true);
    expect(p.extra.promotionRefused).toContain(message);
    expect(r.errors.at(-1)).toContain(message);
  });

  test('an API error refuses promote with the status, never an internal error; auto-promote stays explicit and asks no one', async () => {
    gh.status = 403;
    gh.requests = [];
    try {
      const ws = await planWorkspace(PLAN);
      const r = await run(ws, 'ap-4');
      expect(r.outputs.status).toBe('refused');
      expect(r.errors.at(-1)).toMatch(/could not read the approvals of workflow run 4242 of acme\/shop: .*Not Found/);
      expect(r.stdout).not.toContain('internal error');

      const auto = await run(await planWorkspace(PLAN), 'ap-5', { 'auto-promote': 'true' });
      expect(auto.outputs.status).toBe('succeeded');
      expect(gh.requests).toHaveLength(1);
    } finally {
      gh.status = 200;
    }
  });

  test('without the run context or a token, promote-environment is bad input before anything runs', async () => {
    const ws = await planWorkspace(PLAN);
    const r = await runDr(ws, { 'promote-environment': 'production', 'github-token': 'x' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringContaining("input 'promote-environment': needs the workflow run's GITHUB_REPOSITORY and GITHUB_RUN_ID")]);
    const noToken = await runDr(ws, { 'promote-environment': 'production', 'github-token': '' }, { env: { GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '4242' } });
    expect(noToken.errors).toEqual([expect.stringContaining("input 'github-token': required with promote-environment")]);
  });
});
