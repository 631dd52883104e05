import type { EventGroup } from "../analyzers/dates/types.js";
import type { Answer, Item } from "../answer.js";
import type { Engine } from "../engine.js";
import { answer, cleanQuery, MAX_ITEMS, passageItem } from "./items.js";
import { groupsReportedBy } from "./lookups.js";
import { closeTopics } from "./search.js";
import { topicPassages } from "./topic-passages.js";

/** `/timeline [topic]`: dated statements in date order, each event once with every citation. */
export function answerTimeline(engine: Engine, rawTopic?: string): Answer {
  const topic = rawTopic ? cleanQuery(rawTopic) : "";
  const title = topic ? `Timeline: ${topic}` : "Timeline";
  let groups: readonly EventGroup[] = engine.events;
  if (topic) {
    const hits = engine.index.search(topic, { limit: 20_000 });
    groups = groupsReportedBy(engine, topicPassages(engine, topic, hits));
  }
  if (groups.length === 0) {
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
  return answer("timeline", topic, title, shown, undefined, groups.length);
}

function eventItem(engine: Engine, group: EventGroup): Item {
  const [first, ...others] = group.passageIds as [number, ...number[]];
  const item = passageItem(engine, first, { date: group.date });
  if (group.dateText !== undefined) item.dateText = group.dateText;
  if (group.dateInferred === true) item.dateInferred = true;
  if (others.length > 0) item.alsoIn = others.map((id) => engine.citation(id));
  return item;
}
