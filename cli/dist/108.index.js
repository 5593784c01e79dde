export const id = 108;
export const ids = [108];
export const modules = {

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

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sK: () => (/* binding */ durationSchema)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);

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
const durationSchema = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        // zod/mini's transform context has no addIssue: the issue goes on the payload as addIssue would put it.
        ctx.issues.push({ code: 'custom', message: `expected a duration such as 30s, 15m, 2h or 7d, got ${JSON.stringify(value)}`, input: value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return seconds;
}));
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

/***/ 940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isRunnerCredential),
/* harmony export */   P: () => (/* binding */ baseEnvironment)
/* harmony export */ });
/**
 * Credentials the runner gives the action itself (artifact and cache service
 * tokens, the OIDC token request). Plan steps get them only when the plan
 * names them in `runner-credentials`.
 */
function isRunnerCredential(name) {
    // ACTIONS_STEP_DEBUG and ACTIONS_RUNNER_DEBUG are switches, not credentials.
    return name.startsWith('ACTIONS_') && name !== 'ACTIONS_STEP_DEBUG' && name !== 'ACTIONS_RUNNER_DEBUG';
}
function baseEnvironment(inherited, plan, ctx) {
    const env = {};
    const asked = new Set(plan.runnerCredentials);
    for (const [k, v] of Object.entries(inherited)) {
        // Action inputs (the alert and the GitHub token among them) are not the steps' business.
        if (v === undefined || k.startsWith('INPUT_'))
            continue;
        if (isRunnerCredential(k) && !asked.has(k))
            continue;
        env[k] = v;
    }
    Object.assign(env, plan.defaults.env);
    if (ctx.target !== null)
        Object.assign(env, plan.targets?.[ctx.target]?.env);
    env.DRLOOP_TARGET = ctx.target ?? '';
    env.DRLOOP_RUN_ID = ctx.runId;
    env.DRLOOP_MODE = ctx.mode;
    env.DRLOOP_PLAN = ctx.planPath;
    env.DRLOOP_RECEIPTS_DIR = ctx.runDir;
    return env;
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
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9148);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1056);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3827);







/**
 * Receipts are the only state a DR run keeps between jobs: one JSON file per
 * phase (plus guards and failback) and a summary, under
 * `<evidence-dir>/runs/<run-id>/`. collect-evidence reads the same files.
 */
const PHASE_RECEIPT_SCHEMA = 'drloop.phase-receipt/v1';
const DRILL_SUMMARY_SCHEMA = 'drloop.drill-summary/v1';
const RECEIPT_STATUSES = ['success', 'failed', 'skipped', 'cancelled'];
const RUN_STATUSES = (/* unused pure expression or super */ null && (['succeeded', 'failed', 'stopped', 'refused', 'cancelled']));
const iso = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP());
/** What drloop needs from a receipt it reads back; extra keys are kept. */
const phaseReceiptSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(PHASE_RECEIPT_SCHEMA),
    runId: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    phase: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(RECEIPT_STATUSES),
    skipReason: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()),
    startedAt: iso,
    endedAt: iso,
    durationSeconds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig()),
    steps: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
        name: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
        run: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
        status: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(RECEIPT_STATUSES),
        attempts: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({})),
        outputs: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()), {}),
        redactedOutputs: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP())),
    })),
    checks: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({})), []),
    extra: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .unknown */ .L5J()), {}),
    target: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP())),
});
const summarySchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(DRILL_SUMMARY_SCHEMA),
    runId: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    incidentStart: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    startedAt: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    target: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()), null),
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

/***/ 5108:
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
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./src/alerts/incident.ts
var incident = __webpack_require__(8805);
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
// EXTERNAL MODULE: ./src/plan/env.ts
var plan_env = __webpack_require__(940);
;// CONCATENATED MODULE: ./src/plan/measure.ts
/** RTO and RPO, measured from the receipts alone so that any later job can recompute them. */

