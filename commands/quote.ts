import { answerQuote } from "../src/core/answers/quote.js";
import type { Command } from "./types.js";

/** `/quote <speaker> [about]`. */
export const quote: Command = {
  name: "quote",
  description: "What someone said, in their own words, with the article it comes from",
  examples: ["/quote petro", "/quote petro about handcuffs"],
  options: [
    {
      name: "speaker",
      description: "Who said it (any form of the name)",
      type: "string",
      required: true,
      autocomplete: "speakers",
    },
    { name: "about", description: "Only quotes about this topic", type: "string", autocomplete: "topics" },
  ],
  run: (args, { engine }) =>
    answerQuote(engine, String(args.speaker), args.about === undefined ? undefined : String(args.about)),
};
