import { answerWhy } from "../src/core/answers/why.js";
import type { Command } from "./types.js";

/** `/why <topic>`. */
export const why: Command = {
  name: "why",
  description: "The passages that explain a topic: causes, reasons, responses",
  examples: ["/why visa", "/why tariff"],
  options: [
    { name: "topic", description: "What to explain", type: "string", required: true, autocomplete: "topics" },
  ],
  run: (args, { engine }) => answerWhy(engine, String(args.topic)),
};
