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
  /**
   * Text every match contains one of (lower case for a case-insensitive
   * rule): a block without any is not searched with the rule at all, which
   * keeps redaction fast with many rules.
   */
  hints?: readonly string[];
  /**
   * No match spans a line break, and the pattern has no `^`, `$` or
   * lookbehind, so what it matches in a line does not depend on the text
   * around the line: the rule is run only over the lines that hold one of its
   * hints, not over the whole block. Needs `hints`.
   */
  line?: boolean;
}

/**
 * What may come before a token: the start, a character that cannot be part of
 * it, or an escaped `\n`, `\r` or `\t` (`"line\nghp_…"` in a JSON string).
 * Used in a lookbehind placed after the token's literal prefix (`ghp_(?<=…)`),
 * so that the regular expression starts with a literal, which the engine
 * scans for fast; a leading lookbehind makes every rule many times slower.
 */
const B = String.raw`(?:^|[^A-Za-z0-9_]|\\[nrt])`;
/** A token that starts with `prefix` (a regular expression matching literal text) at a token boundary. */
const tok = (prefix: string, rest: string) => String.raw`${prefix}(?<=${B}${prefix})${rest}`;
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
const SECRET_NAME_HINTS = ['pass', 'secret', 'key', 'token'];
/** HTTP headers that carry a credential. */
const SECRET_HEADER = String.raw`(?:X-[A-Za-z0-9-]*(?:Api-?Key|Token|Secret)|Api-?Key|Private-Token|Ocp-Apim-Subscription-Key)`;

const re = (source: string, flags = 'g') => new RegExp(source, flags);

/**
 * The built-in rules, most specific first: when two rules match the same
 * value, it is replaced once and counted as the first rule's kind.
 */
