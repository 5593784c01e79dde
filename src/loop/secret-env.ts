import { ConfigurationError } from '../errors.js';
import { refusedOutputName } from '../plan/outputs.js';

/**
 * Why a plan secret may not take this name, or null. The names a step output
 * may not take (drloop's own, the runner's, and those that change how
 * programs run) plus the runner's action state and `CI`.
 */
function reservedName(name: string): string | null {
  if (/^STATE_/i.test(name)) return `${name}: the runner keeps action state in STATE_ variables`;
  if (name.toUpperCase() === 'CI') return `${name}: tools read it to tell CI from a terminal`;
  return refusedOutputName(name);
}

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
    const reserved = reservedName(name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`line ${i + 1}: expected NAME=value with NAME of letters, digits and _`);
    else if (reserved) problems.push(`line ${i + 1}: ${name} is reserved (${reserved.slice(name.length + 2)})`);
    else if (name in out) problems.push(`line ${i + 1}: ${name} is set twice`);
    else out[name] = line.slice(eq + 1);
  });
  if (problems.length) throw new ConfigurationError(`${label}: ${problems.join('; ')}`);
  return out;
}
