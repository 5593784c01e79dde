export const id = 256;
export const ids = [256];
export const modules = {

/***/ 4171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ resolveRelaySecrets),
/* harmony export */   So: () => (/* binding */ parseRelayInputs)
/* harmony export */ });
/* unused harmony exports MAX_EVENT_TYPE_LENGTH, MIN_RELAY_TOKEN_LENGTH, DEFAULT_GITHUB_API_URL, DEFAULT_EVENT_TYPE, DEFAULT_DEADLINE_SECONDS, DEFAULT_DEDUPE_WINDOW_SECONDS, parseListen, relayInputs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2716);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8532);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9148);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8422);
/* harmony import */ var _matcher_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(839);








/** GitHub refuses an `event_type` longer than this. */
const MAX_EVENT_TYPE_LENGTH = 100;
/** A shorter shared secret is too easy to guess for an endpoint that starts DR runs. */
const MIN_RELAY_TOKEN_LENGTH = 16;
const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
const DEFAULT_EVENT_TYPE = 'dr-alert';
/** Alertmanager gives a notification at least 10 s (max(group_interval, 10s)) in total; answer well inside it. */
const DEFAULT_DEADLINE_SECONDS = 8;
const DEFAULT_DEDUPE_WINDOW_SECONDS = 3600;
/** `HOST:PORT`, `[::1]:PORT` or `:PORT` (all interfaces); port 0 picks a free one. */
function parseListen(text) {
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/.exec(text.trim());
    if (!m)
        return undefined;
    const port = Number(m[3]);
    if (port > 65535)
        return undefined;
    const host = m[1] ?? (m[2] === '' ? '0.0.0.0' : m[2]);
    return { host, port };
}
const duration = (fallbackSeconds, min, max) => zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
    .transform((text, ctx) => {
    const s = (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(text);
    if (s === undefined || s < min || s > max) {
        ctx.addIssue({ code: 'custom', message: `expected a duration between ${min}s and ${max}s such as 30s, 15m or 1h, got ${JSON.stringify(text)}` });
        return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }
    return s;
})
    .default(fallbackSeconds);
/**
 * The options of `drloop relay`, as command-line strings in and typed values
 * out. The command line is a contract other tooling relies on: rename nothing.
 */
const relayInputs = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    listen: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP({ error: 'required: HOST:PORT to listen on, e.g. 127.0.0.1:9095' }).transform((text, ctx) => {
        const addr = parseListen(text);
        if (!addr) {
            ctx.addIssue({ code: 'custom', message: `expected HOST:PORT such as 127.0.0.1:9095, [::1]:9095 or :9095, got ${JSON.stringify(text)}` });
            return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        return addr;
    }),
    repo: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP({ error: 'required: the repository that receives the dispatch, OWNER/NAME' })
        .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'expected OWNER/NAME, e.g. acme/dr-runbooks'),
    'event-type': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .max(MAX_EVENT_TYPE_LENGTH, `GitHub accepts at most ${MAX_EVENT_TYPE_LENGTH} characters`)
        .regex(/^[^\s]+$/, 'expected one word without spaces')
        .default(DEFAULT_EVENT_TYPE),
    'github-api-url': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .transform((text, ctx) => {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            ctx.addIssue({ code: 'custom', message: `expected an http(s) URL such as ${DEFAULT_GITHUB_API_URL} or https://ghe.example.com/api/v3, got ${JSON.stringify(text)}` });
            return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            ctx.addIssue({ code: 'custom', message: `expected an http(s) URL, got ${url.protocol}` });
            return zod__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        return url.href.replace(/\/+$/, '');
    })
        .default(DEFAULT_GITHUB_API_URL),
    match: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .listInput */ .dt)().transform((lines, ctx) => {
        const { matchers, problems } = (0,_matcher_js__WEBPACK_IMPORTED_MODULE_8__/* .parseMatchers */ .J$)(lines);
        for (const p of problems)
            ctx.addIssue({ code: 'custom', message: p });
        return matchers;
    }),
    'dedupe-window': duration(DEFAULT_DEDUPE_WINDOW_SECONDS, 0, 7 * 86400),
    resolved: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .enumInput */ .gX)(['dispatch', 'drop'], 'dispatch'),
    deadline: duration(DEFAULT_DEADLINE_SECONDS, 1, 600),
});
/** Validates the command-line options, naming each as its flag (`--listen`) and reporting all problems at once. */
function parseRelayInputs(raw) {
    const cleaned = {};
    for (const [k, v] of Object.entries(raw))
        if (v !== undefined && v.trim() !== '')
            cleaned[k] = v.trim();
    const result = relayInputs.safeParse(cleaned);
    if (result.success)
        return result.data;
    const problems = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .formatIssues */ .og)(result.error, (path) => `--${String(path[0] ?? '?')}`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`invalid options: ${problems.join('; ')}`, problems);
}
const APP_VARS = ['DRLOOP_GITHUB_APP_ID', 'DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE', 'DRLOOP_GITHUB_APP_INSTALLATION_ID'];
/**
 * Resolves the relay's secrets, refusing to start without them: a relay that
 * accepts any caller could start a failover for anyone who can reach it, and
 * one without GitHub credentials would acknowledge alerts it cannot deliver.
 * A GitHub App is preferred over a token when both are configured.
 */
