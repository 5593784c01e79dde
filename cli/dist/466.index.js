export const id = 466;
export const ids = [466];
export const modules = {

/***/ 369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ roundMoney),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   up: () => (/* binding */ formatMoney),
/* harmony export */   vj: () => (/* binding */ amount),
/* harmony export */   x4: () => (/* binding */ HOURS_PER_MONTH),
/* harmony export */   xg: () => (/* binding */ costValue)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);

/** Hours in a month, as cloud price lists (and Infracost) count them. */
const HOURS_PER_MONTH = 730;
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
/**
 * A cost as Infracost writes it: a decimal string, or null for "unknown".
 * Numbers are accepted too. NaN, Infinity, empty strings and negative values
 * are errors, never silently read as 0.
 */
const costValue = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((value, ctx) => {
    const ok = typeof value === 'number' ? Number.isFinite(value) : DECIMAL.test(value.trim());
    const n = typeof value === 'number' ? value : Number(value);
    if (!ok || !Number.isFinite(n)) {
        ctx.issues.push({ code: 'custom', message: `expected a cost (a non-negative decimal), got ${JSON.stringify(value)}`, input: ctx.value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    if (n < 0) {
        ctx.issues.push({ code: 'custom', message: `expected a non-negative cost, got ${JSON.stringify(value)}`, input: ctx.value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return n;
}));
/** A non-negative amount of money written as a plain YAML/JSON number. */
const amount = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: (i) => (i.input === undefined ? 'required' : `expected a number, got ${JSON.stringify(i.input)}`) }).check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._gte */ .qm(0, 'expected a non-negative amount'));
/** Rounds money for output: cents are what budgets are kept in. */
function roundMoney(n) {
    return Math.round(n * 100) / 100;
}
/**
 * `1,234.50 USD`. Formatted by hand: the first `toLocaleString` call loads
 * ICU number data, which costs tens of milliseconds at every action start.
 */
function formatMoney(n, currency) {
    if (n === null)
        return 'unknown';
    // Callers refuse non-finite figures; this only keeps a slip from printing `Infinity.undefined`.
    if (!Number.isFinite(n))
        return `${n} ${currency}`;
    const [int, frac] = Math.abs(n).toFixed(2).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${n < 0 && Number(int + frac) !== 0 ? '-' : ''}${grouped}.${frac} ${currency}`;
}
function formatPercent(ratio) {
    if (ratio === null)
        return 'unknown';
    return `${(ratio * 100).toFixed(1)}%`;
}


/***/ }),

/***/ 4375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy),
/* harmony export */   tb: () => (/* binding */ loadPolicy)
/* harmony export */ });
/* unused harmony export policyFileSchema */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3305);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9148);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2619);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6495);
/* harmony import */ var _money_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(369);







const MODES = ['dr', 'burst', 'drill'];
const ratio = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig({ error: (i) => `expected a ratio such as 0.8, got ${JSON.stringify(i.input)}` }).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected a ratio above 0'));
const targetName = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._regex */ .Fk(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a target name of letters, digits, ".", "_" or "-"'));
const targetSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    name: targetName,
    credits: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj, 0),
    artefacts: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1))),
});
const budgetSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ monthly: _money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj.check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected a monthly budget above 0')), spent: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj, 0) });
const thresholdsSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ warn: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(ratio, 0.8), block: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(ratio, 1.0) });
const incidentSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ 'expected-hours': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected hours above 0')), 72) });
const missingSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['block', 'warn']);
/** The keys that `modes.<mode>` may override, each optional and partial. */
const overrideSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    budget: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(budgetSchema)),
    thresholds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(thresholdsSchema)),
    incident: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(incidentSchema)),
    'max-age': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK),
    missing: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(missingSchema),
    targets: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(targetSchema).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1))),
});
const baseShape = {
    budget: budgetSchema,
    thresholds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(thresholdsSchema, { warn: 0.8, block: 1.0 }),
    incident: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(incidentSchema, { 'expected-hours': 72 }),
    'max-age': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK, 7 * 86400),
    missing: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(missingSchema, 'block'),
    targets: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(targetSchema).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1, 'expected at least one target')),
};
function checkEffective(p, ctx) {
    if (p.thresholds.warn > p.thresholds.block) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', 'warn'], message: `must not exceed thresholds.block (${p.thresholds.block})` });
    }
    const seen = new Set();
    p.targets.forEach((t, i) => {
        if (seen.has(t.name))
            ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `duplicate target '${t.name}'` });
        seen.add(t.name);
    });
}
/** The policy file as written: the public format, every key checked, unknown keys refused. */
const policyFileSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    version: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(1, { error: (i) => `expected 1, got ${JSON.stringify(i.input)}` }),
    currency: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._regex */ .Fk(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code such as USD')), 'USD'),
    ...baseShape,
    modes: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partialRecord */ .jgl(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(MODES), overrideSchema)),
    /** Read by `drloop history --check`, not by the cost gate: how old the newest successful drill may be. */
    freshness: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ drill: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK })),
})
    .check(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .superRefine */ .zni(checkEffective));
const effectiveSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ currency: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), ...baseShape }).check(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .superRefine */ .zni(checkEffective));
async function loadPolicy(absPath, displayPath) {
    const text = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readText */ .yR)(absPath, 'policy', displayPath);
    const raw = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYamlText */ .c)(text, displayPath);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: expected a mapping with 'version', 'budget' and 'targets'`);
    }
    const file = (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .validateWith */ .xJ)(policyFileSchema, raw, displayPath);
    return { path: displayPath, sha256: (0,_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)(text), file, raw: raw };
}
function mergeRaw(base, over) {
    if (over === undefined)
        return base;
    if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
        const out = { ...base };
        for (const [k, v] of Object.entries(over))
            out[k] = mergeRaw(out[k], v);
        return out;
    }
    return over;
}
/**
 * Resolves the policy for one mode. Overrides merge key by key (a mode may
 * change only `thresholds.warn`); `targets` is replaced whole. The result is
 * validated again, so an override cannot make warn exceed block unnoticed.
 */
