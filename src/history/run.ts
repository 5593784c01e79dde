import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { loadPolicy } from '../cost/policy.js';
import { durationSchema } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { boolInput, enumInput, intInput, textInput } from '../inputs.js';
import type { Logger } from '../logger.js';
import type { S3ClientFactory } from '../evidence/s3.js';
import { parseS3Uri } from '../evidence/s3-uri.js';
import { stalePlans, type History } from './history.js';
import { scanHistory, scanHistoryInWorker, type HistoryScan } from './history-job.js';
import type { JobWorkerFactory } from '../worker-job.js';
import { historyHtml, historyMarkdown } from './render.js';

/** The window when neither `freshness` nor the policy sets one. */
export const DEFAULT_FRESHNESS_SECONDS = 90 * 86400;

/**
 * The inputs of `drloop history` and `actions/check-freshness`: the same
 * names, the same defaults (action.yml declares them; a test holds them together).
 */
export const historyInputs = z.object({
  source: z.string({ error: 'expected s3://bucket/prefix or a directory of bundles' }).check(z.minLength(1)),
  check: boolInput(false),
  freshness: z.optional(durationSchema),
  policy: textInput(),
  'verify-all': boolInput(false),
  concurrency: intInput(16, 1, 256),
  'markdown-file': textInput(),
  'json-file': textInput(),
  'html-file': textInput(),
  's3-endpoint': textInput().check(z.refine((v: string | undefined) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), 'expected an http:// or https:// URL')),
  's3-force-path-style': boolInput(false),
  's3-checksum': enumInput(['when-supported', 'when-required'] as const, 'when-supported'),
});
export type HistoryInputs = z.output<typeof historyInputs>;

export interface HistoryDeps {
  workspace: string;
  logger: Logger;
  now: () => Date;
  s3Region?: string | undefined;
  s3Client?: S3ClientFactory;
  /** Scans in a worker thread with a bounded young generation (src/worker-job.ts); in this thread when unset. */
  jobs?: JobWorkerFactory | undefined;
}

export interface HistoryResult {
  history: History;
  /** Set with `check`: the plans that fail it, with their reasons. */
  stale: { plan: string; problems: string[] }[];
  windowSeconds: number | null;
  /** Where the window came from, for the log. */
  windowSource: string | null;
  markdown: string;
}

/** The window: the `freshness` input, else the policy's `freshness.drill`, else 90 days. */
async function windowOf(inputs: HistoryInputs, workspace: string): Promise<{ seconds: number; source: string }> {
  if (inputs.freshness !== undefined) {
    if (inputs.freshness <= 0) throw new ConfigurationError(`input 'freshness': expected a duration above 0 such as 90d`);
    return { seconds: inputs.freshness, source: "input 'freshness'" };
  }
  if (inputs.policy) {
    const policy = await loadPolicy(resolve(workspace, inputs.policy), inputs.policy);
    const drill = policy.file.freshness?.drill;
    if (drill !== undefined) {
      if (drill <= 0) throw new ConfigurationError(`${inputs.policy}: key 'freshness.drill': expected a duration above 0 such as 90d`);
      return { seconds: drill, source: `${inputs.policy} (freshness.drill)` };
    }
  }
  return { seconds: DEFAULT_FRESHNESS_SECONDS, source: 'the default (90d)' };
}

/**
 * Reads the history under an S3 prefix or a directory, renders it, writes
 * the files asked for (atomically), and with `check` judges every plan.
 */
export async function runHistory(inputs: HistoryInputs, deps: HistoryDeps): Promise<HistoryResult> {
  const { logger } = deps;
  const window = inputs.check || inputs.freshness !== undefined || inputs.policy ? await windowOf(inputs, deps.workspace) : null;
  const loc = inputs.source.startsWith('s3://') ? parseS3Uri(inputs.source) : undefined;
  if (inputs.source.startsWith('s3://') && !loc) throw new ConfigurationError(`input 'source': '${inputs.source}' is not an s3://bucket/prefix URI`);
  const scan: HistoryScan = {
    source: inputs.source,
    location: loc ?? resolve(deps.workspace, inputs.source),
    s3: { endpoint: inputs['s3-endpoint'], forcePathStyle: inputs['s3-force-path-style'], checksum: inputs['s3-checksum'], region: deps.s3Region },
    now: deps.now(),
    verifyAll: inputs['verify-all'],
    concurrency: inputs.concurrency,
    freshnessSeconds: window?.seconds,
  };
  // A test's own S3 client cannot cross to a worker thread: with one, the scan runs here.
  const history = deps.jobs && !deps.s3Client ? await scanHistoryInWorker(deps.jobs, scan) : await scanHistory(scan, deps);
  if (history.bundles === 0) logger.warning(`${inputs.source}: no evidence bundles (*.tar.gz) found`);
  const markdown = historyMarkdown(history);
  const outputs: [string | undefined, () => string][] = [
    [inputs['markdown-file'], () => markdown],
    [inputs['json-file'], () => `${JSON.stringify(history, null, 2)}\n`],
    [inputs['html-file'], () => historyHtml(history)],
  ];
  for (const [path, render] of outputs) if (path) await writeFileAtomic(resolve(deps.workspace, path), render());
  const stale = inputs.check ? stalePlans(history) : [];
  return { history, stale, windowSeconds: window?.seconds ?? null, windowSource: window?.source ?? null, markdown };
}

/** The inputs of `actions/check-freshness`: always a check, plus what to do about the issues. */
export const checkFreshnessInputs = z.extend(z.omit(historyInputs, { check: true }), {
  issues: boolInput(true),
  'github-token': textInput(),
  'fail-on-stale': boolInput(true),
});
export type CheckFreshnessInputs = z.output<typeof checkFreshnessInputs>;
