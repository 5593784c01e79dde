export const id = 217;
export const ids = [217,222];
export const modules = {

/***/ 3222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DISPATCH_SCHEMA: () => (/* binding */ DISPATCH_SCHEMA),
/* harmony export */   MAX_ALERT_FILE_BYTES: () => (/* binding */ MAX_ALERT_FILE_BYTES),
/* harmony export */   ZERO_TIME: () => (/* binding */ ZERO_TIME),
/* harmony export */   alertFromJson: () => (/* binding */ alertFromJson),
/* harmony export */   alertSchema: () => (/* binding */ alertSchema),
/* harmony export */   dedupeKeyOf: () => (/* binding */ dedupeKeyOf),
/* harmony export */   dispatchPayloadSchema: () => (/* binding */ dispatchPayloadSchema),
/* harmony export */   incidentIdOf: () => (/* binding */ incidentIdOf),
/* harmony export */   loadAlert: () => (/* binding */ loadAlert),
/* harmony export */   readAlertFile: () => (/* binding */ readAlertFile),
/* harmony export */   webhookSchema: () => (/* binding */ webhookSchema)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9148);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6495);
/* harmony import */ var _incident_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8805);








/** A firing alert's `endsAt` as Alertmanager sends it. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
const labels = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP());
const time = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .refine */ .YPB((s) => !Number.isNaN(Date.parse(s)), 'expected an RFC3339 timestamp'));
const alertSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    labels,
    annotations: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(labels, {}),
    startsAt: time,
    endsAt: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .optional */ .lqM(time),
    generatorURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()),
    fingerprint: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._minLength */ .m9(1)),
});
/** Alertmanager's webhook body, version 4 (the only version it has ever sent). */
const webhookSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    version: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz('4', { error: (i) => `unsupported Alertmanager webhook version ${JSON.stringify(i.input)} (expected "4")` }),
    groupKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    truncatedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0)), 0),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    receiver: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    alerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(alertSchema),
});
const DISPATCH_SCHEMA = 'drloop.alert/v1';
/**
 * Alertmanager's templated webhook `payload` (≥ 0.32) renders every value as
 * text, so a map or list may arrive as its JSON text (`{{ .Alerts | toJson }}`)
 * and a count as digits; both read as the value they spell.
 */
const fromJsonText = (v) => {
    if (typeof v !== 'string')
        return v;
    try {
        return JSON.parse(v);
    }
    catch {
        return v;
    }
};
const fromDigits = (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);
/**
 * The `client_payload` of a `dr-alert` repository_dispatch: one documented
 * shape, from `drloop relay` and from the Alertmanager ≥ 0.32 template alike.
 * Ten top-level keys at most (GitHub's limit), under 64 KB.
 */
const dispatchPayloadSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(DISPATCH_SCHEMA),
    groupKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    dedupeKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    commonLabels: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromJsonText), labels),
    truncatedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromDigits), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0))), 0),
    externalURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), ''),
    receiver: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), ''),
    alerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromJsonText), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(alertSchema)),
    /** Alerts left out to keep the payload under GitHub's size limit. */
    droppedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromDigits), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0))), 0),
});
/**
 * The incident an alert group's notification belongs to: a digest (24 hex
 * characters) of the group key and the earliest `startsAt` of its firing
 * alerts (of all its alerts when none fires). An alert joining a firing group
 * keeps the incident; the group firing again after it resolved starts a new one.
 */
function incidentIdOf(groupKey, alerts) {
    const firing = alerts.filter((a) => a.status === 'firing');
    const starts = (firing.length > 0 ? firing : alerts).map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
    const began = starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : '';
    return (0,_incident_js__WEBPACK_IMPORTED_MODULE_6__/* .incidentDigest */ .d)(groupKey, began).slice(0, 24);
}
/**
 * The dedupe key, 48 hex characters: the incident id, then a digest of the
 * group, status and set of alert fingerprints and states. Repeats share it; an
 * alert joining, leaving or resolving changes its second half, a new incident
 * its first.
 */
