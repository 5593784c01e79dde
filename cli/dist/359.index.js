export const id = 359;
export const ids = [359];
export const modules = {

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
/* unused harmony exports alertSchema, MAX_ALERT_FILE_BYTES */
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
/** The dedupe key: one per group, status and set of alert fingerprints. */
function dedupeKeyOf(groupKey, status, alerts) {
    const fps = alerts.map((a) => `${a.fingerprint}:${a.status}`).sort();
    return (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(`${groupKey}\n${status}\n${fps.join(',')}`).slice(0, 24);
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

/***/ 788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ DEFAULT_EVIDENCE_DIR),
/* harmony export */   w: () => (/* binding */ runContextFromEnv)
/* harmony export */ });
/**
 * Where a run happens, shared by the three actions and the CLI. Kept apart
 * from the cost, plan and evidence modules so that each entry loads only what
 * it uses.
 */
/** The folder the three actions share for records and receipts. */
const DEFAULT_EVIDENCE_DIR = 'drloop-evidence';
/**
 * The run context from GitHub's default environment variables, given as a
 * map (the library never reads process.env itself); empty outside Actions.
 */
function runContextFromEnv(env) {
    const ctx = {};
    if (env.GITHUB_REPOSITORY)
        ctx.repository = env.GITHUB_REPOSITORY;
    if (env.GITHUB_SHA)
        ctx.sha = env.GITHUB_SHA;
    if (env.GITHUB_RUN_ID)
        ctx.runId = env.GITHUB_RUN_ID;
    if (env.GITHUB_RUN_ATTEMPT)
        ctx.runAttempt = env.GITHUB_RUN_ATTEMPT;
    if (env.GITHUB_ACTOR)
        ctx.actor = env.GITHUB_ACTOR;
    if (env.GITHUB_EVENT_NAME)
        ctx.event = env.GITHUB_EVENT_NAME;
    if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        ctx.runUrl = `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    }
    return ctx;
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

/***/ 1056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic),
/* harmony export */   q: () => (/* binding */ writeJsonAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Writes a file so that readers see either the old content or the whole new
 * content, never a part: the data goes to a temporary file in the same
 * directory, is flushed to disk, then renamed over the target. A crash or a
 * full disk leaves at most a stray `.tmp` file, never a half-written record.
 */
async function writeFileAtomic(path, data) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tmp, 'wx', 0o644);
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
}
/** Writes JSON atomically, pretty-printed with a trailing newline. */
async function writeJsonAtomic(path, value) {
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
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

/***/ 6258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ summaryPhaseOf),
/* harmony export */   J0: () => (/* binding */ skippedReceipt),
/* harmony export */   Qz: () => (/* binding */ writeReceipt),
/* harmony export */   RF: () => (/* binding */ loadSummary),
/* harmony export */   Zk: () => (/* binding */ summaryPathOf),
/* harmony export */   fm: () => (/* binding */ PHASE_RECEIPT_SCHEMA),
/* harmony export */   jp: () => (/* binding */ DRILL_SUMMARY_SCHEMA),
/* harmony export */   oj: () => (/* binding */ loadReceipts),
/* harmony export */   yo: () => (/* binding */ runDirOf)
/* harmony export */ });
/* unused harmony exports RECEIPT_STATUSES, RUN_STATUSES, receiptPathOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2716);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9148);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1056);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7684);







/**
 * Receipts are the only state a DR run keeps between jobs: one JSON file per
 * phase (plus guards and failback) and a summary, under
 * `<evidence-dir>/runs/<run-id>/`. collect-evidence reads the same files.
 */
const PHASE_RECEIPT_SCHEMA = 'drloop.phase-receipt/v1';
const DRILL_SUMMARY_SCHEMA = 'drloop.drill-summary/v1';
const RECEIPT_STATUSES = ['success', 'failed', 'skipped', 'cancelled'];
const RUN_STATUSES = (/* unused pure expression or super */ null && (['succeeded', 'failed', 'stopped', 'refused', 'cancelled']));
const iso = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().nullable();
/** What drloop needs from a receipt it reads back; extra keys are kept. */
const phaseReceiptSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(PHASE_RECEIPT_SCHEMA),
    runId: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    phase: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(RECEIPT_STATUSES),
    skipReason: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().nullable(),
    startedAt: iso,
    endedAt: iso,
    durationSeconds: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nullable(),
    steps: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), run: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), status: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(RECEIPT_STATUSES), attempts: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({})), outputs: zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()).default({}) })),
    checks: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({})).default([]),
    extra: zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .unknown */ .L5J()).default({}),
});
const summarySchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(DRILL_SUMMARY_SCHEMA),
    runId: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    incidentStart: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
});
function runDirOf(evidenceDir, runId) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(evidenceDir, 'runs', runId);
}
function receiptPathOf(runDir, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, 'phases', `${name}.json`);
}
function summaryPathOf(runDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, 'drill.summary.json');
}
async function writeReceipt(runDir, receipt) {
    await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_4__/* .writeJsonAtomic */ .q)(receiptPathOf(runDir, receipt.phase), receipt);
}
async function readJsonIfExists(path, display) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${display}: cannot be read (${err.code ?? String(err)})`);
    }
    return (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonText */ .lk)(text, display);
}
/**
 * Loads the receipts a previous job of the same run left behind. A receipt
 * that is not valid JSON or not a drloop receipt is a ConfigurationError:
 * resuming on top of a damaged record would hide what happened.
 */
