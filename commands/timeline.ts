import { answerTimeline } from "../src/core/answers/timeline.js";
import type { Command } from "./types.js";

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
