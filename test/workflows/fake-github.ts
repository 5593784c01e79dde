/**
 * A fake of GitHub's services the DR loop talks to, as one HTTP server on
 * loopback, for the scenario tests. The real clients talk to it: Octokit
 * (GITHUB_API_URL) for git refs, commits, runs, approvals and another run's
 * artifacts; @actions/artifact (ACTIONS_RESULTS_URL, its twirp service and the
 * blob store it uploads to) for this run's artifacts. It answers one request
 * at a time, so creating a ref that exists fails exactly as GitHub's 422 does.
 * Artifacts expire after their retention, on the fake clock.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

const DAY = 86_400_000;

export interface FakeArtifact {
  id: number;
  runId: string;
  name: string;
  zip: Buffer;
  createdAt: number;
  expiresAt: number;
}

export interface Review {
  state: 'approved' | 'rejected';
  user: { login: string };
  comment: string;
  environments: { name: string }[];
}

export class FakeGitHub {
  private server!: Server;
  url = '';
  /** The fake clock (ms since epoch); scenarios move it forward. */
  now = Date.parse('2026-03-01T10:00:00Z');
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, { message: string; tree: string }>();
  readonly artifacts: FakeArtifact[] = [];
  readonly runs = new Map<string, { status: 'in_progress' | 'waiting' | 'completed'; reviews: Review[] }>();
  readonly requests: string[] = [];
  private blocks = new Map<string, Map<string, Buffer>>();
  private pendingUploads = new Map<string, { runId: string; name: string; expiresAt: number; zip?: Buffer }>();
  private nextId = 1000;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks));
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(err) }));
        }
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  run(id: string) {
    let r = this.runs.get(id);
    if (!r) this.runs.set(id, (r = { status: 'in_progress', reviews: [] }));
    return r;
  }

  /** The artifact runtime token the runner gives a job: its scope names the run. */
  runtimeToken(runId: string, job: string): string {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:x Actions.Results:run-${runId}:job-${job}` })}.`;
  }

  liveArtifacts(runId: string): FakeArtifact[] {
    return this.artifacts.filter((a) => a.runId === runId && a.expiresAt > this.now);
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    this.requests.push(`${req.method} ${path}`);
    if (path.startsWith('/twirp/github.actions.results.api.v1.ArtifactService/')) return this.twirp(path.split('/').pop()!, JSON.parse(body.toString('utf8') || '{}'), res);
    if (path.startsWith('/blob/')) return this.blob(req, url, body, res);
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path);
    if (!m) return this.json(res, 404, { message: 'Not Found' });
    const rest = m[3]!;
    const method = req.method ?? 'GET';
    const payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    let mm: RegExpExecArray | null;
    if (method === 'GET' && (mm = /^git\/commits\/([0-9a-f]+)$/.exec(rest))) {
      const c = this.commits.get(mm[1]!) ?? { message: 'the workflow commit', tree: 'a'.repeat(40) };
      return this.json(res, 200, { sha: mm[1], message: c.message, tree: { sha: c.tree } });
    }
    if (method === 'POST' && rest === 'git/commits') {
      const sha = createHash('sha1').update(`${payload.message}\n${payload.tree}\n${this.nextId++}`).digest('hex');
      this.commits.set(sha, { message: payload.message, tree: payload.tree });
      return this.json(res, 201, { sha, message: payload.message, tree: { sha: payload.tree } });
    }
    if (method === 'POST' && rest === 'git/refs') {
      const ref = String(payload.ref);
      if (!/^refs\/[^/]+\/.+/.test(ref)) return this.json(res, 422, { message: `${ref} is not a valid ref name.` });
      if (this.refs.has(ref)) return this.json(res, 422, { message: 'Reference already exists' });
      this.refs.set(ref, payload.sha);
      return this.json(res, 201, { ref, object: { sha: payload.sha, type: 'commit' } });
    }
    if (method === 'GET' && (mm = /^git\/ref\/(.+)$/.exec(rest))) {
      const ref = `refs/${decodeURIComponent(mm[1]!)}`;
      const sha = this.refs.get(ref);
      return sha ? this.json(res, 200, { ref, object: { sha, type: 'commit' } }) : this.json(res, 404, { message: 'Not Found' });
    }
    if (method === 'GET' && (mm = /^git\/matching-refs\/(.+)$/.exec(rest))) {
      const prefix = `refs/${decodeURIComponent(mm[1]!)}`;
      return this.json(
        res,
        200,
        [...this.refs].filter(([r]) => r.startsWith(prefix)).map(([ref, sha]) => ({ ref, object: { sha, type: 'commit' } })),
      );
    }
    if (method === 'DELETE' && (mm = /^git\/refs\/(.+)$/.exec(rest))) {
      const ref = `refs/${decodeURIComponent(mm[1]!)}`;
      if (!this.refs.delete(ref)) return this.json(res, 422, { message: 'Reference does not exist' });
      res.writeHead(204).end();
      return;
    }
    if (method === 'GET' && (mm = /^actions\/runs\/(\d+)\/approvals$/.exec(rest))) {
      return this.json(
        res,
        200,
        this.run(mm[1]!).reviews.map((r, i) => ({ ...r, user: { ...r.user, id: i + 1 } })),
      );
    }
    if (method === 'GET' && (mm = /^actions\/runs\/(\d+)\/artifacts$/.exec(rest))) {
      const list = this.liveArtifacts(mm[1]!).map((a) => ({
        id: a.id,
        name: a.name,
        size_in_bytes: a.zip.length,
        created_at: new Date(a.createdAt).toISOString(),
        digest: `sha256:${createHash('sha256').update(a.zip).digest('hex')}`,
      }));
      return this.json(res, 200, { total_count: list.length, artifacts: list });
    }
    if (method === 'GET' && (mm = /^actions\/runs\/(\d+)$/.exec(rest))) {
      const r = this.runs.get(mm[1]!);
      return r ? this.json(res, 200, { id: Number(mm[1]), status: r.status }) : this.json(res, 404, { message: 'Not Found' });
    }
    if (method === 'GET' && (mm = /^actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
      const a = this.artifacts.find((x) => x.id === Number(mm![1]) && x.expiresAt > this.now);
      if (!a) return this.json(res, 410, { message: 'Artifact has expired' });
      res.writeHead(302, { location: `${this.url}/blob/download/${a.id}` }).end();
      return;
    }
    return this.json(res, 404, { message: `Not Found: ${method} ${rest}` });
  }

  private twirp(method: string, req: Record<string, any>, res: ServerResponse) {
    const runId = String(req.workflow_run_backend_id ?? '').replace(/^run-/, '');
    if (method === 'CreateArtifact') {
      if (this.liveArtifacts(runId).some((a) => a.name === req.name)) {
        return this.json(res, 409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
      }
      const key = `${runId}/${req.name}/${this.nextId++}`;
      const expiresAt = req.expires_at ? Date.parse(req.expires_at) : this.now + 90 * DAY;
      this.pendingUploads.set(key, { runId, name: req.name, expiresAt });
      return this.json(res, 200, { ok: true, signed_upload_url: `${this.url}/blob/upload/${encodeURIComponent(key)}?sig=fake` });
    }
    if (method === 'FinalizeArtifact') {
      const entry = [...this.pendingUploads].find(([, p]) => p.runId === runId && p.name === req.name && p.zip);
      if (!entry) return this.json(res, 404, { code: 'not_found', msg: 'no upload' });
      this.pendingUploads.delete(entry[0]);
      const id = this.nextId++;
      // Retention counts from the upload on GitHub's clock, which the scenario moves.
      const retention = entry[1].expiresAt - Date.now();
      this.artifacts.push({ id, runId, name: req.name, zip: entry[1].zip!, createdAt: this.now, expiresAt: this.now + retention });
      return this.json(res, 200, { ok: true, artifact_id: String(id) });
    }
    if (method === 'ListArtifacts') {
      let list = this.liveArtifacts(runId);
      if (req.name_filter) list = list.filter((a) => a.name === req.name_filter);
      if (req.id_filter) list = list.filter((a) => a.id === Number(req.id_filter));
      return this.json(res, 200, {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: `run-${a.runId}`,
          workflow_job_run_backend_id: 'job',
          database_id: String(a.id),
          name: a.name,
          size: String(a.zip.length),
          created_at: new Date(a.createdAt).toISOString(),
        })),
      });
    }
    if (method === 'GetSignedArtifactURL') {
      const a = this.liveArtifacts(runId).find((x) => x.name === req.name);
      if (!a) return this.json(res, 404, { code: 'not_found', msg: 'artifact not found' });
      return this.json(res, 200, { signed_url: `${this.url}/blob/download/${a.id}?sig=fake` });
    }
    if (method === 'DeleteArtifact') {
      const i = this.artifacts.findIndex((a) => a.runId === runId && a.name === req.name && a.expiresAt > this.now);
      if (i < 0) return this.json(res, 404, { code: 'not_found', msg: 'artifact not found' });
      const [a] = this.artifacts.splice(i, 1);
      return this.json(res, 200, { ok: true, artifact_id: String(a!.id) });
    }
    return this.json(res, 404, { code: 'bad_route', msg: method });
  }

  private blob(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse) {
    const parts = url.pathname.split('/');
    if (parts[2] === 'download') {
      const a = this.artifacts.find((x) => x.id === Number(parts[3]));
      if (!a) return this.json(res, 404, { message: 'BlobNotFound' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.zip.length) }).end(a.zip);
      return;
    }
    const key = decodeURIComponent(parts.slice(3).join('/'));
    const upload = this.pendingUploads.get(key);
    if (!upload) return this.json(res, 404, { message: 'BlobNotFound' });
    const comp = url.searchParams.get('comp');
    const blocks = this.blocks.get(key) ?? new Map<string, Buffer>();
    this.blocks.set(key, blocks);
    const headers = { 'x-ms-request-id': 'fake', 'x-ms-version': '2025-01-05', etag: '"fake"', 'last-modified': new Date().toUTCString(), 'x-ms-request-server-encrypted': 'true' };
    if (req.method === 'PUT' && comp === 'block') {
      blocks.set(url.searchParams.get('blockid')!, body);
      res.writeHead(201, headers).end();
      return;
    }
    if (req.method === 'PUT' && comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((x) => x[1]!);
      upload.zip = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
      res.writeHead(201, headers).end();
      return;
    }
    if (req.method === 'PUT') {
      upload.zip = body;
      res.writeHead(201, headers).end();
      return;
    }
    return this.json(res, 405, { message: 'unsupported blob operation' });
  }
}
