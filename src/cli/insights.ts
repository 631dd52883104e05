import { existsSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { Config } from "../config.js";
import type { Engine } from "../core/engine.js";
import { readReport } from "../service/insights/read-report.js";

export { parseSince } from "../service/insights/since.js";

import type { InsightsReport } from "../service/insights/report.js";
import { insightsRepository } from "../store/insights/insights-repository.js";
import { openMigratedDatabase } from "../store/open-database.js";
import { CAST } from "./export/formats.js";
import { stripControls } from "./terminal-safe.js";

/** The formats `backstory insights` writes. */
export type InsightsFormat = "text" | "json" | "csv";

/**
 * Reads the stored questions of the window and writes the report. The corpus, when there is
 * one, gives the nearest things the archive has for each unanswered topic.
 */
export async function insightsReport(
  config: Config,
  since: number,
  engine: () => Promise<Engine | undefined>,
): Promise<InsightsReport> {
  const location = {
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  };
  const { db } = await openMigratedDatabase(location);
  try {
    const loaded = existsSync(config.corpusDir) ? await engine() : undefined;
    return await readReport(insightsRepository(db), since, loaded);
  } finally {
    await db.close();
  }
}

/** The report in a format: JSON whole, CSV as the unanswered topics, text for a terminal. */
export function formatReport(report: InsightsReport, format: InsightsFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "csv") {
    return stringify(
      report.unanswered.map((u) => [
        u.topic,
        u.asked,
        u.foundNothing,
        u.votedDown,
        u.commands.join(" "),
        u.lastAsked,
        u.nearest.join(" | "),
      ]),
      {
        header: true,
        columns: ["topic", "asked", "found_nothing", "voted_down", "commands", "last_asked", "nearest"],
        cast: CAST,
      },
    );
  }
  return textReport(report);
}

function textReport(r: InsightsReport): string {
  const lines = [
    `Backstory insights ${r.since.slice(0, 10)} → ${r.until.slice(0, 10)}: ${r.questions} question(s), ` +
      `${r.helpful} helpful and ${r.notHelpful} not helpful vote(s).`,
    "",
    "What readers ask that the archive cannot answer (found nothing or voted down), most frequent first:",
  ];
  if (r.unanswered.length === 0) lines.push("  (nothing)");
  for (const u of r.unanswered) {
    lines.push(
      `  ${u.asked}× ${u.topic || "(no topic)"} — /${u.commands.join(", /")}; found nothing ${u.foundNothing}, voted down ${u.votedDown}`,
    );
    if (u.nearest.length > 0) lines.push(`      nearest: ${u.nearest.join(" · ")}`);
  }
  lines.push("", "Most asked topics:");
  for (const t of r.topTopics) lines.push(`  ${t.asked}× ${t.topic}`);
  lines.push("", "Most asked speakers:");
  for (const s of r.topSpeakers) lines.push(`  ${s.asked}× ${s.speaker}`);
  lines.push("", "Helpful rate per command:");
  for (const c of r.helpfulByCommand) lines.push(`  ${rateLine(c)}`);
  lines.push("", "Helpful rate per platform:");
  for (const p of r.helpfulByPlatform) lines.push(`  ${rateLine(p)}`);
  return `${stripControls(lines.join("\n"))}\n`;
}

function rateLine(r: InsightsReport["helpfulByCommand"][number]): string {
  const rate = r.rate === null ? "no votes" : `${Math.round(r.rate * 100)}% helpful`;
  return `${r.name}: ${r.questions} question(s), ${rate} (${r.helpful}/${r.helpful + r.notHelpful})`;
}
