import { defineConfig } from "vitest/config";

// The multi-process tests (Redis, PostgreSQL, HAProxy, replicas, shards): one file at a time,
// after the rest, so they neither starve nor are starved by the unit tests on a small machine.
export default defineConfig({
  test: {
    include: ["tests/scale-out/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
  },
});
