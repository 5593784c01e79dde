export const id = 42;
export const ids = [42];
export const modules = {

/***/ 1042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanHistory: () => (/* binding */ scanHistory),
  scanHistoryInWorker: () => (/* binding */ scanHistoryInWorker),
  serveHistoryJob: () => (/* binding */ serveHistoryJob)
});

// EXTERNAL MODULE: ./src/worker-job.ts
var worker_job = __webpack_require__(9587);
// EXTERNAL MODULE: ./src/history/history.ts
var history_history = __webpack_require__(3328);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/evidence/s3-uri.ts
var s3_uri = __webpack_require__(9612);
;// CONCATENATED MODULE: ./src/history/store.ts





/** An object that is larger than history reads (a manifest copy, a pointer, a sidecar). */
class TooLargeError extends Error {
    name = 'TooLargeError';
}
const BUNDLE = /\.tar\.gz$/;
/** Groups listed keys into bundles and the records beside them. */
function groupListing(objects) {
    const refs = new Set(objects.map((o) => o.ref));
    const out = [];
    for (const o of objects) {
        if (!BUNDLE.test(o.ref))
            continue;
        const slash = o.ref.lastIndexOf('/');
        const dir = slash < 0 ? '' : o.ref.slice(0, slash);
        const name = o.ref.slice(slash + 1);
        const sha = `${o.ref}.sha256`;
        const manifest = `${o.ref.replace(BUNDLE, '')}.manifest.json`;
        let pointer = null;
        if (dir === 'bundles' || dir.endsWith('/bundles')) {
            const parent = dir.slice(0, -'bundles'.length);
            if (refs.has(`${parent}${s3_uri/* POINTER_NAME */.Wg}`))
                pointer = `${parent}${s3_uri/* POINTER_NAME */.Wg}`;
        }
        out.push({ name, ref: o.ref, size: o.size, sha256Ref: refs.has(sha) ? sha : null, manifestRef: refs.has(manifest) ? manifest : null, pointerRef: pointer });
    }
    return out.sort((a, b) => a.ref.localeCompare(b.ref));
}
async function collect(body, maxBytes, what) {
    const chunks = [];
    let size = 0;
    for await (const c of body) {
        size += c.length;
        if (size > maxBytes)
            throw new TooLargeError(`${what}: larger than ${maxBytes} bytes, not read`);
        chunks.push(Buffer.from(c));
    }
    return Buffer.concat(chunks);
}
/**
 * A local directory: a folder of bundles as collect-evidence writes them
 * (`<name>.tar.gz`, `.sha256`, `.manifest.json`), downloaded artifacts, or a
 * copy of an S3 prefix. Searched recursively.
 */
async function directoryStore(dir, source) {
    try {
        if (!(await (0,promises_.stat)(dir)).isDirectory())
            throw new errors/* ConfigurationError */.j1(`${source}: not a directory (expected a directory of bundles or an s3://bucket/prefix)`);
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1)
            throw err;
        throw new errors/* ConfigurationError */.j1(`${source}: ${err.code === 'ENOENT' ? 'no such directory' : (0,errors/* describeError */.Uc)(err)}`);
    }
    const toRef = (path) => (0,external_node_path_.relative)(dir, path).split(external_node_path_.sep).join('/');
    return {
        source,
        async list() {
            const objects = [];
            const walk = async (d) => {
                for (const e of await (0,promises_.readdir)(d, { withFileTypes: true })) {
                    if (e.name.startsWith('.'))
                        continue;
                    const p = (0,external_node_path_.join)(d, e.name);
                    if (e.isDirectory())
                        await walk(p);
                    else if (e.isFile())
                        objects.push({ ref: toRef(p), size: (await (0,promises_.stat)(p)).size });
                }
            };
            await walk(dir);
            return groupListing(objects);
        },
        async read(ref, maxBytes) {
            let handle;
            try {
                handle = await (0,promises_.open)((0,external_node_path_.join)(dir, ref), 'r');
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    return null;
                throw err;
            }
            try {
                const { size } = await handle.stat();
                if (size > maxBytes)
                    throw new TooLargeError(`${ref}: larger than ${maxBytes} bytes, not read`);
                return await handle.readFile();
            }
            finally {
                await handle.close();
            }
        },
        async open(ref) {
            try {
                await (0,promises_.stat)((0,external_node_path_.join)(dir, ref));
            }
            catch {
                return null;
            }
            return (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(dir, ref));
        },
        display: (ref) => (0,external_node_path_.join)(source, ref),
        close() { },
    };
}
/**
 * An S3 prefix, searched recursively with ListObjectsV2 (1,000 keys a page).
 * Only the listing and the small records beside each bundle are read unless
 * a bundle is verified in full.
 */
