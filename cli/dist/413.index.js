export const id = 413;
export const ids = [413,222];
export const modules = {

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   evidenceCommand: () => (/* binding */ evidenceCommand)
/* harmony export */ });
/* harmony import */ var _src_evidence_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7753);
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

/***/ 5197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wb: () => (/* binding */ looksBinary),
/* harmony export */   d6: () => (/* binding */ StreamRedactor),
/* harmony export */   pH: () => (/* binding */ LineRedactor)
/* harmony export */ });
/* unused harmony exports DEFAULT_BLOCK, DEFAULT_WINDOW, redactBuffer, MAX_HELD_CHARS */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6670);

/**
 * Redaction of text that arrives in chunks, with memory bounded by
 * `block + window` whatever the size of the file or the length of its lines.
 *
 * A secret can straddle a chunk boundary, and a PEM key spans many lines, so
 * text is scanned in blocks that overlap by `window` characters: a block is
 * scanned whole, but only the part before a cut point is emitted, and the rest
 * is carried into the next block and scanned again. The cut is placed after a
 * newline where there is one, and never inside a match, so every match shorter
 * than `window` is seen whole exactly once. Longer matches (a private key of
 * more than 64 KiB) are beyond what the window guarantees.
 *
 * Bytes are read as Latin-1, which maps each byte to one character and back,
 * so everything outside a redacted value is kept byte for byte, even when a
 * "text" file holds invalid UTF-8. Patterns therefore match bytes: ASCII
 * patterns (every secret format drloop knows) behave as written.
 */
const DEFAULT_BLOCK = 1024 * 1024;
const DEFAULT_WINDOW = 64 * 1024;
class StreamRedactor {
    counts = {};
    total = 0;
    pending = '';
    rules;
    block;
    window;
    constructor(extra = [], options = {}) {
        this.rules = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRules */ .nb)([..._redact_js__WEBPACK_IMPORTED_MODULE_0__/* .BUILTIN_RULES */ .Yb, ...extra]);
        this.block = options.block ?? DEFAULT_BLOCK;
        this.window = options.window ?? DEFAULT_WINDOW;
    }
    /** Feeds bytes; returns the redacted bytes that are final so far (possibly none). */
    push(chunk) {
        this.pending += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
        if (this.pending.length < this.block + this.window)
            return Buffer.alloc(0);
        return this.flush(false);
    }
    /** Ends the input; returns the rest of the redacted bytes. */
    end() {
        return this.flush(true);
    }
    flush(final) {
        const text = this.pending;
        if (text.length === 0)
            return Buffer.alloc(0);
        const matches = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .findMatches */ .Np)(text, this.rules);
        let cut = text.length;
        if (!final) {
            const limit = text.length - this.window;
            const nl = text.lastIndexOf('\n', limit - 1);
            // Prefer a line boundary; a line longer than half the block is cut where it must be.
            cut = nl >= 0 && nl + 1 >= limit / 2 ? nl + 1 : limit;
            // Move the cut back to the start of any match it would split; that match
            // is then scanned again, whole, in the next block.
            for (let moved = true; moved;) {
                moved = false;
                for (const m of matches) {
                    if (m.start < cut && m.end > cut) {
                        cut = m.start;
                        moved = true;
                    }
                }
            }
            if (cut === 0) {
                // One match fills the whole window: keep it as found rather than loop.
                cut = Math.max(...matches.filter((m) => m.start === 0).map((m) => m.end), limit);
            }
        }
        const out = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactedParts */ .PR)(text, matches, cut, this.counts);
        this.total += out.total;
        this.pending = text.slice(cut);
        // Written piece by piece: joining them first would make a second copy of the block.
        const bytes = Buffer.allocUnsafe(out.parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of out.parts)
            at += bytes.write(p, at, 'latin1');
        return bytes;
    }
}
/** Redacts a whole buffer (small files, the alert payload) with the same rules and semantics. */
function redactBuffer(data, extra = []) {
    const r = new StreamRedactor(extra, { block: Number.POSITIVE_INFINITY });
    const out = Buffer.concat([r.push(data), r.end()]);
    return { data: out, counts: r.counts, total: r.total };
}
/** Git's rule of thumb: a NUL byte in the first 8000 bytes makes a file binary. */
function looksBinary(head) {
    return head.subarray(0, 8000).includes(0);
}
const BEGIN_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const END_KEY = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** A line that can be part of a PEM/PGP block: base64, an armour header (`Proc-Type: …`), or blank. */
const KEY_LINE = /^\s*(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID): .*)\s*$/;
/** The most text a LineRedactor holds back while it waits for the end of a private key. */
const MAX_HELD_CHARS = 64 * 1024;
/**
 * Redaction of a live log, line by line, for output shown as it comes (a
 * step's output in the job log). Each line is redacted and handed back at
 * once, except while a private key block is open: from its BEGIN line, lines
 * are held until its END line, a line that cannot be key material, or
 * `maxHeld` characters, then redacted together, so a multi-line key is never
 * printed. Memory is bounded by `maxHeld`; past it, the block so far is
 * redacted as a truncated key.
 */
class LineRedactor {
    counts = {};
    total = 0;
    held = [];
    heldChars = 0;
    extra;
    maxHeld;
    constructor(extra = [], options = {}) {
        this.extra = extra;
        this.maxHeld = options.maxHeld ?? MAX_HELD_CHARS;
    }
    /** Feeds one line (without its newline); returns the lines that can be shown now. */
    push(line) {
        return this.pushLines([line]);
    }
    /**
     * Feeds lines (without their newlines); returns the lines that can be shown
     * now. The lines that can go are redacted together, as one text, so a
     * chunk of output costs one pass of the rules rather than one per line.
     */
    pushLines(lines) {
        const ready = [];
        for (const line of lines) {
            if (this.held.length === 0) {
                const begin = BEGIN_KEY.exec(line);
                if (!begin || END_KEY.test(line.slice(begin.index)))
                    ready.push(line);
                else {
                    this.held.push(line);
                    this.heldChars = line.length;
                }
                continue;
            }
            this.held.push(line);
            this.heldChars += line.length + 1;
            if (END_KEY.test(line) || !KEY_LINE.test(line) || this.heldChars >= this.maxHeld)
                ready.push(...this.takeHeld());
        }
        return ready.length === 0 ? ready : this.release(ready);
    }
    /**
     * Feeds whole lines joined by `\n` (a batch of output); returns the text
     * that can be shown now, or null when all of it is held. While no key is
     * open or opening, the batch is redacted as it is, without being split.
     */
    pushText(text) {
        if (this.held.length === 0 && !BEGIN_KEY.test(text))
            return this.redactText(text);
        const ready = this.pushLines(text.split('\n'));
        return ready.length === 0 ? null : ready.join('\n');
    }
    /** `end()` as one text, or null when nothing was held. */
    endText() {
        const rest = this.end();
        return rest.length === 0 ? null : rest.join('\n');
    }
    /** Ends the input: whatever is held is redacted and returned. */
    end() {
        return this.held.length === 0 ? [] : this.release(this.takeHeld());
    }
    takeHeld() {
        const lines = this.held;
        this.held = [];
        this.heldChars = 0;
        return lines;
    }
    release(lines) {
        return this.redactText(lines.join('\n')).split('\n');
    }
    redactText(text) {
        const r = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text, this.extra);
        for (const k in r.counts)
            this.counts[k] = (this.counts[k] ?? 0) + r.counts[k];
        this.total += r.total;
        return r.text;
    }
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


/***/ })

};