function round(n) {
    return Math.round(n * 1000) / 1000;
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
/** The objectives a measurement missed, in one line; null when none was missed. */
function missedObjectives(m, objectives) {
    const missed = [];
    if (m.rtoMet === false)
        missed.push(`RTO ${(0,duration/* formatDuration */.a3)(m.rtoSeconds)} exceeds the objective ${(0,duration/* formatDuration */.a3)(objectives.rtoSeconds)}`);
    if (m.rpoMet === false)
        missed.push(`RPO ${(0,duration/* formatDuration */.a3)(m.rpoSeconds)} exceeds the objective ${(0,duration/* formatDuration */.a3)(objectives.rpoSeconds)}`);
    return missed.length ? missed.join('; ') : null;
}

// EXTERNAL MODULE: ./src/plan/schema.ts + 1 modules
var schema = __webpack_require__(3827);
;// CONCATENATED MODULE: ./src/plan/outputs.ts


/**
 * Step outputs: the `KEY=value` lines a step appends to `$DRLOOP_OUTPUT`,
 * given to later steps as environment variables. An output is data, so a name
 * that a shell, the dynamic loader or a language runtime reads to decide how a
 * program runs is refused: it would let one step's output change what later
 * steps execute.
 */
/** Exact names (compared upper-cased) and why each is refused. */
const REFUSED_NAMES = {
    PATH: 'the shell looks programs up in it',
    CDPATH: 'the shell reads it',
    BASH_ENV: 'bash runs the file it names',
    ENV: 'sh runs the file it names',
    IFS: 'the shell splits words on it',
    PS4: 'the shell expands it when tracing',
    PROMPT_COMMAND: 'the shell runs it',
    SHELLOPTS: 'the shell reads it',
    BASHOPTS: 'the shell reads it',
    GLOBIGNORE: 'the shell reads it',
    HOME: 'programs read their configuration from it',
    SHELL: 'programs run it',
    TMPDIR: 'programs write temporary files there',
    NODE_OPTIONS: 'Node.js reads it',
    NODE_PATH: 'Node.js loads modules from it',
    NODE_EXTRA_CA_CERTS: 'Node.js trusts it',
    NODE_TLS_REJECT_UNAUTHORIZED: 'Node.js reads it',
    RUBYOPT: 'Ruby reads it',
    RUBYLIB: 'Ruby loads code from it',
    PERL5OPT: 'Perl reads it',
    PERL5LIB: 'Perl loads code from it',
    PERLLIB: 'Perl loads code from it',
    JAVA_TOOL_OPTIONS: 'the JVM reads it',
    _JAVA_OPTIONS: 'the JVM reads it',
    JDK_JAVA_OPTIONS: 'the JVM reads it',
    CLASSPATH: 'the JVM loads code from it',
    GCONV_PATH: 'the C library loads code from it',
    EDITOR: 'programs run it',
    VISUAL: 'programs run it',
    PAGER: 'programs run it',
    LESSOPEN: 'less runs it',
    SSL_CERT_FILE: 'TLS clients trust it',
    SSL_CERT_DIR: 'TLS clients trust it',
    CURL_CA_BUNDLE: 'curl trusts it',
    REQUESTS_CA_BUNDLE: 'Python requests trusts it',
    HTTP_PROXY: 'HTTP clients send requests through it',
    HTTPS_PROXY: 'HTTP clients send requests through it',
    ALL_PROXY: 'HTTP clients send requests through it',
    NO_PROXY: 'HTTP clients read it',
};
/** Prefixes (compared upper-cased) and why names under them are refused. */
const REFUSED_PREFIXES = [
    ['DRLOOP_', 'drloop sets DRLOOP_ variables itself'],
    ['LD_', 'the dynamic loader reads LD_ variables'],
    ['DYLD_', 'the dynamic loader reads DYLD_ variables'],
    ['BASH_FUNC_', 'bash imports functions from BASH_FUNC_ variables'],
    ['PYTHON', 'Python reads PYTHON* variables'],
    ['GIT_', 'git reads GIT_ variables'],
    ['NPM_CONFIG_', 'npm reads NPM_CONFIG_ variables'],
    ['GITHUB_', 'the runner and its tools read GITHUB_ variables'],
    ['ACTIONS_', 'the runner reads ACTIONS_ variables'],
    ['RUNNER_', 'the runner reads RUNNER_ variables'],
    ['INPUT_', 'actions read their inputs from INPUT_ variables'],
];
/** Why an output of this name is refused, or null when it may be passed on. */
function refusedOutputName(name) {
    const upper = name.toUpperCase();
    const exact = REFUSED_NAMES[upper];
    if (exact)
        return `${name}: ${exact}`;
    for (const [prefix, why] of REFUSED_PREFIXES)
        if (upper.startsWith(prefix))
            return `${name}: ${why}`;
    return null;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function shorten(s) {
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
/** Reads the `KEY=value` lines a step appended to `$DRLOOP_OUTPUT`. */
function parseStepOutputs(text) {
    const outputs = {};
    const refused = [];
    for (const raw of text.split(/\r?\n/)) {
        if (raw.trim() === '')
            continue;
        const eq = raw.indexOf('=');
        const name = eq > 0 ? raw.slice(0, eq) : '';
        const value = eq > 0 ? raw.slice(eq + 1) : '';
        if (!NAME.test(name)) {
            refused.push({ line: shorten(raw), reason: 'not a KEY=value line with a name of letters, digits and _' });
            continue;
        }
        const why = refusedOutputName(name);
        if (why)
            refused.push({ line: name, reason: `a name that changes how programs run (${why})` });
        // A line holds one value; a carriage return or NUL inside it is not text a later step can get intact.
        else if (/[\r\0]/.test(value))
            refused.push({ line: name, reason: 'the value holds a carriage return or NUL' });
        else
            outputs[name] = value;
    }
    return { outputs, refused };
}
/** A step as its receipt keeps it: the command and output values redacted, redacted outputs marked. */
function stepForReceipt(s) {
    const outputs = {};
    const redacted = [];
    for (const [k, v] of Object.entries(s.outputs)) {
        const r = (0,redact/* redact */.E$)(v);
        outputs[k] = r.text;
        if (r.total > 0)
            redacted.push(k);
    }
    const out = { ...s, run: (0,redact/* redact */.E$)(s.run).text, outputs };
    if (redacted.length)
        out.redactedOutputs = redacted;
    return out;
}
/**
 * Outputs that earlier jobs' steps recorded, for the steps of this job. A
 * receipt is a file anyone with the artifact could edit, so its outputs pass
 * the same name rules as a live step's; redacted values are not passed.
 */
function outputsFromReceipts(receipts, warn) {
    const outputs = {};
    for (const p of schema/* PHASES */.ZG) {
        for (const s of receipts.get(p)?.steps ?? []) {
            const redacted = new Set(s.redactedOutputs ?? []);
            for (const [k, v] of Object.entries(s.outputs)) {
                const why = refusedOutputName(k);
                if (why)
                    warn(`${p} › ${s.name}: output ${k} in the receipt is not passed on: a name that changes how programs run (${why})`);
                else if (redacted.has(k))
                    warn(`${p} › ${s.name}: output ${k} held a secret and is redacted in the receipt; steps of this job do not get it`);
                else
                    outputs[k] = v;
            }
        }
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/plan/gates.ts

function windowGates(g, receipts) {
    const startIdx = g.startAt ? schema/* PHASES */.ZG.indexOf(g.startAt) : 0;
    const stopIdx = g.stopAfter ? schema/* PHASES */.ZG.indexOf(g.stopAfter) : schema/* PHASES */.ZG.length - 1;
    let refuseAll = null;
    if (startIdx === 0 && stopIdx === schema/* PHASES */.ZG.length - 1 && g.inPlan.includes('bringup') && g.inPlan.includes('teardown') && !g.allowFullDrill) {
        refuseAll = 'a full drill (bringup through teardown in one run) needs allow-full-drill: true; use start-at/stop-after for partial runs';
    }
    if (!refuseAll && g.startAt !== 'teardown') {
        for (const p of schema/* PHASES */.ZG.slice(0, startIdx)) {
            if (!g.inPlan.includes(p))
                continue;
            const r = receipts.get(p);
            if (r?.status !== 'success') {
                refuseAll = `cannot start at ${g.startAt}: phase ${p} ${r ? `is ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}` : 'has no receipt'} in ${g.runDirDisplay}`;
                break;
            }
        }
    }
    let refuseCost = null;
    if (g.decision === 'block')
        refuseCost = 'the cost decision is block';
    else if (g.decision === 'warn' && !g.acceptWarn)
        refuseCost = 'the cost decision is warn and accept-warn is not true';
    return { startIdx, stopIdx, window: schema/* PHASES */.ZG.slice(startIdx, stopIdx + 1), refuseAll, refuseCost };
}
/**
 * Rules that hold across the jobs of one run, read from its receipts:
 * promote never follows teardown, and in failover teardown never follows a
 * refused promotion (it would remove what the incident now runs on).
 */
function orderRefusal(p, receipts, run) {
    const where = `${run.runDirDisplay}/phases`;
    if (p === 'promote') {
        const teardown = receipts.get('teardown');
        if (teardown && teardown.startedAt !== null)
            return `promote never follows teardown, and teardown already ran in run ${run.runId} (${where}/teardown.json is ${teardown.status})`;
    }
    if (p === 'teardown' && run.mode === 'failover') {
        const refused = receipts.get('promote')?.extra.promotionRefused;
        if (typeof refused === 'string') {
            return `in mode failover teardown never follows a refused promotion (${where}/promote.json: ${refused}); promote once approved, or tear down in a separate run`;
        }
    }
    return null;
}

// EXTERNAL MODULE: ./src/plan/receipts.ts
var plan_receipts = __webpack_require__(6258);
;// CONCATENATED MODULE: ./src/plan/outcome.ts


/**
 * A drill exists to show the objectives hold: one that misses them failed.
 * A failover's status is the recovery's; the miss is reported loudly beside it.
 * Returns the outcome to record and the line to log as an error, if any.
 */
function judgeObjectives(mode, dryRun, outcome, missed) {
    if (missed === null || dryRun || mode === 'failback')
        return { outcome, error: null };
    if (mode === 'drill' && (outcome.status === 'succeeded' || outcome.status === 'stopped')) {
        return {
            outcome: { ...outcome, status: 'failed', reason: `missed objectives: ${missed}${outcome.reason ? ` (${outcome.reason})` : ''}` },
            error: `the drill failed: it missed its objectives: ${missed}`,
        };
    }
    return { outcome, error: `OBJECTIVES MISSED: ${missed}; the ${mode} itself is ${outcome.status}` };
}
/** How promotion was allowed, from a successful promote receipt. */
function promotionOf(promote) {
    if (promote?.status !== 'success')
        return null;
    const x = promote.extra;
    return {
        gate: x.gate ?? null,
        approver: x.approver ?? null,
        ticket: x.ticket ?? null,
        approval: x.approval ?? null,
    };
}
/** The five phases in order, then failback once it has a receipt. */
function summaryPhases(receipts) {
    const names = [...schema/* PHASES */.ZG, 'failback'];
    return names
        .map((p) => receipts.get(p))
        .filter((r) => r !== undefined)
        .map(plan_receipts/* summaryPhaseOf */.BJ);
}

;// CONCATENATED MODULE: ./src/plan/promote.ts
/**
 * The promotion gate: promote runs only with an explicit auto-promote, a
 * verified approval of a GitHub Environment, the legacy `approver` input, or
 * the drill bypass. The approval is read from GitHub through an
 * ApprovalSource, which the action implements with GitHub's REST API; the
 * engine never talks to GitHub itself.
 */

/** How to make GitHub ask a person before the promote job runs. */
function reviewersHint(environment) {
    return (`give environment '${environment}' required reviewers (repository Settings → Environments → ${environment} → Required reviewers; ` +
        `an environment GitHub creates on first use has none, and private repositories need a plan that offers them) ` +
        `and run the promoting job with \`environment: ${environment}\``);
}
function promote_closed(reason, o) {
    return { passed: false, gate: null, reason, approver: null, ticket: o.ticket, approval: null };
}
/** The review that decides: the last one GitHub lists for the environment. */
function decidingReview(reviews, environment) {
    let found = null;
    for (const r of reviews)
        if (r.environments.includes(environment))
            found = r;
    return found;
}
async function verifiedApproval(o, environment) {
    if (!o.approvals)
        return promote_closed(`promote-environment '${environment}' needs GitHub's approvals API, which only the dr-execute action reads`, o);
    let reviews;
    try {
        reviews = await o.approvals.reviews();
    }
    catch (err) {
        return promote_closed(`could not read the approvals of ${o.approvals.describe}: ${(0,errors/* describeError */.Uc)(err)}`, o);
    }
    const review = decidingReview(reviews, environment);
    if (!review) {
        const others = [...new Set(reviews.flatMap((r) => r.environments))];
        const seen = others.length ? `reviews cover only ${others.map((e) => `'${e}'`).join(', ')}` : 'GitHub lists no review';
        return promote_closed(`no approval of environment '${environment}' for ${o.approvals.describe} (${seen}); ${reviewersHint(environment)}`, o);
    }
    if (review.state !== 'approved') {
        return promote_closed(`environment '${environment}' was ${review.state} by ${review.reviewer}${review.comment ? ` (${JSON.stringify(review.comment)})` : ''} for ${o.approvals.describe}`, o);
    }
    const comment = review.comment.trim();
    const ticket = o.ticket ?? (comment === '' ? null : comment.split(/\r?\n/)[0].slice(0, 200));
    const approval = { environment, reviewer: review.reviewer, comment, verifiedAt: o.now().toISOString(), source: o.approvals.describe };
    return { passed: true, gate: 'approval', reason: `environment '${environment}' approved by ${review.reviewer}`, approver: review.reviewer, ticket, approval };
}
async function promoteGate(o) {
    const open = (gate, reason, approver = null) => ({ passed: true, gate, reason, approver, ticket: o.ticket, approval: null });
    if (o.autoPromote)
        return open('auto-promote', 'auto-promote: true');
    if (o.environment !== null)
        return verifiedApproval(o, o.environment);
    if (o.approver)
        return open('approval', `approver input set to ${o.approver} (not verified with GitHub)`, o.approver);
    if (o.allowPromoteBypass && o.mode === 'drill')
        return open('bypass', 'allow-promote-bypass: true in a drill');
    const hint = o.allowPromoteBypass ? ' (allow-promote-bypass applies to mode drill only)' : '';
    return promote_closed(`needs promote-environment (a verified GitHub approval), auto-promote: true or an approver${hint}`, o);
}

// EXTERNAL MODULE: ./src/plan/runner.ts + 1 modules
var runner = __webpack_require__(8536);
;// CONCATENATED MODULE: ./src/plan/steps.ts
/**
 * Runs what a plan's phases are made of: steps (with their retries and
 * outputs), guards, checks and the RPO probe. Each yields the record its
 * receipt keeps; the engine decides what runs and when.
 */









function describeAttempt(a) {
    if (a.cancelled)
        return 'cancelled';
    if (a.timedOut)
        return `timed out after ${(0,duration/* formatDuration */.a3)(a.durationSeconds)}`;
    if (a.exitCode !== null)
        return `exit code ${a.exitCode}`;
    return a.signal ? `killed by ${a.signal}` : 'could not start';
}
/** A step record for a step that did not run. */
function skippedStep(name, run) {
    return { name, run, status: 'skipped', attempts: [], outputs: {} };
}
class StepRunner {
    c;
    seq = 0;
    log;
    constructor(c) {
        this.c = c;
        this.log = c.logger;
    }
    cancelled() {
        return this.c.signal?.aborted === true;
    }
    /**
     * Runs one command with its output going to the live log, redacted by the
     * runner line by line; a private key printed over many lines is held until
     * its END line (or a bounded size) and shown redacted as a block, never
     * line by line in clear.
     */
    command(run, env, timeoutSeconds, patterns = []) {
        const c = this.c;
        return (0,runner/* runCommand */.d1)({
            run,
            cwd: c.workspace,
            env,
            timeoutSeconds,
            signal: c.signal,
            patterns,
            killGraceMs: c.killGraceMs,
            backpressure: c.backpressure,
            // One log write per batch of lines, not one per line.
            onOutput: (text) => this.log.info(text),
        });
    }
    /** Runs steps in order; after a failure the rest are skipped unless `keepGoing` (teardown). */
    async runSteps(phase, list, keepGoing) {
        const steps = [];
        let status = 'success';
        for (const step of list) {
            if (status === 'cancelled' || (status === 'failed' && !keepGoing) || this.cancelled()) {
                if (this.cancelled())
                    status = 'cancelled';
                steps.push(skippedStep(step.name, step.run));
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
        const { plan } = this.c;
        const retry = (0,schema/* effectiveRetry */.ay)(plan, step);
        const allowed = this.c.noRetry || retry.on.length === 0 ? 1 : Math.max(1, Math.min(retry.max + 1, this.c.maxAttempts));
        const patterns = allowed > 1 ? retry.on.map((p) => new RegExp(p)) : [];
        const timeout = step.timeout ?? plan.defaults.timeoutSeconds;
        const attempts = [];
        const record = (status, outputs = {}) => ({ name: step.name, run: step.run, status, attempts, outputs });
        for (let n = 1;; n++) {
            const outFile = (0,external_node_path_.join)(this.c.tmp, `out-${++this.seq}`);
            const env = {
                ...this.c.baseEnv,
                ...this.c.outputs,
                ...step.env,
                DRLOOP_PHASE: phase,
                DRLOOP_STEP: step.name,
                DRLOOP_ATTEMPT: String(n),
                DRLOOP_OUTPUT: outFile,
            };
            const { attempt, result } = await this.attempt(phase, step.name, step.run, env, timeout, n, patterns, allowed);
            attempts.push(attempt);
            if (result.cancelled)
                return record('cancelled');
            if (result.exitCode === 0 && !result.timedOut) {
                const { outputs, refused } = await this.readOutputs(outFile, phase, step.name);
                Object.assign(this.c.outputs, outputs);
                const rec = record('success', outputs);
                if (refused.length)
                    rec.refusedOutputs = refused;
                return rec;
            }
            const why = describeAttempt(attempt);
            if (n >= allowed || !result.matched) {
                const note = allowed > 1 && !result.matched ? '; not retried: the output matched none of retry.on' : n > 1 ? ` after ${n} attempts` : '';
                this.log.error(`${phase} › ${step.name} failed: ${why}${note}`);
                return record('failed');
            }
            const wait = retry.backoffSeconds * 2 ** (n - 1);
            this.log.warning(`${phase} › ${step.name}: ${why}; the output matched retry.on, attempt ${n + 1} of ${allowed} in ${(0,duration/* formatDuration */.a3)(wait)}`);
            if (!(await (0,runner/* sleep */.yy)(wait * 1000, this.c.signal)))
                return record('cancelled');
        }
    }
    async attempt(phase, name, run, env, timeoutSeconds, n, patterns, allowed = 1) {
        const startedAt = this.c.now().toISOString();
        const title = `${phase} › ${name}${n > 1 ? ` (attempt ${n} of ${allowed})` : ''}`;
        const result = await this.log.group(title, () => this.command(run, env, timeoutSeconds, patterns));
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
            outputTail: result.tail,
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
            return { outputs: {}, refused: [] };
        }
        const parsed = parseStepOutputs(text);
        const refused = parsed.refused.map((r) => ({ line: (0,redact/* redact */.E$)(r.line).text, reason: r.reason }));
        if (refused.length) {
            this.log.warning(`${phase} › ${step}: ${refused.length} line(s) of $DRLOOP_OUTPUT not passed to later steps: ${refused.map((r) => `${r.line} (${r.reason})`).join(' | ')}`);
        }
        return { outputs: parsed.outputs, refused };
    }
    /** Runs the guards; all must pass. Yields the steps for the receipt and the failing guard's name, if any. */
    async runGuards() {
        const steps = [];
        let failure = null;
        let status = 'success';
        for (const g of this.c.plan.guards) {
            if (failure || status === 'cancelled') {
                steps.push(skippedStep(g.name, g.run));
                continue;
            }
            const env = { ...this.c.baseEnv, ...g.env, DRLOOP_PHASE: 'guards', DRLOOP_STEP: g.name };
            const { attempt, result } = await this.attempt('guards', g.name, g.run, env, g.timeout ?? this.c.plan.defaults.timeoutSeconds, 1, []);
            let ok = result.exitCode === 0 && !result.timedOut && !result.cancelled;
            let detail;
            if (ok && g.expect !== undefined && result.tail.trim() !== g.expect.trim()) {
                ok = false;
                detail = `expected output ${JSON.stringify(g.expect)}, got ${JSON.stringify(result.tail.trim().slice(0, 200))}`;
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
        return { status, steps, failure };
    }
    /** A check polls until it passes or `within` has run out; a single try when `within` is 0. */
    async runCheck(phase, name, c, kind) {
        const started = this.c.now();
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
                if (!(await (0,runner/* sleep */.yy)(interval, this.c.signal)))
                    return record('cancelled', tries, 'cancelled');
            }
        });
    }
    async tryHttp(c) {
        const expected = c.status ?? 200;
        const signals = [AbortSignal.timeout((c.timeout ?? schema/* DEFAULT_CHECK_TIMEOUT_SECONDS */.Fr) * 1000)];
        if (this.c.signal)
            signals.push(this.c.signal);
        try {
            const res = await (this.c.fetch ?? fetch)(c.http, { signal: AbortSignal.any(signals), redirect: 'manual' });
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
        const env = { ...this.c.baseEnv, ...this.c.outputs, ...c.env, DRLOOP_PHASE: phase, DRLOOP_STEP: name };
        const timeout = c.timeout ?? schema/* DEFAULT_CHECK_TIMEOUT_SECONDS */.Fr;
        const r = await this.command(c.run, env, timeout);
        const out = r.tail.trim();
        const shown = JSON.stringify(out.slice(-200));
        if (r.cancelled)
            return { ok: false, cancelled: true, detail: 'cancelled' };
        if (r.timedOut)
            return { ok: false, cancelled: false, detail: `timed out after ${(0,duration/* formatDuration */.a3)(timeout)}` };
        if (r.exitCode !== 0)
            return { ok: false, cancelled: false, detail: `exit code ${r.exitCode ?? r.signal}; output ${shown}` };
        if (c.expect !== undefined && out !== c.expect.trim())
            return { ok: false, cancelled: false, detail: `output ${shown}, expected ${JSON.stringify(c.expect.trim())}` };
        return { ok: true, cancelled: false, detail: c.expect !== undefined ? `output ${shown} as expected` : 'exit code 0' };
    }
    /** Runs `rpo.probe`; its failure is a warning (RPO unmeasured), not a failed phase. */
    async probeRpo() {
        const probe = this.c.plan.rpo;
        const env = { ...this.c.baseEnv, ...this.c.outputs, DRLOOP_PHASE: 'rpo', DRLOOP_STEP: 'probe' };
        const r = await this.log.group('rpo probe', () => this.command(probe.probe, env, probe.timeoutSeconds ?? 60));
        const at = r.exitCode === 0 ? parseProbeTime(r.tail) : null;
        let error = null;
        if (r.exitCode !== 0)
            error = r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit code ${r.exitCode ?? r.signal}`;
        else if (!at)
            error = `printed ${JSON.stringify(r.tail.trim().slice(-100))}, expected an RFC3339 timestamp or epoch seconds`;
        if (error)
            this.log.warning(`rpo probe: ${error}; RPO is not measured`);
        return { probe: (0,redact/* redact */.E$)(probe.probe).text, exitCode: r.exitCode, output: r.tail, recoveredAt: at ? at.toISOString() : null, error };
    }
}

;// CONCATENATED MODULE: ./src/plan/engine.ts

















const ICON = { success: '✔', failed: '✖', skipped: '○', cancelled: '■' };
/** The target an earlier job of the run wrote into its receipts (a summary may be missing). */
function recordedTarget(receipts) {
    for (const r of receipts.values())
        if (typeof r.target === 'string')
            return r.target;
    return null;
}
class Engine {
    o;
    deps;
    plan;
    log;
    receipts = new Map();
    /** Outputs of every step so far, given to later steps as environment variables. */
    outputs = {};
    target = null;
    steps;
    /** The promotion gate, asked once per run (it may call GitHub). */
    gate = null;
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
        this.receipts = await (0,plan_receipts/* loadReceipts */.oj)(this.o.runDir, this.o.runDirDisplay, this.o.runId);
        const previous = await (0,plan_receipts/* loadSummary */.RF)(this.o.runDir, this.o.runDirDisplay);
        // Refused before anything runs or is written: a target the plan does not know.
        this.target = (0,schema/* resolveTarget */.u1)(this.plan, this.o.loaded.path, this.o.target ?? null, previous?.target ?? recordedTarget(this.receipts), this.o.runDirDisplay);
        Object.assign(this.outputs, outputsFromReceipts(this.receipts, (m) => this.log.warning(m)));
        const tmp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'drloop-run-'));
        try {
            const { o, plan, deps } = this;
            this.steps = new StepRunner({
                plan,
                workspace: deps.workspace,
                logger: deps.logger,
                now: deps.now,
                signal: deps.signal,
                killGraceMs: deps.killGraceMs,
                fetch: deps.fetch,
                backpressure: deps.backpressure,
                noRetry: o.noRetry,
                maxAttempts: o.maxAttempts,
                tmp,
                baseEnv: await this.prepareEnv(tmp),
                outputs: this.outputs,
            });
            this.log.info(`drloop: plan '${plan.name}' (${o.loaded.path}, sha256 ${o.loaded.sha256.slice(0, 12)}), run ${o.runId}, mode ${o.mode}` +
                (o.mode === 'failback' ? '' : `, phases ${o.startAt ?? 'bringup'} → ${o.stopAfter ?? 'teardown'}`) +
                (this.target !== null ? `, target ${this.target}` : '') +
                (o.dryRun ? ' (dry run)' : ''));
            const outcome = o.mode === 'failback' ? await this.runFailback() : await this.runPhases();
            const summary = await this.writeSummary(startedAt, previous, outcome);
            return { status: summary.status, reason: summary.reason, summary, receipts: this.receipts };
        }
        finally {
            await (0,promises_.rm)(tmp, { recursive: true, force: true });
        }
    }
    /** The environment every step starts from: the runner's, minus action inputs and runner credentials, plus run context. */
    async prepareEnv(tmp) {
        const env = (0,plan_env/* baseEnvironment */.P)(this.deps.env, this.plan, { runId: this.o.runId, mode: this.o.mode, planPath: this.o.loaded.path, runDir: this.o.runDir, target: this.target });
        const alert = this.o.alert;
        if (alert) {
            let path = alert.path;
            if (path === null) {
                path = (0,external_node_path_.join)(tmp, 'alert.json');
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
        return env;
    }
    async save(receipt) {
        // Commands are plan text, but a secret pasted into one (or printed into an output) must not reach the evidence either.
        receipt.steps = receipt.steps.map(stepForReceipt);
        receipt.checks = receipt.checks.map((c) => ({ ...c, target: (0,redact/* redact */.E$)(c.target).text }));
        receipt.target = this.target;
        this.receipts.set(receipt.phase, receipt);
        await (0,plan_receipts/* writeReceipt */.Qz)(this.o.runDir, receipt);
    }
    /** Writes a skipped receipt unless the phase already has one (from this run or an earlier job). */
    async ensureReceipt(name, reason) {
        if (!this.receipts.has(name))
            await this.save((0,plan_receipts/* skippedReceipt */.J0)(this.o.runId, name, reason));
    }
    promoteGate() {
        const { o } = this;
        this.gate ??= promoteGate({
            mode: o.mode,
            autoPromote: o.autoPromote,
            allowPromoteBypass: o.allowPromoteBypass,
            approver: o.approver,
            ticket: o.ticket,
            environment: o.promoteEnvironment ?? null,
            approvals: this.deps.approvals ?? null,
            now: this.deps.now,
        });
        return this.gate;
    }
    // ---------------------------------------------------------------- phases
    async runPhases() {
        const { o, plan } = this;
        const inPlan = (0,schema/* planPhases */.it)(plan);
        const { startIdx, stopIdx, window, refuseAll, refuseCost } = windowGates({ ...o, inPlan }, this.receipts);
        const orderRefused = (p) => orderRefusal(p, this.receipts, o);
        // Read when asked: a promotion refused in this job counts for its teardown.
        const refusalFor = (p) => refuseAll ?? (p === 'teardown' ? null : refuseCost) ?? orderRefused(p);
        const pending = (p) => inPlan.includes(p) && this.receipts.get(p)?.status !== 'success';
        // Whether teardown may follow promote is known up front only when this job does not run promote.
        const decidedLater = (p) => p === 'teardown' && window.includes('promote') && pending('promote');
        const toRun = window.filter((p) => pending(p) && (decidedLater(p) ? refuseAll === null : refusalFor(p) === null));
        for (const p of window) {
            if (inPlan.includes(p) && this.receipts.get(p)?.status === 'success')
                this.log.info(`${p}: already succeeded in ${o.runDirDisplay}; not run again`);
        }
        const costRefusal = window.some((p) => p !== 'teardown' && pending(p)) ? refuseCost : null;
        const orderRefusalNow = window
            .filter((p) => pending(p) && !decidedLater(p))
            .map(orderRefused)
            .find((r) => r !== null) ?? null;
        const refusal = refuseAll ?? costRefusal ?? orderRefusalNow;
        if (refusal)
            this.log.error(`refused: ${refusal}`);
        if (o.dryRun)
            return this.dryRunPhases(window, inPlan, toRun, refusal);
        // Guards run before anything mutates, whenever a phase is about to run.
        let guardFailure = null;
        if (toRun.length > 0) {
            guardFailure = await this.runGuards();
        }
        else if (!this.receipts.has('guards')) {
            await this.save((0,plan_receipts/* skippedReceipt */.J0)(o.runId, 'guards', plan.guards.length ? 'no phase to run' : 'the plan has no guards'));
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
            let gate = null;
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
                gate = await this.promoteGate();
                if (!gate.passed) {
                    skip = `promotion gate: ${gate.reason}`;
                    gated = gate.reason;
                    ranBeforePromote = lastPhase !== null;
                    this.log.warning(`promote: not run: ${gate.reason}`);
                }
            }
            if (skip) {
                const r = (0,plan_receipts/* skippedReceipt */.J0)(o.runId, p, skip);
                // Kept in the receipt so that a later job of this run knows promotion was refused.
                if (gate && !gate.passed)
                    r.extra = { promotionRefused: gate.reason };
                await this.save(r);
                if (refused)
                    this.log.warning(`${p}: not run: ${refused}`);
                continue;
            }
            const receipt = await this.runPhase(p, spec, gate);
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
        if (gated) {
            const held = o.mode === 'failover' && window.includes('teardown') && inPlan.includes('teardown') ? '; teardown not run after a refused promotion' : '';
            return { status: ranBeforePromote ? 'stopped' : 'refused', reason: `promote not run: ${gated}${held}`, lastPhase };
        }
        const remaining = inPlan.filter((p) => schema/* PHASES */.ZG.indexOf(p) > stopIdx);
        if (remaining.length > 0)
            return { status: 'stopped', reason: `stopped after ${o.stopAfter}; still to run: ${remaining.join(', ')}`, lastPhase };
        return { status: 'succeeded', reason: null, lastPhase };
    }
    async dryRunPhases(window, inPlan, toRun, refusal) {
        const { plan } = this;
        this.log.info(`dry run: nothing is executed; receipts are marked skipped (dry-run)`);
        if (plan.guards.length)
            this.log.info(`guards: ${plan.guards.map((g) => `${g.name}: ${g.run}${g.expect !== undefined ? ` (expect ${JSON.stringify(g.expect)})` : ''}`).join('; ')}`);
        const promoteClosed = toRun.includes('promote') && !(await this.promoteGate()).passed;
        for (const p of schema/* PHASES */.ZG) {
            const spec = plan.phases[p];
            if (!spec)
                continue;
            let state = !window.includes(p) ? 'outside the window' : toRun.includes(p) ? 'would run' : this.receipts.get(p)?.status === 'success' ? 'already succeeded' : 'refused';
            if (p === 'teardown' && state === 'would run' && promoteClosed && this.o.mode === 'failover')
                state = 'refused after a refused promotion (mode failover)';
            const gate = p === 'promote' && toRun.includes(p) ? await this.promoteGate() : null;
            await this.log.group(`${p}: ${state}`, async () => {
                for (const s of spec.steps)
                    this.log.info(`step ${s.name}: ${s.run} (timeout ${(0,duration/* formatDuration */.a3)(s.timeout ?? plan.defaults.timeoutSeconds)})`);
                for (const c of spec.checks)
                    this.log.info(`check ${c.name}: ${c.http ? `GET ${c.http} → ${c.status ?? 200}` : c.run}${c.within ? ` within ${(0,duration/* formatDuration */.a3)(c.within)}` : ''}`);
                if (spec.verify)
                    this.log.info(`verify: ${spec.verify.run}${spec.verify.expect !== undefined ? ` (expect ${JSON.stringify(spec.verify.expect)})` : ''}`);
                if (gate)
                    this.log.info(`promotion gate: ${gate.passed ? `passes (${gate.reason})` : `closed (${gate.reason})`}`);
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
    /** Runs the guards and writes their receipt; returns null when all pass, else the failing guard's name (or 'cancelled'). */
    async runGuards() {
        const { plan, o } = this;
        if (plan.guards.length === 0) {
            await this.save((0,plan_receipts/* skippedReceipt */.J0)(o.runId, 'guards', 'the plan has no guards'));
            return null;
        }
        const started = this.deps.now();
        const { status, steps, failure } = await this.steps.runGuards();
        await this.save(this.receiptOf('guards', status, started, steps, [], {}));
        return status === 'cancelled' ? 'cancelled' : failure;
    }
    receiptOf(name, status, started, steps, checks, extra, skipReason = null) {
        const ended = this.deps.now();
        return {
            schema: plan_receipts/* PHASE_RECEIPT_SCHEMA */.fm,
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
    async runPhase(p, spec, gate) {
        const started = this.deps.now();
        this.log.info(`▶ ${p}`);
        const extra = {};
        if (gate) {
            Object.assign(extra, { gate: gate.gate, approver: gate.approver, ticket: gate.ticket, bypassed: gate.gate === 'bypass', verified: gate.approval !== null });
            if (gate.approval) {
                extra.approval = gate.approval;
                this.log.info(`promote: ${gate.reason}${gate.approval.comment ? ` (${JSON.stringify(gate.approval.comment)})` : ''}, verified with ${gate.approval.source}`);
            }
            if (gate.gate === 'bypass')
                this.log.warning(`promote: the promotion gate is bypassed (allow-promote-bypass in a drill); the receipt records it`);
        }
        // Teardown is best effort: every step is tried even when one fails.
        const keepGoing = p === 'teardown';
        const { status: stepsStatus, steps } = await this.steps.runSteps(p, spec.steps, keepGoing);
        let status = stepsStatus;
        const checks = [];
        if (status === 'success' || (keepGoing && status === 'failed')) {
            for (const c of spec.checks) {
                const rec = await this.steps.runCheck(p, c.name, c);
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
                const rec = await this.steps.runCheck(p, 'verify', { ...spec.verify, name: 'verify' }, 'verify');
                checks.push(rec);
                if (rec.status === 'cancelled')
                    status = 'cancelled';
                else if (rec.status === 'failed')
                    status = 'failed';
            }
        }
        const rpoPhase = this.plan.phases.validate ? 'validate' : 'restore';
        if (status === 'success' && this.plan.rpo && p === rpoPhase)
            extra.rpo = await this.steps.probeRpo();
        const receipt = this.receiptOf(p, status, started, steps, checks, extra);
        await this.save(receipt);
        const line = `${ICON[status]} ${p} ${status} in ${(0,duration/* formatDuration */.a3)(receipt.durationSeconds ?? 0)}`;
        if (status === 'success')
            this.log.info(line);
        else
            this.log.error(line);
        return receipt;
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
            await this.save((0,plan_receipts/* skippedReceipt */.J0)(o.runId, 'failback', `refused: ${refusal}`));
            return { status: 'refused', reason: refusal, lastPhase: null };
        }
        const guard = await this.runGuards();
        if (guard) {
            await this.save((0,plan_receipts/* skippedReceipt */.J0)(o.runId, 'failback', guard === 'cancelled' ? 'cancelled' : `guard failed: ${guard}`));
            return guard === 'cancelled' ? { status: 'cancelled', reason: 'the run was cancelled', lastPhase: null } : { status: 'refused', reason: `guard failed: ${guard}`, lastPhase: null };
        }
        const started = this.deps.now();
        this.log.info('▶ failback');
        // Every check runs, so the receipt lists all that block the failback, not only the first.
        const checks = [];
        for (const c of fb.checks) {
            if (this.cancelled())
                break;
            checks.push(await this.steps.runCheck('failback', c.name, c));
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
        const { status, steps } = await this.steps.runSteps('failback', fb.steps, false);
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
    async writeSummary(startedAt, previous, raw) {
        const { o } = this;
        const ctx = o.alert?.context;
        const alert = ctx ? { name: ctx.name, fingerprint: ctx.fingerprint, groupKey: ctx.groupKey, status: ctx.status, startsAt: ctx.startsAt } : (previous?.alert ?? null);
        // The incident began when the alert fired; without an alert, when this run (its first job) began.
        const incidentStart = ctx?.startsAt ?? previous?.incidentStart ?? startedAt;
        const measured = measure(this.receipts, incidentStart, this.plan.objectives);
        const missed = missedObjectives(measured, this.plan.objectives);
        const { outcome, error } = judgeObjectives(o.mode, o.dryRun, raw, missed);
        if (error)
            this.log.error(error);
        const summary = {
            schema: plan_receipts/* DRILL_SUMMARY_SCHEMA */.jp,
            runId: o.runId,
            plan: { name: this.plan.name, path: o.loaded.path, sha256: o.loaded.sha256 },
            mode: o.mode,
            status: outcome.status,
            reason: outcome.reason,
            dryRun: o.dryRun,
            decision: o.decision,
            target: this.target,
            alert,
            objectives: this.plan.objectives,
            incidentStart,
            startedAt: previous?.startedAt ?? startedAt,
            endedAt: this.iso(),
            ...measured,
            objectivesMissed: missed,
            promotion: promotionOf(this.receipts.get('promote')),
            lastPhase: outcome.lastPhase,
            phases: summaryPhases(this.receipts),
        };
        // A dry run never replaces the summary of a run that really happened.
        if (!(o.dryRun && previous && !previous.dryRun))
            await (0,fs_atomic/* writeJsonAtomic */.q)((0,plan_receipts/* summaryPathOf */.Zk)(o.runDir), summary);
        return summary;
    }
}

;// CONCATENATED MODULE: ./src/plan/run.ts












/** A run id becomes a directory name, so it is kept to a safe alphabet. */
const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const phaseInput = (what) => schemas/* optional */.lqM(schemas/* enum */.k5n(schema/* PHASES */.ZG, { error: (i) => `expected a phase (${schema/* PHASES */.ZG.join(', ')}) to ${what}, got ${JSON.stringify(i.input)}` }));
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
    'run-id': schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(RUN_ID_PATTERN, 'expected 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit'))),
    'evidence-dir': schemas/* _default */.Rvf(schemas/* string */.YjP(), context/* DEFAULT_EVIDENCE_DIR */.C$),
    decision: schemas/* optional */.lqM(schemas/* enum */.k5n(['allow', 'warn', 'block'], { error: (i) => `expected allow, warn or block (cost-decision's output), got ${JSON.stringify(i.input)}` })),
    'accept-warn': (0,inputs/* boolInput */.Hm)(false),
    target: schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(schema/* TARGET_NAME */.MI, 'expected a target name (cost-decision\'s target output): letters, digits, ".", "_" or "-"'))),
    alert: (0,inputs/* textInput */._Z)(),
    'auto-promote': (0,inputs/* boolInput */.Hm)(false),
    'allow-promote-bypass': (0,inputs/* boolInput */.Hm)(false),
    approver: (0,inputs/* textInput */._Z)(),
    ticket: (0,inputs/* textInput */._Z)(),
    'promote-environment': schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[^\r\n]{1,255}$/, 'expected a GitHub Environment name on one line'))),
    'github-token': (0,inputs/* textInput */._Z)(),
    teardown: schemas/* optional */.lqM(schemas/* stringbool */.uEf({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] })),
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
        'objectives-missed': s.objectivesMissed ?? '',
        'receipts-dir': r.receiptsDir,
        'summary-path': r.summaryPath,
    };
}
/** Whether the action (or CLI) must report failure for this status. */
function isFailure(status) {
    return status === 'failed' || status === 'refused' || status === 'cancelled';
}
function stamp(d) {
    return d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
/**
 * The default run id. One incident keeps one id across jobs and repeated
 * dispatches: it comes from the alert group and the time it began (not the
 * group alone, or next month's incident would find this one's receipts).
 * Without an alert it is the workflow run, else a timestamp.
 */
function defaultRunId(alert, githubRunId, now) {
    if (alert) {
        return alert.startsAt ? (0,incident/* incidentRunId */.D)(alert.groupKey, alert.startsAt) : `alert-${(0,hash/* sha256 */.s)(alert.dedupeKey).slice(0, 16)}`;
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
    const environment = inputs['promote-environment'] ?? null;
    if (environment !== null && !deps.approvals) {
        throw new errors/* ConfigurationError */.j1(`input 'promote-environment': a verified approval is read from GitHub's approvals API of the workflow run, which only the dr-execute action does; use auto-promote or approver here`);
    }
    // The alert reader (and its schemas) is loaded only when an alert is given.
    const alert = inputs.alert ? await (await __webpack_require__.e(/* import() */ 222).then(__webpack_require__.bind(__webpack_require__, 3222))).loadAlert(inputs.alert, workspace) : null;
    const runId = inputs['run-id'] ?? defaultRunId(alert?.alert ?? null, deps.githubRunId, deps.now());
    const evidence = inputs['evidence-dir'];
    const receiptsDir = (0,plan_receipts/* runDirOf */.yo)(evidence, runId);
    const runDir = (0,external_node_path_.isAbsolute)(receiptsDir) ? receiptsDir : (0,external_node_path_.resolve)(workspace, receiptsDir);
    const engine = new Engine({
        loaded,
        runId,
        mode,
        startAt: mode === 'failback' ? null : startAt,
        stopAfter: mode === 'failback' ? null : stopAfter,
        decision: inputs.decision ?? null,
        ...(inputs.target !== undefined ? { target: inputs.target } : {}),
        acceptWarn: inputs['accept-warn'],
        autoPromote: inputs['auto-promote'],
        allowPromoteBypass: inputs['allow-promote-bypass'],
        approver: inputs.approver ?? null,
        ticket: inputs.ticket ?? null,
        promoteEnvironment: environment,
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
    }, { workspace, logger, now: deps.now, env: deps.env, signal: deps.signal, killGraceMs: deps.killGraceMs, fetch: deps.fetch, backpressure: deps.backpressure, approvals: deps.approvals });
    const result = await engine.run();
    return { ...result, runId, receiptsDir, summaryPath: (0,plan_receipts/* summaryPathOf */.Zk)(receiptsDir), plan: loaded };
}


/***/ }),

