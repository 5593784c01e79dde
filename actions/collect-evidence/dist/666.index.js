export const id = 666;
export const ids = [666];
export const modules = {

/***/ 57666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loopOutcome: () => (/* binding */ loopOutcome)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


async function json(path) {
    try {
        const v = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
        return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
    }
    catch {
        return null;
    }
}
const text = (v) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
/**
 * The loop's outcome as the evidence folder tells it, after the state of
 * every job was merged: the run summary's status and figures (`failed` when
 * any phase failed, whichever job's summary came last); `duplicate` or
 * `refused` when the claim ended the run; `not-run` when nothing ran.
 */
async function loopOutcome(evidenceRoot) {
    const claim = await json((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(evidenceRoot, 'loop', 'claim.json'));
    const claimedRun = claim && typeof claim.run === 'object' && claim.run ? text(claim.run.runId) : '';
    if (claim?.outcome === 'duplicate')
        return { status: 'duplicate', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
    if (claim?.outcome === 'busy')
        return { status: 'refused', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
    const runs = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(evidenceRoot, 'runs')).catch(() => [])).sort();
    const summaries = (await Promise.all(runs.map(async (r) => ({ r, s: await json((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(evidenceRoot, 'runs', r, 'drill.summary.json')) })))).filter((x) => x.s !== null);
    const pick = summaries.find((x) => x.r === claimedRun) ?? summaries[summaries.length - 1];
    if (!pick)
        return { status: 'not-run', 'run-id': claimedRun, 'rto-seconds': '', 'rpo-seconds': '' };
    // The summary is the last job's: a teardown job that ran cleanly after a
    // failed restore says succeeded for its own window, the loop did not.
    const phases = Array.isArray(pick.s.phases) ? pick.s.phases : [];
    const failedPhase = phases.find((p) => p.status === 'failed');
    const status = failedPhase && pick.s.status === 'succeeded' ? 'failed' : text(pick.s.status) || 'not-run';
    return { status, 'run-id': pick.r, 'rto-seconds': text(pick.s.rtoSeconds), 'rpo-seconds': text(pick.s.rpoSeconds) };
}


/***/ })

};
