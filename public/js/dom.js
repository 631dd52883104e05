/**
 * Builds DOM elements. Text always goes in through textContent, never as HTML:
 * everything shown comes from the corpus or the person typing.
 * @param {string} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
 * @param {(Node | string | null | undefined)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

/**
 * An http(s) URL, or undefined: nothing else may become a link target.
 * @param {unknown} url
 * @returns {string | undefined}
 */
export function safeHref(url) {
  if (typeof url !== "string") return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link that opens outside the playground.
 * @param {string} href already checked with safeHref
 * @param {(Node | string)[]} children
 */
export function externalLink(href, children) {
  return el("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, children);
}
