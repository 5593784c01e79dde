export const id = 455;
export const ids = [455];
export const modules = {

/***/ 49455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  downloadRunEvidence: () => (/* binding */ downloadRunEvidence),
  githubClaimStore: () => (/* binding */ githubClaimStore),
  runnerStateArtifacts: () => (/* binding */ runnerStateArtifacts)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(94343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(73305);
;// CONCATENATED MODULE: ./src/loop/claims.ts


/**
 * Claims are git refs in the repository the loop runs for, created through
 * GitHub's REST API. Creating a ref that exists fails (422), so whichever
 * dispatch creates `refs/drloop/incidents/<id>` first owns the incident;
 * every other dispatch of it, at the same moment or a week later, is a
 * duplicate. The ref points at a commit whose message is the owner record.
 */
const CLAIM_SCHEMA = 'drloop.claim/v1';
const claimOwnerSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(CLAIM_SCHEMA),
    kind: schemas/* enum */.k5n(['failover', 'drill']),
    /** The GitHub workflow run that holds the claim. */
    githubRunId: schemas/* string */.YjP().check(api/* _regex */.Fk(/^\d+$/)),
    runUrl: schemas/* string */.YjP(),
    /** drloop's run id (the incident id for a failover). */
    runId: schemas/* string */.YjP(),
    plan: schemas/* string */.YjP(),
    claimedAt: schemas/* string */.YjP(),
});
const incidentRef = (incident) => `refs/drloop/incidents/${incident.id}`;
const planPrefix = (planKey) => `refs/drloop/plans/${planKey}/`;
/** Parses an owner record from a claim commit's message; null when it is not one. */
function parseOwner(message) {
    try {
        const r = claimOwnerSchema.safeParse(JSON.parse(message));
        return r.success ? r.data : null;
    }
    catch {
        return null;
    }
}
/**
 * Claims an incident for this workflow run. `rerun` means this run already
 * holds it (a job re-run, or the next job of the same run).
 */
async function claimIncident(store, incident, me) {
    const ref = incidentRef(incident);
    const r = await store.create(ref, me);
    if (r.created)
        return { outcome: 'owner' };
    if (r.owner && r.owner.githubRunId === me.githubRunId)
        return { outcome: 'rerun' };
    return { outcome: 'duplicate', owner: r.owner, ref };
}
/**
 * Keeps a drill and a failover of one plan from running at once. Each run
 * creates its own ref under the plan's prefix, then looks at the others; a
 * ref of a completed run is stale and removed. A drill gives way to anyone
 * (it removes its ref and is refused); a failover waits for running drills
 * to end, up to `waitMs`, and is refused after that, naming them. Failovers
 * of different incidents do not wait for each other. The refs of this run are
 * released when the run completes, whatever happened to it: nothing has to
 * remember to delete them.
 */
async function holdPlan(store, planKey, me, o) {
    const prefix = planPrefix(planKey);
    const ref = `${prefix}${me.githubRunId}`;
    const mine = await store.create(ref, me);
    if (!mine.created && mine.owner?.githubRunId !== me.githubRunId)
        throw new Error(`${ref} exists and is not this run's`);
    const deadline = o.now() + o.waitMs;
    for (;;) {
        const blocking = [];
        for (const other of await store.list(prefix)) {
            if (other.ref === ref)
                continue;
            const owner = other.owner;
            if (!owner)
                continue;
            let done;
            try {
                done = await store.runCompleted(owner.githubRunId);
            }
            catch (err) {
                o.logger.warning(`could not read the state of run ${owner.runUrl} (${describeError(err)}); treating it as running`);
                done = false;
            }
            if (done) {
                await store.remove(other.ref).catch(() => undefined);
                continue;
            }
            if (me.kind === 'drill' || owner.kind === 'drill')
                blocking.push(owner);
        }
        if (blocking.length === 0)
            return { outcome: 'held', ref };
        if (me.kind === 'drill' || o.now() >= deadline) {
            await store.remove(ref).catch(() => undefined);
            return { outcome: 'busy', ref, holders: blocking };
        }
        o.logger.info(`waiting for ${blocking.map((b) => `the ${b.kind} ${b.runUrl}`).join(', ')} to end before this failover of ${me.plan} starts`);
        await o.sleep(Math.max(0, Math.min(o.pollMs, deadline - o.now())));
    }
}

// EXTERNAL MODULE: ./actions/_kit/src/runtime.ts + 5 modules
var runtime = __webpack_require__(80426);
;// CONCATENATED MODULE: ./actions/_kit/src/github.ts