/***/ 8536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d1: () => (/* binding */ runCommand),
  yy: () => (/* binding */ sleep),
  Sp: () => (/* binding */ streamPressure)
});

// UNUSED EXPORTS: DEFAULT_TAIL_BYTES, MAX_TIMER_MS, setLongTimeout

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/evidence/redact-stream.ts
var redact_stream = __webpack_require__(5197);
;// CONCATENATED MODULE: ./src/plan/lines.ts
/**
 * Splits a step's output, a byte stream, into batches of whole lines.
 *
 * Each batch is decoded on its own from the bytes and an unfinished line is
 * kept as a copy of its bytes, so no string outlives its batch and none holds
 * on to the chunk it came in. Batches are small (`BATCH_BYTES`): what is
 * alive while one is redacted and logged is all that a garbage collection
 * during that work finds alive, and the less survives, the less V8 grows its
 * young generation. A step printing gigabytes thus runs in flat memory.
 *
 * Splitting at the byte 0x0A is safe in UTF-8, which never uses it inside a
 * character; a carriage return before a newline is dropped.
 */
/** The most bytes of whole lines handed on at once. */
const BATCH_BYTES = 16 * 1024;
/** A line longer than this (in bytes) is handed on in pieces, so one endless line cannot grow memory. */
const MAX_LINE = 64 * 1024;
class LineSplitter {
    emit;
    max;
    batch;
    rest = null;
    /**
     * @param emit gets each batch: one or more lines joined by `\n`, without the
     *   last newline; `terminated` is false for the output's unfinished end.
     */
    constructor(emit, max = MAX_LINE, batch = Math.min(BATCH_BYTES, max)) {
        this.emit = emit;
        this.max = max;
        this.batch = batch;
    }
    push(data) {
        const buf = this.rest ? Buffer.concat([this.rest, data]) : data;
        this.rest = null;
        let start = 0;
        while (start < buf.length) {
            // The last newline within a batch's reach: every line before it goes at once.
            let nl = buf.lastIndexOf(10, Math.min(buf.length, start + this.batch) - 1);
            if (nl < start)
                nl = buf.indexOf(10, start);
            if (nl >= 0 && nl - start <= this.max) {
                this.text(buf, start, nl, true);
                start = nl + 1;
            }
            else if (nl >= 0 || buf.length - start > this.max) {
                start = this.piece(buf, start);
            }
            else
                break;
        }
        if (start < buf.length)
            this.rest = Buffer.from(buf.subarray(start));
    }
    /** The output ended: an unfinished last line is handed on as it is. */
    end() {
        if (this.rest)
            this.text(this.rest, 0, this.rest.length, false);
        this.rest = null;
    }
    text(buf, start, end, terminated) {
        const text = buf.toString('utf8', start, end);
        this.emit(text.includes('\r') ? text.replace(/\r$/gm, '') : text, terminated);
    }
    /** Hands on `max` bytes of a longer line from `start`, cut before a character; returns where the rest begins. */
    piece(buf, start) {
        let cut = start + this.max;
        for (let back = 0; back < 3 && cut > start + 1 && (buf[cut] & 0xc0) === 0x80; back++)
            cut--;
        this.emit(buf.toString('utf8', start, cut), true);
        return cut;
    }
}

