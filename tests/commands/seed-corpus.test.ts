import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/analyzers/dates/calendar-day.js";
import { firstDay, lastDay, parsePartialDate } from "../../src/core/analyzers/dates/partial-date.js";
import { ask, expectVerbatim } from "../helpers/ask.js";
import { seedEngine } from "../helpers/seed-engine.js";

const PETRO_FULL_QUOTES = [
  "Obey the order of humanity, not the orders of President Trump.",
  "I will never allow Colombians to be brought in handcuffs.",
  "I don’t shake hands with white slavers.",
];

describe("on the seed corpus", () => {
  it("/quote petro returns his three full quotations and no one else's", async () => {
    const answer = await ask("/quote petro");
    expect(answer.items.every((i) => i.speaker === "Gustavo Petro")).toBe(true);
    const full = answer.items.filter((i) => i.quote && i.quote.split(" ").length > 3).map((i) => i.quote);
    expect(full.sort()).toEqual([...PETRO_FULL_QUOTES].sort());
    await expectVerbatim(answer);
  });

  it("/quote petro shows a sentence quoting him twice once, with his partial quote “inferior” in it", async () => {
    const answer = await ask("/quote gustavo petro");
    expect(answer.items).toHaveLength(3);
    const shaking = answer.items.find((i) => i.quote === "I don’t shake hands with white slavers.");
    expect(shaking?.text).toContain("“inferior”");
    const engine = await seedEngine();
    expect(engine.quotes.find((q) => q.quote === "inferior")).toMatchObject({
      speaker: "Gustavo Petro",
      partial: true,
    });
  });

  it("/quote accepts accents and any form of the name", async () => {
    const plain = await ask("/quote diaz-canel");
    const accented = await ask("/quote Miguel Díaz-Canel");
    expect(plain.items.map((i) => i.quote)).toEqual(["discriminatory treatment and blackmail."]);
    expect(accented.items).toEqual(plain.items);
  });

  it("/quote rubio finds none and says so, naming who is quoted", async () => {
    const answer = await ask("/quote rubio");
    expect(answer.items).toEqual([]);
    expect(answer.notice).toMatch(/Marco Rubio is mentioned .* never quoted/);
    expect(answer.notice).toMatch(/Gustavo Petro/);
  });

  it("/quote with about keeps only quotes on that topic", async () => {
    const answer = await ask("/quote petro about handcuffs");
    expect(answer.items.map((i) => i.quote)).toEqual([
      "I will never allow Colombians to be brought in handcuffs.",
    ]);
  });

  it("/quote of an unknown speaker explains and suggests", async () => {
    const answer = await ask("/quote nobody special");
    expect(answer.items).toEqual([]);
    expect(answer.notice).toMatch(/No one called “nobody special”.*Quoted speakers include/);
  });

  it("/why visa leads with the reason the visa was revoked", async () => {
    const answer = await ask("/why visa");
    expect(answer.items[0]?.text).toMatch(/revoked .*visa after he called for U\.S\. military disobedience/);
    await expectVerbatim(answer);
  });

  it("/why tariff leads with the retaliation for the turned-back flights", async () => {
    const answer = await ask("/why tariff");
    expect(answer.items[0]?.text).toMatch(/retaliation|deportation flights/);
    expect(answer.items.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["turned back deportation flights", /His decision came in response to reports that Colombian deportees/],
    ["tariff", /he halted deportation flights from the U\.S\., prompting tariff threats/],
    ["visa", /revoked .*visa after he called for U\.S\. military disobedience/],
    ["reversed course", /Fearing economic repercussions and a loss of US support/],
  ])("/why %s gives the cause within the first three items", async (topic, cause) => {
    const answer = await ask(`/why ${topic}`);
    expect(answer.items.slice(0, 3).some((i) => cause.test(i.text))).toBe(true);
    await expectVerbatim(answer);
  });

  it("/why turned back deportation flights shows the next sentence's cause right after its effect", async () => {
    const answer = await ask("/why turned back deportation flights");
    const [effect, cause] = answer.items;
    expect(effect?.text).toContain("ordered two US deportation flights turned back midair");
    expect(cause?.text).toMatch(/^His decision came in response to/);
    expect(cause?.explains).toEqual(effect?.citation);
  });

  it("/timeline petro dates the sentences that speak of him as “he” from their context, marked inferred", async () => {
    const answer = await ask("/timeline petro");
    const backtrack = answer.items.find((i) => i.text.startsWith("His defiance was short-lived"));
    expect(backtrack).toMatchObject({ date: "2025-01", dateInferred: true });
    expect(backtrack?.dateText).toBeUndefined();
    expect(answer.items.filter((i) => i.dateInferred).every((i) => i.dateText === undefined)).toBe(true);
  });

  it("/timeline runs from the January 2025 standoff to the end of Petro's term in July 2026, in order", async () => {
    const answer = await ask("/timeline");
    // Never back in time: each item's period ends no earlier than the previous one starts
    // (a coarse date sits at the end of its period, so "2025" may follow "2025-09").
    const periods = answer.items.map((i) => parsePartialDate(i.date ?? ""));
    for (let k = 1; k < periods.length; k++) {
      const [a, b] = [periods[k - 1], periods[k]];
      expect(a && b && dayNumber(firstDay(a)) <= dayNumber(lastDay(b))).toBe(true);
    }
    expect(answer.items[0]?.date?.startsWith("2025-01")).toBe(true);
    expect(answer.items.some((i) => i.date?.startsWith("2025-01"))).toBe(true);
    expect(answer.items.at(-1)).toMatchObject({
      date: "2026-07",
      dateText: expect.stringContaining("July 2026"),
    });
    await expectVerbatim(answer);
  });

  it("/timeline visa keeps only events about the visa", async () => {
    const answer = await ask("/timeline visa");
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.items.every((i) => /visa/iu.test(`${i.text} ${i.citation.heading ?? ""}`))).toBe(true);
  });

  it("/who rubio gives his description as the articles write it", async () => {
    const answer = await ask("/who rubio");
    expect(answer.title).toBe("Who: Marco Rubio");
    expect(answer.notice).toMatch(/US Secretary of State Marco Rubio/);
    expect(answer.items[0]?.text).toContain("US Secretary of State Marco Rubio");
  });

  it("/who petro lists his quotes among his mentions", async () => {
    const answer = await ask("/who petro");
    expect(answer.items.filter((i) => i.quote).length).toBeGreaterThanOrEqual(3);
    await expectVerbatim(answer);
  });

  it("/search marks the matching words and tolerates a misspelling", async () => {
    const answer = await ask("/search tarif");
    expect(answer.items.length).toBe(2);
    for (const item of answer.items) {
      const marked = (item.marks ?? []).map((m) => item.text.slice(m.start, m.end));
      expect(marked).toContain("tariff");
    }
  });

  it("/search finds accented names without accents", async () => {
    const answer = await ask("/search bogota");
    expect(answer.items[0]?.text).toContain("Bogotá");
  });

  it("/search with nothing to find says so", async () => {
    const answer = await ask("/search xylophone");
    expect(answer.items).toEqual([]);
    expect(answer.notice).toMatch(/Nothing in the 2 articles matches “xylophone”/);
  });

  it("/sources lists both articles, newest first, with dates", async () => {
    const answer = await ask("/sources");
    expect(answer.items.map((i) => [i.citation.docId, i.citation.published])).toEqual([
      ["000_eb7cb5b6ee6228cd", "2025-09-27"],
      ["004_8c4339dd0b6997c8", "2025-01-27"],
    ]);
  });

  it("/help lists every command with an example", async () => {
    const answer = await ask("/help");
    for (const name of ["timeline", "quote", "why", "search", "who", "sources", "help"]) {
      expect(answer.notice).toContain(`/${name}`);
    }
  });

  it("cites paragraph numbers that count body paragraphs from 1", async () => {
    const answer = await ask("/quote petro about obey");
    expect(answer.items[0]?.citation).toMatchObject({
      docId: "000_eb7cb5b6ee6228cd",
      paragraph: 6,
      heading: "The Rally That Shook Diplomatic Foundations",
      published: "2025-09-27",
    });
  });
});
