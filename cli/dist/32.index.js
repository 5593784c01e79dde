export const id = 32;
export const ids = [32,252];
export const modules = {

/***/ 6032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyEvidenceCommand: () => (/* binding */ verifyEvidenceCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4343);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9856);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);





const USAGE = `usage: drloop verify-evidence <bundle.tar.gz | s3://bucket/prefix/current.json>
                              [--s3-endpoint URL] [--s3-force-path-style] [--s3-checksum when-supported|when-required] [--json]
Checks every file of the bundle against its manifest, and the bundle against its pointer (S3)
or its .sha256 file (local). AWS credentials and region come from the standard AWS environment.
Exit status: 0 when everything matches, 1 naming every mismatch, 2 on bad input.`;
const verifyInputs = zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    's3-endpoint': zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    's3-force-path-style': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .boolInput */ .Hm)(false),
    's3-checksum': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .enumInput */ .gX)(['when-supported', 'when-required'], 'when-supported'),
});
function describe(report) {
    const lines = [];
    if (report.ok) {
        lines.push(`OK: ${report.subject}`);
        lines.push(`  ${report.files} file(s) match the manifest; bundle sha256 ${report.bundleSha256} (${report.bundleSize} bytes)`);
        if (report.pointer)
            lines.push(`  pointer names ${report.pointer.bundle_uri}, created ${report.pointer.created_at}`);
    }
    else {
        lines.push(`MISMATCH: ${report.subject}`);
        for (const m of report.mismatches)
            lines.push(`  - ${m}`);
    }
    for (const n of report.notes)
        lines.push(`  note: ${n}`);
    return `${lines.join('\n')}\n`;
}
const verifyEvidenceCommand = {
    name: 'verify-evidence',
    summary: 'check an evidence bundle (file or S3 pointer) against its manifest and checksums',
    usage: USAGE,
    async run(ctx) {
        const { raw, positionals } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(ctx.argv, {
            's3-endpoint': { type: 'string' },
            's3-force-path-style': { type: 'boolean' },
            's3-checksum': { type: 'string' },
            json: { type: 'boolean' },
        }, USAGE, 1);
        if (positionals.length !== 1)
            throw new _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`expected one bundle or pointer, got ${positionals.length}\n${USAGE}`);
        const json = raw.json === 'true';
        delete raw.json;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(verifyInputs, raw);
        const subject = positionals[0];
        let report;
        try {
            report = subject.startsWith('s3://')
                ? await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyPointer */ .NW)(subject, {
                    endpoint: inputs['s3-endpoint'],
                    forcePathStyle: inputs['s3-force-path-style'],
                    checksum: inputs['s3-checksum'],
                    region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
                })
                : await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyBundle */ .IF)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.cwd, subject));
        }
        catch (err) {
            // A store that cannot be read is a failed verification, not drloop's own failure.
            if (err.name !== 'StoreError')
                throw err;
            ctx.stderr.write(`drloop verify-evidence: cannot verify ${subject}: ${err.message}\n`);
            return _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
        }
        if (!subject.startsWith('s3://'))
            report.subject = subject;
        if (json)
            ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else
            ctx.stdout.write(describe(report));
        return report.ok ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok : _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
    },
};


/***/ }),

/***/ 9612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ POINTER_SCHEMA),
/* harmony export */   EO: () => (/* binding */ formatS3Uri),
/* harmony export */   ID: () => (/* binding */ joinKey),
/* harmony export */   Wg: () => (/* binding */ POINTER_NAME),
/* harmony export */   nR: () => (/* binding */ pointerSchema),
/* harmony export */   yc: () => (/* binding */ parseS3Uri)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3305);

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

/***/ 9856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IF: () => (/* binding */ verifyBundle),
/* harmony export */   NW: () => (/* binding */ verifyPointer),
/* harmony export */   Sd: () => (/* binding */ MAX_ENTRIES),
/* harmony export */   cl: () => (/* binding */ verifyBundleStream),
/* harmony export */   g9: () => (/* binding */ sidecarPaths)
/* harmony export */ });
/* unused harmony exports MAX_MANIFEST_BYTES, MAX_REPORTED, unsafeEntryName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9148);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9240);
/* harmony import */ var _s3_uri_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9612);










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
    const loc = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_9__/* .parseS3Uri */ .yc)(uri);
    if (!loc || loc.key === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`'${uri}' is not an s3://bucket/key URI of a pointer (…/current.json)`);
    const s3 = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 2827));
    const client = await (factory ?? s3.createS3Client)(options);
    try {
        const body = await s3.openObject(client, loc);
        if (!body)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${uri}: no such object`);
        const chunks = [];
        for await (const c of body)
            chunks.push(Buffer.from(c));
        const pointer = (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .validateWith */ .xJ)(_s3_uri_js__WEBPACK_IMPORTED_MODULE_9__/* .pointerSchema */ .nR, (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonText */ .lk)(Buffer.concat(chunks).toString('utf8'), uri), uri);
        const bundleLoc = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_9__/* .parseS3Uri */ .yc)(pointer.bundle_uri);
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