function resolvePolicy(policy, mode) {
    const { modes, version: _v, freshness: _f, ...base } = policy.raw;
    const merged = { ...mergeRaw(base, modes?.[mode]), currency: policy.file.currency };
    const where = modes?.[mode] ? `${policy.path} (with modes.${mode} applied)` : policy.path;
    return { ...(0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .validateWith */ .xJ)(effectiveSchema, merged, where), mode };
}


/***/ }),

/***/ 2591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   PH: () => (/* binding */ notificationText)
/* harmony export */ });
/* unused harmony export decisionMarkdown */
/* harmony import */ var _money_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(369);


const ICON = { allow: '✅', warn: '⚠️', block: '⛔' };
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** The job summary: the decision as a heading, a table of targets, the reasons. */
function decisionMarkdown(d, recordPath, runUrl) {
    const lines = [];
    lines.push(`## ${ICON[d.decision]} Cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target}`);
    lines.push('');
    const b = d.policy.budget;
    lines.push(`Budget ${formatMoney(b.monthly, d.currency)} a month, ${formatMoney(b.spent, d.currency)} spent; ` +
        `warn at ${formatPercent(d.policy.thresholds.warn)}, block at ${formatPercent(d.policy.thresholds.block)}; ` +
        `an incident is priced at ${d.policy.expectedHours}h.`);
    lines.push('');
    lines.push('| | Target | Decision | Hourly | Incident | Credits | Net | Projected spend | Of budget | Data |');
    lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|---|');
    for (const t of d.targets) {
        const data = [t.hourlyCost === null ? 'missing' : null, t.stale ? 'stale' : null, t.incomplete && t.hourlyCost !== null ? 'incomplete' : null].filter(Boolean).join(', ');
        lines.push(`| ${t.name === d.target ? '👉' : ''} | ${cell(t.name)} | ${ICON[t.decision]} ${t.decision} | ${t.hourlyCost === null ? 'unknown' : formatMoney(t.hourlyCost, d.currency)} | ` +
            `${formatMoney(t.incidentCost, d.currency)} | ${formatMoney(t.credits, d.currency)} | ${formatMoney(t.netCost, d.currency)} | ` +
            `${formatMoney(t.projectedSpend, d.currency)} | ${formatPercent(t.budgetRatio)} | ${data || 'ok'} |`);
    }
    lines.push('');
    lines.push('### Reasons');
    for (const r of d.reasons)
        lines.push(`- ${r}`);
    const notUsed = d.artefacts.filter((a) => a.use !== 'used');
    lines.push('');
    lines.push(`<details><summary>Artefacts: ${d.artefacts.length - notUsed.length} used, ${notUsed.length} not used</summary>`);
    lines.push('');
    lines.push('| Artefact | Format | Target | Hourly | Generated | Use |');
    lines.push('|---|---|---|---:|---|---|');
    for (const a of d.artefacts) {
        lines.push(`| \`${cell(a.path)}\` | ${a.format} | ${a.target ?? '—'} | ${formatMoney(a.hourly, a.currency)} | ${a.generatedAt ?? '—'} | ${a.use}${a.note ? `: ${cell(a.note)}` : ''} |`);
    }
    lines.push('');
    lines.push('</details>');
    if (recordPath) {
        lines.push('');
        lines.push(`Decision record: \`${recordPath}\``);
    }
    lines.push(...runLinkLines(runUrl));
    return `${lines.join('\n')}\n`;
}
/** The short message a Slack- or Teams-compatible incoming webhook receives. */
function notificationText(d, context) {
    const where = context.repository ? ` in ${context.repository}` : '';
    const chosen = d.targets.find((t) => t.name === d.target);
    const head = `${ICON[d.decision]} drloop cost gate: ${d.decision.toUpperCase()} for ${d.mode} on ${d.target}${where}`;
    const figures = chosen ? `net ${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMoney */ .up)(chosen.netCost, d.currency)}, projected ${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMoney */ .up)(chosen.projectedSpend, d.currency)} (${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(chosen.budgetRatio)} of budget)` : '';
    const why = d.reasons
        .slice(0, 3)
        .map((r) => `• ${r}`)
        .join('\n');
    return [head, figures, why, context.runUrl ?? ''].filter((l) => l !== '').join('\n');
}


