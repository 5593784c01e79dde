export const id = 730;
export const ids = [730];
export const modules = {

/***/ 9730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeCommand: () => (/* binding */ executeCommand)
/* harmony export */ });
/* harmony import */ var _src_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_plan_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6139);
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


/***/ })

};
