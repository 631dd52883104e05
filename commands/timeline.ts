import type { EventGroup } from "../src/core/analyzers/dates/types.js";
import type { Answer, Item } from "../src/core/answer.js";
import { answer, cleanQuery, MAX_ITEMS, passageItem } from "../src/core/answers/items.js";
import { groupsReportedBy } from "../src/core/answers/lookups.js";
import { topicPassages } from "../src/core/answers/topic-passages.js";
import type { Engine } from "../src/core/engine.js";
import { closeTopics } from "./search.js";
import type { Command } from "./types.js";

/**
 * `/timeline [topic]`: what happened, in date order, each event once with every
 * citation; with a topic, also the sentences that go on speaking of it as "he" or "the
 * company" (see `topicPassages`). Dates inferred from context are marked `dateInferred`.
 */
export function answerTimeline(engine: Engine, rawTopic?: string): Answer {
  const topic = rawTopic ? cleanQuery(rawTopic) : "";
  const title = topic ? `Timeline: ${topic}` : "Timeline";
  let groups: readonly EventGroup[] = engine.events;
  let total = groups.length;
  if (topic) {
    const hits = engine.index.search(topic, { limit: 20_000, unordered: true });
    ({ groups, total } = groupsReportedBy(engine, topicPassages(engine, topic, hits), MAX_ITEMS));
  }
  if (total === 0) {
    const hint = topic
      ? ` Topics with dates include: ${closeTopics(engine, topic).join(", ") || "none"}.`
      : "";
    const what = topic ? `about “${topic}”` : "";
    return answer(
      "timeline",
      topic,
      title,
      [],
      `No dated statements ${what} in the ${engine.documents.length} articles.${hint}`.replace(/\s+/gu, " "),
    );
  }
  const shown = groups.slice(0, MAX_ITEMS).map((g) => eventItem(engine, g));
  return answer("timeline", topic, title, shown, undefined, total);
}

function eventItem(engine: Engine, group: EventGroup): Item {
  const [first, ...others] = group.passageIds as [number, ...number[]];
  const item = passageItem(engine, first, { date: group.date, lead: "date" });
  if (group.dateText !== undefined) item.dateText = group.dateText;
  if (group.dateInferred === true) item.dateInferred = true;
  if (others.length > 0) item.alsoIn = others.map((id) => engine.citation(id));
  return item;
}

/** `/timeline [topic]`. */
export const timeline: Command = {
  name: "timeline",
  description: "Dated events in order, each with the sentence that reports it",
  examples: ["/timeline", "/timeline visa"],
  options: [
    { name: "topic", description: "Only events about this topic", type: "string", autocomplete: "topics" },
  ],
  run: (args, { engine }) =>
    answerTimeline(engine, args.topic === undefined ? undefined : String(args.topic)),
};
