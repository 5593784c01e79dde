/**
 * The relay's transport to GitHub, handed to Octokit as its `fetch`: undici's
 * `request()` on an Agent of its own, with keep-alive connections (a burst of
 * notifications reuses them instead of paying a TLS handshake each), a
 * bounded pool, and a close() that ends them when the relay stops.
 *
 * Why not fetch itself: fetch wraps every request and answer in WHATWG
 * streams and Headers objects, several times the CPU and garbage of
 * `request()`, and under a burst that is what the relay's tail latency is
 * made of (README, figure 5). The answers GitHub sends the relay are small
 * JSON bodies, read whole and handed to Octokit as a standard Response.
 */
import { Agent, request } from 'undici';

export type Fetch = (url: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface KeepAliveFetch {
  fetch: Fetch;
  close(): void;
}

/** Answers larger than this are cut (GitHub's error bodies are a few hundred bytes). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** Statuses whose Response may not carry a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers as Iterable<[string, string]>);
  return headers as Record<string, string>;
}

export function keepAliveFetch(): KeepAliveFetch {
  const agent = new Agent({ connections: 64, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 10 * 60_000 });
  const fetch: Fetch = async (url, init = {}) => {
    if (url instanceof Request) throw new Error('the relay transport takes a URL, not a Request');
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('the relay transport sends string bodies only');
    const answer = await request(url, {
      method: (init.method ?? 'GET') as 'GET',
      headers: plainHeaders(init.headers),
      body: body ?? null,
      signal: init.signal ?? null,
      dispatcher: agent,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
      size += chunk.length;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    return new Response(NO_BODY.has(answer.statusCode) ? null : Buffer.concat(chunks), { status: answer.statusCode, headers });
  };
  return { fetch, close: () => void agent.close().catch(() => undefined) };
}
