import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nestingDepth } from "../../../src/core/corpus/front-matter.js";
import { loadCorpus } from "../../../src/core/corpus/load-corpus.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";

const BODY = "Dock workers returned on Tuesday after a deal was reached.\n";
const article = (title: string) => `---\ntitle: ${title}\n---\n\n${BODY}`;
const reasonFor = (warnings: { file: string; reason: string }[], file: string) =>
  warnings.filter((w) => w.file === file).map((w) => w.reason);

describe("GIVEN a corpus folder with links in it", () => {
  it("WHEN a file links outside the folder (/etc/passwd) THEN it is skipped and named; the rest load", async () => {
    const dir = tempCorpus({ "good.md": article("Good") });
    symlinkSync("/etc/passwd", join(dir, "passwd.txt"));
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(reasonFor(warnings, "passwd.txt")).toEqual([
      "skipped: a link to a file outside the corpus folder",
    ]);
    expect(JSON.stringify(documents)).not.toContain("root:");
  });

  it("WHEN a link climbs out through a relative path or a linked folder THEN it is skipped too", async () => {
    const outside = tempCorpus({ "secret.md": article("Secret") });
    const dir = tempCorpus({ "good.md": article("Good") });
    symlinkSync(join(outside, "secret.md"), join(dir, "relative.md"));
    symlinkSync(outside, join(dir, "linked-folder"));
    const { documents } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(["good"]);
  });

  it("WHEN a file links to another file inside the folder THEN it is read", async () => {
    const dir = tempCorpus({ "good.md": article("Good") });
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(dir, "good.md"), join(dir, "sub", "alias.md"));
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents.map((d) => d.id).sort()).toEqual(["alias", "good"]);
    expect(warnings).toEqual([]);
  });

  it("WHEN corpus.yaml links outside the folder THEN it is ignored and named", async () => {
    const outside = tempCorpus({ "m.yaml": "documents:\n  good:\n    title: From outside\n" });
    const dir = tempCorpus({ "good.md": `${BODY}` });
    symlinkSync(join(outside, "m.yaml"), join(dir, "corpus.yaml"));
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents[0]?.title).toBe("good");
    expect(reasonFor(warnings, "corpus.yaml")).toEqual([
      "ignored: a link to a file outside the corpus folder",
    ]);
  });
});

describe("GIVEN files whose names or records claim the same id", () => {
  it("WHEN a.md, a.txt and a~2.md are loaded THEN every id is unique, a~2.md keeps its own, and the clash is named", async () => {
    const dir = tempCorpus({
      "a.md": article("A md"),
      "a.txt": `A txt\n\n${BODY}`,
      "a~2.md": article("A two"),
    });
    const { documents, warnings } = await loadCorpus(dir);
    const ids = documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.fromEntries(documents.map((d) => [d.file, d.id]))).toEqual({
      "a.md": "a",
      "a.txt": "a~3",
      "a~2.md": "a~2",
    });
    expect(reasonFor(warnings, "a.txt")).toEqual(['duplicate id "a": kept as "a~3"']);
  });

  it("WHEN a JSON Lines record claims an id a clash would produce THEN ids stay unique", async () => {
    const record = (id: string) => JSON.stringify({ id, title: id, text: BODY });
    const dir = tempCorpus({
      "a.md": article("A"),
      "b.jsonl": [record("a"), record("a~2"), record("a~3")].join("\n"),
    });
    const { documents } = await loadCorpus(dir);
    const ids = documents.map((d) => d.id);
    expect(ids.sort()).toEqual(["a", "a~2", "a~3", "a~4"]);
  });
});