async function loadReceipts(runDir, displayDir, runId) {
    const out = new Map();
    for (const name of [..._schema_js__WEBPACK_IMPORTED_MODULE_5__/* .PHASES */ .ZG, 'guards', 'failback']) {
        const display = `${displayDir}/phases/${name}.json`;
        const data = await readJsonIfExists(receiptPathOf(runDir, name), display);
        if (data === undefined)
            continue;
        const r = (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .validateWith */ .xJ)(phaseReceiptSchema, data, display);
        if (r.runId !== runId || r.phase !== name) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${display}: belongs to run '${r.runId}' phase '${r.phase}', expected run '${runId}' phase '${name}'`);
        }
        out.set(name, r);
    }
    return out;
}
async function loadSummary(runDir, displayDir) {
    const display = `${displayDir}/drill.summary.json`;
    const data = await readJsonIfExists(summaryPathOf(runDir), display);
    if (data === undefined)
        return undefined;
    return (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .validateWith */ .xJ)(summarySchema, data, display);
}
function summaryPhaseOf(r) {
    return { phase: r.phase, status: r.status, skipReason: r.skipReason, startedAt: r.startedAt, endedAt: r.endedAt, durationSeconds: r.durationSeconds };
}
/** A receipt for a phase that did not run, with the reason why. */
function skippedReceipt(runId, phase, reason) {
    return {
        schema: PHASE_RECEIPT_SCHEMA,
        runId,
        phase,
        status: 'skipped',
        skipReason: reason,
        startedAt: null,
        endedAt: null,
        durationSeconds: null,
        steps: [],
        checks: [],
        extra: {},
    };
}


/***/ }),

/***/ 7359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pd: () => (/* binding */ drExecuteInputs),
  MX: () => (/* binding */ drExecuteOutputs),
  N6: () => (/* binding */ isFailure),
  vi: () => (/* binding */ runDrExecute)
});

// UNUSED EXPORTS: RUN_ID_PATTERN, defaultRunId

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 8 modules
var schemas = __webpack_require__(2716);
// EXTERNAL MODULE: ./src/alerts/alertmanager.ts
var alertmanager = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/workspace.ts
var src_workspace = __webpack_require__(3338);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/plan/receipts.ts
var receipts = __webpack_require__(6258);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/plan/runner.ts


const DEFAULT_TAIL_BYTES = 4096;
const DEFAULT_KILL_GRACE_MS = 3000;
/** A line longer than this is handed on in pieces, so one endless line cannot grow memory. */
const MAX_LINE = 64 * 1024;
/** After bash exits, how long to wait for background children to close the pipes. */
const DRAIN_MS = 1000;
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // The group is already gone.
    }
}
/** Keeps the end of a stream of text, cut at a line start when possible. */
class Tail {
    limit;
    text = '';
    cut = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.text += chunk;
        if (this.text.length > this.limit * 2) {
            this.text = this.text.slice(-this.limit);
            this.cut = true;
        }
    }
    value() {
        if (!this.cut && this.text.length <= this.limit)
            return this.text;
        const cut = this.text.slice(-this.limit);
        const nl = cut.indexOf('\n');
        // Starting at a line boundary avoids a half secret that redaction would miss.
        return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
    }
}
function runCommand(spec) {
    const started = external_node_perf_hooks_.performance.now();
    const tail = new Tail(spec.tailBytes ?? DEFAULT_TAIL_BYTES);
    const patterns = spec.patterns ?? [];
    let matched = false;
    const finishResult = (r) => ({
        ...r,
        durationSeconds: Math.round(external_node_perf_hooks_.performance.now() - started) / 1000,
        tail: tail.value(),
        matched,
    });
    if (spec.signal?.aborted) {
        return Promise.resolve(finishResult({ exitCode: null, signal: null, timedOut: false, cancelled: true, spawnError: null }));
    }
    return new Promise((resolvePromise) => {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)('bash', ['-c', spec.run], { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        }
        catch (err) {
            // Node refuses some arguments outright, e.g. a NUL byte in an environment value.
            resolvePromise(finishResult({ exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: err.message }));
            return;
        }
        let timedOut = false;
        let cancelled = false;
        let killTimer;
        let settled = false;
        const onLine = (line) => {
            if (!matched && patterns.length > 0)
                matched = patterns.some((p) => p.test(line));
            spec.onLine?.(line);
        };
        const partial = { out: '', err: '' };
        const feed = (key) => (chunk) => {
            tail.push(chunk);
            let buf = partial[key] + chunk;
            let nl = buf.indexOf('\n');
            while (nl >= 0) {
                onLine(buf.slice(0, nl).replace(/\r$/, ''));
                buf = buf.slice(nl + 1);
                nl = buf.indexOf('\n');
            }
            while (buf.length > MAX_LINE) {
                onLine(buf.slice(0, MAX_LINE));
                buf = buf.slice(MAX_LINE);
            }
            partial[key] = buf;
        };
        child.stdout.setEncoding('utf8').on('data', feed('out'));
        child.stderr.setEncoding('utf8').on('data', feed('err'));
        const stop = () => {
            if (child.pid === undefined)
                return;
            const pid = child.pid;
            killGroup(pid, 'SIGTERM');
            killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
            killTimer.unref();
        };
        const timeout = setTimeout(() => {
            timedOut = true;
            stop();
        }, Math.max(1, spec.timeoutSeconds * 1000));
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        spec.signal?.addEventListener('abort', onAbort, { once: true });
        const settle = (r) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timeout);
            spec.signal?.removeEventListener('abort', onAbort);
            for (const key of ['out', 'err']) {
                if (partial[key] !== '')
                    onLine(partial[key]);
                partial[key] = '';
            }
            resolvePromise(finishResult(r));
        };
        child.on('error', (err) => {
            settle({ exitCode: null, signal: null, timedOut, cancelled, spawnError: err.message });
        });
        child.on('exit', (code, signal) => {
            const result = { exitCode: code, signal, timedOut, cancelled, spawnError: null };
            // A background process the step started may hold the pipes open; its
            // output is not waited for beyond a moment.
            if (child.stdout.readableEnded && child.stderr.readableEnded)
                return settle(result);
            const drain = setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                settle(result);
            }, DRAIN_MS);
            child.on('close', () => {
                clearTimeout(drain);
                settle(result);
            });
        });
    });
}
/** Resolves after `ms`, or early (with false) when the signal aborts. */
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.resolve(false);
    return new Promise((res) => {
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            res(true);
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            res(false);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(7684);
;// CONCATENATED MODULE: ./src/plan/engine.ts










const ICON = { success: '✔', failed: '✖', skipped: '○', cancelled: '■' };
function nullIfEmpty(s) {
    return s === undefined || s === null || s.trim() === '' ? null : s;
}
/** Parses what `rpo.probe` printed: an RFC3339 timestamp or epoch seconds. */
function parseProbeTime(output) {
    const line = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
    if (line === '')
        return null;
    if (/^\d+(?:\.\d+)?$/.test(line)) {
        const n = Number(line);
        return Number.isFinite(n) ? new Date(n * 1000) : null;
    }
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(line))
        return null;
    const t = Date.parse(line);
    return Number.isNaN(t) ? null : new Date(t);
}
/** Reads the `KEY=value` lines a step appended to `$DRLOOP_OUTPUT`. */
function parseStepOutputs(text) {
    const outputs = {};
    const bad = [];
    for (const raw of text.split(/\r?\n/)) {
        if (raw.trim() === '')
            continue;
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
        if (!m || m[1].startsWith('DRLOOP_'))
            bad.push(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
        else
            outputs[m[1]] = m[2];
    }
    return { outputs, bad };
}
/** RTO and RPO from the receipts alone, so any later job can recompute them. */
function measure(receipts, incidentStart, objectives) {
    const start = Date.parse(incidentStart);
    const v = receipts.get('validate');
    const rto = v?.status === 'success' && v.endedAt ? round((Date.parse(v.endedAt) - start) / 1000) : null;
    let rpo = null;
    for (const name of ['validate', 'restore']) {
        const probe = receipts.get(name)?.extra.rpo;
        if (probe?.recoveredAt) {
            // A recovered transaction newer than the incident start means nothing before it was lost.
            rpo = Math.max(0, round((start - Date.parse(probe.recoveredAt)) / 1000));
            break;
        }
    }
    const met = (value, objective) => (value === null || objective === null ? null : value <= objective);
    return { rtoSeconds: rto, rpoSeconds: rpo, rtoMet: met(rto, objectives.rtoSeconds), rpoMet: met(rpo, objectives.rpoSeconds) };
}
function round(n) {
    return Math.round(n * 1000) / 1000;
}
class Engine {
    o;
    deps;
    plan;
    log;
    receipts = new Map();
    /** Outputs of every step so far, given to later steps as environment variables. */
    outputs = {};
    baseEnv = {};
    tmp = '';
    seq = 0;
    constructor(o, deps) {
        this.o = o;
        this.deps = deps;
        this.plan = o.loaded.plan;
        this.log = deps.logger;
    }
    cancelled() {
        return this.deps.signal?.aborted === true;
    }
    iso() {
        return this.deps.now().toISOString();
    }
    async run() {
        const startedAt = this.iso();
        this.receipts = await (0,receipts/* loadReceipts */.oj)(this.o.runDir, this.o.runDirDisplay, this.o.runId);
        const previous = await (0,receipts/* loadSummary */.RF)(this.o.runDir, this.o.runDirDisplay);
        for (const p of schema/* PHASES */.ZG)
            for (const s of this.receipts.get(p)?.steps ?? [])
                Object.assign(this.outputs, s.outputs);
        this.tmp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'drloop-run-'));
        try {
            await this.prepareEnv();
            const { o, plan } = this;
            this.log.info(`drloop: plan '${plan.name}' (${o.loaded.path}, sha256 ${o.loaded.sha256.slice(0, 12)}), run ${o.runId}, mode ${o.mode}` +
                (o.mode === 'failback' ? '' : `, phases ${o.startAt ?? 'bringup'} → ${o.stopAfter ?? 'teardown'}`) +
                (o.dryRun ? ' (dry run)' : ''));
            const outcome = o.mode === 'failback' ? await this.runFailback() : await this.runPhases();
            const summary = await this.writeSummary(startedAt, previous, outcome);
            return { status: outcome.status, reason: outcome.reason, summary, receipts: this.receipts };
        }
        finally {
            await (0,promises_.rm)(this.tmp, { recursive: true, force: true });
        }
    }
    /** The environment every step starts from: the runner's, minus action inputs, plus run context. */
    async prepareEnv() {
        const env = {};
        for (const [k, v] of Object.entries(this.deps.env)) {
            // Action inputs (the alert among them) are not the steps' business.
            if (v === undefined || k.startsWith('INPUT_'))
                continue;
            env[k] = v;
        }
        Object.assign(env, this.plan.defaults.env);
        env.DRLOOP_RUN_ID = this.o.runId;
        env.DRLOOP_MODE = this.o.mode;
        env.DRLOOP_PLAN = this.o.loaded.path;
        env.DRLOOP_RECEIPTS_DIR = this.o.runDir;
        const alert = this.o.alert;
        if (alert) {
            let path = alert.path;
            if (path === null) {
                path = (0,external_node_path_.join)(this.tmp, 'alert.json');
                await (0,promises_.writeFile)(path, alert.text);
            }
            // Alert fields reach steps only as data in variables, never spliced into a command.
            const clean = (s) => s.replace(/\0/g, '');
            env.DRLOOP_ALERT_PATH = path;
            env.DRLOOP_ALERT_STATUS = clean(alert.context.status);
            env.DRLOOP_ALERT_NAME = clean(alert.context.name);
            env.DRLOOP_ALERT_FINGERPRINT = clean(alert.context.fingerprint);
            env.DRLOOP_ALERT_STARTS_AT = alert.context.startsAt ?? '';
        }
        this.baseEnv = env;
    }
    async save(receipt) {
        // Commands are plan text, but a secret pasted into one must not reach the evidence either.
        receipt.steps = receipt.steps.map((s) => ({ ...s, run: (0,redact/* redact */.E$)(s.run).text }));
        receipt.checks = receipt.checks.map((c) => ({ ...c, target: (0,redact/* redact */.E$)(c.target).text }));
        this.receipts.set(receipt.phase, receipt);
        await (0,receipts/* writeReceipt */.Qz)(this.o.runDir, receipt);
    }
    /** Writes a skipped receipt unless the phase already has one (from this run or an earlier job). */
    async ensureReceipt(name, reason) {
        if (!this.receipts.has(name))
            await this.save((0,receipts/* skippedReceipt */.J0)(this.o.runId, name, reason));
    }
    // ---------------------------------------------------------------- phases
    async runPhases() {
        const { o, plan } = this;
        const inPlan = (0,schema/* planPhases */.it)(plan);
        const startIdx = o.startAt ? schema/* PHASES */.ZG.indexOf(o.startAt) : 0;
        const stopIdx = o.stopAfter ? schema/* PHASES */.ZG.indexOf(o.stopAfter) : schema/* PHASES */.ZG.length - 1;
        const window = schema/* PHASES */.ZG.slice(startIdx, stopIdx + 1);
        // Gates that refuse the whole window, and the cost gate, which spares teardown.
        let refuseAll = null;
        if (startIdx === 0 && stopIdx === schema/* PHASES */.ZG.length - 1 && inPlan.includes('bringup') && inPlan.includes('teardown') && !o.allowFullDrill) {
            refuseAll = 'a full drill (bringup through teardown in one run) needs allow-full-drill: true; use start-at/stop-after for partial runs';
        }
        if (!refuseAll && o.startAt !== 'teardown') {
            for (const p of schema/* PHASES */.ZG.slice(0, startIdx)) {
                if (!inPlan.includes(p))
                    continue;
                const r = this.receipts.get(p);
                if (r?.status !== 'success') {
                    refuseAll = `cannot start at ${o.startAt}: phase ${p} ${r ? `is ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}` : 'has no receipt'} in ${o.runDirDisplay}`;
                    break;
                }
            }
        }
        let refuseCost = null;
        if (o.decision === 'block')
            refuseCost = 'the cost decision is block';
        else if (o.decision === 'warn' && !o.acceptWarn)
            refuseCost = 'the cost decision is warn and accept-warn is not true';
        const refusalFor = (p) => refuseAll ?? (p === 'teardown' ? null : refuseCost);
        const toRun = window.filter((p) => inPlan.includes(p) && this.receipts.get(p)?.status !== 'success' && refusalFor(p) === null);
        for (const p of window) {
            if (inPlan.includes(p) && this.receipts.get(p)?.status === 'success')
                this.log.info(`${p}: already succeeded in ${o.runDirDisplay}; not run again`);
        }
        const refusal = refuseAll ?? (window.some((p) => p !== 'teardown' && inPlan.includes(p) && this.receipts.get(p)?.status !== 'success') ? refuseCost : null);
        if (refusal)
            this.log.error(`refused: ${refusal}`);
        if (o.dryRun)
            return this.dryRunPhases(window, inPlan, toRun, refusal);
        // Guards run before anything mutates, whenever a phase is about to run.
        let guardFailure = null;
        if (toRun.length > 0) {
            const g = await this.runGuards();
            if (g === 'cancelled')
                guardFailure = 'cancelled';
            else if (g)
                guardFailure = g;
        }
        else if (!this.receipts.has('guards')) {
            await this.save((0,receipts/* skippedReceipt */.J0)(o.runId, 'guards', plan.guards.length ? 'no phase to run' : 'the plan has no guards'));
        }
        let failed = null;
        let cancelled = guardFailure === 'cancelled';
        let gated = null;
        let lastPhase = null;
        let ranBeforePromote = false;
        for (const [i, p] of schema/* PHASES */.ZG.entries()) {
            const spec = plan.phases[p];
            if (!spec) {
                await this.ensureReceipt(p, 'not in plan');
                continue;
            }
            if (i < startIdx) {
                await this.ensureReceipt(p, `before start-at ${o.startAt}`);
                continue;
            }
            if (i > stopIdx) {
                await this.ensureReceipt(p, `after stop-after ${o.stopAfter}`);
                continue;
            }
            if (this.receipts.get(p)?.status === 'success')
                continue;
            const refused = refusalFor(p);
            let skip = null;
            if (refused)
                skip = `refused: ${refused}`;
            else if (cancelled)
                skip = 'cancelled';
            else if (guardFailure)
                skip = `guard failed: ${guardFailure}`;
            else if (failed && p !== 'teardown')
                skip = `earlier phase ${failed} failed`;
            else if (failed && p === 'teardown' && !o.teardown)
                skip = `earlier phase ${failed} failed and teardown is not true`;
            else if (p === 'promote') {
                const gate = this.promoteGate();
                if (!gate.passed) {
                    skip = `promotion gate: ${gate.reason}`;
                    gated = gate.reason;
                    ranBeforePromote = lastPhase !== null;
                    this.log.warning(`promote: not run: ${gate.reason}`);
                }
            }
            if (skip) {
                await this.save((0,receipts/* skippedReceipt */.J0)(o.runId, p, skip));
                continue;
            }
            const receipt = await this.runPhase(p, spec);
            lastPhase = p;
            if (receipt.status === 'cancelled')
                cancelled = true;
            else if (receipt.status === 'failed')
                failed ??= p;
        }
        if (cancelled)
            return { status: 'cancelled', reason: 'the run was cancelled', lastPhase };
        if (guardFailure)
            return { status: 'refused', reason: `guard failed: ${guardFailure}`, lastPhase };
        if (failed) {
            const extra = lastPhase === 'teardown' && failed !== 'teardown' ? ' (teardown ran)' : '';
            return { status: 'failed', reason: `phase ${failed} failed${extra}`, lastPhase };
        }
        if (refusal)
            return { status: 'refused', reason: refusal, lastPhase };
        if (gated)
            return { status: ranBeforePromote ? 'stopped' : 'refused', reason: `promote not run: ${gated}`, lastPhase };
        const remaining = inPlan.filter((p) => schema/* PHASES */.ZG.indexOf(p) > stopIdx);
        if (remaining.length > 0)
            return { status: 'stopped', reason: `stopped after ${o.stopAfter}; still to run: ${remaining.join(', ')}`, lastPhase };
        return { status: 'succeeded', reason: null, lastPhase };
    }
    /**
     * The promotion gate. drloop cannot see a GitHub Environment's protection,
     * so `approver` is the signal: the reusable workflow sets it only in the
     * job that required reviewers approved.
     */
    promoteGate() {
        const { o } = this;
        if (o.autoPromote)
            return { passed: true, gate: 'auto-promote', reason: 'auto-promote: true' };
        if (o.approver)
            return { passed: true, gate: 'approval', reason: `approved by ${o.approver}` };
        if (o.allowPromoteBypass && o.mode === 'drill')
            return { passed: true, gate: 'bypass', reason: 'allow-promote-bypass: true in a drill' };
        const hint = o.allowPromoteBypass ? ' (allow-promote-bypass applies to mode drill only)' : '';
        return { passed: false, gate: null, reason: `needs auto-promote: true or an approver (an approved environment job)${hint}` };
    }
    async dryRunPhases(window, inPlan, toRun, refusal) {
        const { o, plan } = this;
        this.log.info(`dry run: nothing is executed; receipts are marked skipped (dry-run)`);
        if (plan.guards.length)
            this.log.info(`guards: ${plan.guards.map((g) => `${g.name}: ${g.run}${g.expect !== undefined ? ` (expect ${JSON.stringify(g.expect)})` : ''}`).join('; ')}`);
        for (const p of schema/* PHASES */.ZG) {
            const spec = plan.phases[p];
            if (!spec)
                continue;
            const state = !window.includes(p) ? 'outside the window' : toRun.includes(p) ? 'would run' : this.receipts.get(p)?.status === 'success' ? 'already succeeded' : 'refused';
            await this.log.group(`${p}: ${state}`, async () => {
                for (const s of spec.steps)
                    this.log.info(`step ${s.name}: ${s.run} (timeout ${(0,duration/* formatDuration */.a3)(s.timeout ?? plan.defaults.timeoutSeconds)})`);
                for (const c of spec.checks)
                    this.log.info(`check ${c.name}: ${c.http ? `GET ${c.http} → ${c.status ?? 200}` : c.run}${c.within ? ` within ${(0,duration/* formatDuration */.a3)(c.within)}` : ''}`);
                if (spec.verify)
                    this.log.info(`verify: ${spec.verify.run}${spec.verify.expect !== undefined ? ` (expect ${JSON.stringify(spec.verify.expect)})` : ''}`);
                if (p === 'promote' && toRun.includes(p)) {
                    const g = this.promoteGate();
                    this.log.info(`promotion gate: ${g.passed ? `passes (${g.reason})` : `closed (${g.reason})`}`);
                }
            });
        }
        for (const p of toRun)
            await this.ensureReceipt(p, 'dry-run');
        for (const p of schema/* PHASES */.ZG)
            if (!inPlan.includes(p))
                await this.ensureReceipt(p, 'not in plan');
        await this.ensureReceipt('guards', 'dry-run');
        if (refusal)
            return { status: 'refused', reason: `a real run would be refused: ${refusal}`, lastPhase: null };
        return { status: 'stopped', reason: 'dry run: nothing was executed', lastPhase: null };
    }
    /** Runs the guards; returns null when all pass, else the failing guard's name (or 'cancelled'). */
    async runGuards() {
        const { plan, o } = this;
        if (plan.guards.length === 0) {
            await this.save((0,receipts/* skippedReceipt */.J0)(o.runId, 'guards', 'the plan has no guards'));
            return null;
        }
        const started = this.deps.now();
        const steps = [];
        let failure = null;
        let status = 'success';
        for (const g of plan.guards) {
            if (failure || status === 'cancelled') {
                steps.push({ name: g.name, run: g.run, status: 'skipped', attempts: [], outputs: {} });
                continue;
            }
            const env = { ...this.baseEnv, ...g.env, DRLOOP_PHASE: 'guards', DRLOOP_STEP: g.name };
            const { attempt, result } = await this.attempt('guards', g.name, g.run, env, g.timeout ?? this.plan.defaults.timeoutSeconds, 1, []);
            let ok = result.exitCode === 0 && !result.timedOut && !result.cancelled;
            let detail;
            if (ok && g.expect !== undefined && result.tail.trim() !== g.expect.trim()) {
                ok = false;
                detail = `expected output ${JSON.stringify(g.expect)}, got ${JSON.stringify((0,redact/* redact */.E$)(result.tail.trim()).text.slice(0, 200))}`;
            }
            const stepStatus = result.cancelled ? 'cancelled' : ok ? 'success' : 'failed';
            steps.push({ name: g.name, run: g.run, status: stepStatus, attempts: [attempt], outputs: {}, ...(detail ? { detail } : {}) });
            if (stepStatus === 'cancelled')
                status = 'cancelled';
            else if (!ok) {
                status = 'failed';
                failure = g.name;
                this.log.error(`guard ${g.name} failed: ${detail ?? describeAttempt(attempt)}`);
            }
        }
        await this.save(this.receiptOf('guards', status, started, steps, [], {}));
        return status === 'cancelled' ? 'cancelled' : failure;
    }
    receiptOf(name, status, started, steps, checks, extra, skipReason = null) {
        const ended = this.deps.now();
        return {
            schema: receipts/* PHASE_RECEIPT_SCHEMA */.fm,
            runId: this.o.runId,
            phase: name,
            status,
            skipReason,
            startedAt: started.toISOString(),
            endedAt: ended.toISOString(),
            durationSeconds: round((ended.getTime() - started.getTime()) / 1000),
            steps,
            checks,
            extra,
        };
    }
    /** Runs one phase: steps in order, then checks and verify; the receipt is written before returning. */
    async runPhase(p, spec) {
        const started = this.deps.now();
        this.log.info(`▶ ${p}`);
        const extra = {};
        if (p === 'promote') {
            const gate = this.promoteGate();
            Object.assign(extra, { gate: gate.gate, approver: this.o.approver, ticket: this.o.ticket, bypassed: gate.gate === 'bypass' });
            if (gate.gate === 'bypass')
                this.log.warning(`promote: the promotion gate is bypassed (allow-promote-bypass in a drill); the receipt records it`);
        }
        // Teardown is best effort: every step is tried even when one fails.
        const keepGoing = p === 'teardown';
        const { status: stepsStatus, steps } = await this.runSteps(p, spec.steps, keepGoing);
        let status = stepsStatus;
        const checks = [];
        if (status === 'success' || (keepGoing && status === 'failed')) {
            for (const c of spec.checks) {
                const rec = await this.runCheck(p, c.name, c);
                checks.push(rec);
                if (rec.status === 'cancelled') {
                    status = 'cancelled';
                    break;
                }
                if (rec.status === 'failed')
                    status = 'failed';
                if (status === 'failed' && !keepGoing)
                    break;
            }
            if (spec.verify && status !== 'cancelled' && (status === 'success' || keepGoing)) {
                const rec = await this.runCheck(p, 'verify', { ...spec.verify, name: 'verify' }, 'verify');
                checks.push(rec);
                if (rec.status === 'cancelled')
                    status = 'cancelled';
                else if (rec.status === 'failed')
                    status = 'failed';
            }
        }
        const rpoPhase = this.plan.phases.validate ? 'validate' : 'restore';
        if (status === 'success' && this.plan.rpo && p === rpoPhase)
            extra.rpo = await this.probeRpo();
        const receipt = this.receiptOf(p, status, started, steps, checks, extra);
        await this.save(receipt);
        const line = `${ICON[status]} ${p} ${status} in ${(0,duration/* formatDuration */.a3)(receipt.durationSeconds ?? 0)}`;
        if (status === 'success')
            this.log.info(line);
        else
            this.log.error(line);
        return receipt;
    }
    async runSteps(phase, list, keepGoing) {
        const steps = [];
        let status = 'success';
        for (const step of list) {
            if (status === 'cancelled' || (status === 'failed' && !keepGoing) || this.cancelled()) {
                if (this.cancelled())
                    status = 'cancelled';
                steps.push({ name: step.name, run: step.run, status: 'skipped', attempts: [], outputs: {} });
                continue;
            }
            const rec = await this.runStep(phase, step);
            steps.push(rec);
            if (rec.status === 'cancelled')
                status = 'cancelled';
            else if (rec.status === 'failed')
                status = 'failed';
        }
        return { status, steps };
    }
    /** One step with its retries: a failed attempt is retried only when its output matched `retry.on`. */
    async runStep(phase, step) {
        const retry = (0,schema/* effectiveRetry */.ay)(this.plan, step);
        const allowed = this.o.noRetry || retry.on.length === 0 ? 1 : Math.max(1, Math.min(retry.max + 1, this.o.maxAttempts));
        const patterns = allowed > 1 ? retry.on.map((p) => new RegExp(p)) : [];
        const timeout = step.timeout ?? this.plan.defaults.timeoutSeconds;
        const attempts = [];
        for (let n = 1;; n++) {
            const outFile = (0,external_node_path_.join)(this.tmp, `out-${++this.seq}`);
            const env = {
                ...this.baseEnv,
                ...this.outputs,
                ...step.env,
                DRLOOP_PHASE: phase,
                DRLOOP_STEP: step.name,
                DRLOOP_ATTEMPT: String(n),
                DRLOOP_OUTPUT: outFile,
            };
            const { attempt, result } = await this.attempt(phase, step.name, step.run, env, timeout, n, patterns, allowed);
            attempts.push(attempt);
            if (result.cancelled)
                return { name: step.name, run: step.run, status: 'cancelled', attempts, outputs: {} };
            if (result.exitCode === 0 && !result.timedOut) {
                const outputs = await this.readOutputs(outFile, phase, step.name);
                Object.assign(this.outputs, outputs);
                return { name: step.name, run: step.run, status: 'success', attempts, outputs };
            }
            const why = describeAttempt(attempt);
            if (n >= allowed || !result.matched) {
                const note = allowed > 1 && !result.matched ? '; not retried: the output matched none of retry.on' : n > 1 ? ` after ${n} attempts` : '';
                this.log.error(`${phase} › ${step.name} failed: ${why}${note}`);
                return { name: step.name, run: step.run, status: 'failed', attempts, outputs: {} };
            }
            const wait = retry.backoffSeconds * 2 ** (n - 1);
            this.log.warning(`${phase} › ${step.name}: ${why}; the output matched retry.on, attempt ${n + 1} of ${allowed} in ${(0,duration/* formatDuration */.a3)(wait)}`);
            if (!(await sleep(wait * 1000, this.deps.signal))) {
                return { name: step.name, run: step.run, status: 'cancelled', attempts, outputs: {} };
            }
        }
    }
    async attempt(phase, name, run, env, timeoutSeconds, n, patterns, allowed = 1) {
        const startedAt = this.iso();
        const title = `${phase} › ${name}${n > 1 ? ` (attempt ${n} of ${allowed})` : ''}`;
        const result = await this.log.group(title, () => runCommand({
            run,
            cwd: this.deps.workspace,
            env,
            timeoutSeconds,
            signal: this.deps.signal,
            patterns,
            killGraceMs: this.deps.killGraceMs,
            onLine: (line) => this.log.info(line === '' ? line : (0,redact/* redact */.E$)(line).text),
        }));
        if (result.spawnError)
            this.log.error(`${title}: could not start bash: ${result.spawnError}`);
        const attempt = {
            attempt: n,
            startedAt,
            exitCode: result.exitCode,
            signal: result.signal,
            timedOut: result.timedOut,
            cancelled: result.cancelled,
            durationSeconds: result.durationSeconds,
            outputTail: (0,redact/* redact */.E$)(result.tail).text,
            retryMatched: result.matched,
        };
        if (result.timedOut)
            this.log.error(`${title}: timed out after ${(0,duration/* formatDuration */.a3)(timeoutSeconds)}; its process group was stopped`);
        if (result.cancelled)
            this.log.warning(`${title}: cancelled; its process group was stopped`);
        return { attempt, result };
    }
    async readOutputs(path, phase, step) {
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch {
            return {};
        }
        const { outputs, bad } = parseStepOutputs(text);
        if (bad.length)
            this.log.warning(`${phase} › ${step}: ignored ${bad.length} line(s) in $DRLOOP_OUTPUT that are not KEY=value (or set a DRLOOP_ name): ${bad.join(' | ')}`);
        return outputs;
    }
    /** A check polls until it passes or `within` has run out; a single try when `within` is 0. */
    async runCheck(phase, name, c, kind) {
        const started = this.deps.now();
        const t0 = performance.now();
        const within = (c.within ?? 0) * 1000;
        const interval = (c.interval ?? schema/* DEFAULT_CHECK_INTERVAL_SECONDS */.dO) * 1000;
        const target = c.http ?? c.run ?? '';
        const record = (status, tries, detail) => ({
            name,
            kind: kind ?? (c.http ? 'http' : 'run'),
            target,
            status,
            tries,
            detail,
            startedAt: started.toISOString(),
            durationSeconds: round((performance.now() - t0) / 1000),
        });
        return this.log.group(`${phase} › check ${name}`, async () => {
            let detail = '';
            for (let tries = 1;; tries++) {
                if (this.cancelled())
                    return record('cancelled', tries - 1, 'cancelled');
                const r = c.http ? await this.tryHttp(c) : await this.tryRun(phase, name, c);
                detail = r.detail;
                this.log.info(`try ${tries}: ${r.ok ? 'passed' : 'failed'}: ${detail}`);
                if (r.cancelled)
                    return record('cancelled', tries, 'cancelled');
                if (r.ok)
                    return record('success', tries, detail);
                if (performance.now() - t0 + interval > within) {
                    this.log.error(`${phase} › check ${name} failed after ${tries} tr${tries === 1 ? 'y' : 'ies'}: ${detail}`);
                    return record('failed', tries, detail);
                }
                if (!(await sleep(interval, this.deps.signal)))
                    return record('cancelled', tries, 'cancelled');
            }
        });
    }
    async tryHttp(c) {
        const expected = c.status ?? 200;
        const signals = [AbortSignal.timeout((c.timeout ?? schema/* DEFAULT_CHECK_TIMEOUT_SECONDS */.Fr) * 1000)];
        if (this.deps.signal)
            signals.push(this.deps.signal);
        try {
            const res = await (this.deps.fetch ?? fetch)(c.http, { signal: AbortSignal.any(signals), redirect: 'manual' });
            const body = await res.text();
            if (res.status !== expected)
                return { ok: false, cancelled: false, detail: `HTTP ${res.status}, expected ${expected}` };
            if (c.contains !== undefined && !body.includes(c.contains))
                return { ok: false, cancelled: false, detail: `HTTP ${res.status} but the body lacks ${JSON.stringify(c.contains)}` };
            return { ok: true, cancelled: false, detail: `HTTP ${res.status}` };
        }
        catch (err) {
            if (this.cancelled())
                return { ok: false, cancelled: true, detail: 'cancelled' };
            const cause = err.cause;
            return { ok: false, cancelled: false, detail: `request failed: ${cause?.code ?? cause?.message ?? (0,errors/* describeError */.Uc)(err)}` };
        }
    }
    async tryRun(phase, name, c) {
        const env = { ...this.baseEnv, ...this.outputs, ...c.env, DRLOOP_PHASE: phase, DRLOOP_STEP: name };
        const r = await runCommand({
            run: c.run,
            cwd: this.deps.workspace,
            env,
            timeoutSeconds: c.timeout ?? schema/* DEFAULT_CHECK_TIMEOUT_SECONDS */.Fr,
            signal: this.deps.signal,
            killGraceMs: this.deps.killGraceMs,
            onLine: (line) => this.log.info((0,redact/* redact */.E$)(line).text),
        });
        const out = r.tail.trim();
        const shown = JSON.stringify((0,redact/* redact */.E$)(out).text.slice(-200));
        if (r.cancelled)
            return { ok: false, cancelled: true, detail: 'cancelled' };
        if (r.timedOut)
            return { ok: false, cancelled: false, detail: `timed out after ${(0,duration/* formatDuration */.a3)(c.timeout ?? schema/* DEFAULT_CHECK_TIMEOUT_SECONDS */.Fr)}` };
        if (r.exitCode !== 0)
            return { ok: false, cancelled: false, detail: `exit code ${r.exitCode ?? r.signal}; output ${shown}` };
        if (c.expect !== undefined && out !== c.expect.trim())
            return { ok: false, cancelled: false, detail: `output ${shown}, expected ${JSON.stringify(c.expect.trim())}` };
        return { ok: true, cancelled: false, detail: c.expect !== undefined ? `output ${shown} as expected` : 'exit code 0' };
    }
    /** Runs `rpo.probe`; its failure is a warning (RPO unmeasured), not a failed phase. */
    async probeRpo() {
        const probe = this.plan.rpo;
        const env = { ...this.baseEnv, ...this.outputs, DRLOOP_PHASE: 'rpo', DRLOOP_STEP: 'probe' };
        const r = await this.log.group('rpo probe', () => runCommand({
            run: probe.probe,
            cwd: this.deps.workspace,
            env,
            timeoutSeconds: probe.timeoutSeconds ?? 60,
            signal: this.deps.signal,
            killGraceMs: this.deps.killGraceMs,
            onLine: (line) => this.log.info((0,redact/* redact */.E$)(line).text),
        }));
        const at = r.exitCode === 0 ? parseProbeTime(r.tail) : null;
        let error = null;
        if (r.exitCode !== 0)
            error = r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit code ${r.exitCode ?? r.signal}`;
        else if (!at)
            error = `printed ${JSON.stringify((0,redact/* redact */.E$)(r.tail.trim()).text.slice(-100))}, expected an RFC3339 timestamp or epoch seconds`;
        if (error)
            this.log.warning(`rpo probe: ${error}; RPO is not measured`);
        return { probe: (0,redact/* redact */.E$)(probe.probe).text, exitCode: r.exitCode, output: (0,redact/* redact */.E$)(r.tail).text, recoveredAt: at ? at.toISOString() : null, error };
    }
    // -------------------------------------------------------------- failback
    async runFailback() {
        const { o } = this;
        const fb = this.plan.failback;
        let refusal = null;
        if (o.confirm1 !== 'FAILBACK')
            refusal = `failback needs confirm1: FAILBACK${o.confirm1 ? ` (got ${JSON.stringify(o.confirm1)})` : ''}`;
        else if (o.confirm2 !== `CONFIRM-${o.runId}`)
            refusal = `failback needs confirm2: CONFIRM-${o.runId}${o.confirm2 ? ` (got ${JSON.stringify(o.confirm2)})` : ''}`;
        else {
            const promote = this.receipts.get('promote');
            if (promote?.status !== 'success') {
                refusal = `run ${o.runId} was not promoted: ${o.runDirDisplay}/phases/promote.json ${promote ? `is ${promote.status}` : 'does not exist'}`;
            }
        }
        if (refusal)
            this.log.error(`refused: ${refusal}`);
        if (o.dryRun) {
            await this.log.group('failback: ' + (refusal ? 'refused' : 'would run'), async () => {
                for (const c of fb.checks)
                    this.log.info(`check ${c.name}: ${c.http ?? c.run}`);
                for (const s of fb.steps)
                    this.log.info(`step ${s.name}: ${s.run}`);
            });
            await this.ensureReceipt('failback', 'dry-run');
            if (refusal)
                return { status: 'refused', reason: `a real run would be refused: ${refusal}`, lastPhase: null };
            return { status: 'stopped', reason: 'dry run: nothing was executed', lastPhase: null };
        }
        if (refusal) {
            await this.save((0,receipts/* skippedReceipt */.J0)(o.runId, 'failback', `refused: ${refusal}`));
            return { status: 'refused', reason: refusal, lastPhase: null };
        }
        const guard = await this.runGuards();
        if (guard) {
            await this.save((0,receipts/* skippedReceipt */.J0)(o.runId, 'failback', guard === 'cancelled' ? 'cancelled' : `guard failed: ${guard}`));
            return guard === 'cancelled' ? { status: 'cancelled', reason: 'the run was cancelled', lastPhase: null } : { status: 'refused', reason: `guard failed: ${guard}`, lastPhase: null };
        }
        const started = this.deps.now();
        this.log.info('▶ failback');
        // Every check runs, so the receipt lists all that block the failback, not only the first.
        const checks = [];
        for (const c of fb.checks) {
            if (this.cancelled())
                break;
            checks.push(await this.runCheck('failback', c.name, c));
        }
        const failedChecks = checks.filter((c) => c.status === 'failed').map((c) => c.name);
        if (this.cancelled() || checks.some((c) => c.status === 'cancelled')) {
            await this.save(this.receiptOf('failback', 'cancelled', started, [], checks, {}));
            return { status: 'cancelled', reason: 'the run was cancelled', lastPhase: 'failback' };
        }
        if (failedChecks.length > 0) {
            const reason = `failback check${failedChecks.length > 1 ? 's' : ''} ${failedChecks.join(', ')} failed`;
            this.log.error(`refused: ${reason}; no failback step ran`);
            await this.save(this.receiptOf('failback', 'skipped', started, [], checks, {}, `refused: ${reason}`));
            return { status: 'refused', reason, lastPhase: null };
        }
        const { status, steps } = await this.runSteps('failback', fb.steps, false);
        const receipt = this.receiptOf('failback', status, started, steps, checks, {});
        await this.save(receipt);
        this.log[status === 'success' ? 'info' : 'error'](`${ICON[status]} failback ${status} in ${(0,duration/* formatDuration */.a3)(receipt.durationSeconds ?? 0)}`);
        if (status === 'cancelled')
            return { status: 'cancelled', reason: 'the run was cancelled', lastPhase: 'failback' };
        if (status === 'failed')
            return { status: 'failed', reason: 'failback failed', lastPhase: 'failback' };
        return { status: 'succeeded', reason: null, lastPhase: 'failback' };
    }
    // --------------------------------------------------------------- summary
    async writeSummary(startedAt, previous, outcome) {
        const { o } = this;
        const ctx = o.alert?.context;
        const alert = ctx
            ? { name: ctx.name, fingerprint: ctx.fingerprint, groupKey: ctx.groupKey, status: ctx.status, startsAt: ctx.startsAt }
            : (previous?.alert ?? null);
        // The incident began when the alert fired; without an alert, when this run (its first job) began.
        const incidentStart = ctx?.startsAt ?? previous?.incidentStart ?? startedAt;
        const measured = measure(this.receipts, incidentStart, this.plan.objectives);
        const phases = schema/* PHASES */.ZG.map((p) => this.receipts.get(p)).filter((r) => r !== undefined);
        const failback = this.receipts.get('failback');
        if (failback)
            phases.push(failback);
        const summary = {
            schema: receipts/* DRILL_SUMMARY_SCHEMA */.jp,
            runId: o.runId,
            plan: { name: this.plan.name, path: o.loaded.path, sha256: o.loaded.sha256 },
            mode: o.mode,
            status: outcome.status,
            reason: outcome.reason,
            dryRun: o.dryRun,
            decision: o.decision,
            alert,
            objectives: this.plan.objectives,
            incidentStart,
            startedAt: previous?.startedAt ?? startedAt,
            endedAt: this.iso(),
            ...measured,
            lastPhase: outcome.lastPhase,
            phases: phases.map(receipts/* summaryPhaseOf */.BJ),
        };
        // A dry run never replaces the summary of a run that really happened.
        if (!(o.dryRun && previous && !previous.dryRun))
            await (0,fs_atomic/* writeJsonAtomic */.q)((0,receipts/* summaryPathOf */.Zk)(o.runDir), summary);
        return summary;
    }
}
function describeAttempt(a) {
    if (a.cancelled)
        return 'cancelled';
    if (a.timedOut)
        return `timed out after ${(0,duration/* formatDuration */.a3)(a.durationSeconds)}`;
    if (a.exitCode !== null)
        return `exit code ${a.exitCode}`;
    return a.signal ? `killed by ${a.signal}` : 'could not start';
}

