export const id = 262;
export const ids = [262];
export const modules = {

/***/ 88262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   incidentOf: () => (/* binding */ incidentOf),
/* harmony export */   planKeyOf: () => (/* binding */ planKeyOf)
/* harmony export */ });
/* harmony import */ var _alerts_incident_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56495);



/**
 * The incident an alert belongs to. Derived here from the group key and
 * start, whatever incident id a payload may carry, so a relay of another
 * version cannot split or merge incidents. A resolved group or one without a
 * firing alert is no incident.
 */
function incidentOf(alert) {
    if (alert.status !== 'firing')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`alert group ${JSON.stringify(alert.groupKey)} is ${alert.status}: a resolved group starts no DR execution`);
    if (!alert.startsAt)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`alert group ${JSON.stringify(alert.groupKey)} has no firing alert with a startsAt: it names no incident`);
    return { id: (0,_alerts_incident_js__WEBPACK_IMPORTED_MODULE_0__/* .incidentRunId */ .D)(alert.groupKey, alert.startsAt), groupKey: alert.groupKey, startsAt: alert.startsAt };
}
/** A short, ref-safe key for a plan path, so two plans run from one workflow keep apart. */
function planKeyOf(planPath) {
    const normal = planPath.replace(/\\/g, '/').replace(/^\.\//, '');
    return `plan-${(0,_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .s)(normal).slice(0, 12)}`;
}


/***/ })

};
