/**
 * Secret redaction for everything drloop writes: step output tails in
 * receipts, logs and files in evidence bundles. Values are replaced by
 * `[REDACTED:<kind>]`; callers get counts per kind, never the values.
 */

export interface RedactionRule {
  kind: string;
  pattern: RegExp;
  /** Replaces only this capture group (e.g. keep `Authorization: Bearer `). */
  group?: number;
}

export const BUILTIN_RULES: readonly RedactionRule[] = [
  { kind: 'pem-private-key', pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g },
  { kind: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g },
  {
    kind: 'aws-secret-access-key',
    pattern: /((?:aws_?secret_?access_?key|secret_?access_?key|AWS_SECRET_ACCESS_KEY)["']?\s*[:=]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 2,
  },
  { kind: 'github-token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,255}\b/g },
  { kind: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g },
  { kind: 'teams-webhook', pattern: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com|powerplatform\.com)[^\s"'<>]*/g },
  { kind: 'bearer-token', pattern: /(\bAuthorization\s*[:=]\s*["']?Bearer\s+)([A-Za-z0-9\-._~+/]+=*)/gi, group: 2 },
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

export function redact(text: string, extra: readonly RedactionRule[] = []): RedactionResult {
  const counts: Record<string, number> = {};
  let total = 0;
  let out = text;
  for (const rule of [...BUILTIN_RULES, ...extra]) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      if (match === '') return match;
      counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
      total += 1;
      if (rule.group === undefined) return `[REDACTED:${rule.kind}]`;
      const groups = args.slice(1, -2) as (string | undefined)[];
      const secret = groups[rule.group - 1] ?? '';
      const idx = match.lastIndexOf(secret);
      return `${match.slice(0, idx)}[REDACTED:${rule.kind}]${match.slice(idx + secret.length)}`;
    });
  }
  return { text: out, counts, total };
}