;// CONCATENATED MODULE: ./src/plan/run.ts












/** A run id becomes a directory name, so it is kept to a safe alphabet. */
const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const phaseInput = (what) => schemas/* enum */.k5n(schema/* PHASES */.ZG, { error: (i) => `expected a phase (${schema/* PHASES */.ZG.join(', ')}) to ${what}, got ${JSON.stringify(i.input)}` }).optional();
/**
 * The inputs of `actions/dr-execute` and `drloop execute`, as strings in and
 * typed values out. action.yml declares exactly these names with the same
 * defaults (a test holds the two together).
 */
const drExecuteInputs = schemas/* object */.Ikc({
    plan: schemas/* string */.YjP({ error: 'required: the path of the DR plan (YAML)' }),
    mode: (0,inputs/* enumInput */.gX)(schema/* PLAN_MODES */.VA, 'drill'),
    'start-at': phaseInput('start at'),
    'stop-after': phaseInput('stop after'),
    'run-id': schemas/* string */.YjP().regex(RUN_ID_PATTERN, 'expected 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit').optional(),
    'evidence-dir': schemas/* string */.YjP().default(context/* DEFAULT_EVIDENCE_DIR */.C),
    decision: schemas/* enum */.k5n(['allow', 'warn', 'block'], { error: (i) => `expected allow, warn or block (cost-decision's output), got ${JSON.stringify(i.input)}` }).optional(),
    'accept-warn': (0,inputs/* boolInput */.Hm)(false),
    alert: (0,inputs/* textInput */._Z)(),
    'auto-promote': (0,inputs/* boolInput */.Hm)(false),
    'allow-promote-bypass': (0,inputs/* boolInput */.Hm)(false),
    approver: (0,inputs/* textInput */._Z)(),
    ticket: (0,inputs/* textInput */._Z)(),
    teardown: schemas/* stringbool */.uEf({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] }).optional(),
    'allow-full-drill': (0,inputs/* boolInput */.Hm)(false),
    'max-attempts': (0,inputs/* intInput */.O1)(3, 1, 100),
    'no-retry': (0,inputs/* boolInput */.Hm)(false),
    'dry-run': (0,inputs/* boolInput */.Hm)(false),
    confirm1: (0,inputs/* textInput */._Z)(),
    confirm2: (0,inputs/* textInput */._Z)(),
});
function run_text(v) {
    return v === null ? '' : String(v);
}
function drExecuteOutputs(r) {
    const s = r.summary;
    return {
        status: r.status,
        'run-id': r.runId,
        'last-phase': s.lastPhase ?? '',
        'rto-seconds': run_text(s.rtoSeconds),
        'rpo-seconds': run_text(s.rpoSeconds),
        'rto-met': run_text(s.rtoMet),
        'rpo-met': run_text(s.rpoMet),
        'receipts-dir': r.receiptsDir,
        'summary-path': r.summaryPath,
    };
}
/** Whether the action (or CLI) must report failure for this status. */
function isFailure(status) {
    return status === 'failed' || status === 'refused' || status === 'cancelled';
}
function stamp(d) {
    return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
/**
 * The default run id. One incident keeps one id across jobs and repeated
 * dispatches: it comes from the alert group and the time it began (not the
 * group alone, or next month's incident would find this one's receipts).
 * Without an alert it is the workflow run, else a timestamp.
 */
function defaultRunId(alert, githubRunId, now) {
    if (alert) {
        const basis = alert.startsAt ? `${alert.groupKey}\n${alert.startsAt}` : alert.dedupeKey;
        return `alert-${(0,hash/* sha256 */.s)(basis).slice(0, 16)}`;
    }
    if (githubRunId && /^\d+$/.test(githubRunId))
        return `gh-${githubRunId}`;
    return `local-${stamp(now)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
async function resolvePlan(input, workspace) {
    const [match] = await (0,src_workspace/* expandGlobs */.GE)([input], workspace, "input 'plan'");
    if (!match || match.files.length !== 1) {
        const n = match?.files.length ?? 0;
        throw new errors/* ConfigurationError */.j1(`input 'plan': '${input}' ${n === 0 ? 'matches no file' : `matches ${n} files, expected one`}`);
    }
    const rel = match.files[0];
    return (0,schema/* loadPlan */.Yq)((0,external_node_path_.resolve)(workspace, rel), rel);
}
/**
 * Runs (part of) a DR plan and writes its receipts and summary. Every input
 * problem (plan, window, alert, run id) is found before anything runs or is
 * written; after that, every outcome, refusals included, leaves receipts.
 */
async function runDrExecute(inputs, deps) {
    const { workspace, logger } = deps;
    const loaded = await resolvePlan(inputs.plan, workspace);
    const mode = inputs.mode;
    const startAt = inputs['start-at'] ?? null;
    const stopAfter = inputs['stop-after'] ?? null;
    if (mode === 'failback') {
        if (!loaded.plan.failback)
            throw new errors/* ConfigurationError */.j1(`${loaded.path}: mode failback needs a 'failback' section with steps`);
        if (startAt || stopAfter)
            logger.warning('start-at and stop-after do not apply to mode failback; ignored');
    }
    else if (startAt && stopAfter && schema/* PHASES */.ZG.indexOf(stopAfter) < schema/* PHASES */.ZG.indexOf(startAt)) {
        throw new errors/* ConfigurationError */.j1(`input 'stop-after': ${stopAfter} comes before start-at ${startAt} (phases run ${schema/* PHASES */.ZG.join(' → ')})`);
    }
    const alert = inputs.alert ? await (0,alertmanager/* loadAlert */.zL)(inputs.alert, workspace) : null;
    const runId = inputs['run-id'] ?? defaultRunId(alert?.alert ?? null, deps.githubRunId, deps.now());
    const evidence = inputs['evidence-dir'];
    const receiptsDir = (0,receipts/* runDirOf */.yo)(evidence, runId);
    const runDir = (0,external_node_path_.isAbsolute)(receiptsDir) ? receiptsDir : (0,external_node_path_.resolve)(workspace, receiptsDir);
    const engine = new Engine({
        loaded,
        runId,
        mode,
        startAt: mode === 'failback' ? null : startAt,
        stopAfter: mode === 'failback' ? null : stopAfter,
        decision: inputs.decision ?? null,
        acceptWarn: inputs['accept-warn'],
        autoPromote: inputs['auto-promote'],
        allowPromoteBypass: inputs['allow-promote-bypass'],
        approver: inputs.approver ?? null,
        ticket: inputs.ticket ?? null,
        teardown: inputs.teardown ?? mode === 'drill',
        allowFullDrill: inputs['allow-full-drill'],
        maxAttempts: inputs['max-attempts'],
        noRetry: inputs['no-retry'],
        dryRun: inputs['dry-run'],
        confirm1: inputs.confirm1 ?? null,
        confirm2: inputs.confirm2 ?? null,
        alert: alert ? { context: alert.alert, path: alert.path, text: alert.text } : null,
        runDir,
        runDirDisplay: receiptsDir,
    }, { workspace, logger, now: deps.now, env: deps.env, signal: deps.signal, killGraceMs: deps.killGraceMs, fetch: deps.fetch });
    const result = await engine.run();
    return { ...result, runId, receiptsDir, summaryPath: (0,receipts/* summaryPathOf */.Zk)(receiptsDir), plan: loaded };
}


/***/ }),

/***/ 7684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ DEFAULT_CHECK_TIMEOUT_SECONDS),
/* harmony export */   VA: () => (/* binding */ PLAN_MODES),
/* harmony export */   Yq: () => (/* binding */ loadPlan),
/* harmony export */   ZG: () => (/* binding */ PHASES),
/* harmony export */   ay: () => (/* binding */ effectiveRetry),
/* harmony export */   dO: () => (/* binding */ DEFAULT_CHECK_INTERVAL_SECONDS),
/* harmony export */   it: () => (/* binding */ planPhases)
/* harmony export */ });
/* unused harmony exports DEFAULT_STEP_TIMEOUT_SECONDS, DEFAULT_BACKOFF_SECONDS, planFileSchema, parsePlan */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2716);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9148);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2619);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6495);






/** The phases of a DR plan, in the only order they ever run. */
const PHASES = ['bringup', 'restore', 'validate', 'promote', 'teardown'];
const PLAN_MODES = ['drill', 'failover', 'failback'];
/** Built-in defaults when the plan's `defaults` leaves them out. */
const DEFAULT_STEP_TIMEOUT_SECONDS = 30 * 60;
const DEFAULT_CHECK_INTERVAL_SECONDS = 5;
const DEFAULT_CHECK_TIMEOUT_SECONDS = 30;
const DEFAULT_BACKOFF_SECONDS = 10;
/**
 * A strict object whose "unknown key" message also lists the keys that are
 * allowed there, so a typo (`phase:` for `phases:`) is fixed in one go.
 */
function strict(shape) {
    const allowed = Object.keys(shape).join(', ');
    return zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `expected only ${allowed}` : undefined) });
}
const required = (what) => (iss) => iss.input === undefined ? `required: ${what}` : `expected ${what}, got ${JSON.stringify(iss.input)}`;
const command = (what) => zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: required(what) }).refine((s) => s.trim() !== '', `expected ${what}, got an empty string`);
/** `env:` maps; numbers and booleans are written as YAML would print them. */
const envMap = zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY()]).transform(String)).superRefine((env, ctx) => {
    for (const key of Object.keys(env)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
            ctx.addIssue({ code: 'custom', path: [key], message: 'expected an environment variable name (letters, digits, _)' });
    }
});
const regexList = zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).superRefine((list, ctx) => {
    list.forEach((p, i) => {
        try {
            new RegExp(p);
        }
        catch (err) {
            ctx.addIssue({ code: 'custom', path: [i], message: `expected a regular expression: ${err.message}` });
        }
    });
});
const retrySchema = strict({
    max: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: required('a number of retries') }).int('expected a whole number of retries').min(0, 'expected 0 or more retries').max(20, 'expected at most 20 retries').optional(),
    backoff: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    on: regexList.optional(),
});
const stepName = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
    .min(1, 'expected a step name')
    .max(100, 'expected a name of at most 100 characters')
    .regex(/^[^\r\n]*$/, 'expected a name on one line');
const stepSchema = strict({
    name: stepName.optional(),
    run: command('the shell command to run (run: "...")'),
    timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    env: envMap.optional(),
    retry: retrySchema.optional(),
});
const guardSchema = strict({
    name: stepName,
    run: command('the shell command to run (run: "...")'),
    expect: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()]).transform(String).optional(),
    timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    env: envMap.optional(),
});
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().refine((s) => /^https?:\/\/[^\s]+$/.test(s), 'expected an http:// or https:// URL');
/** A check is either an HTTP probe (`http:`) or a command (`run:`), polled until it passes or `within` runs out. */
const checkSchema = strict({
    name: stepName.optional(),
    http: httpUrl.optional(),
    run: command('the shell command to run').optional(),
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(100).max(599).optional(),
    contains: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    expect: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()]).transform(String).optional(),
    within: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    interval: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    env: envMap.optional(),
}).superRefine((c, ctx) => {
    if ((c.http === undefined) === (c.run === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'expected exactly one of http (a URL to probe) or run (a command)' });
    }
    if (c.http === undefined && (c.status !== undefined || c.contains !== undefined)) {
        ctx.addIssue({ code: 'custom', message: 'status and contains apply to http checks only' });
    }
    if (c.run === undefined && c.expect !== undefined)
        ctx.addIssue({ code: 'custom', path: ['expect'], message: 'expect applies to run checks only' });
});
const verifySchema = strict({
    run: command('the shell command to run'),
    expect: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()]).transform(String).optional(),
    timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    within: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    interval: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(),
    env: envMap.optional(),
});
const phaseSchema = strict({
    steps: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(stepSchema).optional(),
    checks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(checkSchema).optional(),
    verify: verifySchema.optional(),
}).superRefine((p, ctx) => {
    if (!p.steps?.length && !p.checks?.length && !p.verify)
        ctx.addIssue({ code: 'custom', message: 'expected steps, checks or verify' });
});
const phasesSchema = strict(Object.fromEntries(PHASES.map((p) => [p, phaseSchema.optional()]))).refine((p) => PHASES.some((name) => p[name] !== undefined), `expected at least one of ${PHASES.join(', ')}`);
const failbackSchema = strict({
    checks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(checkSchema).optional(),
    steps: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(stepSchema).min(1, 'expected at least one failback step'),
});
const planFileSchema = strict({
    version: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(1, { error: (i) => (i.input === undefined ? 'required: version: 1' : `expected 1, got ${JSON.stringify(i.input)}`) }),
    name: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: required('a plan name') })
        .min(1, 'expected a plan name')
        .max(100, 'expected a name of at most 100 characters')
        .regex(/^[^\r\n]*$/, 'expected a name on one line'),
    description: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    objectives: strict({ rto: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(), rpo: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional() }).optional(),
    guards: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(guardSchema).optional(),
    defaults: strict({ timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional(), retry: retrySchema.optional(), env: envMap.optional() }).optional(),
    phases: phasesSchema,
    failback: failbackSchema.optional(),
    rpo: strict({ probe: command('the command that prints the newest recovered transaction time'), timeout: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK.optional() }).optional(),
});
function nameSteps(items, prefix) {
    return items.map((s, i) => ({ ...s, name: s.name ?? `${prefix}-${i + 1}` }));
}
function checkUniqueNames(file) {
    const problems = [];
    const unique = (names, where) => {
        const seen = new Set();
        names.forEach((n, i) => {
            if (n === undefined)
                return;
            if (seen.has(n))
                problems.push(`key '${where}[${i}].name': duplicate name '${n}'`);
            seen.add(n);
        });
    };
    unique((file.guards ?? []).map((g) => g.name), 'guards');
    for (const p of PHASES) {
        const spec = file.phases[p];
        if (spec)
            unique((spec.steps ?? []).map((s) => s.name), `phases.${p}.steps`);
    }
    if (file.failback)
        unique(file.failback.steps.map((s) => s.name), 'failback.steps');
    return problems;
}
function issueText(issue) {
    const where = `key '${(0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .keyPath */ .Dw)(issue.path)}'`;
    if (issue.code === 'unrecognized_keys') {
        return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (${issue.message})`;
    }
    return `${where}: ${issue.message}`;
}
/** Validates a parsed plan, reporting every problem with the file and key path. */
function parsePlan(data, displayPath) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: expected a mapping with 'version', 'name' and 'phases'`);
    }
    const result = planFileSchema.safeParse(data);
    const problems = result.success ? checkUniqueNames(result.data) : result.error.issues.map(issueText);
    if (problems.length > 0 || !result.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: ${problems.join('; ')}`, problems.map((p) => `${displayPath}: ${p}`));
    }
    const f = result.data;
    const phases = {};
    for (const p of PHASES) {
        const spec = f.phases[p];
        if (!spec)
            continue;
        phases[p] = {
            steps: nameSteps(spec.steps ?? [], p),
            checks: nameSteps(spec.checks ?? [], `${p}-check`).map((c) => ({ ...c, name: c.name })),
            verify: spec.verify ? { ...spec.verify, name: 'verify' } : null,
        };
    }
    return {
        version: 1,
        name: f.name,
        objectives: { rtoSeconds: f.objectives?.rto ?? null, rpoSeconds: f.objectives?.rpo ?? null },
        guards: f.guards ?? [],
        defaults: {
            timeoutSeconds: f.defaults?.timeout ?? DEFAULT_STEP_TIMEOUT_SECONDS,
            retry: {
                max: f.defaults?.retry?.max ?? 0,
                backoffSeconds: f.defaults?.retry?.backoff ?? DEFAULT_BACKOFF_SECONDS,
                on: f.defaults?.retry?.on ?? [],
            },
            env: f.defaults?.env ?? {},
        },
        phases,
        failback: f.failback ? { checks: nameSteps(f.failback.checks ?? [], 'failback-check'), steps: nameSteps(f.failback.steps, 'failback') } : null,
        rpo: f.rpo ? { probe: f.rpo.probe, timeoutSeconds: f.rpo.timeout ?? null } : null,
    };
}
/** Reads and validates a plan file; its sha256 goes into every summary. */
async function loadPlan(absPath, displayPath) {
    const text = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readText */ .yR)(absPath, 'plan', displayPath);
    const plan = parsePlan((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYamlText */ .c)(text, displayPath), displayPath);
    return { path: displayPath, sha256: (0,_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)(text), plan };
}
/** The phases a plan has, in run order. */
function planPhases(plan) {
    return PHASES.filter((p) => plan.phases[p] !== undefined);
}
/** The retry rule a step runs under: its own `retry` keys over the plan's defaults. */
function effectiveRetry(plan, step) {
    const d = plan.defaults.retry;
    return { max: step.retry?.max ?? d.max, backoffSeconds: step.retry?.backoff ?? d.backoffSeconds, on: step.retry?.on ?? d.on };
}


