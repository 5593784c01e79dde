/**
 * The relay's HTTP client for GitHub: node:http(s) with keep-alive agents.
 * Under a burst of notifications it costs a fraction of the CPU and garbage
 * of fetch (undici), which is what the relay's tail latency is made of.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request; rejects with an error named `TimeoutError` when no full answer came within `timeoutMs`. */
export type HttpSend = (url: string, init: HttpRequest, timeoutMs: number) => Promise<HttpAnswer>;

/** Answers larger than this are cut (GitHub's error bodies are a few hundred bytes). */
const MAX_ANSWER_BYTES = 1024 * 1024;

export class KeepAliveClient {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  readonly send: HttpSend = (url, init, timeoutMs) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol === 'https:' ? 'https:' : target.protocol === 'http:' ? 'http:' : null;
      if (!protocol) {
        reject(new Error(`unsupported URL scheme ${target.protocol}`));
        return;
      }
      const headers: Record<string, string | number> = { ...init.headers };
      if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
      const lib = protocol === 'https:' ? https : http;
      const req = lib.request(target, { method: init.method, headers, agent: this.agents[protocol] }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const raw = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            headers: {
              get: (name) => {
                const v = raw[name.toLowerCase()];
                return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
              },
            },
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
      const timer = setTimeout(() => {
        const err = new Error(`no answer within ${timeoutMs} ms`);
        err.name = 'TimeoutError';
        req.destroy(err);
      }, timeoutMs);
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.end(init.body);
    });

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
