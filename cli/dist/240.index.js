export const id = 240;
export const ids = [240];
export const modules = {

/***/ 9240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KB: () => (/* binding */ MANIFEST_SCHEMA),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   fD: () => (/* binding */ manifestForVerifySchema),
/* harmony export */   ir: () => (/* binding */ MANIFEST_NAME)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6670);




const MANIFEST_SCHEMA = 'drloop.evidence-manifest/v1';
const MANIFEST_NAME = 'manifest.json';
/** A value that may be missing: absent and null both read as null. */
const orNull = (schema) => zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .nullish */ .cl6(schema), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .transform */ .pdi((v) => v ?? null));
const nullableString = orNull(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP());
const nullableNumber = orNull(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig());
const nullableBool = orNull(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY());
/** The drill summary dr-execute writes, read leniently: unknown keys are kept, missing ones are null. */
const drillSummarySchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('drloop.drill-summary/v1'),
    runId: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    plan: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ name: nullableString, path: nullableString, sha256: nullableString })),
    mode: nullableString,
    status: nullableString,
    decision: nullableString,
    alert: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ name: nullableString, fingerprint: nullableString, groupKey: nullableString, status: nullableString, startsAt: nullableString })),
    objectives: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ rtoSeconds: nullableNumber, rpoSeconds: nullableNumber })),
    incidentStart: nullableString,
    startedAt: nullableString,
    endedAt: nullableString,
    rtoSeconds: nullableNumber,
    rpoSeconds: nullableNumber,
    rtoMet: nullableBool,
    rpoMet: nullableBool,
    lastPhase: nullableString,
    phases: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
        phase: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        status: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        skipReason: nullableString,
        startedAt: nullableString,
        endedAt: nullableString,
        durationSeconds: nullableNumber,
    })), []),
});
const costRecordSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('drloop.cost-decision/v1'),
    createdAt: nullableString,
    mode: nullableString,
    decision: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    target: nullableString,
    currency: nullableString,
    reasons: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()), []),
});
/** Records larger than this are bundled but not read for metadata. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
async function readJsonRecord(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        if (size > MAX_RECORD_BYTES)
            throw new Error(`larger than ${MAX_RECORD_BYTES} bytes`);
        return JSON.parse(await handle.readFile('utf8'));
    }
    finally {
        await handle.close();
    }
}
function met(measured, objective, stated) {
    if (stated !== null)
        return stated;
    if (measured === null || objective === null)
        return null;
    return measured <= objective;
}
function time(s) {
    const t = s === null ? NaN : Date.parse(s);
    return Number.isFinite(t) ? t : 0;
}
/**
 * Reads the run's metadata from the evidence: the latest drill summary under
 * `runs/<run-id>/`, the latest cost decision under `cost/`, the alert, and
 * where the workflow ran. A record that does not parse is a warning (it is
 * still bundled as it is), never a failure.
 */
