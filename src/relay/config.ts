import { createPrivateKey, type KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { parseDuration } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import { readText } from '../files.js';
import { enumInput, formatIssues, listInput, type RawInputs } from '../inputs.js';
import { parseMatchers, type LabelMatcher } from './matcher.js';

/** GitHub refuses an `event_type` longer than this. */
export const MAX_EVENT_TYPE_LENGTH = 100;
/** A shorter shared secret is too easy to guess for an endpoint that starts DR runs. */
export const MIN_RELAY_TOKEN_LENGTH = 16;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
export const DEFAULT_EVENT_TYPE = 'dr-alert';
/** Alertmanager gives a notification at least 10 s (max(group_interval, 10s)) in total; answer well inside it. */
export const DEFAULT_DEADLINE_SECONDS = 8;
export const DEFAULT_DEDUPE_WINDOW_SECONDS = 3600;

export interface ListenAddress {
  host: string;
  port: number;
}

/** `HOST:PORT`, `[::1]:PORT` or `:PORT` (all interfaces); port 0 picks a free one. */
export function parseListen(text: string): ListenAddress | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/.exec(text.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  const host = m[1] ?? (m[2] === '' ? '0.0.0.0' : m[2]!);
  return { host, port };
}

const duration = (fallbackSeconds: number, min: number, max: number) =>
  z._default(
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        const s = parseDuration(text);
        if (s === undefined || s < min || s > max) {
          ctx.issues.push({ code: 'custom', message: `expected a duration between ${min}s and ${max}s such as 30s, 15m or 1h, got ${JSON.stringify(text)}`, input: ctx.value });
          return z.NEVER;
        }
        return s;
      }),
    ),
    fallbackSeconds,
  );

/**
 * The options of `drloop relay`, as command-line strings in and typed values
 * out. The command line is a contract other tooling relies on: rename nothing.
 */
export const relayInputs = z.object({
  listen: z.pipe(
    z.string({ error: 'required: HOST:PORT to listen on, e.g. 127.0.0.1:9095' }),
    z.transform((text: string, ctx) => {
      const addr = parseListen(text);
      if (!addr) {
        ctx.issues.push({ code: 'custom', message: `expected HOST:PORT such as 127.0.0.1:9095, [::1]:9095 or :9095, got ${JSON.stringify(text)}`, input: ctx.value });
        return z.NEVER;
      }
      return addr;
    }),
  ),
  repo: z
    .string({ error: 'required: the repository that receives the dispatch, OWNER/NAME' })
    .check(z.regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'expected OWNER/NAME, e.g. acme/dr-runbooks')),
  'event-type': z._default(
    z.string().check(z.maxLength(MAX_EVENT_TYPE_LENGTH, `GitHub accepts at most ${MAX_EVENT_TYPE_LENGTH} characters`), z.regex(/^[^\s]+$/, 'expected one word without spaces')),
    DEFAULT_EVENT_TYPE,
  ),
  'github-api-url': z._default(
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          ctx.issues.push({ code: 'custom', message: `expected an http(s) URL such as ${DEFAULT_GITHUB_API_URL} or https://ghe.example.com/api/v3, got ${JSON.stringify(text)}`, input: ctx.value });
          return z.NEVER;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
          ctx.issues.push({ code: 'custom', message: `expected an http(s) URL, got ${url.protocol}`, input: ctx.value });
          return z.NEVER;
        }
        return url.href.replace(/\/+$/, '');
      }),
    ),
    DEFAULT_GITHUB_API_URL,
  ),
  match: z.pipe(
    listInput(),
    z.transform((lines: string[], ctx) => {
      const { matchers, problems } = parseMatchers(lines);
      for (const p of problems) ctx.issues.push({ code: 'custom', message: p, input: ctx.value });
      return matchers;
    }),
  ),
  'dedupe-window': duration(DEFAULT_DEDUPE_WINDOW_SECONDS, 0, 7 * 86400),
  resolved: enumInput(['dispatch', 'drop'] as const, 'dispatch'),
  deadline: duration(DEFAULT_DEADLINE_SECONDS, 1, 600),
});
export type RelayInputs = z.output<typeof relayInputs>;