function dedupeKeyOf(groupKey, status, alerts) {
    const fps = alerts.map((a) => `${a.fingerprint}:${a.status}`).sort();
    return `${incidentIdOf(groupKey, alerts)}${(0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(`${groupKey}\n${status}\n${fps.join(',')}`).slice(0, 24)}`;
}
function contextOf(source, p, dedupeKey) {
    const firing = p.alerts.filter((a) => a.status === 'firing');
    const starts = firing.map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
    const fps = (firing.length > 0 ? firing : p.alerts).map((a) => a.fingerprint).sort();
    return {
        source,
        status: p.status,
        groupKey: p.groupKey,
        dedupeKey: dedupeKey ?? dedupeKeyOf(p.groupKey, p.status, p.alerts),
        name: p.commonLabels.alertname ?? p.alerts[0]?.labels.alertname ?? '',
        fingerprint: fps.length === 1 ? fps[0] : fps.length === 0 ? '' : (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(fps.join(',')).slice(0, 16),
        startsAt: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : null,
        alerts: p.alerts,
        commonLabels: p.commonLabels,
        externalURL: p.externalURL,
    };
}
/** Reads an alert from parsed JSON: an Alertmanager webhook body or a drloop dispatch payload. */
function alertFromJson(data, where) {
    if (data && typeof data === 'object' && !Array.isArray(data)) {
        const obj = data;
        // A repository_dispatch event as GitHub stores it: the payload is under client_payload.
        if (obj.client_payload && typeof obj.client_payload === 'object')
            return alertFromJson(obj.client_payload, `${where} (client_payload)`);
        if (obj.schema === DISPATCH_SCHEMA) {
            const p = (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .validateWith */ .xJ)(dispatchPayloadSchema, obj, where);
            return contextOf('dispatch', p, p.dedupeKey);
        }
        if ('version' in obj || 'alerts' in obj)
            return contextOf('alertmanager', (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .validateWith */ .xJ)(webhookSchema, obj, where));
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${where}: not an alert: expected an Alertmanager webhook body (version "4") or a drloop dispatch payload (schema "${DISPATCH_SCHEMA}")`);
}
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
}
/** Alert payloads larger than this are refused (GitHub caps a dispatch payload at 64 KB). */
const MAX_ALERT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Reads the file named by input `alert`, confined to the workspace as `paths`
 * and cost artefacts are: a path that leaves it (`../`, an absolute path
 * elsewhere, a symlink or a hard link to a file outside) is a
 * ConfigurationError. Returns the text and the real path.
 */
async function readAlertFile(input, workspace, label = "input 'alert':") {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace)).catch(() => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace));
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, input);
    let real;
    try {
        real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(abs);
    }
    catch (err) {
        const code = err.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`}`);
    }
    if (!isInside(root, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: outside the workspace (${root}); pass the payload inline, or a file inside the workspace`);
    }
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK).catch((err) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: cannot be read (${err.code ?? String(err)})`);
    });
    try {
        const st = await handle.stat();
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: ${st.isDirectory() ? 'is a directory, expected a file' : 'not a regular file'}`);
        if (st.nlink > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: refused, it has ${st.nlink} hard links and one may be a file outside the workspace; pass a copy`);
        }
        if (st.size > MAX_ALERT_FILE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: larger than ${MAX_ALERT_FILE_BYTES} bytes, not an alert payload`);
        return { text: await handle.readFile('utf8'), path: real };
    }
    finally {
        await handle.close();
    }
}
/**
 * Loads input `alert`: inline JSON when it starts with `{`, otherwise a file
 * path inside the workspace. Malformed input is a ConfigurationError.
 */
async function loadAlert(input, workspace) {
    const trimmed = input.trim();
    if (trimmed.startsWith('{')) {
        return { alert: alertFromJson((0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonText */ .lk)(trimmed, "input 'alert'"), "input 'alert'"), text: trimmed, path: null };
    }
    const { text, path } = await readAlertFile(trimmed, workspace, 'alert');
    return { alert: alertFromJson((0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonText */ .lk)(text, trimmed), trimmed), text, path };
}