/***/ }),

/***/ 1466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pV: () => (/* binding */ costDecisionInputs),
  OQ: () => (/* binding */ costDecisionOutputs),
  L1: () => (/* binding */ runCostDecision)
});

// UNUSED EXPORTS: COST_DECISION_RECORD_SCHEMA, DEFAULT_ARTEFACTS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/workspace.ts
var src_workspace = __webpack_require__(3338);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/iso.js
var iso = __webpack_require__(3102);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
// EXTERNAL MODULE: ./src/hash.ts
var src_hash = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/cost/money.ts
var money = __webpack_require__(369);
;// CONCATENATED MODULE: ./src/cost/artefacts.ts





const COST_RUN_SCHEMA = 'drloop.cost-run/v1';
const COST_KINDS = ['dr', 'burst', 'baseline'];
const currency = schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code such as USD'));
const timestamp = iso/* datetime */.w$({ offset: true, message: 'expected an RFC3339 timestamp such as 2026-11-01T12:00:00Z' });
/**
 * drloop's own cost artefact, as CI pipelines emit it under
 * `docs/proof/cost/<component>/cost-run-<run_id>.json`. Unknown keys are kept
 * (pipelines add their own), but every key drloop reads is checked.
 */
const costRunSchema = schemas/* looseObject */._H3({
    schema: schemas/* literal */.euz(COST_RUN_SCHEMA),
    component: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    target: schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _minLength */.m9(1))),
    kind: schemas/* enum */.k5n(COST_KINDS),
    currency,
    hourly: schemas/* optional */.lqM(money/* costValue */.xg),
    monthly: schemas/* optional */.lqM(money/* costValue */.xg),
    generatedAt: timestamp,
    runId: schemas/* optional */.lqM(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])),
    lines: schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* looseObject */._H3({ resource: schemas/* string */.YjP(), hourly: schemas/* nullish */.cl6(money/* costValue */.xg), monthly: schemas/* nullish */.cl6(money/* costValue */.xg) }))),
})
    .check(schemas/* refine */.YPB((v) => v.hourly !== undefined || v.monthly !== undefined, { message: "needs 'hourly' or 'monthly'", path: ['hourly'] }));
