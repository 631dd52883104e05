import { textToInvocation } from "../../commands/text-to-invocation.js";
import type { Answer } from "../core/answer.js";
import type { Asker } from "../service/asker.js";

/** Answers a command typed as text (`/quote petro`) through an Asker. */
export function askText(asker: Asker, text: string): Promise<Answer> {
  return asker.ask(textToInvocation(text, { platform: "cli" }));
}
