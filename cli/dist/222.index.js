export const id = 222;
export const ids = [222];
export const modules = {

/***/ 3222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DISPATCH_SCHEMA: () => (/* binding */ DISPATCH_SCHEMA),
/* harmony export */   MAX_ALERT_FILE_BYTES: () => (/* binding */ MAX_ALERT_FILE_BYTES),
/* harmony export */   ZERO_TIME: () => (/* binding */ ZERO_TIME),
/* harmony export */   alertFromJson: () => (/* binding */ alertFromJson),
/* harmony export */   alertSchema: () => (/* binding */ alertSchema),
/* harmony export */   dedupeKeyOf: () => (/* binding */ dedupeKeyOf),
/* harmony export */   dispatchPayloadSchema: () => (/* binding */ dispatchPayloadSchema),
/* harmony export */   incidentIdOf: () => (/* binding */ incidentIdOf),
/* harmony export */   loadAlert: () => (/* binding */ loadAlert),
/* harmony export */   readAlertFile: () => (/* binding */ readAlertFile),
/* harmony export */   webhookSchema: () => (/* binding */ webhookSchema)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9148);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6495);
/* harmony import */ var _incident_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8805);








/** A firing alert's `endsAt` as Alertmanager sends it. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
const labels = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP());
const time = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .refine */ .YPB((s) => !Number.isNaN(Date.parse(s)), 'expected an RFC3339 timestamp'));
const alertSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    labels,
    annotations: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(labels, {}),
    startsAt: time,
    endsAt: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .optional */ .lqM(time),
    generatorURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()),
    fingerprint: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._minLength */ .m9(1)),
});
/** Alertmanager's webhook body, version 4 (the only version it has ever sent). */
const webhookSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    version: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz('4', { error: (i) => `unsupported Alertmanager webhook version ${JSON.stringify(i.input)} (expected "4")` }),
    groupKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    truncatedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0)), 0),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    receiver: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    alerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(alertSchema),
});
const DISPATCH_SCHEMA = 'drloop.alert/v1';
/**
 * Alertmanager's templated webhook `payload` (≥ 0.32) renders every value as
 * text, so a map or list may arrive as its JSON text (`{{ .Alerts | toJson }}`)
 * and a count as digits; both read as the value they spell.
 */
const fromJsonText = (v) => {
    if (typeof v !== 'string')
        return v;
    try {
        return JSON.parse(v);
    }
    catch {
        return v;
    }
};
const fromDigits = (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);
/**
 * The `client_payload` of a `dr-alert` repository_dispatch: one documented
 * shape, from `drloop relay` and from the Alertmanager ≥ 0.32 template alike.
 * Ten top-level keys at most (GitHub's limit), under 64 KB.
 */
const dispatchPayloadSchema = zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(DISPATCH_SCHEMA),
    groupKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['firing', 'resolved']),
    dedupeKey: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    commonLabels: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromJsonText), labels),
    truncatedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromDigits), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0))), 0),
    externalURL: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), ''),
    receiver: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), ''),
    alerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromJsonText), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(alertSchema)),
    /** Alerts left out to keep the payload under GitHub's size limit. */
    droppedAlerts: zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .transform */ .pdi(fromDigits), zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_8__/* ._gte */ .qm(0))), 0),
});
/**
 * The incident an alert group's notification belongs to: a digest (24 hex
 * characters) of the group key and the earliest `startsAt` of its firing
 * alerts (of all its alerts when none fires). An alert joining a firing group
 * keeps the incident; the group firing again after it resolved starts a new one.
 */
function incidentIdOf(groupKey, alerts) {
    const firing = alerts.filter((a) => a.status === 'firing');
    const starts = (firing.length > 0 ? firing : alerts).map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
    const began = starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : '';
    return (0,_incident_js__WEBPACK_IMPORTED_MODULE_6__/* .incidentDigest */ .d)(groupKey, began).slice(0, 24);
}
/**
 * The dedupe key, 48 hex characters: the incident id, then a digest of the
 * group, status and set of alert fingerprints and states. Repeats share it; an
 * alert joining, leaving or resolving changes its second half, a new incident
 * its first.
 */
