export const id = 992;
export const ids = [992,252,222];
export const modules = {

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   evidenceCommand: () => (/* binding */ evidenceCommand)
/* harmony export */ });
/* harmony import */ var _src_evidence_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5347);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(788);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3545);




const USAGE = `usage: drloop evidence [--evidence-dir DIR] [--paths GLOB ...] [--alert FILE|JSON] [--redact REGEX ...]
                       [--output-dir DIR] [--s3-uri s3://bucket/prefix] [--s3-endpoint URL]
                       [--s3-force-path-style] [--s3-checksum when-supported|when-required]
                       [--s3-part-size MIB] [--object-lock-days N] [--object-lock-mode GOVERNANCE|COMPLIANCE]
                       [--allow-empty] [--json]
Bundles the evidence into <output-dir>/<UTC timestamp>-<short sha>.tar.gz; with --s3-uri also stores it
in S3 and moves <prefix>/current.json once the upload is verified. AWS credentials and region come from
the standard AWS environment. Nothing to collect (no file, no alert) is an error unless --allow-empty.
Exit status: 0 when stored everywhere asked, 1 when a store failed (the local bundle stays), 2 on bad input.`;
const evidenceCommand = {
    name: 'evidence',
    summary: "bundle a run's alert, decision, receipts and logs into a redacted, checksummed tar.gz (and S3)",
    usage: USAGE,
    async run(ctx) {
        const { raw } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .bQ)(ctx.argv, {
            'evidence-dir': { type: 'string' },
            paths: { type: 'string', multiple: true },
            alert: { type: 'string' },
            redact: { type: 'string', multiple: true },
            'output-dir': { type: 'string' },
            's3-uri': { type: 'string' },
            's3-endpoint': { type: 'string' },
            's3-force-path-style': { type: 'boolean' },
            's3-checksum': { type: 'string' },
            's3-part-size': { type: 'string' },
            'object-lock-days': { type: 'string' },
            'object-lock-mode': { type: 'string' },
            'allow-empty': { type: 'boolean' },
            json: { type: 'boolean' },
        }, USAGE);
        const json = raw.json === 'true';
        delete raw.json;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(_src_evidence_run_js__WEBPACK_IMPORTED_MODULE_0__/* .collectEvidenceInputs */ .x0, raw);
        const logger = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_2__/* .stderrLogger */ .D7)(ctx.stderr);
        const result = await (0,_src_evidence_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCollectEvidence */ .j3)(inputs, {
            workspace: ctx.cwd,
            logger,
            now: () => new Date(),
            context: (0,_src_context_js__WEBPACK_IMPORTED_MODULE_3__/* .runContextFromEnv */ .wX)(ctx.env),
            s3Region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
            jobs: ctx.jobs,
        });
        const outputs = (0,_src_evidence_run_js__WEBPACK_IMPORTED_MODULE_0__/* .collectEvidenceOutputs */ .uN)(result);
        if (json) {
            ctx.stdout.write(`${JSON.stringify({ ...outputs, size: result.size, files: result.manifest.files.length, redacted: result.manifest.redaction.total, failures: result.failures, warnings: result.manifest.warnings }, null, 2)}\n`);
        }
        else {
            const lines = [
                `bundle:   ${outputs['bundle-path']}`,
                `sha256:   ${outputs['bundle-sha256']}`,
                `manifest: ${outputs['manifest-path']}`,
                `files:    ${result.manifest.files.length}, ${result.manifest.redaction.total} value(s) redacted`,
            ];
            if (result.s3)
                lines.push(`s3:       ${result.s3.bundleUri}`, `pointer:  ${result.s3.pointerUri}`);
            for (const f of result.failures)
                lines.push(`NOT STORED: ${f}`);
            ctx.stdout.write(`${lines.join('\n')}\n`);
        }
        return result.failures.length > 0 ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.failed : _cli_kit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    },
};


/***/ }),

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

/***/ 8805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ incidentRunId),
/* harmony export */   d: () => (/* binding */ incidentDigest)
/* harmony export */ });
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6495);

/**
 * The run id of an incident (`alert-<16 hex>`): every job and every repeated
 * dispatch of one incident keeps its receipts under it, and the next incident
 * of the same group gets another. From the group key and the incident's
 * start, as `AlertContext.startsAt` gives it. Apart from the alert parser so
 * that the executor can name its run without loading the parser at start.
 */
function incidentRunId(groupKey, startsAt) {
    return `alert-${incidentDigest(groupKey, startsAt).slice(0, 16)}`;
}
/**
 * The digest both names of an incident come from: the relay's incident id
 * (its first 24 hex characters, `incidentIdOf`) and the run id (its first 16),
 * so the run id of a firing notification is the start of its incident id.
 */
function incidentDigest(groupKey, startsAt) {
    return (0,_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .s)(`${groupKey}\n${startsAt}`);
}


/***/ }),

/***/ 788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ DEFAULT_EVIDENCE_DIR),
/* harmony export */   wX: () => (/* binding */ runContextFromEnv)
/* harmony export */ });
/* unused harmony export runLinkLines */
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
        const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? Number(env.GITHUB_RUN_ATTEMPT) : 1;
        ctx.attemptUrl = attempt > 1 ? `${ctx.runUrl}/attempts/${attempt}` : ctx.runUrl;
    }
    return ctx;
}
/** The job summary's link back to the workflow run (its attempt): two lines to append, none outside Actions. */
function runLinkLines(attemptUrl) {
    return attemptUrl ? ['', `Workflow run: [${attemptUrl}](${attemptUrl})`] : [];
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
 * Characters that may mean glob syntax (or an escape) to tinyglobby. A pattern
 * without any of them names one path, and is looked up with one stat instead of
 * loading the glob matcher: the common case (`plan: dr/plan.yml`, `policy:
 * cost/policy.yml`) on every action's start.
 */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;
/**
 * A literal path as tinyglobby would answer it with `onlyFiles`: the path,
 * normalised and relative to the root, if it is a file (through symlinks), or
 * nothing.
 */
async function literalFile(path, root) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.posix
        .normalize(path)
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    if (rel === '' || rel === '.')
        return [];
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, rel)).catch(() => undefined);
    return info?.isFile() ? [rel] : [];
}
/** Matches a pattern with glob syntax; the matcher loads on first use. */
async function globFiles(path, root) {
    const { glob, isDynamicPattern } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 3382));
    return isDynamicPattern(path)
        ? glob(path, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })
        : glob(path.replace(/[[\]{}()*?!]/g, '\\$&'), { cwd: root, dot: true, onlyFiles: true, expandDirectories: false });
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
        const files = GLOB_SYNTAX.test(posix) ? await globFiles(posix, root) : await literalFile(posix, root);
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
        const { glob } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 3382));
        const excluded = new Set(await glob(negations, { cwd: root, dot: true, onlyFiles: true, expandDirectories: false }));
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

/***/ 252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* export default binding */ __WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* harmony import */ var _core_util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4723);

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = _core_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parsedType */ .GW(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${_core_util_js__WEBPACK_IMPORTED_MODULE_0__/* .stringifyPrimitive */ .B7(issue.values[0])}`;
                return `Invalid option: expected one of ${_core_util_js__WEBPACK_IMPORTED_MODULE_0__/* .joinValues */ .jw(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${_core_util_js__WEBPACK_IMPORTED_MODULE_0__/* .joinValues */ .jw(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function __WEBPACK_DEFAULT_EXPORT__() {
    return {
        localeError: error(),
    };
}


/***/ })

};
