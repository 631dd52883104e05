import type { Engine } from "../../core/engine.js";
import type { InsightsRepository } from "../../store/insights/insights-repository.js";
import { nearestInArchive } from "./nearest.js";
import { buildReport, type InsightsReport } from "./report.js";

/**
 * The report of the questions stored since a time, up to now; with an engine, each unanswered
 * topic gets the nearest things the archive has.
 */
export async function readReport(
  repository: InsightsRepository,
  since: number,
  engine: Engine | undefined,
): Promise<InsightsReport> {
  const questions = await repository.questionsSince(since);
  return buildReport(questions, {
    since,
    until: Date.now(),
    ...(engine ? { nearest: (topic: string) => nearestInArchive(engine, topic) } : {}),
  });
}
