export const id = 347;
export const ids = [347];
export const modules = {

/***/ 5347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x0: () => (/* binding */ collectEvidenceInputs),
  uN: () => (/* binding */ collectEvidenceOutputs),
  j3: () => (/* binding */ runCollectEvidence)
});

// UNUSED EXPORTS: DEFAULT_ARTIFACT_NAME, DEFAULT_OUTPUT_DIR, WORKER_BYTES, destinationsOf, headCommit

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
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/evidence/bundle.ts
var evidence_bundle = __webpack_require__(4997);
// EXTERNAL MODULE: ./src/evidence/bundle-job.ts
var bundle_job = __webpack_require__(2811);
// EXTERNAL MODULE: ./src/worker-job.ts
var worker_job = __webpack_require__(9587);
// EXTERNAL MODULE: ./src/alerts/alertmanager.ts
var alertmanager = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/workspace.ts
var src_workspace = __webpack_require__(3338);
;// CONCATENATED MODULE: ./src/evidence/gather.ts





function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
function toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}
/** How a path is shown: workspace-relative when inside the workspace, else absolute. */
function displayPath(workspace, abs) {
    return isInside(workspace, abs) ? toPosix((0,external_node_path_.relative)(workspace, abs)) || '.' : abs;
}
/** Whether a relative path is, or is under, a `.git` directory (or is a `.git` file of a worktree). */
function isGitPath(rel) {
    return rel.split(/[\\/]/).some((part) => part.toLowerCase() === '.git');
}
/**
 * Lists a directory tree without following links: regular files, and symbolic
 * links (which the caller judges one by one), sorted, with forward slashes.
 * Files under a `.git` directory are listed apart, to be left out.
 */
async function walk(root) {
    const files = [];
    const links = [];
    const gitFiles = [];
    const visit = async (dir, prefix, inGit) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        for (const e of entries) {
            const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
            const git = inGit || e.name.toLowerCase() === '.git';
            if (e.isDirectory())
                await visit((0,external_node_path_.join)(dir, e.name), rel, git);
            else if (git)
                gitFiles.push(rel);
            else if (e.isSymbolicLink())
                links.push(rel);
            else if (e.isFile())
                files.push(rel);
        }
    };
    await visit(root, '', false);
    return { files: files.sort(), links: links.sort(), gitFiles };
}
async function realOrUndefined(p) {
    return (0,promises_.realpath)(p).catch(() => undefined);
}
/**
 * Lists what goes into the bundle, in a stable order. Nothing is read yet
 * except the alert; problems with the user's inputs (a glob leaving the
 * workspace, an alert file that does not exist) are ConfigurationErrors,
 * while missing evidence is only a warning: an evidence step runs after
 * failures too, and a thin bundle is better than none.
 */
