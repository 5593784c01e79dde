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

/**
 * Parses `--name value` flags into the raw-string inputs the actions use, so
 * the CLI and the actions share one schema. Repeated list flags become lines;
 * a boolean flag given alone means `true`.
 */
export function parseFlags(argv: string[], options: Options, usage: string): { raw: RawInputs; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${describeError(err).replace(/^TypeError \[[A-Z_]+\]: /, '')}\n${usage}`);
  }
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