/***/ }),

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
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3305);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9148);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8422);
/* harmony import */ var _matcher_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(839);








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
const duration = (fallbackSeconds, min, max) => zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .transform */ .pdi((text, ctx) => {
    const s = (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(text);
    if (s === undefined || s < min || s > max) {
        ctx.issues.push({ code: 'custom', message: `expected a duration between ${min}s and ${max}s such as 30s, 15m or 1h, got ${JSON.stringify(text)}`, input: ctx.value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
    }
    return s;
})), fallbackSeconds);
/**
 * The options of `drloop relay`, as command-line strings in and typed values
 * out. The command line is a contract other tooling relies on: rename nothing.
 */
const relayInputs = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    listen: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP({ error: 'required: HOST:PORT to listen on, e.g. 127.0.0.1:9095' }), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .transform */ .pdi((text, ctx) => {
        const addr = parseListen(text);
        if (!addr) {
            ctx.issues.push({ code: 'custom', message: `expected HOST:PORT such as 127.0.0.1:9095, [::1]:9095 or :9095, got ${JSON.stringify(text)}`, input: ctx.value });
            return zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        return addr;
    })),
    repo: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP({ error: 'required: the repository that receives the dispatch, OWNER/NAME' })
        .check(zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._regex */ .Fk(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'expected OWNER/NAME, e.g. acme/dr-runbooks')),
    'event-type': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._maxLength */ .Eb(MAX_EVENT_TYPE_LENGTH, `GitHub accepts at most ${MAX_EVENT_TYPE_LENGTH} characters`), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._regex */ .Fk(/^[^\s]+$/, 'expected one word without spaces')), DEFAULT_EVENT_TYPE),
    'github-api-url': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .transform */ .pdi((text, ctx) => {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            ctx.issues.push({ code: 'custom', message: `expected an http(s) URL such as ${DEFAULT_GITHUB_API_URL} or https://ghe.example.com/api/v3, got ${JSON.stringify(text)}`, input: ctx.value });
            return zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            ctx.issues.push({ code: 'custom', message: `expected an http(s) URL, got ${url.protocol}`, input: ctx.value });
            return zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .NEVER */ .tm;
        }
        return url.href.replace(/\/+$/, '');
    })), DEFAULT_GITHUB_API_URL),
    match: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .pipe */ .FsL((0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .listInput */ .dt)(), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .transform */ .pdi((lines, ctx) => {
        const { matchers, problems } = (0,_matcher_js__WEBPACK_IMPORTED_MODULE_9__/* .parseMatchers */ .J$)(lines);
        for (const p of problems)
            ctx.issues.push({ code: 'custom', message: p, input: ctx.value });
        return matchers;
    })),
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

/***/ 6268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n_: () => (/* binding */ GitHubDispatcher)
});

// UNUSED EXPORTS: MAX_RETRIES, TOKEN_REFRESH_MARGIN_MS

// EXTERNAL MODULE: ./node_modules/@octokit/auth-app/dist-node/index.js + 9 modules
var dist_node = __webpack_require__(6479);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 7 modules
var dist_src = __webpack_require__(3070);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/relay/http.ts
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

/** Answers larger than this are cut (GitHub's error bodies are a few hundred bytes). */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Statuses whose Response may not carry a body. */
const NO_BODY = new Set([101, 204, 205, 304]);
function plainHeaders(headers) {
    if (!headers)
        return {};
    if (headers instanceof Headers || Array.isArray(headers))
        return Object.fromEntries(headers);
    return headers;
}
function keepAliveFetch() {
    const agent = new undici/* Agent */.g6({ connections: 64, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 10 * 60_000 });
    const fetch = async (url, init = {}) => {
        if (url instanceof Request)
            throw new Error('the relay transport takes a URL, not a Request');
        const body = init.body;
        if (body !== undefined && body !== null && typeof body !== 'string')
            throw new Error('the relay transport sends string bodies only');
        const answer = await (0,undici/* request */.Em)(url, {
            method: (init.method ?? 'GET'),
            headers: plainHeaders(init.headers),
            body: body ?? null,
            signal: init.signal ?? null,
            dispatcher: agent,
        });
        const chunks = [];
        let size = 0;
        for await (const chunk of answer.body) {
            if (size < MAX_ANSWER_BYTES)
                chunks.push(chunk);
            size += chunk.length;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
            if (value === undefined)
                continue;
            for (const v of Array.isArray(value) ? value : [value])
                headers.append(name, v);
        }
        return new Response(NO_BODY.has(answer.statusCode) ? null : Buffer.concat(chunks), { status: answer.statusCode, headers });
    };
    return { fetch, close: () => void agent.close().catch(() => undefined) };
}

