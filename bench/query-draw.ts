import type { CompletionSource, Engine } from "../src/core/engine.js";
import { passageText } from "../src/core/index/passages.js";
import { isStopWord } from "../src/core/text/terms.js";
import type { BenchCommand, BenchQuery, Category, DrawnFrom } from "./queries.js";
import {
  misspell,
  nonsenseWord,
  type Random,
  randomInt,
  sample,
  seededRandom,
  wordsOf,
} from "./query-pick.js";

/** What the generator reads from one engine: its vocabulary, names and speakers. */
interface Vocabulary {
  /** Content words by the number of documents using them, most used first. */
  common: string[];
  /** Content words of 7+ letters found in one or two documents. */
  rare: string[];
  /** Two-word phrases of content words found in 3+ documents. */
  phrases: string[];
  /** Lower-case topic words of the topics completion list, most frequent first. */
  topics: string[];
  /** Person and organisation names, most mentioned first. */
  entities: string[];
  /** Named speakers of quotes, most quoted first, with words of their quotes. */
  speakers: { name: string; words: string[] }[];
}

/** Reads the vocabulary the queries are drawn from. */
export function vocabularyOf(engine: Engine): Vocabulary {
  const docFreq = new Map<string, number>();
  const phraseFreq = new Map<string, number>();
  const byDocument = new Map<string, string[]>();
  for (const passage of engine.passages.all) {
    const list = byDocument.get(passage.document.id) ?? [];
    list.push(passageText(passage));
    byDocument.set(passage.document.id, list);
  }
  for (const sentences of byDocument.values()) {
    const words = new Set<string>();
    const phrases = new Set<string>();
    for (const sentence of sentences) {
      // Only words written in lower case somewhere are "words" (not names or table headings).
      const lower = (sentence.match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []) as string[];
      const content = lower.map((w) => (isContent(w) ? w : ""));
      content.forEach((w, i) => {
        if (w === "") return;
        words.add(w);
        const next = content[i + 1];
        if (next) phrases.add(`${w} ${next}`);
      });
    }
    for (const w of words) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
    for (const p of phrases) phraseFreq.set(p, (phraseFreq.get(p) ?? 0) + 1);
  }
  const byCount = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const speakerCounts = new Map<string, { n: number; words: Set<string> }>();
  for (const quote of engine.quotes) {
    if (!quote.entity) continue;
    const entry = speakerCounts.get(quote.entity.name) ?? { n: 0, words: new Set<string>() };
    entry.n++;
    for (const w of wordsOf(quote.quote)) if (isContent(w) && w.length >= 5) entry.words.add(w);
    speakerCounts.set(quote.entity.name, entry);
  }
  return {
    common: byCount(docFreq),
    rare: byCount(docFreq)
      .filter((w) => (docFreq.get(w) ?? 0) <= 2 && w.length >= 7)
      .sort(),
    phrases: byCount(phraseFreq).filter((p) => (phraseFreq.get(p) ?? 0) >= 3),
    topics: engine.completions.topics
      .counts()
      .map(([label]) => label)
      .filter((label) => /^\p{Ll}{4,}$/u.test(label)),
    entities: engine.entities
      .all()
      .filter((e) => e.kind !== "other" && isName(e.name))
      .sort((a, b) => b.passageIds.length - a.passageIds.length || (a.name < b.name ? -1 : 1))
      .map((e) => e.name),
    speakers: [...speakerCounts]
      .filter(([name]) => isName(name))
      .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
      .map(([name, { words }]) => ({ name, words: [...words].sort() })),
  };
}

function isContent(word: string): boolean {
  return word.length >= 4 && !isStopWord(word);
}

// A name someone would ask about: not a pronoun or an abbreviation the entity finder kept.
function isName(name: string): boolean {
  return name.length >= 4 && /\p{L}{3}/u.test(name) && !isStopWord(name.toLowerCase());
}

/** The last word of a name, lower-cased: how people type a speaker (`/quote volcker`). */
function surname(name: string): string {
  return (name.split(/\s+/u).at(-1) ?? name).toLowerCase();
}

/** Collects queries, numbering them per command and skipping duplicates. */
export class QueryList {
  readonly queries: BenchQuery[] = [];
  private readonly seen = new Set<string>();
  private readonly counters = new Map<string, number>();

  command(command: BenchCommand, category: Category, from: DrawnFrom, args: string): void {
    const text = `/${command}${args === "" ? "" : ` ${args}`}`;
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.queries.push({ id: this.nextId(command), kind: "command", command, category, from, text });
  }

  complete(source: CompletionSource, category: Category, from: DrawnFrom, prefix: string): void {
    const key = `complete ${source} ${prefix}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.queries.push({
      id: this.nextId(`complete-${source}`),
      kind: "complete",
      source,
      category,
      from,
      prefix,
    });
  }

  private nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(3, "0")}`;
  }
}

const TOPIC_COMMANDS: readonly BenchCommand[] = ["search", "why", "timeline"];

/**
 * Draws the query set: for every command, the categories that make sense for it
 * (speakers, entities, topics, common and rare words, typos, phrases, queries
 * that find nothing), and autocomplete prefixes for every source.
 */
export function drawQueries(engines: { reuters: Engine; seed: Engine }, seed: number): BenchQuery[] {
  const random = seededRandom(seed);
  const list = new QueryList();
  drawFrom(list, random, vocabularyOf(engines.reuters), "reuters", 1);
  drawFrom(list, random, vocabularyOf(engines.seed), "seed", 0.2);
  drawEmpty(list, random);
  return list.queries;
}

/**
 * Draws a query set from the corpus an engine serves, with a seed: the same
 * shapes as the checked-in set (common and rare words, topics, names, speakers,
 * two-word phrases, misspellings, queries that find nothing), plus three-word
 * questions and questions of stop words only. Each size of the benchmark asks
 * questions of its own corpus, new to the process that answers them.
 */
