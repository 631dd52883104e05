import { beforeAll, describe, expect, it } from "vitest";
import { coarseDateLabel } from "../../src/core/analyzers/dates/date-label.js";
import type { Answer, Item } from "../../src/core/answer.js";
import type { CommandArgs } from "../../src/core/invocation.js";
import { NOTHING_FOUND, PAGE_SIZE, presentAnswer } from "../../src/present/answer-view.js";
import type { ItemView } from "../../src/present/item-view.js";
import type { Asker } from "../../src/service/asker.js";
import { seedAsker } from "../helpers/seed-engine.js";

let asker: Asker;
beforeAll(async () => {
  asker = await seedAsker();
});

const ask = (command: string, args: CommandArgs = {}) => asker.ask({ command, args, platform: "web" });

/** Every page of an answer's view, in order. */
function allItems(answer: Answer): ItemView[] {
  const first = presentAnswer(answer);
  return Array.from({ length: first.pages }, (_, page) => presentAnswer(answer, { page }).items).flat();
}

function expectCleanMarks(item: ItemView): void {
  let floor = 0;
  for (const mark of item.marks) {
    expect(mark.start).toBeGreaterThanOrEqual(floor);
    expect(mark.end).toBeGreaterThan(mark.start);
    expect(mark.end).toBeLessThanOrEqual(item.text.length);
    expect(item.text.slice(mark.start, mark.end).trim()).toBe(item.text.slice(mark.start, mark.end));
    floor = mark.end;
  }
}

describe("GIVEN every command over the seed corpus", () => {
  it("WHEN /timeline is presented THEN each item leads with its date, its precision and the words it was read from", async () => {
    const answer = await ask("timeline");
    const items = allItems(answer);
    expect(items.length).toBe(answer.items.length);
    for (const [i, item] of items.entries()) {
      const source = answer.items[i] as Item;
      expect(item.number).toBe(i + 1);
      // A day as is; a coarser date as "sometime in …"; an inferred one marked so.
      const said = coarseDateLabel(source.date ?? "") ?? source.date;
      expect(item.lead?.text).toBe(source.dateInferred ? `${said} (inferred)` : said);
      const precision = { 1: "year", 2: "month", 3: "day" }[(source.date ?? "").split("-").length];
      expect(item.lead?.precision).toBe(precision);
      expect(item.lead?.dateText).toBe(source.dateText?.replace(/\s+/gu, " ").trim() || undefined);
    }
    expect(items.some((item) => item.lead?.dateText !== undefined)).toBe(true);
  });

  it("WHEN /quote petro is presented THEN each item leads with the speaker, and the checked arguments are kept for the buttons", async () => {
    const view = presentAnswer(await ask("quote", { speaker: "  petro " }), { visibility: "private" });
    expect(view.items.length).toBeGreaterThan(0);
    for (const item of view.items) expect(item.lead).toEqual({ text: "Gustavo Petro" });
    expect(view.args).toEqual({ speaker: "petro" });
    expect(view.buttons.at(-1)).toEqual({ kind: "share", page: 0 });
  });

  it("WHEN /who petro is presented THEN only the quoted items lead with the speaker", async () => {
    const answer = await ask("who", { name: "petro" });
    const items = allItems(answer);
    items.forEach((item, i) => {
      const quoted = answer.items[i]?.quote !== undefined;
      expect(item.lead).toEqual(quoted ? { text: "Gustavo Petro" } : undefined);
    });
    expect(items.some((item) => item.lead === undefined)).toBe(true);
    expect(items.some((item) => item.lead !== undefined)).toBe(true);
  });

  it.each([
    ["search", { query: "tariff" }],
    ["why", { topic: "visa" }],
  ])("WHEN /%s is presented THEN no item leads and the marks are clean", async (command, args) => {
    const items = allItems(await ask(command, args));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.lead).toBeUndefined();
      expectCleanMarks(item);
    }
    expect(items.some((item) => item.marks.length > 0)).toBe(true);
  });

  it("WHEN /sources is presented THEN each article is cited once, newest first, and counted as a source", async () => {
    const answer = await ask("sources");
    const view = presentAnswer(answer);
    expect(view.items.map((item) => item.lead)).toEqual(view.items.map(() => undefined));
    expect(view.sources).toBe(new Set(answer.items.map((item) => item.citation.docId)).size);
    const published = view.items.map((item) => item.citation.published ?? "");
    expect(published).toEqual([...published].sort().reverse());
  });

  it("WHEN /help is presented THEN its notice is the answer, on one page with no page buttons", async () => {
    const view = presentAnswer(await ask("help"), { visibility: "public" });
    expect(view.items).toEqual([]);
    expect(view.notice).toContain("/quote <speaker> [about]");
    expect(view).toMatchObject({ page: 0, pages: 1, total: 0, buttons: [] });
  });
});

