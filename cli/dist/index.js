#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3545:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ stderrLogger),
/* harmony export */   N7: () => (/* binding */ reportError),
/* harmony export */   bQ: () => (/* binding */ parseFlags),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


/** Exit codes of every drloop command. */
const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, interrupted: 130 };
class UsageError extends Error {
    name = 'UsageError';
}
/** A logger on stderr, so stdout stays for the command's result. */
function stderrLogger(stderr, verbose = false) {
    const isTty = stderr.isTTY === true;
    const paint = (code, s) => (isTty ? `\u001b[${code}m${s}\u001b[0m` : s);
    return {
        info: (m) => void stderr.write(`${m}\n`),
        warning: (m) => void stderr.write(`${paint('33', 'warning:')} ${m}\n`),
        error: (m) => void stderr.write(`${paint('31', 'error:')} ${m}\n`),
        debug: (m) => {
            if (verbose)
                stderr.write(`${paint('2', m)}\n`);
        },
        group: async (title, fn) => {
            stderr.write(`${paint('1', `▸ ${title}`)}\n`);
            return fn();
        },
    };
}
/** The shortest glob that matches every given path: their common folder, `**`, and their common extension. */
function globFor(paths) {
    const dirs = paths.map((p) => p.split('/').slice(0, -1));
    const common = [];
    for (let i = 0; dirs.every((d) => i < d.length && d[i] === dirs[0][i]); i++)
        common.push(dirs[0][i]);
    const exts = new Set(paths.map((p) => /\.[A-Za-z0-9]+$/.exec(p)?.[0] ?? ''));
    const ext = exts.size === 1 ? [...exts][0] : '';
    return [...common, '**', `*${ext}`].join('/');
}
/** Why `value` is not taken, and what to type instead, from the token in front of it. */
function unexpectedArgument(value, index, tokens, options, usage, maxPositionals) {
    const head = `unexpected argument '${value}'`;
    const command = /^usage: (drloop [\w-]+)/.exec(usage)?.[1] ?? 'drloop <command>';
    const takes = maxPositionals === 0 ? 'takes no arguments, only --flags' : `takes at most ${maxPositionals === 1 ? 'one argument' : `${maxPositionals} arguments`}`;
    const flag = tokens.filter((t) => t.index < index).at(-1);
    if (flag?.kind !== 'option')
        return new UsageError(`${head}: ${command} ${takes} (${command} --help)`);
    const name = `--${flag.name}`;
    const spec = options[flag.name];
    if (spec?.type !== 'string')
        return new UsageError(`${head}: ${name} is a switch and takes no value`);
    // What the shell made of one unquoted word: the flag's value, then the arguments after it up to the next flag.
    const after = tokens.filter((t) => t.index > flag.index);
    const stop = after.findIndex((t) => t.kind !== 'positional');
    const spread = [flag.value ?? '', ...(stop === -1 ? after : after.slice(0, stop)).map((t) => (t.kind === 'positional' ? t.value : ''))];
    const meta = new RegExp(`${name} ([A-Z][A-Z_:,.|-]*)`).exec(usage)?.[1];
    if (spec.multiple && meta === 'GLOB') {
        if (/[*?[{]/.test(flag.value ?? ''))
            return new UsageError(`${head}: ${name} takes one pattern; repeat ${name} for each pattern`);
        return new UsageError(`${head}: quote the glob (${name} '${globFor(spread)}') or repeat ${name} for each pattern`);
    }
    if (spec.multiple)
        return new UsageError(`${head}: ${name} takes one value; repeat ${name} for each (${spread.map((v) => `${name} ${v}`).join(' ')})`);
    return new UsageError(`${head}: ${name} takes one ${meta ?? 'value'}; quote a value that holds spaces (${name} '${spread.join(' ')}')`);
}
/**
 * Parses `--name value` flags into the raw-string inputs the actions use, so
 * the CLI and the actions share one schema. Repeated list flags become lines;
 * a boolean flag given alone means `true`. Arguments that are not flags are
 * usage errors, each naming the fix (an unquoted glob the shell expanded, a
 * value with spaces), unless the command takes up to `maxPositionals` of them.
 */
function parseFlags(argv, options, usage, maxPositionals = 0) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
    }
    catch (err) {
        throw new UsageError(`${(0,_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err).replace(/^TypeError \[[A-Z_]+\]: /, '')}\n${usage}`);
    }
    const extra = parsed.tokens.filter((t) => t.kind === 'positional').slice(maxPositionals)[0];
    if (extra?.kind === 'positional')
        throw unexpectedArgument(extra.value, extra.index, parsed.tokens, options, usage, maxPositionals);
    const raw = {};
    for (const [k, v] of Object.entries(parsed.values)) {
        if (Array.isArray(v))
            raw[k] = v.map(String).join('\n');
        else if (typeof v === 'boolean')
            raw[k] = v ? 'true' : 'false';
        else if (v !== undefined)
            raw[k] = String(v);
    }
    return { raw, positionals: parsed.positionals };
}
/** Maps errors to exit codes and one-line messages, with the stack only under DRLOOP_DEBUG. */
function reportError(err, command, ctx) {
    if (err instanceof UsageError) {
        ctx.stderr.write(`drloop ${command}: ${err.message}\n`);
        return EXIT.usage;
    }
    if (err instanceof _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1) {
        ctx.stderr.write(`drloop ${command}: ${err.message}\n`);
        return EXIT.usage;
    }
    ctx.stderr.write(`drloop ${command}: internal error: ${(0,_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)}\n`);
    if (ctx.env.DRLOOP_DEBUG && err instanceof Error && err.stack)
        ctx.stderr.write(`${err.stack}\n`);
    return EXIT.internal;
}


