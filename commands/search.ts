import { answerSearch } from "../src/core/answers/search.js";
import type { Command } from "./types.js";

/** `/search <query>`. */
export const search: Command = {
  name: "search",
  description: "Find passages that mention words, with the matching words marked",
  examples: ["/search deportation flights", "/search tariff"],
  options: [
    {
      name: "query",
      description: "Words to look for",
      type: "string",
      required: true,
      autocomplete: "topics",
    },
  ],
  run: (args, { engine }) => answerSearch(engine, String(args.query)),
};
