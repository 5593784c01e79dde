export const id = 591;
export const ids = [591];
export const modules = {

/***/ 9591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyCommand: () => (/* binding */ historyCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./src/cost/policy.ts
var cost_policy = __webpack_require__(4375);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/evidence/s3-uri.ts
var s3_uri = __webpack_require__(9612);
// EXTERNAL MODULE: ./src/history/history.ts
var history_history = __webpack_require__(3328);
// EXTERNAL MODULE: ./src/history/history-job.ts + 1 modules
var history_job = __webpack_require__(1042);
// EXTERNAL MODULE: ./src/cost/report.ts
var report = __webpack_require__(2591);
;// CONCATENATED MODULE: ./src/history/render.ts



const STATUS_ICON = { succeeded: '✅', failed: '❌', stopped: '⏹️', refused: '⛔', cancelled: '🚫' };
const DECISION_ICON = { allow: '✅', warn: '⚠️', block: '⛔' };
const INTEGRITY_TEXT = { verified: '✅ verified', recorded: '☑️ recorded', unrecorded: '❔ unrecorded', mismatch: '❌ mismatch' };
const dur = (s) => (s === null ? '—' : (0,duration/* formatDuration */.a3)(s));
const planName = (p) => (p.plan === null ? '(no plan recorded)' : p.plan);
/** `2026-01-02 03:00 UTC`; the text as given when it is not a date. */
function when(iso) {
    const t = Date.parse(iso);
    return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}
function windowText(seconds) {
    return seconds % 86400 === 0 ? `${seconds / 86400}d` : (0,duration/* formatDuration */.a3)(seconds);
}
function objective(measured, target, met, words = false) {
    const icon = met === null ? '' : words ? (met ? ' met' : ' missed') : met ? ' ✅' : ' ❌';
    return `${dur(measured)}${icon}${target === null ? '' : ` (≤ ${dur(target)})`}`;
}
function trend(r) {
    return r.regression ? `📈 regression: ${r.regression.ratio}× the median ${dur(r.regression.medianSeconds)}` : '';
}
function freshnessLine(p) {
    const f = p.freshness;
    if (!f)
        return null;
    if (f.ok) {
        const s = f.newestSuccess;
        return `**Fresh**: the newest successful drill ran ${when(s.date)}, ${Math.floor(s.ageSeconds / 86400)} day(s) ago (window ${windowText(f.windowSeconds)}).`;
    }
    return [`**Stale** (window ${windowText(f.windowSeconds)}):`, ...f.problems.map((x) => `- ${x}`)].join('\n');
}
/** The job-summary form: one section and table per plan, newest run first. */
function historyMarkdown(h) {
    const lines = [];
    lines.push(`## DR drill history: \`${h.source}\``);
    lines.push('');
    lines.push(`${h.bundles} bundle(s), ${h.plans.filter((p) => p.plan !== null).length} plan(s); generated ${when(h.generatedAt)}.`);
    for (const p of h.plans) {
        const regressions = p.runs.filter((r) => r.regression).length;
        lines.push('');
        lines.push(`### ${p.freshness ? (p.freshness.ok ? '✅ ' : '❌ ') : ''}${p.plan === null ? planName(p) : `\`${p.plan}\``}: ${p.runs.length} run(s)${regressions ? `, ${regressions} RTO regression(s)` : ''}`);
        const fresh = freshnessLine(p);
        if (fresh)
            lines.push('', fresh);
        lines.push('');
        lines.push('| Date | Mode | Target | Decision | Status | RTO (objective) | RPO (objective) | Trend | Evidence | Run |');
        lines.push('|---|---|---|---|---|---|---|---|---|---|');
        for (const r of [...p.runs].reverse()) {
            const evidence = `${INTEGRITY_TEXT[r.integrity]} \`${r.bundle}\``;
            lines.push(`| ${[
                when(r.date),
                r.mode ?? '—',
                r.target ?? '—',
                r.decision ? `${DECISION_ICON[r.decision] ?? ''} ${r.decision}`.trim() : '—',
                r.status ? `${STATUS_ICON[r.status] ?? ''} ${r.status}`.trim() : '—',
                objective(r.rtoSeconds, r.rtoObjectiveSeconds, r.rtoMet),
                objective(r.rpoSeconds, r.rpoObjectiveSeconds, r.rpoMet),
                trend(r),
                evidence,
                r.runUrl ? `[run](${r.runUrl})` : '—',
            ]
                .map(report/* cell */.Hn)
                .join(' | ')} |`);
        }
        const problems = p.runs.filter((r) => r.problems.length > 0);
        if (problems.length > 0) {
            lines.push('');
            lines.push('<details><summary>Evidence problems</summary>');
            lines.push('');
            for (const r of problems)
                for (const x of r.problems)
                    lines.push(`- \`${r.bundle}\`: ${x}`);
            lines.push('');
            lines.push('</details>');
        }
    }
    lines.push('');
    lines.push(`A run is flagged as a regression when its RTO exceeds ${history_history/* REGRESSION_FACTOR */.WV}× the median RTO of the plan's earlier drills and failovers.`);
    return `${lines.join('\n')}\n`;
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A link only for http(s) URLs: a manifest is data, never a `javascript:` link. */
function safeUrl(u) {
    return u && /^https?:\/\/[^\s"<>]+$/.test(u) ? u : null;
}
const W = 760;
const H = 260;
const PAD = { left: 64, right: 16, top: 30, bottom: 28 };
/** An inline SVG of RTO and RPO over time, with the objectives as dashed lines and regressions ringed. */
function chartSvg(p) {
    const runs = p.runs.filter((r) => Number.isFinite(Date.parse(r.date)));
    const times = runs.map((r) => Date.parse(r.date));
    const t0 = Math.min(...times);
    const t1 = Math.max(...times);
    const values = runs.flatMap((r) => [r.rtoSeconds, r.rpoSeconds, r.rtoObjectiveSeconds, r.rpoObjectiveSeconds]).filter((v) => v !== null);
    const vmax = Math.max(1, ...values) * 1.1;
    const x = (t) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
    const y = (v) => H - PAD.bottom - (v / vmax) * (H - PAD.top - PAD.bottom);
    const f = (n) => n.toFixed(1);
    const parts = [];
    parts.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="RTO and RPO of ${esc(planName(p))} over time">`);
    parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);
    for (let i = 0; i <= 4; i++) {
        const v = (vmax / 4) * i;
        parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e7eb"/>`);
        parts.push(`<text x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11" fill="#555">${esc(dur(v))}</text>`);
    }
    if (runs.length > 0) {
        parts.push(`<text x="${PAD.left}" y="${H - 10}" font-size="11" fill="#555">${esc(when(runs[0].date))}</text>`);
        if (runs.length > 1)
            parts.push(`<text x="${W - PAD.right}" y="${H - 10}" text-anchor="end" font-size="11" fill="#555">${esc(when(runs.at(-1).date))}</text>`);
    }
    const series = [
        { key: 'rto', color: '#2563eb', value: (r) => r.rtoSeconds, target: (r) => r.rtoObjectiveSeconds },
        { key: 'rpo', color: '#d97706', value: (r) => r.rpoSeconds, target: (r) => r.rpoObjectiveSeconds },
    ];
    for (const s of series) {
        // The objective as a step line: it holds from one run until the next changes it.
        const steps = [];
        runs.forEach((r, i) => {
            const t = s.target(r);
            if (t === null)
                return;
            const xe = i + 1 < runs.length ? x(times[i + 1]) : W - PAD.right;
            steps.push(`${steps.length ? 'L' : 'M'}${f(i === 0 ? PAD.left : x(times[i]))},${f(y(t))} L${f(xe)},${f(y(t))}`);
        });
        if (steps.length)
            parts.push(`<path class="objective objective-${s.key}" d="${steps.join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.5" stroke-dasharray="6 4" opacity="0.7"/>`);
        const pts = runs.map((r, i) => ({ r, i, v: s.value(r) })).filter((p) => p.v !== null);
        if (pts.length > 1)
            parts.push(`<polyline class="line line-${s.key}" points="${pts.map((p) => `${f(x(times[p.i]))},${f(y(p.v))}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
        for (const p of pts) {
            const missed = (s.key === 'rto' ? p.r.rtoMet : p.r.rpoMet) === false;
            const reg = s.key === 'rto' && p.r.regression !== null;
            parts.push(`<circle class="point point-${s.key}${reg ? ' regression' : ''}" cx="${f(x(times[p.i]))}" cy="${f(y(p.v))}" r="${reg ? 6 : 4}" fill="${missed ? '#dc2626' : s.color}" stroke="${reg ? '#dc2626' : '#fff'}" stroke-width="${reg ? 3 : 1}"><title>${esc(`${s.key.toUpperCase()} ${dur(p.v)} on ${when(p.r.date)}${reg ? ` (regression: ${p.r.regression.ratio}× median)` : ''}`)}</title></circle>`);
        }
    }
    const legend = [
        ['#2563eb', 'RTO', ''],
        ['#2563eb', 'RTO objective', '6 4'],
        ['#d97706', 'RPO', ''],
        ['#d97706', 'RPO objective', '6 4'],
    ];
    legend.forEach(([color, label, dash], i) => {
        const lx = PAD.left + i * 120;
        parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="12" y2="12" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
        parts.push(`<text x="${lx + 26}" y="16" font-size="11" fill="#333">${label}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
function htmlRow(r) {
    const url = safeUrl(r.runUrl);
    const cells = [
        esc(when(r.date)),
        esc(r.mode ?? '—'),
        esc(r.target ?? '—'),
        esc(r.decision ?? '—'),
        `<span class="status status-${esc(r.status ?? 'unknown')}">${esc(r.status ?? '—')}</span>`,
        `<span class="${r.rtoMet === false ? 'missed' : ''}">${esc(objective(r.rtoSeconds, r.rtoObjectiveSeconds, r.rtoMet, true))}</span>`,
        `<span class="${r.rpoMet === false ? 'missed' : ''}">${esc(objective(r.rpoSeconds, r.rpoObjectiveSeconds, r.rpoMet, true))}</span>`,
        r.regression ? `<span class="regression">${esc(`regression: ${r.regression.ratio}× the median ${dur(r.regression.medianSeconds)}`)}</span>` : '',
        `<span class="integrity integrity-${r.integrity}" title="${esc(r.problems.join('; '))}">${r.integrity}</span><br><code>${esc(r.bundle)}</code>${r.problems.length ? `<br><small>${esc(r.problems.join('; '))}</small>` : ''}`,
        url ? `<a href="${esc(url)}">run</a>` : '—',
    ];
    return `<tr class="run${r.regression ? ' regression' : ''}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}
/** A self-contained page (no external assets, no script): per plan, the chart and the table. */
function historyHtml(h) {
    const sections = h.plans.map((p) => {
        const fresh = p.freshness
            ? p.freshness.ok
                ? `<p class="fresh">Fresh: the newest successful drill ran ${esc(when(p.freshness.newestSuccess.date))} (window ${esc(windowText(p.freshness.windowSeconds))}).</p>`
                : `<div class="stale"><p>Stale (window ${esc(windowText(p.freshness.windowSeconds))}):</p><ul>${p.freshness.problems.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>`
            : '';
        return [
            `<section class="plan" data-plan="${esc(p.plan ?? '')}" data-runs="${p.runs.length}">`,
            `<h2>${esc(planName(p))} <small>${p.runs.length} run(s)</small></h2>`,
            fresh,
            chartSvg(p),
            '<table><thead><tr><th>Date</th><th>Mode</th><th>Target</th><th>Decision</th><th>Status</th><th>RTO (objective)</th><th>RPO (objective)</th><th>Trend</th><th>Evidence</th><th>Run</th></tr></thead>',
            `<tbody>${[...p.runs].reverse().map(htmlRow).join('')}</tbody></table>`,
            '</section>',
        ].join('\n');
    });
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DR drill history: ${esc(h.source)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#111;background:#fafafa}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}h2 small{color:#666;font-weight:normal}
table{border-collapse:collapse;margin-top:8px;background:#fff}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:13px;white-space:nowrap}
th{background:#f3f4f6}td small{color:#b91c1c;white-space:normal}td:nth-child(8){white-space:normal;max-width:200px}.missed,span.regression,.status-failed,.integrity-mismatch{color:#b91c1c;font-weight:600}
.stale{border-left:4px solid #dc2626;padding-left:8px}.fresh{border-left:4px solid #16a34a;padding-left:8px}
svg.chart{display:block;border:1px solid #ddd;margin-top:8px}code{font-size:12px}
</style></head>
<body>
<h1>DR drill history</h1>
<p>${esc(h.source)}: ${h.bundles} bundle(s), generated ${esc(when(h.generatedAt))}. A run is a regression when its RTO exceeds ${history_history/* REGRESSION_FACTOR */.WV}× the median RTO of the plan's earlier drills and failovers.</p>
${sections.join('\n')}
</body></html>
`;
}
/**
 * `JSON.stringify(h, null, 2)` in pieces, a plan at a time, so a history of
 * thousands of runs is written out without one string of all of it.
 */
function* historyJsonPieces(h) {
    const { plans, ...head } = h;
    const top = JSON.stringify({ ...head, plans: [] }, null, 2);
    const at = top.lastIndexOf('"plans": []');
    if (plans.length === 0 || at < 0) {
        yield top;
        return;
    }
    yield `${top.slice(0, at)}"plans": [\n`;
    for (let i = 0; i < plans.length; i++) {
        yield `    ${JSON.stringify(plans[i], null, 2).replace(/\n/g, '\n    ')}${i < plans.length - 1 ? ',' : ''}\n`;
    }
    yield `  ]${top.slice(at + '"plans": []'.length)}`;
}

;// CONCATENATED MODULE: ./src/history/run.ts











/** The window when neither `freshness` nor the policy sets one. */
const DEFAULT_FRESHNESS_SECONDS = 90 * 86400;
/**
 * The inputs of `drloop history` and `actions/check-freshness`: the same
 * names, the same defaults (action.yml declares them; a test holds them together).
 */
const historyInputs = schemas/* object */.Ikc({
    source: schemas/* string */.YjP({ error: 'expected s3://bucket/prefix or a directory of bundles' }).check(api/* _minLength */.m9(1)),
    check: (0,src_inputs/* boolInput */.Hm)(false),
    freshness: schemas/* optional */.lqM(duration/* durationSchema */.sK),
    policy: (0,src_inputs/* textInput */._Z)(),
    'verify-all': (0,src_inputs/* boolInput */.Hm)(false),
    concurrency: (0,src_inputs/* intInput */.O1)(16, 1, 256),
    'markdown-file': (0,src_inputs/* textInput */._Z)(),
    'json-file': (0,src_inputs/* textInput */._Z)(),
    'html-file': (0,src_inputs/* textInput */._Z)(),
    's3-endpoint': (0,src_inputs/* textInput */._Z)().check(schemas/* refine */.YPB((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), 'expected an http:// or https:// URL')),
    's3-force-path-style': (0,src_inputs/* boolInput */.Hm)(false),
    's3-checksum': (0,src_inputs/* enumInput */.gX)(['when-supported', 'when-required'], 'when-supported'),
});
/** The window: the `freshness` input, else the policy's `freshness.drill`, else 90 days. */
async function windowOf(inputs, workspace) {
    if (inputs.freshness !== undefined) {
        if (inputs.freshness <= 0)
            throw new errors/* ConfigurationError */.j1(`input 'freshness': expected a duration above 0 such as 90d`);
        return { seconds: inputs.freshness, source: "input 'freshness'" };
    }
    if (inputs.policy) {
        const policy = await (0,cost_policy/* loadPolicy */.tb)((0,external_node_path_.resolve)(workspace, inputs.policy), inputs.policy);
        const drill = policy.file.freshness?.drill;
        if (drill !== undefined) {
            if (drill <= 0)
                throw new errors/* ConfigurationError */.j1(`${inputs.policy}: key 'freshness.drill': expected a duration above 0 such as 90d`);
            return { seconds: drill, source: `${inputs.policy} (freshness.drill)` };
        }
    }
    return { seconds: DEFAULT_FRESHNESS_SECONDS, source: 'the default (90d)' };
}
/**
 * Reads the history under an S3 prefix or a directory, renders it, writes
 * the files asked for (atomically), and with `check` judges every plan.
 */
async function runHistory(inputs, deps) {
    const { logger } = deps;
    const window = inputs.check || inputs.freshness !== undefined || inputs.policy ? await windowOf(inputs, deps.workspace) : null;
    const loc = inputs.source.startsWith('s3://') ? (0,s3_uri/* parseS3Uri */.yc)(inputs.source) : undefined;
    if (inputs.source.startsWith('s3://') && !loc)
        throw new errors/* ConfigurationError */.j1(`input 'source': '${inputs.source}' is not an s3://bucket/prefix URI`);
    const scan = {
        source: inputs.source,
        location: loc ?? (0,external_node_path_.resolve)(deps.workspace, inputs.source),
        s3: { endpoint: inputs['s3-endpoint'], forcePathStyle: inputs['s3-force-path-style'], checksum: inputs['s3-checksum'], region: deps.s3Region },
        now: deps.now(),
        verifyAll: inputs['verify-all'],
        concurrency: inputs.concurrency,
        freshnessSeconds: window?.seconds,
    };
    // A test's own S3 client cannot cross to a worker thread: with one, the scan runs here.
    const history = deps.jobs && !deps.s3Client ? await (0,history_job.scanHistoryInWorker)(deps.jobs, scan) : await (0,history_job.scanHistory)(scan, deps);
    if (history.bundles === 0)
        logger.warning(`${inputs.source}: no evidence bundles (*.tar.gz) found`);
    const markdown = historyMarkdown(history);
    const outputs = [
        [inputs['markdown-file'], () => markdown],
        [inputs['json-file'], () => `${JSON.stringify(history, null, 2)}\n`],
        [inputs['html-file'], () => historyHtml(history)],
    ];
    for (const [path, render] of outputs)
        if (path)
            await (0,fs_atomic/* writeFileAtomic */.Z)((0,external_node_path_.resolve)(deps.workspace, path), render());
    const stale = inputs.check ? (0,history_history/* stalePlans */.wq)(history) : [];
    return { history, stale, windowSeconds: window?.seconds ?? null, windowSource: window?.source ?? null, markdown };
}
/** The inputs of `actions/check-freshness`: always a check, plus what to do about the issues. */
const checkFreshnessInputs = schemas/* extend */.X$i(schemas/* omit */.cJW(historyInputs, { check: true }), {
    issues: (0,src_inputs/* boolInput */.Hm)(true),
    'github-token': (0,src_inputs/* textInput */._Z)(),
    'fail-on-stale': (0,src_inputs/* boolInput */.Hm)(true),
});

// EXTERNAL MODULE: ./cli/src/cli-kit.ts
var cli_kit = __webpack_require__(3545);
;// CONCATENATED MODULE: ./cli/src/commands/history.ts




const USAGE = `usage: drloop history <s3://bucket/prefix | directory> [--format markdown|json|html]
                      [--check] [--freshness DURATION] [--policy FILE] [--verify-all] [--concurrency N]
                      [--markdown-file PATH] [--json-file PATH] [--html-file PATH]
                      [--s3-endpoint URL] [--s3-force-path-style] [--s3-checksum when-supported|when-required]
Lists every evidence bundle under the prefix (or directory), one history per plan and one row per run,
checked against the .sha256 file, manifest copy and pointer beside each bundle; a bundle without a
manifest copy, and with --verify-all every bundle, is read in full. Prints the history on stdout
(Markdown by default) and writes the files asked for.
--check judges every plan against the freshness window (--freshness, else freshness.drill in --policy,
else 90d) and verifies the bundles the verdict rests on in full. AWS credentials and region come from
the standard AWS environment.
Exit status: 0; with --check 1 when a plan is stale, missed an objective or its bundle does not verify;
2 on bad input.`;
const historyCommand = {
    name: 'history',
    summary: 'the drill history of every plan under an S3 prefix or directory; --check fails on stale evidence',
    usage: USAGE,
    async run(ctx) {
        const { raw, positionals } = (0,cli_kit/* parseFlags */.bQ)(ctx.argv, {
            format: { type: 'string' },
            check: { type: 'boolean' },
            freshness: { type: 'string' },
            policy: { type: 'string' },
            'verify-all': { type: 'boolean' },
            concurrency: { type: 'string' },
            'markdown-file': { type: 'string' },
            'json-file': { type: 'string' },
            'html-file': { type: 'string' },
            's3-endpoint': { type: 'string' },
            's3-force-path-style': { type: 'boolean' },
            's3-checksum': { type: 'string' },
        }, USAGE, 1);
        if (positionals.length !== 1)
            throw new cli_kit/* UsageError */.eb(`expected one s3://bucket/prefix or directory, got ${positionals.length}\n${USAGE}`);
        const format = raw.format ?? 'markdown';
        delete raw.format;
        if (!['markdown', 'json', 'html'].includes(format))
            throw new cli_kit/* UsageError */.eb(`--format: expected markdown, json or html, got '${format}'\n${USAGE}`);
        const inputs = (0,src_inputs/* parseInputs */.TL)(historyInputs, { ...raw, source: positionals[0] });
        const logger = (0,cli_kit/* stderrLogger */.D7)(ctx.stderr);
        let result;
        try {
            result = await runHistory(inputs, {
                workspace: ctx.cwd,
                logger,
                now: () => new Date(),
                jobs: ctx.jobs,
                s3Region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
            });
        }
        catch (err) {
            // A store that cannot be read fails the check; it is not drloop's own failure.
            if (err.name !== 'StoreError')
                throw err;
            ctx.stderr.write(`drloop history: cannot read ${inputs.source}: ${err.message}\n`);
            return cli_kit/* EXIT */.dc.failed;
        }
        if (format === 'json') {
            for (const piece of historyJsonPieces(result.history))
                ctx.stdout.write(piece);
            ctx.stdout.write('\n');
        }
        else if (format === 'html')
            ctx.stdout.write(historyHtml(result.history));
        else
            ctx.stdout.write(result.markdown);
        if (!inputs.check)
            return cli_kit/* EXIT */.dc.ok;
        for (const s of result.stale)
            ctx.stderr.write(`STALE: plan ${s.plan}: ${s.problems.join('; ')}\n`);
        const judged = result.history.plans.filter((p) => p.freshness).length;
        if (judged === 0) {
            ctx.stderr.write(`drloop history: no plan's bundles found under ${inputs.source}; nothing proves any plan works\n`);
            return cli_kit/* EXIT */.dc.failed;
        }
        if (result.stale.length === 0)
            ctx.stderr.write(`fresh: ${judged} plan(s), each with a verified successful drill within the window (${result.windowSource})\n`);
        return result.stale.length > 0 ? cli_kit/* EXIT */.dc.failed : cli_kit/* EXIT */.dc.ok;
    },
};


/***/ }),

/***/ 369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ roundMoney),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   up: () => (/* binding */ formatMoney),
/* harmony export */   vj: () => (/* binding */ amount),
/* harmony export */   x4: () => (/* binding */ HOURS_PER_MONTH),
/* harmony export */   xg: () => (/* binding */ costValue)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);

/** Hours in a month, as cloud price lists (and Infracost) count them. */
const HOURS_PER_MONTH = 730;
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
/**
 * A cost as Infracost writes it: a decimal string, or null for "unknown".
 * Numbers are accepted too. NaN, Infinity, empty strings and negative values
 * are errors, never silently read as 0.
 */
const costValue = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((value, ctx) => {
    const ok = typeof value === 'number' ? Number.isFinite(value) : DECIMAL.test(value.trim());
    const n = typeof value === 'number' ? value : Number(value);
    if (!ok || !Number.isFinite(n)) {
        ctx.issues.push({ code: 'custom', message: `expected a cost (a non-negative decimal), got ${JSON.stringify(value)}`, input: ctx.value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    if (n < 0) {
        ctx.issues.push({ code: 'custom', message: `expected a non-negative cost, got ${JSON.stringify(value)}`, input: ctx.value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return n;
}));
/** A non-negative amount of money written as a plain YAML/JSON number. */
const amount = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: (i) => (i.input === undefined ? 'required' : `expected a number, got ${JSON.stringify(i.input)}`) }).check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._gte */ .qm(0, 'expected a non-negative amount'));
/** Rounds money for output: cents are what budgets are kept in. */
function roundMoney(n) {
    return Math.round(n * 100) / 100;
}
/**
 * `1,234.50 USD`. Formatted by hand: the first `toLocaleString` call loads
 * ICU number data, which costs tens of milliseconds at every action start.
 */
function formatMoney(n, currency) {
    if (n === null)
        return 'unknown';
    // Callers refuse non-finite figures; this only keeps a slip from printing `Infinity.undefined`.
    if (!Number.isFinite(n))
        return `${n} ${currency}`;
    const [int, frac] = Math.abs(n).toFixed(2).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${n < 0 && Number(int + frac) !== 0 ? '-' : ''}${grouped}.${frac} ${currency}`;
}
function formatPercent(ratio) {
    if (ratio === null)
        return 'unknown';
    return `${(ratio * 100).toFixed(1)}%`;
}


/***/ }),

/***/ 4375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy),
/* harmony export */   tb: () => (/* binding */ loadPolicy)
/* harmony export */ });
/* unused harmony export policyFileSchema */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3305);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9148);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2619);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6495);
/* harmony import */ var _money_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(369);







const MODES = ['dr', 'burst', 'drill'];
const ratio = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig({ error: (i) => `expected a ratio such as 0.8, got ${JSON.stringify(i.input)}` }).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected a ratio above 0'));
const targetName = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._regex */ .Fk(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a target name of letters, digits, ".", "_" or "-"'));
const targetSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    name: targetName,
    credits: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj, 0),
    artefacts: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1))),
});
const budgetSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ monthly: _money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj.check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected a monthly budget above 0')), spent: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_money_js__WEBPACK_IMPORTED_MODULE_5__/* .amount */ .vj, 0) });
const thresholdsSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ warn: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(ratio, 0.8), block: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(ratio, 1.0) });
const incidentSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ 'expected-hours': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._gt */ .Tx(0, 'expected hours above 0')), 72) });
const missingSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['block', 'warn']);
/** The keys that `modes.<mode>` may override, each optional and partial. */
const overrideSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    budget: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(budgetSchema)),
    thresholds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(thresholdsSchema)),
    incident: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partial */ .OH3(incidentSchema)),
    'max-age': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK),
    missing: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(missingSchema),
    targets: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(targetSchema).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1))),
});
const baseShape = {
    budget: budgetSchema,
    thresholds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(thresholdsSchema, { warn: 0.8, block: 1.0 }),
    incident: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(incidentSchema, { 'expected-hours': 72 }),
    'max-age': zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK, 7 * 86400),
    missing: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(missingSchema, 'block'),
    targets: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(targetSchema).check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._minLength */ .m9(1, 'expected at least one target')),
};
function checkEffective(p, ctx) {
    if (p.thresholds.warn > p.thresholds.block) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', 'warn'], message: `must not exceed thresholds.block (${p.thresholds.block})` });
    }
    const seen = new Set();
    p.targets.forEach((t, i) => {
        if (seen.has(t.name))
            ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `duplicate target '${t.name}'` });
        seen.add(t.name);
    });
}
/** The policy file as written: the public format, every key checked, unknown keys refused. */
const policyFileSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    version: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(1, { error: (i) => `expected 1, got ${JSON.stringify(i.input)}` }),
    currency: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_7__/* ._regex */ .Fk(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code such as USD')), 'USD'),
    ...baseShape,
    modes: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .partialRecord */ .jgl(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(MODES), overrideSchema)),
    /** Read by `drloop history --check`, not by the cost gate: how old the newest successful drill may be. */
    freshness: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ drill: _duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .sK })),
})
    .check(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .superRefine */ .zni(checkEffective));
const effectiveSchema = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({ currency: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), ...baseShape }).check(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .superRefine */ .zni(checkEffective));
async function loadPolicy(absPath, displayPath) {
    const text = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readText */ .yR)(absPath, 'policy', displayPath);
    const raw = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYamlText */ .c)(text, displayPath);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: expected a mapping with 'version', 'budget' and 'targets'`);
    }
    const file = (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .validateWith */ .xJ)(policyFileSchema, raw, displayPath);
    return { path: displayPath, sha256: (0,_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)(text), file, raw: raw };
}
function mergeRaw(base, over) {
    if (over === undefined)
        return base;
    if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
        const out = { ...base };
        for (const [k, v] of Object.entries(over))
            out[k] = mergeRaw(out[k], v);
        return out;
    }
    return over;
}
/**
 * Resolves the policy for one mode. Overrides merge key by key (a mode may
 * change only `thresholds.warn`); `targets` is replaced whole. The result is
 * validated again, so an override cannot make warn exceed block unnoticed.
 */
function resolvePolicy(policy, mode) {
    const { modes, version: _v, freshness: _f, ...base } = policy.raw;
    const merged = { ...mergeRaw(base, modes?.[mode]), currency: policy.file.currency };
    const where = modes?.[mode] ? `${policy.path} (with modes.${mode} applied)` : policy.path;
    return { ...(0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .validateWith */ .xJ)(effectiveSchema, merged, where), mode };
}


/***/ }),

/***/ 2591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   PH: () => (/* binding */ notificationText)
/* harmony export */ });
/* unused harmony export decisionMarkdown */
/* harmony import */ var _money_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(369);


const ICON = { allow: '✅', warn: '⚠️', block: '⛔' };
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** The job summary: the decision as a heading, a table of targets, the reasons. */
function decisionMarkdown(d, recordPath, runUrl) {
    const lines = [];
    lines.push(`## ${ICON[d.decision]} Cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target}`);
    lines.push('');
    const b = d.policy.budget;
    lines.push(`Budget ${formatMoney(b.monthly, d.currency)} a month, ${formatMoney(b.spent, d.currency)} spent; ` +
        `warn at ${formatPercent(d.policy.thresholds.warn)}, block at ${formatPercent(d.policy.thresholds.block)}; ` +
        `an incident is priced at ${d.policy.expectedHours}h.`);
    lines.push('');
    lines.push('| | Target | Decision | Hourly | Incident | Credits | Net | Projected spend | Of budget | Data |');
    lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|---|');
    for (const t of d.targets) {
        const data = [t.hourlyCost === null ? 'missing' : null, t.stale ? 'stale' : null, t.incomplete && t.hourlyCost !== null ? 'incomplete' : null].filter(Boolean).join(', ');
        lines.push(`| ${t.name === d.target ? '👉' : ''} | ${cell(t.name)} | ${ICON[t.decision]} ${t.decision} | ${t.hourlyCost === null ? 'unknown' : formatMoney(t.hourlyCost, d.currency)} | ` +
            `${formatMoney(t.incidentCost, d.currency)} | ${formatMoney(t.credits, d.currency)} | ${formatMoney(t.netCost, d.currency)} | ` +
            `${formatMoney(t.projectedSpend, d.currency)} | ${formatPercent(t.budgetRatio)} | ${data || 'ok'} |`);
    }
    lines.push('');
    lines.push('### Reasons');
    for (const r of d.reasons)
        lines.push(`- ${r}`);
    const notUsed = d.artefacts.filter((a) => a.use !== 'used');
    lines.push('');
    lines.push(`<details><summary>Artefacts: ${d.artefacts.length - notUsed.length} used, ${notUsed.length} not used</summary>`);
    lines.push('');
    lines.push('| Artefact | Format | Target | Hourly | Generated | Use |');
    lines.push('|---|---|---|---:|---|---|');
    for (const a of d.artefacts) {
        lines.push(`| \`${cell(a.path)}\` | ${a.format} | ${a.target ?? '—'} | ${formatMoney(a.hourly, a.currency)} | ${a.generatedAt ?? '—'} | ${a.use}${a.note ? `: ${cell(a.note)}` : ''} |`);
    }
    lines.push('');
    lines.push('</details>');
    if (recordPath) {
        lines.push('');
        lines.push(`Decision record: \`${recordPath}\``);
    }
    lines.push(...runLinkLines(runUrl));
    return `${lines.join('\n')}\n`;
}
/** The short message a Slack- or Teams-compatible incoming webhook receives. */
function notificationText(d, context) {
    const where = context.repository ? ` in ${context.repository}` : '';
    const chosen = d.targets.find((t) => t.name === d.target);
    const head = `${ICON[d.decision]} drloop cost gate: ${d.decision.toUpperCase()} for ${d.mode} on ${d.target}${where}`;
    const figures = chosen ? `net ${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMoney */ .up)(chosen.netCost, d.currency)}, projected ${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMoney */ .up)(chosen.projectedSpend, d.currency)} (${(0,_money_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(chosen.budgetRatio)} of budget)` : '';
    const why = d.reasons
        .slice(0, 3)
        .map((r) => `• ${r}`)
        .join('\n');
    return [head, figures, why, context.runUrl ?? ''].filter((l) => l !== '').join('\n');
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sK: () => (/* binding */ durationSchema)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
/**
 * Parses a duration such as `15m`, `1h30m`, `7d` or `250ms` into seconds.
 * A bare number is read as seconds. Returns undefined when the text is not a
 * duration, so callers can name the key that held it.
 */
function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text : undefined;
    const t = text.trim();
    if (/^\d+(?:\.\d+)?$/.test(t))
        return Number(t);
    if (!DURATION.test(t))
        return undefined;
    let total = 0;
    for (const m of t.matchAll(PART))
        total += Number(m[1]) * (UNIT_SECONDS[m[2]] ?? 0);
    return total;
}
/** A zod schema for a duration written as text or seconds; yields seconds. */
const durationSchema = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        // zod/mini's transform context has no addIssue: the issue goes on the payload as addIssue would put it.
        ctx.issues.push({ code: 'custom', message: `expected a duration such as 30s, 15m, 2h or 7d, got ${JSON.stringify(value)}`, input: value });
        return zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return seconds;
}));
/** Formats seconds for people: `42s`, `3m 05s`, `2h 10m`, `3d 4h`. */
function formatDuration(seconds) {
    if (!Number.isFinite(seconds))
        return 'n/a';
    const sign = seconds < 0 ? '-' : '';
    let s = Math.abs(seconds);
    if (s < 10)
        return `${sign}${s.toFixed(s < 1 ? 2 : 1).replace(/\.?0+$/, '')}s`;
    s = Math.round(s);
    if (s < 60)
        return `${sign}${s}s`;
    if (s < 3600)
        return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
    if (s < 86400)
        return `${sign}${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
    return `${sign}${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}


/***/ }),