/***/ }),

/***/ 8682:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _src_worker_job_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9587);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3545);


/** Commands load on demand, so `drloop decide` never pays for the S3 SDK or PostgreSQL. */
const COMMANDS = {
    decide: { summary: 'decide allow / warn / block from cost artefacts and a budget policy', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(598), __nccwpck_require__.e(6), __nccwpck_require__.e(466), __nccwpck_require__.e(758)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4237))).decideCommand },
    evidence: { summary: "bundle a run's alert, decision, receipts and logs into a redacted, checksummed tar.gz", load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(240), __nccwpck_require__.e(621), __nccwpck_require__.e(811), __nccwpck_require__.e(347), __nccwpck_require__.e(992)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4200))).evidenceCommand },
    'verify-evidence': { summary: 'check an evidence bundle or S3 pointer against its manifest and checksums', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(240), __nccwpck_require__.e(32)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6032))).verifyEvidenceCommand },
    history: { summary: 'the drill history of every plan under an S3 prefix or directory; --check fails on stale evidence', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(598), __nccwpck_require__.e(240), __nccwpck_require__.e(621), __nccwpck_require__.e(42), __nccwpck_require__.e(591)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9591))).historyCommand },
    execute: { summary: 'run a DR plan phase by phase, with receipts and measured RTO/RPO', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(598), __nccwpck_require__.e(108), __nccwpck_require__.e(137)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9730))).executeCommand },
    relay: { summary: 'receive Alertmanager webhooks and turn them into repository_dispatch events', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(906), __nccwpck_require__.e(217), __nccwpck_require__.e(869)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2196))).relayCommand },
    drill: { summary: 'run the whole DR loop locally against a real PostgreSQL failover, with RTO/RPO and verified evidence', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(598), __nccwpck_require__.e(6), __nccwpck_require__.e(906), __nccwpck_require__.e(166), __nccwpck_require__.e(240), __nccwpck_require__.e(621), __nccwpck_require__.e(811), __nccwpck_require__.e(108), __nccwpck_require__.e(217), __nccwpck_require__.e(466), __nccwpck_require__.e(347), __nccwpck_require__.e(880)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1880))).drillCommand },
};
function help() {
    const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
    return [
        'drloop: a cost-aware disaster-recovery loop (decide, execute, prove)',
        '',
        'usage: drloop <command> [options]   (drloop <command> --help for its options)',
        '',
        ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    ].join('\n');
}
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(`${help()}\n`);
        return name ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok : _cli_kit_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.usage;
    }
    const entry = COMMANDS[name];
    if (!entry) {
        process.stderr.write(`drloop: unknown command '${name}'\n\n${help()}\n`);
        return _cli_kit_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.usage;
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
        return _cli_kit_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok;
    }
    const ctx = { argv: rest, env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, jobs: (0,_src_worker_job_js__WEBPACK_IMPORTED_MODULE_0__/* .jobWorkers */ .x7)(process.argv[1]) };
    try {
        return await command.run(ctx);
    }
    catch (err) {
        return (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_1__/* .reportError */ .N7)(err, name, ctx);
    }
}
// A worker thread started for a memory-heavy job (src/worker-job.ts) serves that job instead.
const served = await (0,_src_worker_job_js__WEBPACK_IMPORTED_MODULE_0__/* .serveWorkerJob */ .h4)({
    bundle: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(240), __nccwpck_require__.e(811)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2811))).serveBundleJob,
    history: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(118), __nccwpck_require__.e(240), __nccwpck_require__.e(621), __nccwpck_require__.e(42), __nccwpck_require__.e(252)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1042))).serveHistoryJob,
});
if (!served)
    process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/* unused harmony export isConfigurationError */
