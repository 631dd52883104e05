/**
 * A small Prometheus registry: counters, gauges and histograms with labels,
 * rendered in the text exposition format (version 0.0.4).
 */

/** Label values by label name. */
export type Labels = Readonly<Record<string, string>>;

interface Metric {
  readonly name: string;
  render(): string[];
}

/** The content type of `Registry.render()`. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Holds metrics and renders them all. */
export class Registry {
  private readonly metrics: Metric[] = [];

  /** A counter: only goes up. */
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }

  /** A gauge: a value that is set. */
  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help));
  }

  /** A histogram with upper bounds `buckets` (ascending). */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }

  /** Every metric in the text exposition format. */
  render(): string {
    return `${this.metrics.flatMap((m) => m.render()).join("\n")}\n`;
  }

  private add<T extends Metric>(metric: T): T {
    if (this.metrics.some((m) => m.name === metric.name)) throw new Error(`Metric ${metric.name} exists`);
    this.metrics.push(metric);
    return metric;
  }
}

/** A monotonically increasing count per label set. */
export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the count of `labels`. */
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  /** The count of `labels` (0 when never counted). */
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels))?.value ?? 0;
  }

  render(): string[] {
    return [
      ...header(this.name, this.help, "counter"),
      ...[...this.values.values()].map((e) => sample(this.name, e.labels, e.value)),
    ];
  }
}

/** A value that goes up and down, per label set. */
export class Gauge implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  /** Sets the value of `labels`. */
  set(value: number, labels: Labels = {}): void {
    this.values.set(labelKey(labels), { labels, value });
  }

  /** The value of `labels` (0 when never set). */
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels))?.value ?? 0;
  }

  render(): string[] {
    return [
      ...header(this.name, this.help, "gauge"),
      ...[...this.values.values()].map((e) => sample(this.name, e.labels, e.value)),
    ];
  }
}

interface HistogramSeries {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

/** Observations counted into cumulative buckets, per label set. */
export class Histogram implements Metric {
  private readonly series = new Map<string, HistogramSeries>();

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  /** Records one observation of `labels`. */
  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    const series = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i] = (series.counts[i] ?? 0) + 1;
    });
    series.sum += value;
    series.count += 1;
    this.series.set(key, series);
  }

  /** How many observations `labels` has. */
  count(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.count ?? 0;
  }

  render(): string[] {
    const lines = header(this.name, this.help, "histogram");
    for (const s of this.series.values()) {
      this.buckets.forEach((bound, i) => {
        lines.push(sample(`${this.name}_bucket`, { ...s.labels, le: String(bound) }, s.counts[i] ?? 0));
      });
      lines.push(sample(`${this.name}_bucket`, { ...s.labels, le: "+Inf" }, s.count));
      lines.push(sample(`${this.name}_sum`, s.labels, s.sum));
      lines.push(sample(`${this.name}_count`, s.labels, s.count));
    }
    return lines;
  }
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help.replace(/\\/gu, "\\\\").replace(/\n/gu, "\\n")}`, `# TYPE ${name} ${type}`];
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${name}${pairs.length > 0 ? `{${pairs.join(",")}}` : ""} ${formatValue(value)}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/gu, "\\\\").replace(/"/gu, '\\"').replace(/\n/gu, "\\n");
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

// Called on every request: a plain code-unit order (names are ASCII), not the locale's collation.
function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