async function resolveRelaySecrets(env, cwd) {
    const relayToken = env.DRLOOP_RELAY_TOKEN?.trim() ?? '';
    if (relayToken === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('DRLOOP_RELAY_TOKEN is not set: the relay refuses to start without the bearer token Alertmanager must present (set it, and the same value in http_config.authorization.credentials)');
    }
    if (relayToken.length < MIN_RELAY_TOKEN_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DRLOOP_RELAY_TOKEN is too short (${relayToken.length} characters): use at least ${MIN_RELAY_TOKEN_LENGTH} random characters, e.g. from \`openssl rand -hex 32\``);
    }
    const setApp = APP_VARS.filter((k) => (env[k]?.trim() ?? '') !== '');
    if (setApp.length > 0 && setApp.length < APP_VARS.length) {
        const missing = APP_VARS.filter((k) => !setApp.includes(k));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`GitHub App credentials are incomplete: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (all of ${APP_VARS.join(', ')} are needed)`);
    }
    if (setApp.length === APP_VARS.length) {
        const appId = env.DRLOOP_GITHUB_APP_ID.trim();
        const installationId = env.DRLOOP_GITHUB_APP_INSTALLATION_ID.trim();
        if (!/^\d+$/.test(appId))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DRLOOP_GITHUB_APP_ID: expected the App's numeric ID, got ${JSON.stringify(appId)}`);
        if (!/^\d+$/.test(installationId))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DRLOOP_GITHUB_APP_INSTALLATION_ID: expected a numeric installation ID, got ${JSON.stringify(installationId)}`);
        const file = env.DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE.trim();
        const pem = await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readText */ .yR)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE', file);
        let privateKey;
        try {
            privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(pem);
        }
        catch {
            // The key's content is never echoed: the message names the file only.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE ${file}: not a PEM private key (download one from the App's settings page)`);
        }
        if (privateKey.asymmetricKeyType !== 'rsa') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE ${file}: expected an RSA key (GitHub Apps sign with RS256), got ${privateKey.asymmetricKeyType ?? 'unknown'}`);
        }
        return { relayToken, github: { kind: 'app', appId, installationId, privateKey, privateKeyFile: file } };
    }
    const token = env.GITHUB_TOKEN?.trim() ?? '';
    if (token === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`no GitHub credentials: set GITHUB_TOKEN (a token allowed to create repository dispatches) or a GitHub App with ${APP_VARS.join(', ')}`);
    }
    return { relayToken, github: { kind: 'token', token } };
}


/***/ }),

/***/ 3546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n_: () => (/* binding */ GitHubDispatcher)
});

// UNUSED EXPORTS: TOKEN_REFRESH_MARGIN_MS, createAppJwt, parseRetryAfter

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 8 modules
var schemas = __webpack_require__(2716);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/relay/http.ts
/**
 * The relay's HTTP client for GitHub: node:http(s) with keep-alive agents.
 * Under a burst of notifications it costs a fraction of the CPU and garbage
 * of fetch (undici), which is what the relay's tail latency is made of.
 */


/** Answers larger than this are cut (GitHub's error bodies are a few hundred bytes). */
const MAX_ANSWER_BYTES = 1024 * 1024;
class KeepAliveClient {
    agents = {
        'http:': new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 64 }),
        'https:': new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: 64 }),
    };
    send = (url, init, timeoutMs) => new Promise((resolve, reject) => {
        const target = new URL(url);
        const protocol = target.protocol === 'https:' ? 'https:' : target.protocol === 'http:' ? 'http:' : null;
        if (!protocol) {
            reject(new Error(`unsupported URL scheme ${target.protocol}`));
            return;
        }
        const headers = { ...init.headers };
        if (init.body !== undefined)
            headers['content-length'] = Buffer.byteLength(init.body);
        const lib = protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const req = lib.request(target, { method: init.method, headers, agent: this.agents[protocol] }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < MAX_ANSWER_BYTES)
                    chunks.push(chunk);
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
    close() {
        this.agents['http:'].destroy();
        this.agents['https:'].destroy();
    }
}

;// CONCATENATED MODULE: ./src/relay/github.ts




/** Installation tokens live an hour; take a new one this long before that. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 4_000;
const FIRST_BACKOFF_MS = 200;
class GitHubRequestError extends Error {
    status;
    retryable;
    retryAfter;
    constructor(message, status, retryable, retryAfter) {
        super(message);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }
}
function base64url(data) {
    return Buffer.from(data).toString('base64url');
}
/** The JWT a GitHub App signs (RS256) to ask for an installation token; valid 9 minutes, back-dated 60 s for clock drift. */
function createAppJwt(appId, key, nowMs) {
    const iat = Math.floor(nowMs / 1000) - 60;
    const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const body = base64url(JSON.stringify({ iat, exp: iat + 60 + 9 * 60, iss: appId }));
    const signature = (0,external_node_crypto_.sign)('sha256', Buffer.from(`${head}.${body}`), key);
    return `${head}.${body}.${base64url(signature)}`;
}
/** Retry-After in seconds, from delta-seconds or an HTTP date. */
function parseRetryAfter(value, nowMs) {
    if (!value)
        return undefined;
    const t = value.trim();
    if (/^\d+$/.test(t))
        return Number(t);
    const at = Date.parse(t);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
/** GitHub's `message` from an error body, else the start of the body. */
function errorMessage(status, text) {
    let detail = text.slice(0, 300).trim();
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.message === 'string')
            detail = parsed.message.slice(0, 300);
    }
    catch {
        // Not JSON (a proxy's HTML page): keep the raw start.
    }
    return `GitHub answered HTTP ${status}${detail ? `: ${detail.replace(/\s+/g, ' ')}` : ''}`;
}
const tokenResponse = schemas/* looseObject */._H3({ token: schemas/* string */.YjP().min(1), expires_at: schemas/* string */.YjP().optional() });
/**
 * Posts repository dispatches with a token or a GitHub App installation token.
 * Failures GitHub invites us to retry (5xx, 429, secondary rate limits,
 * network errors) are retried with exponential backoff, honouring
 * Retry-After, until the caller's deadline; anything else is reported at once.
 */
class GitHubDispatcher {
    options;
    deps;
    send;
    client;
    now;
    sleep;
    random;
    url;
    cached;
    pending;
    refreshTimer;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.client = deps.send ? undefined : new KeepAliveClient();
        this.send = deps.send ?? this.client.send;
        this.now = deps.now ?? Date.now;
        this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
        this.random = deps.random ?? Math.random;
        this.url = `${options.apiUrl}/repos/${options.repo}/dispatches`;
    }
    headers(auth) {
        return {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${auth}`,
            'content-type': 'application/json',
            'user-agent': this.options.userAgent ?? 'drloop-relay',
            'x-github-api-version': '2022-11-28',
        };
    }
    /** One HTTP request with the time left; the body is always read so the connection can be reused. */
    async request(url, init, deadlineAt, what) {
        const started = this.now();
        const timeout = Math.max(1, deadlineAt - started);
        try {
            const res = await this.send(url, init, timeout);
            this.deps.metrics?.inc('drloop_relay_github_requests_total', { status: String(res.status) });
            this.deps.metrics?.observe('drloop_relay_github_request_duration_seconds', (this.now() - started) / 1000);
            return res;
        }
        catch (err) {
            this.deps.metrics?.inc('drloop_relay_github_requests_total', { status: 'network' });
            this.deps.metrics?.inc('drloop_relay_github_errors_total', { kind: 'network' });
            const name = err.name;
            const reason = name === 'TimeoutError' ? `no answer before the deadline` : (0,errors/* describeError */.Uc)(err.cause ?? err);
            throw new GitHubRequestError(`${what}: ${reason}`, null, true);
        }
    }
    /** Sorts a non-2xx answer into retryable or not, counting it. */
    classify(res, what) {
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'), this.now());
        const s = res.status;
        // A secondary rate limit comes as 403 with Retry-After or an exhausted quota; it passes.
        const limited = s === 429 || (s === 403 && (retryAfter !== undefined || res.headers.get('x-ratelimit-remaining') === '0'));
        const kind = limited ? 'rate_limited' : s >= 500 ? 'server' : s === 401 || s === 403 || s === 404 ? 'auth' : 'client';
        this.deps.metrics?.inc('drloop_relay_github_errors_total', { kind });
        let message = `${what}: ${errorMessage(s, res.text)}`;
        if (s === 404)
            message += ` (does ${this.options.repo} exist, and may these credentials see it?)`;
        if (s === 401)
            message += ' (are the credentials valid?)';
        if (s === 403 && !limited)
            message += ' (do the credentials allow repository dispatches: contents write?)';
        return new GitHubRequestError(message, s, limited || s >= 500, retryAfter);
    }
    async installationToken(deadlineAt) {
        const creds = this.options.credentials;
        if (creds.kind === 'token')
            return creds.token;
        if (this.cached && this.cached.expiresAt - this.now() > TOKEN_REFRESH_MARGIN_MS)
            return this.cached.token;
        // Concurrent notifications share one refresh.
        this.pending ??= this.refreshToken(deadlineAt).finally(() => (this.pending = undefined));
        return this.pending;
    }
    async refreshToken(deadlineAt) {
        const creds = this.options.credentials;
        if (creds.kind !== 'app')
            throw new Error('refreshToken without App credentials');
        const jwt = createAppJwt(creds.appId, creds.privateKey, this.now());
        const what = `installation token for App ${creds.appId}`;
        const res = await this.request(`${this.options.apiUrl}/app/installations/${creds.installationId}/access_tokens`, { method: 'POST', headers: this.headers(jwt) }, deadlineAt, what);
        if (res.status !== 201 && res.status !== 200)
            throw this.classify(res, what);
        let parsed;
        try {
            parsed = tokenResponse.parse(JSON.parse(res.text));
        }
        catch {
            throw new GitHubRequestError(`${what}: GitHub's answer has no token`, res.status, true);
        }
        const expires = parsed.expires_at ? Date.parse(parsed.expires_at) : NaN;
        // GitHub's tokens last an hour; without a readable expiry assume a little less.
        const expiresAt = Number.isNaN(expires) ? this.now() + 55 * 60_000 : expires;
        this.cached = { token: parsed.token, expiresAt };
        this.deps.logger.info(`GitHub App ${creds.appId}: new installation token, valid until ${new Date(expiresAt).toISOString()}`);
        this.scheduleRefresh(expiresAt);
        return parsed.token;
    }
    /** Refreshes ahead of expiry in the background, so no notification waits for a token. */
    scheduleRefresh(expiresAt) {
        clearTimeout(this.refreshTimer);
        const due = Math.max(1_000, expiresAt - TOKEN_REFRESH_MARGIN_MS - 60_000 - this.now());
        this.refreshTimer = setTimeout(() => {
            this.pending ??= this.refreshToken(this.now() + 30_000).finally(() => (this.pending = undefined));
            this.pending.catch((err) => this.deps.logger.warning(`background token refresh failed (${(0,errors/* describeError */.Uc)(err)}); the next notification tries again`));
        }, due);
        this.refreshTimer.unref();
    }
    backoff(attempt) {
        const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
        return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    }
    async dispatch(json, deadlineAt) {
        let attempts = 0;
        let reauthenticated = false;
        for (;;) {
            if (this.now() >= deadlineAt) {
                return { ok: false, status: null, attempts, retryable: true, message: 'deadline reached before GitHub could be asked' };
            }
            attempts += 1;
            let failure;
            try {
                const token = await this.installationToken(deadlineAt);
                const res = await this.request(this.url, { method: 'POST', headers: this.headers(token), body: json }, deadlineAt, 'dispatch');
                if (res.status >= 200 && res.status < 300)
                    return { ok: true, status: res.status, attempts, retryable: false, message: `GitHub accepted the dispatch (HTTP ${res.status})` };
                failure = this.classify(res, 'dispatch');
                // An installation token can be revoked before it expires: take a new one, once.
                if (res.status === 401 && this.options.credentials.kind === 'app' && !reauthenticated) {
                    reauthenticated = true;
                    this.cached = undefined;
                    continue;
                }
            }
            catch (err) {
                if (!(err instanceof GitHubRequestError))
                    throw err;
                failure = err;
            }
            const outcome = { ok: false, status: failure.status, attempts, retryable: failure.retryable, message: failure.message };
            if (failure.retryAfter !== undefined)
                outcome.retryAfter = failure.retryAfter;
            if (!failure.retryable)
                return outcome;
            const wait = failure.retryAfter !== undefined ? failure.retryAfter * 1000 : this.backoff(attempts);
            if (this.now() + wait >= deadlineAt) {
                outcome.message += ` (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''}: the next one would pass the deadline)`;
                return outcome;
            }
            this.deps.logger.debug(`${failure.message}; retrying in ${wait} ms`);
            await this.sleep(wait);
        }
    }
    close() {
        clearTimeout(this.refreshTimer);
        this.client?.close();
    }
}


