/**
 * The actions' GitHub REST client (actions/_kit/src/github.ts): @actions/github's
 * Octokit, pointed at GITHUB_API_URL. GitHub's API is a fake on loopback.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOctokit, githubApiUrl } from '../../actions/_kit/src/github.js';
import { ConfigurationError } from '../../src/errors.js';

const saved = process.env.GITHUB_API_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = saved;
});

test('GITHUB_API_URL is honoured (GitHub Enterprise Server), else api.github.com', () => {
  expect(githubApiUrl({})).toBe('https://api.github.com');
  expect(githubApiUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe('https://ghe.example.com/api/v3');
});

test('createOctokit calls the API at GITHUB_API_URL with the token, and masks it first', async () => {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ state: 'approved', user: { login: 'alice' }, comment: 'go', environments: [{ name: 'dr-promotion' }] }]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    let octokit;
    try {
      octokit = await createOctokit('ghs_fakeRunnerToken0000000000000000000');
    } finally {
      process.stdout.write = write;
    }
    expect(writes.join('')).toContain('::add-mask::ghs_fakeRunnerToken0000000000000000000');
    const res = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', { owner: 'acme', repo: 'dr', run_id: 42 });
    expect(res.data[0]).toMatchObject({ state: 'approved', user: { login: 'alice' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/api/v3/repos/acme/dr/actions/runs/42/approvals');
    expect(seen[0]!.headers.authorization).toBe('token ghs_fakeRunnerToken0000000000000000000');
  } finally {
    server.close();
  }
});

test('an empty token is a configuration error naming the input', async () => {
  await expect(createOctokit('  ')).rejects.toThrow(ConfigurationError);
  await expect(createOctokit('', 'github-token')).rejects.toThrow(/input 'github-token' is empty/);
});