;// CONCATENATED MODULE: ./src/relay/retry.ts
/** Backoff for 5xx, a plain 429 or a network error: 250, 1000, 2250, 4000 ms. */
const BACKOFF_BASE_MS = 250;
/** The least wait after a rate limit, whatever Retry-After says (0 included). */
const MIN_RATE_LIMIT_WAIT_MS = 1_000;
/** GitHub: after a secondary rate limit without Retry-After, wait at least a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/** At most this many retries of one request, whatever the deadline allows. */
const MAX_RETRIES = 4;
/** Each request's deadline, by the AbortSignal it carries; requests without one are not retried. */
const deadlines = new WeakMap();
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
const header = (e, name) => {
    const v = e.response?.headers[name];
    return v === undefined ? undefined : String(v);
};
/** A rate limit, primary or secondary, as GitHub signals one. */
function isRateLimit(e) {
    const s = e.status;
    if (s !== 403 && s !== 429)
        return false;
    return s === 429 || header(e, 'retry-after') !== undefined || header(e, 'x-ratelimit-remaining') === '0' || /secondary rate limit/i.test(e.message);
}
/** How long to wait before retry number `retry` (1-based), or null when GitHub's rules say not to retry. */
function retryDelayMs(e, retry, nowMs) {
    const s = e.status;
    const network = !e.response;
    if (isRateLimit(e)) {
        const after = parseRetryAfter(header(e, 'retry-after'), nowMs);
        let wait;
        if (after !== undefined && after > 0)
            wait = after * 1000;
        else if (header(e, 'x-ratelimit-remaining') === '0')
            wait = Number(header(e, 'x-ratelimit-reset') ?? 0) * 1000 - nowMs + 1000;
        else if (/secondary rate limit/i.test(e.message))
            wait = SECONDARY_LIMIT_WAIT_MS;
        else
            wait = retry ** 2 * BACKOFF_BASE_MS;
        return Math.max(wait, MIN_RATE_LIMIT_WAIT_MS);
    }
    if (network || (s !== undefined && s >= 500)) {
        const after = (parseRetryAfter(header(e, 'retry-after'), nowMs) ?? 0) * 1000;
        return Math.max(retry ** 2 * BACKOFF_BASE_MS, after);
    }
    return null;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The Octokit plugin: retries a failed request while the rules and its deadline allow. */
function retryRules(octokit) {
    octokit.hook.wrap('request', async (request, options) => {
        const signal = options.request?.signal;
        const deadlineAt = signal ? deadlines.get(signal) : undefined;
        for (let retry = 1;; retry++) {
            try {
                return await request(options);
            }
            catch (err) {
                const e = err;
                const wait = deadlineAt === undefined || retry > MAX_RETRIES ? null : retryDelayMs(e, retry, Date.now());
                if (wait === null || Date.now() + wait >= deadlineAt)
                    throw err;
                octokit.log.debug(`GitHub: ${e.status ?? 'network error'} (${e.message}); retry ${retry} in ${wait} ms`);
                await sleep(wait);
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/relay/github.ts
/**
 * The relay's GitHub client: Octokit (@octokit/core) with GitHub App
 * installation tokens from @octokit/auth-app and GitHub's documented retry
 * rules (./retry.ts), each dispatch bounded by its deadline.
 */






/** Installation tokens live an hour; take a new one this long before that. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** The longest a request without a deadline of its own may take. */
const UNBOUNDED_REQUEST_TIMEOUT_MS = 30_000;
const RelayOctokit = dist_src/* Octokit */.E.plugin(retryRules);
/** Typed as a plain route so that the prepared JSON body can be sent as `data`. */
const DISPATCH_ROUTE = 'POST /repos/{owner}/{repo}/dispatches';
/** GitHub's `message` from an error body. */
function errorDetail(err) {
    const data = err.response?.data;
    if (data && typeof data === 'object' && typeof data.message === 'string')
        return data.message.slice(0, 300);
    if (typeof data === 'string')
        return data.slice(0, 300).trim();
    return '';
}
/**
 * Posts repository dispatches with a token or a GitHub App installation
 * token. Failures GitHub invites us to retry are retried within the caller's
 * deadline; anything else is reported at once.
 */
class GitHubDispatcher {
    options;
    deps;
    octokit;
    transport;
    closeTransport;
    owner;
    name;
    refreshTimer;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        const [owner, name] = options.repo.split('/');
        this.owner = owner;
        this.name = name;
        const own = deps.fetch ? undefined : keepAliveFetch();
        this.transport = deps.fetch ?? own.fetch;
        this.closeTransport = () => own?.close();
        const creds = options.credentials;
        const log = { debug: (m) => deps.logger.debug(m), info: () => undefined, warn: (m) => deps.logger.warning(m), error: (m) => deps.logger.error(m) };
        this.octokit = new RelayOctokit({
            baseUrl: options.apiUrl,
            userAgent: options.userAgent ?? 'drloop-relay',
            log,
            request: { fetch: this.meteredFetch },
            ...(creds.kind === 'token'
                ? { auth: creds.token }
                : {
                    authStrategy: dist_node/* createAppAuth */.K,
                    auth: {
                        appId: creds.appId,
                        installationId: creds.installationId,
                        privateKey: creds.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
                        cache: this.tokenCache(),
                        log,
                    },
                }),
        });
    }
    /** Every HTTP request to GitHub, counted and timed. */
    meteredFetch = async (url, init) => {
        const started = performance.now();
        const m = this.deps.metrics;
        try {
            // Requests made without a signal (auth-app's token requests) still end.
            const res = await this.transport(url, init?.signal ? init : { ...init, signal: AbortSignal.timeout(UNBOUNDED_REQUEST_TIMEOUT_MS) });
            m?.inc('drloop_relay_github_requests_total', { status: String(res.status) });
            m?.observe('drloop_relay_github_request_duration_seconds', (performance.now() - started) / 1000);
            if (res.status >= 400) {
                const s = res.status;
                const limited = s === 429 || (s === 403 && (res.headers.has('retry-after') || res.headers.get('x-ratelimit-remaining') === '0'));
                m?.inc('drloop_relay_github_errors_total', { kind: limited ? 'rate_limited' : s >= 500 ? 'server' : s === 401 || s === 403 || s === 404 ? 'auth' : 'client' });
            }
            return res;
        }
        catch (err) {
            m?.inc('drloop_relay_github_requests_total', { status: 'network' });
            m?.inc('drloop_relay_github_errors_total', { kind: 'network' });
            throw err;
        }
    };
    /**
     * auth-app's token cache, minus tokens within TOKEN_REFRESH_MARGIN_MS of
     * expiry; each new token schedules its own refresh in the background, so
     * no notification waits for one.
     */
    tokenCache() {
        const entries = new Map();
        const expiresAt = (value) => Date.parse(value.split('|')[2] ?? '');
        return {
            get: (key) => {
                const v = entries.get(key);
                return v !== undefined && expiresAt(v) - Date.now() > TOKEN_REFRESH_MARGIN_MS ? v : undefined;
            },
            set: (key, value) => {
                entries.set(key, value);
                const at = expiresAt(value);
                const creds = this.options.credentials;
                if (creds.kind === 'app')
                    this.deps.logger.info(`GitHub App ${creds.appId}: new installation token, valid until ${Number.isNaN(at) ? 'unknown' : new Date(at).toISOString()}`);
                if (!Number.isNaN(at))
                    this.scheduleRefresh(at);
            },
        };
    }
    scheduleRefresh(expiresAt) {
        clearTimeout(this.refreshTimer);
        const due = Math.max(1_000, expiresAt - TOKEN_REFRESH_MARGIN_MS - 60_000 - Date.now());
        this.refreshTimer = setTimeout(() => {
            this.newInstallationToken().catch((err) => this.deps.logger.warning(`background token refresh failed (${(0,errors/* describeError */.Uc)(err)}); the next notification tries again`));
        }, due);
        this.refreshTimer.unref();
    }
    async newInstallationToken() {
        await this.octokit.auth({ type: 'installation', refresh: true });
    }
    /** Sorts a failed request into an outcome. */
    outcome(err, attempts) {
        const creds = this.options.credentials;
        const tokenRequest = /\/app\/installations\/[^/]+\/access_tokens$/.test(err.request?.url ?? '');
        const what = tokenRequest && creds.kind === 'app' ? `installation token for App ${creds.appId}` : 'dispatch';
        if (!err.response) {
            // fetch's errors may come from another realm (a DOMException): read them by shape.
            const cause = err.cause && typeof err.cause === 'object' && 'message' in err.cause ? err.cause : err;
            const timeout = cause.name === 'TimeoutError' || cause.name === 'AbortError' || /deadline/.test(cause.message);
            return { ok: false, status: null, attempts, retryable: true, message: `${what}: ${timeout ? 'no answer before the deadline' : cause.message}` };
        }
        const s = err.status ?? 0;
        const headers = err.response.headers;
        const retryAfter = parseRetryAfter(headers['retry-after'] === undefined ? undefined : String(headers['retry-after']), Date.now());
        const limited = isRateLimit(err);
        const detail = errorDetail(err);
        let message = `${what}: GitHub answered HTTP ${s}${detail ? `: ${detail.replace(/\s+/g, ' ')}` : ''}`;
        if (s === 404)
            message += ` (does ${this.options.repo} exist, and may these credentials see it?)`;
        if (s === 401)
            message += ' (are the credentials valid?)';
        if (s === 403 && !limited)
            message += ' (do the credentials allow repository dispatches: contents write?)';
        const out = { ok: false, status: s, attempts, retryable: limited || s >= 500, message };
        // Passed on to Alertmanager, with the same floor: `Retry-After: 0` is no invitation to hammer.
        if (retryAfter !== undefined)
            out.retryAfter = limited ? Math.max(retryAfter, MIN_RATE_LIMIT_WAIT_MS / 1000) : retryAfter;
        return out;
    }
    async warmUp() {
        // Compiles Octokit's request path before the first notification needs it.
        this.octokit.request.endpoint(DISPATCH_ROUTE, { owner: this.owner, repo: this.name });
    }
    async dispatch(json, deadlineAt) {
        let attempts = 0;
        let reauthenticated = false;
        for (;;) {
            const remaining = deadlineAt - Date.now();
            if (remaining <= 0)
                return { ok: false, status: null, attempts, retryable: true, message: 'dispatch: deadline reached before GitHub could be asked' };
            const signal = AbortSignal.timeout(remaining);
            deadlines.set(signal, deadlineAt);
            const counted = (url, init) => {
                // A retry scheduled before the deadline but due after it is not sent.
                if (Date.now() >= deadlineAt)
                    return Promise.reject(Object.assign(new Error('no answer before the deadline'), { name: 'TimeoutError' }));
                if (!/\/access_tokens$/.test(String(url)))
                    attempts += 1;
                return this.meteredFetch(url, init);
            };
            let timer;
            // An installation token taken on the way carries no deadline of its own: the dispatch still answers by it.
            const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), remaining + 100)));
            try {
                const sent = this.octokit.request(DISPATCH_ROUTE, {
                    owner: this.owner,
                    repo: this.name,
                    headers: { accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28' },
                    // The body as the relay built and measured it, sent unchanged.
                    data: json,
                    request: { signal, fetch: counted },
                });
                const res = await Promise.race([sent, late]);
                if (res === 'late') {
                    sent.catch(() => undefined);
                    return { ok: false, status: null, attempts, retryable: true, message: 'dispatch: no answer before the deadline' };
                }
                return { ok: true, status: res.status, attempts, retryable: false, message: `GitHub accepted the dispatch (HTTP ${res.status})` };
            }
            catch (err) {
                const e = err;
                // An installation token can be revoked before it expires: take a new one, once.
                if (e.status === 401 && this.options.credentials.kind === 'app' && !reauthenticated && !/\/access_tokens$/.test(e.request?.url ?? '')) {
                    reauthenticated = true;
                    try {
                        await this.newInstallationToken();
                    }
                    catch (tokenErr) {
                        return this.outcome(tokenErr, attempts);
                    }
                    continue;
                }
                const outcome = this.outcome(e, attempts);
                if (outcome.retryable && attempts > 1)
                    outcome.message += ` (gave up after ${attempts} attempts within the deadline)`;
                return outcome;
            }
            finally {
                clearTimeout(timer);
            }
        }
    }
    close() {
        clearTimeout(this.refreshTimer);
        this.closeTransport();
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
    return matchers.map((m) => (m.values.length === 1 ? `${m.label}=${JSON.stringify(m.values[0])}` : `${m.label} in (${m.values.map((v) => JSON.stringify(v)).join(', ')})`)).join(' AND ');
}


/***/ }),

/***/ 6112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ RelayMetrics)
/* harmony export */ });
/* harmony import */ var prom_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5222);
/**
 * The relay's `/metrics`: prom-client, one registry per relay, with the
 * relay's own series and prom-client's default process metrics
 * (`process_cpu_seconds_total`, `process_resident_memory_bytes`,
 * `nodejs_eventloop_lag_seconds`, ...).
 */

