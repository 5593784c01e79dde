import type { JobWorkerFactory } from '../../src/worker-job.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError, describeError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { RawInputs } from '../../src/inputs.js';

/** Exit codes of every drloop command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, interrupted: 130 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CommandContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Runs memory-heavy jobs (a bundle, a history scan) in bounded worker threads; in this thread when unset (tests). */
  jobs?: JobWorkerFactory | undefined;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** A logger on stderr, so stdout stays for the command's result. */
export function stderrLogger(stderr: NodeJS.WritableStream, verbose = false): Logger {
  const isTty = (stderr as NodeJS.WriteStream).isTTY === true;
  const paint = (code: string, s: string) => (isTty ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    info: (m) => void stderr.write(`${m}\n`),
    warning: (m) => void stderr.write(`${paint('33', 'warning:')} ${m}\n`),
    error: (m) => void stderr.write(`${paint('31', 'error:')} ${m}\n`),
    debug: (m) => {
      if (verbose) stderr.write(`${paint('2', m)}\n`);
    },
    group: async (title, fn) => {
      stderr.write(`${paint('1', `▸ ${title}`)}\n`);
      return fn();
    },
  };
}

type Options = NonNullable<ParseArgsConfig['options']>;

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The shortest glob that matches every given path: their common folder, `**`, and their common extension. */
function globFor(paths: string[]): string {
  const dirs = paths.map((p) => p.split('/').slice(0, -1));
  const common: string[] = [];
  for (let i = 0; dirs.every((d) => i < d.length && d[i] === dirs[0]![i]); i++) common.push(dirs[0]![i]!);
  const exts = new Set(paths.map((p) => /\.[A-Za-z0-9]+$/.exec(p)?.[0] ?? ''));
  const ext = exts.size === 1 ? [...exts][0]! : '';
  return [...common, '**', `*${ext}`].join('/');
}

/** Why `value` is not taken, and what to type instead, from the token in front of it. */
function unexpectedArgument(value: string, index: number, tokens: Token[], options: Options, usage: string, maxPositionals: number): UsageError {
  const head = `unexpected argument '${value}'`;
  const command = /^usage: (drloop [\w-]+)/.exec(usage)?.[1] ?? 'drloop <command>';
  const takes = maxPositionals === 0 ? 'takes no arguments, only --flags' : `takes at most ${maxPositionals === 1 ? 'one argument' : `${maxPositionals} arguments`}`;
  const flag = tokens.filter((t) => t.index < index).at(-1);
  if (flag?.kind !== 'option') return new UsageError(`${head}: ${command} ${takes} (${command} --help)`);
  const name = `--${flag.name}`;
  const spec = options[flag.name];
  if (spec?.type !== 'string') return new UsageError(`${head}: ${name} is a switch and takes no value`);
  // What the shell made of one unquoted word: the flag's value, then the arguments after it up to the next flag.
  const after = tokens.filter((t) => t.index > flag.index);
  const stop = after.findIndex((t) => t.kind !== 'positional');
  const spread = [flag.value ?? '', ...(stop === -1 ? after : after.slice(0, stop)).map((t) => (t.kind === 'positional' ? t.value : ''))];
  const meta = new RegExp(`${name} ([A-Z][A-Z_:,.|-]*)`).exec(usage)?.[1];
  if (spec.multiple && meta === 'GLOB') {
    if (/[*?[{]/.test(flag.value ?? '')) return new UsageError(`${head}: ${name} takes one pattern; repeat ${name} for each pattern`);
    return new UsageError(`${head}: quote the glob (${name} '${globFor(spread)}') or repeat ${name} for each pattern`);
  }
  if (spec.multiple) return new UsageError(`${head}: ${name} takes one value; repeat ${name} for each (${spread.map((v) => `${name} ${v}`).join(' ')})`);
  return new UsageError(`${head}: ${name} takes one ${meta ?? 'value'}; quote a value that holds spaces (${name} '${spread.join(' ')}')`);
}

/**
 * Parses `--name value` flags into the raw-string inputs the actions use, so
 * the CLI and the actions share one schema. Repeated list flags become lines;
 * a boolean flag given alone means `true`. Arguments that are not flags are
 * usage errors, each naming the fix (an unquoted glob the shell expanded, a
 * value with spaces), unless the command takes up to `maxPositionals` of them.
 */
export function parseFlags(argv: string[], options: Options, usage: string, maxPositionals = 0): { raw: RawInputs; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new UsageError(`${describeError(err).replace(/^TypeError \[[A-Z_]+\]: /, '')}\n${usage}`);
  }
  const extra = parsed.tokens.filter((t) => t.kind === 'positional').slice(maxPositionals)[0];
  if (extra?.kind === 'positional') throw unexpectedArgument(extra.value, extra.index, parsed.tokens, options, usage, maxPositionals);
  const raw: RawInputs = {};
  for (const [k, v] of Object.entries(parsed.values)) {
    if (Array.isArray(v)) raw[k] = v.map(String).join('\n');
    else if (typeof v === 'boolean') raw[k] = v ? 'true' : 'false';
    else if (v !== undefined) raw[k] = String(v);
  }
  return { raw, positionals: parsed.positionals };
}

/** Maps errors to exit codes and one-line messages, with the stack only under DRLOOP_DEBUG. */
export function reportError(err: unknown, command: string, ctx: CommandContext): number {
  if (err instanceof UsageError) {
    ctx.stderr.write(`drloop ${command}: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof ConfigurationError) {
    ctx.stderr.write(`drloop ${command}: ${err.message}\n`);
    return EXIT.usage;
  }
  ctx.stderr.write(`drloop ${command}: internal error: ${describeError(err)}\n`);
  if (ctx.env.DRLOOP_DEBUG && err instanceof Error && err.stack) ctx.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}
