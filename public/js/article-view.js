import { el, externalLink, safeHref } from "./dom.js";

/**
 * Draws an article with its numbered paragraphs, the cited one highlighted
 * (and the cited excerpt marked inside it), and scrolls it into view.
 * @param {HTMLElement} root
 * @param {any} article from /api/document/:id
 * @param {{ paragraph: number, excerpt?: string }} cite
 */
export function drawArticle(root, article, cite) {
  const meta = [article.published, article.source, article.authors?.join(", ")].filter(Boolean).join(" · ");
  const first = article.paragraphs[0]?.number ?? 1;
  const last = article.paragraphs.at(-1)?.number ?? 0;
  const partial = first > 1 || last < article.paragraphCount;
  const href = safeHref(article.url);
  const header = el("header", { className: "article-header" }, [
    el("h3", { className: "article-title", text: article.title }),
    meta ? el("p", { className: "article-meta", text: meta }) : null,
    href ? el("p", { className: "article-link" }, [externalLink(href, ["Read the original ↗"])]) : null,
    partial
      ? el("p", {
          className: "article-meta article-page",
          text: `Showing ¶${first}–¶${last} of ${article.paragraphCount} paragraphs.`,
        })
      : null,
  ]);
  const body = el("div", { className: "article-body" });
  let heading;
  let target;
  for (const paragraph of article.paragraphs) {
    if (paragraph.heading && paragraph.heading !== heading) {
      heading = paragraph.heading;
      body.append(el("h4", { className: "article-heading", text: heading }));
    }
    const isCited = paragraph.number === cite.paragraph;
    const node = el(
      "div",
      {
        className: `paragraph${paragraph.kind === "list" ? " list" : ""}${isCited ? " cited" : ""}`,
        attrs: { "data-paragraph": String(paragraph.number), id: `p${paragraph.number}` },
      },
      [
        el("span", { className: "paragraph-number", text: `¶${paragraph.number}` }),
        el("p", {}, [
          ...(isCited ? withExcerptMarked(paragraph.text, cite.excerpt) : [paragraph.text]),
          paragraph.truncated ? " …" : "",
        ]),
      ],
    );
    if (isCited) {
      node.setAttribute("aria-current", "true");
      node.tabIndex = -1;
      target = node;
    }
    body.append(node);
  }
  root.replaceChildren(header, body);
  if (target) {
    target.scrollIntoView({ block: "center", behavior: "instant" });
    target.focus({ preventScroll: true });
  }
}

/** The paragraph's text with the excerpt (verbatim, so found as is) in a <mark>. */
function withExcerptMarked(text, excerpt) {
  const at = excerpt ? text.indexOf(excerpt) : -1;
  if (at < 0) return [text];
  return [text.slice(0, at), el("mark", { text: excerpt }), text.slice(at + excerpt.length)];
}