const FAMILIES = {
    drloop_relay_notifications_received_total: { help: 'Notifications posted to /alertmanager (any outcome).', type: 'counter' },
    drloop_relay_notifications_total: { help: 'Notifications by outcome: dispatched, duplicate, filtered, dropped_resolved, rejected, unavailable, failed.', type: 'counter', labels: ['outcome'] },
    drloop_relay_dispatched_total: { help: 'Dispatches GitHub accepted.', type: 'counter' },
    drloop_relay_deduplicated_total: { help: 'Notifications acknowledged without a dispatch because the same incident, status and alerts were dispatched within the window.', type: 'counter' },
    drloop_relay_filtered_total: { help: 'Notifications acknowledged without a dispatch because no alert matched.', type: 'counter' },
    drloop_relay_rejected_total: { help: 'Requests refused, by reason: unauthorized, too_large, malformed, invalid.', type: 'counter', labels: ['reason'] },
    drloop_relay_github_requests_total: { help: 'Requests to the GitHub API by status code (or "network").', type: 'counter', labels: ['status'] },
    drloop_relay_github_errors_total: { help: 'Failed GitHub API requests by kind: server, rate_limited, network, client, auth.', type: 'counter', labels: ['kind'] },
    drloop_relay_trimmed_total: { help: "Dispatches shortened to fit GitHub's payload limit.", type: 'counter' },
    drloop_relay_in_flight: { help: 'Notifications being processed now.', type: 'gauge' },
    drloop_relay_dedupe_entries: { help: 'Keys held for deduplication.', type: 'gauge' },
    drloop_relay_request_duration_seconds: { help: 'Time from a notification arriving to its answer.', type: 'histogram' },
    drloop_relay_github_request_duration_seconds: { help: 'Duration of single GitHub API requests.', type: 'histogram' },
};
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
class RelayMetrics {
    registry = new prom_client__WEBPACK_IMPORTED_MODULE_0__.Registry();
    counters = new Map();
    histograms = new Map();
    reads = new Map();
    constructor() {
        for (const [name, family] of Object.entries(FAMILIES)) {
            const common = { name, help: family.help, labelNames: family.labels ?? [], registers: [this.registry] };
            if (family.type === 'counter')
                this.counters.set(name, new prom_client__WEBPACK_IMPORTED_MODULE_0__.Counter(common));
            else if (family.type === 'histogram')
                this.histograms.set(name, new prom_client__WEBPACK_IMPORTED_MODULE_0__.Histogram({ ...common, buckets: BUCKETS }));
            else {
                const reads = this.reads;
                new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
                    ...common,
                    collect() {
                        const read = reads.get(name);
                        if (read)
                            this.set(read());
                    },
                });
            }
        }
        (0,prom_client__WEBPACK_IMPORTED_MODULE_0__.collectDefaultMetrics)({ register: this.registry });
    }
    counter(name) {
        const c = this.counters.get(name);
        if (!c)
            throw new Error(`${name} is not a counter`);
        return c;
    }
    inc(name, labels = {}, by = 1) {
        this.counter(name).inc(labels, by);
    }
    /** A gauge read when /metrics is scraped. */
    gauge(name, read) {
        this.reads.set(name, read);
    }
    observe(name, seconds, labels = {}) {
        const h = this.histograms.get(name);
        if (!h)
            throw new Error(`${name} is not a histogram`);
        h.observe(labels, seconds);
    }
    /** The current value of a counter series; for tests and logs. */
    async get(name, labels = {}) {
        const { values } = await this.counter(name).get();
        const wanted = Object.entries(labels);
        const series = values.find((v) => Object.keys(v.labels).length === wanted.length && wanted.every(([k, x]) => v.labels[k] === x));
        return series?.value ?? 0;
    }
    /** The Prometheus text exposition. */
    render() {
        return this.registry.metrics();
    }
    get contentType() {
        return this.registry.contentType;
    }
}


