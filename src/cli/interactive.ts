import { createInterface } from "node:readline/promises";
import { commands } from "../../commands/index.js";
import { ANSI, PLAIN, renderText } from "../adapters/text/render-text.js";
import { BackstoryError } from "../core/errors.js";
import type { Asker } from "../service/asker.js";
import { askText } from "./ask-text.js";
import { stripControls, terminalSafeAnswer } from "./terminal-safe.js";

/** The interactive prompt: takes slash commands until `exit`, Ctrl-D or Ctrl-C. */
export async function interactive(
  asker: Asker,
  input = process.stdin,
  output = process.stdout,
): Promise<void> {
  const style = output.isTTY ? ANSI : PLAIN;
  const names = commands.map((c) => `/${c.name}`);
  const rl = createInterface({
    input,
    output,
    terminal: output.isTTY === true,
    completer: (line: string): [string[], string] => [names.filter((n) => n.startsWith(line)), line],
  });
  output.write("Backstory — type a command such as /quote petro, /timeline visa, or /help. exit to leave.\n");
  rl.setPrompt("backstory> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "exit" || text === "quit") break;
    if (text !== "") {
      try {
        output.write(
          `${renderText(terminalSafeAnswer(await askText(asker, text.startsWith("/") ? text : `/${text}`)), style)}\n`,
        );
      } catch (error) {
        output.write(
          `${stripControls(error instanceof BackstoryError ? error.userMessage : `Error: ${(error as Error).message}`)}\n`,
        );
      }
    }
    rl.prompt();
  }
  rl.close();
}