export function drawCorpusQueries(engine: Engine, seed: number): BenchQuery[] {
  const random = seededRandom(seed);
  const list = new QueryList();
  const v = vocabularyOf(engine);
  drawFrom(list, random, v, "corpus", 1);
  const topics = v.topics.slice(0, 300);
  for (const command of TOPIC_COMMANDS) {
    for (const p of sample(random, v.phrases.slice(0, 300), 6)) {
      const word = sample(random, topics, 1)[0];
      if (word) list.command(command, "multi-word", "corpus", `${p} ${word}`);
    }
    for (const words of ["said", "the", "said the"]) list.command(command, "stop-word", "none", words);
  }
  drawEmpty(list, random);
  return list.queries;
}

function drawFrom(list: QueryList, random: Random, v: Vocabulary, from: DrawnFrom, scale: number): void {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const common = v.common.slice(0, 80);
  const topics = v.topics.slice(0, 300);
  const entitiesTop = v.entities.slice(0, 60);
  const entitiesMid = v.entities.slice(60, 600);
  const speakers = v.speakers;
  const typoBase = [...common, ...topics].filter((w) => w.length >= 5);

  for (const command of TOPIC_COMMANDS) {
    for (const w of sample(random, common, n(command === "search" ? 14 : 9)))
      list.command(command, "common-word", from, w);
    for (const w of sample(random, v.rare, n(command === "search" ? 14 : 6)))
      list.command(command, "rare-word", from, w);
    for (const w of sample(random, topics, n(10))) list.command(command, "topic", from, w);
    for (const e of sample(random, [...entitiesTop, ...entitiesMid.slice(0, 60)], n(8))) {
      list.command(command, "entity", from, command === "search" ? e : e.toLowerCase());
    }
    for (const p of sample(random, v.phrases.slice(0, 200), n(command === "search" ? 10 : 6))) {
      list.command(command, "multi-word", from, p);
    }
    for (const e of sample(random, entitiesTop, n(4))) {
      const word = sample(random, topics.slice(0, 100), 1)[0];
      if (word) list.command(command, "multi-word", from, `${surname(e)} ${word}`);
    }
    for (const w of sample(random, typoBase, n(command === "search" ? 12 : 7))) {
      list.command(command, "misspelling", from, misspell(random, w));
    }
  }
  for (const s of sample(random, speakers.slice(0, 60), n(5)))
    list.command("search", "speaker", from, surname(s.name));

  // /quote: speakers as typed (full name or surname), about a word they used, typos.
  for (const s of speakers.slice(0, n(20))) list.command("quote", "speaker", from, surname(s.name));
  for (const s of sample(random, speakers.slice(20), n(12))) list.command("quote", "speaker", from, s.name);
  for (const s of sample(
    random,
    speakers.filter((x) => x.words.length > 0),
    n(15),
  )) {
    const about = s.words[randomInt(random, s.words.length)] as string;
    list.command("quote", "multi-word", from, `${surname(s.name)} about ${about}`);
  }
  for (const s of sample(
    random,
    speakers.filter((x) => surname(x.name).length >= 5),
    n(8),
  )) {
    list.command("quote", "misspelling", from, misspell(random, surname(s.name)));
  }
  for (const e of sample(random, entitiesMid, n(5))) list.command("quote", "entity", from, surname(e));

  // /who: people and organisations, by name or surname, and typos.
  for (const e of entitiesTop.slice(0, n(15))) list.command("who", "entity", from, e.toLowerCase());
  for (const e of sample(random, entitiesMid, n(12))) list.command("who", "entity", from, e);
  for (const s of sample(random, speakers, n(10))) list.command("who", "speaker", from, surname(s.name));
  for (const e of sample(
    random,
    entitiesTop.filter((x) => x.length >= 5),
    n(7),
  )) {
    list.command("who", "misspelling", from, misspell(random, e.toLowerCase()));
  }
  for (const w of sample(random, common, n(4))) list.command("who", "common-word", from, w);

  // Autocomplete: what a user has typed so far, 1 to 5 letters, and typos.
  const prefixes = (labels: readonly string[], count: number): string[] =>
    sample(random, labels, count).map((label) => {
      const words = label.toLowerCase().split(/\s+/u);
      const word = words[randomInt(random, words.length)] ?? label;
      return word.slice(0, 1 + randomInt(random, Math.min(5, word.length)));
    });
  const sources: [CompletionSource, readonly string[]][] = [
    ["speakers", speakers.map((s) => s.name)],
    ["entities", v.entities.slice(0, 400)],
    ["topics", topics],
  ];
  for (const [source, labels] of sources) {
    for (const prefix of prefixes(labels, n(22))) list.complete(source, "prefix", from, prefix);
    for (const w of sample(
      random,
      labels.filter((l) => l.length >= 6),
      n(3),
    )) {
      list.complete(source, "misspelling", from, misspell(random, w.toLowerCase()).slice(0, 5));
    }
  }
}

function drawEmpty(list: QueryList, random: Random): void {
  const word = () => nonsenseWord(random, 9 + randomInt(random, 4));
  for (const command of ["search", "why", "timeline", "quote", "who"] as const) {
    for (let i = 0; i < 6; i++)
      list.command(command, "empty-result", "none", i % 3 === 2 ? `${word()} ${word()}` : word());
  }
  list.command("timeline", "no-argument", "none", "");
  for (const source of ["speakers", "entities", "topics"] as const) {
    list.complete(source, "no-argument", "none", "");
    for (let i = 0; i < 2; i++) list.complete(source, "empty-result", "none", word().slice(0, 6));
  }
}
