export const id = 987;
export const ids = [987];
export const modules = {

/***/ 99240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fD: () => (/* binding */ manifestForVerifySchema),
/* harmony export */   ir: () => (/* binding */ MANIFEST_NAME)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA, readMetadata, redactDeep */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76670);




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
const MAX_RECORD_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
async function readJsonRecord(file) {
    const handle = await open(file, 'r');
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
            warn(`${item.origin}: not read for the manifest's metadata (${describeError(err)}); bundled as it is`);
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
        return redact(value, extra).text;
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

/***/ 19612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ POINTER_SCHEMA),
/* harmony export */   EO: () => (/* binding */ formatS3Uri),
/* harmony export */   ID: () => (/* binding */ joinKey),
/* harmony export */   Wg: () => (/* binding */ POINTER_NAME)
/* harmony export */ });
/* unused harmony exports parseS3Uri, pointerSchema */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73305);

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;
/** Parses `s3://bucket/prefix`; undefined when the text is not one. */
function parseS3Uri(uri) {
    const m = S3_URI.exec(uri.trim());
    if (!m)
        return undefined;
    const key = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
    if (key.split('/').some((part) => part === '.' || part === '..'))
        return undefined;
    return { bucket: m[1], key };
}
function formatS3Uri(loc) {
    return `s3://${loc.bucket}${loc.key ? `/${loc.key}` : ''}`;
}
/** Joins key parts with `/`, skipping empty ones (an empty prefix is the bucket root). */
function joinKey(...parts) {
    return parts.filter((p) => p !== '').join('/');
}
const POINTER_SCHEMA = 'drloop.evidence-pointer/v1';
const POINTER_NAME = 'current.json';
/**
 * `<prefix>/current.json`: the latest verified bundle. It is written only
 * after the bundle it names was read back and matched, so it never names a
 * missing or partial bundle.
 */
const pointerSchema = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    schema: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(POINTER_SCHEMA)),
    bundle_uri: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((s) => parseS3Uri(s) !== undefined, 'expected an s3://bucket/key URI')),
    bundle_sha256: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[0-9a-f]{64}$/, 'expected 64 hex digits')),
    bundle_size: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr(), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._gte */ .qm(0))),
    created_at: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    git_sha: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    run_id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
});


/***/ }),

/***/ 59856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IF: () => (/* binding */ verifyBundle),
/* harmony export */   g9: () => (/* binding */ sidecarPaths)
/* harmony export */ });
/* unused harmony exports MAX_MANIFEST_BYTES, MAX_ENTRIES, MAX_REPORTED, unsafeEntryName, verifyBundleStream, verifyPointer */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59148);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(99240);
/* harmony import */ var _s3_uri_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(19612);










/** A manifest larger than this is not read (a real one is about 400 bytes a file). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A bundle with more entries than this is refused: memory stays bounded whatever the bundle claims. */
const MAX_ENTRIES = 100_000;
/** Problems listed one by one; past this many, only counted. */
const MAX_REPORTED = 100;
/**
 * Whether an entry name is safe to extract: relative, without `..`, NUL or
 * backslashes. `tar x` of `../x` or `/etc/x` writes outside the directory,
 * whatever the manifest says about it.
 */
function unsafeEntryName(name) {
    if (name === '')
        return 'an empty name';
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
        return 'an absolute path';
    if (name.includes('\\'))
        return 'a backslash';
    if (name.includes('\0'))
        return 'a NUL byte';
    if (name.split('/').includes('..'))
        return "a '..' component";
    return null;
}
/** A list of problems that keeps the first MAX_REPORTED and counts the rest. */
class Problems {
    list = [];
    omitted = 0;
    add(m) {
        if (this.list.length < MAX_REPORTED)
            this.list.push(m);
        else
            this.omitted += 1;
    }
    done() {
        if (this.omitted > 0)
            this.list.push(`… and ${this.omitted} more problem(s), not listed`);
        return this.list;
    }
}
/**
 * Checks a bundle read as a stream, in one pass: the whole stream is hashed
 * (for the pointer and sidecar checks) while it is unpacked and every entry
 * hashed. A bundle that stops being readable part way still gets its sha256.
 */
