export const id = 869;
export const ids = [869,252];
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
