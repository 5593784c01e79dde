export const id = 5;
export const ids = [5];
export const modules = {

/***/ 2196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   relayCommand: () => (/* binding */ relayCommand)
/* harmony export */ });
/* harmony import */ var _src_relay_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4171);
/* harmony import */ var _src_relay_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6268);
/* harmony import */ var _src_relay_matcher_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(839);
/* harmony import */ var _src_relay_metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6112);
/* harmony import */ var _src_relay_server_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2509);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3545);






const USAGE = `usage: drloop relay --listen HOST:PORT --repo OWNER/NAME [--event-type dr-alert]
                    [--github-api-url URL] [--match LABEL=VALUE ...] [--dedupe-window 1h]
                    [--resolved dispatch|drop] [--deadline 8s] [--verbose]
Environment: DRLOOP_RELAY_TOKEN (the bearer token Alertmanager must present, required);
  GITHUB_TOKEN, or a GitHub App: DRLOOP_GITHUB_APP_ID, DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE,
  DRLOOP_GITHUB_APP_INSTALLATION_ID.
Runs until SIGTERM or SIGINT, then finishes the notifications in flight. Exit status 2 on bad options.`;
const relayCommand = {
    name: 'relay',
    summary: 'receive Alertmanager webhooks and turn them into repository_dispatch events',
    usage: USAGE,
    async run(ctx) {
        const { raw } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFlags */ .bQ)(ctx.argv, {
            listen: { type: 'string' },
            repo: { type: 'string' },
            'event-type': { type: 'string' },
            'github-api-url': { type: 'string' },
            match: { type: 'string', multiple: true },
            'dedupe-window': { type: 'string' },
            resolved: { type: 'string' },
            deadline: { type: 'string' },
            verbose: { type: 'boolean' },
        }, USAGE);
        const verbose = raw.verbose === 'true' || ctx.env.DRLOOP_DEBUG === 'true';
        delete raw.verbose;
        const inputs = (0,_src_relay_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRelayInputs */ .So)(raw);
        const secrets = await (0,_src_relay_config_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveRelaySecrets */ .Bo)(ctx.env, ctx.cwd);
        const logger = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D7)(ctx.stderr, verbose);
        const metrics = new _src_relay_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .RelayMetrics */ .T();
        const dispatcher = new _src_relay_github_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubDispatcher */ .n_({ apiUrl: inputs['github-api-url'], repo: inputs.repo, credentials: secrets.github }, { logger, metrics });
        const relay = await (0,_src_relay_server_js__WEBPACK_IMPORTED_MODULE_3__/* .startRelay */ .sd)(inputs, { relayToken: secrets.relayToken, dispatcher, logger, metrics });
        const auth = secrets.github.kind === 'app' ? `GitHub App ${secrets.github.appId} (installation ${secrets.github.installationId})` : 'GITHUB_TOKEN';
        // One line on stdout, stable: scripts and tests read the address from it (useful with port 0).
        ctx.stdout.write(`drloop relay listening on ${relay.url}\n`);
        logger.info(`relay: POST ${relay.url}/alertmanager -> ${inputs['github-api-url']}/repos/${inputs.repo}/dispatches (event ${inputs['event-type']}, ${auth}); ` +
            `forwarding ${(0,_src_relay_matcher_js__WEBPACK_IMPORTED_MODULE_5__/* .describeMatchers */ .D6)(inputs.match)}; resolved groups: ${inputs.resolved}; dedupe window ${inputs['dedupe-window']} s; GitHub deadline ${inputs.deadline} s`);
        await new Promise((resolve) => {
            const stop = (signal) => {
                logger.info(`relay: ${signal} received, finishing the notifications in flight`);
                process.off('SIGTERM', stop);
                process.off('SIGINT', stop);
                void relay.close().then(resolve);
            };
            process.on('SIGTERM', stop);
            process.on('SIGINT', stop);
        });
        logger.info('relay: stopped');
        return _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    },
};


/***/ }),