async function gatherEvidence(options) {
    const { logger } = options;
    const workspace = (0,external_node_path_.resolve)(options.workspace);
    const realWorkspace = (await realOrUndefined(workspace)) ?? workspace;
    const warnings = [];
    const warn = (m) => {
        warnings.push(m);
        logger.warning(m);
    };
    const outputDir = (0,external_node_path_.resolve)(workspace, options.outputDir);
    const realOutput = (await realOrUndefined(outputDir)) ?? outputDir;
    const inOutput = (real) => isInside(realOutput, real) || isInside(outputDir, real);
    const items = [];
    const seen = new Set();
    const skippedGit = new Set();
    // 1. The evidence directory shared with cost-decision and dr-execute.
    const evidenceDir = (0,external_node_path_.resolve)(workspace, options.evidenceDir);
    if (isInside(outputDir, evidenceDir) || isInside(outputDir, workspace)) {
        // Nothing under output-dir is collected, so this would bundle nothing at all.
        throw new errors/* ConfigurationError */.j1(`input 'output-dir': '${options.outputDir}' contains the ${isInside(outputDir, workspace) ? 'workspace' : 'evidence directory'}; write bundles to a directory of their own, outside 'evidence-dir'`);
    }
    const realEvidence = await realOrUndefined(evidenceDir);
    if (!realEvidence) {
        warn(`evidence-dir '${options.evidenceDir}' does not exist: no cost decision or run receipts to collect`);
    }
    else if (!(await (0,promises_.stat)(realEvidence)).isDirectory()) {
        throw new errors/* ConfigurationError */.j1(`input 'evidence-dir': '${options.evidenceDir}' is not a directory`);
    }
    else {
        const { files, links, gitFiles } = await walk(realEvidence);
        for (const g of gitFiles)
            skippedGit.add((0,external_node_path_.resolve)(realEvidence, g));
        for (const f of files) {
            const abs = (0,external_node_path_.resolve)(realEvidence, f);
            if (inOutput(abs))
                continue;
            seen.add(abs);
            items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: abs });
        }
        // Symbolic links are followed only to a regular file inside the evidence directory or the workspace; every other one is named.
        for (const f of links) {
            const abs = (0,external_node_path_.resolve)(realEvidence, f);
            const shown = `${options.evidenceDir}/${f}`;
            const real = await realOrUndefined(abs);
            const st = real ? await (0,promises_.stat)(real).catch(() => undefined) : undefined;
            if (!real || !st)
                warn(`${shown}: skipped, it is a symbolic link to nothing`);
            else if (!isInside(realEvidence, real) && !isInside(realWorkspace, real))
                warn(`${shown}: skipped, it is a symbolic link to a file outside the evidence directory and the workspace`);
            else if (!st.isFile())
                warn(`${shown}: skipped, it is a symbolic link to a ${st.isDirectory() ? 'directory (links to directories are not followed)' : 'special file'}`);
            else if (isGitPath((0,external_node_path_.relative)(realWorkspace, real)) || isGitPath((0,external_node_path_.relative)(realEvidence, real)))
                skippedGit.add(real);
            else if (!inOutput(real) && !seen.has(real)) {
                seen.add(real);
                items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: real });
            }
        }
        if (files.length === 0 && links.length === 0)
            warn(`evidence-dir '${options.evidenceDir}' is empty`);
    }
    // 2. The user's globs: logs, plans, anything else worth keeping.
    if (options.paths.length > 0) {
        const matches = await (0,src_workspace/* expandGlobs */.GE)(options.paths, workspace, "input 'paths'");
        for (const m of matches) {
            if (m.files.length === 0 && !m.pattern.startsWith('!'))
                warn(`input 'paths': '${m.pattern}' matches no file`);
            for (const f of m.files) {
                const real = await realOrUndefined((0,external_node_path_.resolve)(realWorkspace, f));
                if (!real || inOutput(real) || seen.has(real))
                    continue;
                if (isGitPath(f) || isGitPath((0,external_node_path_.relative)(realWorkspace, real))) {
                    skippedGit.add(real);
                    continue;
                }
                seen.add(real);
                items.push({ bundlePath: `files/${f}`, source: 'paths', origin: f, file: real });
            }
        }
    }
    // 3. The alert that started it all, inline JSON or a file (e.g. the event payload).
    let alert = null;
    const alertInput = options.alert?.trim();
    if (alertInput) {
        let text;
        let origin;
        let where;
        if (alertInput.startsWith('{')) {
            text = alertInput;
            origin = "input 'alert'";
            where = "input 'alert'";
        }
        else {
            const file = await (0,alertmanager.readAlertFile)(alertInput, workspace);
            text = file.text;
            origin = displayPath(realWorkspace, file.path);
            where = alertInput;
        }
        // The payload is kept whatever its shape: evidence records what came in,
        // and a malformed alert is exactly what an auditor would want to see.
        try {
            alert = (0,alertmanager.alertFromJson)(JSON.parse(text), where);
        }
        catch (err) {
            warn(`input 'alert': kept as received but not understood as an alert: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        items.push({ bundlePath: 'alert.json', source: 'alert', origin, data: Buffer.from(text, 'utf8') });
    }
    if (skippedGit.size > 0) {
        warn(`skipped ${skippedGit.size} file(s) under .git/: a checkout's .git holds credentials (its config can carry the token it was cloned with), so drloop never bundles it`);
    }
    items.sort((a, b) => (a.bundlePath < b.bundlePath ? -1 : a.bundlePath > b.bundlePath ? 1 : 0));
    return { items, alert, warnings };
}

// EXTERNAL MODULE: ./src/history/summary.ts
var summary = __webpack_require__(1048);
// EXTERNAL MODULE: ./src/evidence/manifest.ts
var manifest = __webpack_require__(9240);
// EXTERNAL MODULE: ./src/evidence/s3-uri.ts
var s3_uri = __webpack_require__(9612);
// EXTERNAL MODULE: ./src/evidence/verify.ts
var verify = __webpack_require__(9856);
;// CONCATENATED MODULE: ./src/evidence/run.ts
















/** Bundles go here by default: outside the evidence directory, so no bundle ever contains an earlier one. */
const DEFAULT_OUTPUT_DIR = 'drloop-bundles';
/** `{run-id}` and `{run-attempt}` are filled in, so a re-run gets its own artifact. */
const DEFAULT_ARTIFACT_NAME = 'drloop-evidence-{run-id}-{run-attempt}';
const optionalInt = (min, max) => schemas/* optional */.lqM((0,inputs/* wholeNumberText */.q3)(min, max));
/**
 * The inputs of `actions/collect-evidence` and `drloop evidence`. action.yml
 * declares exactly these names with the same defaults (a test holds them together).
 */
const collectEvidenceInputs = schemas/* object */.Ikc({
    'evidence-dir': schemas/* _default */.Rvf(schemas/* string */.YjP(), context/* DEFAULT_EVIDENCE_DIR */.C$),
    paths: (0,inputs/* listInput */.dt)(),
    alert: (0,inputs/* textInput */._Z)(),
    redact: (0,inputs/* listInput */.dt)(),
    'output-dir': schemas/* _default */.Rvf(schemas/* string */.YjP(), DEFAULT_OUTPUT_DIR),
    's3-uri': (0,inputs/* textInput */._Z)().check(schemas/* refine */.YPB((v) => v === undefined || (0,s3_uri/* parseS3Uri */.yc)(v) !== undefined, 'expected s3://bucket or s3://bucket/prefix')),
    's3-endpoint': (0,inputs/* textInput */._Z)().check(schemas/* refine */.YPB((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), 'expected an http:// or https:// URL')),
    's3-force-path-style': (0,inputs/* boolInput */.Hm)(false),
    's3-checksum': (0,inputs/* enumInput */.gX)(['when-supported', 'when-required'], 'when-supported'),
    's3-part-size': (0,inputs/* intInput */.O1)(8, 5, 5120),
    'object-lock-days': optionalInt(1, 36500),
    'object-lock-mode': (0,inputs/* enumInput */.gX)(['GOVERNANCE', 'COMPLIANCE'], 'GOVERNANCE'),
    'artifact-name': schemas/* _default */.Rvf(schemas/* string */.YjP(), DEFAULT_ARTIFACT_NAME),
    'retention-days': optionalInt(1, 90),
    /** An empty collection (no file, no alert) fails unless this is set. */
    'allow-empty': (0,inputs/* boolInput */.Hm)(false),
});
/**
 * The commit of the workspace, for a run outside GitHub Actions; null when it
 * is not a git checkout. child_process loads only here: collect-evidence
 * passes its own reader, and a run with GITHUB_SHA reads none.
 */
async function headCommit(workspace) {
    const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise((res) => {
        execFile('git', ['rev-parse', 'HEAD'], { cwd: workspace, timeout: 10_000 }, (err, stdout) => {
            const sha = String(stdout).trim();
            res(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
        });
    });
}
function ruleKinds(rules) {
    return [...new Set(rules.map((r) => r.kind))];
}
/** Picks `<name>` or, if a bundle of that name exists already (same second, same commit), `<stem>-2.tar.gz`, ... */
async function freeName(dir, name) {
    const stem = name.replace(/\.tar\.gz$/, '');
    for (let i = 1;; i++) {
        const candidate = i === 1 ? name : `${stem}-${i}.tar.gz`;
        const taken = await (0,promises_.stat)((0,external_node_path_.join)(dir, candidate)).then(() => true, () => false);
        if (!taken)
            return candidate;
    }
}
/** Evidence of at least this many bytes is bundled in a worker thread (when the caller offers one). */
const WORKER_BYTES = 32 * 1024 * 1024;
/** Whether the items add up to `bytes` or more; stops counting once they do. */
async function atLeast(items, bytes) {
    let total = 0;
    for (const item of items) {
        if (item.data)
            total += item.data.length;
        else if (item.file)
            total += await (0,promises_.stat)(item.file).then((s) => s.size, () => 0);
        if (total >= bytes)
            return true;
    }
    return false;
}
/**
 * Gathers, redacts and bundles the evidence, writes it locally, then stores
 * it in S3 and as an artifact when asked. Input problems fail before anything
 * is written. A store that fails does not stop the others; it is reported in
 * `failures` and the local bundle stays for a re-run.
 */
async function runCollectEvidence(inputs, deps) {
    const { logger } = deps;
    const workspace = (0,external_node_path_.resolve)(deps.workspace);
    const context = deps.context ?? {};
    const now = deps.now();
    let extraRules;
    try {
        extraRules = (0,redact/* compileExtraRules */.fI)(inputs.redact);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input 'redact': ${(0,errors/* describeError */.Uc)(err)}`);
    }
    const target = inputs['s3-uri'] ? (0,s3_uri/* parseS3Uri */.yc)(inputs['s3-uri']) : null;
    if (inputs['object-lock-days'] !== undefined && !target)
        throw new errors/* ConfigurationError */.j1("input 'object-lock-days': needs 's3-uri' (Object Lock is an S3 feature)");
    const outputDir = (0,external_node_path_.resolve)(workspace, inputs['output-dir']);
    const gathered = await gatherEvidence({
        workspace,
        evidenceDir: inputs['evidence-dir'],
        paths: inputs.paths,
        alert: inputs.alert,
        outputDir: inputs['output-dir'],
        logger,
    });
    if (gathered.items.length > verify/* MAX_ENTRIES */.Sd) {
        throw new errors/* ConfigurationError */.j1(`${gathered.items.length} files to collect, more than the ${verify/* MAX_ENTRIES */.Sd} a bundle may hold (verify-evidence refuses larger ones); narrow 'paths' or 'evidence-dir'`);
    }
    if (gathered.items.length === 0) {
        if (!inputs['allow-empty']) {
            throw new errors/* ConfigurationError */.j1(`nothing to collect: no file under evidence-dir '${inputs['evidence-dir']}'${inputs.paths.length > 0 ? ', none matching paths' : ''} and no alert; a DR run leaves receipts there, so this usually means the wrong directory. Set allow-empty (--allow-empty) to write a bundle that holds only its manifest`);
        }
        const m = 'nothing to collect: the bundle holds only its manifest (allow-empty is set)';
        gathered.warnings.push(m);
        logger.warning(m);
    }
    const warnings = [...gathered.warnings];
    const commit = context.sha ?? (await (deps.headCommit ?? headCommit)(workspace));
    const allRules = [...redact/* BUILTIN_RULES */.Yb, ...extraRules];
    const metadata = (0,manifest/* redactDeep */.KL)(await (0,manifest/* readMetadata */._6)(gathered.items, gathered.alert, context, commit, (m) => {
        warnings.push(m);
        logger.warning(m);
    }), extraRules);
    const name = await freeName(outputDir, (0,evidence_bundle/* bundleName */.u1)(now, commit));
    // A worker costs a start of this script; only evidence large enough to grow the heap is worth one.
    const jobs = deps.jobs && (await atLeast(gathered.items, WORKER_BYTES)) ? deps.jobs : undefined;
    if (jobs)
        logger.debug(`the bundle is written in a worker thread with a young generation of ${worker_job/* JOB_YOUNG_GENERATION_MB */.oZ} MiB, so its memory stays flat`);
    const bundle = await logger.group(`Bundling ${gathered.items.length} file(s) into ${name}`, () => (jobs ? (o) => (0,bundle_job.writeBundleInWorker)(jobs, o) : evidence_bundle/* writeBundle */.Mf)({
        items: gathered.items,
        outputDir,
        name,
        extraRules,
        warn: (m) => logger.warning(m),
        manifest: (files, bundleWarnings) => {
            const byKind = {};
            for (const f of files)
                for (const [k, n] of Object.entries(f.redactions))
                    byKind[k] = (byKind[k] ?? 0) + n;
            return {
                schema: manifest/* MANIFEST_SCHEMA */.KB,
                createdAt: now.toISOString(),
                bundle: name,
                ...metadata,
                summary: (0,summary/* summarize */.eh)(metadata, now.toISOString()),
                sources: {
                    evidenceDir: (0,redact/* redact */.E$)(inputs['evidence-dir'], extraRules).text,
                    paths: inputs.paths.map((p) => (0,redact/* redact */.E$)(p, extraRules).text),
                    alert: gathered.items.find((i) => i.source === 'alert')?.origin ?? null,
                },
                redaction: {
                    rules: ruleKinds(allRules),
                    total: Object.values(byKind).reduce((a, b) => a + b, 0),
                    byKind,
                    notInspected: files.filter((f) => f.redaction === 'not-inspected').length,
                },
                warnings: (0,manifest/* redactDeep */.KL)([...warnings, ...bundleWarnings], extraRules),
                files,
            };
        },
    }));
    const uninspected = bundle.manifest.files.filter((f) => f.redaction === 'not-inspected');
    if (uninspected.length > 0) {
        logger.warning(`${uninspected.length} file(s) stored as found, their content could not be inspected for secrets: ${uninspected.map((f) => `${f.path} (${f.note ?? f.content})`).join(', ')}`);
    }
    // Beside the bundle: its checksum in `sha256sum -c` format and a readable copy of the manifest.
    const side = (0,verify/* sidecarPaths */.g9)(bundle.path);
    await (0,fs_atomic/* writeFileAtomic */.Z)(side.sha256, `${bundle.sha256}  ${(0,external_node_path_.basename)(bundle.path)}\n`);
    await (0,fs_atomic/* writeFileAtomic */.Z)(side.manifest, bundle.manifestBytes);
    logger.info(`Bundle ${displayPath(workspace, bundle.path)}: ${bundle.size} bytes, sha256 ${bundle.sha256}, ${bundle.manifest.files.length} file(s), ${bundle.manifest.redaction.total} value(s) redacted`);
    const result = {
        name,
        bundlePath: bundle.path,
        manifestPath: side.manifest,
        bundleDisplayPath: displayPath(workspace, bundle.path),
        manifestDisplayPath: displayPath(workspace, side.manifest),
        sha256: bundle.sha256,
        size: bundle.size,
        manifest: bundle.manifest,
        s3: null,
        artifact: null,
        failures: [],
    };
    if (target) {
        try {
            const s3 = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 2827));
            const options = { endpoint: inputs['s3-endpoint'], forcePathStyle: inputs['s3-force-path-style'], checksum: inputs['s3-checksum'], region: deps.s3Region };
            const client = await (deps.s3Client ?? s3.createS3Client)(options);
            try {
                const stored = await logger.group(`Storing in ${inputs['s3-uri']}`, () => s3.storeBundle({
                    client,
                    target,
                    bundlePath: bundle.path,
                    name,
                    sha256: bundle.sha256,
                    size: bundle.size,
                    manifestBytes: bundle.manifestBytes,
                    partSizeMiB: inputs['s3-part-size'],
                    objectLock: inputs['object-lock-days'] !== undefined ? { mode: inputs['object-lock-mode'], days: inputs['object-lock-days'] } : undefined,
                    pointer: {
                        createdAt: now.toISOString(),
                        gitSha: commit,
                        runId: context.runId ?? null,
                        runAttempt: context.runAttempt ?? null,
                        repository: context.repository ?? null,
                    },
                    now: deps.now,
                    logger,
                }));
                result.s3 = { bundleUri: stored.bundleUri, pointerUri: stored.pointerUri, retainUntil: stored.retainUntil };
            }
            finally {
                client.destroy();
            }
        }
        catch (err) {
            // Reported once, by the caller, with the local bundle's path; the pointer still names the last verified bundle.
            const message = (0,errors/* describeError */.Uc)(err);
            result.failures.push(`S3: ${message}${message.includes('pointer was not moved') ? '' : '; the pointer was not moved'}`);
        }
    }
    if (deps.artifact && inputs['artifact-name'].trim() !== '') {
        const artifactName = inputs['artifact-name'].replaceAll('{run-id}', context.runId ?? 'local').replaceAll('{run-attempt}', context.runAttempt ?? '1');
        try {
            const options = {};
            if (inputs['retention-days'] !== undefined)
                options.retentionDays = inputs['retention-days'];
            const res = await deps.artifact.uploadArtifact(artifactName, [bundle.path, side.sha256, side.manifest], (0,external_node_path_.dirname)(bundle.path), options);
            const id = res.id ?? null;
            const url = id !== null && context.runUrl ? `${context.runUrl}/artifacts/${id}` : null;
            result.artifact = { name: artifactName, id, url };
            logger.info(`Uploaded artifact ${artifactName}${id !== null ? ` (id ${id})` : ''}`);
        }
        catch (err) {
            result.failures.push(`artifact ${artifactName}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    return result;
}
function collectEvidenceOutputs(r) {
    return {
        'bundle-path': r.bundleDisplayPath,
        'bundle-sha256': r.sha256,
        'manifest-path': r.manifestDisplayPath,
        'bundle-uri': r.s3?.bundleUri ?? '',
        'pointer-uri': r.s3?.pointerUri ?? '',
        'artifact-id': r.artifact?.id !== null && r.artifact?.id !== undefined ? String(r.artifact.id) : '',
        'artifact-url': r.artifact?.url ?? '',
    };
}
/** What the summary needs about where the bundle went. */
function destinationsOf(r) {
    return { localPath: r.bundleDisplayPath, sha256: r.sha256, size: r.size, s3: r.s3, artifact: r.artifact, failures: r.failures };
}


/***/ })

};