/***/ }),

/***/ 839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ describeMatchers),
/* harmony export */   J$: () => (/* binding */ parseMatchers),
/* harmony export */   qM: () => (/* binding */ compileMatcher)
/* harmony export */ });
/**
 * Which alerts the relay forwards. `--match LABEL=VALUE` may repeat: values
 * given for the same label are alternatives (OR), different labels must all
 * hold (AND), so `--match dr=true --match alertname=A --match alertname=B`
 * selects DR-labelled alerts named A or B. No matcher selects every alert.
 */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Parses `LABEL=VALUE` lines (`LABEL="VALUE"` too), reporting every bad line. */
function parseMatchers(lines) {
    const byLabel = new Map();
    const problems = [];
    for (const line of lines) {
        const at = line.indexOf('=');
        const label = at < 0 ? '' : line.slice(0, at).trim();
        if (at < 0 || !LABEL_NAME.test(label) || line[at + 1] === '~' || line[at - 1] === '!') {
            problems.push(`expected LABEL=VALUE (e.g. dr=true or alertname=JenkinsDown), got ${JSON.stringify(line)}`);
            continue;
        }
        let value = line.slice(at + 1).trim();
        if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.slice(1, -1);
        const set = byLabel.get(label) ?? new Set();
        set.add(value);
        byLabel.set(label, set);
    }
    return { matchers: [...byLabel].map(([label, values]) => ({ label, values: [...values] })), problems };
}
/** A predicate over an alert's labels. */
function compileMatcher(matchers) {
    if (matchers.length === 0)
        return () => true;
    const compiled = matchers.map((m) => ({ label: m.label, values: new Set(m.values) }));
    return (labels) => compiled.every((m) => m.values.has(labels[m.label] ?? ''));
}
/** How the matchers read in logs: `dr=true AND alertname in (A, B)`. */
function describeMatchers(matchers) {
    if (matchers.length === 0)
        return 'every alert';
    return matchers
        .map((m) => (m.values.length === 1 ? `${m.label}=${JSON.stringify(m.values[0])}` : `${m.label} in (${m.values.map((v) => JSON.stringify(v)).join(', ')})`))
        .join(' AND ');
}


