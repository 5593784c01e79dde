export const id = 957;
export const ids = [957];
export const modules = {

/***/ 6032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyEvidenceCommand: () => (/* binding */ verifyEvidenceCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2716);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9856);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);





const USAGE = `usage: drloop verify-evidence <bundle.tar.gz | s3://bucket/prefix/current.json>
                              [--s3-endpoint URL] [--s3-force-path-style] [--s3-checksum when-supported|when-required] [--json]
Checks every file of the bundle against its manifest, and the bundle against its pointer (S3)
or its .sha256 file (local). AWS credentials and region come from the standard AWS environment.
Exit status: 0 when everything matches, 1 naming every mismatch, 2 on bad input.`;
const verifyInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    's3-endpoint': zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
    's3-force-path-style': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .boolInput */ .Hm)(false),
    's3-checksum': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .enumInput */ .gX)(['when-supported', 'when-required'], 'when-supported'),
});
function describe(report) {
    const lines = [];
    if (report.ok) {
        lines.push(`OK: ${report.subject}`);
        lines.push(`  ${report.files} file(s) match the manifest; bundle sha256 ${report.bundleSha256} (${report.bundleSize} bytes)`);
        if (report.pointer)
            lines.push(`  pointer names ${report.pointer.bundle_uri}, created ${report.pointer.created_at}`);
    }
    else {
        lines.push(`MISMATCH: ${report.subject}`);
        for (const m of report.mismatches)
            lines.push(`  - ${m}`);
    }
    return `${lines.join('\n')}\n`;
}
const verifyEvidenceCommand = {
    name: 'verify-evidence',
    summary: 'check an evidence bundle (file or S3 pointer) against its manifest and checksums',
    usage: USAGE,
    async run(ctx) {
        const { raw, positionals } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(ctx.argv, {
            's3-endpoint': { type: 'string' },
            's3-force-path-style': { type: 'boolean' },
            's3-checksum': { type: 'string' },
            json: { type: 'boolean' },
        }, USAGE);
        if (positionals.length !== 1)
            throw new _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`expected one bundle or pointer, got ${positionals.length}\n${USAGE}`);
        const json = raw.json === 'true';
        delete raw.json;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(verifyInputs, raw);
        const subject = positionals[0];
        let report;
        try {
            report = subject.startsWith('s3://')
                ? await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyPointer */ .NW)(subject, {
                    endpoint: inputs['s3-endpoint'],
                    forcePathStyle: inputs['s3-force-path-style'],
                    checksum: inputs['s3-checksum'],
                    region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
                })
                : await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyBundle */ .IF)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.cwd, subject));
        }
        catch (err) {
            // A store that cannot be read is a failed verification, not drloop's own failure.
            if (err.name !== 'StoreError')
                throw err;
            ctx.stderr.write(`drloop verify-evidence: cannot verify ${subject}: ${err.message}\n`);
            return _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
        }
        if (!subject.startsWith('s3://'))
            report.subject = subject;
        if (json)
            ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else
            ctx.stdout.write(describe(report));
        return report.ok ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok : _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
    },
};


/***/ }),

/***/ 9148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ keyPath),
/* harmony export */   cd: () => (/* binding */ parseYamlText),
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   xJ: () => (/* binding */ validateWith),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8422);




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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${label} ${displayPath}: file not found`);
        if (code === 'EISDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${label} ${displayPath}: is a directory, expected a file`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${label} ${displayPath}: cannot be read (${code ?? String(err)})`);
    }
}
/** Parses JSON text; a syntax error names the file and the position. */
function parseJsonText(text, displayPath) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${displayPath}: malformed JSON (${err.message})`);
    }
}
/** Parses YAML text; a syntax error names the file, line and column. */
function parseYamlText(text, displayPath) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
        const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML${at}: ${what}`);
    }
    return doc.toJS({ maxAliasCount: 100 });
}
/**
 * Validates parsed data against a schema and reports every problem at once,
 * each with the file and the key path: `policy.yml: key 'thresholds.warn': …`.
 */
function validateWith(schema, data, displayPath) {
    const result = schema.safeParse(data);
    if (result.success)
        return result.data;
    const problems = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .formatIssues */ .og)(result.error, (p) => `key '${keyPath(p)}'`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${displayPath}: ${problems.join('; ')}`, problems.map((p) => `${displayPath}: ${p}`));
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


/***/ })

};