async function verifyBundleStream(source, subject, options = {}) {
    const whole = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let bundleSize = 0;
    const found = new Map();
    const problems = new Problems();
    let entries = 0;
    let tooMany = false;
    let manifestBytes = null;
    let unpackError = null;
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)();
    const ex = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.extract)();
    const readEntries = async () => {
        for await (const entry of ex) {
            const { name, type } = entry.header;
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let size = 0;
            const keep = [];
            const isManifest = name === _manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir && type === 'file';
            for await (const chunk of entry) {
                hash.update(chunk);
                size += chunk.length;
                if (isManifest && size <= MAX_MANIFEST_BYTES)
                    keep.push(chunk);
            }
            entries += 1;
            if (entries > MAX_ENTRIES) {
                // Keep reading (the whole stream is hashed), but record nothing more.
                tooMany = true;
                continue;
            }
            const unsafe = unsafeEntryName(name);
            if (unsafe) {
                problems.add(`unsafe: ${JSON.stringify(name)} has ${unsafe}; extracting it would write outside the directory, so the bundle is refused whatever its manifest says`);
                continue;
            }
            if (type !== 'file') {
                problems.add(`unexpected: ${name} is a ${type}, a bundle holds only files`);
                continue;
            }
            if (found.has(name))
                problems.add(`duplicate: ${name} appears more than once in the bundle`);
            if (isManifest) {
                if (size > MAX_MANIFEST_BYTES)
                    problems.add(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: larger than ${MAX_MANIFEST_BYTES} bytes, not read`);
                else
                    manifestBytes = Buffer.concat(keep);
            }
            found.set(name, { size, sha256: hash.digest('hex') });
        }
    };
    // Both sides settle before the error is looked at: a corrupt stream fails
    // the pipe and the entry loop alike, and neither may go unhandled.
    const unpacking = Promise.allSettled([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(gunzip, ex), readEntries()]).then((results) => {
        const failed = results.find((r) => r.status === 'rejected');
        if (failed)
            unpackError = failed.reason;
    });
    for await (const chunk of source) {
        whole.update(chunk);
        bundleSize += chunk.length;
        if (unpackError === null && !gunzip.destroyed && !gunzip.writableEnded) {
            if (!gunzip.write(chunk)) {
                await new Promise((res) => {
                    const done = () => {
                        gunzip.off('drain', done).off('close', done).off('error', done);
                        res();
                    };
                    gunzip.on('drain', done).on('close', done).on('error', done);
                });
            }
        }
    }
    if (!gunzip.destroyed && !gunzip.writableEnded)
        gunzip.end();
    await unpacking;
    if (unpackError !== null)
        problems.add(`bundle: not a readable tar.gz (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(unpackError)})`);
    if (tooMany)
        problems.add(`bundle: ${entries} entries, more than the ${MAX_ENTRIES} a drloop bundle may hold; only the first ${MAX_ENTRIES} were checked`);
    let files = 0;
    let manifestInfo = null;
    if (manifestBytes === null) {
        if (unpackError === null && !tooMany)
            problems.add(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: missing, nothing to verify the files against`);
    }
    else {
        const bytes = manifestBytes;
        options.onManifest?.(bytes);
        try {
            const raw = (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonText */ .lk)(bytes.toString('utf8'), _manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir);
            const listedFiles = raw?.files;
            if (Array.isArray(listedFiles) && listedFiles.length > MAX_ENTRIES) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: lists ${listedFiles.length} files, more than the ${MAX_ENTRIES} a drloop bundle may hold; not checked`);
            }
            const manifest = (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .validateWith */ .xJ)(_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .manifestForVerifySchema */ .fD, raw, _manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir);
            const listed = new Set();
            files = manifest.files.length;
            for (const f of manifest.files) {
                const unsafe = unsafeEntryName(f.path);
                if (unsafe) {
                    problems.add(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: lists ${JSON.stringify(f.path)}, which has ${unsafe}; refused`);
                    continue;
                }
                if (listed.has(f.path))
                    problems.add(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: lists ${f.path} twice`);
                listed.add(f.path);
                const actual = found.get(f.path);
                if (!actual) {
                    if (unpackError === null && !tooMany)
                        problems.add(`missing: ${f.path} is in the manifest but not in the bundle`);
                }
                else if (actual.sha256 !== f.sha256 || actual.size !== f.size) {
                    problems.add(`changed: ${f.path} has sha256 ${actual.sha256} (${actual.size} bytes), the manifest says ${f.sha256} (${f.size} bytes)`);
                }
            }
            for (const name of found.keys()) {
                if (name !== _manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir && !listed.has(name))
                    problems.add(`extra: ${name} is in the bundle but not in the manifest`);
            }
            const m = raw;
            manifestInfo = {
                createdAt: typeof m.createdAt === 'string' ? m.createdAt : null,
                bundle: typeof m.bundle === 'string' ? m.bundle : null,
                sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex'),
            };
        }
        catch (err) {
            if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1))
                throw err;
            problems.add(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: ${err.message.replace(`${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}: `, '')}`);
        }
    }
    const mismatches = problems.done();
    return { ok: mismatches.length === 0, subject, bundleSha256: whole.digest('hex'), bundleSize, files, mismatches, notes: [], manifest: manifestInfo };
}
async function readIfExists(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return null;
        throw err;
    }
}
/** The checksum file next to a bundle (`sha256sum` format), when there is one. */
function sidecarPaths(bundlePath) {
    return { sha256: `${bundlePath}.sha256`, manifest: `${bundlePath.replace(/\.tar\.gz$/, '')}.manifest.json` };
}
/**
 * Verifies a local bundle: every file against the manifest inside it, and the
 * bundle against its `.sha256` file and the manifest copy beside it, when
 * those exist (an auditor may have only the bundle).
 */