async function s3Store(loc, source, options, factory, o = {}) {
    const pageSize = o.pageSize ?? 1000;
    const s3 = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 2827));
    const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const client = await (factory ?? s3.createS3Client)(options);
    const prefix = loc.key === '' ? '' : `${loc.key}/`;
    const keyOf = (ref) => `${prefix}${ref}`;
    const at = (ref) => ({ bucket: loc.bucket, key: keyOf(ref) });
    return {
        source,
        async list() {
            const objects = [];
            let token;
            do {
                const page = await s3
                    .attempt(`listing ${(0,s3_uri/* formatS3Uri */.EO)(loc)}`, () => client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: pageSize })))
                    .catch((err) => {
                    const e = err;
                    if (/NoSuchBucket/.test(e.message))
                        throw new errors/* ConfigurationError */.j1(`${source}: no such bucket`);
                    throw err;
                });
                for (const o of page.Contents ?? [])
                    if (o.Key)
                        objects.push({ ref: o.Key.slice(prefix.length), size: o.Size ?? 0 });
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return groupListing(objects);
        },
        async read(ref, maxBytes) {
            const body = await s3.openObject(client, at(ref));
            return body ? collect(body, maxBytes, (0,s3_uri/* formatS3Uri */.EO)(at(ref))) : null;
        },
        open: (ref) => s3.openObject(client, at(ref)),
        display: (ref) => (0,s3_uri/* formatS3Uri */.EO)(at(ref)),
        close: () => client.destroy(),
    };
}

;// CONCATENATED MODULE: ./src/history/history-job.ts



async function scanHistory(scan, deps = {}) {
    const store = typeof scan.location === 'string' ? await directoryStore(scan.location, scan.source) : await s3Store(scan.location, scan.source, scan.s3, deps.s3Client);
    try {
        return await (0,history_history/* buildHistory */.xq)({ store, now: scan.now, verifyAll: scan.verifyAll, concurrency: scan.concurrency, freshnessSeconds: scan.freshnessSeconds });
    }
    finally {
        store.close();
    }
}
function scanHistoryInWorker(workers, scan) {
    return (0,worker_job/* runJob */.b5)(workers, 'history', scan, {});
}
/** The worker's side. */
function serveHistoryJob(scan) {
    return scanHistory(scan);
}


/***/ }),

/***/ 3328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WV: () => (/* binding */ REGRESSION_FACTOR),
/* harmony export */   wq: () => (/* binding */ stalePlans),
/* harmony export */   xq: () => (/* binding */ buildHistory)
/* harmony export */ });
/* unused harmony exports HISTORY_SCHEMA, DEFAULT_CONCURRENCY, mapBounded, parseSums, isRecovery, isSuccess, flagRegressions, judgeFreshness */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9856);
/* harmony import */ var _evidence_s3_uri_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9612);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1048);