const infracostResource = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP(),
    hourlyCost: schemas/* nullish */.cl6(money/* costValue */.xg),
    monthlyCost: schemas/* nullish */.cl6(money/* costValue */.xg),
});
const infracostBreakdown = schemas/* looseObject */._H3({
    resources: schemas/* nullish */.cl6(schemas/* array */.YOg(infracostResource)),
    totalHourlyCost: schemas/* nullish */.cl6(money/* costValue */.xg),
    totalMonthlyCost: schemas/* nullish */.cl6(money/* costValue */.xg),
});
const infracostSummary = schemas/* nullish */.cl6(schemas/* looseObject */._H3({
    totalUnsupportedResources: schemas/* nullish */.cl6(schemas/* number */.aig()),
    totalNoPriceResources: schemas/* nullish */.cl6(schemas/* number */.aig()),
}));
/** The parts of Infracost's JSON output (format version 0.2) that a cost decision needs. */
const infracostSchema = schemas/* looseObject */._H3({
    version: schemas/* string */.YjP(),
    currency: schemas/* optional */.lqM(currency),
    timeGenerated: schemas/* optional */.lqM(timestamp),
    projects: schemas/* array */.YOg(schemas/* looseObject */._H3({
        name: schemas/* optional */.lqM(schemas/* string */.YjP()),
        metadata: schemas/* nullish */.cl6(schemas/* looseObject */._H3({ errors: schemas/* nullish */.cl6(schemas/* array */.YOg(schemas/* looseObject */._H3({ message: schemas/* optional */.lqM(schemas/* string */.YjP()) }))) })),
        breakdown: schemas/* nullish */.cl6(infracostBreakdown),
        summary: infracostSummary,
    })),
    summary: infracostSummary,
});
function infracostToArtefact(path, hash, data) {
    if (!/^0\.2(\.|$)/.test(data.version)) {
        throw new errors/* ConfigurationError */.j1(`${path}: Infracost output version ${data.version} is not supported (drloop reads version 0.2)`);
    }
    let hourly = 0;
    let resources = 0;
    let unknownResources = 0;
    const incomplete = [];
    data.projects.forEach((project, i) => {
        const name = project.name ?? `projects[${i}]`;
        const errors = project.metadata?.errors ?? [];
        if (errors.length > 0) {
            const first = (errors[0]?.message ?? 'unknown error').split('\n')[0].slice(0, 160);
            incomplete.push(`project '${name}' has ${errors.length} error(s): ${first}`);
        }
        const b = project.breakdown;
        const list = b?.resources ?? [];
        resources += list.length;
        let knownSum = 0;
        let unknownHere = 0;
        for (const r of list) {
            const h = r.hourlyCost ?? (r.monthlyCost != null ? r.monthlyCost / money/* HOURS_PER_MONTH */.x4 : null);
            if (h === null)
                unknownHere += 1;
            else
                knownSum += h;
        }
        unknownResources += unknownHere;
        const total = b?.totalHourlyCost ?? (b?.totalMonthlyCost != null ? b.totalMonthlyCost / money/* HOURS_PER_MONTH */.x4 : null);
        if (total === null && list.length > 0)
            incomplete.push(`project '${name}' has no total cost`);
        const key = total !== null ? `projects[${i}].breakdown.${b?.totalHourlyCost != null ? 'totalHourlyCost' : 'totalMonthlyCost'}` : `projects[${i}].breakdown.resources`;
        hourly = finiteSum(path, key, hourly + (total ?? finiteSum(path, key, knownSum)));
    });
    if (unknownResources > 0)
        incomplete.push(`${unknownResources} resource(s) with unknown cost (null)`);
    const unsupported = data.summary?.totalUnsupportedResources ?? 0;
    if (unsupported > 0)
        incomplete.push(`${unsupported} unsupported resource(s)`);
    const noPrice = data.summary?.totalNoPriceResources ?? 0;
    if (noPrice > 0)
        incomplete.push(`${noPrice} resource(s) with no price`);
    return {
        path,
        sha256: hash,
        format: 'infracost',
        declaredTarget: undefined,
        component: path,
        kind: undefined,
        currency: data.currency ?? 'USD',
        hourly,
        incomplete,
        generatedAt: data.timeGenerated,
        runId: undefined,
        resources,
    };
}
/**
 * Every cost is finite on its own, but a sum of them can overflow to
 * Infinity, which no decision can be made from (and no report can print).
 */
function finiteSum(path, key, n) {
    if (!Number.isFinite(n))
        throw new errors/* ConfigurationError */.j1(`${path}: key '${key}': the costs add up to more than drloop can represent (${n}); expected real hourly or monthly costs`);
    return n;
}
function costRunToArtefact(path, hash, data) {
    const hourly = data.hourly ?? data.monthly / money/* HOURS_PER_MONTH */.x4;
    const incomplete = [];
    const unknownLines = (data.lines ?? []).filter((l) => l.hourly == null && l.monthly == null).length;
    if (unknownLines > 0)
        incomplete.push(`${unknownLines} line(s) with unknown cost (null)`);
    return {
        path,
        sha256: hash,
        format: 'drloop',
        declaredTarget: data.target,
        component: data.component,
        kind: data.kind,
        currency: data.currency,
        hourly,
        incomplete,
        generatedAt: data.generatedAt,
        runId: data.runId === undefined ? undefined : String(data.runId),
        resources: data.lines?.length ?? 0,
    };
}
/**
 * Reads one artefact from its bytes, detecting its format: drloop's own
 * (`schema: drloop.cost-run/v1`) or Infracost JSON (`version` + `projects`).
 * Anything else, or a malformed value, is a ConfigurationError naming the file
 * and the key.
 */
