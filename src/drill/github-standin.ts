import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchPayloadSchema, type DispatchPayload } from '../alerts/alertmanager.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * A local stand-in for the one GitHub endpoint the DR loop's trigger uses:
 * `POST /repos/{owner}/{repo}/dispatches`. `drloop relay` posts to it exactly
 * as it posts to api.github.com (same client, `--github-api-url` pointing
 * here), and where GitHub would start the `dr-on-alert` workflow, the stand-in
 * hands the dispatch's `client_payload` to the drill, which starts the loop.
 *
 * It answers as GitHub does for the cases the relay distinguishes: 204 on
 * success, 401 without the right token, 404 for another repository or path,
 * 400 for malformed JSON and 422 for a body GitHub would refuse (no
 * `event_type`, a `client_payload` with more than 10 top-level keys). A body
 * GitHub would accept but that is not a drloop alert is accepted and recorded
 * with `valid: false`, so the drill can say why it does not start.
 */

/** GitHub refuses a `client_payload` with more top-level keys than this. */
const MAX_PAYLOAD_KEYS = 10;
const MAX_BODY_BYTES = 1024 * 1024;

export interface ReceivedDispatch {
  receivedAt: string;
  eventType: string;
  /** The payload as sent. */
  clientPayload: Record<string, unknown>;
  /** The payload read as a drloop alert (`drloop.alert/v1`); null when it is not one. */
  alert: DispatchPayload | null;
  /** Why `alert` is null. */
  problem: string | null;
}

export interface GitHubStandIn {
  /** Base URL, to give the relay as its GitHub API URL. */
  url: string;
  repo: string;
  /** Every accepted dispatch, in arrival order. */
  dispatches: ReceivedDispatch[];
  /** Requests refused (wrong token, path, body), each as `METHOD path: status reason`. */
  refused: string[];
  /**
   * Resolves with the first dispatch (already received or still to come)
   * that `accept` takes. Rejects when `signal` aborts.
   */
  nextDispatch(accept: (d: ReceivedDispatch) => boolean, signal?: AbortSignal): Promise<ReceivedDispatch>;
  close(): Promise<void>;
}

export interface GitHubStandInOptions {
  /** OWNER/NAME: the only repository that exists here. */
  repo: string;
  /** The token the relay must present (`Authorization: Bearer …` or `token …`). */
  token: string;
  logger?: Logger;
  now?: () => Date;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function tokenOf(header: string | undefined): string {
  return /^(?:Bearer|token)\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', () => resolve(null));
  });
}

/** Starts the stand-in on 127.0.0.1, on a free port. */
export async function startGitHubStandIn(options: GitHubStandInOptions): Promise<GitHubStandIn> {
  const now = options.now ?? (() => new Date());
  const expected = digest(options.token);
  const dispatchPath = `/repos/${options.repo}/dispatches`;
  const dispatches: ReceivedDispatch[] = [];
  const refused: string[] = [];
  const waiters = new Set<(d: ReceivedDispatch) => void>();

  const answer = (res: ServerResponse, status: number, body?: Record<string, unknown>) => {
    const text = body ? JSON.stringify(body) : '';
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
  };
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, message: string) => {
    refused.push(`${req.method} ${req.url}: ${status} ${message}`);
    options.logger?.warning(`GitHub stand-in: ${req.method} ${req.url} refused with ${status}: ${message}`);
    answer(res, status, { message, documentation_url: 'https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event' });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const body = await readBody(req);
    if (req.method !== 'POST' || path !== dispatchPath) return refuse(req, res, 404, 'Not Found');
    if (!timingSafeEqual(digest(tokenOf(req.headers.authorization)), expected)) return refuse(req, res, 401, 'Bad credentials');
    if (body === null) return refuse(req, res, 413, 'Payload too large');
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return refuse(req, res, 400, `Problems parsing JSON (${describeError(err)})`);
    }
    const obj = (data && typeof data === 'object' ? data : {}) as { event_type?: unknown; client_payload?: unknown };
    if (typeof obj.event_type !== 'string' || obj.event_type === '') return refuse(req, res, 422, 'event_type is required');
    const payload = obj.client_payload ?? {};
    if (typeof payload !== 'object' || Array.isArray(payload) || payload === null) return refuse(req, res, 422, 'client_payload is not an object');
    if (Object.keys(payload).length > MAX_PAYLOAD_KEYS) return refuse(req, res, 422, `client_payload has more than ${MAX_PAYLOAD_KEYS} top-level keys`);
    const parsed = dispatchPayloadSchema.safeParse(payload);
    const received: ReceivedDispatch = {
      receivedAt: now().toISOString(),
      eventType: obj.event_type,
      clientPayload: payload as Record<string, unknown>,
      alert: parsed.success ? parsed.data : null,
      problem: parsed.success ? null : `not a drloop alert payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    };
    dispatches.push(received);
    answer(res, 204);
    for (const w of [...waiters]) w(received);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.logger?.error(`GitHub stand-in: ${describeError(err)}`);
      if (!res.headersSent) answer(res, 500, { message: 'Server Error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    repo: options.repo,
    dispatches,
    refused,
    nextDispatch(accept, signal) {
      const found = dispatches.find(accept);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedDispatch>((resolve, reject) => {
        const onAbort = () => {
          waiters.delete(waiter);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        const waiter = (d: ReceivedDispatch) => {
          if (!accept(d)) return;
          waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
          resolve(d);
        };
        if (signal?.aborted) return onAbort();
        waiters.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
