import type { NewsDocument, Paragraph } from "../../model.js";
import { sentenceText } from "../../model.js";
import type { NarrativeAnchor } from "./candidate.js";
import { anchorOf, findDates } from "./find-dates.js";
import type { DateMention } from "./types.js";

/** Paragraphs an anchor stays valid for: "the next day" three paragraphs on still follows it. */
const ANCHOR_REACH = 3;

const cache = new WeakMap<NewsDocument, Map<Paragraph, DateMention[][]>>();

/**
 * The date mentions of every sentence of a document, by paragraph then sentence,
 * read in order so that "the next day" or "that very morning" follow the last date
 * the story gave (in the same paragraph or up to three paragraphs back). Computed
 * once per document and cached, so a passage is dated the same whichever subset of
 * passages is asked about.
 */
export function documentMentions(document: NewsDocument): Map<Paragraph, DateMention[][]> {
  const cached = cache.get(document);
  if (cached !== undefined) return cached;
  const byParagraph = new Map<Paragraph, DateMention[][]>();
  let anchor: NarrativeAnchor | undefined;
  let anchorParagraph = 0;
  document.paragraphs.forEach((paragraph, index) => {
    if (anchor !== undefined && index - anchorParagraph > ANCHOR_REACH) anchor = undefined;
    const sentences = paragraph.sentences.map((sentence) => {
      const options = anchor === undefined ? {} : { anchor };
      const mentions = findDates(sentenceText(paragraph, sentence), document.published, options);
      for (const mention of mentions) {
        if (mention.role === "comparison") continue;
        anchor = anchorOf(mention) ?? anchor;
        anchorParagraph = index;
      }
      return mentions;
    });
    byParagraph.set(paragraph, sentences);
  });
  cache.set(document, byParagraph);
  return byParagraph;
}