async function verifyBundle(path) {
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path)).isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${path}: not a file`);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1)
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${path}: ${err.code === 'ENOENT' ? 'file not found' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(err)}`);
    }
    const report = await verifyBundleStream((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), path);
    const side = sidecarPaths(path);
    const sumText = await readIfExists(side.sha256);
    if (sumText === null) {
        report.notes.push(`no ${side.sha256} beside the bundle: the bundle's own sha256 was not checked against one`);
    }
    else {
        const expected = sumText.trim().split(/\s+/)[0] ?? '';
        if (expected !== report.bundleSha256)
            report.mismatches.push(`bundle: sha256 ${report.bundleSha256}, ${side.sha256} says ${expected}`);
    }
    const manifestCopy = await readIfExists(side.manifest);
    if (manifestCopy === null) {
        report.notes.push(`no ${side.manifest} beside the bundle: the manifest copy was not compared`);
    }
    else if (report.manifest && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(manifestCopy).digest('hex') !== report.manifest.sha256) {
        report.mismatches.push(`manifest copy: ${side.manifest} differs from the bundle's ${_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir}`);
    }
    report.ok = report.mismatches.length === 0;
    return report;
}
/**
 * Verifies `s3://…/current.json`: the bundle it names is read once, hashed
 * against the pointer and unpacked against its manifest.
 */
async function verifyPointer(uri, options, factory) {
    const loc = parseS3Uri(uri);
    if (!loc || loc.key === '')
        throw new ConfigurationError(`'${uri}' is not an s3://bucket/key URI of a pointer (…/current.json)`);
    const s3 = await Promise.all(/* import() */[__webpack_require__.e(358), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 92827));
    const client = await (factory ?? s3.createS3Client)(options);
    try {
        const body = await s3.openObject(client, loc);
        if (!body)
            throw new ConfigurationError(`${uri}: no such object`);
        const chunks = [];
        for await (const c of body)
            chunks.push(Buffer.from(c));
        const pointer = validateWith(pointerSchema, parseJsonText(Buffer.concat(chunks).toString('utf8'), uri), uri);
        const bundleLoc = parseS3Uri(pointer.bundle_uri);
        const bundle = await s3.openObject(client, bundleLoc);
        if (!bundle) {
            return {
                ok: false,
                subject: uri,
                bundleSha256: '',
                bundleSize: 0,
                files: 0,
                mismatches: [`bundle: ${pointer.bundle_uri}, named by the pointer, does not exist`],
                notes: [],
                manifest: null,
                pointer,
            };
        }
        const report = await verifyBundleStream(bundle, pointer.bundle_uri);
        report.subject = uri;
        report.pointer = pointer;
        if (report.bundleSha256 !== pointer.bundle_sha256) {
            report.mismatches.unshift(`bundle: ${pointer.bundle_uri} has sha256 ${report.bundleSha256}, the pointer says ${pointer.bundle_sha256}`);
        }
        if (pointer.bundle_size !== undefined && pointer.bundle_size !== report.bundleSize) {
            report.mismatches.unshift(`bundle: ${pointer.bundle_uri} is ${report.bundleSize} bytes, the pointer says ${pointer.bundle_size}`);
        }
        report.ok = report.mismatches.length === 0;
        return report;
    }
    finally {
        client.destroy();
    }
}


/***/ }),

/***/ 8987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resumeFromBundle: () => (/* binding */ resumeFromBundle)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(71056);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(56495);
/* harmony import */ var _evidence_manifest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(99240);
/* harmony import */ var _evidence_verify_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(59856);
/* harmony import */ var _plan_receipts_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(36258);
/* harmony import */ var _plan_run_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(67140);













/** Where receipts sit inside a bundle: the evidence folder is stored as `evidence/`. */
const RUNS_PREFIX = 'evidence/runs/';
function fail(message) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`resume-from-run: ${message}`);
}
async function bundlesIn(dir) {
    const out = [];
    const walk = async (d) => {
        for (const e of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(d, { withFileTypes: true })) {
            const p = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isSymbolicLink())
                fail(`${p} is a link; an evidence artifact holds only files`);
            else if (e.isFile() && e.name.endsWith('.tar.gz'))
                out.push(p);
        }
    };
    await walk(dir);
    return out.sort();
}
/**
 * Restores the receipts of an earlier workflow run from its evidence
 * artifacts (downloaded into `downloaded`), trusting nothing it has not
 * checked: every bundle must verify against its manifest and checksum file
 * as `drloop verify-evidence` does, and must say it was made by that run;
 * the newest (by the manifest's createdAt) is used. Only regular files under
 * `evidence/runs/<run id>/` are restored, each checked again against the
 * manifest as written; a link, a `..` or absolute name, or a receipt of
 * another run refuses the resume before anything lands in `evidenceDir`.
 */
