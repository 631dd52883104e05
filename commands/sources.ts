import { answerSources } from "../src/core/answers/sources.js";
import type { Command } from "./types.js";

/** `/sources`. */
export const sources: Command = {
  name: "sources",
  description: "The articles Backstory answers from, newest first",
  examples: ["/sources"],
  options: [],
  run: (_args, { engine }) => answerSources(engine),
};
