import { el, externalLink, safeHref } from "./dom.js";

/**
 * Draws the two platforms' markup as DOM, the way each client shows it. Only
 * elements and text nodes are created (no HTML parsing), so whatever the text
 * holds is shown, never run.
 */

/**
 * One inline rule: where its marker starts, how to find its end, what it makes.
 * @typedef {{ open: string, close: string, make: (inner: string) => Node, literal?: boolean }} InlineRule
 */

/** @type {InlineRule[]} */
const DISCORD_RULES = [
  { open: "**", close: "**", make: (inner) => el("strong", {}, discordInline(inner)) },
  { open: "__", close: "__", make: (inner) => el("u", {}, discordInline(inner)) },
  { open: "~~", close: "~~", make: (inner) => el("s", {}, discordInline(inner)) },
  { open: "||", close: "||", make: (inner) => el("span", { className: "spoiler" }, discordInline(inner)) },
  { open: "*", close: "*", make: (inner) => el("em", {}, discordInline(inner)) },
  { open: "_", close: "_", make: (inner) => el("em", {}, discordInline(inner)) },
  { open: "`", close: "`", make: (inner) => el("code", { text: inner }), literal: true },
];

/**
 * Discord markdown of one line as nodes: `\` escapes, bold, italics, underline,
 * strike, spoilers, inline code and masked links `[label](https://…)`.
 * @param {string} text
 * @returns {Node[]}
 */
export function discordInline(text) {
  const nodes = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push(document.createTextNode(plain));
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\" && i + 1 < text.length && /[^\p{L}\p{N}\s]/u.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (char === "[") {
      const link = maskedLink(text, i);
      if (link) {
        flush();
        nodes.push(link.node);
        i = link.end;
        continue;
      }
    }
    const rule = DISCORD_RULES.find((r) => text.startsWith(r.open, i));
    const end = rule ? findClose(text, i + rule.open.length, rule.close) : -1;
    if (rule && end > i + rule.open.length) {
      flush();
      nodes.push(rule.make(text.slice(i + rule.open.length, end)));
      i = end + rule.close.length;
      continue;
    }
    plain += char;
    i++;
  }
  flush();
  return nodes;
}

/** The index of the next unescaped `close` from `from`, or -1. */
function findClose(text, from, close) {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(close, i)) return i;
  }
  return -1;
}

/** `[label](url)` at `start`, when the URL is http(s). */
function maskedLink(text, start) {
  const labelEnd = findClose(text, start + 1, "]");
  if (labelEnd < 0 || text[labelEnd + 1] !== "(") return undefined;
  const urlEnd = text.indexOf(")", labelEnd + 2);
  if (urlEnd < 0) return undefined;
  const href = safeHref(text.slice(labelEnd + 2, urlEnd));
  if (!href) return undefined;
  return { node: externalLink(href, discordInline(text.slice(start + 1, labelEnd))), end: urlEnd + 1 };
}

/**
 * Discord markdown of a block of text: lines, with quotes (`> `), subtext
 * (`-# `), headings and list items.
 * @param {string} text
 * @returns {HTMLElement}
 */
export function discordMarkdown(text) {
  const root = el("div", { className: "md" });
  for (const line of String(text).split("\n")) {
    let match = /^(#{1,3}) (.*)$/u.exec(line);
    if (match) {
      root.append(el(`h${match[1].length + 2}`, { className: "md-heading" }, discordInline(match[2])));
      continue;
    }
    match = /^-# (.*)$/u.exec(line);
    if (match) {
      root.append(el("div", { className: "md-subtext" }, discordInline(match[1])));
      continue;
    }
    match = /^>>?>? (.*)$/u.exec(line);
    if (match) {
      root.append(el("blockquote", {}, discordInline(match[1])));
      continue;
    }
    match = /^[-*] (.*)$/u.exec(line);
    if (match) {
      root.append(el("div", { className: "md-bullet" }, ["• ", ...discordInline(match[1])]));
      continue;
    }
    root.append(el("div", { className: "md-line" }, line === "" ? ["\u00a0"] : discordInline(line)));
  }
  return root;
}

const SLACK_ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/** Decodes the three entities Slack uses in mrkdwn and plain text. */
export function slackDecode(text) {
  return String(text).replace(/&(amp|lt|gt);/gu, (entity) => SLACK_ENTITIES[entity] ?? entity);
}

/** @type {{ marker: string, tag: string }[]} */
const SLACK_STYLES = [
  { marker: "*", tag: "strong" },
  { marker: "_", tag: "em" },
  { marker: "~", tag: "s" },
];

/**
 * Slack mrkdwn of one line as nodes: `*bold*`, `_italic_`, `~strike~`,
 * `` `code` ``, `<url|label>` links and `<@U…>` mentions; entities decoded.
 * @param {string} text
 * @returns {Node[]}
 */
export function slackInline(text) {
  const nodes = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push(document.createTextNode(slackDecode(plain)));
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "<") {
      const end = text.indexOf(">", i + 1);
      if (end > i) {
        flush();
        nodes.push(slackAngle(text.slice(i + 1, end)));
        i = end + 1;
        continue;
      }
    }
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        nodes.push(el("code", { text: slackDecode(text.slice(i + 1, end)) }));
        i = end + 1;
        continue;
      }
    }
    const style = SLACK_STYLES.find((s) => s.marker === char);
    if (style && opensAt(text, i)) {
      const end = closesAfter(text, i + 1, char);
      if (end > 0) {
        flush();
        nodes.push(el(style.tag, {}, slackInline(text.slice(i + 1, end))));
        i = end + 1;
        continue;
      }
    }
    plain += char;
    i++;
  }
  flush();
  return nodes;
}

// Slack styles only when the marker sits against a boundary and the inside starts with a non-space.
function opensAt(text, i) {
  const before = i === 0 ? "" : text[i - 1];
  return (before === "" || /[\s\p{P}]/u.test(before)) && /\S/u.test(text[i + 1] ?? "");
}

function closesAfter(text, from, marker) {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] !== marker) continue;
    const after = text[i + 1] ?? "";
    if (/\S/u.test(text[i - 1]) && (after === "" || /[\s\p{P}]/u.test(after))) return i;
  }
  return -1;
}

/** What sits between `<` and `>`: a link, a mention or a special mention. */
function slackAngle(inside) {
  const [target, label] = inside.split("|", 2);
  if (/^[@#]/u.test(target)) {
    return el("span", { className: "mention", text: `${target[0]}${slackDecode(label ?? target.slice(1))}` });
  }
  if (target.startsWith("!")) return el("span", { className: "mention", text: `@${target.slice(1)}` });
  const href = safeHref(slackDecode(target));
  if (!href) return document.createTextNode(slackDecode(`<${inside}>`));
  return externalLink(href, slackInline(label ?? target));
}

/**
 * Slack mrkdwn of a block of text: lines, with `>` quotes.
 * @param {string} text
 * @returns {HTMLElement}
 */
export function slackMarkdown(text) {
  const root = el("div", { className: "mrkdwn" });
  for (const line of String(text).split("\n")) {
    const quote = /^> ?(.*)$/u.exec(line);
    if (quote) root.append(el("blockquote", {}, slackInline(quote[1])));
    else root.append(el("div", { className: "md-line" }, line === "" ? ["\u00a0"] : slackInline(line)));
  }
  return root;
}