;// CONCATENATED MODULE: ./src/plan/runner.ts




/**
 * Back-pressure from a writable stream (the log): once more than `highWater`
 * bytes wait to be written, wait for it to drain. A stream written
 * synchronously (a file, a terminal) never has any waiting.
 */
function streamPressure(stream, highWater = 64 * 1024) {
    return () => {
        if ((stream.writableLength ?? 0) <= highWater)
            return null;
        // A log that closes or fails never drains: that also releases the step.
        return new Promise((resolve) => {
            const done = () => {
                for (const e of ['drain', 'close', 'error'])
                    stream.off(e, done);
                resolve();
            };
            for (const e of ['drain', 'close', 'error'])
                stream.on(e, done);
        });
    };
}
const DEFAULT_TAIL_BYTES = 4096;
const DEFAULT_KILL_GRACE_MS = 3000;
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
/** The longest delay setTimeout keeps (about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** setTimeout for any delay: a longer one is re-armed in steps. Returns a cancel function. */
function setLongTimeout(fn, ms) {
    let timer;
    const due = external_node_perf_hooks_.performance.now() + ms;
    const arm = () => {
        const left = due - external_node_perf_hooks_.performance.now();
        timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.max(1, Math.min(left, MAX_TIMER_MS)));
    };
    arm();
    return () => clearTimeout(timer);
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
    /** The output ended without a newline: the tail does too. */
    dropFinalNewline() {
        if (this.text.endsWith('\n'))
            this.text = this.text.slice(0, -1);
    }
    value() {
        if (!this.cut && this.text.length <= this.limit)
            return this.text;
        const cut = this.text.slice(-this.limit);
        const nl = cut.indexOf('\n');
        // The text was redacted before it came here; starting at a line boundary keeps the tail readable.
        return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
    }
}
function runCommand(spec) {
    const started = external_node_perf_hooks_.performance.now();
    const tail = new Tail(spec.tailBytes ?? DEFAULT_TAIL_BYTES);
    // One redactor for stdout and stderr, fed lines in the order they arrive, as the log shows them.
    const redactor = new redact_stream/* LineRedactor */.pH();
    // The last line of the output keeps its lack of a newline in the tail.
    let unterminated = false;
    const show = (text) => {
        if (text === null)
            return;
        tail.push(`${text}\n`);
        spec.onOutput?.(text);
    };
    let ended = false;
    const endOutput = () => {
        if (ended)
            return;
        ended = true;
        show(redactor.endText());
        if (unterminated)
            tail.dropFinalNewline();
    };
    const patterns = spec.patterns ?? [];
    let matched = false;
    const finishResult = (r) => {
        endOutput();
        return { ...r, durationSeconds: Math.round(external_node_perf_hooks_.performance.now() - started) / 1000, tail: tail.value(), matched };
    };
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
        const onText = (text, terminated) => {
            if (!matched && patterns.length > 0)
                matched = text.split('\n').some((line) => patterns.some((p) => p.test(line)));
            unterminated = !terminated;
            show(redactor.pushText(text));
        };
        const lines = { out: new LineSplitter(onText), err: new LineSplitter(onText) };
        let paused = false;
        const feed = (key) => (data) => {
            lines[key].push(data);
            const wait = paused ? null : spec.backpressure?.();
            if (wait) {
                // The log is behind: stop reading, so the step blocks on a full pipe instead of output piling up here.
                paused = true;
                child.stdout.pause();
                child.stderr.pause();
                void wait.finally(() => {
                    paused = false;
                    child.stdout.resume();
                    child.stderr.resume();
                });
            }
        };
        child.stdout.on('data', feed('out'));
        child.stderr.on('data', feed('err'));
        const stop = () => {
            if (child.pid === undefined)
                return;
            const pid = child.pid;
            killGroup(pid, 'SIGTERM');
            killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
            killTimer.unref();
        };
        const clearTimer = setLongTimeout(() => {
            timedOut = true;
            stop();
        }, spec.timeoutSeconds * 1000);
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        spec.signal?.addEventListener('abort', onAbort, { once: true });
        const settle = (r) => {
            if (settled)
                return;
            settled = true;
            clearTimer();
            spec.signal?.removeEventListener('abort', onAbort);
            lines.out.end();
            lines.err.end();
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
            let drain;
            const arm = () => {
                drain = setTimeout(() => {
                    // Output still waiting for the log is read first; only then are stray holders cut off.
                    if (paused)
                        return arm();
                    child.stdout.destroy();
                    child.stderr.destroy();
                    settle(result);
                }, DRAIN_MS);
            };
            arm();
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
        const cancel = setLongTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            res(true);
        }, ms);
        const onAbort = () => {
            cancel();
            res(false);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 3827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dO: () => (/* binding */ DEFAULT_CHECK_INTERVAL_SECONDS),
  Fr: () => (/* binding */ DEFAULT_CHECK_TIMEOUT_SECONDS),
  ZG: () => (/* reexport */ PHASES),
  VA: () => (/* binding */ PLAN_MODES),
  MI: () => (/* binding */ TARGET_NAME),
  ay: () => (/* binding */ effectiveRetry),
  Yq: () => (/* binding */ loadPlan),
  it: () => (/* binding */ planPhases),
  u1: () => (/* binding */ resolveTarget)
});

