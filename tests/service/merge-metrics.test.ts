import { describe, expect, it } from "vitest";
import { mergeMetrics } from "../../src/service/metrics/merge-metrics.js";
import { Registry } from "../../src/service/metrics/registry.js";

function shardText(requests: number): string {
  const registry = new Registry();
  registry.counter("backstory_requests_total", "Answers.").inc({ command: "quote", outcome: "ok" }, requests);
  registry.gauge("backstory_answers_in_flight", "In flight.").set(0);
  registry.histogram("backstory_request_duration_seconds", "Latency.", [0.1, 1]).observe(0.05);
  return registry.render();
}

describe("mergeMetrics", () => {
  it("GIVEN two shards' metrics THEN each sample is labelled with its shard, each family's HELP and TYPE appear once before its samples", () => {
    const merged = mergeMetrics(
      "shard",
      new Map([
        ["0", shardText(2)],
        ["1", shardText(5)],
      ]),
    );
    const lines = merged.trim().split("\n");
    expect(lines.filter((l) => l === "# TYPE backstory_requests_total counter")).toHaveLength(1);
    expect(lines).toContain('backstory_requests_total{shard="0",command="quote",outcome="ok"} 2');
    expect(lines).toContain('backstory_requests_total{shard="1",command="quote",outcome="ok"} 5');
    expect(lines).toContain('backstory_answers_in_flight{shard="1"} 0');
    // A histogram's buckets, sum and count stay under its one header.
    const typeAt = lines.indexOf("# TYPE backstory_request_duration_seconds histogram");
    const bucketLines = lines.filter((l) => l.startsWith("backstory_request_duration_seconds_bucket"));
    expect(bucketLines.length).toBeGreaterThan(0);
    expect(lines.indexOf(bucketLines[0] as string)).toBeGreaterThan(typeAt);
    expect(lines.filter((l) => l.startsWith("# TYPE backstory_request_duration_seconds"))).toHaveLength(1);
    for (const sample of lines.filter((l) => !l.startsWith("#"))) expect(sample).toMatch(/\{shard="[01]"/u);
  });

  it("GIVEN no shard reporting THEN nothing is added", () => {
    expect(mergeMetrics("shard", new Map())).toBe("");
  });
});
