import { parseCommandText } from "../../commands/parse-text.js";
import type { Answer } from "../core/answer.js";
import type { Asker } from "../service/asker.js";

/** Answers a command typed as text (`/quote petro`) through an Asker. */
export async function askText(asker: Asker, text: string): Promise<Answer> {
  const parsed = parseCommandText(text);
  return asker.ask({ command: parsed.command, args: parsed.args, platform: "cli" });
}
