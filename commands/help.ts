import type { Answer } from "../src/core/answer.js";
import type { Command } from "./types.js";

/** Usage line of a command: `/quote <speaker> [about]`. */
export function usage(command: Command): string {
  const options = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${command.name}`, ...options].join(" ");
}

/** `/help`, generated from the command table it is given. */
export function helpCommand(table: () => readonly Command[]): Command {
  return {
    name: "help",
    description: "What Backstory can answer, with examples",
    examples: ["/help"],
    options: [],
    run: (): Answer => {
      const lines = table().map((c) => `${usage(c)} — ${c.description}. e.g. ${c.examples.join(", ")}`);
      return {
        command: "help",
        query: "",
        title: "Backstory: cited answers from the newsroom's articles",
        items: [],
        notice: lines.join("\n"),
      };
    },
  };
}