function parseArtefact(path, bytes) {
    const hash = (0,src_hash/* sha256 */.s)(bytes);
    const data = (0,files/* parseJsonText */.lk)(bytes.toString('utf8'), path);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* ConfigurationError */.j1(`${path}: expected a JSON object (a drloop cost-run or Infracost output)`);
    }
    const obj = data;
    if ('schema' in obj) {
        if (obj.schema !== COST_RUN_SCHEMA) {
            throw new errors/* ConfigurationError */.j1(`${path}: key 'schema': expected '${COST_RUN_SCHEMA}', got ${JSON.stringify(obj.schema)}`);
        }
        return costRunToArtefact(path, hash, (0,files/* validateWith */.xJ)(costRunSchema, obj, path));
    }
    if ('projects' in obj && 'version' in obj) {
        return infracostToArtefact(path, hash, (0,files/* validateWith */.xJ)(infracostSchema, obj, path));
    }
    throw new errors/* ConfigurationError */.j1(`${path}: not a cost artefact: expected a drloop cost-run ('schema': '${COST_RUN_SCHEMA}') or Infracost JSON output ('version' and 'projects')`);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/cost/decide.ts




const DECISIONS = (/* unused pure expression or super */ null && (['allow', 'warn', 'block']));
const RANK = { allow: 0, warn: 1, block: 2 };
/** Which artefact kind prices a mode: a drill rehearses the DR environment. */
const KIND_FOR_MODE = { dr: 'dr', drill: 'dr', burst: 'burst' };
/** The start of the note on an artefact dated in the future. */
const FUTURE_NOTE = 'dated in the future';
/**
 * How far ahead of the clock an artefact's timestamp may be (clock skew
 * between CI runners). Past it, the artefact is ignored: it would never turn
 * stale and would win "newest" over every real one.
 */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** A sum or product of costs that overflowed: refused, naming what was added up. */
function finite(n, what) {
    if (!Number.isFinite(n))
        throw new errors/* ConfigurationError */.j1(`${what()}: the result is more than drloop can represent (${n}); check the artefacts' costs and the policy's figures`);
    return n;
}
function worst(a, b) {
    return RANK[a] >= RANK[b] ? a : b;
}
/** Whether a decision reaches the `fail-on` level. */
function reaches(decision, failOn) {
    return failOn !== 'never' && RANK[decision] >= RANK[failOn];
}
function assignTarget(a, policy) {
    if (a.declaredTarget !== undefined) {
        const known = policy.targets.some((t) => t.name === a.declaredTarget);
        return known ? { target: a.declaredTarget, note: null } : { target: null, note: `target '${a.declaredTarget}' is not in the policy` };
    }
    for (const t of policy.targets) {
        if (t.artefacts && picomatch_default()(t.artefacts, { dot: true })(a.path))
            return { target: t.name, note: null };
    }
    return { target: null, note: "names no target and matches no target's artefacts glob in the policy" };
}
/**
 * Decides allow / warn / block for every candidate target and picks one.
 * Pure: the same policy, artefacts, mode and clock always give the same result.
 *
 * Per target: incident = hourly × expected-hours; net = max(0, incident −
 * credits); projected = spent + net; ratio = projected / monthly budget.
 * Block at ratio ≥ block; warn at ratio ≥ warn, or on stale, incomplete data,
 * or a target with no artefacts under `missing: warn`.
 */
