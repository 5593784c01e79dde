export const id = 137;
export const ids = [137];
export const modules = {

/***/ 9730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeCommand: () => (/* binding */ executeCommand)
/* harmony export */ });
/* harmony import */ var _src_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5108);
/* harmony import */ var _src_plan_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8536);
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
    /** Bytes not yet final, kept as the buffers they came in (outside V8's heap, not as a string). */
    pending = [];
    pendingBytes = 0;
    rules;
    block;
    window;
    constructor(extra = [], options = {}) {
        this.rules = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRules */ .nb)([..._redact_js__WEBPACK_IMPORTED_MODULE_0__/* .BUILTIN_RULES */ .Yb, ...extra]);
        this.block = options.block ?? DEFAULT_BLOCK;
        this.window = options.window ?? DEFAULT_WINDOW;
    }
    /** Feeds bytes; returns the redacted bytes that are final so far (possibly none). The bytes must not change afterwards. */
    push(chunk) {
        if (chunk.byteLength === 0)
            return Buffer.alloc(0);
        this.pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        this.pendingBytes += chunk.byteLength;
        if (this.pendingBytes < this.block + this.window)
            return Buffer.alloc(0);
        return this.flush(false);
    }
    /** Ends the input; returns the rest of the redacted bytes. */
    end() {
        return this.flush(true);
    }
    /**
     * Scans the pending bytes as one Latin-1 string. A block of a MiB or more
     * becomes a string whose characters stay outside V8's heap (Node makes
     * large decoded strings external), so the garbage collector never copies
     * or promotes it; the output is assembled from the bytes, not from slices
     * of the text.
     */
    flush(final) {
        if (this.pendingBytes === 0)
            return Buffer.alloc(0);
        const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
        this.pending = [];
        this.pendingBytes = 0;
        const text = bytes.toString('latin1');
        const matches = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .findMatches */ .Np)(text, this.rules);
        let cut = text.length;
        if (!final) {
            const limit = text.length - this.window;
            const nl = bytes.lastIndexOf(10, limit - 1);
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
        const spans = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactedSpans */ .e$)(matches, cut, this.counts);
        this.total += spans.length;
        if (cut < bytes.length) {
            this.pending = [bytes.subarray(cut)];
            this.pendingBytes = bytes.length - cut;
        }
        if (spans.length === 0)
            return bytes.subarray(0, cut);
        let size = cut;
        for (const s of spans)
            size += s.replacement.length - (s.to - s.from);
        const out = Buffer.allocUnsafe(size);
        let at = 0;
        let pos = 0;
        for (const s of spans) {
            at += bytes.copy(out, at, pos, s.from);
            at += out.write(s.replacement, at, 'latin1');
            pos = s.to;
        }
        bytes.copy(out, at, pos, cut);
        return out;
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
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3945);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8422);
/* harmony import */ var _zod_locale_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1725);





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
    const result = zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xL(schema, data);
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
/* harmony export */   og: () => (/* binding */ formatIssues),
/* harmony export */   q3: () => (/* binding */ wholeNumberText)
/* harmony export */ });
/* unused harmony export inputNames */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3945);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _zod_locale_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1725);



/**
 * Helpers for the string inputs that actions and the CLI receive. Every
 * action's inputs are a zod object of these; `parseInputs` validates them all
 * at once and reports every problem in one message, naming each input.
 * They are zod/mini schemas: refine or wrap them with the functional forms
 * (`z.optional(s)`, `z._default(s, v)`, `z.pipe(s, z.transform(f))`,
 * `s.check(z.refine(f, message))`).
 */
/** `true`/`false` (and yes/no, 1/0, on/off), as the runner passes booleans. */
const boolInput = (fallback) => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .stringbool */ .uEf({ truthy: ['true', 'yes', '1', 'on'], falsy: ['false', 'no', '0', 'off'] }), fallback);
/** A whole number from `min` to `max`, given as text. */
const wholeNumberText = (min, max) => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._regex */ .Fk(/^\d+$/, 'expected a whole number')), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi(Number)), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._gte */ .qm(min), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._lte */ .Zm(max)));
/** A positive integer given as text. */
const intInput = (fallback, min = 1, max = 1000) => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._default */ .Rvf(wholeNumberText(min, max), fallback);
/** One of a set of words. */
const enumInput = (values, fallback) => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(values), fallback);
/** Free text; empty means "not set". */
const textInput = () => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP());
/** A multiline list (one item a line, `#` comments allowed); commas also separate when `commas` is set. */
const listInput = (commas = false) => zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((text) => (text ?? '')
    .split(commas ? /[\r\n,]+/ : /\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))));