export const BUILTIN_RULES: readonly RedactionRule[] = [
  // Whole PEM/PGP private key blocks, over real or escaped line breaks.
  { kind: 'pem-private-key', pattern: re(String.raw`${PEM_BEGIN}[\s\S]*?-----END \1PRIVATE KEY\2-----`), hints: ['-----BEGIN '] },
  // A block whose END never comes (a truncated log): the header and every line that looks like key material.
  {
    kind: 'pem-private-key',
    // Lines squashed onto one (spaces for line breaks) count when they are long runs of base64.
    hints: ['-----BEGIN '],
    pattern: re(
      String.raw`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:${PEM_BREAK}${PEM_LINE}?(?=${PEM_BREAK}|$|${PEM_QUOTE_END})|[ \t]+[A-Za-z0-9+/=]{16,4096}(?=${PEM_BREAK}|$|[ \t]|${PEM_QUOTE_END})){0,1024}`,
    ),
  },
  {
    kind: 'aws-access-key-id',
    pattern: re(tok(String.raw`A(?:3T[A-Z0-9]|KIA|SIA|BIA|CCA|IDA|ROA|GPA|NPA|NVA|IPA)`, String.raw`[A-Z0-9]{16}(?![A-Za-z0-9])`)),
    hints: ['AKIA', 'ASIA', 'A3T', 'ABIA', 'ACCA', 'AIDA', 'AROA', 'AGPA', 'ANPA', 'ANVA', 'AIPA'],
  },
  { kind: 'aws-secret-access-key', pattern: re(String.raw`(secret_?access_?key${SEP})([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`, 'gi'), group: 2, hints: ['access_key', 'accesskey'], line: true },
  { kind: 'aws-session-token', pattern: re(String.raw`((?:session|security)[_-]?token${SEP})([A-Za-z0-9/+=]{16,})`, 'gi'), group: 2, hints: ['token'], line: true },
  { kind: 'aws-session-token', pattern: re(tok('(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)', '[A-Za-z0-9/+=]{40,}')), hints: ['FwoGZXIvYXdz', 'IQoJb3JpZ2lu'] },
  { kind: 'github-token', pattern: re(tok('gh[pousr]_', '[A-Za-z0-9]{36,255}(?![A-Za-z0-9])')), hints: ['ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_'] },
  { kind: 'github-token', pattern: re(tok('github_pat_', '[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])')), hints: ['github_pat_'] },
  { kind: 'gitlab-token', pattern: re(tok('gl(?:pat|dt|rt|ptt|soat|cbt|ft)-', '[A-Za-z0-9_-]{20,}')), hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'glcbt-', 'glft-'] },
  { kind: 'slack-token', pattern: re(tok(String.raw`xox(?:e\.xox)?[abposre]-`, '[A-Za-z0-9-]{10,}')), hints: ['xox'] },
  { kind: 'slack-token', pattern: re(tok(String.raw`xapp-\d-`, '[A-Za-z0-9-]{20,}')), hints: ['xapp-'] },
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g, hints: ['hooks.slack'] },
  {
    kind: 'teams-webhook',
    pattern: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com|powerplatform\.com)[^\s"'<>\\]*/g,
    hints: ['webhook.office.com', 'logic.azure.com', 'powerplatform.com'],
  },
  // (Proxy-)Authorization: Bearer|Token|Basic <value>, as a header, in JSON, or in git's extraheader.
  { kind: 'bearer-token', pattern: re(String.raw`(Authorization${SEP}(?:Bearer|Token)[ \t]+)([A-Za-z0-9\-._~+/]+=*)`, 'gi'), group: 2, hints: ['authorization'], line: true },
  { kind: 'basic-auth', pattern: re(String.raw`(Authorization${SEP}Basic[ \t]+)([A-Za-z0-9+/]+=*)`, 'gi'), group: 2, hints: ['authorization'], line: true },
  { kind: 'jwt', pattern: re(tok('eyJ', String.raw`[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`)), hints: ['eyJ'] },
  { kind: 'stripe-key', pattern: re(tok('[sr]k_(?:live|test)_', '[A-Za-z0-9]{16,}')), hints: ['k_live_', 'k_test_'] },
  { kind: 'google-api-key', pattern: re(tok('AIza', '[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])')), hints: ['AIza'] },
  { kind: 'npm-token', pattern: re(tok('npm_', '[A-Za-z0-9]{36}(?![A-Za-z0-9])')), hints: ['npm_'] },
  { kind: 'pypi-token', pattern: re(tok('pypi-AgEIcHlwaS5vcmc', '[A-Za-z0-9_-]{50,}')), hints: ['pypi-AgEIcHlwaS5vcmc'] },
  { kind: 'sendgrid-key', pattern: re(tok(String.raw`SG\.`, String.raw`[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`)), hints: ['SG.'] },
  { kind: 'openai-key', pattern: re(tok('sk-', '(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}')), hints: ['T3BlbkFJ'] },
  { kind: 'anthropic-key', pattern: re(tok('sk-ant-', String.raw`[a-z]+\d{2}-[A-Za-z0-9_-]{80,}`)), hints: ['sk-ant-'] },
  { kind: 'vault-token', pattern: re(tok(String.raw`hv[sbr]\.`, '[A-Za-z0-9_-]{24,}')), hints: ['hvs.', 'hvb.', 'hvr.'] },
  { kind: 'digitalocean-token', pattern: re(tok('do[opr]_v1_', '[a-f0-9]{64}(?![a-f0-9])')), hints: ['_v1_'] },
  { kind: 'shopify-token', pattern: re(tok('shp(?:at|ca|pa|ss)_', '[a-fA-F0-9]{32}(?![a-fA-F0-9])')), hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'] },
  { kind: 'huggingface-token', pattern: re(tok('hf_', '[A-Za-z]{34}(?![A-Za-z0-9])')), hints: ['hf_'] },
  { kind: 'grafana-token', pattern: re(tok('glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])')), hints: ['glsa_'] },
  { kind: 'grafana-token', pattern: re(tok('glc_', '[A-Za-z0-9+/]{32,}={0,2}')), hints: ['glc_'] },
  // The bot id before the colon is public; the part after it is the secret.
  { kind: 'telegram-bot-token', pattern: re(String.raw`:AA(?<=${B}\d{8,10}:AA)[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])`), hints: [':AA'] },
  // Matched from its fixed `Q~` (for speed): the four characters before it stay, the 31 to 34 after it go.
  { kind: 'azure-client-secret', pattern: re(String.raw`Q~(?<=${B}[A-Za-z0-9_~.]{3}\dQ~)[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`), hints: ['Q~'] },
  // scheme://user:password@host: the password.
  { kind: 'url-credentials', pattern: re(String.raw`:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^\s:/?#@"'\\]{1,256}:)([^\s/?#@"'\\]{1,1024})@`), group: 2, hints: ['://'] },
  { kind: 'azure-sas-signature', pattern: re(String.raw`([?&]sig=)([A-Za-z0-9%+/=]{16,})`), group: 2, hints: ['sig='] },
  // Connection strings: Server=…;User Id=…;Password=…; AccountKey=…; SharedAccessKey=… (a key first in the string is a secret-assignment).
  {
    kind: 'connection-string',
    hints: ['password', 'pwd', 'accountkey', 'sharedaccess'],
    line: true,
    pattern: re(String.raw`(;[ \t]*(?:Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature)[ \t]*=[ \t]*)${NOT_PLACEHOLDER}([^;"'\s\\]{1,1024})`, 'gi'),
    group: 2,
  },
  {
    kind: 'api-key-header',
    pattern: re(String.raw`(${SECRET_HEADER}${Q}[ \t]*:[ \t]*${Q})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'),
    group: 2,
    hints: ['api-key', 'apikey', 'token', 'secret', 'subscription-key'],
    line: true,
  },
  // name: "a quoted value, spaces and all" (the quote may be escaped, `\"`)
  {
    kind: 'secret-assignment',
    hints: SECRET_NAME_HINTS,
    line: true,
    pattern: re(String.raw`(${SECRET_NAME}${Q}[ \t]*[:=][ \t]*(\\{0,3}["']))${NOT_PLACEHOLDER}((?:(?!\2)[^\r\n]){1,1024}?)\2`, 'gi'),
    group: 3,
  },
  { kind: 'secret-assignment', pattern: re(String.raw`(${SECRET_NAME}${SEP})${NOT_PLACEHOLDER}(${BARE_VALUE})`, 'gi'), group: 2, hints: SECRET_NAME_HINTS, line: true },
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
  hints?: readonly string[];
  line?: boolean;
}

/**
 * Where hints occur in a text, found in one scan per letter case: an
 * alternation of every hint, longest first, advanced one character at a time
 * so that overlapping hints are all seen; a hint found also counts its
 * prefixes that are hints, at the same place.
 */
interface Gate {
  exact: RegExp | null;
  folded: RegExp | null;
  prefixes: Map<string, string[]>;
  longestFolded: number;
}

const gates = new WeakMap<readonly CompiledRule[], Gate>();

function gateOf(rules: readonly CompiledRule[]): Gate {
  let gate = gates.get(rules);
  if (gate) return gate;
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const r of rules) for (const h of r.hints ?? []) (r.pattern.ignoreCase ? folded : exact).add(h);
  const alternation = (set: Set<string>) =>
    set.size === 0
      ? null
      : new RegExp(
          [...set]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'g',
        );
  const all = [...new Set([...exact, ...folded])];
  const prefixes = new Map(all.map((h) => [h, all.filter((o) => o !== h && h.startsWith(o))]));
  gate = { exact: alternation(exact), folded: alternation(folded), prefixes, longestFolded: Math.max(0, ...[...folded].map((h) => h.length)) };
  gates.set(rules, gate);
  return gate;
}

/** Each hint found, with the offsets where it starts (in ascending order). */
type HintPlaces = Map<string, number[]>;

interface Hints {
  exact: HintPlaces;
  folded: HintPlaces;
  /**
   * Whether the offsets of folded hints are offsets in the text: lower-casing
   * can lengthen a string (`İ` becomes two characters), and then they are not.
   */
  foldedPlaced: boolean;
}

/**
 * Text is lower-cased for the folded scan this much at a time: each piece is
 * a small string that the young generation frees at once, where a copy of a
 * whole 1 MiB block would wait in the large-object space for a full GC.
 */
const FOLD_PIECE = 32 * 1024;

function hintsIn(text: string, gate: Gate): Hints {
  const found = { exact: new Map(), folded: new Map() } as { exact: HintPlaces; folded: HintPlaces };
  const add = (places: HintPlaces, h: string, at: number) => {
    const list = places.get(h);
    if (list) list.push(at);
    else places.set(h, [at]);
  };
  /** Hints starting in `t` before `limit`, at `offset + index`. */
  const scan = (pattern: RegExp, t: string, offset: number, limit: number, places: HintPlaces) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(t); m !== null && m.index < limit; m = pattern.exec(t)) {
      add(places, m[0], offset + m.index);
      for (const p of gate.prefixes.get(m[0]) ?? []) add(places, p, offset + m.index);
      pattern.lastIndex = m.index + 1;
    }
  };
  if (gate.exact) scan(gate.exact, text, 0, text.length, found.exact);
  let foldedPlaced = true;
  if (gate.folded) {
    // Pieces overlap by the longest hint, less one, so a hint across a piece's end is seen in the piece it starts in.
    const overlap = gate.longestFolded - 1;
    for (let start = 0; start < text.length; start += FOLD_PIECE) {
      const piece = text.slice(start, start + FOLD_PIECE + overlap);
      const lower = piece.toLowerCase();
      // Lower-casing lengthened the piece (`İ` becomes two characters): offsets are off, and only presence counts.
      const placed = lower.length === piece.length;
      if (!placed) foldedPlaced = false;
      scan(gate.folded, lower, start, placed ? FOLD_PIECE : lower.length, found.folded);
    }
  }
  return { ...found, foldedPlaced };
}