function decide(policy, artefacts, options) {
    const { currency } = policy;
    for (const a of artefacts) {
        if (a.currency !== currency) {
            throw new errors/* ConfigurationError */.j1(`${a.path}: currency ${a.currency} does not match the policy's ${currency} (drloop does not convert currencies)`);
        }
    }
    const candidates = options.candidates && options.candidates.length > 0 ? options.candidates : policy.targets.map((t) => t.name);
    const unknown = candidates.filter((c) => !policy.targets.some((t) => t.name === c));
    if (unknown.length > 0) {
        throw new errors/* ConfigurationError */.j1(`input 'targets': ${unknown.map((u) => `'${u}'`).join(', ')} not in the policy (policy targets: ${policy.targets.map((t) => t.name).join(', ')})`);
    }
    const wantedKind = KIND_FOR_MODE[policy.mode];
    const now = options.now.getTime();
    const assessed = artefacts.map((a) => {
        const { target, note } = assignTarget(a, policy);
        const aheadSeconds = a.generatedAt ? (Date.parse(a.generatedAt) - now) / 1000 : 0;
        const ageSeconds = a.generatedAt ? Math.max(0, -aheadSeconds) : null;
        let use = target ? 'used' : 'ignored';
        let why = note;
        if (use === 'used' && a.kind !== undefined && a.kind !== wantedKind) {
            use = 'ignored';
            why = `kind '${a.kind}' does not price mode '${policy.mode}' (needs '${wantedKind}')`;
        }
        if (target && aheadSeconds > MAX_CLOCK_SKEW_SECONDS) {
            use = 'ignored';
            why = `${FUTURE_NOTE}: generatedAt ${a.generatedAt} is ${(0,duration/* formatDuration */.a3)(Math.round(aheadSeconds))} ahead of the clock (${options.now.toISOString()}), more than the ${(0,duration/* formatDuration */.a3)(MAX_CLOCK_SKEW_SECONDS)} of clock skew allowed`;
        }
        return {
            path: a.path,
            sha256: a.sha256,
            format: a.format,
            component: a.component,
            kind: a.kind ?? null,
            target,
            hourly: a.hourly,
            currency: a.currency,
            generatedAt: a.generatedAt ?? null,
            ageSeconds,
            stale: ageSeconds === null || ageSeconds > policy['max-age'],
            incomplete: a.incomplete,
            use,
            note: why,
        };
    });
    // The newest artefact of a component replaces older ones: CI emits one per run.
    const newest = new Map();
    for (const a of assessed) {
        if (a.use !== 'used')
            continue;
        const key = `${a.target}\u0000${a.component}`;
        const prev = newest.get(key);
        const newer = (x, y) => Date.parse(x.generatedAt ?? '') > Date.parse(y.generatedAt ?? '');
        if (!prev)
            newest.set(key, a);
        else if (newer(a, prev) || (!newer(prev, a) && a.path > prev.path)) {
            prev.use = 'superseded';
            prev.note = `replaced by newer ${a.path}`;
            newest.set(key, a);
        }
        else {
            a.use = 'superseded';
            a.note = `replaced by newer ${prev.path}`;
        }
    }
    const { monthly, spent } = policy.budget;
    const { warn, block } = policy.thresholds;
    const hours = policy.incident['expected-hours'];
    const targets = policy.targets
        .filter((t) => candidates.includes(t.name))
        .map((t) => {
        const used = assessed.filter((a) => a.use === 'used' && a.target === t.name);
        const future = assessed.filter((a) => a.target === t.name && a.note?.startsWith(FUTURE_NOTE));
        const reasons = [];
        let decision = 'allow';
        // A timestamp from the future is a broken clock or a doctored file: it warns, never silently.
        if (future.length > 0)
            decision = 'warn';
        const futureReasons = future.map((a) => `${t.name}: ${a.path} ignored: ${a.note}`);
        if (used.length === 0) {
            decision = worst(decision, policy.missing);
            reasons.push(`${t.name}: no cost artefacts for mode '${policy.mode}' (policy missing: ${policy.missing})`, ...futureReasons);
            return {
                name: t.name,
                decision,
                hourlyCost: null,
                incidentCost: null,
                credits: t.credits,
                netCost: null,
                projectedSpend: null,
                budgetRatio: null,
                stale: false,
                incomplete: true,
                reasons,
                artefacts: [],
            };
        }
        const hourly = finite(used.reduce((s, a) => s + a.hourly, 0), () => `target '${t.name}': the hourly costs of ${used.map((a) => a.path).join(', ')} add up`);
        const incident = finite(hourly * hours, () => `target '${t.name}': ${hourly}/h × incident.expected-hours ${hours}`);
        const net = Math.max(0, incident - t.credits);
        const projected = finite(spent + net, () => `target '${t.name}': budget.spent ${spent} + net cost ${net}`);
        const r = projected / monthly;
        const credited = t.credits > 0 ? `, ${(0,money/* formatMoney */.up)(Math.min(t.credits, incident), currency)} covered by credits` : '';
        const budgetLine = `${t.name}: ${(0,money/* formatMoney */.up)(incident, currency)} for ${hours}h at ${(0,money/* formatMoney */.up)(hourly, currency)}/h${credited}; ` +
            `projected spend ${(0,money/* formatMoney */.up)(projected, currency)} is ${(0,money/* formatPercent */.l9)(r)} of the ${(0,money/* formatMoney */.up)(monthly, currency)} monthly budget`;
        if (r >= block) {
            decision = worst(decision, 'block');
            reasons.push(`${budgetLine} (block at ${(0,money/* formatPercent */.l9)(block)})`);
        }
        else if (r >= warn) {
            decision = worst(decision, 'warn');
            reasons.push(`${budgetLine} (warn at ${(0,money/* formatPercent */.l9)(warn)})`);
        }
        else {
            reasons.push(`${budgetLine} (warn at ${(0,money/* formatPercent */.l9)(warn)})`);
        }
        const stale = used.filter((a) => a.stale);
        for (const a of stale) {
            decision = worst(decision, 'warn');
            const age = a.ageSeconds === null ? 'has no timestamp' : `is ${(0,duration/* formatDuration */.a3)(a.ageSeconds)} old`;
            reasons.push(`${t.name}: ${a.path} ${age}, older than max-age ${(0,duration/* formatDuration */.a3)(policy['max-age'])} (stale)`);
        }
        const partial = used.filter((a) => a.incomplete.length > 0);
        for (const a of partial) {
            decision = worst(decision, 'warn');
            reasons.push(`${t.name}: ${a.path} is incomplete: ${a.incomplete.join('; ')}`);
        }
        reasons.push(...futureReasons);
        return {
            name: t.name,
            decision,
            hourlyCost: hourly,
            incidentCost: (0,money/* roundMoney */.By)(incident),
            credits: t.credits,
            netCost: (0,money/* roundMoney */.By)(net),
            projectedSpend: (0,money/* roundMoney */.By)(projected),
            budgetRatio: Math.round(r * 10000) / 10000,
            stale: stale.length > 0,
            incomplete: partial.length > 0,
            reasons,
            artefacts: used.map((a) => a.path),
        };
    });
    const order = policy.targets.map((t) => t.name);
    const ranked = [...targets].sort((a, b) => RANK[a.decision] - RANK[b.decision] || (a.netCost ?? Number.POSITIVE_INFINITY) - (b.netCost ?? Number.POSITIVE_INFINITY) || order.indexOf(a.name) - order.indexOf(b.name));
    const chosen = ranked[0];
    const reasons = [...chosen.reasons];
    const others = ranked.slice(1);
    if (others.length > 0) {
        reasons.push(`chose ${chosen.name} over ${others.map((o) => `${o.name} (${o.decision}, net ${(0,money/* formatMoney */.up)(o.netCost, currency)})`).join(', ')}`);
    }
    return {
        mode: policy.mode,
        decision: chosen.decision,
        target: chosen.name,
        currency,
        reasons,
        targets,
        artefacts: assessed,
        policy: { budget: { monthly, spent }, thresholds: { warn, block }, expectedHours: hours, maxAgeSeconds: policy['max-age'], missing: policy.missing },
    };
}

