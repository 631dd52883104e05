import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/query-pick.js";
import { loadCorpus } from "../../../src/core/corpus/load-corpus.js";
import { PassageStore, passageText } from "../../../src/core/index/passages.js";
import { type PassageSearchOptions, SearchIndex } from "../../../src/core/index/search-index.js";
import type { NewsDocument } from "../../../src/core/model.js";
import { SEED_CORPUS, SHARED_DATA } from "../../helpers/paths.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";
import { exhaustiveSearch } from "./exhaustive-search.js";
import { drawQueries } from "./random-queries.js";

const REUTERS = join(SHARED_DATA, "reuters21578.jsonl");

interface Subject {
  index: SearchIndex;
  mini: MiniSearch;
  texts: string[];
}

async function subjectOf(documents: readonly NewsDocument[]): Promise<Subject> {
  const passages = new PassageStore(documents);
  // Every passage also carries its article's title as entity names, so the names field is exercised too.
  const index = SearchIndex.build(passages.all, (passage) => [passage.document.title]);
  return { index, mini: index.toMiniSearch(), texts: passages.all.map(passageText) };
}

/** Stories whose words are drawn from a small Zipf vocabulary: long lists, many exact ties, every field. */
function zipfCorpus(seed: number, stories: number): string {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x${"abcdefgh"[i % 8]}`);
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)] as string;
  const sentence = () => `${Array.from({ length: 3 + Math.floor(random() * 12) }, word).join(" ")}.`;
  const lines = Array.from({ length: stories }, (_, i) =>
    JSON.stringify({
      id: `z${i}`,
      title: `${word()} ${word()}`,
      published: "2026-01-01",
      text: Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(" "),
      ).join("\n\n"),
    }),
  );
  return `${lines.join("\n")}\n`;
}

const SEARCHES: PassageSearchOptions[] = [
  { limit: 1 },
  { limit: 10 },
  {},
  { limit: 100 },
  { limit: 300 },
  { limit: 5000 },
  { limit: 20, filter: (id) => id % 3 === 0 },
  { limit: 40, unordered: true },
];

function expectSameAsExhaustive(subject: Subject, seed: number, count: number): number {
  let compared = 0;
  for (const [n, query] of drawQueries(subject.texts, seed, count).entries()) {
    const options = SEARCHES[n % SEARCHES.length] as PassageSearchOptions;
    const found = subject.index.search(query.text, options);
    // Unordered hits are the same hits in any order: compared in ranked order.
    const fast = options.unordered ? [...found].sort((a, b) => b.score - a.score || a.id - b.id) : found;
    const exhaustive = exhaustiveSearch(subject.mini, query.text, options);
    const label = `${query.kind}: “${query.text}” ${JSON.stringify({ ...options, filter: !!options.filter })}`;
    expect(
      fast.map((h) => h.id),
      label,
    ).toEqual(exhaustive.map((h) => h.id));
    expect(
      fast.map((h) => h.score),
      label,
    ).toEqual(exhaustive.map((h) => h.score));
    expect(
      fast.map((h) => [...h.terms].sort()),
      label,
    ).toEqual(exhaustive.map((h) => [...h.terms].sort()));
    if (exhaustive.length > 0) compared++;
  }
  return compared;
}

describe("top-k retrieval", () => {
  it("GIVEN 600 random queries on the seed corpus THEN the top results are MiniSearch's exhaustive ranking: ids, order, scores, matched terms", async () => {
    const { documents } = await loadCorpus(SEED_CORPUS);
    const compared = expectSameAsExhaustive(await subjectOf(documents), 1, 600);
    expect(compared).toBeGreaterThan(300);
  });

  it("GIVEN 900 random queries on a corpus of Zipf-distributed words (long lists, many ties) THEN the same", async () => {
    const { documents } = await loadCorpus(tempCorpus({ "zipf.jsonl": zipfCorpus(7, 400) }));
    const compared = expectSameAsExhaustive(await subjectOf(documents), 2, 900);
    expect(compared).toBeGreaterThan(600);
  });

  describe.skipIf(!existsSync(REUTERS))("on 2,000 Reuters stories", () => {
    let subject: Subject;
    beforeAll(async () => {
      const lines = readFileSync(REUTERS, "utf8").split("\n").slice(0, 2000).join("\n");
      subject = await subjectOf((await loadCorpus(tempCorpus({ "reuters.jsonl": lines }))).documents);
    }, 120_000);

    it("GIVEN 1,500 random queries THEN the same", () => {
      expect(expectSameAsExhaustive(subject, 3, 1500)).toBeGreaterThan(1000);
    }, 120_000);
  });
});
