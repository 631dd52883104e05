import { el, externalLink, safeHref } from "./dom.js";
import { discordInline, discordMarkdown } from "./markup.js";

const EPHEMERAL = 1 << 6;
const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

/**
 * Draws a Discord message payload (as the adapter sends it: content, embeds,
 * components, flags) the way the Discord client shows it.
 * @param {any} payload
 * @param {{ onButton?: (button: any) => void }} [hooks]
 * @returns {HTMLElement}
 */
export function drawDiscordMessage(payload, hooks = {}) {
  const message = payload?.data ?? payload ?? {};
  const body = el("div", { className: "dc-body" }, [
    el("div", { className: "dc-author" }, [
      el("span", { className: "dc-name", text: "Backstory" }),
      el("span", { className: "dc-app", text: "APP" }),
      el("span", { className: "dc-time", text: `Today at ${clock()}` }),
    ]),
  ]);
  if (message.content) body.append(discordMarkdown(message.content));
  for (const embed of message.embeds ?? []) body.append(drawEmbed(embed));
  for (const row of message.components ?? []) body.append(drawRow(row, hooks));
  if ((Number(message.flags) & EPHEMERAL) !== 0) {
    body.append(el("div", { className: "dc-ephemeral", text: "Only you can see this · Dismiss message" }));
  }
  return el("article", { className: "dc-message" }, [el("div", { className: "dc-avatar", text: "B" }), body]);
}

function drawEmbed(embed) {
  const color = Number.isInteger(embed.color) ? `#${embed.color.toString(16).padStart(6, "0")}` : "#1e1f22";
  const box = el("div", { className: "dc-embed" });
  box.style.borderLeftColor = color;
  if (embed.author?.name) box.append(el("div", { className: "dc-embed-author", text: embed.author.name }));
  if (embed.title) {
    const href = safeHref(embed.url);
    const title = discordInline(embed.title);
    box.append(el("div", { className: "dc-embed-title" }, href ? [externalLink(href, title)] : title));
  }
  if (embed.description)
    box.append(el("div", { className: "dc-embed-description" }, [discordMarkdown(embed.description)]));
  if (embed.fields?.length) {
    const fields = el("div", { className: "dc-fields" });
    for (const field of embed.fields) {
      fields.append(
        el("div", { className: field.inline ? "dc-field inline" : "dc-field" }, [
          el("div", { className: "dc-field-name" }, discordInline(field.name ?? "")),
          el("div", { className: "dc-field-value" }, [discordMarkdown(field.value ?? "")]),
        ]),
      );
    }
    box.append(fields);
  }
  if (embed.footer?.text) box.append(el("div", { className: "dc-embed-footer", text: embed.footer.text }));
  return box;
}

function drawRow(row, hooks) {
  const buttons = el("div", { className: "dc-row" });
  for (const component of row.components ?? []) {
    if (component.type !== 2) {
      buttons.append(el("span", { className: "dc-unknown", text: `[component ${component.type}]` }));
      continue;
    }
    const style = BUTTON_STYLES[component.style] ?? "secondary";
    const href = style === "link" ? safeHref(component.url) : undefined;
    const label = `${component.emoji?.name ? `${component.emoji.name} ` : ""}${component.label ?? ""}`;
    const button = href
      ? externalLink(href, [label, " ↗"])
      : el("button", { text: label, attrs: { type: "button" } });
    button.classList.add("dc-button", style);
    if (component.disabled) button.setAttribute("disabled", "");
    else if (!href && hooks.onButton) button.addEventListener("click", () => hooks.onButton(component));
    buttons.append(button);
  }
  return buttons;
}

function clock() {
  return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
