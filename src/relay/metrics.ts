/**
 * The relay's `/metrics`: prom-client, one registry per relay, with the
 * relay's own series and prom-client's default process metrics
 * (`process_cpu_seconds_total`, `process_resident_memory_bytes`,
 * `nodejs_eventloop_lag_seconds`, ...).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  /** Label names; a family without them has one series, reported from the first scrape. */
  labels?: readonly string[];
}

const FAMILIES = {
  drloop_relay_notifications_received_total: { help: 'Notifications posted to /alertmanager (any outcome).', type: 'counter' },
  drloop_relay_notifications_total: { help: 'Notifications by outcome: dispatched, duplicate, filtered, dropped_resolved, rejected, unavailable, failed.', type: 'counter', labels: ['outcome'] },
  drloop_relay_dispatched_total: { help: 'Dispatches GitHub accepted.', type: 'counter' },
  drloop_relay_deduplicated_total: { help: 'Notifications acknowledged without a dispatch because the same incident, status and alerts were dispatched within the window.', type: 'counter' },
  drloop_relay_filtered_total: { help: 'Notifications acknowledged without a dispatch because no alert matched.', type: 'counter' },
  drloop_relay_rejected_total: { help: 'Requests refused, by reason: unauthorized, too_large, malformed, invalid.', type: 'counter', labels: ['reason'] },
  drloop_relay_github_requests_total: { help: 'Requests to the GitHub API by status code (or "network").', type: 'counter', labels: ['status'] },
  drloop_relay_github_errors_total: { help: 'Failed GitHub API requests by kind: server, rate_limited, network, client, auth.', type: 'counter', labels: ['kind'] },
  drloop_relay_trimmed_total: { help: "Dispatches shortened to fit GitHub's payload limit.", type: 'counter' },
  drloop_relay_in_flight: { help: 'Notifications being processed now.', type: 'gauge' },
  drloop_relay_dedupe_entries: { help: 'Keys held for deduplication.', type: 'gauge' },
  drloop_relay_request_duration_seconds: { help: 'Time from a notification arriving to its answer.', type: 'histogram' },
  drloop_relay_github_request_duration_seconds: { help: 'Duration of single GitHub API requests.', type: 'histogram' },
} as const satisfies Record<string, Family>;

export type MetricName = keyof typeof FAMILIES;

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class RelayMetrics {
  readonly registry = new Registry();
  private readonly counters = new Map<MetricName, Counter>();
  private readonly histograms = new Map<MetricName, Histogram>();
  private readonly reads = new Map<MetricName, () => number>();

  constructor() {
    for (const [name, family] of Object.entries(FAMILIES) as [MetricName, Family][]) {
      const common = { name, help: family.help, labelNames: family.labels ?? [], registers: [this.registry] };
      if (family.type === 'counter') this.counters.set(name, new Counter(common));
      else if (family.type === 'histogram') this.histograms.set(name, new Histogram({ ...common, buckets: BUCKETS }));
      else {
        const reads = this.reads;
        new Gauge({
          ...common,
          collect() {
            const read = reads.get(name);
            if (read) this.set(read());
          },
        });
      }
    }
    collectDefaultMetrics({ register: this.registry });
  }

  private counter(name: MetricName): Counter {
    const c = this.counters.get(name);
    if (!c) throw new Error(`${name} is not a counter`);
    return c;
  }

  inc(name: MetricName, labels: Labels = {}, by = 1): void {
    this.counter(name).inc(labels, by);
  }

  /** A gauge read when /metrics is scraped. */
  gauge(name: MetricName, read: () => number): void {
    this.reads.set(name, read);
  }

  observe(name: MetricName, seconds: number, labels: Labels = {}): void {
    const h = this.histograms.get(name);
    if (!h) throw new Error(`${name} is not a histogram`);
    h.observe(labels, seconds);
  }

  /** The current value of a counter series; for tests and logs. */
  async get(name: MetricName, labels: Labels = {}): Promise<number> {
    const { values } = await this.counter(name).get();
    const wanted = Object.entries(labels);
    const series = values.find((v) => Object.keys(v.labels).length === wanted.length && wanted.every(([k, x]) => v.labels[k] === x));
    return series?.value ?? 0;
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