/***/ 1056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic),
/* harmony export */   q: () => (/* binding */ writeJsonAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Writes a file so that readers see either the old content or the whole new
 * content, never a part: the data goes to a temporary file in the same
 * directory, is flushed to disk, then renamed over the target. A crash or a
 * full disk leaves at most a stray `.tmp` file, never a half-written record.
 */
async function writeFileAtomic(path, data) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tmp, 'wx', 0o644);
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
}
/** Writes JSON atomically, pretty-printed with a trailing newline. */
async function writeJsonAtomic(path, value) {
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}


/***/ }),

/***/ 6495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony export sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** The sha256 of a file, streamed so memory stays flat whatever its size. */
async function sha256File(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ }),

/***/ 2619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ parseYamlText)
/* harmony export */ });
/* unused harmony export MAX_ALIASES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3409);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * YAML for policies and plans. Apart from files.ts so that an entry that
 * reads no YAML (collect-evidence) does not load the parser at start.
 */


/** How many aliases a document may expand; more is an "alias bomb" and refused as bad input. */
const MAX_ALIASES = 100;
/** Parses YAML text; a syntax error names the file, line and column. */
function parseYamlText(text, displayPath, options = {}) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
        const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML${at}: ${what}`);
    }
    if (options.keepScalarText) {
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Scalar(_key, node) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.type !== 'PLAIN' || node.source === undefined)
                    return;
                if ((typeof node.value === 'number' || typeof node.value === 'boolean') && String(node.value) !== node.source)
                    node.value = node.source;
            },
        });
    }
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (err) {
        if (err instanceof ReferenceError && /alias/i.test(err.message) && /count|exceed|excessive/i.test(err.message)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: refused: its aliases (*name) expand to more than ${MAX_ALIASES} copies; write the repeated parts out or use fewer aliases`);
        }
        // An alias to no anchor, or any other error building the document: bad input, not drloop's failure.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${displayPath}: malformed YAML: ${err.message.split('\n')[0]}`);
    }
}


/***/ })

};
