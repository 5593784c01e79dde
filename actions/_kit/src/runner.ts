/**
 * The GitHub runner's contract for a JavaScript action, implemented directly:
 * inputs from `INPUT_<NAME>`, outputs/state/env through the file commands
 * (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`), the job summary file, and
 * `::command::` lines on stdout. It follows @actions/core's formats exactly.
 *
 * Why not @actions/core itself: importing it loads its OIDC client and with
 * it undici, about a megabyte of code evaluated at every start, which more
 * than doubled a small action's start-up time (see the README's benchmarks).
 * drloop needs none of that, and starts fast on runners billed by the minute.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function issue(command: string, message = ''): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`);
}

/** Writes `name<<delimiter` records to a runner file command, as the runner parses them. */
function fileCommand(envVar: string, name: string, value: string): boolean {
  const path = process.env[envVar];
  if (!path) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`unexpected input: value contains the delimiter ${delimiter}`);
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
  return true;
}

/** An input as the runner passes it: `INPUT_<NAME>` upper-cased, spaces as `_`, hyphens kept; trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: string): void {
  if (!fileCommand('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(EOL);
    process.stdout.write(`::set-output name=${name}::${escapeData(value)}${EOL}`);
  }
}

export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  fileCommand('GITHUB_ENV', name, value);
}

/** Masks a value in every later log line of the job. */
export function setSecret(secret: string): void {
  for (const line of secret.split(/\r?\n/)) if (line.trim() !== '') issue('add-mask', line);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}
export function debug(message: string): void {
  issue('debug', message);
}
export function warning(message: string): void {
  issue('warning', message);
}
export function error(message: string): void {
  issue('error', message);
}
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  issue('group', title);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/** Fails the step: an `::error::` annotation and exit code 1 once the event loop drains. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends Markdown to the job summary; false when there is no summary file (outside the runner). */
export function appendSummary(markdown: string): boolean {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, { encoding: 'utf8' });
  return true;
}