const HISTORY_SCHEMA = 'drloop.history/v1';
/** A run's RTO above this many times the median of the plan's earlier runs is a regression. */
const REGRESSION_FACTOR = 1.5;
/** Manifest copies, sidecars and pointers larger than this are not read. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** Records read at once: enough to hide the store's latency, few enough to bound memory. */
const DEFAULT_CONCURRENCY = 16;
/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
async function mapBounded(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            out[i] = await fn(items[i], i);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}
const sha256 = (b) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex');
/** `sha256sum` lines: file name → sha256. */
function parseSums(text) {
    const out = new Map();
    for (const line of text.split('\n')) {
        const m = /^([0-9a-f]{64}) [ *]?(.+)$/.exec(line.trim());
        if (m)
            out.set(m[2].trim(), m[1]);
    }
    return out;
}
const UNKNOWN_SUMMARY = (date) => ({
    plan: null,
    runId: null,
    date,
    mode: null,
    target: null,
    decision: null,
    status: null,
    rtoSeconds: null,
    rpoSeconds: null,
    rtoObjectiveSeconds: null,
    rpoObjectiveSeconds: null,
    rtoMet: null,
    rpoMet: null,
    runUrl: null,
});
/** The time a bundle's name carries (`20260102T030405Z-…`), for a bundle whose manifest cannot be read. */
function dateOfName(name) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}
function pointerCache(store) {
    const cache = new Map();
    return {
        get(ref) {
            let p = cache.get(ref);
            if (!p) {
                p = (async () => {
                    try {
                        const bytes = await store.read(ref, MAX_RECORD_BYTES);
                        if (!bytes)
                            return { pointer: null, problem: null };
                        const parsed = _evidence_s3_uri_js__WEBPACK_IMPORTED_MODULE_3__/* .pointerSchema */ .nR.safeParse(JSON.parse(bytes.toString('utf8')));
                        if (!parsed.success)
                            return { pointer: null, problem: `${store.display(ref)}: not a drloop pointer` };
                        return { pointer: parsed.data, problem: null };
                    }
                    catch (err) {
                        return { pointer: null, problem: `${store.display(ref)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}` };
                    }
                })();
                cache.set(ref, p);
            }
            return p;
        },
    };
}
/** Reads one bundle's row: the manifest copy and `.sha256` beside it, or the bundle itself when it has no manifest copy. */
async function readRow(store, b, pointers, full) {
    const problems = [];
    let recorded = null;
    let manifestRecorded = null;
    const manifestName = b.manifestRef ? b.manifestRef.slice(b.manifestRef.lastIndexOf('/') + 1) : null;
    if (b.sha256Ref) {
        try {
            const sums = parseSums((await store.read(b.sha256Ref, MAX_RECORD_BYTES))?.toString('utf8') ?? '');
            recorded = sums.get(b.name) ?? null;
            if (!recorded)
                problems.push(`${store.display(b.sha256Ref)}: has no sha256 for ${b.name}`);
            if (manifestName)
                manifestRecorded = sums.get(manifestName) ?? null;
        }
        catch (err) {
            problems.push(`${store.display(b.sha256Ref)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}`);
        }
    }
    let pointer = null;
    if (b.pointerRef) {
        const got = await pointers.get(b.pointerRef);
        if (got.problem)
            problems.push(got.problem);
        const named = got.pointer?.bundle_uri.split('/').slice(-2).join('/');
        if (got.pointer && named === `bundles/${b.name}`)
            pointer = got.pointer;
    }
    if (pointer) {
        if (recorded && pointer.bundle_sha256 !== recorded)
            problems.push(`pointer: says sha256 ${pointer.bundle_sha256} for ${b.name}, its .sha256 file says ${recorded}`);
        if (pointer.bundle_size !== undefined && pointer.bundle_size !== b.size)
            problems.push(`pointer: says ${pointer.bundle_size} bytes for ${b.name}, the store holds ${b.size}`);
    }
    let manifestData = undefined;
    let manifestCopySha = null;
    if (b.manifestRef) {
        try {
            const bytes = await store.read(b.manifestRef, MAX_RECORD_BYTES);
            if (bytes) {
                manifestCopySha = sha256(bytes);
                if (manifestRecorded && manifestRecorded !== manifestCopySha) {
                    problems.push(`manifest copy: ${store.display(b.manifestRef)} has sha256 ${manifestCopySha}, its .sha256 file says ${manifestRecorded}`);
                }
                manifestData = JSON.parse(bytes.toString('utf8'));
            }
        }
        catch (err) {
            problems.push(`manifest copy: ${store.display(b.manifestRef)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}`);
        }
    }
    let integrity = 'unrecorded';
    // A manifest copy that no .sha256 line vouches for (a local bundle's sidecar names only the bundle) is not trusted on its own.
    const unvouched = manifestData !== undefined && manifestRecorded === null;
    if (full || manifestData === undefined || unvouched) {
        // Read the bundle in full: asked to, or it has no readable, vouched-for manifest copy beside it.
        let inner = null;
        try {
            const body = await store.open(b.ref);
            if (!body)
                problems.push(`bundle: ${store.display(b.ref)} is listed but cannot be read`);
            else {
                const report = await (0,_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyBundleStream */ .cl)(body, store.display(b.ref), { onManifest: (m) => (inner = m) });
                problems.push(...report.mismatches);
                if (recorded && report.bundleSha256 !== recorded)
                    problems.push(`bundle: sha256 ${report.bundleSha256}, its .sha256 file says ${recorded}`);
                if (pointer && report.bundleSha256 !== pointer.bundle_sha256)
                    problems.push(`bundle: sha256 ${report.bundleSha256}, the pointer says ${pointer.bundle_sha256}`);
                if (manifestCopySha && report.manifest && report.manifest.sha256 !== manifestCopySha) {
                    problems.push(`manifest copy: ${store.display(b.manifestRef)} differs from the bundle's manifest.json`);
                }
                if (manifestData === undefined && inner) {
                    try {
                        manifestData = JSON.parse(inner.toString('utf8'));
                    }
                    catch {
                        // reported by the verification already
                    }
                }
                integrity = recorded || pointer ? 'verified' : 'unrecorded';
            }
        }
        catch (err) {
            problems.push(`bundle: ${store.display(b.ref)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}`);
        }
    }
    else if (recorded) {
        integrity = 'recorded';
    }
    if (problems.length > 0)
        integrity = 'mismatch';
    const read = manifestData === undefined ? null : (0,_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .summaryOfManifest */ .hX)(manifestData);
    if (manifestData !== undefined && !read)
        problems.push(`manifest: not a drloop evidence manifest`);
    const fallbackDate = dateOfName(b.name) ?? '1970-01-01T00:00:00Z';
    return {
        ...(read?.summary ?? UNKNOWN_SUMMARY(fallbackDate)),
        bundle: b.name,
        location: store.display(b.ref),
        createdAt: read?.createdAt ?? null,
        source: read?.source ?? 'unreadable',
        integrity: read ? integrity : 'mismatch',
        problems,
        regression: null,
    };
}
const time = (s) => {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : 0;
};
/** Drills and failovers recover something; failbacks and unknown modes do not count for the trend or freshness. */
function isRecovery(r) {
    return r.mode === 'drill' || r.mode === 'failover';
}
/** The run validated the recovery: it succeeded, or stopped as planned after validate passed (the RTO is measured only then). */
function isSuccess(r) {
    if (r.integrity === 'mismatch')
        return false;
    return r.status === 'succeeded' || (r.status === 'stopped' && r.rtoSeconds !== null);
}
/** The run got as far as measuring (or failing): refused, cancelled and dry runs are listed but prove nothing either way. */
function ranRecovery(r) {
    return r.status === 'succeeded' || r.status === 'failed' || (r.status === 'stopped' && (r.rtoSeconds !== null || r.rpoSeconds !== null));
}
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Flags each recovery run whose RTO exceeds REGRESSION_FACTOR × the median of the plan's earlier recovery runs with a measured RTO. */
function flagRegressions(runs) {
    const previous = [];
    for (const r of runs) {
        if (!isRecovery(r) || r.rtoSeconds === null)
            continue;
        if (previous.length > 0) {
            const m = median(previous);
            if (m > 0 && r.rtoSeconds > REGRESSION_FACTOR * m)
                r.regression = { medianSeconds: m, ratio: Math.round((r.rtoSeconds / m) * 100) / 100, previousRuns: previous.length };
        }
        previous.push(r.rtoSeconds);
    }
}
function age(seconds) {
    const d = seconds / 86400;
    return d >= 2 ? `${Math.floor(d)} days` : `${Math.round(seconds / 3600)} hours`;
}
/** The freshness verdict of one plan (rows oldest first). */
function judgeFreshness(runs, windowSeconds, now) {
    const problems = [];
    const recoveries = runs.filter(isRecovery);
    const success = [...recoveries].reverse().find(isSuccess) ?? null;
    const last = [...recoveries].reverse().find(ranRecovery) ?? null;
    const windowText = age(windowSeconds)
        .replace(/^(\d+) days$/, '$1d')
        .replace(/^(\d+) hours$/, '$1h');
    let newestSuccess = null;
    if (!success)
        problems.push(`no successful drill on record (freshness window ${windowText})`);
    else {
        const ageSeconds = Math.max(0, (now.getTime() - time(success.date)) / 1000);
        newestSuccess = { date: success.date, bundle: success.bundle, ageSeconds: Math.round(ageSeconds) };
        if (ageSeconds > windowSeconds)
            problems.push(`the newest successful drill (${success.date}, ${success.bundle}) is ${age(ageSeconds)} old, older than the ${windowText} window`);
    }
    if (last) {
        const where = `${last.date}, ${last.bundle}`;
        if (last.status === 'failed')
            problems.push(`the last drill (${where}) failed`);
        if (last.rtoMet === false)
            problems.push(`the last drill (${where}) missed its RTO objective: ${last.rtoSeconds ?? '?'} s > ${last.rtoObjectiveSeconds ?? '?'} s`);
        if (last.rpoMet === false)
            problems.push(`the last drill (${where}) missed its RPO objective: ${last.rpoSeconds ?? '?'} s > ${last.rpoObjectiveSeconds ?? '?'} s`);
    }
    for (const r of new Set([last, success])) {
        if (r && (r.integrity === 'mismatch' || r.integrity === 'unrecorded')) {
            const why = r.integrity === 'unrecorded' ? 'nothing outside the bundle records its sha256' : r.problems.join('; ');
            problems.push(`the ${r === last ? 'last' : 'newest successful'} drill's bundle (${r.location}) does not verify: ${why}`);
        }
    }
    return {
        ok: problems.length === 0,
        windowSeconds,
        newestSuccess,
        lastDrill: last ? { date: last.date, bundle: last.bundle, status: last.status } : null,
        problems,
    };
}
/** The bundles a freshness verdict rests on: the newest success and the last drill of each plan. */
function decidingRows(runs) {
    const recoveries = runs.filter(isRecovery).reverse();
    const picks = new Set();
    const last = recoveries.find(ranRecovery);
    const success = recoveries.find((r) => isSuccess(r));
    if (last)
        picks.add(last);
    if (success)
        picks.add(success);
    return [...picks];
}
function groupByPlan(runs) {
    const byPlan = new Map();
    for (const r of runs) {
        const list = byPlan.get(r.plan) ?? [];
        list.push(r);
        byPlan.set(r.plan, list);
    }
    const plans = [...byPlan.entries()].map(([plan, list]) => ({
        plan,
        runs: list.sort((a, b) => time(a.date) - time(b.date) || a.bundle.localeCompare(b.bundle)),
    }));
    // Named plans by name; bundles without a plan last.
    return plans.sort((a, b) => (a.plan === null ? 1 : b.plan === null ? -1 : a.plan.localeCompare(b.plan)));
}
/**
 * Builds the history of every plan whose bundles are under the store: one
 * row per bundle, oldest first, with regressions flagged and, given a
 * window, a freshness verdict per plan whose deciding bundles were read and
 * verified in full.
 */