async function readMetadata(items, alert, context, commit, warn) {
    const drills = [];
    const costs = [];
    for (const item of items) {
        if (item.source !== 'evidence-dir' || !item.file)
            continue;
        const isDrill = /^evidence\/runs\/[^/]+\/drill\.summary\.json$/.test(item.bundlePath);
        const isCost = /^evidence\/cost\/decision-[^/]*\.json$/.test(item.bundlePath);
        if (!isDrill && !isCost)
            continue;
        let data;
        try {
            data = await readJsonRecord(item.file);
        }
        catch (err) {
            warn(`${item.origin}: not read for the manifest's metadata (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}); bundled as it is`);
            continue;
        }
        const parsed = isDrill ? drillSummarySchema.safeParse(data) : costRecordSchema.safeParse(data);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            warn(`${item.origin}: not a ${isDrill ? 'drill summary' : 'cost decision record'} drloop understands (${issue?.path.join('.') || 'top level'}: ${issue?.message}); bundled as it is`);
            continue;
        }
        if (isDrill)
            drills.push({ summary: parsed.data, record: item.bundlePath });
        else
            costs.push({ record: parsed.data, path: item.bundlePath });
    }
    drills.sort((a, b) => time(a.summary.startedAt) - time(b.summary.startedAt) || a.record.localeCompare(b.record));
    costs.sort((a, b) => time(a.record.createdAt) - time(b.record.createdAt) || a.path.localeCompare(b.path));
    const drill = drills.at(-1);
    const cost = costs.at(-1);
    const s = drill?.summary;
    let alertMeta = null;
    if (alert) {
        alertMeta = { name: alert.name, fingerprint: alert.fingerprint, groupKey: alert.groupKey, status: alert.status, startsAt: alert.startsAt, source: "input 'alert'" };
    }
    else if (s?.alert && drill) {
        const a = s.alert;
        alertMeta = { name: a.name ?? '', fingerprint: a.fingerprint ?? '', groupKey: a.groupKey ?? '', status: a.status ?? '', startsAt: a.startsAt, source: drill.record };
    }
    const rtoObjective = s?.objectives?.rtoSeconds ?? null;
    const rpoObjective = s?.objectives?.rpoSeconds ?? null;
    return {
        run: {
            repository: context.repository ?? null,
            commit,
            workflowRunId: context.runId ?? null,
            workflowRunAttempt: context.runAttempt ?? null,
            runUrl: context.runUrl ?? null,
            actor: context.actor ?? null,
            event: context.event ?? null,
        },
        alert: alertMeta,
        cost: cost
            ? {
                decision: cost.record.decision,
                mode: cost.record.mode,
                target: cost.record.target,
                currency: cost.record.currency,
                createdAt: cost.record.createdAt,
                reasons: cost.record.reasons,
                record: cost.path,
            }
            : s?.decision && drill
                ? { decision: s.decision, mode: null, target: null, currency: null, createdAt: null, reasons: [], record: drill.record }
                : null,
        drill: s && drill
            ? {
                runId: s.runId,
                mode: s.mode,
                status: s.status,
                plan: s.plan ? { name: s.plan.name, path: s.plan.path, sha256: s.plan.sha256 } : null,
                lastPhase: s.lastPhase,
                incidentStart: s.incidentStart,
                startedAt: s.startedAt,
                endedAt: s.endedAt,
                phases: s.phases.map((p) => ({ phase: p.phase, status: p.status, skipReason: p.skipReason, startedAt: p.startedAt, endedAt: p.endedAt, durationSeconds: p.durationSeconds })),
                record: drill.record,
            }
            : null,
        objectives: {
            rtoSeconds: s?.rtoSeconds ?? null,
            rpoSeconds: s?.rpoSeconds ?? null,
            rtoObjectiveSeconds: rtoObjective,
            rpoObjectiveSeconds: rpoObjective,
            rtoMet: met(s?.rtoSeconds ?? null, rtoObjective, s?.rtoMet ?? null),
            rpoMet: met(s?.rpoSeconds ?? null, rpoObjective, s?.rpoMet ?? null),
        },
        runs: drills.map((d) => ({ runId: d.summary.runId, status: d.summary.status, startedAt: d.summary.startedAt, record: d.record })),
    };
}
/**
 * Redacts every string of a JSON value with the built-in rules and `extra`.
 * The manifest's metadata is copied from records and payloads, so it gets
 * the same rules as the files.
 */
function redactDeep(value, extra) {
    if (typeof value === 'string')
        return (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(value, extra).text;
    if (Array.isArray(value))
        return value.map((v) => redactDeep(v, extra));
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = redactDeep(v, extra);
        return out;
    }
    return value;
}
/** What verification needs from a manifest; anything else in it is informational. */
const manifestForVerifySchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(MANIFEST_SCHEMA),
    files: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ path: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._minLength */ .m9(1)), size: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(0)), sha256: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._regex */ .Fk(/^[0-9a-f]{64}$/)) })),
});


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


/***/ })

};
