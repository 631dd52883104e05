import type { types } from "@slack/bolt";
import {
  MAX_ACTION_ID,
  MAX_BLOCKS,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_CONTEXT_TEXT,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_MESSAGE_BLOCKS_TEXT,
  MAX_SECTION_TEXT,
} from "../../src/adapters/slack/limits.js";
import type { SlackMessage } from "../../src/adapters/slack/render-blocks.js";

/** What Slack would find wrong with a message (limits) and what could ping or link (escaping). */
export function blockKitProblems(message: SlackMessage, allowedMention?: string): string[] {
  const problems: string[] = [];
  const texts: string[] = [];
  const actionIds = new Set<string>();
  const { blocks } = message;
  if (blocks.length < 1 || blocks.length > MAX_BLOCKS) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, i) => {
    const text = (t: { text: string } | undefined, max: number, what: string): void => {
      if (t === undefined) {
        problems.push(`block ${i}: ${what} missing`);
        return;
      }
      if (t.text.trim() === "") problems.push(`block ${i}: ${what} blank`);
      if (t.text.length > max) problems.push(`block ${i}: ${what} ${t.text.length} > ${max}`);
      texts.push(t.text);
    };
    switch (block.type) {
      case "header":
        if (block.text.type !== "plain_text") problems.push(`block ${i}: header not plain_text`);
        text(block.text, MAX_HEADER_TEXT, "header");
        break;
      case "section":
        text(block.text, MAX_SECTION_TEXT, "section");
        break;
      case "context":
        if (block.elements.length < 1 || block.elements.length > MAX_CONTEXT_ELEMENTS) {
          problems.push(`block ${i}: ${block.elements.length} context elements`);
        }
        for (const element of block.elements) {
          if (element.type === "image") problems.push(`block ${i}: image`);
          else text(element, MAX_CONTEXT_TEXT, "context element");
        }
        break;
      case "actions":
        if (block.elements.length < 1 || block.elements.length > 25)
          problems.push(`block ${i}: actions size`);
        for (const element of block.elements) {
          if (element.type !== "button") {
            problems.push(`block ${i}: ${element.type}`);
            continue;
          }
          text(element.text, MAX_BUTTON_TEXT, "button text");
          const id = element.action_id ?? "";
          if (id === "" || id.length > MAX_ACTION_ID || actionIds.has(id)) problems.push(`action_id ${id}`);
          actionIds.add(id);
          if ((element.value ?? "").length > MAX_BUTTON_VALUE)
            problems.push(`block ${i}: button value too long`);
        }
        break;
      default:
        problems.push(`block ${i}: unexpected ${block.type}`);
    }
    if ((block.block_id ?? "").length > 255) problems.push(`block ${i}: block_id`);
  });
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  if (total > MAX_MESSAGE_BLOCKS_TEXT) problems.push(`blocks hold ${total} characters of text`);
  if (message.text.trim() === "" || message.text.length > MAX_FALLBACK_TEXT) {
    problems.push(`fallback text of ${message.text.length}`);
  }
  for (const t of [...texts, message.text]) problems.push(...escapingProblems(t, allowedMention));
  return problems;
}

const LINK = /<(https?:\/\/[^\s<>|]+)\|([^<>]*)>/gu;
const ENTITY = /&(?:amp|lt|gt);/gu;

/**
 * Problems of one text: once the brackets of our own links (`<https://…|label>`)
 * and the one allowed mention are set aside, no `<` or `>` may remain and every `&` must start
 * one of Slack's three entities. So no text from a user or the corpus can become
 * a mention, a special command or a link.
 */
export function escapingProblems(text: string, allowedMention?: string): string[] {
  // A link's URL and label are kept (without the brackets) so that their `&` are checked too.
  let rest = text.replace(LINK, (_link, url: string, label: string) => `${url} ${label}`);
  if (allowedMention !== undefined) rest = rest.split(allowedMention).join("");
  const problems: string[] = [];
  if (/[<>]/u.test(rest)) problems.push(`unescaped < or > in ${JSON.stringify(text.slice(0, 120))}`);
  if (rest.replace(ENTITY, "").includes("&"))
    problems.push(`unescaped & in ${JSON.stringify(text.slice(0, 120))}`);
  return problems;
}

/** Every block's text, for assertions on content. */
export function allText(message: SlackMessage): string {
  return message.blocks.map(blockText).join("\n");
}

function blockText(block: types.KnownBlock): string {
  switch (block.type) {
    case "header":
    case "section":
      return block.text?.text ?? "";
    case "context":
      return block.elements.map((e) => ("text" in e ? e.text : "")).join(" | ");
    case "actions":
      return block.elements.map((e) => (e.type === "button" ? e.text.text : "")).join(" | ");
    default:
      return "";
  }
}
