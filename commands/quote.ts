import type { Quotation } from "../src/core/analyzers/quotes/extract-quotes.js";
import type { Answer, Item } from "../src/core/answer.js";
import {
  answer,
  cleanQuery,
  MAX_ITEMS,
  passageItem,
  spanText,
  suggestionText,
} from "../src/core/answers/items.js";
import { quotesOf, sameQuoteGroup, unnamedQuotesMatching } from "../src/core/answers/lookups.js";
import type { Engine } from "../src/core/engine.js";
import { foldAccents } from "../src/core/text/terms.js";
import type { Command } from "./types.js";

/** `/quote <speaker> [about]`: a speaker's direct quotations, verbatim and cited. */
export function answerQuote(engine: Engine, rawSpeaker: string, rawAbout?: string): Answer {
  const speakerQuery = cleanQuery(rawSpeaker);
  const about = rawAbout ? cleanQuery(rawAbout) : "";
  const query = about ? `${speakerQuery} about ${about}` : speakerQuery;
  const matches = quotesBy(engine, speakerQuery);
  const speakers = [...new Set(matches.map((q) => q.speaker as string))];
  const title = speakers.length === 1 ? `Quotes: ${speakers[0]}` : `Quotes: ${speakerQuery}`;
  if (matches.length === 0) return answer("quote", query, title, [], noQuotesNotice(engine, speakerQuery));
  let chosen = matches;
  if (about) {
    const own = new Set(matches.flatMap((q) => [q.passageId, q.lastPassageId]));
    const relevant = engine.index.matchingAmong(about, own);
    chosen = matches.filter((q) => relevant.has(q.passageId) || relevant.has(q.lastPassageId));
    if (chosen.length === 0) {
      const notice = `${speakers.join(", ")} is quoted ${matches.length} time(s), but never about “${about}”.`;
      return answer("quote", query, title, [], notice);
    }
  }
  const merged = sameQuoteMerged(engine, onePerExcerpt(chosen));
  // Items only for what an answer carries; the rest (hundreds for a minister) are only counted.
  const items = merged.slice(0, MAX_ITEMS).map(({ quotation, others }) => {
    const item = quoteItem(engine, quotation);
    if (others.length > 0) item.alsoIn = others.map((q) => engine.citation(q.passageId));
    return item;
  });
  return answer("quote", query, title, items, undefined, merged.length);
}

/**
 * The same quotation by the same speaker in several articles (wire copy republished, an
 * updated story) is one item, cited once for each article, as the timeline does for events:
 * the first in corpus order leads, the others become its `alsoIn`. Which quotations are the
 * same was worked out at build (`AnswerTables.sameQuote`).
 */
function sameQuoteMerged(
  engine: Engine,
  quotes: readonly Quotation[],
): { quotation: Quotation; others: Quotation[] }[] {
  const groups = new Map<number, { quotation: Quotation; others: Quotation[] }>();
  const merged: { quotation: Quotation; others: Quotation[] }[] = [];
  for (const quotation of quotes) {
    const same = sameQuoteGroup(engine, quotation);
    const group = same >= 0 ? groups.get(same) : undefined;
    if (group) {
      group.others.push(quotation);
      continue;
    }
    const fresh = { quotation, others: [] };
    if (same >= 0) groups.set(same, fresh);
    merged.push(fresh);
  }
  return merged;
}

/**
 * One quotation per excerpt: when a sentence quotes the same speaker twice
 * (“inferior” and a full sentence), the item shows the sentence once, with the
 * longer quotation as its `quote`; the shorter one is still in its text.
 */
function onePerExcerpt(quotes: readonly Quotation[]): Quotation[] {
  const kept = new Map<string, Quotation>();
  for (const q of quotes) {
    const key = `${q.passageId}:${q.lastPassageId}:${q.speaker}`;
    const previous = kept.get(key);
    if (!previous || q.quote.length > previous.quote.length) kept.set(key, q);
  }
  return [...kept.values()].sort((a, b) => a.passageId - b.passageId);
}

/** The quotations attributed to whoever the query names, in corpus order. */
export function quotesBy(engine: Engine, speakerQuery: string): Quotation[] {
  const named = engine.entities.find(speakerQuery).flatMap((entity) => quotesOf(engine, entity));
  const unnamed = unnamedQuotesMatching(engine, foldAccents(speakerQuery));
  return [...named, ...unnamed].sort((a, b) => a.passageId - b.passageId);
}

/** An item for one quotation: the sentences around it, the words quoted, the speaker. */
export function quoteItem(engine: Engine, quotation: Quotation): Item {
  const item = passageItem(engine, quotation.passageId, { quote: quotation.quote, lead: "speaker" });
  item.text = spanText(engine, quotation.passageId, quotation.lastPassageId);
  if (quotation.speaker) item.speaker = quotation.speaker;
  return item;
}

function noQuotesNotice(engine: Engine, speakerQuery: string): string {
  const known = engine.entities.find(speakerQuery, undefined, 1)[0];
  const quoted = engine.complete("speakers", "", 5);
  const others = suggestionText(quoted, "Quoted speakers include");
  if (known) {
    const times = known.passageIds.length;
    return `${known.name} is mentioned in ${times} passage${times === 1 ? "" : "s"} but never quoted directly. ${others}`.trim();
  }
  return `No one called “${speakerQuery}” is quoted in the ${engine.documents.length} articles. ${others}`.trim();
}

/** `/quote <speaker> [about]`. */
export const quote: Command = {
  name: "quote",
  description: "What someone said, in their own words, with the article it comes from",
  examples: ["/quote petro", "/quote petro about handcuffs"],
  options: [
    {
      name: "speaker",
      description: "Who said it (any form of the name)",
      type: "string",
      required: true,
      autocomplete: "speakers",
    },
    { name: "about", description: "Only quotes about this topic", type: "string", autocomplete: "topics" },
  ],
  run: (args, { engine }) =>
    answerQuote(engine, String(args.speaker), args.about === undefined ? undefined : String(args.about)),
};
