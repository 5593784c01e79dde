import { costDecisionInputs, costDecisionOutputs, runCostDecision } from '../../../src/cost/run.js';
import { formatMoney, formatPercent } from '../../../src/cost/money.js';
import { parseInputs } from '../../../src/inputs.js';
import { EXIT, parseFlags, stderrLogger, type Command } from '../cli-kit.js';

const USAGE = `usage: drloop decide --policy FILE [--artefacts GLOB ...] [--mode dr|burst|drill]
                     [--targets NAME,...] [--evidence-dir DIR] [--fail-on block|warn|never]
                     [--notify-webhook URL] [--notify-on block|warn] [--json]
Exit status: 0 below --fail-on, 1 when the decision reaches it, 2 on bad input.`;

export const decideCommand: Command = {
  name: 'decide',
  summary: 'decide allow / warn / block from cost artefacts and a budget policy',
  usage: USAGE,
  async run(ctx) {
    const { raw } = parseFlags(
      ctx.argv,
      {
        policy: { type: 'string' },
        artefacts: { type: 'string', multiple: true },
        mode: { type: 'string' },
        targets: { type: 'string', multiple: true },
        'evidence-dir': { type: 'string' },
        'fail-on': { type: 'string' },
        'notify-webhook': { type: 'string' },
        'notify-on': { type: 'string' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    const json = raw.json === 'true';
    delete raw.json;
    if (!raw['notify-webhook'] && ctx.env.DRLOOP_NOTIFY_WEBHOOK) raw['notify-webhook'] = ctx.env.DRLOOP_NOTIFY_WEBHOOK;
    const inputs = parseInputs(costDecisionInputs, raw);
    const logger = stderrLogger(ctx.stderr);
    const result = await runCostDecision(inputs, { workspace: ctx.cwd, logger, now: () => new Date() });
    const outputs = costDecisionOutputs(result);
    if (json) {
      ctx.stdout.write(`${JSON.stringify({ ...outputs, reasons: result.decision.reasons }, null, 2)}\n`);
    } else {
      const d = result.decision;
      const lines = [`decision: ${d.decision.toUpperCase()} — ${d.mode} on ${d.target}`, ''];
      const rows = d.targets.map((t) => [
        t.name === d.target ? `* ${t.name}` : `  ${t.name}`,
        t.decision,
        formatMoney(t.netCost, d.currency),
        formatMoney(t.projectedSpend, d.currency),
        formatPercent(t.budgetRatio),
      ]);
      const header = ['  target', 'decision', 'net cost', 'projected spend', 'of budget'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [header, ...rows])
        lines.push(
          r
            .map((c, i) => c.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      lines.push('', ...d.reasons.map((r) => `- ${r}`), '', `record: ${result.recordPath}`);
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.failed ? EXIT.failed : EXIT.ok;
  },
};