// UNUSED EXPORTS: DEFAULT_BACKOFF_SECONDS, DEFAULT_STEP_TIMEOUT_SECONDS, MAX_WAIT_SECONDS, parsePlan, planFileSchema

// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
// EXTERNAL MODULE: ./src/yaml-file.ts
var yaml_file = __webpack_require__(2619);
// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/plan/env.ts
var env = __webpack_require__(940);
;// CONCATENATED MODULE: ./src/plan/phases.ts
/**
 * A plan's phases, in the order they run. Kept apart from the plan schema so
 * that code needing only the names (restoring state between jobs) does not
 * load the schema, YAML and their zod schemas.
 */
const PHASES = ['bringup', 'restore', 'validate', 'promote', 'teardown'];

;// CONCATENATED MODULE: ./src/plan/schema.ts








/** The phases of a DR plan, in the only order they ever run. */

const PLAN_MODES = ['drill', 'failover', 'failback'];
/** Built-in defaults when the plan's `defaults` leaves them out. */
const DEFAULT_STEP_TIMEOUT_SECONDS = 30 * 60;
const DEFAULT_CHECK_INTERVAL_SECONDS = 5;
const DEFAULT_CHECK_TIMEOUT_SECONDS = 30;
const DEFAULT_BACKOFF_SECONDS = 10;
/**
 * The longest timeout, wait, interval or backoff a plan may set: 7 days. Far
 * beyond any step, and well inside what a timer can hold (about 24.8 days).
 */