/** Formats a zod error (from a classic or a zod/mini schema) as one line per problem, each naming where it is. */
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
    const result = zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xL(schema, cleaned);
    if (result.success)
        return result.data;
    const problems = formatIssues(result.error, (path) => `input '${String(path[0] ?? '?')}'`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`invalid input: ${problems.join('; ')}`, problems);
}
/** The names of a schema's inputs, as action.yml must declare them. */
function inputNames(schema) {
    return Object.keys(schema._zod.def.shape);
}


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Np: () => (/* binding */ findMatches),
/* harmony export */   Yb: () => (/* binding */ BUILTIN_RULES),
/* harmony export */   e$: () => (/* binding */ redactedSpans),
/* harmony export */   fI: () => (/* binding */ compileExtraRules),
/* harmony export */   nb: () => (/* binding */ compileRules)
/* harmony export */ });
/* unused harmony export applyMatches */
/**
 * Secret redaction for everything drloop writes: step output in the live log
 * and in receipts, logs and files in evidence bundles, file names and metadata
 * in manifests. Values are replaced by `[REDACTED:<kind>]`; callers get counts
 * per kind, never the values.
 *
 * Redaction is pattern based and best effort: it knows the formats below and
 * the usual `name: value` shapes, in plain text, in JSON strings and in JSON
 * strings escaped once more. A secret in a format it does not know is kept.
 */
/**
 * What may come before a token: the start, a character that cannot be part of
 * it, or an escaped `\n`, `\r` or `\t` (`"line\nghp_…"` in a JSON string).
 * Used in a lookbehind placed after the token's literal prefix (`ghp_(?<=…)`),
 * so that the regular expression starts with a literal, which the engine
 * scans for fast; a leading lookbehind makes every rule many times slower.
 */
const B = String.raw `(?:^|[^A-Za-z0-9_]|\\[nrt])`;
/** A token that starts with `prefix` (a regular expression matching literal text) at a token boundary. */
const tok = (prefix, rest) => String.raw `${prefix}(?<=${B}${prefix})${rest}`;
/** An optional quote, bare or escaped once or twice (`"`, `\"`, `\\\"`). */
const Q = String.raw `(?:\\{0,3}["'])?`;
/** Between a name and its value. Never a newline: `Password:` ending a line does not take the next line. */
const SEP = String.raw `${Q}[ \t]*[:=][ \t]*${Q}`;
/** A value that is a placeholder, not a secret: `***`, `${VAR}`, `$(cmd)`, `{{ x }}`, `<token>`, null, booleans. */
const NOT_PLACEHOLDER = String.raw `(?!\*{3}|\$\{|\$\(|\{\{|<[A-Za-z_-]+>|(?:null|true|false|none)(?![A-Za-z0-9_]))`;
/** An unquoted value runs to whitespace, a quote, a backslash or a separator. */
const BARE_VALUE = String.raw `[^\s"'\\,;&]{1,1024}`;
/** A line break in a PEM block: real, or escaped in a JSON string (once or twice). */
const PEM_BREAK = String.raw `(?:\r?\n|(?:\\{1,3}r)?\\{1,3}n)`;
/** A line of a PEM/PGP block: base64, or one of the armour headers. */
const PEM_LINE = String.raw `(?:[A-Za-z0-9+/=]{1,4096}|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID): [^\r\n"\\]{0,256})`;
/** The end of a quoted string (or of the JSON around it) right after a line of key material. */
const PEM_QUOTE_END = String.raw `["'\\,\]}]`;
const PEM_BEGIN = String.raw `-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----`;
/** Names of secrets in `name: value` / `name=value` form (case-insensitive). */
const SECRET_NAME = String.raw `(?:password|passwd|passphrase|secret|client[_-]?secret|secret[_-]?key|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?token|[_-]token)`;
const SECRET_NAME_HINTS = ['pass', 'secret', 'key', 'token'];
/** HTTP headers that carry a credential. */
const SECRET_HEADER = String.raw `(?:X-[A-Za-z0-9-]*(?:Api-?Key|Token|Secret)|Api-?Key|Private-Token|Ocp-Apim-Subscription-Key)`;
const re = (source, flags = 'g') => new RegExp(source, flags);
/**
 * The built-in rules, most specific first: when two rules match the same
 * value, it is replaced once and counted as the first rule's kind.
 */
