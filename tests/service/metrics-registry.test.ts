import { describe, expect, it } from "vitest";
import { Registry } from "../../src/service/metrics/registry.js";

describe("Registry", () => {
  it("GIVEN counters, gauges and histograms THEN renders the Prometheus text format", () => {
    const registry = new Registry();
    const counter = registry.counter("x_total", "Things.");
    const gauge = registry.gauge("x_size", "Size.");
    const histogram = registry.histogram("x_seconds", "Time.", [0.1, 1]);
    counter.inc({ command: "quote", platform: "web" });
    counter.inc({ platform: "web", command: "quote" }, 2);
    gauge.set(7, { what: "documents" });
    histogram.observe(0.05, { command: "quote" });
    histogram.observe(0.5, { command: "quote" });
    histogram.observe(5, { command: "quote" });
    expect(counter.get({ command: "quote", platform: "web" })).toBe(3);
    expect(registry.render()).toBe(
      [
        "# HELP x_total Things.",
        "# TYPE x_total counter",
        'x_total{command="quote",platform="web"} 3',
        "# HELP x_size Size.",
        "# TYPE x_size gauge",
        'x_size{what="documents"} 7',
        "# HELP x_seconds Time.",
        "# TYPE x_seconds histogram",
        'x_seconds_bucket{command="quote",le="0.1"} 1',
        'x_seconds_bucket{command="quote",le="1"} 2',
        'x_seconds_bucket{command="quote",le="+Inf"} 3',
        'x_seconds_sum{command="quote"} 5.55',
        'x_seconds_count{command="quote"} 3',
        "",
      ].join("\n"),
    );
  });

  it("GIVEN label values with quotes, backslashes and newlines THEN escapes them", () => {
    const registry = new Registry();
    registry.counter("y_total", "Y.").inc({ route: 'a"b\\c\nd' });
    expect(registry.render()).toContain('y_total{route="a\\"b\\\\c\\nd"} 1');
  });

  it("GIVEN a name registered twice THEN refuses it", () => {
    const registry = new Registry();
    registry.counter("z_total", "Z.");
    expect(() => registry.gauge("z_total", "Z.")).toThrow(/exists/u);
  });
});
