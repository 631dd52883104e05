import { silentLogger } from "../../src/logger.js";
import { type Insights, type InsightsOptions, startInsights } from "../../src/service/insights/insights.js";
import { createServiceMetrics, type ServiceMetrics } from "../../src/service/metrics/service-metrics.js";
import { TokenBucketLimiter } from "../../src/service/rate-limiter.js";
import { createServiceAsker, type ServiceAsker } from "../../src/service/service-asker.js";
import type { Database } from "../../src/store/database.js";
import { type InsightsRepository, insightsRepository } from "../../src/store/insights/insights-repository.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import type { DatabaseEngine } from "./databases.js";
import { seedAsker } from "./seed-engine.js";

/** The insights on a fresh database, with the service asker that records into them. */
export interface InsightsStand {
  db: Database;
  repository: InsightsRepository;
  insights: Insights;
  /** The seed corpus behind the service layer (rate limits off), recording every answer. */
  asker: ServiceAsker;
  metrics: ServiceMetrics;
  /** The questions stored so far, after the queued writes are done. */
  stored(): ReturnType<InsightsRepository["questionsSince"]>;
}

/** Starts the insights on `engine` (migrated), as the service does. */
export async function startInsightsStand(
  engine: DatabaseEngine,
  options: Partial<InsightsOptions> = {},
): Promise<InsightsStand> {
  const db = engine.open();
  await migrate(db, MIGRATIONS);
  const repository = insightsRepository(db);
  const metrics = createServiceMetrics();
  const insights = await startInsights({
    repository,
    retentionDays: 180,
    logger: silentLogger,
    onWrite: (result) => metrics.insightsWrites.inc({ result }),
    purgeEveryMs: 0,
    ...options,
  });
  const asker = createServiceAsker(await seedAsker(), {
    limiter: new TokenBucketLimiter({ perMinute: 0, burst: 1 }),
    perMinute: 0,
    metrics,
    logger: silentLogger,
    insights,
  });
  return {
    db,
    repository,
    insights,
    asker,
    metrics,
    stored: async () => {
      await insights.flush();
      return repository.questionsSince(0);
    },
  };
}
