import { el } from "./dom.js";

/**
 * A cited place of an answer: the citation and the item it belongs to.
 * @typedef {{ citation: any, item: any }} Cited
 */

/**
 * Makes the citations drawn in `root` open the cited paragraph. Both platforms
 * write a citation as the core's citation line (`Title · ¶3 · 2025-01-27`), so
 * each text reading `¶N` is matched to the answer's citation with paragraph N
 * whose title appears on the same line (else the next one in answer order).
 * @param {HTMLElement} root
 * @param {any} answer
 * @param {(cited: Cited) => void} open
 */
export function linkCitations(root, answer, open) {
  const cited = (answer.items ?? []).flatMap((item) =>
    [item.citation, ...(item.alsoIn ?? [])].map((citation) => ({ citation, item })),
  );
  const used = new Set();
  for (const node of textNodesWithParagraphs(root)) {
    const paragraph = Number(/¶(\d+)/u.exec(node.data)?.[1]);
    const line = node.parentElement?.closest(".md-line, .sl-context-element, div")?.textContent ?? node.data;
    const match = pick(cited, paragraph, line, used);
    if (!match) continue;
    used.add(match);
    const link = el("a", {
      className: "cite",
      attrs: {
        href: `#${encodeURIComponent(match.citation.docId)}:${paragraph}`,
        title: "Open this paragraph in its article",
        "data-doc": match.citation.docId,
        "data-paragraph": String(paragraph),
      },
    });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      open(match);
    });
    // A title the platform linked to the original opens in context here; the article view links out.
    const external = node.parentElement?.closest("a:not(.cite)");
    const target = external ?? node;
    target.replaceWith(link);
    link.append(...(external ? [...external.childNodes] : [node]));
  }
}

function textNodesWithParagraphs(root) {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/¶\d+/u.test(node.data) && !node.parentElement?.closest("a.cite")) found.push(node);
  }
  return found;
}

/**
 * @param {Cited[]} cited
 * @param {number} paragraph
 * @param {string} line
 * @param {Set<Cited>} used
 */
function pick(cited, paragraph, line, used) {
  const candidates = cited.filter((c) => c.citation.paragraph === paragraph);
  const folded = fold(line);
  const titled = candidates.filter((c) => folded.includes(fold(c.citation.title).slice(0, 24)));
  const pool = titled.length > 0 ? titled : candidates;
  return pool.find((c) => !used.has(c)) ?? pool[0];
}

function fold(text) {
  return String(text).toLowerCase().replace(/\s+/gu, " ").trim();
}
