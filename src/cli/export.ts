import type { Engine } from "../core/engine.js";
import { entitiesCsv, eventsCsv, quotesCsv, toTimelineJs } from "./export/formats.js";
import { entityRecords, eventRecords, quoteRecords } from "./export/records.js";

/** What `backstory export` produces, or why it cannot. */
export type ExportOutput = { ok: true; text: string } | { ok: false; message: string };

/** Exports quotes, the timeline or entities as JSON, CSV or (timeline only) TimelineJS 3. */
export function exportCommand(
  engine: Engine,
  what: "quotes" | "timeline" | "entities",
  format: "json" | "csv" | "timelinejs",
): ExportOutput {
  if (format === "timelinejs" && what !== "timeline") {
    return { ok: false, message: "--timelinejs only applies to export timeline." };
  }
  const json = (value: unknown) => ({ ok: true as const, text: `${JSON.stringify(value, null, 2)}\n` });
  switch (what) {
    case "quotes":
      return format === "csv"
        ? { ok: true, text: quotesCsv(quoteRecords(engine)) }
        : json(quoteRecords(engine));
    case "entities":
      return format === "csv"
        ? { ok: true, text: entitiesCsv(entityRecords(engine)) }
        : json(entityRecords(engine));
    case "timeline": {
      const records = eventRecords(engine);
      if (format === "csv") return { ok: true, text: eventsCsv(records) };
      if (format === "timelinejs") return json(toTimelineJs(records, "Backstory timeline"));
      return json(records);
    }
  }
}
