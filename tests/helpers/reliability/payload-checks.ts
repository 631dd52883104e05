import type { SlackMessage } from "../../../src/adapters/slack/render-blocks.js";
import { FormErrors } from "../../fakes/discord/form-errors.js";
import { checkMessage, isEmptyMessage, isObject } from "../../fakes/discord/validate.js";
import { blockKitProblems } from "../block-kit-check.js";

/**
 * One place for "would the platform accept this, and can it ping anyone?", reusing
 * the checkers the adapters' own tests trust: the fake Discord's validator (limits
 * written from Discord's documentation) and the Block Kit checker of the Slack tests.
 */

/**
 * What is wrong with a Discord message body: over a documented limit, empty, not
 * saying `allowed_mentions: { parse: [] }`, or holding a mention a client would
 * render (an unescaped `<`: `<@123>`, `<@&1>`, `<#1>`).
 */
export function discordMessageProblems(message: unknown, use: "create" | "edit" = "create"): string[] {
  const errors = new FormErrors();
  checkMessage(message, [], use, errors);
  const problems = errors.problems.map((p) => `${p.path.join(".")}: ${p.code} ${p.message}`);
  if (!isObject(message)) return [...problems, "not an object"];
  if (isEmptyMessage(message)) problems.push("empty message");
  const mentions = message.allowed_mentions;
  const parse = isObject(mentions) ? mentions.parse : undefined;
  if (!Array.isArray(parse) || parse.length !== 0) problems.push("allowed_mentions.parse is not []");
  if (
    isObject(mentions) &&
    (mentions.replied_user === true || nonEmpty(mentions.users) || nonEmpty(mentions.roles))
  )
    problems.push("allowed_mentions names someone");
  for (const [where, text] of markdownTexts(message)) {
    const raw = unescaped(text, "<");
    if (raw !== undefined) problems.push(`${where}: unescaped "<" near ${JSON.stringify(raw)}`);
  }
  return problems;
}

/** What is wrong with a Slack message: Block Kit limits, or any `<`, `>`, `&` not written by us. */
export function slackMessageProblems(message: SlackMessage): string[] {
  return blockKitProblems(message);
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

// Texts a Discord client renders as markdown (footers and button labels are plain text).
function markdownTexts(message: Record<string, unknown>): [string, string][] {
  const texts: [string, string][] = [];
  if (typeof message.content === "string") texts.push(["content", message.content]);
  const embeds = Array.isArray(message.embeds) ? message.embeds : [];
  embeds.forEach((embed: unknown, e) => {
    if (!isObject(embed)) return;
    for (const key of ["title", "description"]) {
      const value = embed[key];
      if (typeof value === "string") texts.push([`embeds.${e}.${key}`, value]);
    }
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    fields.forEach((field: unknown, f) => {
      if (!isObject(field)) return;
      if (typeof field.name === "string") texts.push([`embeds.${e}.fields.${f}.name`, field.name]);
      if (typeof field.value === "string") texts.push([`embeds.${e}.fields.${f}.value`, field.value]);
    });
  });
  return texts;
}

/** The text around the first `char` not escaped by an odd number of backslashes, if any. */
function unescaped(text: string, char: string): string | undefined {
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    let slashes = 0;
    while (at - slashes - 1 >= 0 && text[at - slashes - 1] === "\\") slashes++;
    if (slashes % 2 === 0) return text.slice(Math.max(0, at - 20), at + 20);
  }
  return undefined;
}
