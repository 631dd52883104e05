import { el, externalLink, safeHref } from "./dom.js";
import { slackDecode, slackMarkdown } from "./markup.js";

/**
 * Draws a Slack message payload (`text` and Block Kit `blocks`) the way the
 * Slack client shows it.
 * @param {any} payload
 * @param {{ private?: boolean, onButton?: (button: any) => void }} [options]
 * @returns {HTMLElement}
 */
export function drawSlackMessage(payload, options = {}) {
  const message = payload ?? {};
  const body = el("div", { className: "sl-body" }, [
    el("div", { className: "sl-author" }, [
      el("span", { className: "sl-name", text: "Backstory" }),
      el("span", { className: "sl-app", text: "APP" }),
      el("span", { className: "sl-time", text: clock() }),
    ]),
  ]);
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  if (blocks.length === 0 && message.text) body.append(slackMarkdown(message.text));
  for (const block of blocks) body.append(drawBlock(block, options));
  if (options.private || message.response_type === "ephemeral") {
    body.append(el("div", { className: "sl-ephemeral", text: "Only visible to you" }));
  }
  return el("article", { className: "sl-message" }, [el("div", { className: "sl-avatar", text: "B" }), body]);
}

/** A text object: mrkdwn drawn with styles, plain_text shown as is. */
function textObject(text) {
  if (!text) return el("span");
  if (text.type === "mrkdwn") return slackMarkdown(text.text ?? "");
  return el("span", { text: slackDecode(text.text ?? "") });
}

function drawBlock(block, options) {
  switch (block.type) {
    case "header":
      return el("div", { className: "sl-header" }, [textObject(block.text)]);
    case "section": {
      const section = el("div", { className: "sl-section" });
      if (block.text) section.append(textObject(block.text));
      if (block.fields?.length)
        section.append(el("div", { className: "sl-fields" }, block.fields.map(textObject)));
      if (block.accessory?.type === "button") section.append(drawButton(block.accessory, options));
      return section;
    }
    case "context":
      return el(
        "div",
        { className: "sl-context" },
        (block.elements ?? []).map((element) =>
          element.type === "image"
            ? el("span", { className: "sl-context-image", text: "▣" })
            : el("div", { className: "sl-context-element" }, [textObject(element)]),
        ),
      );
    case "divider":
      return el("hr", { className: "sl-divider" });
    case "actions":
      return el(
        "div",
        { className: "sl-actions" },
        (block.elements ?? []).map((element) =>
          element.type === "button"
            ? drawButton(element, options)
            : el("span", { className: "sl-unknown", text: `[${element.type}]` }),
        ),
      );
    default:
      return el("div", { className: "sl-unknown", text: `[${block.type} block]` });
  }
}

function drawButton(button, options) {
  const label = slackDecode(button.text?.text ?? "");
  const href = safeHref(button.url);
  const node = href
    ? externalLink(href, [label, " ↗"])
    : el("button", { text: label, attrs: { type: "button" } });
  node.classList.add("sl-button");
  if (button.style === "primary") node.classList.add("primary");
  if (button.style === "danger") node.classList.add("danger");
  if (!href && options.onButton) node.addEventListener("click", () => options.onButton(button));
  return node;
}

function clock() {
  return new Date().toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
}