/***/ 3222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ dedupeKeyOf),
/* harmony export */   Uj: () => (/* binding */ dispatchPayloadSchema),
/* harmony export */   VX: () => (/* binding */ DISPATCH_SCHEMA),
/* harmony export */   bI: () => (/* binding */ alertFromJson),
/* harmony export */   fe: () => (/* binding */ readAlertFile),
/* harmony export */   v1: () => (/* binding */ webhookSchema),
/* harmony export */   x8: () => (/* binding */ ZERO_TIME),
/* harmony export */   zL: () => (/* binding */ loadAlert)
/* harmony export */ });
/* unused harmony exports alertSchema, incidentIdOf, MAX_ALERT_FILE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2716);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9148);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6495);







/** A firing alert's `endsAt` as Alertmanager sends it. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
const labels = zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP());
const time = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an RFC3339 timestamp');
const alertSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    status: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['firing', 'resolved']),
    labels,
    annotations: labels.default({}),
    startsAt: time,
    endsAt: time.optional(),
    generatorURL: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().optional(),
    fingerprint: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
});
/** Alertmanager's webhook body, version 4 (the only version it has ever sent). */
const webhookSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    version: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz('4', { error: (i) => `unsupported Alertmanager webhook version ${JSON.stringify(i.input)} (expected "4")` }),
    groupKey: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    truncatedAlerts: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(0).default(0),
    status: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['firing', 'resolved']),
    receiver: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    alerts: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(alertSchema),
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
const dispatchPayloadSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(DISPATCH_SCHEMA),
    groupKey: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['firing', 'resolved']),
    dedupeKey: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    commonLabels: zod__WEBPACK_IMPORTED_MODULE_6__/* .preprocess */ .vkY(fromJsonText, labels),
    truncatedAlerts: zod__WEBPACK_IMPORTED_MODULE_6__/* .preprocess */ .vkY(fromDigits, zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(0)).default(0),
    externalURL: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().default(''),
    receiver: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().default(''),
    alerts: zod__WEBPACK_IMPORTED_MODULE_6__/* .preprocess */ .vkY(fromJsonText, zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(alertSchema)),
    /** Alerts left out to keep the payload under GitHub's size limit. */
    droppedAlerts: zod__WEBPACK_IMPORTED_MODULE_6__/* .preprocess */ .vkY(fromDigits, zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(0)).default(0),
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
    return (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(`${groupKey}\n${began}`).slice(0, 24);
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

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sK: () => (/* binding */ durationSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2716);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
/**
 * Parses a duration such as `15m`, `1h30m`, `7d` or `250ms` into seconds.
 * A bare number is read as seconds. Returns undefined when the text is not a
 * duration, so callers can name the key that held it.
 */
function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text : undefined;
    const t = text.trim();
    if (/^\d+(?:\.\d+)?$/.test(t))
        return Number(t);
    if (!DURATION.test(t))
        return undefined;
    let total = 0;
    for (const m of t.matchAll(PART))
        total += Number(m[1]) * (UNIT_SECONDS[m[2]] ?? 0);
    return total;
}
/** A zod schema for a duration written as text or seconds; yields seconds. */
const durationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).transform((value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected a duration such as 30s, 15m, 2h or 7d, got ${JSON.stringify(value)}` });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return seconds;
});
/** Formats seconds for people: `42s`, `3m 05s`, `2h 10m`, `3d 4h`. */
function formatDuration(seconds) {
    if (!Number.isFinite(seconds))
        return 'n/a';
    const sign = seconds < 0 ? '-' : '';
    let s = Math.abs(seconds);
    if (s < 10)
        return `${sign}${s.toFixed(s < 1 ? 2 : 1).replace(/\.?0+$/, '')}s`;
    s = Math.round(s);
    if (s < 60)
        return `${sign}${s}s`;
    if (s < 3600)
        return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
    if (s < 86400)
        return `${sign}${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
    return `${sign}${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}


/***/ }),

/***/ 9148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ keyPath),
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   xJ: () => (/* binding */ validateWith),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8422);



/** How a key path is shown to people: `thresholds.warn`, `phases.bringup.steps[0].run`. */
function keyPath(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
    return out === '' ? '(top level)' : out;
}
async function readText(path, label, displayPath = path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} ${displayPath}: file not found`);
        if (code === 'EISDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} ${displayPath}: is a directory, expected a file`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} ${displayPath}: cannot be read (${code ?? String(err)})`);
    }
}
/** Parses JSON text; a syntax error names the file and the position. */
function parseJsonText(text, displayPath) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed JSON (${err.message})`);
    }
}
/**
 * Validates parsed data against a schema and reports every problem at once,
 * each with the file and the key path: `policy.yml: key 'thresholds.warn': …`.
 */
function validateWith(schema, data, displayPath) {
    const result = schema.safeParse(data);
    if (result.success)
        return result.data;
    const problems = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatIssues */ .og)(result.error, (p) => `key '${keyPath(p)}'`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: ${problems.join('; ')}`, problems.map((p) => `${displayPath}: ${p}`));
}


/***/ }),

/***/ 6495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony export sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** The sha256 of a file, streamed so memory stays flat whatever its size. */
async function sha256File(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ boolInput),
/* harmony export */   O1: () => (/* binding */ intInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   _Z: () => (/* binding */ textInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   gX: () => (/* binding */ enumInput),
/* harmony export */   og: () => (/* binding */ formatIssues)
/* harmony export */ });
/* unused harmony export inputNames */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2716);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);


/**
 * Helpers for the string inputs that actions and the CLI receive. Every
 * action's inputs are a zod object of these; `parseInputs` validates them all
 * at once and reports every problem in one message, naming each input.
 */
/** `true`/`false` (and yes/no, 1/0, on/off), as the runner passes booleans. */
const boolInput = (fallback) => zod__WEBPACK_IMPORTED_MODULE_1__/* .stringbool */ .uEf({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] }).default(fallback);
/** A positive integer given as text. */
const intInput = (fallback, min = 1, max = 1000) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(min).max(max)).default(fallback);
/** One of a set of words. */
const enumInput = (values, fallback) => zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(values).default(fallback);
/** Free text; empty means "not set". */
const textInput = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional();
/** A multiline list (one item a line, `#` comments allowed); commas also separate when `commas` is set. */
const listInput = (commas = false) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .optional()
    .transform((text) => (text ?? '')
    .split(commas ? /[\r\n,]+/ : /\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')));
/** Formats a zod error as one line per problem, each naming where it is. */
function formatIssues(error, name) {
    return error.issues.map((issue) => {
        const where = name(issue.path);
        if (issue.code === 'unrecognized_keys') {
            return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
        }
        return `${where}: ${issue.message}`;
    });
}
/**
 * Validates raw string inputs against a schema. Empty strings count as unset,
 * so a default applies whether the runner passed '' or nothing at all.
 */
function parseInputs(schema, raw) {
    const cleaned = {};
    for (const [k, v] of Object.entries(raw))
        if (v !== undefined && v.trim() !== '')
            cleaned[k] = v.trim();
    const result = schema.safeParse(cleaned);
    if (result.success)
        return result.data;
    const problems = formatIssues(result.error, (path) => `input '${String(path[0] ?? '?')}'`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`invalid input: ${problems.join('; ')}`, problems);
}
/** The names of a schema's inputs, as action.yml must declare them. */
function inputNames(schema) {
    return Object.keys(schema.shape);
}


/***/ })

};
