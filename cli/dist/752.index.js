export const id = 752;
export const ids = [752];
export const modules = {

/***/ 9730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeCommand: () => (/* binding */ executeCommand)
/* harmony export */ });
/* harmony import */ var _src_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9208);
/* harmony import */ var _src_plan_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5773);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3545);





const USAGE = `usage: drloop execute --plan FILE [--mode drill|failover|failback]
                      [--start-at PHASE] [--stop-after PHASE] [--run-id ID] [--evidence-dir DIR]
                      [--decision allow|warn|block] [--accept-warn] [--target NAME] [--alert FILE|JSON]
                      [--auto-promote] [--allow-promote-bypass] [--approver WHO] [--ticket ID]
                      [--teardown true|false] [--allow-full-drill] [--max-attempts N] [--no-retry]
                      [--dry-run] [--confirm1 FAILBACK] [--confirm2 CONFIRM-<run-id>] [--json]
PHASE is bringup, restore, validate, promote or teardown. Receipts go to
<evidence-dir>/runs/<run-id>/; pass the same --run-id to resume in a later call.
Exit status: 0 succeeded or stopped, 1 failed or refused, 2 on bad input, 130 cancelled.`;
const executeCommand = {
    name: 'execute',
    summary: 'run a DR plan phase by phase, with receipts and measured RTO/RPO',
    usage: USAGE,
    async run(ctx) {
        const flag = { type: 'string' };
        const bool = { type: 'boolean' };
        const { raw } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFlags */ .bQ)(ctx.argv, {
            plan: flag,
            mode: flag,
            'start-at': flag,
            'stop-after': flag,
            'run-id': flag,
            'evidence-dir': flag,
            decision: flag,
            'accept-warn': bool,
            target: flag,
            alert: flag,
            'auto-promote': bool,
            'allow-promote-bypass': bool,
            approver: flag,
            ticket: flag,
            teardown: flag,
            'allow-full-drill': bool,
            'max-attempts': flag,
            'no-retry': bool,
            'dry-run': bool,
            confirm1: flag,
            confirm2: flag,
            json: bool,
        }, USAGE);
        const json = raw.json === 'true';
        delete raw.json;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(_src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__/* .drExecuteInputs */ .pd, raw);
        const logger = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D7)(ctx.stderr);
        // Ctrl-C (or SIGTERM) stops the running step's process group and still writes its receipt.
        const cancel = new AbortController();
        const onSignal = (signal) => {
            if (!cancel.signal.aborted)
                logger.warning(`received ${signal}; stopping the running step`);
            cancel.abort(signal);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        let result;
        try {
            result = await (0,_src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runDrExecute */ .vi)(inputs, {
                workspace: ctx.cwd,
                logger,
                now: () => new Date(),
                env: ctx.env,
                signal: cancel.signal,
                backpressure: (0,_src_plan_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .streamPressure */ .Sp)(ctx.stderr),
                ...(ctx.env.GITHUB_RUN_ID ? { githubRunId: ctx.env.GITHUB_RUN_ID } : {}),
            });
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
        const outputs = (0,_src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__/* .drExecuteOutputs */ .MX)(result);
        if (json) {
            ctx.stdout.write(`${JSON.stringify({ ...outputs, reason: result.reason }, null, 2)}\n`);
        }
        else {
            const s = result.summary;
            const lines = [`${result.status.toUpperCase()}: plan ${s.plan.name}, run ${result.runId} (${s.mode}${s.target ? `, target ${s.target}` : ''})${result.reason ? ` — ${result.reason}` : ''}`, ''];
            for (const p of s.phases) {
                const took = p.durationSeconds === null ? '' : (0,_src_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(p.durationSeconds);
                lines.push(`  ${p.phase.padEnd(9)} ${p.status.padEnd(9)} ${took.padEnd(8)} ${p.skipReason ?? ''}`.trimEnd());
            }
            const fmt = (v, o, met) => `${v === null ? 'not measured' : (0,_src_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(v)}${o === null ? '' : ` (objective ${(0,_src_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(o)}${met === null ? '' : met ? ', met' : ', MISSED'})`}`;
            lines.push('', `RTO ${fmt(s.rtoSeconds, s.objectives.rtoSeconds, s.rtoMet)}`, `RPO ${fmt(s.rpoSeconds, s.objectives.rpoSeconds, s.rpoMet)}`);
            lines.push('', `receipts: ${result.receiptsDir}`);
            ctx.stdout.write(`${lines.join('\n')}\n`);
        }
        if (result.status === 'cancelled')
            return _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.interrupted;
        return (0,_src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailure */ .N6)(result.status) ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.failed : _cli_kit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    },
};


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
const intInput = (fallback, min = 1, max = 1000) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(min).max(max))
    .default(fallback);
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


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Yb: () => (/* binding */ BUILTIN_RULES),
/* harmony export */   fI: () => (/* binding */ compileExtraRules)
/* harmony export */ });
/**
 * Secret redaction for everything drloop writes: step output tails in
 * receipts, logs and files in evidence bundles. Values are replaced by
 * `[REDACTED:<kind>]`; callers get counts per kind, never the values.
 */
const BUILTIN_RULES = [
    { kind: 'pem-private-key', pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g },
    { kind: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g },
    {
        kind: 'aws-secret-access-key',
        pattern: /((?:aws_?secret_?access_?key|secret_?access_?key|AWS_SECRET_ACCESS_KEY)["']?\s*[:=]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
        group: 2,
    },
    { kind: 'github-token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,255}\b/g },
    { kind: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
    { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g },
    { kind: 'teams-webhook', pattern: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com|powerplatform\.com)[^\s"'<>]*/g },
    { kind: 'bearer-token', pattern: /(\bAuthorization\s*[:=]\s*["']?Bearer\s+)([A-Za-z0-9\-._~+/]+=*)/gi, group: 2 },
];
/** Compiles the user's extra patterns (input `redact`), naming the bad one on error. */
function compileExtraRules(patterns) {
    return patterns.map((p, i) => {
        try {
            return { kind: `custom-${i + 1}`, pattern: new RegExp(p, 'g') };
        }
        catch (err) {
            throw new Error(`redact pattern ${i + 1} (${JSON.stringify(p)}) is not a valid regular expression: ${err.message}`);
        }
    });
}
function redact(text, extra = []) {
    const counts = {};
    let total = 0;
    let out = text;
    for (const rule of [...BUILTIN_RULES, ...extra]) {
        rule.pattern.lastIndex = 0;
        out = out.replace(rule.pattern, (...args) => {
            const match = args[0];
            if (match === '')
                return match;
            counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
            total += 1;
            if (rule.group === undefined)
                return `[REDACTED:${rule.kind}]`;
            const groups = args.slice(1, -2);
            const secret = groups[rule.group - 1] ?? '';
            const idx = match.lastIndexOf(secret);
            return `${match.slice(0, idx)}[REDACTED:${rule.kind}]${match.slice(idx + secret.length)}`;
        });
    }
    return { text: out, counts, total };
}


/***/ })

};
