/**
 * Which alerts the relay forwards. `--match LABEL=VALUE` may repeat: values
 * given for the same label are alternatives (OR), different labels must all
 * hold (AND), so `--match dr=true --match alertname=A --match alertname=B`
 * selects DR-labelled alerts named A or B. No matcher selects every alert.
 */

export interface LabelMatcher {
  label: string;
  /** Any of these values matches; '' matches a missing label, as in Prometheus. */
  values: string[];
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Parses `LABEL=VALUE` lines (`LABEL="VALUE"` too), reporting every bad line. */
export function parseMatchers(lines: string[]): { matchers: LabelMatcher[]; problems: string[] } {
  const byLabel = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const line of lines) {
    const at = line.indexOf('=');
    const label = at < 0 ? '' : line.slice(0, at).trim();
    if (at < 0 || !LABEL_NAME.test(label) || line[at + 1] === '~' || line[at - 1] === '!') {
      problems.push(`expected LABEL=VALUE (e.g. dr=true or alertname=JenkinsDown), got ${JSON.stringify(line)}`);
      continue;
    }
    let value = line.slice(at + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    const set = byLabel.get(label) ?? new Set<string>();
    set.add(value);
    byLabel.set(label, set);
  }
  return { matchers: [...byLabel].map(([label, values]) => ({ label, values: [...values] })), problems };
}

/** A predicate over an alert's labels. */
export function compileMatcher(matchers: readonly LabelMatcher[]): (labels: Record<string, string>) => boolean {
  if (matchers.length === 0) return () => true;
  const compiled = matchers.map((m) => ({ label: m.label, values: new Set(m.values) }));
  return (labels) => compiled.every((m) => m.values.has(labels[m.label] ?? ''));
}

/** How the matchers read in logs: `dr=true AND alertname in (A, B)`. */
export function describeMatchers(matchers: readonly LabelMatcher[]): string {
  if (matchers.length === 0) return 'every alert';
  return matchers.map((m) => (m.values.length === 1 ? `${m.label}=${JSON.stringify(m.values[0])}` : `${m.label} in (${m.values.map((v) => JSON.stringify(v)).join(', ')})`)).join(' AND ');
}
