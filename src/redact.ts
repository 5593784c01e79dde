/**
 * Secret redaction for everything drloop writes: step output in the live log
 * and in receipts, logs and files in evidence bundles, file names and metadata
 * in manifests. Values are replaced by `[REDACTED:<kind>]`; callers get counts
 * per kind, never the values.
 *
 * Redaction is pattern based and best effort: it knows the formats below and
 * the usual `name: value` shapes, in plain text, in JSON strings and in JSON
 * strings escaped once more. A secret in a format it does not know is kept.
 */

export interface RedactionRule {
  kind: string;
  pattern: RegExp;
  /** Replaces only this capture group (e.g. keep `Authorization: Bearer `). */
  group?: number;
}

/**
 * Where a token may start: after a character that cannot be part of it, or
 * right after an escaped `\n`, `\r` or `\t` (`"line\nghp_…"` in a JSON string).
 */
const START = String.raw`(?:(?<![A-Za-z0-9_])|(?<=\\[nrt]))`;
/** An optional quote, bare or escaped once or twice (`"`, `\"`, `\\\"`). */
const Q = String.raw`(?:\\{0,3}["'])?`;
/** Between a name and its value. Never a newline: `Password:` ending a line does not take the next line. */
const SEP = String.raw`${Q}[ \t]*[:=][ \t]*${Q}`;
/** A value that is a placeholder, not a secret: `***`, `${VAR}`, `$(cmd)`, `{{ x }}`, `<token>`, null, booleans. */
const NOT_PLACEHOLDER = String.raw`(?!\*{3}|\$\{|\$\(|\{\{|<[A-Za-z_-]+>|(?:null|true|false|none)(?![A-Za-z0-9_]))`;
/** An unquoted value runs to whitespace, a quote, a backslash or a separator. */
const BARE_VALUE = String.raw`[^\s"'\\,;&]{1,1024}`;
/** A line break in a PEM block: real, or escaped in a JSON string (once or twice). */
const PEM_BREAK = String.raw`(?:\r?\n|(?:\\{1,3}r)?\\{1,3}n)`;
/** A line of a PEM/PGP block: base64, or one of the armour headers. */
const PEM_LINE = String.raw`(?:[A-Za-z0-9+/=]{1,4096}|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID): [^\r\n"\\]{0,256})`;
/** The end of a quoted string (or of the JSON around it) right after a line of key material. */
const PEM_QUOTE_END = String.raw`["'\\,\]}]`;
const PEM_BEGIN = String.raw`-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----`;

/** Names of secrets in `name: value` / `name=value` form (case-insensitive). */
const SECRET_NAME = String.raw`(?:password|passwd|passphrase|secret|client[_-]?secret|secret[_-]?key|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?token|[_-]token)`;
/** HTTP headers that carry a credential. */
const SECRET_HEADER = String.raw`(?:X-[A-Za-z0-9-]*(?:Api-?Key|Token|Secret)|Api-?Key|Private-Token|Ocp-Apim-Subscription-Key)`;

const re = (source: string, flags = 'g') => new RegExp(source, flags);

/**
 * The built-in rules, most specific first: when two rules match the same
 * value, it is replaced once and counted as the first rule's kind.
 */