const citation = { docId: "d1", title: "Title", paragraph: 3, published: "2025-01-27" };
const many = (count: number): Answer => ({
  command: "search",
  query: "x",
  title: "Search: x",
  items: Array.from({ length: count }, (_, i) => ({ text: `Item ${i + 1}.`, citation })),
  args: { query: "x" },
});

describe("GIVEN paging", () => {
  it("WHEN the first of three pages is shown THEN Previous is disabled and Next goes to page 2", () => {
    const view = presentAnswer(many(12));
    expect(view).toMatchObject({ page: 0, pages: 3, total: 12 });
    expect(view.items.map((item) => item.number)).toEqual([1, 2, 3, 4, 5]);
    expect(view.buttons).toEqual([
      { kind: "page", direction: "previous", page: 0, enabled: false },
      { kind: "page", direction: "next", page: 1, enabled: true },
    ]);
  });

  it("WHEN a page past the end is asked THEN the last one is shown, numbered from where it starts", () => {
    const view = presentAnswer(many(12), { page: 99, visibility: "private" });
    expect(view.page).toBe(2);
    expect(view.items.map((item) => item.number)).toEqual([11, 12]);
    expect(view.buttons).toEqual([
      { kind: "page", direction: "previous", page: 1, enabled: true },
      { kind: "page", direction: "next", page: 2, enabled: false },
      { kind: "share", page: 2 },
    ]);
  });

  it("WHEN the arguments are unknown THEN nothing can be asked again: no buttons", () => {
    const { args: _args, ...withoutArgs } = many(12);
    expect(presentAnswer(withoutArgs, { visibility: "private" }).buttons).toEqual([]);
    expect(presentAnswer(withoutArgs, { args: { query: "x" } }).buttons).toHaveLength(2);
  });

  it("WHEN an answer fits one page THEN its page size is the platforms' one", () => {
    expect(presentAnswer(many(PAGE_SIZE)).pages).toBe(1);
    expect(presentAnswer(many(PAGE_SIZE + 1)).pages).toBe(2);
  });
});

describe("GIVEN items straight from any corpus", () => {
  const present = (item: Partial<Item>) =>
    presentAnswer({ command: "x", query: "", title: "", items: [{ text: "", citation, ...item }] }).items[0];

  it("WHEN a citation has no title, a multi-line source or an unsafe link THEN the view shows it safely", () => {
    const view = present({
      citation: { ...citation, title: " \n ", source: "Wire\nService", url: "javascript:alert(1)" },
    });
    expect(view?.citation).toEqual({
      docId: "d1",
      title: "Untitled",
      paragraph: 3,
      published: "2025-01-27",
      source: "Wire Service",
    });
    expect(present({ citation: { ...citation, url: "https://x.example/a b" } })?.citation.url).toBe(
      "https://x.example/a%20b",
    );
  });

  it("WHEN an item is cited again from the same paragraph THEN that citation is not repeated", () => {
    const other = { ...citation, docId: "d2" };
    expect(present({ alsoIn: [citation, other] })?.alsoIn.map((c) => c.docId)).toEqual(["d2"]);
  });

  it("WHEN marks overlap, leave the text, cover spaces or split an emoji THEN they are cleaned", () => {
    const text = "A 😀 visa was revoked";
    const view = present({
      text,
      marks: [
        { start: 14, end: 40 },
        { start: 4, end: 9.5 },
        { start: 3, end: 4 },
        { start: -3, end: 1 },
        { start: 5, end: 3 },
      ],
    });
    expect(view?.marks).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 5, end: 9 },
      { start: 14, end: 21 },
    ]);
  });

  it("WHEN a date lead has no date THEN the item leads with nothing", () => {
    expect(present({ lead: "date" })?.lead).toBeUndefined();
    expect(present({ lead: "speaker", speaker: " Ana\nRuiz " })?.lead).toEqual({ text: "Ana Ruiz" });
  });

  it("WHEN an answer has neither items nor notice THEN the view says nothing was found", () => {
    expect(presentAnswer({ command: "x", query: "", title: "t", items: [] }).notice).toBe(NOTHING_FOUND);
  });
});