/** The lines (`[start, end)`, without their newline) that hold one of `places`, in order, each once. */
function linesAt(text: string, places: number[]): [number, number][] {
  const sorted = places.length > 1 ? [...places].sort((a, b) => a - b) : places;
  const lines: [number, number][] = [];
  let end = -1;
  for (const at of sorted) {
    if (at < end) continue;
    const start = text.lastIndexOf('\n', at) + 1;
    const nl = text.indexOf('\n', at);
    end = nl === -1 ? text.length : nl;
    lines.push([start, end]);
  }
  return lines;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    if (r.hints) rule.hints = r.hints;
    if (r.line && r.hints && r.hints.length > 0) rule.line = true;
    return rule;
  });
}

/** Every match of `rule` in `text.slice(from, to)`, at offsets in `text`. */
function matchIn(text: string, from: number, to: number, rule: CompiledRule, order: number, matches: RuleMatch[]): void {
  const pattern = rule.pattern;
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(part); m !== null; m = pattern.exec(part)) {
    if (m[0] === '') {
      pattern.lastIndex += 1;
      continue;
    }
    const start = from + m.index;
    const end = start + m[0].length;
    let first = start;
    let last = end;
    if (rule.group !== undefined) {
      const span = m.indices?.[rule.group];
      if (!span) continue;
      if (span[0] === span[1]) continue;
      first = from + span[0];
      last = from + span[1];
    }
    matches.push({ start, end, from: first, to: last, kind: rule.kind, order });
  }
}

