import type { types } from "@slack/bolt";
import type { SlackMessage } from "../../src/adapters/slack/render-blocks.js";
import { messageRefusal } from "../fakes/slack/block-kit-rules.js";

/**
 * Checks of a Slack message that hold their own rules, never the adapter's
 * (`src/adapters/slack/limits.ts` is the code under test): Slack's documented
 * rules come from the fake Slack's `block-kit-rules.ts`; what is written here is
 * Backstory's own policy on top of them.
 */

// Slack refuses messages whose blocks hold about 13,000 characters of text in all
// (`msg_blocks_too_long`, slackapi/bolt-js#2509) although no single block is over
// its limit; the check asks for a margin below that undocumented ceiling.
const BLOCKS_TEXT_CEILING = 12_000;
// The fallback `text` is what notifications and screen readers read: one text
// object's worth (3,000), far below the 40,000 Slack would take.
const FALLBACK_TEXT_MAX = 3000;
// The only blocks and elements Backstory sends.
const OUR_BLOCKS = new Set(["header", "section", "context", "actions"]);

/** What else a message may hold besides its own text. */
export interface BlockKitCheckOptions {
  /** The one mention the message may hold (`<@U0ANA>` in "Shared by …"). */
  mention?: string;
  /** The article links the answer cites: when given, a link to anything else is a problem. */
  links?: readonly string[];
}

/**
 * What Slack would find wrong with a message (its documented rules), and what
 * Backstory's policy forbids: blank texts, a block it never sends, duplicate
 * action_ids, too much text in all, and any `<`, `>`, `&` that could ping, link or
 * format — links are allowed only where the bot writes its citations, at the start of
 * a citation's context element.
 */
export function blockKitProblems(message: SlackMessage, allowed?: string | BlockKitCheckOptions): string[] {
  const options: BlockKitCheckOptions = typeof allowed === "string" ? { mention: allowed } : (allowed ?? {});
  const refusal = messageRefusal(message, "web_api");
  const problems = refusal ? [refusal.error, ...refusal.errors] : [];
  const texts: string[] = [];
  const actionIds = new Set<string>();
  const { blocks } = message;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, "no blocks"];
  blocks.forEach((block, i) => {
    if (!OUR_BLOCKS.has(block.type)) problems.push(`block ${i}: unexpected ${block.type}`);
    for (const [where, text, citation] of textsOf(block, i)) {
      if (text.trim() === "") problems.push(`${where}: blank`);
      texts.push(text);
      problems.push(...escapingProblems(text, { ...options, citation }).map((p) => `${where}: ${p}`));
    }
    if (block.type !== "actions") return;
    for (const element of block.elements) {
      if (element.type !== "button") problems.push(`block ${i}: ${element.type}, not a button`);
      const id = "action_id" in element ? (element.action_id ?? "") : "";
      if (id === "" || actionIds.has(id)) problems.push(`block ${i}: action_id "${id}" missing or repeated`);
      actionIds.add(id);
    }
  });
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  if (total > BLOCKS_TEXT_CEILING) problems.push(`blocks hold ${total} characters of text`);
  if (typeof message.text !== "string" || message.text.trim() === "") problems.push("blank fallback text");
  else {
    if (message.text.length > FALLBACK_TEXT_MAX) problems.push(`fallback text of ${message.text.length}`);
    problems.push(...escapingProblems(message.text, options).map((p) => `fallback: ${p}`));
  }
  return problems;
}

/** Each text of a block, where it is, and whether it is a citation (a context element). */
function textsOf(block: types.KnownBlock, i: number): [string, string, boolean][] {
  switch (block.type) {
    case "header":
    case "section":
      return block.text === undefined ? [] : [[`block ${i}`, block.text.text, false]];
    case "context":
      return block.elements.flatMap((e, j): [string, string, boolean][] =>
        "text" in e ? [[`block ${i} element ${j}`, e.text, true]] : [],
      );
    case "actions":
      return block.elements.flatMap((e, j): [string, string, boolean][] =>
        e.type === "button" ? [[`block ${i} button ${j}`, e.text.text, false]] : [],
      );
    default:
      return [];
  }
}

// A citation's own link: at the very start of a context element, or after "Also in ".
const CITATION_LINK = /^(?:Also in )?<(https?:\/\/[^\s<>|]+)\|([^<>]*)>/u;
const ENTITY = /&(?:amp|lt|gt);/gu;

/**
 * Problems of one text: once the brackets of the bot's own citation link (only
 * where a citation starts, and only to a cited article when `links` are given) and
 * the one allowed mention are set aside, no `<` or `>` may remain and every `&`
 * must start one of Slack's three entities. So no text from a user or the corpus
 * can become a mention, a special command or a link.
 */
export function escapingProblems(
  text: string,
  options: BlockKitCheckOptions & { citation?: boolean } = {},
): string[] {
  const problems: string[] = [];
  let rest = text;
  const link = options.citation ? CITATION_LINK.exec(text) : null;
  if (link) {
    const [whole, url = "", label = ""] = link;
    if (options.links !== undefined && !options.links.some((l) => escapeLink(l) === url)) {
      problems.push(`links to ${url}, which the answer does not cite`);
    }
    // The URL and label are kept (without the brackets) so that their `&` are checked too.
    rest = `${url} ${label}${text.slice(whole.length)}`;
  }
  if (options.mention !== undefined) rest = rest.split(options.mention).join("");
  if (/[<>]/u.test(rest)) problems.push(`unescaped < or > in ${JSON.stringify(text.slice(0, 120))}`);
  if (rest.replace(ENTITY, "").includes("&"))
    problems.push(`unescaped & in ${JSON.stringify(text.slice(0, 120))}`);
  return problems;
}

/** A URL as it appears inside `<…|…>`: Slack's three characters escaped, `|` encoded. */
function escapeLink(url: string): string {
  const href = URL.canParse(url) ? new URL(url).href : url;
  return href.replace(/\|/gu, "%7C").replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
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
