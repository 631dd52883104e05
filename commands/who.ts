import { answerWho } from "../src/core/answers/who.js";
import type { Command } from "./types.js";

/** `/who <name>`. */
export const who: Command = {
  name: "who",
  description: "Who someone is: how the articles describe them, their quotes and mentions",
  examples: ["/who petro", "/who rubio"],
  options: [
    {
      name: "name",
      description: "A person or organisation",
      type: "string",
      required: true,
      autocomplete: "entities",
    },
  ],
  run: (args, { engine }) => answerWho(engine, String(args.name)),
};