/***/ }),

/***/ 6112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ RelayMetrics)
/* harmony export */ });
/**
 * The relay's counters in Prometheus text format (version 0.0.4), written by
 * hand: a handful of series does not justify a client library in the bundle.
 */
const FAMILIES = {
    drloop_relay_notifications_received_total: { help: 'Notifications posted to /alertmanager (any outcome).', type: 'counter' },
    drloop_relay_notifications_total: { help: 'Notifications by outcome: dispatched, duplicate, filtered, dropped_resolved, rejected, unavailable, failed.', type: 'counter' },
    drloop_relay_dispatched_total: { help: 'Dispatches GitHub accepted.', type: 'counter' },
    drloop_relay_deduplicated_total: { help: 'Notifications acknowledged without a dispatch because the same group, status and alerts were dispatched within the window.', type: 'counter' },
    drloop_relay_filtered_total: { help: 'Notifications acknowledged without a dispatch because no alert matched.', type: 'counter' },
    drloop_relay_rejected_total: { help: 'Requests refused, by reason: unauthorized, too_large, malformed, invalid.', type: 'counter' },
    drloop_relay_github_requests_total: { help: 'Requests to the GitHub API by status code (or "network").', type: 'counter' },
    drloop_relay_github_errors_total: { help: 'Failed GitHub API requests by kind: server, rate_limited, network, client, auth.', type: 'counter' },
    drloop_relay_trimmed_total: { help: 'Dispatches shortened to fit GitHub\'s payload limit.', type: 'counter' },
    drloop_relay_in_flight: { help: 'Notifications being processed now.', type: 'gauge' },
    drloop_relay_dedupe_entries: { help: 'Keys held for deduplication.', type: 'gauge' },
    drloop_relay_request_duration_seconds: { help: 'Time from a notification arriving to its answer.', type: 'histogram' },
    drloop_relay_github_request_duration_seconds: { help: 'Duration of single GitHub API requests.', type: 'histogram' },
};
/** Families whose series all carry labels: nothing to print before the first event. */
const LABELLED = new Set(['drloop_relay_notifications_total', 'drloop_relay_rejected_total', 'drloop_relay_github_requests_total', 'drloop_relay_github_errors_total']);
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
function labelKey(labels) {
    return Object.keys(labels)
        .sort()
        .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
        .join(',');
}
class RelayMetrics {
    values = new Map();
    histograms = new Map();
    gauges = new Map();
    inc(name, labels = {}, by = 1) {
        const series = this.values.get(name) ?? new Map();
        const key = labelKey(labels);
        series.set(key, (series.get(key) ?? 0) + by);
        this.values.set(name, series);
    }
    set(name, value, labels = {}) {
        const series = this.values.get(name) ?? new Map();
        series.set(labelKey(labels), value);
        this.values.set(name, series);
    }
    /** A gauge read when /metrics is scraped. */
    gauge(name, read) {
        this.gauges.set(name, read);
    }
    observe(name, seconds, labels = {}) {
        const series = this.histograms.get(name) ?? new Map();
        const key = labelKey(labels);
        const h = series.get(key) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
        for (let i = 0; i < BUCKETS.length; i++)
            if (seconds <= BUCKETS[i])
                h.counts[i] += 1;
        h.sum += seconds;
        h.count += 1;
        series.set(key, h);
        this.histograms.set(name, series);
    }
    /** The current value of a series; for tests and logs. */
    get(name, labels = {}) {
        return this.values.get(name)?.get(labelKey(labels)) ?? 0;
    }
    render() {
        const lines = [];
        for (const [name, family] of Object.entries(FAMILIES)) {
            lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
            if (family.type === 'histogram') {
                for (const h of this.histograms.get(name)?.values() ?? []) {
                    const base = labelKey(h.labels);
                    const sep = base === '' ? '' : ',';
                    BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${base}${sep}le="${b}"} ${h.counts[i]}`));
                    lines.push(`${name}_bucket{${base}${sep}le="+Inf"} ${h.count}`);
                    lines.push(`${name}_sum${base === '' ? '' : `{${base}}`} ${h.sum}`, `${name}_count${base === '' ? '' : `{${base}}`} ${h.count}`);
                }
                continue;
            }
            const read = this.gauges.get(name);
            if (read) {
                lines.push(`${name} ${read()}`);
                continue;
            }
            const series = this.values.get(name);
            if (!series || series.size === 0) {
                // Unlabelled counters start at 0 so that rate() and alerts on them work from the first scrape.
                if (!LABELLED.has(name))
                    lines.push(`${name} 0`);
                continue;
            }
            for (const [key, value] of series)
                lines.push(key === '' ? `${name} ${value}` : `${name}{${key}} ${value}`);
        }
        return `${lines.join('\n')}\n`;
    }
}


/***/ }),

/***/ 2509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sd: () => (/* binding */ startRelay)
});

// UNUSED EXPORTS: MAX_BODY_BYTES, UPSTREAM_REFUSED_STATUS, bearerMatches

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/alerts/alertmanager.ts
var alertmanager = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
;// CONCATENATED MODULE: ./src/relay/dedupe.ts
/**
 * Remembers which notifications GitHub already accepted, so Alertmanager's
 * re-sends (every group_interval while the group changes, every
 * repeat_interval while it does not) are acknowledged without a second DR run.
 * In memory on purpose: a restarted relay dispatches a still-firing group once
 * more, and the workflow's own dedupe key and concurrency group absorb that.
 */
class DedupeCache {
    windowMs;
    maxEntries;
    now;
    entries = new Map();
    /**
     * @param windowMs how long a dispatched key suppresses repeats; 0 turns dedupe off
     * @param maxEntries bound on memory; the oldest key goes first when it is reached
     */
    constructor(windowMs, maxEntries = 10_000, now = Date.now) {
        this.windowMs = windowMs;
        this.maxEntries = maxEntries;
        this.now = now;
    }
    /** Whether the key was dispatched within the window. */
    has(key) {
        const at = this.entries.get(key);
        if (at === undefined)
            return false;
        if (this.now() - at < this.windowMs)
            return true;
        this.entries.delete(key);
        return false;
    }
    /** Records a key once GitHub accepted its dispatch (never before: a failure must stay retryable). */
    remember(key) {
        if (this.windowMs <= 0)
            return;
        this.entries.delete(key);
        this.entries.set(key, this.now());
        // Map iteration follows insertion order, so the first keys are the oldest.
        while (this.entries.size > this.maxEntries) {
            const oldest = this.entries.keys().next().value;
            if (oldest === undefined)
                break;
            this.entries.delete(oldest);
        }
    }
    get size() {
        return this.entries.size;
    }
}

// EXTERNAL MODULE: ./src/relay/matcher.ts
var matcher = __webpack_require__(839);
// EXTERNAL MODULE: ./src/relay/metrics.ts
var relay_metrics = __webpack_require__(6112);
;// CONCATENATED MODULE: ./src/relay/payload.ts

/**
 * GitHub rejects a dispatch whose payload reaches 64 KB. The budget covers the
 * whole request body in UTF-8 bytes, with room to spare for GitHub counting
 * differently from us.
 */
const MAX_DISPATCH_BYTES = 60_000;
// Each pass is stricter than the one before; alerts are only dropped once the
// last one still does not fit, so a big group loses detail before it loses alerts.
const PASSES = [
    { annotation: Infinity, label: Infinity, text: Infinity, entries: Infinity },
    { annotation: 4096, label: 1024, text: 2048, entries: 256 },
    { annotation: 1024, label: 256, text: 1024, entries: 128 },
    { annotation: 256, label: 128, text: 512, entries: 64 },
    { annotation: 64, label: 64, text: 256, entries: 32 },
];
/** Shortens text to `max` characters without splitting a surrogate pair, saying how much went. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}… [${text.length - end} more characters]`;
}
function clipRecord(record, maxValue, maxEntries) {
    if (maxValue === Infinity && maxEntries === Infinity)
        return record;
    const out = {};
    let n = 0;
    for (const [k, v] of Object.entries(record)) {
        if (n++ >= maxEntries)
            break;
        out[clip(k, 128)] = clip(v, maxValue);
    }
    return out;
}
function trimAlert(a, l) {
    const out = {
        status: a.status,
        labels: clipRecord(a.labels, l.label, l.entries),
        annotations: clipRecord(a.annotations, l.annotation, l.entries),
        startsAt: a.startsAt,
        fingerprint: clip(a.fingerprint, l.text === Infinity ? Infinity : 64),
    };
    if (a.endsAt !== undefined)
        out.endsAt = a.endsAt;
    if (a.generatorURL !== undefined)
        out.generatorURL = clip(a.generatorURL, l.text);
    return out;
}
/** The labels every one of the alerts carries with the same value. */
function commonLabelsOf(alerts) {
    const [first, ...rest] = alerts;
    if (!first)
        return {};
    const common = {};
    for (const [k, v] of Object.entries(first.labels))
        if (rest.every((a) => a.labels[k] === v))
            common[k] = v;
    return common;
}
/** Applies the matcher to a notification and derives what the dispatch says about the kept alerts. */
function selectAlerts(webhook, matches) {
    const alerts = webhook.alerts.filter((a) => matches(a.labels));
    const all = alerts.length === webhook.alerts.length;
    const status = all ? webhook.status : alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved';
    return {
        alerts,
        status,
        commonLabels: all ? webhook.commonLabels : commonLabelsOf(alerts),
        dedupeKey: (0,alertmanager/* dedupeKeyOf */.GS)(webhook.groupKey, status, alerts),
    };
}
/**
 * Builds the one documented dispatch (`drloop.alert/v1`, ten top-level keys)
 * and keeps it under GitHub's size limit: text is shortened pass by pass, then
 * alerts are left out (resolved ones first, then the latest) and counted in
 * `droppedAlerts`. Values are copied as data; nothing here interprets them.
 */
function buildDispatch(webhook, selection, eventType, maxBytes = MAX_DISPATCH_BYTES) {
    // Firing alerts first, so that trimming by count drops resolved ones before any firing one.
    const ordered = [...selection.alerts.filter((a) => a.status === 'firing'), ...selection.alerts.filter((a) => a.status !== 'firing')];
    const render = (l, keep) => {
        const body = {
            event_type: eventType,
            client_payload: {
                schema: alertmanager/* DISPATCH_SCHEMA */.VX,
                groupKey: clip(webhook.groupKey, l.text),
                status: selection.status,
                dedupeKey: selection.dedupeKey,
                commonLabels: clipRecord(selection.commonLabels, l.label, l.entries),
                truncatedAlerts: webhook.truncatedAlerts,
                externalURL: clip(webhook.externalURL, l.text),
                receiver: clip(webhook.receiver, l.text === Infinity ? Infinity : 256),
                alerts: ordered.slice(0, keep).map((a) => trimAlert(a, l)),
                droppedAlerts: ordered.length - keep,
            },
        };
        const json = JSON.stringify(body);
        return { body, json, bytes: Buffer.byteLength(json), trimmed: l !== PASSES[0] || keep < ordered.length };
    };
    for (const limits of PASSES) {
        const built = render(limits, ordered.length);
        if (built.bytes <= maxBytes)
            return built;
    }
    // Still too big with the strictest limits: keep the most alerts that fit (binary search).
    const strictest = PASSES[PASSES.length - 1];
    let lo = 0;
    let hi = ordered.length - 1;
    let best = render(strictest, 0);
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const built = render(strictest, mid);
        if (built.bytes <= maxBytes) {
            best = built;
            lo = mid + 1;
        }
        else {
            hi = mid - 1;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/relay/server.ts










/** Alertmanager's bodies are a few KB; 1 MiB leaves room for big groups and stops abuse. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much an over-limit body is no longer drained to deliver the 413 politely. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
/**
 * Longer than the idle timeout of Alertmanager's HTTP client (prometheus/common
 * keeps idle connections 5 minutes), so the client closes an idle connection
 * before we do and never posts into a socket we are closing.
 */
const KEEP_ALIVE_MS = 6 * 60_000;
/**
 * The status for a dispatch GitHub refused for good (401/403/404/422): not a
 * 5xx, because Alertmanager would retry a 5xx within the same flush and hammer
 * GitHub with a request that cannot succeed; a 4xx makes Alertmanager log the
 * failure and try again at the group's next flush, once per group_interval.
 */
const UPSTREAM_REFUSED_STATUS = 424;
function digest(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s).digest();
}
/** Compares the bearer token in constant time (digests first, so lengths leak nothing either). */
function bearerMatches(header, expected) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const given = digest(m?.[1] ?? '');
    return (0,external_node_crypto_.timingSafeEqual)(given, expected) && m !== null;
}
/** Reads a request body up to `limit` bytes; beyond it, drains (bounded) so the 413 reaches the client. */
function readBody(req, limit) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size <= limit)
                chunks.push(chunk);
            else if (size > MAX_DRAIN_BYTES)
                req.destroy();
        });
        req.on('end', () => resolve(size > limit ? { kind: 'too-large', bytes: size } : { kind: 'ok', body: Buffer.concat(chunks, size) }));
        req.on('error', () => resolve({ kind: 'aborted' }));
        req.on('close', () => {
            if (!req.complete)
                resolve(size > limit ? { kind: 'too-large', bytes: size } : { kind: 'aborted' });
        });
    });
}
/** A short, single-line, quoted rendering of untrusted text for logs. */
function quote(text, max = 120) {
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
/**
 * Starts the relay: `POST /alertmanager` turns an Alertmanager webhook into one
 * repository dispatch, `GET /healthz` and `GET /metrics` serve operations.
 * Alertmanager gets a 2xx only once GitHub accepted the dispatch (or when there
 * is nothing to send), a 503 when GitHub could not be reached in time so that
 * Alertmanager retries, and 4xx for requests that will never succeed.
 */
async function startRelay(options, deps) {
    const { logger, dispatcher } = deps;
    const now = deps.now ?? Date.now;
    const metrics = deps.metrics ?? new relay_metrics/* RelayMetrics */.T();
    const expectedToken = digest(deps.relayToken);
    const matches = (0,matcher/* compileMatcher */.qM)(options.match);
    const dedupe = new DedupeCache(options['dedupe-window'] * 1000, 10_000, now);
    const inFlight = new Map();
    let active = 0;
    let shuttingDown = false;
    metrics.gauge('drloop_relay_in_flight', () => active);
    metrics.gauge('drloop_relay_dedupe_entries', () => dedupe.size);
    const count = (outcome) => metrics.inc('drloop_relay_notifications_total', { outcome });
    const reject = (status, reason, error, headers) => {
        metrics.inc('drloop_relay_rejected_total', { reason });
        count('rejected');
        return { status, body: { result: 'rejected', error }, ...(headers ? { headers } : {}) };
    };
    function send(res, answer) {
        const body = `${JSON.stringify(answer.body)}\n`;
        const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...answer.headers };
        if (shuttingDown)
            headers.connection = 'close';
        res.writeHead(answer.status, headers).end(body);
    }
    /** Dispatches once per dedupe key: a concurrent repeat waits for the first one's outcome instead of sending its own. */
    async function deliver(key, json, describe) {
        const started = now();
        const outcome = await dispatcher.dispatch(json, started + options.deadline * 1000);
        if (outcome.ok) {
            dedupe.remember(key);
            metrics.inc('drloop_relay_dispatched_total');
            count('dispatched');
            logger.info(`dispatched ${describe} (${outcome.attempts} attempt${outcome.attempts > 1 ? 's' : ''})`);
            return { status: 200, body: { result: 'dispatched', dedupeKey: key } };
        }
        if (outcome.retryable) {
            count('unavailable');
            logger.warning(`not dispatched ${describe}: ${outcome.message}; answering 503 so that Alertmanager retries`);
            const headers = {};
            if (outcome.retryAfter !== undefined)
                headers['retry-after'] = String(outcome.retryAfter);
            return { status: 503, body: { result: 'unavailable', error: outcome.message, dedupeKey: key }, headers };
        }
        count('failed');
        logger.error(`not dispatched ${describe}: ${outcome.message}; fix the relay's --repo, --event-type or credentials`);
        return { status: UPSTREAM_REFUSED_STATUS, body: { result: 'refused-by-github', error: outcome.message, githubStatus: outcome.status, dedupeKey: key } };
    }
    async function handleNotification(req) {
        metrics.inc('drloop_relay_notifications_received_total');
        if (!bearerMatches(req.headers.authorization, expectedToken)) {
            // Drain the body so the 401 reaches clients that are still sending.
            await readBody(req, 0);
            return reject(401, 'unauthorized', 'missing or wrong bearer token (Authorization: Bearer <DRLOOP_RELAY_TOKEN>)', { 'www-authenticate': 'Bearer realm="drloop-relay"' });
        }
        if (shuttingDown)
            return { status: 503, body: { result: 'unavailable', error: 'the relay is shutting down' }, headers: { 'retry-after': '1' } };
        const declared = Number(req.headers['content-length'] ?? NaN);
        const read = declared > MAX_DRAIN_BYTES ? { kind: 'too-large', bytes: declared } : await readBody(req, MAX_BODY_BYTES);
        if (read.kind === 'too-large')
            return reject(413, 'too_large', `body of ${read.bytes} bytes is over the ${MAX_BODY_BYTES}-byte limit`, { connection: 'close' });
        if (read.kind === 'aborted')
            return reject(400, 'malformed', 'the request body was cut short');
        let data;
        try {
            data = JSON.parse(read.body.toString('utf8'));
        }
        catch (err) {
            return reject(400, 'malformed', `malformed JSON: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        const parsed = alertmanager/* webhookSchema */.v1.safeParse(data);
        if (!parsed.success) {
            const problems = (0,inputs/* formatIssues */.og)(parsed.error, (p) => `key '${(0,files/* keyPath */.Dw)(p)}'`);
            return reject(400, 'invalid', `not an Alertmanager webhook body: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`);
        }
        const webhook = parsed.data;
        const selection = selectAlerts(webhook, matches);
        const describe = `group ${quote(webhook.groupKey)} ${selection.status} with ${selection.alerts.length} alert(s)`;
        if (selection.alerts.length === 0) {
            metrics.inc('drloop_relay_filtered_total');
            count('filtered');
            logger.debug(`filtered group ${quote(webhook.groupKey)}: none of its ${webhook.alerts.length} alert(s) matches`);
            return { status: 200, body: { result: 'filtered', alerts: webhook.alerts.length } };
        }
        if (selection.status === 'resolved' && options.resolved === 'drop') {
            count('dropped_resolved');
            logger.debug(`dropped resolved ${describe} (--resolved drop)`);
            return { status: 200, body: { result: 'dropped-resolved', dedupeKey: selection.dedupeKey } };
        }
        const key = selection.dedupeKey;
        if (dedupe.has(key)) {
            metrics.inc('drloop_relay_deduplicated_total');
            count('duplicate');
            logger.debug(`duplicate ${describe}: dispatched within the last ${options['dedupe-window']} s`);
            return { status: 200, body: { result: 'duplicate', dedupeKey: key } };
        }
        const running = inFlight.get(key);
        if (running) {
            const first = await running;
            if (first.status !== 200)
                return first;
            metrics.inc('drloop_relay_deduplicated_total');
            count('duplicate');
            return { status: 200, body: { result: 'duplicate', dedupeKey: key } };
        }
        const built = buildDispatch(webhook, selection, options['event-type']);
        if (built.trimmed) {
            metrics.inc('drloop_relay_trimmed_total');
            logger.warning(`${describe}: payload shortened to ${built.bytes} bytes (${built.body.client_payload.droppedAlerts} alert(s) left out) to fit GitHub's limit`);
        }
        const delivery = deliver(key, built.json, describe).finally(() => inFlight.delete(key));
        inFlight.set(key, delivery);
        return delivery;
    }
    async function route(req, res) {
        const path = (req.url ?? '/').split('?')[0];
        if (path === '/alertmanager') {
            if (req.method !== 'POST')
                return send(res, { status: 405, body: { error: 'use POST' }, headers: { allow: 'POST' } });
            const started = now();
            const answer = await handleNotification(req);
            metrics.observe('drloop_relay_request_duration_seconds', (now() - started) / 1000);
            return send(res, answer);
        }
        if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
            return send(res, shuttingDown ? { status: 503, body: { status: 'shutting down' } } : { status: 200, body: { status: 'ok' } });
        }
        if (path === '/metrics' && req.method === 'GET') {
            const text = metrics.render();
            res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text), ...(shuttingDown ? { connection: 'close' } : {}) });
            res.end(text);
            return;
        }
        send(res, { status: 404, body: { error: 'not found: POST /alertmanager, GET /healthz, GET /metrics' } });
    }
    // Run the request path's validation and payload code before the first real
    // notification, so that one does not pay for compiling it.
    const sample = {
        version: '4', groupKey: 'warm-up', truncatedAlerts: 0, status: 'firing', receiver: 'r', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: '',
        alerts: [{ status: 'firing', labels: { alertname: 'warm-up' }, annotations: {}, startsAt: '2026-01-01T00:00:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: '0' }],
    };
    for (let i = 0; i < 200; i++) {
        const w = alertmanager/* webhookSchema */.v1.parse(JSON.parse(JSON.stringify(sample)));
        buildDispatch(w, selectAlerts(w, matches), options['event-type']);
    }
    await dispatcher.warmUp?.();
    let idle;
    const server = (0,external_node_http_.createServer)({ keepAliveTimeout: KEEP_ALIVE_MS }, (req, res) => {
        active += 1;
        route(req, res)
            .catch((err) => {
            logger.error(`internal error answering ${req.method} ${quote(req.url ?? '')}: ${(0,errors/* describeError */.Uc)(err)}`);
            if (!res.headersSent)
                send(res, { status: 500, body: { error: 'internal error' } });
            else
                res.destroy();
        })
            .finally(() => {
            active -= 1;
            if (active === 0)
                idle?.();
        });
    });
    server.headersTimeout = 30_000;
    await new Promise((resolve, reject) => {
        server.once('error', (err) => {
            const where = `${options.listen.host}:${options.listen.port}`;
            if (err.code === 'EADDRINUSE')
                reject(new errors/* ConfigurationError */.j1(`--listen ${where}: the address is already in use`));
            else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
                reject(new errors/* ConfigurationError */.j1(`--listen ${where}: no such local address`));
            else if (err.code === 'EACCES')
                reject(new errors/* ConfigurationError */.j1(`--listen ${where}: permission denied (ports below 1024 need privileges)`));
            else
                reject(err);
        });
        server.listen(options.listen.port, options.listen.host, () => resolve());
    });
    server.on('error', (err) => logger.error(`relay server error: ${(0,errors/* describeError */.Uc)(err)}`));
    const addr = server.address();
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    let closing;
    return {
        host: addr.address,
        port: addr.port,
        url: `http://${host}:${addr.port}`,
        metrics,
        close() {
            closing ??= (async () => {
                shuttingDown = true;
                const closed = new Promise((resolve) => server.close(() => resolve()));
                server.closeIdleConnections();
                if (active > 0)
                    await new Promise((resolve) => (idle = resolve));
                // Every answer given during shutdown says `Connection: close`; whatever is left is idle.
                server.closeIdleConnections();
                const force = setTimeout(() => server.closeAllConnections(), 2_000);
                await closed;
                clearTimeout(force);
                dispatcher.close();
            })();
            return closing;
        },
    };
}


/***/ })

};
