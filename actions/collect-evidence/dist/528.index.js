export const id = 528;
export const ids = [528];
export const modules = {

/***/ 71528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  incidentOf: () => (/* binding */ incidentOf),
  planKeyOf: () => (/* binding */ planKeyOf)
});

// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(56495);
;// CONCATENATED MODULE: ./src/alerts/incident.ts

/**
 * The run id of an incident (`alert-<16 hex>`): every job and every repeated
 * dispatch of one incident keeps its receipts under it, and the next incident
 * of the same group gets another. From the group key and the incident's
 * start, as `AlertContext.startsAt` gives it. Apart from the alert parser so
 * that the executor can name its run without loading the parser at start.
 */
function incidentRunId(groupKey, startsAt) {
    return `alert-${(0,hash/* sha256 */.s)(`${groupKey}\n${startsAt}`).slice(0, 16)}`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/loop/incident.ts



/**
 * The incident an alert belongs to. Derived here from the group key and
 * start, whatever incident id a payload may carry, so a relay of another
 * version cannot split or merge incidents. A resolved group or one without a
 * firing alert is no incident.
 */
function incidentOf(alert) {
    if (alert.status !== 'firing')
        throw new errors/* ConfigurationError */.j1(`alert group ${JSON.stringify(alert.groupKey)} is ${alert.status}: a resolved group starts no DR execution`);
    if (!alert.startsAt)
        throw new errors/* ConfigurationError */.j1(`alert group ${JSON.stringify(alert.groupKey)} has no firing alert with a startsAt: it names no incident`);
    return { id: incidentRunId(alert.groupKey, alert.startsAt), groupKey: alert.groupKey, startsAt: alert.startsAt };
}
/** A short, ref-safe key for a plan path, so two plans run from one workflow keep apart. */
function planKeyOf(planPath) {
    const normal = planPath.replace(/\\/g, '/').replace(/^\.\//, '');
    return `plan-${(0,hash/* sha256 */.s)(normal).slice(0, 12)}`;
}


/***/ })

};
