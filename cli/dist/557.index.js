export const id = 557;
export const ids = [557];
export const modules = {

/***/ 4237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decideCommand: () => (/* binding */ decideCommand)
/* harmony export */ });
/* harmony import */ var _src_cost_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(310);
/* harmony import */ var _src_cost_money_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(369);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8422);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);




const USAGE = `usage: drloop decide --policy FILE [--artefacts GLOB ...] [--mode dr|burst|drill]
                     [--targets NAME,...] [--evidence-dir DIR] [--fail-on block|warn|never]
                     [--notify-webhook URL] [--notify-on block|warn] [--json]
Exit status: 0 below --fail-on, 1 when the decision reaches it, 2 on bad input.`;
const decideCommand = {
    name: 'decide',
    summary: 'decide allow / warn / block from cost artefacts and a budget policy',
    usage: USAGE,
    async run(ctx) {
        const { raw } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(ctx.argv, {
            policy: { type: 'string' },
            artefacts: { type: 'string', multiple: true },
            mode: { type: 'string' },
            targets: { type: 'string', multiple: true },
            'evidence-dir': { type: 'string' },
            'fail-on': { type: 'string' },
            'notify-webhook': { type: 'string' },
            'notify-on': { type: 'string' },
            json: { type: 'boolean' },
        }, USAGE);
        const json = raw.json === 'true';
        delete raw.json;
        if (!raw['notify-webhook'] && ctx.env.DRLOOP_NOTIFY_WEBHOOK)
            raw['notify-webhook'] = ctx.env.DRLOOP_NOTIFY_WEBHOOK;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInputs */ .TL)(_src_cost_run_js__WEBPACK_IMPORTED_MODULE_0__/* .costDecisionInputs */ .pV, raw);
        const logger = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .stderrLogger */ .D7)(ctx.stderr);
        const result = await (0,_src_cost_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCostDecision */ .L1)(inputs, { workspace: ctx.cwd, logger, now: () => new Date() });
        const outputs = (0,_src_cost_run_js__WEBPACK_IMPORTED_MODULE_0__/* .costDecisionOutputs */ .OQ)(result);
        if (json) {
            ctx.stdout.write(`${JSON.stringify({ ...outputs, reasons: result.decision.reasons }, null, 2)}\n`);
        }
        else {
            const d = result.decision;
            const lines = [`decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target}`, ''];
            const rows = d.targets.map((t) => [
                t.name === d.target ? `* ${t.name}` : `  ${t.name}`,
                t.decision,
                (0,_src_cost_money_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMoney */ .up)(t.netCost, d.currency),
                (0,_src_cost_money_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMoney */ .up)(t.projectedSpend, d.currency),
                (0,_src_cost_money_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(t.budgetRatio),
            ]);
            const header = ['  target', 'decision', 'net cost', 'projected spend', 'of budget'];
            const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
            for (const r of [header, ...rows])
                lines.push(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
            lines.push('', ...d.reasons.map((r) => `- ${r}`), '', `record: ${result.recordPath}`);
            ctx.stdout.write(`${lines.join('\n')}\n`);
        }
        return result.failed ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed : _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok;
    },
};


/***/ }),

/***/ 4377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2716);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