/**
 * The two kinds of failure drloop reports.
 *
 * A ConfigurationError is the user's to fix (a bad input, policy, plan or
 * artefact): it is reported as one clear line, never with a stack trace.
 * Anything else is drloop's own failure and keeps its stack for debug logs.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    /** Every problem found, when validation collected more than one. */
    problems;
    constructor(message, problems = []) {
        super(message);
        this.problems = problems;
    }
}
function isConfigurationError(err) {
    return err instanceof ConfigurationError;
}
/** A one-line description of any thrown value, for logs and `setFailed`. */
function describeError(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 9587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b5: () => (/* binding */ runJob),
/* harmony export */   h4: () => (/* binding */ serveWorkerJob),
/* harmony export */   oZ: () => (/* binding */ JOB_YOUNG_GENERATION_MB),
/* harmony export */   x7: () => (/* binding */ jobWorkers)
/* harmony export */ });
/* unused harmony export JOB_OLD_GENERATION_MB */
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


/**
 * Long, allocation-heavy jobs (an evidence bundle, a history scan) run in a
 * worker thread whose young generation is bounded.
 *
 * V8 grows a busy thread's young generation whenever objects keep surviving
 * its minor collections, and on Node 24 it grows it up to 64 MiB per
 * semi-space: a job streaming a gigabyte ends up holding well over 100 MiB
 * of young-generation space however little it keeps alive. The runner starts
 * actions without V8 flags, so the limits are set where Node allows it, on
 * a worker (`resourceLimits`). The job's results and its callbacks to the
 * caller (a warning, building a manifest) cross as messages.
 *
 * The worker runs the same script as the caller: each entry point (an
 * action's bundle, the CLI) first calls `serveWorkerJob()`, which serves the
 * job when the thread was started for one; otherwise the entry runs its main path.
 */
/** The young generation of a job's worker: 8 MiB semi-spaces, as V8 gives a small heap. */
const JOB_YOUNG_GENERATION_MB = 24;
/**
 * The old generation's ceiling. Besides bounding the job, a ceiling of 1 GiB
 * (rather than the machine's share V8 picks by default) makes V8 grow the
 * heap by about 1.6× its live size between full collections instead of up
 * to 4×. A history of 10,000 bundles keeps about 30 MiB alive.
 */
const JOB_OLD_GENERATION_MB = 1024;
const JOB_KEY = 'drloopJob';
/** Workers that run `script` (the entry point that is running: `process.argv[1]`) for a job. */
function jobWorkers(script) {
    return (job, data) => new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(script, { workerData: { [JOB_KEY]: job, data }, resourceLimits: { maxYoungGenerationSizeMb: JOB_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: JOB_OLD_GENERATION_MB } });
}
/** The job this thread was started for, or null on the main thread or in a worker that is not a job's. */
function workerJob() {
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread || !node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort)
        return null;
    const d = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData;
    if (!d || typeof d !== 'object' || typeof d[JOB_KEY] !== 'string')
        return null;
    return { job: d[JOB_KEY], data: d.data };
}
/**
 * Serves the job this thread was started for, if it was, and resolves true;
 * false on the main thread, where the entry point goes on with its main path.
 * A job the entry does not serve fails the worker, and with it the caller.
 */