async function resumeFromBundle(o) {
    const bundles = await bundlesIn(o.downloaded);
    if (bundles.length === 0)
        fail(`run ${o.githubRunId} left no evidence bundle (drloop-evidence-* artifact with a .tar.gz)`);
    const verified = [];
    for (const path of bundles) {
        const report = await (0,_evidence_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .verifyBundle */ .IF)(path);
        if (!report.ok)
            fail(`the bundle ${path} does not verify, nothing of run ${o.githubRunId} is trusted:\n  ${report.mismatches.join('\n  ')}`);
        const manifest = await manifestOf(path);
        if (manifest.run?.workflowRunId !== o.githubRunId) {
            fail(`the bundle ${path} says it was made by workflow run ${JSON.stringify(manifest.run?.workflowRunId ?? null)}, not ${o.githubRunId}`);
        }
        verified.push({ path, createdAt: report.manifest?.createdAt ?? '', manifest });
    }
    verified.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.path.localeCompare(b.path));
    const chosen = verified[verified.length - 1];
    const listed = new Map(chosen.manifest.files.map((f) => [f.path, f]));
    const runIds = new Set();
    for (const p of listed.keys()) {
        if (!p.startsWith(RUNS_PREFIX))
            continue;
        const id = p.slice(RUNS_PREFIX.length).split('/')[0];
        runIds.add(id);
    }
    let runId = o.runId;
    if (runId === undefined) {
        if (runIds.size !== 1)
            fail(`the bundle ${chosen.path} holds ${runIds.size === 0 ? 'no receipts' : `the receipts of ${runIds.size} runs (${[...runIds].join(', ')})`}; set run-id to choose`);
        runId = [...runIds][0];
    }
    else if (!runIds.has(runId)) {
        fail(`the bundle ${chosen.path} holds no receipts of run ${runId} (it has ${[...runIds].join(', ') || 'none'})`);
    }
    if (!_plan_run_js__WEBPACK_IMPORTED_MODULE_12__/* .RUN_ID_PATTERN */ .z6.test(runId))
        fail(`the bundle names run ${JSON.stringify(runId)}, not a valid run id`);
    const prefix = `${RUNS_PREFIX}${runId}/`;
    const files = new Map();
    const ex = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.extract)();
    const reading = (async () => {
        for await (const entry of ex) {
            const { name, type } = entry.header;
            const chunks = [];
            for await (const c of entry)
                chunks.push(c);
            if (!name.startsWith(prefix))
                continue;
            const rel = name.slice(prefix.length);
            if (type !== 'file')
                fail(`${name} in ${chosen.path} is a ${type}; only files are restored`);
            if (rel === '' || rel.startsWith('/') || rel.split('/').some((s) => s === '..' || s === '.' || s === ''))
                fail(`${name} in ${chosen.path} is not a plain relative path`);
            const data = Buffer.concat(chunks);
            const expected = listed.get(name);
            if (!expected || expected.sha256 !== (0,_hash_js__WEBPACK_IMPORTED_MODULE_8__/* .sha256 */ .s)(data) || expected.size !== data.length)
                fail(`${name} in ${chosen.path} does not match the manifest`);
            files.set(rel, data);
        }
    })();
    await Promise.all([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(chosen.path), (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)(), ex), reading]);
    // The receipts must be this run's own, phase by phase, before any is written.
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(o.downloaded, '.receipts-'));
    for (const [rel, data] of files)
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, rel), data);
    try {
        await (0,_plan_receipts_js__WEBPACK_IMPORTED_MODULE_11__/* .loadReceipts */ .oj)(staging, `${chosen.path}:${prefix.slice(0, -1)}`, runId);
    }
    catch (err) {
        fail(`the receipts in ${chosen.path} are not run ${runId}'s: ${err.message}`);
    }
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(o.evidenceDir, 'runs', runId);
    for (const [rel, data] of files)
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(target, rel), data);
    return { runId, bundle: chosen.path, files: files.size };
}
async function manifestOf(path) {
    const ex = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.extract)();
    let text = null;
    const reading = (async () => {
        for await (const entry of ex) {
            const chunks = [];
            for await (const c of entry)
                chunks.push(c);
            if (entry.header.name === _evidence_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_NAME */ .ir)
                text = Buffer.concat(chunks).toString('utf8');
        }
    })();
    await Promise.all([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)(), ex), reading]);
    if (text === null)
        fail(`${path} has no ${_evidence_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_NAME */ .ir}`);
    return JSON.parse(text);
}


/***/ })

};
