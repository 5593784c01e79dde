import { historyInputs, runHistory } from '../../../src/history/run.js';
import { historyHtml, historyJsonPieces } from '../../../src/history/render.js';
import { parseInputs } from '../../../src/inputs.js';
import { EXIT, parseFlags, stderrLogger, UsageError, type Command } from '../cli-kit.js';

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

export const historyCommand: Command = {
  name: 'history',
  summary: 'the drill history of every plan under an S3 prefix or directory; --check fails on stale evidence',
  usage: USAGE,
  async run(ctx) {
    const { raw, positionals } = parseFlags(
      ctx.argv,
      {
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
      },
      USAGE,
      1,
    );
    if (positionals.length !== 1) throw new UsageError(`expected one s3://bucket/prefix or directory, got ${positionals.length}\n${USAGE}`);
    const format = raw.format ?? 'markdown';
    delete raw.format;
    if (!['markdown', 'json', 'html'].includes(format)) throw new UsageError(`--format: expected markdown, json or html, got '${format}'\n${USAGE}`);
    const inputs = parseInputs(historyInputs, { ...raw, source: positionals[0] });
    const logger = stderrLogger(ctx.stderr);
    let result;
    try {
      result = await runHistory(inputs, {
        workspace: ctx.cwd,
        logger,
        now: () => new Date(),
        jobs: ctx.jobs,
        s3Region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
      });
    } catch (err) {
      // A store that cannot be read fails the check; it is not drloop's own failure.
      if ((err as Error).name !== 'StoreError') throw err;
      ctx.stderr.write(`drloop history: cannot read ${inputs.source}: ${(err as Error).message}\n`);
      return EXIT.failed;
    }
    if (format === 'json') {
      for (const piece of historyJsonPieces(result.history)) ctx.stdout.write(piece);
      ctx.stdout.write('\n');
    } else if (format === 'html') ctx.stdout.write(historyHtml(result.history));
    else ctx.stdout.write(result.markdown);
    if (!inputs.check) return EXIT.ok;
    for (const s of result.stale) ctx.stderr.write(`STALE: plan ${s.plan}: ${s.problems.join('; ')}\n`);
    const judged = result.history.plans.filter((p) => p.freshness).length;
    if (judged === 0) {
      ctx.stderr.write(`drloop history: no plan's bundles found under ${inputs.source}; nothing proves any plan works\n`);
      return EXIT.failed;
    }
    if (result.stale.length === 0) ctx.stderr.write(`fresh: ${judged} plan(s), each with a verified successful drill within the window (${result.windowSource})\n`);
    return result.stale.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