const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** The REST API's base URL: the runner's `GITHUB_API_URL` (set on GitHub Enterprise Server), else api.github.com. */
function githubApiUrl(env = process.env) {
    const url = env.GITHUB_API_URL?.trim();
    return (url ? url : DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
}
/**
 * An authenticated Octokit for `token` (usually the `github-token` input).
 * The token is masked in the log before anything can print it.
 */
async function createOctokit(token, input = 'github-token') {
    const value = token.trim();
    if (value === '')
        throw new errors/* ConfigurationError */.j1(`input '${input}' is empty: a token is needed to call GitHub's API (the default is \${{ github.token }})`);
    (0,runtime/* mask */.dK)(value);
    const { getOctokit: create } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    return create(value, { baseUrl: githubApiUrl(), userAgent: 'drloop' });
}

;// CONCATENATED MODULE: ./actions/_kit/src/loop-clients.ts
/**
 * GitHub's side of the DR loop, for dr-execute and collect-evidence: claims
 * as git refs through the REST API (Octokit at GITHUB_API_URL) and state as
 * this workflow run's artifacts (@actions/artifact). Both packages are
 * ESM-only and large, so they are loaded only when a job asks for them.
 */



function repoOf(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new errors/* ConfigurationError */.j1('GITHUB_REPOSITORY is not owner/name: claims and resumes need a GitHub workflow run');
    return { owner, repo };
}
async function octokitFor(token) {
    if (!token)
        throw new errors/* ConfigurationError */.j1("input 'github-token': required for claims and resumes (the default is the job's github.token)");
    return createOctokit(token);
}
function loop_clients_status(err) {
    return err.status;
}
/**
 * Claims are refs under refs/drloop/ pointing at a parentless commit whose
 * message is the owner record (on the tree of the run's commit, so no new
 * content is stored). Needs `contents: write` (refs and commits) and
 * `actions: read` (whether a holder's run has completed).
 */
async function githubClaimStore(token, env = process.env) {
    const octokit = await octokitFor(token);
    const { owner, repo } = repoOf(env);
    const sha = env.GITHUB_SHA;
    if (!sha)
        throw new errors/* ConfigurationError */.j1('GITHUB_SHA is not set: claims need the commit the workflow runs on');
    let tree;
    const ownerAt = async (commitSha) => {
        const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
        return parseOwner(data.message);
    };
    const readRef = async (ref) => {
        try {
            const { data } = await octokit.rest.git.getRef({ owner, repo, ref: ref.replace(/^refs\//, '') });
            return await ownerAt(data.object.sha);
        }
        catch (err) {
            if (loop_clients_status(err) === 404)
                return null;
            throw err;
        }
    };
    return {
        async create(ref, me) {
            tree ??= (await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha })).data.tree.sha;
            const commit = await octokit.rest.git.createCommit({ owner, repo, message: JSON.stringify(me), tree, parents: [] });
            try {
                await octokit.rest.git.createRef({ owner, repo, ref, sha: commit.data.sha });
                return { created: true };
            }
            catch (err) {
                if (loop_clients_status(err) !== 422)
                    throw err;
                return { created: false, owner: await readRef(ref) };
            }
        },
        async list(prefix) {
            const { data } = await octokit.rest.git.listMatchingRefs({ owner, repo, ref: prefix.replace(/^refs\//, '').replace(/\/$/, '') + '/' });
            return Promise.all(data.map(async (r) => ({ ref: r.ref, owner: await ownerAt(r.object.sha).catch(() => null) })));
        },
        async remove(ref) {
            try {
                await octokit.rest.git.deleteRef({ owner, repo, ref: ref.replace(/^refs\//, '') });
            }
            catch (err) {
                if (loop_clients_status(err) !== 404 && loop_clients_status(err) !== 422)
                    throw err;
            }
        },
        async runCompleted(githubRunId) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(githubRunId) });
                return data.status === 'completed';
            }
            catch (err) {
                if (loop_clients_status(err) === 404)
                    return true;
                throw err;
            }
        },
    };
}
/** This workflow run's artifacts, through the runner's results service (ACTIONS_RUNTIME_TOKEN). */
async function runnerStateArtifacts() {
    if (!process.env.ACTIONS_RUNTIME_TOKEN)
        throw new errors/* ConfigurationError */.j1("input 'state': state between jobs needs a GitHub runner (ACTIONS_RUNTIME_TOKEN is not set)");
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(260), __webpack_require__.e(419)]).then(__webpack_require__.bind(__webpack_require__, 73419));
    const client = new DefaultArtifactClient();
    return {
        async list() {
            const { artifacts } = await client.listArtifacts({ latest: true });
            return artifacts.map((a) => ({ id: a.id, name: a.name }));
        },
        async download(id, dir) {
            await client.downloadArtifact(id, { path: dir });
        },
        async remove(name) {
            await client.deleteArtifact(name);
        },
        async upload(name, root, files, retentionDays) {
            const { join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
            await client.uploadArtifact(name, files.map((f) => join(root, f)), root, { retentionDays });
        },
    };
}
/**
 * Downloads another run's evidence artifacts (`drloop-evidence-*`, of this
 * plan when their names say so) through the public REST API; needs
 * `actions: read`.
 */
async function downloadRunEvidence(token, githubRunId, planKey, dir, env = process.env) {
    if (!token)
        throw new errors/* ConfigurationError */.j1("input 'github-token': required to read another run's artifacts");
    const { owner, repo } = repoOf(env);
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(260), __webpack_require__.e(419)]).then(__webpack_require__.bind(__webpack_require__, 73419));
    const client = new DefaultArtifactClient();
    const findBy = { token, workflowRunId: Number(githubRunId), repositoryOwner: owner, repositoryName: repo };
    const { artifacts } = await client.listArtifacts({ findBy });
    const evidence = artifacts.filter((a) => a.name.startsWith('drloop-evidence-'));
    const ofPlan = evidence.filter((a) => a.name.endsWith(`-${planKey}`));
    const chosen = ofPlan.length > 0 ? ofPlan : evidence;
    const { join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
    for (const a of chosen)
        await client.downloadArtifact(a.id, { path: join(dir, String(a.id)), findBy });
}


/***/ })

};