async function buildHistory(o) {
    const { store } = o;
    const concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
    const listed = await store.list();
    const pointers = pointerCache(store);
    const rows = await mapBounded(listed, concurrency, async (b) => {
        return readRow(store, b, pointers, o.verifyAll === true);
    });
    let plans = groupByPlan(rows);
    if (o.freshnessSeconds !== undefined && !o.verifyAll) {
        // Read the bundles the verdicts rest on in full, then judge again with what that found.
        const byRef = new Map(listed.map((b, i) => [rows[i], b]));
        const deciding = plans.filter((p) => p.plan !== null).flatMap((p) => decidingRows(p.runs));
        const verified = await mapBounded(deciding, concurrency, (r) => readRow(store, byRef.get(r), pointers, true));
        const replace = new Map(deciding.map((r, i) => [r, verified[i]]));
        plans = groupByPlan(rows.map((r) => replace.get(r) ?? r));
    }
    for (const p of plans) {
        flagRegressions(p.runs);
        if (o.freshnessSeconds !== undefined && p.plan !== null)
            p.freshness = judgeFreshness(p.runs, o.freshnessSeconds, o.now);
    }
    return { schema: HISTORY_SCHEMA, source: store.source, generatedAt: o.now.toISOString(), bundles: listed.length, plans };
}
/** Plans a check fails on, with their reasons. */
function stalePlans(h) {
    return h.plans.filter((p) => p.plan !== null && p.freshness && !p.freshness.ok).map((p) => ({ plan: p.plan, problems: p.freshness.problems }));
}


/***/ })

};