const BUILTIN_RULES = [
    // Whole PEM/PGP private key blocks, over real or escaped line breaks.
    { kind: 'pem-private-key', pattern: re(String.raw `${PEM_BEGIN}[\s\S]*?-----END \1PRIVATE KEY\2-----`), hints: ['-----BEGIN '] },
    // A block whose END never comes (a truncated log): the header and every line that looks like key material.
    {
        kind: 'pem-private-key',
        // Lines squashed onto one (spaces for line breaks) count when they are long runs of base64.
        hints: ['-----BEGIN '],
        pattern: re(String.raw `-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:${PEM_BREAK}${PEM_LINE}?(?=${PEM_BREAK}|$|${PEM_QUOTE_END})|[ \t]+[A-Za-z0-9+/=]{16,4096}(?=${PEM_BREAK}|$|[ \t]|${PEM_QUOTE_END})){0,1024}`),
    },
    {
        kind: 'aws-access-key-id',
        pattern: re(tok(String.raw `A(?:3T[A-Z0-9]|KIA|SIA|BIA|CCA|IDA|ROA|GPA|NPA|NVA|IPA)`, String.raw `[A-Z0-9]{16}(?![A-Za-z0-9])`)),
        hints: ['AKIA', 'ASIA', 'A3T', 'ABIA', 'ACCA', 'AIDA', 'AROA', 'AGPA', 'ANPA', 'ANVA', 'AIPA'],
    },
    { kind: 'aws-secret-access-key', pattern: re(String.raw `(secret_?access_?key${SEP})([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`, 'gi'), group: 2, hints: ['access_key', 'accesskey'], line: true },
    { kind: 'aws-session-token', pattern: re(String.raw `((?:session|security)[_-]?token${SEP})([A-Za-z0-9/+=]{16,})`, 'gi'), group: 2, hints: ['token'], line: true },
    { kind: 'aws-session-token', pattern: re(tok('(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)', '[A-Za-z0-9/+=]{40,}')), hints: ['FwoGZXIvYXdz', 'IQoJb3JpZ2lu'] },
    { kind: 'github-token', pattern: re(tok('gh[pousr]_', '[A-Za-z0-9]{36,255}(?![A-Za-z0-9])')), hints: ['ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_'] },
    { kind: 'github-token', pattern: re(tok('github_pat_', '[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])')), hints: ['github_pat_'] },
    { kind: 'gitlab-token', pattern: re(tok('gl(?:pat|dt|rt|ptt|soat|cbt|ft)-', '[A-Za-z0-9_-]{20,}')), hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'glcbt-', 'glft-'] },
    { kind: 'slack-token', pattern: re(tok(String.raw `xox(?:e\.xox)?[abposre]-`, '[A-Za-z0-9-]{10,}')), hints: ['xox'] },
    { kind: 'slack-token', pattern: re(tok(String.raw `xapp-\d-`, '[A-Za-z0-9-]{20,}')), hints: ['xapp-'] },
    { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g, hints: ['hooks.slack'] },
    {
        kind: 'teams-webhook',
        pattern: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com|powerplatform\.com)[^\s"'<>\\]*/g,
        hints: ['webhook.office.com', 'logic.azure.com', 'powerplatform.com'],
    },
    // (Proxy-)Authorization: Bearer|Token|Basic <value>, as a header, in JSON, or in git's extraheader.
    { kind: 'bearer-token', pattern: re(String.raw `(Authorization${SEP}(?:Bearer|Token)[ \t]+)([A-Za-z0-9\-._~+/]+=*)`, 'gi'), group: 2, hints: ['authorization'], line: true },
    { kind: 'basic-auth', pattern: re(String.raw `(Authorization${SEP}Basic[ \t]+)([A-Za-z0-9+/]+=*)`, 'gi'), group: 2, hints: ['authorization'], line: true },
    { kind: 'jwt', pattern: re(tok('eyJ', String.raw `[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`)), hints: ['eyJ'] },
    { kind: 'stripe-key', pattern: re(tok('[sr]k_(?:live|test)_', '[A-Za-z0-9]{16,}')), hints: ['k_live_', 'k_test_'] },
    { kind: 'google-api-key', pattern: re(tok('AIza', '[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])')), hints: ['AIza'] },
    { kind: 'npm-token', pattern: re(tok('npm_', '[A-Za-z0-9]{36}(?![A-Za-z0-9])')), hints: ['npm_'] },
    { kind: 'pypi-token', pattern: re(tok('pypi-AgEIcHlwaS5vcmc', '[A-Za-z0-9_-]{50,}')), hints: ['pypi-AgEIcHlwaS5vcmc'] },
    { kind: 'sendgrid-key', pattern: re(tok(String.raw `SG\.`, String.raw `[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`)), hints: ['SG.'] },
    { kind: 'openai-key', pattern: re(tok('sk-', '(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}')), hints: ['T3BlbkFJ'] },
    { kind: 'anthropic-key', pattern: re(tok('sk-ant-', String.raw `[a-z]+\d{2}-[A-Za-z0-9_-]{80,}`)), hints: ['sk-ant-'] },
    { kind: 'vault-token', pattern: re(tok(String.raw `hv[sbr]\.`, '[A-Za-z0-9_-]{24,}')), hints: ['hvs.', 'hvb.', 'hvr.'] },
    { kind: 'digitalocean-token', pattern: re(tok('do[opr]_v1_', '[a-f0-9]{64}(?![a-f0-9])')), hints: ['_v1_'] },
    { kind: 'shopify-token', pattern: re(tok('shp(?:at|ca|pa|ss)_', '[a-fA-F0-9]{32}(?![a-fA-F0-9])')), hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'] },
    { kind: 'huggingface-token', pattern: re(tok('hf_', '[A-Za-z]{34}(?![A-Za-z0-9])')), hints: ['hf_'] },
    { kind: 'grafana-token', pattern: re(tok('glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])')), hints: ['glsa_'] },
    { kind: 'grafana-token', pattern: re(tok('glc_', '[A-Za-z0-9+/]{32,}={0,2}')), hints: ['glc_'] },
    // The bot id before the colon is public; the part after it is the secret.
    { kind: 'telegram-bot-token', pattern: re(String.raw `:AA(?<=${B}\d{8,10}:AA)[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])`), hints: [':AA'] },
    // Matched from its fixed `Q~` (for speed): the four characters before it stay, the 31 to 34 after it go.
    { kind: 'azure-client-secret', pattern: re(String.raw `Q~(?<=${B}[A-Za-z0-9_~.]{3}\dQ~)[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`), hints: ['Q~'] },
    // scheme://user:password@host: the password.
    { kind: 'url-credentials', pattern: re(String.raw `:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^\s:/?#@"'\\]{1,256}:)([^\s/?#@"'\\]{1,1024})@`), group: 2, hints: ['://'] },
    { kind: 'azure-sas-signature', pattern: re(String.raw `([?&]sig=)([A-Za-z0-9%+/=]{16,})`), group: 2, hints: ['sig='] },
    // Connection strings: Server=…;User Id=…;Password=…; AccountKey=…; SharedAccessKey=… (a key first in the string is a secret-assignment).
    {
        kind: 'connection-string',
        hints: ['password', 'pwd', 'accountkey', 'sharedaccess'],
        line: true,
        pattern: re(String.raw `(;[ \t]*(?:Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature)[ \t]*=[ \t]*)${NOT_PLACEHOLDER}([^;"'\s\\]{1,1024})`, 'gi'),
        group: 2,
    },
    {
        kind: 'api-key-header',
        pattern: re(String.raw `(${SECRET_HEADER}${Q}[ \t]*:[ \t]*${Q})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'),
        group: 2,
        hints: ['api-key', 'apikey', 'token', 'secret', 'subscription-key'],
        line: true,
    },
    // name: "a quoted value, spaces and all" (the quote may be escaped, `\"`)
    {
        kind: 'secret-assignment',
        hints: SECRET_NAME_HINTS,
        line: true,
        pattern: re(String.raw `(${SECRET_NAME}${Q}[ \t]*[:=][ \t]*(\\{0,3}["']))${NOT_PLACEHOLDER}((?:(?!\2)[^\r\n]){1,1024}?)\2`, 'gi'),
        group: 3,
    },
    { kind: 'secret-assignment', pattern: re(String.raw `(${SECRET_NAME}${SEP})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'), group: 2, hints: SECRET_NAME_HINTS, line: true },
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
const gates = new WeakMap();
function gateOf(rules) {
    let gate = gates.get(rules);
    if (gate)
        return gate;
    const exact = new Set();
    const folded = new Set();
    for (const r of rules)
        for (const h of r.hints ?? [])
            (r.pattern.ignoreCase ? folded : exact).add(h);
    const alternation = (set) => set.size === 0
        ? null
        : new RegExp([...set]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'), 'g');
    const all = [...new Set([...exact, ...folded])];
    const prefixes = new Map(all.map((h) => [h, all.filter((o) => o !== h && h.startsWith(o))]));
    gate = { exact: alternation(exact), folded: alternation(folded), prefixes, longestFolded: Math.max(0, ...[...folded].map((h) => h.length)) };
    gates.set(rules, gate);
    return gate;
}
/**
 * Text is lower-cased for the folded scan this much at a time: each piece is
 * a small string that the young generation frees at once, where a copy of a
 * whole 1 MiB block would wait in the large-object space for a full GC.
 */
const FOLD_PIECE = 32 * 1024;
function hintsIn(text, gate) {
    const found = { exact: new Map(), folded: new Map() };
    const add = (places, h, at) => {
        const list = places.get(h);
        if (list)
            list.push(at);
        else
            places.set(h, [at]);
    };
    /** Hints starting in `t` before `limit`, at `offset + index`. */
    const scan = (pattern, t, offset, limit, places) => {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(t); m !== null && m.index < limit; m = pattern.exec(t)) {
            add(places, m[0], offset + m.index);
            for (const p of gate.prefixes.get(m[0]) ?? [])
                add(places, p, offset + m.index);
            pattern.lastIndex = m.index + 1;
        }
    };
    if (gate.exact)
        scan(gate.exact, text, 0, text.length, found.exact);
    let foldedPlaced = true;
    if (gate.folded) {
        // Pieces overlap by the longest hint, less one, so a hint across a piece's end is seen in the piece it starts in.
        const overlap = gate.longestFolded - 1;
        for (let start = 0; start < text.length; start += FOLD_PIECE) {
            const piece = text.slice(start, start + FOLD_PIECE + overlap);
            const lower = piece.toLowerCase();
            // Lower-casing lengthened the piece (`İ` becomes two characters): offsets are off, and only presence counts.
            const placed = lower.length === piece.length;
            if (!placed)
                foldedPlaced = false;
            scan(gate.folded, lower, start, placed ? FOLD_PIECE : lower.length, found.folded);
        }
    }
    return { ...found, foldedPlaced };
}
/** The lines (`[start, end)`, without their newline) that hold one of `places`, in order, each once. */
function linesAt(text, places) {
    const sorted = places.length > 1 ? [...places].sort((a, b) => a - b) : places;
    const lines = [];
    let end = -1;
    for (const at of sorted) {
        if (at < end)
            continue;
        const start = text.lastIndexOf('\n', at) + 1;
        const nl = text.indexOf('\n', at);
        end = nl === -1 ? text.length : nl;
        lines.push([start, end]);
    }
    return lines;
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function compileRules(rules) {
    return rules.map((r) => {
        let flags = r.pattern.flags;
        if (!flags.includes('g'))
            flags += 'g';
        if (r.group !== undefined && !flags.includes('d'))
            flags += 'd';
        const rule = { kind: r.kind, pattern: new RegExp(r.pattern.source, flags) };
        if (r.group !== undefined)
            rule.group = r.group;
        if (r.hints)
            rule.hints = r.hints;
        if (r.line && r.hints && r.hints.length > 0)
            rule.line = true;
        return rule;
    });
}
/** Every match of `rule` in `text.slice(from, to)`, at offsets in `text`. */
function matchIn(text, from, to, rule, order, matches) {
    const pattern = rule.pattern;
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(part); m !== null; m = pattern.exec(part)) {
        if (m[0] === '') {
            pattern.lastIndex += 1;
            continue;
        }
        const start = from + m.index;
        const end = start + m[0].length;
        let first = start;
        let last = end;
        if (rule.group !== undefined) {
            const span = m.indices?.[rule.group];
            if (!span)
                continue;
            if (span[0] === span[1])
                continue;
            first = from + span[0];
            last = from + span[1];
        }
        matches.push({ start, end, from: first, to: last, kind: rule.kind, order });
    }
}
/**
 * Every match of every rule in `text`, against the original text (a replaced
 * value is never matched again). A rule with hints runs only if one of them
 * occurs; a `line` rule runs only over the lines that hold one.
 */
function findMatches(text, rules) {
    const matches = [];
    const found = hintsIn(text, gateOf(rules));
    rules.forEach((rule, order) => {
        if (!rule.hints) {
            matchIn(text, 0, text.length, rule, order, matches);
            return;
        }
        const folded = rule.pattern.ignoreCase;
        const places = folded ? found.folded : found.exact;
        const at = rule.hints.flatMap((h) => places.get(h) ?? []);
        if (at.length === 0)
            return;
        if (!rule.line || (folded && !found.foldedPlaced)) {
            matchIn(text, 0, text.length, rule, order, matches);
            return;
        }
        for (const [start, end] of linesAt(text, at))
            matchIn(text, start, end, rule, order, matches);
    });
    return matches;
}
/**
 * Replaces the matches that end at or before `upTo` in `text.slice(0, upTo)`.
 * Overlapping matches (two rules, one secret) widen the replaced span and
 * count once, as the kind of the rule listed first.
 */
function applyMatches(text, matches, upTo, counts) {
    const spans = redactedSpans(matches, upTo, counts);
    const parts = [];
    let pos = 0;
    for (const s of spans) {
        parts.push(text.slice(pos, s.from), s.replacement);
        pos = s.to;
    }
    parts.push(text.slice(pos, upTo));
    return { text: parts.join(''), total: spans.length };
}
/**
 * The replacements `applyMatches` makes in `text.slice(0, upTo)`, in order
 * and without overlaps, counted into `counts` (for a caller that assembles
 * the output itself, from bytes); overlaps are resolved as `applyMatches`
 * describes.
 */
function redactedSpans(matches, upTo, counts) {
    const applied = matches.filter((m) => m.end <= upTo).sort((a, b) => a.from - b.from || a.order - b.order);
    const spans = [];
    let pos = 0;
    for (const m of applied) {
        if (m.from < pos) {
            if (m.to > pos)
                spans[spans.length - 1].to = pos = m.to;
            continue;
        }
        spans.push({ from: m.from, to: m.to, replacement: `[REDACTED:${m.kind}]` });
        pos = m.to;
        counts[m.kind] = (counts[m.kind] ?? 0) + 1;
    }
    return spans;
}
const builtinCompiled = compileRules(BUILTIN_RULES);
/** The built-in rules and a caller's extra ones, compiled once per list of extra rules (and their hint scan with them). */
const withExtra = new WeakMap();
function rulesWith(extra) {
    if (extra.length === 0)
        return builtinCompiled;
    let rules = withExtra.get(extra);
    if (!rules)
        withExtra.set(extra, (rules = compileRules([...BUILTIN_RULES, ...extra])));
    return rules;
}
/** Redacts `text` with the built-in rules and `extra` (the user's patterns, BUILTIN_RULES not included). */
function redact(text, extra = []) {
    const rules = rulesWith(extra);
    const counts = {};
    const out = applyMatches(text, findMatches(text, rules), text.length, counts);
    return { text: out.text, counts, total: out.total };
}


/***/ }),

/***/ 1725:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {

/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);


/**
 * zod's English messages for the issues drloop's schemas give no message of
 * their own ("Invalid option: expected one of …", "Too small: expected string
 * to have >=1 characters"). zod/mini loads no locale, and without one every
 * such issue reads "Invalid input". Classic zod sets English on its first
 * schema; importing this module does the same, and as there, a locale set
 * before wins. src/inputs.ts imports it, so every module that formats zod
 * issues for people (through formatIssues) has it before its first parse.
 */
if (!(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)().localeError)
    (0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)((0,zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());


/***/ })

};