export const BUILTIN_RULES: readonly RedactionRule[] = [
  // Whole PEM/PGP private key blocks, over real or escaped line breaks.
  { kind: 'pem-private-key', pattern: re(String.raw`${PEM_BEGIN}[\s\S]*?-----END \1PRIVATE KEY\2-----`) },
  // A block whose END never comes (a truncated log): the header and every line that looks like key material.
  {
    kind: 'pem-private-key',
    // Lines squashed onto one (spaces for line breaks) count when they are long runs of base64.
    pattern: re(String.raw`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:${PEM_BREAK}${PEM_LINE}?(?=${PEM_BREAK}|$|${PEM_QUOTE_END})|[ \t]+[A-Za-z0-9+/=]{16,4096}(?=${PEM_BREAK}|$|[ \t]|${PEM_QUOTE_END})){0,1024}`),
  },
  { kind: 'aws-access-key-id', pattern: re(String.raw`${START}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])`) },
  {
    kind: 'aws-secret-access-key',
    pattern: re(String.raw`((?:aws_?)?secret_?access_?key${SEP})([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`, 'gi'),
    group: 2,
  },
  {
    kind: 'aws-session-token',
    pattern: re(String.raw`((?:aws_?session_?token|session_?token|security_?token|x-amz-security-token)${SEP})([A-Za-z0-9/+=]{16,})`, 'gi'),
    group: 2,
  },
  { kind: 'aws-session-token', pattern: re(String.raw`${START}(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+=]{40,}`) },
  { kind: 'github-token', pattern: re(String.raw`${START}(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])`) },
  { kind: 'github-token', pattern: re(String.raw`${START}github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])`) },
  { kind: 'gitlab-token', pattern: re(String.raw`${START}gl(?:pat|dt|rt|ptt|soat|cbt|ft)-[A-Za-z0-9_-]{20,}`) },
  { kind: 'slack-token', pattern: re(String.raw`${START}(?:xox(?:e\.xox)?[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{20,})`) },
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g },
  { kind: 'teams-webhook', pattern: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com|powerplatform\.com)[^\s"'<>\\]*/g },
  { kind: 'bearer-token', pattern: re(String.raw`(${START}(?:Proxy-)?Authorization${SEP}(?:Bearer|Token)[ \t]+)([A-Za-z0-9\-._~+/]+=*)`, 'gi'), group: 2 },
  { kind: 'basic-auth', pattern: re(String.raw`(${START}(?:Proxy-)?Authorization${SEP}Basic[ \t]+)([A-Za-z0-9+/]+=*)`, 'gi'), group: 2 },
  { kind: 'jwt', pattern: re(String.raw`${START}eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`) },
  { kind: 'stripe-key', pattern: re(String.raw`${START}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`) },
  { kind: 'google-api-key', pattern: re(String.raw`${START}AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])`) },
  { kind: 'npm-token', pattern: re(String.raw`${START}npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])`) },
  { kind: 'pypi-token', pattern: re(String.raw`${START}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`) },
  { kind: 'sendgrid-key', pattern: re(String.raw`${START}SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`) },
  { kind: 'openai-key', pattern: re(String.raw`${START}sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}`) },
  { kind: 'anthropic-key', pattern: re(String.raw`${START}sk-ant-[a-z]+\d{2}-[A-Za-z0-9_-]{80,}`) },
  { kind: 'vault-token', pattern: re(String.raw`${START}hv[sbr]\.[A-Za-z0-9_-]{24,}`) },
  { kind: 'digitalocean-token', pattern: re(String.raw`${START}do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])`) },
  { kind: 'shopify-token', pattern: re(String.raw`${START}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![a-fA-F0-9])`) },
  { kind: 'huggingface-token', pattern: re(String.raw`${START}hf_[A-Za-z]{34}(?![A-Za-z0-9])`) },
  { kind: 'grafana-token', pattern: re(String.raw`${START}(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})`) },
  { kind: 'telegram-bot-token', pattern: re(String.raw`${START}\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])`) },
  { kind: 'azure-client-secret', pattern: re(String.raw`${START}[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`) },
  // scheme://user:password@host: the password.
  { kind: 'url-credentials', pattern: re(String.raw`(${START}[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@"'\\]{1,256}:)([^\s/?#@"'\\]{1,1024})@`), group: 2 },
  { kind: 'azure-sas-signature', pattern: re(String.raw`([?&]sig=)([A-Za-z0-9%+/=]{16,})`), group: 2 },
  // Connection strings: Server=…;User Id=…;Password=…; AccountKey=…; SharedAccessKey=…
  {
    kind: 'connection-string',
    pattern: re(String.raw`((?:(?<![A-Za-z0-9_])(?:Password|AccountKey|SharedAccessKey|SharedAccessSignature)|(?<=;)[ \t]*Pwd)[ \t]*=[ \t]*)${NOT_PLACEHOLDER}([^;"'\s\\]{1,1024})`, 'gi'),
    group: 2,
  },
  { kind: 'api-key-header', pattern: re(String.raw`(${START}${SECRET_HEADER}${Q}[ \t]*:[ \t]*${Q})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'), group: 2 },
  // name: "a quoted value, spaces and all" (the quote may be escaped, `\"`)
  {
    kind: 'secret-assignment',
    pattern: re(String.raw`(${SECRET_NAME}${Q}[ \t]*[:=][ \t]*(\\{0,3}["']))${NOT_PLACEHOLDER}((?:(?!\2)[^\r\n]){1,1024}?)\2`, 'gi'),
    group: 3,
  },
  { kind: 'secret-assignment', pattern: re(String.raw`(${SECRET_NAME}${SEP})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'), group: 2 },
];

export interface RedactionResult {
  text: string;
  /** How many values of each kind were replaced. */
  counts: Record<string, number>;
  total: number;
}

/** Compiles the user's extra patterns (input `redact`), naming the bad one on error. */
export function compileExtraRules(patterns: string[]): RedactionRule[] {
  return patterns.map((p, i) => {
    try {
      return { kind: `custom-${i + 1}`, pattern: new RegExp(p, 'g') };
    } catch (err) {
      throw new Error(`redact pattern ${i + 1} (${JSON.stringify(p)}) is not a valid regular expression: ${(err as Error).message}`);
    }
  });
}

/** A rule with its own RegExp (`lastIndex` is state, and rules are shared). */
export interface CompiledRule {
  kind: string;
  pattern: RegExp;
  group?: number;
}

export interface RuleMatch {
  /** The whole match, which a cut must not split. */
  start: number;
  end: number;
  /** The part replaced (a capture group, or the whole match). */
  from: number;
  to: number;
  kind: string;
  order: number;
}

export function compileRules(rules: readonly RedactionRule[]): CompiledRule[] {
  return rules.map((r) => {
    let flags = r.pattern.flags;
    if (!flags.includes('g')) flags += 'g';
    if (r.group !== undefined && !flags.includes('d')) flags += 'd';
    const rule: CompiledRule = { kind: r.kind, pattern: new RegExp(r.pattern.source, flags) };
    if (r.group !== undefined) rule.group = r.group;
    return rule;
  });
}

/** Every match of every rule in `text`, against the original text (a replaced value is never matched again). */
export function findMatches(text: string, rules: readonly CompiledRule[]): RuleMatch[] {
  const matches: RuleMatch[] = [];
  rules.forEach((rule, order) => {
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0] === '') {
        pattern.lastIndex += 1;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      let from = start;
      let to = end;
      if (rule.group !== undefined) {
        const span = m.indices?.[rule.group];
        if (!span) continue;
        [from, to] = span;
        if (from === to) continue;
      }
      matches.push({ start, end, from, to, kind: rule.kind, order });
    }
  });
  return matches;
}

/**
 * Replaces the matches that end at or before `upTo` in `text.slice(0, upTo)`.
 * Overlapping matches (two rules, one secret) widen the replaced span and
 * count once, as the kind of the rule listed first.
 */
export function applyMatches(text: string, matches: readonly RuleMatch[], upTo: number, counts: Record<string, number>): { text: string; total: number } {
  const applied = matches.filter((m) => m.end <= upTo).sort((a, b) => a.from - b.from || a.order - b.order);
  const parts: string[] = [];
  let pos = 0;
  let total = 0;
  for (const m of applied) {
    if (m.from < pos) {
      if (m.to > pos) pos = m.to;
      continue;
    }
    parts.push(text.slice(pos, m.from), `[REDACTED:${m.kind}]`);
    pos = m.to;
    counts[m.kind] = (counts[m.kind] ?? 0) + 1;
    total += 1;
  }
  parts.push(text.slice(pos, upTo));
  return { text: parts.join(''), total };
}

const builtinCompiled = compileRules(BUILTIN_RULES);

export function redact(text: string, extra: readonly RedactionRule[] = []): RedactionResult {
  const rules = extra.length === 0 ? builtinCompiled : compileRules([...BUILTIN_RULES, ...extra]);
  const counts: Record<string, number> = {};
  const out = applyMatches(text, findMatches(text, rules), text.length, counts);
  return { text: out.text, counts, total: out.total };
}