/**
 * Every match of every rule in `text`, against the original text (a replaced
 * value is never matched again). A rule with hints runs only if one of them
 * occurs; a `line` rule runs only over the lines that hold one.
 */
export function findMatches(text: string, rules: readonly CompiledRule[]): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const found = hintsIn(text, gateOf(rules));
  rules.forEach((rule, order) => {
    if (!rule.hints) {
      matchIn(text, 0, text.length, rule, order, matches);
      return;
    }
    const folded = rule.pattern.ignoreCase;
    const places = folded ? found.folded : found.exact;
    const at = rule.hints.flatMap((h) => places.get(h) ?? []);
    if (at.length === 0) return;
    if (!rule.line || (folded && !found.foldedPlaced)) {
      matchIn(text, 0, text.length, rule, order, matches);
      return;
    }
    for (const [start, end] of linesAt(text, at)) matchIn(text, start, end, rule, order, matches);
  });
  return matches;
}

/**
 * Replaces the matches that end at or before `upTo` in `text.slice(0, upTo)`.
 * Overlapping matches (two rules, one secret) widen the replaced span and
 * count once, as the kind of the rule listed first.
 */
export function applyMatches(text: string, matches: readonly RuleMatch[], upTo: number, counts: Record<string, number>): { text: string; total: number } {
  const spans = redactedSpans(matches, upTo, counts);
  const parts: string[] = [];
  let pos = 0;
  for (const s of spans) {
    parts.push(text.slice(pos, s.from), s.replacement);
    pos = s.to;
  }
  parts.push(text.slice(pos, upTo));
  return { text: parts.join(''), total: spans.length };
}

/** One replacement: `text.slice(from, to)` becomes `replacement`. */
export interface RedactedSpan {
  from: number;
  to: number;
  replacement: string;
}

/**
 * The replacements `applyMatches` makes in `text.slice(0, upTo)`, in order
 * and without overlaps, counted into `counts` (for a caller that assembles
 * the output itself, from bytes); overlaps are resolved as `applyMatches`
 * describes.
 */
export function redactedSpans(matches: readonly RuleMatch[], upTo: number, counts: Record<string, number>): RedactedSpan[] {
  const applied = matches.filter((m) => m.end <= upTo).sort((a, b) => a.from - b.from || a.order - b.order);
  const spans: RedactedSpan[] = [];
  let pos = 0;
  for (const m of applied) {
    if (m.from < pos) {
      if (m.to > pos) spans[spans.length - 1]!.to = pos = m.to;
      continue;
    }
    spans.push({ from: m.from, to: m.to, replacement: `[REDACTED:${m.kind}]` });
    pos = m.to;
    counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  }
  return spans;
}

const builtinCompiled = compileRules(BUILTIN_RULES);
/** The built-in rules and a caller's extra ones, compiled once per list of extra rules (and their hint scan with them). */
const withExtra = new WeakMap<readonly RedactionRule[], CompiledRule[]>();

function rulesWith(extra: readonly RedactionRule[]): CompiledRule[] {
  if (extra.length === 0) return builtinCompiled;
  let rules = withExtra.get(extra);
  if (!rules) withExtra.set(extra, (rules = compileRules([...BUILTIN_RULES, ...extra])));
  return rules;
}

/** Redacts `text` with the built-in rules and `extra` (the user's patterns, BUILTIN_RULES not included). */
export function redact(text: string, extra: readonly RedactionRule[] = []): RedactionResult {
  const rules = rulesWith(extra);
  const counts: Record<string, number> = {};
  const out = applyMatches(text, findMatches(text, rules), text.length, counts);
  return { text: out.text, counts, total: out.total };
}
