import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";
import {
  MAX_QUERY_WORDS,
  type PassageHit,
  type PassageSearchOptions,
} from "../../../src/core/index/search-index.js";
import { indexTerm, tokenize } from "../../../src/core/text/terms.js";

/**
 * The search as it was before top-k retrieval, verbatim: MiniSearch's own
 * exhaustive `search` in the same widening attempts, every match scored and
 * sorted. Ties (equal scores) are put in ascending id order, the order the fast
 * path documents; MiniSearch itself leaves them in its result map's order.
 */
export function exhaustiveSearch(
  mini: MiniSearch,
  rawQuery: string,
  options: PassageSearchOptions = {},
): PassageHit[] {
  const limit = options.limit ?? 50;
  const query = tokenize(rawQuery).slice(0, MAX_QUERY_WORDS).join(" ");
  const base: SearchOptions = {
    boost: { text: 1, title: 1.5, heading: 1.3, names: 2 },
    weights: { fuzzy: 0.3, prefix: 0.5 },
    maxFuzzy: 2,
    processTerm: indexTerm,
  };
  if (options.filter) {
    const accept = options.filter;
    base.filter = (result) => accept(result.id as number);
  }
  const known = (term: string) => termKnown(mini, term);
  const unknown = (term: string) => !known(term);
  const unfinished = (term: string) => term.length >= 3 && unknown(term);
  const prefix = (term: string, i: number, terms: string[]) => i === terms.length - 1 && unfinished(term);
  const typo = (term: string) => term.length >= 5 && unknown(term);
  const fuzzy = (term: string) => (typo(term) ? 0.2 : false);
  const terms = tokenize(query)
    .map(indexTerm)
    .filter((term): term is string => term !== null);
  const last = terms.at(-1);
  const attempts: SearchOptions[] = [
    { ...base, combineWith: "AND" },
    ...(last && unfinished(last) ? [{ ...base, combineWith: "AND" as const, prefix }] : []),
    ...(terms.some(typo) ? [{ ...base, combineWith: "AND" as const, prefix, fuzzy }] : []),
    { ...base, combineWith: "OR", prefix, fuzzy },
  ];
  for (const attempt of attempts) {
    const results = mini.search(query, attempt);
    if (results.length > 0) {
      return results
        .sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number))
        .slice(0, limit)
        .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
    }
  }
  return [];
}

// MiniSearch's `has` asks about document ids; whether a term is indexed is its `termCount` map's business.
function termKnown(mini: MiniSearch, term: string): boolean {
  return (mini as unknown as { _index: { has(term: string): boolean } })._index.has(term);
}