// EXTERNAL MODULE: ./src/cost/policy.ts
var cost_policy = __webpack_require__(4375);
// EXTERNAL MODULE: ./src/cost/report.ts
var report = __webpack_require__(2591);
;// CONCATENATED MODULE: ./src/cost/run.ts













const COST_DECISION_RECORD_SCHEMA = 'drloop.cost-decision/v1';
const DEFAULT_ARTEFACTS = 'docs/proof/cost/**/*.json';
/**
 * The inputs of `actions/cost-decision` and `drloop decide`, as strings in and
 * typed values out. action.yml declares exactly these names, with the same
 * defaults (a test holds the two together).
 */
const costDecisionInputs = schemas/* object */.Ikc({
    policy: schemas/* string */.YjP({ error: 'required: the path of the cost policy (YAML)' }),
    artefacts: schemas/* _default */.Rvf((0,inputs/* listInput */.dt)(), [DEFAULT_ARTEFACTS]),
    mode: (0,inputs/* enumInput */.gX)(cost_policy/* MODES */.FN, 'dr'),
    targets: (0,inputs/* listInput */.dt)(true),
    'evidence-dir': schemas/* _default */.Rvf(schemas/* string */.YjP(), context/* DEFAULT_EVIDENCE_DIR */.C$),
    'fail-on': (0,inputs/* enumInput */.gX)(['block', 'warn', 'never'], 'block'),
    'notify-webhook': (0,inputs/* textInput */._Z)(),
    'notify-on': (0,inputs/* enumInput */.gX)(['block', 'warn'], 'block'),
});
function fmt(n, digits) {
    return n === null ? '' : n.toFixed(digits);
}
function costDecisionOutputs(result) {
    const d = result.decision;
    const t = d.targets.find((x) => x.name === d.target);
    return {
        decision: d.decision,
        target: d.target,
        currency: d.currency,
        'incident-cost': fmt(t.incidentCost, 2),
        'net-cost': fmt(t.netCost, 2),
        'projected-spend': fmt(t.projectedSpend, 2),
        'budget-ratio': fmt(t.budgetRatio, 4),
        reasons: JSON.stringify(d.reasons),
        record: result.recordPath,
    };
}
function stamp(d) {
    return d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
/**
 * Reads the policy and artefacts, decides, and writes the decision record.
 * Every input problem is found before anything is written, so a bad input
 * leaves no record at all rather than half of one.
 */
async function runCostDecision(inputs, deps) {
    const { workspace, logger } = deps;
    const now = deps.now();
    const [policyMatch] = await (0,src_workspace/* expandGlobs */.GE)([inputs.policy], workspace, "input 'policy'");
    if (!policyMatch || policyMatch.files.length !== 1) {
        const n = policyMatch?.files.length ?? 0;
        throw new errors/* ConfigurationError */.j1(`input 'policy': '${inputs.policy}' ${n === 0 ? 'matches no file' : `matches ${n} files, expected one`}`);
    }
    const policyPath = policyMatch.files[0];
    const loaded = await (0,cost_policy/* loadPolicy */.tb)((0,external_node_path_.resolve)(workspace, policyPath), policyPath);
    const policy = (0,cost_policy/* resolvePolicy */.nZ)(loaded, inputs.mode);
    const matches = await (0,src_workspace/* expandGlobs */.GE)(inputs.artefacts, workspace, "input 'artefacts'");
    const empty = matches.filter((m) => m.files.length === 0);
    if (empty.length > 0) {
        throw new errors/* ConfigurationError */.j1(`input 'artefacts': no files match ${empty.map((m) => `'${m.pattern}'`).join(', ')}`);
    }
    const files = (0,src_workspace/* uniqueFiles */.zZ)(matches).filter((f) => f !== policyPath);
    const artefacts = [];
    const problems = [];
    for (const f of files) {
        try {
            artefacts.push(parseArtefact(f, await (0,promises_.readFile)((0,external_node_path_.resolve)(workspace, f))));
        }
        catch (err) {
            if (err instanceof errors/* ConfigurationError */.j1)
                problems.push(err.message);
            else
                throw err;
        }
    }
    if (problems.length > 0) {
        throw new errors/* ConfigurationError */.j1(problems.length === 1 ? problems[0] : `${problems.length} bad cost artefacts: ${problems.join('; ')}`, problems);
    }
    logger.info(`Read ${artefacts.length} cost artefact(s) and policy ${policyPath} (sha256 ${loaded.sha256.slice(0, 12)}), mode ${inputs.mode}`);
    const decision = decide(policy, artefacts, { now, candidates: inputs.targets });
    for (const a of decision.artefacts)
        if (a.use === 'ignored')
            logger.warning(`${a.path}: not used: ${a.note}`);
    const failed = reaches(decision.decision, inputs['fail-on']);
    const recordPath = (0,external_node_path_.join)(inputs['evidence-dir'], 'cost', `decision-${stamp(now)}-${inputs.mode}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}.json`);
    const record = {
        schema: COST_DECISION_RECORD_SCHEMA,
        createdAt: now.toISOString(),
        mode: decision.mode,
        decision: decision.decision,
        target: decision.target,
        currency: decision.currency,
        reasons: decision.reasons,
        failOn: inputs['fail-on'],
        failed,
        inputs: {
            policy: { path: policyPath, sha256: loaded.sha256 },
            artefactPatterns: inputs.artefacts,
            artefacts: decision.artefacts.map((a) => ({ path: a.path, sha256: a.sha256 })),
            targets: inputs.targets,
        },
        policySha256: loaded.sha256,
        policy: decision.policy,
        targets: decision.targets,
        artefacts: decision.artefacts,
        context: deps.context ?? {},
    };
    await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.resolve)(workspace, recordPath), record);
    let notified = false;
    const url = inputs['notify-webhook'];
    if (url && reaches(decision.decision, inputs['notify-on'])) {
        notified = await notify(url, decision, deps);
    }
    return { decision, recordPath, failed, notified };
}
async function notify(url, decision, deps) {
    const post = deps.postJson ?? defaultPostJson;
    const text = (0,report/* notificationText */.PH)(decision, deps.context ?? {});
    try {
        const res = await post(url, { text });
        if (!res.ok) {
            deps.logger.warning(`notify-webhook answered HTTP ${res.status}; the decision stands and is recorded`);
            return false;
        }
        return true;
    }
    catch (err) {
        deps.logger.warning(`notify-webhook failed (${(0,errors/* describeError */.Uc)(err)}); the decision stands and is recorded`);
        return false;
    }
}
async function defaultPostJson(url, body) {
    const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
    });
    return { ok: res.ok, status: res.status };
}


/***/ })

};
