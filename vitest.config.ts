import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Multi-process (Redis, PostgreSQL, HAProxy, replicas, shards): run after, one at a time (`npm run test:scale-out`).
    exclude: ["tests/scale-out/**", "**/node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