/** Validates the command-line options, naming each as its flag (`--listen`) and reporting all problems at once. */
export function parseRelayInputs(raw: RawInputs): RelayInputs {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const result = relayInputs.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = formatIssues(result.error, (path) => `--${String(path[0] ?? '?')}`);
  throw new ConfigurationError(`invalid options: ${problems.join('; ')}`, problems);
}

/** How the relay authenticates to GitHub. */
export type GitHubCredentials = { kind: 'token'; token: string } | { kind: 'app'; appId: string; installationId: string; privateKey: KeyObject; privateKeyFile: string };

/** The secrets the relay needs, as the environment carries them (the CLI passes them in). */
export interface RelaySecretsEnv {
  DRLOOP_RELAY_TOKEN?: string | undefined;
  GITHUB_TOKEN?: string | undefined;
  DRLOOP_GITHUB_APP_ID?: string | undefined;
  DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE?: string | undefined;
  DRLOOP_GITHUB_APP_INSTALLATION_ID?: string | undefined;
}

export interface RelaySecrets {
  relayToken: string;
  github: GitHubCredentials;
}

const APP_VARS = ['DRLOOP_GITHUB_APP_ID', 'DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE', 'DRLOOP_GITHUB_APP_INSTALLATION_ID'] as const;

/**
 * Resolves the relay's secrets, refusing to start without them: a relay that
 * accepts any caller could start a failover for anyone who can reach it, and
 * one without GitHub credentials would acknowledge alerts it cannot deliver.
 * A GitHub App is preferred over a token when both are configured.
 */
export async function resolveRelaySecrets(env: RelaySecretsEnv, cwd: string): Promise<RelaySecrets> {
  const relayToken = env.DRLOOP_RELAY_TOKEN?.trim() ?? '';
  if (relayToken === '') {
    throw new ConfigurationError(
      'DRLOOP_RELAY_TOKEN is not set: the relay refuses to start without the bearer token Alertmanager must present (set it, and the same value in http_config.authorization.credentials)',
    );
  }
  if (relayToken.length < MIN_RELAY_TOKEN_LENGTH) {
    throw new ConfigurationError(`DRLOOP_RELAY_TOKEN is too short (${relayToken.length} characters): use at least ${MIN_RELAY_TOKEN_LENGTH} random characters, e.g. from \`openssl rand -hex 32\``);
  }
  const setApp = APP_VARS.filter((k) => (env[k]?.trim() ?? '') !== '');
  if (setApp.length > 0 && setApp.length < APP_VARS.length) {
    const missing = APP_VARS.filter((k) => !setApp.includes(k));
    throw new ConfigurationError(`GitHub App credentials are incomplete: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (all of ${APP_VARS.join(', ')} are needed)`);
  }
  if (setApp.length === APP_VARS.length) {
    const appId = env.DRLOOP_GITHUB_APP_ID!.trim();
    const installationId = env.DRLOOP_GITHUB_APP_INSTALLATION_ID!.trim();
    if (!/^\d+$/.test(appId)) throw new ConfigurationError(`DRLOOP_GITHUB_APP_ID: expected the App's numeric ID, got ${JSON.stringify(appId)}`);
    if (!/^\d+$/.test(installationId)) throw new ConfigurationError(`DRLOOP_GITHUB_APP_INSTALLATION_ID: expected a numeric installation ID, got ${JSON.stringify(installationId)}`);
    const file = env.DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE!.trim();
    const pem = await readText(resolve(cwd, file), 'DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE', file);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(pem);
    } catch {
      // The key's content is never echoed: the message names the file only.
      throw new ConfigurationError(`DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE ${file}: not a PEM private key (download one from the App's settings page)`);
    }
    if (privateKey.asymmetricKeyType !== 'rsa') {
      throw new ConfigurationError(`DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE ${file}: expected an RSA key (GitHub Apps sign with RS256), got ${privateKey.asymmetricKeyType ?? 'unknown'}`);
    }
    return { relayToken, github: { kind: 'app', appId, installationId, privateKey, privateKeyFile: file } };
  }
  const token = env.GITHUB_TOKEN?.trim() ?? '';
  if (token === '') {
    throw new ConfigurationError(`no GitHub credentials: set GITHUB_TOKEN (a token allowed to create repository dispatches) or a GitHub App with ${APP_VARS.join(', ')}`);
  }
  return { relayToken, github: { kind: 'token', token } };
}

export type { LabelMatcher };