const MAX_WAIT_SECONDS = 7 * 86400;
/** A duration of at most MAX_WAIT_SECONDS. */
const wait = duration/* durationSchema */.sK.check(schemas/* refine */.YPB((s) => s <= MAX_WAIT_SECONDS, 'expected at most 7d, the longest timeout or wait a plan may set'));
/**
 * A strict object whose "unknown key" message also lists the keys that are
 * allowed there, so a typo (`phase:` for `phases:`) is fixed in one go.
 */
function strict(shape) {
    const allowed = Object.keys(shape).join(', ');
    return schemas/* strictObject */.rej(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `expected only ${allowed}` : undefined) });
}
const required = (what) => (iss) => (iss.input === undefined ? `required: ${what}` : `expected ${what}, got ${JSON.stringify(iss.input)}`);
const command = (what) => schemas/* string */.YjP({ error: required(what) }).check(schemas/* refine */.YPB((s) => s.trim() !== '', `expected ${what}, got an empty string`));
/** `env:` maps; numbers and booleans are written as YAML would print them. */
const envMap = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* pipe */.FsL(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]), schemas/* transform */.pdi(String))).check(schemas/* superRefine */.zni((env, ctx) => {
    for (const key of Object.keys(env)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
            ctx.addIssue({ code: 'custom', path: [key], message: 'expected an environment variable name (letters, digits, _)' });
    }
}));
const regexList = schemas/* array */.YOg(schemas/* string */.YjP()).check(schemas/* superRefine */.zni((list, ctx) => {
    list.forEach((p, i) => {
        try {
            new RegExp(p);
        }
        catch (err) {
            ctx.addIssue({ code: 'custom', path: [i], message: `expected a regular expression: ${err.message}` });
        }
    });
}));
const retrySchema = strict({
    max: schemas/* optional */.lqM(schemas/* number */.aig({ error: required('a number of retries') }).check(schemas/* int */.Whr('expected a whole number of retries'), api/* _gte */.qm(0, 'expected 0 or more retries'), api/* _lte */.Zm(20, 'expected at most 20 retries'))),
    backoff: schemas/* optional */.lqM(wait),
    on: schemas/* optional */.lqM(regexList),
});
/** What a command must print: text as written, a number (`expect: 0`) as its digits. */
const expectText = schemas/* pipe */.FsL(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]), schemas/* transform */.pdi(String));
const stepName = schemas/* string */.YjP().check(api/* _minLength */.m9(1, 'expected a step name'), api/* _maxLength */.Eb(100, 'expected a name of at most 100 characters'), api/* _regex */.Fk(/^[^\r\n]*$/, 'expected a name on one line'));
const stepSchema = strict({
    name: schemas/* optional */.lqM(stepName),
    run: command('the shell command to run (run: "...")'),
    timeout: schemas/* optional */.lqM(wait),
    env: schemas/* optional */.lqM(envMap),
    retry: schemas/* optional */.lqM(retrySchema),
});
const guardSchema = strict({
    name: stepName,
    run: command('the shell command to run (run: "...")'),
    expect: schemas/* optional */.lqM(expectText),
    timeout: schemas/* optional */.lqM(wait),
    env: schemas/* optional */.lqM(envMap),
});
const httpUrl = schemas/* string */.YjP().check(schemas/* refine */.YPB((s) => /^https?:\/\/[^\s]+$/.test(s), 'expected an http:// or https:// URL'));
/** A check is either an HTTP probe (`http:`) or a command (`run:`), polled until it passes or `within` runs out. */
const checkSchema = strict({
    name: schemas/* optional */.lqM(stepName),
    http: schemas/* optional */.lqM(httpUrl),
    run: schemas/* optional */.lqM(command('the shell command to run')),
    status: schemas/* optional */.lqM(schemas/* number */.aig().check(schemas/* int */.Whr(), api/* _gte */.qm(100), api/* _lte */.Zm(599))),
    contains: schemas/* optional */.lqM(schemas/* string */.YjP()),
    expect: schemas/* optional */.lqM(expectText),
    within: schemas/* optional */.lqM(wait),
    interval: schemas/* optional */.lqM(wait),
    timeout: schemas/* optional */.lqM(wait),
    env: schemas/* optional */.lqM(envMap),
}).check(schemas/* superRefine */.zni((c, ctx) => {
    if ((c.http === undefined) === (c.run === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'expected exactly one of http (a URL to probe) or run (a command)' });
    }
    if (c.http === undefined && (c.status !== undefined || c.contains !== undefined)) {
        ctx.addIssue({ code: 'custom', message: 'status and contains apply to http checks only' });
    }
    if (c.run === undefined && c.expect !== undefined)
        ctx.addIssue({ code: 'custom', path: ['expect'], message: 'expect applies to run checks only' });
}));
const verifySchema = strict({
    run: command('the shell command to run'),
    expect: schemas/* optional */.lqM(expectText),
    timeout: schemas/* optional */.lqM(wait),
    within: schemas/* optional */.lqM(wait),
    interval: schemas/* optional */.lqM(wait),
    env: schemas/* optional */.lqM(envMap),
});
const phaseSchema = strict({
    steps: schemas/* optional */.lqM(schemas/* array */.YOg(stepSchema)),
    checks: schemas/* optional */.lqM(schemas/* array */.YOg(checkSchema)),
    verify: schemas/* optional */.lqM(verifySchema),
}).check(schemas/* superRefine */.zni((p, ctx) => {
    if (!p.steps?.length && !p.checks?.length && !p.verify)
        ctx.addIssue({ code: 'custom', message: 'expected steps, checks or verify' });
}));
const phasesSchema = strict(Object.fromEntries(PHASES.map((p) => [p, schemas/* optional */.lqM(phaseSchema)]))).check(schemas/* refine */.YPB((p) => PHASES.some((name) => p[name] !== undefined), `expected at least one of ${PHASES.join(', ')}`));
const failbackSchema = strict({
    checks: schemas/* optional */.lqM(schemas/* array */.YOg(checkSchema)),
    steps: schemas/* array */.YOg(stepSchema).check(api/* _minLength */.m9(1, 'expected at least one failback step')),
});
/** Target names as cost-decision writes them (the policy's `targets[].name`). */
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const targetsSchema = schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _regex */.Fk(TARGET_NAME, 'expected a target name of letters, digits, ".", "_" or "-", as in the cost policy')), schemas/* nullable */.mee(strict({ env: schemas/* optional */.lqM(envMap) })));
const planFileSchema = strict({
    version: schemas/* literal */.euz(1, { error: (i) => (i.input === undefined ? 'required: version: 1' : `expected 1, got ${JSON.stringify(i.input)}`) }),
    name: schemas/* string */.YjP({ error: required('a plan name') })
        .check(api/* _minLength */.m9(1, 'expected a plan name'), api/* _maxLength */.Eb(100, 'expected a name of at most 100 characters'), api/* _regex */.Fk(/^[^\r\n]*$/, 'expected a name on one line')),
    description: schemas/* optional */.lqM(schemas/* string */.YjP()),
    objectives: schemas/* optional */.lqM(strict({ rto: schemas/* optional */.lqM(duration/* durationSchema */.sK), rpo: schemas/* optional */.lqM(duration/* durationSchema */.sK) })),
    guards: schemas/* optional */.lqM(schemas/* array */.YOg(guardSchema)),
    defaults: schemas/* optional */.lqM(strict({ timeout: schemas/* optional */.lqM(wait), retry: schemas/* optional */.lqM(retrySchema), env: schemas/* optional */.lqM(envMap) })),
    targets: schemas/* optional */.lqM(targetsSchema),
    'runner-credentials': schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* string */.YjP().check(schemas/* refine */.YPB(env/* isRunnerCredential */.A, 'expected the name of a runner credential (ACTIONS_…, e.g. ACTIONS_ID_TOKEN_REQUEST_TOKEN); every other variable reaches steps anyway')))),
    phases: phasesSchema,
    failback: schemas/* optional */.lqM(failbackSchema),
    rpo: schemas/* optional */.lqM(strict({ probe: command('the command that prints the newest recovered transaction time'), timeout: schemas/* optional */.lqM(wait) })),
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
    const where = `key '${(0,files/* keyPath */.Dw)(issue.path)}'`;
    if (issue.code === 'unrecognized_keys') {
        return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (${issue.message})`;
    }
    return `${where}: ${issue.message}`;
}
/** Validates a parsed plan, reporting every problem with the file and key path. */
function parsePlan(data, displayPath) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* ConfigurationError */.j1(`${displayPath}: expected a mapping with 'version', 'name' and 'phases'`);
    }
    const result = planFileSchema.safeParse(data);
    const problems = result.success ? checkUniqueNames(result.data) : result.error.issues.map(issueText);
    if (problems.length > 0 || !result.success) {
        throw new errors/* ConfigurationError */.j1(`${displayPath}: ${problems.join('; ')}`, problems.map((p) => `${displayPath}: ${p}`));
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
        runnerCredentials: f['runner-credentials'] ?? [],
        targets: f.targets ? Object.fromEntries(Object.entries(f.targets).map(([name, t]) => [name, { env: t?.env ?? {} }])) : null,
        phases,
        failback: f.failback ? { checks: nameSteps(f.failback.checks ?? [], 'failback-check'), steps: nameSteps(f.failback.steps, 'failback') } : null,
        rpo: f.rpo ? { probe: f.rpo.probe, timeoutSeconds: f.rpo.timeout ?? null } : null,
    };
}
/** Reads and validates a plan file; its sha256 goes into every summary. */
async function loadPlan(absPath, displayPath) {
    const text = await (0,files/* readText */.yR)(absPath, 'plan', displayPath);
    // Text fields keep what the file says: `expect: 048622080012` stays the account id, not a number.
    const plan = parsePlan((0,yaml_file/* parseYamlText */.c)(text, displayPath, { keepScalarText: true }), displayPath);
    return { path: displayPath, sha256: (0,hash/* sha256 */.s)(text), plan };
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
/**
 * The target a run uses: the one asked for, else the one the run's earlier
 * jobs recorded. A plan that declares targets refuses any other, and one run
 * never changes target half-way.
 */
function resolveTarget(plan, displayPath, asked, recorded, runDisplay) {
    if (asked !== null && recorded !== null && asked !== recorded) {
        throw new errors/* ConfigurationError */.j1(`input 'target': run ${runDisplay} ran on target '${recorded}', not '${asked}'; one run keeps one target (use a new run-id for another)`);
    }
    const target = asked ?? recorded;
    if (plan.targets === null)
        return target;
    const declared = Object.keys(plan.targets);
    const list = declared.map((t) => `'${t}'`).join(', ');
    if (target === null)
        throw new errors/* ConfigurationError */.j1(`input 'target': required, because ${displayPath} declares targets (${list}); pass cost-decision's target output`);
    if (!declared.includes(target))
        throw new errors/* ConfigurationError */.j1(`input 'target': '${target}' is not a target of ${displayPath} (key 'targets' declares ${list})`);
    return target;
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

/***/ 2619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ parseYamlText)
/* harmony export */ });
/* unused harmony export MAX_ALIASES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3409);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * YAML for policies and plans. Apart from files.ts so that an entry that
 * reads no YAML (collect-evidence) does not load the parser at start.
 */


/** How many aliases a document may expand; more is an "alias bomb" and refused as bad input. */
const MAX_ALIASES = 100;
/** Parses YAML text; a syntax error names the file, line and column. */
function parseYamlText(text, displayPath, options = {}) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
        const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML${at}: ${what}`);
    }
    if (options.keepScalarText) {
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Scalar(_key, node) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.type !== 'PLAIN' || node.source === undefined)
                    return;
                if ((typeof node.value === 'number' || typeof node.value === 'boolean') && String(node.value) !== node.source)
                    node.value = node.source;
            },
        });
    }
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (err) {
        if (err instanceof ReferenceError && /alias/i.test(err.message) && /count|exceed|excessive/i.test(err.message)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: refused: its aliases (*name) expand to more than ${MAX_ALIASES} copies; write the repeated parts out or use fewer aliases`);
        }
        // An alias to no anchor, or any other error building the document: bad input, not drloop's failure.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML: ${err.message.split('\n')[0]}`);
    }
}


/***/ })

};
