import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/core/corpus/load-corpus.js";
import { SEED_CORPUS } from "../../helpers/paths.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";

const MARKDOWN = `---
title: Port strike ends
published: 2024-03-05
url: https://example.com/strike
source: Example Wire
authors: [A. Writer]
tags: labour
---
# Ignored heading after front matter

Dock workers returned on Tuesday after a deal was reached.

## Reactions

- The union called it a victory.
- Shippers said delays would last weeks.
`;

describe("loadCorpus", () => {
  it("reads Markdown front matter, headings and list items", async () => {
    const dir = tempCorpus({ "strike.md": MARKDOWN });
    const { documents, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    const [doc] = documents;
    expect(doc).toMatchObject({
      id: "strike",
      title: "Port strike ends",
      published: "2024-03-05",
      url: "https://example.com/strike",
      source: "Example Wire",
      authors: ["A. Writer"],
      tags: ["labour"],
    });
    expect(doc?.paragraphs.map((p) => [p.number, p.kind, p.heading ?? null])).toEqual([
      [1, "text", "Ignored heading after front matter"],
      [2, "list", "Reactions"],
      [3, "list", "Reactions"],
    ]);
  });

  it("keeps paragraph offsets that point back into the source text", async () => {
    const dir = tempCorpus({ "strike.md": MARKDOWN });
    const { documents } = await loadCorpus(dir);
    const source = readFileSync(join(dir, "strike.md"), "utf8");
    for (const paragraph of documents[0]?.paragraphs ?? []) {
      expect(source.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(paragraph.text);
      for (const sentence of paragraph.sentences) {
        const absolute = paragraph.offset + sentence.start;
        expect(source.slice(absolute, paragraph.offset + sentence.end)).toBe(
          paragraph.text.slice(sentence.start, sentence.end),
        );
      }
    }
  });

  it("reads plain text: title line, kicker tag, headings, bullets and a Sources section", async () => {
    const text = [
      "Storm Closes Harbour",
      "",
      "weather",
      "",
      "The harbour closed on Friday as winds rose.",
      "",
      "What Happened Next",
      "",
      "• Ferries stopped running.",
      "• Schools shut early.",
      "",
      "Sources:",
      "",
      "Coast Guard bulletin",
    ].join("\n");
    const { documents } = await loadCorpus(tempCorpus({ "storm.txt": text }));
    const [doc] = documents;
    expect(doc?.title).toBe("Storm Closes Harbour");
    expect(doc?.tags).toEqual(["weather"]);
    expect(doc?.sources).toEqual(["Coast Guard bulletin"]);
    expect(doc?.paragraphs.map((p) => [p.text, p.kind, p.heading ?? null])).toEqual([
      ["The harbour closed on Friday as winds rose.", "text", null],
      ["Ferries stopped running.", "list", "What Happened Next"],
      ["Schools shut early.", "list", "What Happened Next"],
    ]);
  });

  it("joins hard-wrapped lines of plain text into one paragraph", async () => {
    const text = [
      "The council voted late on Thursday to approve the new budget after a",
      "long debate over funding for schools and roads in the region.",
      "",
      "Opponents said they would appeal.",
    ].join("\n");
    const { documents } = await loadCorpus(tempCorpus({ "wrapped.txt": text }));
    expect(documents[0]?.paragraphs).toHaveLength(2);
  });

  it("takes metadata for plain-text files from corpus.yaml without editing them", async () => {
    const dir = tempCorpus({
      "a.txt": "Rates rose again on Monday, the bank said.\nMarkets fell.",
      "corpus.yaml":
        "documents:\n  a:\n    title: Rates rise\n    published: 2023-06\n    url: https://example.com/a\n",
    });
    const { documents } = await loadCorpus(dir);
    expect(documents[0]).toMatchObject({
      id: "a",
      title: "Rates rise",
      published: "2023-06",
      url: "https://example.com/a",
    });
  });

  it("reads JSON Lines and JSON records, reporting bad records by line", async () => {
    const jsonl = [
      JSON.stringify({
        id: "r1",
        title: "One",
        published: "1987-02-26",
        text: "First story.\n\nSecond paragraph.",
      }),
      "{not json",
      JSON.stringify({ id: "r2", title: "Two", text: "" }),
      JSON.stringify({ id: 3, title: "Three", published: "1987-03", text: "Third story." }),
    ].join("\n");
    const json = JSON.stringify([{ id: "j1", title: "Json", text: "A record in an array." }]);
    const { documents, warnings } = await loadCorpus(tempCorpus({ "wire.jsonl": jsonl, "more.json": json }));
    expect(documents.map((d) => d.id).sort()).toEqual(["3", "j1", "r1"]);
    expect(documents.find((d) => d.id === "r1")?.paragraphs).toHaveLength(2);
    expect(warnings.map((w) => w.reason)).toEqual([
      expect.stringContaining("line 2: not valid JSON"),
      expect.stringContaining("line 3: text"),
    ]);
  });

  it("skips bad files with a warning naming file and reason, and keeps the good ones", async () => {
    const dir = tempCorpus({
      "good.txt": "A good article with one sentence.",
      "binary.txt": new Uint8Array([0x41, 0x00, 0x42]),
      "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e]),
      "empty.md": "",
      "broken.md": "---\ntitle: [unclosed\n---\nBody.",
      "baddate.md": "---\ntitle: T\npublished: 2024-13-45\n---\nBody text.",
      "huge.txt": "x".repeat(2048),
      "notes.pdf": "%PDF",
    });
    const { documents, warnings } = await loadCorpus(dir, { maxArticleBytes: 1024 });
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    const reasons = Object.fromEntries(warnings.map((w) => [w.file, w.reason]));
    expect(reasons["binary.txt"]).toMatch(/binary/);
    expect(reasons["latin1.txt"]).toMatch(/UTF-8/);
    expect(reasons["empty.md"]).toMatch(/empty/);
    expect(reasons["broken.md"]).toMatch(/front matter/);
    expect(reasons["baddate.md"]).toMatch(/published/);
    expect(reasons["huge.txt"]).toMatch(/too large/);
    expect(reasons["notes.pdf"]).toMatch(/unsupported/);
  });

  it("sums up a collection full of bad lines in a few warnings", async () => {
    const lines = [
      JSON.stringify({ id: "ok", title: "Fine", text: "A fine story." }),
      ...Array(500).fill("garbage"),
    ];
    const { documents, warnings } = await loadCorpus(tempCorpus({ "wire.jsonl": lines.join("\n") }));
    expect(documents.map((d) => d.id)).toEqual(["ok"]);
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)?.reason).toBe("480 more records skipped for the same kinds of reason");
  });

  it("keeps both documents when two files share an id", async () => {
    const dir = tempCorpus({
      "same.txt": "One text here.",
      "same.md": "---\ntitle: Other\n---\nAnother text.",
    });
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents.map((d) => d.id).sort()).toEqual(["same", "same~2"]);
    expect(warnings[0]?.reason).toMatch(/duplicate id/);
  });

  it("loads the bundled seed articles with the newsroom's metadata", async () => {
    const { documents, warnings } = await loadCorpus(SEED_CORPUS);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => [d.id, d.published])).toEqual([
      ["000_eb7cb5b6ee6228cd", "2025-09-27"],
      ["004_8c4339dd0b6997c8", "2025-01-27"],
    ]);
    expect(documents[1]?.title).not.toBe("004_8c4339dd0b6997c8");
    expect(documents[0]?.sources?.[0]).toMatch(/^US State Department revokes/);
  });
});
