import { dispatch } from "../../commands/dispatch.js";
import { textToInvocation } from "../../commands/text-to-invocation.js";
import type { Answer } from "../../src/core/answer.js";
import type { Engine } from "../../src/core/engine.js";
import { seedEngine } from "./seed-engine.js";

/** Answers a command typed as text on the given engine (the seed corpus by default). */
export async function ask(text: string, engine?: Engine): Promise<Answer> {
  const parsed = textToInvocation(text, { platform: "cli" });
  return dispatch(
    { command: parsed.command, args: parsed.args, platform: "cli" },
    { engine: engine ?? (await seedEngine()) },
  );
}

/** Checks that every item of an answer is a verbatim excerpt of the paragraph it cites. */
export async function expectVerbatim(answer: Answer, engine?: Engine): Promise<void> {
  const e = engine ?? (await seedEngine());
  for (const item of answer.items) {
    const document = e.documents.find((d) => d.id === item.citation.docId);
    const paragraph = document?.paragraphs[item.citation.paragraph - 1];
    if (!paragraph?.text.includes(item.text)) {
      throw new Error(`Not verbatim from ${item.citation.docId} ¶${item.citation.paragraph}: ${item.text}`);
    }
    if (item.quote !== undefined && !item.text.includes(item.quote))
      throw new Error(`Quote not in its excerpt: ${item.quote}`);
  }
}
