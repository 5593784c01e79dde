/**
 * The only place where drloop's actions touch the runner: inputs, outputs,
 * logs, the job summary and failure, all through @actions/core. Each action's
 * main.ts uses these and the shared library; the library never imports
 * `@actions/*`. What is heavy (the artifact, S3 and GitHub clients) is loaded
 * by the adapters with `import()` on the path that needs it, never here.
 *
 * Named imports, not the namespace: the bundle then holds (and evaluates at
 * start) only the parts of @actions/core named here (scripts/build.mjs).
 */
import { debug, error, getInput, group, info, setFailed, setOutput, setSecret, summary, warning } from '@actions/core';
import { ConfigurationError, describeError } from '../../../src/errors.js';
import type { Logger } from '../../../src/logger.js';
import type { RawInputs } from '../../../src/inputs.js';
import { runContextFromEnv, type RunContext } from '../../../src/context.js';

export function coreLogger(): Logger {
  return {
    info: (m) => info(m),
    warning: (m) => warning(m),
    error: (m) => error(m),
    debug: (m) => debug(m),
    group: (title, fn) => group(title, fn),
  };
}

const masked = new Set<string>();

/**
 * Masks a secret in the log, once: the runner keeps every mask for the rest
 * of the job, so a value masked where an input is read and again where a
 * client takes it needs one `add-mask` command, not one per caller.
 */
export function mask(value: string | undefined): void {
  if (!value || masked.has(value)) return;
  masked.add(value);
  setSecret(value);
}

/** Reads the named inputs as the runner passes them (`INPUT_<NAME>`, hyphens kept). */
export function readRawInputs(names: string[]): RawInputs {
  const raw: RawInputs = {};
  for (const name of names) raw[name] = getInput(name);
  return raw;
}

export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [k, v] of Object.entries(outputs)) setOutput(k, String(v));
}

/** Appends to the job summary (core.summary); a no-op outside the runner (no GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, !markdown.endsWith('\n')).write();
}

/** @actions/core's log commands, for the actions' own lines. */
export const core = { info, warning, error, debug };

/** The workspace the action works in: the runner's checkout, else the current directory. */
export function workspaceDir(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

/** Where the run happens, for records and notifications. */
export function githubContext(): RunContext {
  return runContextFromEnv(process.env);
}

/** Raised by an action when its result (not its input) means the step must fail. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}

/**
 * Runs an action's body and turns any error into one `setFailed` line:
 * `<action>: <message>`. A stack trace goes to the debug log only (or to the
 * error log with SHOW_STACK_TRACE=true), never in front of the user's problem.
 */
export async function runAction(action: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const known = err instanceof ConfigurationError || err instanceof StepFailure;
    if (err instanceof Error && err.stack) {
      if (process.env.SHOW_STACK_TRACE === 'true') error(err.stack);
      else debug(err.stack);
    }
    setFailed(`${action}: ${known ? '' : 'internal error: '}${describeError(err)}`);
  }
}