/***/ }),

/***/ 3338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   uz: () => (/* binding */ splitLines),
/* harmony export */   zZ: () => (/* binding */ uniqueFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);




/** Splits a multiline (or comma-free) input into its non-empty, non-comment lines. */
function splitLines(text) {
    if (!text)
        return [];
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Expands globs inside a workspace. A pattern that points outside it (an
 * absolute path elsewhere, `../`) is a ConfigurationError naming the pattern,
 * and so is a match that resolves outside through a symlink: evidence and cost
 * data come from the repository, never from the rest of the machine.
 */
async function expandGlobs(patterns, workspace, what) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace));
    const results = [];
    for (const pattern of patterns) {
        const negated = pattern.startsWith('!');
        const body = negated ? pattern.slice(1) : pattern;
        let rel = body;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(body)) {
            if (!isInside(root, body) && !isInside((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace), body)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: '${pattern}' points outside the workspace (${root})`);
            }
            rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(isInside(root, body) ? root : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace), body);
        }
        const norm = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.normalize)(rel);
        if (norm === '..' || norm.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: '${pattern}' points outside the workspace (${root})`);
        }
        if (negated)
            continue;
        const posix = rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
        const files = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .isDynamicPattern */ .ey)(posix)
            ? await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)(posix, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })
            : await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)(posix.replace(/[[\]{}()*?!]/g, '\\$&'), { cwd: root, dot: true, onlyFiles: true, expandDirectories: false });
        const kept = [];
        for (const f of files) {
            const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, f)).catch(() => undefined);
            if (real && !isInside(root, real)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: '${f}' (from '${pattern}') resolves outside the workspace through a symlink`);
            }
            kept.push(f);
        }
        results.push({ pattern, files: kept.sort() });
    }
    // Negated patterns remove matches of the positive ones, as in .gitignore-style inputs.
    const negations = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    if (negations.length > 0) {
        const excluded = new Set(await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)(negations, { cwd: root, dot: true, onlyFiles: true, expandDirectories: false }));
        for (const r of results)
            r.files = r.files.filter((f) => !excluded.has(f));
    }
    return results;
}
/** Every distinct file of a set of glob matches, in first-seen order. */
function uniqueFiles(matches) {
    return [...new Set(matches.flatMap((m) => m.files))];
}


/***/ }),

/***/ 2619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ parseYamlText)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * YAML for policies and plans. Apart from files.ts so that an entry that
 * reads no YAML (collect-evidence) does not load the parser at start.
 */


/** Parses YAML text; a syntax error names the file, line and column. */
function parseYamlText(text, displayPath) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
        const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML${at}: ${what}`);
    }
    try {
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        // An alias to no anchor, or an alias bomb (aliases that expand past maxAliasCount): bad input, not drloop's failure.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML: ${err.message.split('\n')[0]}`);
    }
}


/***/ })

};