describe("GIVEN articles whose structure would make parsing cost without bound", () => {
  it("WHEN front matter holds 2.5 M nested [ THEN the file is refused unparsed, at once", async () => {
    const dir = tempCorpus({
      "good.md": article("Good"),
      "nested.md": `---\ntitle: ${"[".repeat(2_500_000)}\n---\n\n${BODY}`,
    });
    const started = performance.now();
    const { documents, warnings } = await loadCorpus(dir);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(reasonFor(warnings, "nested.md")[0]).toMatch(
      /^skipped: front matter too large \(2\.4 MB; the limit is 64\.0 KB\)/u,
    );
  });

  it("WHEN small front matter nests deeper than 32 levels THEN it is refused unparsed", async () => {
    const dir = tempCorpus({ "deep.md": `---\ntitle: ${"[".repeat(40)}${"]".repeat(40)}\n---\n\n${BODY}` });
    const { warnings } = await loadCorpus(dir);
    expect(reasonFor(warnings, "deep.md")).toEqual([
      "skipped: front matter nested too deep (more than 32 levels)",
    ]);
  });

  it("WHEN front matter nests as real front matter does THEN the depth estimate stays small", () => {
    expect(
      nestingDepth("title: It's [big] news\nauthors:\n  - A. Writer\n  - B. Writer\ntags: [a, b]\n"),
    ).toBeLessThan(5);
    expect(nestingDepth("title: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n")).toBeLessThan(5);
    expect(nestingDepth(`- ${"- ".repeat(50)}x`)).toBeGreaterThan(32);
  });

  it("WHEN one JSON Lines record holds more text than the per-article cap THEN that record is refused; the others load", async () => {
    const big = JSON.stringify({ id: "big", title: "Big", text: `${"Long text here. ".repeat(400)}` });
    const small = JSON.stringify({ id: "small", title: "Small", text: BODY });
    const dir = tempCorpus({ "c.jsonl": `${big}\n${small}\n`, "d.json": JSON.stringify([JSON.parse(big)]) });
    const { documents, warnings } = await loadCorpus(dir, { maxArticleBytes: 4096 });
    expect(documents.map((d) => d.id)).toEqual(["small"]);
    expect(reasonFor(warnings, "c.jsonl")).toEqual([
      "record skipped: line 1: text too large (6.3 KB; the limit is 4.0 KB)",
    ]);
    expect(reasonFor(warnings, "d.json")[0]).toMatch(/record 1: text too large/u);
  });

  it.each(["md", "txt", "jsonl"])(
    "WHEN a .%s article has more paragraphs than the cap THEN it is kept truncated, with a warning",
    async (extension) => {
      const paragraphs = Array.from(
        { length: 120 },
        (_, i) => `Paragraph number ${i + 1} of a long file.`,
      ).join("\n\n");
      const content =
        extension === "jsonl"
          ? JSON.stringify({ id: "long", title: "Long", text: paragraphs })
          : `${extension === "md" ? "# " : ""}Long\n\n${paragraphs}\n`;
      const dir = tempCorpus({ [`long.${extension}`]: content });
      const { documents, warnings } = await loadCorpus(dir, { maxParagraphs: 50 });
      expect(documents[0]?.paragraphs).toHaveLength(50);
      expect(documents[0]?.paragraphs.at(-1)?.text).toBe("Paragraph number 50 of a long file.");
      expect(warnings.map((w) => w.reason)).toEqual([
        `truncated${extension === "jsonl" ? ' (record "long")' : ""}: 70 paragraphs past the first 50 dropped`,
      ]);
    },
  );
});

describe("GIVEN metadata YAML reads as something other than text", () => {
  it("WHEN the title is a YAML number THEN the article loads with the number as its title", async () => {
    const dir = tempCorpus({
      "n.md": `---\ntitle: 12345\nsource: 2024\n---\n\n${BODY}`,
      "long.md": `---\ntitle: 123456789012345678901234567890\n---\n\n${BODY}`,
    });
    const { documents, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => [d.id, d.title, d.source])).toEqual([
      ["long", "123456789012345678901234567890", undefined],
      ["n", "12345", "2024"],
    ]);
  });
});

describe("GIVEN a path that is neither a folder nor a file", () => {
  it("WHEN it is /dev/zero THEN loading fails with a sentence naming it, without reading it", async () => {
    await expect(loadCorpus("/dev/zero")).rejects.toThrow(
      "/dev/zero is neither a folder of articles nor a file",
    );
  });
});

describe("GIVEN a corpus folder reached through a link", () => {
  it("WHEN the folder path itself is a link THEN its files are still inside it", async () => {
    const dir = tempCorpus({ "good.md": article("Good") });
    const parent = tempCorpus({});
    symlinkSync(dir, join(parent, "linked"));
    writeFileSync(join(dir, "other.md"), article("Other"));
    const { documents, warnings } = await loadCorpus(join(parent, "linked"));
    expect(documents.map((d) => d.id).sort()).toEqual(["good", "other"]);
    expect(warnings).toEqual([]);
  });
});
