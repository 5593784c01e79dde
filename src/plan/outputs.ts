/**
 * Step outputs: the `KEY=value` lines a step appends to `$DRLOOP_OUTPUT`,
 * given to later steps as environment variables. An output is data, so a name
 * that a shell, the dynamic loader or a language runtime reads to decide how a
 * program runs is refused: it would let one step's output change what later
 * steps execute.
 */

/** Exact names (compared upper-cased) and why each is refused. */
const REFUSED_NAMES: Record<string, string> = {
  PATH: 'the shell looks programs up in it',
  CDPATH: 'the shell reads it',
  BASH_ENV: 'bash runs the file it names',
  ENV: 'sh runs the file it names',
  IFS: 'the shell splits words on it',
  PS4: 'the shell expands it when tracing',
  PROMPT_COMMAND: 'the shell runs it',
  SHELLOPTS: 'the shell reads it',
  BASHOPTS: 'the shell reads it',
  GLOBIGNORE: 'the shell reads it',
  HOME: 'programs read their configuration from it',
  SHELL: 'programs run it',
  TMPDIR: 'programs write temporary files there',
  NODE_OPTIONS: 'Node.js reads it',
  NODE_PATH: 'Node.js loads modules from it',
  NODE_EXTRA_CA_CERTS: 'Node.js trusts it',
  NODE_TLS_REJECT_UNAUTHORIZED: 'Node.js reads it',
  RUBYOPT: 'Ruby reads it',
  RUBYLIB: 'Ruby loads code from it',
  PERL5OPT: 'Perl reads it',
  PERL5LIB: 'Perl loads code from it',
  PERLLIB: 'Perl loads code from it',
  JAVA_TOOL_OPTIONS: 'the JVM reads it',
  _JAVA_OPTIONS: 'the JVM reads it',
  JDK_JAVA_OPTIONS: 'the JVM reads it',
  CLASSPATH: 'the JVM loads code from it',
  GCONV_PATH: 'the C library loads code from it',
  EDITOR: 'programs run it',
  VISUAL: 'programs run it',
  PAGER: 'programs run it',
  LESSOPEN: 'less runs it',
  SSL_CERT_FILE: 'TLS clients trust it',
  SSL_CERT_DIR: 'TLS clients trust it',
  CURL_CA_BUNDLE: 'curl trusts it',
  REQUESTS_CA_BUNDLE: 'Python requests trusts it',
  HTTP_PROXY: 'HTTP clients send requests through it',
  HTTPS_PROXY: 'HTTP clients send requests through it',
  ALL_PROXY: 'HTTP clients send requests through it',
  NO_PROXY: 'HTTP clients read it',
};

/** Prefixes (compared upper-cased) and why names under them are refused. */
const REFUSED_PREFIXES: [string, string][] = [
  ['DRLOOP_', 'drloop sets DRLOOP_ variables itself'],
  ['LD_', 'the dynamic loader reads LD_ variables'],
  ['DYLD_', 'the dynamic loader reads DYLD_ variables'],
  ['BASH_FUNC_', 'bash imports functions from BASH_FUNC_ variables'],
  ['PYTHON', 'Python reads PYTHON* variables'],
  ['GIT_', 'git reads GIT_ variables'],
  ['NPM_CONFIG_', 'npm reads NPM_CONFIG_ variables'],
  ['GITHUB_', 'the runner and its tools read GITHUB_ variables'],
  ['ACTIONS_', 'the runner reads ACTIONS_ variables'],
  ['RUNNER_', 'the runner reads RUNNER_ variables'],
  ['INPUT_', 'actions read their inputs from INPUT_ variables'],
];

/** Why an output of this name is refused, or null when it may be passed on. */
export function refusedOutputName(name: string): string | null {
  const upper = name.toUpperCase();
  const exact = REFUSED_NAMES[upper];
  if (exact) return `${name}: ${exact}`;
  for (const [prefix, why] of REFUSED_PREFIXES) if (upper.startsWith(prefix)) return `${name}: ${why}`;
  return null;
}

/** An output that was not passed on, and why (the name, or a line that is not `KEY=value`). */
export interface RefusedOutput {
  line: string;
  reason: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** Reads the `KEY=value` lines a step appended to `$DRLOOP_OUTPUT`. */
export function parseStepOutputs(text: string): { outputs: Record<string, string>; refused: RefusedOutput[] } {
  const outputs: Record<string, string> = {};
  const refused: RefusedOutput[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : '';
    const value = eq > 0 ? raw.slice(eq + 1) : '';
    if (!NAME.test(name)) {
      refused.push({ line: shorten(raw), reason: 'not a KEY=value line with a name of letters, digits and _' });
      continue;
    }
    const why = refusedOutputName(name);
    if (why) refused.push({ line: name, reason: `a name that changes how programs run (${why})` });
    // A line holds one value; a carriage return or NUL inside it is not text a later step can get intact.
    else if (/[\r\0]/.test(value)) refused.push({ line: name, reason: 'the value holds a carriage return or NUL' });
    else outputs[name] = value;
  }
  return { outputs, refused };
}
