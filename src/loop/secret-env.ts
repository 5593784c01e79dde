import { ConfigurationError } from '../errors.js';

/** Names a plan secret may not take: drloop's own, the runner's, and those that change how programs run. */
const RESERVED = /^(DRLOOP_|GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|SHELL|ENV|BASH_ENV|SHELLOPTS|BASHOPTS|IFS|PS4|LD_PRELOAD|LD_LIBRARY_PATH|NODE_OPTIONS|NODE_PATH|CI)$/;

/**
 * Parses the `plan-env` secret: one `NAME=value` a line (blank lines and `#`
 * comments skipped). The values reach the plan's steps as environment
 * variables and are masked in the logs. Errors name the line, never a value.
 */
export function parseSecretEnv(text: string | undefined, label = "input 'secret-env'"): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`line ${i + 1}: expected NAME=value with NAME of letters, digits and _`);
    else if (RESERVED.test(name)) problems.push(`line ${i + 1}: ${name} is reserved (drloop's, the runner's, or one that changes how programs run)`);
    else if (name in out) problems.push(`line ${i + 1}: ${name} is set twice`);
    else out[name] = line.slice(eq + 1);
  });
  if (problems.length) throw new ConfigurationError(`${label}: ${problems.join('; ')}`);
  return out;
}