function dedupeKeyOf(groupKey, status, alerts) {
    const fps = alerts.map((a) => `${a.fingerprint}:${a.status}`).sort();
    return `${incidentIdOf(groupKey, alerts)}${(0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(`${groupKey}\n${status}\n${fps.join(',')}`).slice(0, 24)}`;
}
function contextOf(source, p, dedupeKey) {
    const firing = p.alerts.filter((a) => a.status === 'firing');
    const starts = firing.map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
    const fps = (firing.length > 0 ? firing : p.alerts).map((a) => a.fingerprint).sort();
    return {
        source,
        status: p.status,
        groupKey: p.groupKey,
        dedupeKey: dedupeKey ?? dedupeKeyOf(p.groupKey, p.status, p.alerts),
        name: p.commonLabels.alertname ?? p.alerts[0]?.labels.alertname ?? '',
        fingerprint: fps.length === 1 ? fps[0] : fps.length === 0 ? '' : (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .s)(fps.join(',')).slice(0, 16),
        startsAt: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : null,
        alerts: p.alerts,
        commonLabels: p.commonLabels,
        externalURL: p.externalURL,
    };
}
/** Reads an alert from parsed JSON: an Alertmanager webhook body or a drloop dispatch payload. */
function alertFromJson(data, where) {
    if (data && typeof data === 'object' && !Array.isArray(data)) {
        const obj = data;
        // A repository_dispatch event as GitHub stores it: the payload is under client_payload.
        if (obj.client_payload && typeof obj.client_payload === 'object')
            return alertFromJson(obj.client_payload, `${where} (client_payload)`);
        if (obj.schema === DISPATCH_SCHEMA) {
            const p = (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .validateWith */ .xJ)(dispatchPayloadSchema, obj, where);
            return contextOf('dispatch', p, p.dedupeKey);
        }
        if ('version' in obj || 'alerts' in obj)
            return contextOf('alertmanager', (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .validateWith */ .xJ)(webhookSchema, obj, where));
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${where}: not an alert: expected an Alertmanager webhook body (version "4") or a drloop dispatch payload (schema "${DISPATCH_SCHEMA}")`);
}
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
}
/** Alert payloads larger than this are refused (GitHub caps a dispatch payload at 64 KB). */
const MAX_ALERT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Reads the file named by input `alert`, confined to the workspace as `paths`
 * and cost artefacts are: a path that leaves it (`../`, an absolute path
 * elsewhere, a symlink or a hard link to a file outside) is a
 * ConfigurationError. Returns the text and the real path.
 */
async function readAlertFile(input, workspace, label = "input 'alert':") {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace)).catch(() => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace));
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, input);
    let real;
    try {
        real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(abs);
    }
    catch (err) {
        const code = err.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`}`);
    }
    if (!isInside(root, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: outside the workspace (${root}); pass the payload inline, or a file inside the workspace`);
    }
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK).catch((err) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: cannot be read (${err.code ?? String(err)})`);
    });
    try {
        const st = await handle.stat();
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: ${st.isDirectory() ? 'is a directory, expected a file' : 'not a regular file'}`);
        if (st.nlink > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: refused, it has ${st.nlink} hard links and one may be a file outside the workspace; pass a copy`);
        }
        if (st.size > MAX_ALERT_FILE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} ${input}: larger than ${MAX_ALERT_FILE_BYTES} bytes, not an alert payload`);
        return { text: await handle.readFile('utf8'), path: real };
    }
    finally {
        await handle.close();
    }
}
/**
 * Loads input `alert`: inline JSON when it starts with `{`, otherwise a file
 * path inside the workspace. Malformed input is a ConfigurationError.
 */
async function loadAlert(input, workspace) {
    const trimmed = input.trim();
    if (trimmed.startsWith('{')) {
        return { alert: alertFromJson((0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonText */ .lk)(trimmed, "input 'alert'"), "input 'alert'"), text: trimmed, path: null };
    }
    const { text, path } = await readAlertFile(trimmed, workspace, 'alert');
    return { alert: alertFromJson((0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonText */ .lk)(text, trimmed), trimmed), text, path };
}


/***/ })

};
