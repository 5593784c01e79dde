export const id = 456;
export const ids = [456];
export const modules = {

/***/ 72456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  STATE_PREFIX: () => (/* binding */ STATE_PREFIX),
  STATE_RETENTION_DAYS: () => (/* binding */ STATE_RETENTION_DAYS),
  regularFiles: () => (/* binding */ regularFiles),
  restoreState: () => (/* binding */ restoreState),
  saveState: () => (/* binding */ saveState),
  stageOf: () => (/* binding */ stageOf),
  stateArtifactName: () => (/* binding */ stateArtifactName)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/plan/phases.ts
/**
 * A plan's phases, in the order they run. Kept apart from the plan schema so
 * that code needing only the names (restoring state between jobs) does not
 * load the schema, YAML and their zod schemas.
 */
const PHASES = ['bringup', 'restore', 'validate', 'promote', 'teardown'];

;// CONCATENATED MODULE: ./src/loop/state.ts





/**
 * State between the jobs of one workflow run. Each job that runs phases
 * leaves its evidence folder as one artifact, named after the plan and the
 * first phase it ran: `drloop-state-<plan key>-<phase>`. The name carries no
 * run attempt, so a job re-run ("Re-run failed jobs", a late approval) finds
 * what the earlier jobs left; a re-run replaces its own earlier artifact.
 * A job restores the artifacts of the stages before its own, in phase order,
 * so a later job's copy of a shared file (the run summary) always wins.
 */
const STATE_PREFIX = 'drloop-state-';
/** Artifacts must outlive a promotion that waits the full 30 days GitHub allows an approval. */
const STATE_RETENTION_DAYS = 35;
function stateArtifactName(planKey, stage) {
    return `${STATE_PREFIX}${planKey}-${stage}`;
}
/** The stage of one of this plan's state artifacts, or null when the name is another plan's or not drloop's. */
function stageOf(name, planKey) {
    const prefix = `${STATE_PREFIX}${planKey}-`;
    if (!name.startsWith(prefix))
        return null;
    const stage = name.slice(prefix.length);
    return PHASES.includes(stage) ? stage : null;
}
/** Every regular file under `dir`, relative, sorted; a link or device is an error, not something to follow. */
async function regularFiles(dir, label) {
    const out = [];
    const walk = async (d) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(d, { withFileTypes: true });
        }
        catch (err) {
            if (err.code === 'ENOENT' && d === dir)
                return;
            throw err;
        }
        for (const e of entries) {
            const p = (0,external_node_path_.join)(d, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isFile())
                out.push((0,external_node_path_.relative)(dir, p).split(external_node_path_.sep).join('/'));
            else
                throw new errors/* ConfigurationError */.j1(`${label}: ${(0,external_node_path_.relative)(dir, p)} is not a regular file; state holds only files`);
        }
    };
    await walk(dir);
    return out.sort();
}
/**
 * Restores the state of the stages before `before` (every stage when null)
 * into `evidenceDir`, in phase order. Returns the artifacts restored.
 */
async function restoreState(store, o) {
    const limit = o.before === null ? PHASES.length : PHASES.indexOf(o.before);
    const wanted = (await store.list())
        .map((a) => ({ ...a, stage: stageOf(a.name, o.planKey) }))
        .filter((a) => a.stage !== null && PHASES.indexOf(a.stage) < limit)
        .sort((a, b) => PHASES.indexOf(a.stage) - PHASES.indexOf(b.stage) || b.id - a.id);
    const seen = new Set();
    const restored = [];
    const tmp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'drloop-state-'));
    try {
        for (const a of wanted) {
            if (seen.has(a.stage))
                continue; // the newest upload of a stage
            seen.add(a.stage);
            const dir = (0,external_node_path_.join)(tmp, a.stage);
            await (0,promises_.mkdir)(dir);
            await store.download(a.id, dir);
            for (const rel of await regularFiles(dir, `artifact ${a.name}`)) {
                const target = (0,external_node_path_.join)(o.evidenceDir, rel);
                await (0,promises_.mkdir)((0,external_node_path_.join)(target, '..'), { recursive: true });
                const existing = await (0,promises_.lstat)(target).catch(() => null);
                if (existing && !existing.isFile())
                    throw new errors/* ConfigurationError */.j1(`${target}: exists and is not a regular file`);
                await (0,promises_.copyFile)((0,external_node_path_.join)(dir, rel), target);
            }
            restored.push(a.name);
        }
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
    if (restored.length)
        o.logger.info(`Restored the state of ${restored.join(', ')}`);
    return restored;
}
/** Uploads this job's evidence folder as its stage's artifact, replacing an earlier attempt's. */
async function saveState(store, o) {
    const files = await regularFiles(o.evidenceDir, o.evidenceDir);
    if (files.length === 0)
        return null;
    const name = stateArtifactName(o.planKey, o.stage);
    if ((await store.list()).some((a) => a.name === name))
        await store.remove(name);
    await store.upload(name, o.evidenceDir, files, o.retentionDays ?? STATE_RETENTION_DAYS);
    o.logger.info(`Saved ${files.length} file(s) of state as artifact ${name}`);
    return name;
}


/***/ })

};
