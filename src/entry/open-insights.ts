import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { type Insights, startInsights } from "../service/insights/insights.js";
import type { ServiceMetrics } from "../service/metrics/service-metrics.js";
import type { Database } from "../store/database.js";
import { insightsRepository } from "../store/insights/insights-repository.js";

/**
 * The insights on the opened database, or none: `INSIGHTS=off`, no database, or a database
 * that cannot give the key at start. Answering never depends on it.
 */
export async function openInsights(
  config: Config,
  store: Database | undefined,
  metrics: ServiceMetrics,
  logger: Logger,
): Promise<Insights | undefined> {
  if (!config.insights.enabled) {
    logger.info("insights: off (INSIGHTS=off): no question or vote is stored");
    return undefined;
  }
  if (!store) return undefined;
  try {
    const insights = await startInsights({
      repository: insightsRepository(store),
      ...(config.insights.secret ? { secret: config.insights.secret } : {}),
      retentionDays: config.insights.retentionDays,
      logger,
      onWrite: (result) => metrics.insightsWrites.inc({ result }),
    });
    logger.info(
      { retentionDays: config.insights.retentionDays },
      `insights: on, questions and votes kept ${config.insights.retentionDays} days`,
    );
    return insights;
  } catch (error) {
    logger.error({ err: error }, "insights: could not start; answering goes on without them");
    return undefined;
  }
}
