import { formatDuration } from '../../../src/duration.js';
import { parseInputs } from '../../../src/inputs.js';
import { drExecuteInputs, drExecuteOutputs, isFailure, runDrExecute } from '../../../src/plan/run.js';
import { streamPressure } from '../../../src/plan/runner.js';
import { EXIT, parseFlags, stderrLogger, type Command } from '../cli-kit.js';

const USAGE = `usage: drloop execute --plan FILE [--mode drill|failover|failback]
                      [--start-at PHASE] [--stop-after PHASE] [--run-id ID] [--evidence-dir DIR]
                      [--decision allow|warn|block] [--accept-warn] [--target NAME] [--alert FILE|JSON]
                      [--auto-promote] [--allow-promote-bypass] [--approver WHO] [--ticket ID]
                      [--teardown true|false] [--allow-full-drill] [--max-attempts N] [--no-retry]
                      [--dry-run] [--confirm1 FAILBACK] [--confirm2 CONFIRM-<run-id>] [--json]
PHASE is bringup, restore, validate, promote or teardown. Receipts go to
<evidence-dir>/runs/<run-id>/; pass the same --run-id to resume in a later call.
Exit status: 0 succeeded or stopped, 1 failed or refused, 2 on bad input, 130 cancelled.`;

export const executeCommand: Command = {
  name: 'execute',
  summary: 'run a DR plan phase by phase, with receipts and measured RTO/RPO',
  usage: USAGE,
  async run(ctx) {
    const flag = { type: 'string' } as const;
    const bool = { type: 'boolean' } as const;
    const { raw } = parseFlags(
      ctx.argv,
      {
        plan: flag,
        mode: flag,
        'start-at': flag,
        'stop-after': flag,
        'run-id': flag,
        'evidence-dir': flag,
        decision: flag,
        'accept-warn': bool,
        target: flag,
        alert: flag,
        'auto-promote': bool,
        'allow-promote-bypass': bool,
        approver: flag,
        ticket: flag,
        teardown: flag,
        'allow-full-drill': bool,
        'max-attempts': flag,
        'no-retry': bool,
        'dry-run': bool,
        confirm1: flag,
        confirm2: flag,
        json: bool,
      },
      USAGE,
    );
    const json = raw.json === 'true';
    delete raw.json;
    const inputs = parseInputs(drExecuteInputs, raw);
    const logger = stderrLogger(ctx.stderr);

    // Ctrl-C (or SIGTERM) stops the running step's process group and still writes its receipt.
    const cancel = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (!cancel.signal.aborted) logger.warning(`received ${signal}; stopping the running step`);
      cancel.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let result;
    try {
      result = await runDrExecute(inputs, {
        workspace: ctx.cwd,
        logger,
        now: () => new Date(),
        env: ctx.env,
        signal: cancel.signal,
        backpressure: streamPressure(ctx.stderr),
        ...(ctx.env.GITHUB_RUN_ID ? { githubRunId: ctx.env.GITHUB_RUN_ID } : {}),
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const outputs = drExecuteOutputs(result);
    if (json) {
      ctx.stdout.write(`${JSON.stringify({ ...outputs, reason: result.reason }, null, 2)}\n`);
    } else {
      const s = result.summary;
      const lines = [`${result.status.toUpperCase()}: plan ${s.plan.name}, run ${result.runId} (${s.mode}${s.target ? `, target ${s.target}` : ''})${result.reason ? ` — ${result.reason}` : ''}`, ''];
      for (const p of s.phases) {
        const took = p.durationSeconds === null ? '' : formatDuration(p.durationSeconds);
        lines.push(`  ${p.phase.padEnd(9)} ${p.status.padEnd(9)} ${took.padEnd(8)} ${p.skipReason ?? ''}`.trimEnd());
      }
      const fmt = (v: number | null, o: number | null, met: boolean | null) =>
        `${v === null ? 'not measured' : formatDuration(v)}${o === null ? '' : ` (objective ${formatDuration(o)}${met === null ? '' : met ? ', met' : ', MISSED'})`}`;
      lines.push('', `RTO ${fmt(s.rtoSeconds, s.objectives.rtoSeconds, s.rtoMet)}`, `RPO ${fmt(s.rpoSeconds, s.objectives.rpoSeconds, s.rpoMet)}`);
      lines.push('', `receipts: ${result.receiptsDir}`);
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    if (result.status === 'cancelled') return EXIT.interrupted;
    return isFailure(result.status) ? EXIT.failed : EXIT.ok;
  },
};