async function serveWorkerJob(servers) {
    const job = workerJob();
    if (!job)
        return false;
    const load = servers[job.job];
    if (!load)
        throw new Error(`drloop: no worker job named ${job.job}`);
    await serveJob(job.data, await load());
    return true;
}
function toWire(err) {
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1)
        return { name: err.name, message: err.message, problems: err.problems };
    if (err instanceof Error)
        return { name: err.name, message: err.message, stack: err.stack };
    return { name: 'Error', message: String(err) };
}
function fromWire(w) {
    if (w.name === 'ConfigurationError')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(w.message, w.problems ?? []);
    const err = new Error(w.message);
    err.name = w.name;
    if (w.stack)
        err.stack = w.stack;
    return err;
}
/**
 * Runs a job in a worker and resolves with its result. The job may `call`
 * (and wait for) or `tell` (and not wait for) the caller's handlers. A job
 * that throws rejects with its error; a worker that dies rejects too.
 */
function runJob(workers, job, data, handlers) {
    return new Promise((resolve, reject) => {
        const worker = workers(job, data);
        let settled = false;
        // The worker is gone before the caller goes on, so its heap is not held while the caller uses the result.
        const settle = (fn) => {
            if (settled)
                return;
            settled = true;
            void worker.terminate().finally(fn);
        };
        const handle = (method, payload) => {
            const h = handlers[method];
            if (!h)
                throw new Error(`the ${job} job called an unknown method: ${method}`);
            return h(payload);
        };
        worker.on('message', (m) => {
            if (m.type === 'done')
                settle(() => resolve(m.value));
            else if (m.type === 'fail')
                settle(() => reject(fromWire(m.error)));
            else if (m.type === 'tell' || m.type === 'call') {
                const answer = Promise.resolve().then(() => handle(m.method, m.payload));
                // A `tell` has nobody waiting for it: its handler's failure fails the job.
                if (m.type === 'tell')
                    answer.catch((err) => settle(() => reject(err)));
                else
                    answer.then((value) => worker.postMessage({ type: 'reply', id: m.id, value }), (err) => worker.postMessage({ type: 'reply', id: m.id, error: toWire(err) }));
            }
        });
        worker.on('error', (err) => settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`the ${job} job ran out of memory: it needs more than its ${JOB_OLD_GENERATION_MB} MiB heap`) : err)));
        worker.on('exit', (code) => settle(() => reject(new Error(`the ${job} worker stopped before it finished (exit code ${code})`))));
    });
}
/** Serves the job this worker was started for with `fn`, then lets the thread end. */
async function serveJob(data, fn) {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    let next = 0;
    const waiting = new Map();
    const onMessage = (m) => {
        if (m.type !== 'reply')
            return;
        const w = waiting.get(m.id);
        if (!w)
            return;
        waiting.delete(m.id);
        if (m.error)
            w.reject(fromWire(m.error));
        else
            w.resolve(m.value);
    };
    port.on('message', onMessage);
    const channel = {
        call: (method, payload) => new Promise((resolve, reject) => {
            const id = ++next;
            waiting.set(id, { resolve: resolve, reject });
            port.postMessage({ type: 'call', id, method, payload });
        }),
        tell: (method, payload) => port.postMessage({ type: 'tell', method, payload }),
    };
    try {
        const value = await fn(data, channel);
        port.postMessage({ type: 'done', value });
    }
    catch (err) {
        port.postMessage({ type: 'fail', error: toWire(err) });
    }
    finally {
        port.off('message', onMessage);
    }
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9907:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("cluster");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2987:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("perf_hooks");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 1493:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("v8");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(8682);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