/***/ }),

/***/ 2509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sd: () => (/* binding */ startRelay)
});

// UNUSED EXPORTS: HEADERS_TIMEOUT_MS, MAX_BODY_BYTES, MAX_CONNECTIONS, REQUEST_TIMEOUT_MS, UPSTREAM_REFUSED_STATUS, bearerMatches, escapeForLog

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
        dedupeKey: (0,alertmanager.dedupeKeyOf)(webhook.groupKey, status, alerts),
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
                schema: alertmanager.DISPATCH_SCHEMA,
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
/** A request's headers must arrive within this, and the whole request within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Open connections at most; more are refused until some close (Alertmanager keeps a handful). */
const MAX_CONNECTIONS = 512;
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
/**
 * Control characters (C0, DEL, C1), bidirectional overrides and isolates,
 * zero-width and line/paragraph separators: anything that could move the
 * cursor, recolour a terminal or reorder what a reader sees in a log.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_LOG = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** Untrusted text made safe for a log line: every unsafe character written as `\uXXXX`. */
function escapeForLog(text) {
    return text.replace(UNSAFE_IN_LOG, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A short, single-line, quoted rendering of untrusted text for logs. */
function quote(text, max = 120) {
    return escapeForLog(JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text));
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
        // A refused request's unread body is not waited for: the socket goes once the answer is out.
        if (headers.connection === 'close' && !res.req.complete)
            res.on('finish', () => res.req.socket.destroySoon());
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
            logger.warning(`not dispatched ${describe}: ${escapeForLog(outcome.message)}; answering 503 so that Alertmanager retries`);
            const headers = {};
            if (outcome.retryAfter !== undefined)
                headers['retry-after'] = String(outcome.retryAfter);
            return { status: 503, body: { result: 'unavailable', error: outcome.message, dedupeKey: key }, headers };
        }
        count('failed');
        logger.error(`not dispatched ${describe}: ${escapeForLog(outcome.message)}; fix the relay's --repo, --event-type or credentials`);
        return { status: UPSTREAM_REFUSED_STATUS, body: { result: 'refused-by-github', error: outcome.message, githubStatus: outcome.status, dedupeKey: key } };
    }
    async function handleNotification(req) {
        metrics.inc('drloop_relay_notifications_received_total');
        if (!bearerMatches(req.headers.authorization, expectedToken)) {
            // Answered at once and the connection closed: an unauthenticated body is never read.
            return reject(401, 'unauthorized', 'missing or wrong bearer token (Authorization: Bearer <DRLOOP_RELAY_TOKEN>)', {
                'www-authenticate': 'Bearer realm="drloop-relay"',
                connection: 'close',
            });
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
        const parsed = alertmanager.webhookSchema.safeParse(data);
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
            const text = await metrics.render();
            res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text), ...(shuttingDown ? { connection: 'close' } : {}) });
            res.end(text);
            return;
        }
        send(res, { status: 404, body: { error: 'not found: POST /alertmanager, GET /healthz, GET /metrics' } });
    }
    // Run the request path's validation and payload code before the first real
    // notification, so that one does not pay for compiling it.
    const sample = {
        version: '4',
        groupKey: 'warm-up',
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'r',
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        externalURL: '',
        alerts: [{ status: 'firing', labels: { alertname: 'warm-up' }, annotations: {}, startsAt: '2026-01-01T00:00:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: '0' }],
    };
    for (let i = 0; i < 200; i++) {
        const w = alertmanager.webhookSchema.parse(JSON.parse(JSON.stringify(sample)));
        buildDispatch(w, selectAlerts(w, matches), options['event-type']);
    }
    await dispatcher.warmUp?.();
    let idle;
    const limits = { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, maxConnections: MAX_CONNECTIONS, ...deps.limits };
    const server = (0,external_node_http_.createServer)({
        keepAliveTimeout: KEEP_ALIVE_MS,
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // How often the timeouts above are checked; a quarter of the shorter one, at most Node's default 30 s.
        connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    }, (req, res) => {
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
    server.maxConnections = limits.maxConnections;
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
