/**
 * The relay's counters in Prometheus text format (version 0.0.4), written by
 * hand: a handful of series does not justify a client library in the bundle.
 */

type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

const FAMILIES = {
  drloop_relay_notifications_received_total: { help: 'Notifications posted to /alertmanager (any outcome).', type: 'counter' },
  drloop_relay_notifications_total: { help: 'Notifications by outcome: dispatched, duplicate, filtered, dropped_resolved, rejected, unavailable, failed.', type: 'counter' },
  drloop_relay_dispatched_total: { help: 'Dispatches GitHub accepted.', type: 'counter' },
  drloop_relay_deduplicated_total: { help: 'Notifications acknowledged without a dispatch because the same group, status and alerts were dispatched within the window.', type: 'counter' },
  drloop_relay_filtered_total: { help: 'Notifications acknowledged without a dispatch because no alert matched.', type: 'counter' },
  drloop_relay_rejected_total: { help: 'Requests refused, by reason: unauthorized, too_large, malformed, invalid.', type: 'counter' },
  drloop_relay_github_requests_total: { help: 'Requests to the GitHub API by status code (or "network").', type: 'counter' },
  drloop_relay_github_errors_total: { help: 'Failed GitHub API requests by kind: server, rate_limited, network, client, auth.', type: 'counter' },
  drloop_relay_trimmed_total: { help: 'Dispatches shortened to fit GitHub\'s payload limit.', type: 'counter' },
  drloop_relay_in_flight: { help: 'Notifications being processed now.', type: 'gauge' },
  drloop_relay_dedupe_entries: { help: 'Keys held for deduplication.', type: 'gauge' },
  drloop_relay_request_duration_seconds: { help: 'Time from a notification arriving to its answer.', type: 'histogram' },
  drloop_relay_github_request_duration_seconds: { help: 'Duration of single GitHub API requests.', type: 'histogram' },
} as const satisfies Record<string, Family>;

export type MetricName = keyof typeof FAMILIES;

/** Families whose series all carry labels: nothing to print before the first event. */
const LABELLED = new Set<MetricName>(['drloop_relay_notifications_total', 'drloop_relay_rejected_total', 'drloop_relay_github_requests_total', 'drloop_relay_github_errors_total']);

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Histogram {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

export class RelayMetrics {
  private readonly values = new Map<MetricName, Map<string, number>>();
  private readonly histograms = new Map<MetricName, Map<string, Histogram>>();
  private readonly gauges = new Map<MetricName, () => number>();

  inc(name: MetricName, labels: Labels = {}, by = 1): void {
    const series = this.values.get(name) ?? new Map<string, number>();
    const key = labelKey(labels);
    series.set(key, (series.get(key) ?? 0) + by);
    this.values.set(name, series);
  }

  set(name: MetricName, value: number, labels: Labels = {}): void {
    const series = this.values.get(name) ?? new Map<string, number>();
    series.set(labelKey(labels), value);
    this.values.set(name, series);
  }

  /** A gauge read when /metrics is scraped. */
  gauge(name: MetricName, read: () => number): void {
    this.gauges.set(name, read);
  }

  observe(name: MetricName, seconds: number, labels: Labels = {}): void {
    const series = this.histograms.get(name) ?? new Map<string, Histogram>();
    const key = labelKey(labels);
    const h = series.get(key) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]! += 1;
    h.sum += seconds;
    h.count += 1;
    series.set(key, h);
    this.histograms.set(name, series);
  }

  /** The current value of a series; for tests and logs. */
  get(name: MetricName, labels: Labels = {}): number {
    return this.values.get(name)?.get(labelKey(labels)) ?? 0;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, family] of Object.entries(FAMILIES) as [MetricName, Family][]) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      if (family.type === 'histogram') {
        for (const h of this.histograms.get(name)?.values() ?? []) {
          const base = labelKey(h.labels);
          const sep = base === '' ? '' : ',';
          BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${base}${sep}le="${b}"} ${h.counts[i]}`));
          lines.push(`${name}_bucket{${base}${sep}le="+Inf"} ${h.count}`);
          lines.push(`${name}_sum${base === '' ? '' : `{${base}}`} ${h.sum}`, `${name}_count${base === '' ? '' : `{${base}}`} ${h.count}`);
        }
        continue;
      }
      const read = this.gauges.get(name);
      if (read) {
        lines.push(`${name} ${read()}`);
        continue;
      }
      const series = this.values.get(name);
      if (!series || series.size === 0) {
        // Unlabelled counters start at 0 so that rate() and alerts on them work from the first scrape.
        if (!LABELLED.has(name)) lines.push(`${name} 0`);
        continue;
      }
      for (const [key, value] of series) lines.push(key === '' ? `${name} ${value}` : `${name}{${key}} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
