import { execFileSync } from "node:child_process";
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.js";
import { renderDiscordAnswer } from "../../src/adapters/discord/render-answer.js";
import { renderSlackAnswer } from "../../src/adapters/slack/render-blocks.js";
import type { Answer } from "../../src/core/answer.js";
import { type CorpusWarning, loadCorpus } from "../../src/core/corpus/load-corpus.js";
import { Engine } from "../../src/core/engine.js";
import { corpusFingerprint } from "../../src/core/snapshot/fingerprint.js";
import { loadOrBuildEngine, snapshotPath } from "../../src/core/snapshot/index.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService, type TestService } from "../helpers/start-test-service.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

const FIGURES = "hostile-corpus";
const MB = 1024 * 1024;

const article = (title: string, word: string) =>
  `---\ntitle: ${title}\npublished: 2025-03-01\n---\nThe council said the ${word} plan would go ahead on Monday.\n\nResidents welcomed the ${word} decision.\n`;

/** A YAML "billion laughs": ten levels of aliases, each nine times the one before. */
function yamlBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
  }
  return `---\n${lines.join("\n")}\ntitle: Bomb\n---\nBody text.\n`;
}

function warningFor(warnings: readonly CorpusWarning[], file: string): string {
  return warnings
    .filter((w) => w.file === file)
    .map((w) => w.reason)
    .join(" | ");
}

describe("GIVEN a corpus where good articles sit among hostile files", () => {
  // bad-url.md is kept: its `javascript:` link is metadata the renderers never link (http(s) only).
  const GOOD = ["bad-url", "good-one", "good-two", "nested-good", "rec-1", "rec-2"];

  it("WHEN it is loaded THEN every good document is kept and every bad file is named with its reason", async () => {
    const dir = tempCorpus({
      "good-one.md": article("Good one", "harbour"),
      "good-two.txt": "The ferry timetable changed on Monday.\n\nCommuters were told in advance.\n",
      "records.jsonl": `${JSON.stringify({ id: "rec-1", title: "Rec 1", text: "Fishing quotas were cut." })}\nnot json\n${JSON.stringify({ id: "rec-2", title: "Rec 2", text: "The bridge reopened." })}\n{"id": 3}\n`,
      "invalid-utf8.md": Buffer.from([0x54, 0x68, 0x65, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]),
      "binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
      "empty.md": "",
      "blank.txt": " \n\t\n",
      "bomb.md": yamlBomb(),
      "deep-list.md": `---\ntitle: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\nBody text.\n`,
      "deep-map.md": `---\n${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n---\nBody text.\n`,
      "unterminated.md": '---\ntitle: "never closed\n---\nBody text.\n',
      "list-front-matter.md": "---\n- a\n- b\n---\nBody text.\n",
      "duplicate-keys.md": "---\ntitle: One\ntitle: Two\n---\nBody text.\n",
      "bad-date.md": "---\ntitle: Dated\npublished: 2025-02-30\n---\nBody text.\n",
      "bad-url.md": "---\ntitle: Linked\nurl: javascript:alert(1)\n---\nBody text.\n",
      "only-front-matter.md": "---\ntitle: Nothing else\n---\n",
      "not-json.json": "{ this is not json",
      "slides.pdf": "%PDF-1.4",
      ".hidden.md": article("Hidden", "secret"),
      "corpus.yaml": "documents: [unclosed",
    });
    mkdirSync(join(dir, "nested", "deeper"), { recursive: true });
    writeFileSync(join(dir, "nested", "deeper", "nested-good.md"), article("Nested good", "tram"));
    writeFileSync(join(dir, "too-large.md"), Buffer.alloc(50 * MB, 0x61));
    writeFileSync(join(dir, "too-large.txt"), Buffer.alloc(50 * MB + 1, 0x20));
    writeFileSync(join(dir, "large.json"), Buffer.alloc(50 * MB, 0x7b));
    symlinkSync("/dev/zero", join(dir, "zero.md"));
    symlinkSync(dir, join(dir, "loop.md"));

    const started = performance.now();
    const { documents, warnings } = await loadCorpus(dir);
    const elapsedMs = Math.round(performance.now() - started);

    expect(documents.map((d) => d.id).sort()).toEqual([...GOOD].sort());
    const expected: Record<string, RegExp> = {
      "invalid-utf8.md": /not valid UTF-8/u,
      "binary.txt": /binary file/u,
      "empty.md": /empty file/u,
      "blank.txt": /no text/u,
      "bomb.md": /broken front matter: Excessive alias count/u,
      "deep-list.md": /front matter nested too deep/u,
      "deep-map.md": /front matter too large/u,
      "unterminated.md": /broken front matter/u,
      "list-front-matter.md": /not a mapping/u,
      "duplicate-keys.md": /broken front matter/u,
      "bad-date.md": /published/u,
      "only-front-matter.md": /no body text/u,
      "not-json.json": /not valid JSON/u,
      "slides.pdf": /unsupported file type "\.pdf"/u,
      "too-large.md": /too large \(50\.0 MB; the limit is 5\.0 MB\)/u,
      "too-large.txt": /too large/u,
      "large.json": /not valid JSON/u,
      "zero.md": /a link to a file outside the corpus folder/u,
      "loop.md": /not a regular file/u,
      "records.jsonl": /line 2: not valid JSON.*line 4:/u,
      "corpus.yaml": /not valid YAML/u,
    };
    const seen = Object.fromEntries(Object.keys(expected).map((file) => [file, warningFor(warnings, file)]));
    for (const [file, pattern] of Object.entries(expected)) expect(seen[file], file).toMatch(pattern);
    expect(warnings.some((w) => w.file.includes("hidden"))).toBe(false);

    // The engine builds on what was kept and answers from it.
    const engine = Engine.build(documents, warnings);
    const sources = dispatch({ command: "sources", args: {}, platform: "cli" }, { engine });
    expect(sources.items.map((i) => i.citation.docId).sort()).toEqual([...GOOD].sort());
    const rendered = JSON.stringify([
      renderDiscordAnswer(sources, { args: {} }),
      renderSlackAnswer(sources, { args: {}, visibility: "private" }),
    ]);
    expect(rendered).not.toContain("javascript:");
    recordFigures(FIGURES, "mixed corpus", {
      files: readdirSync(dir).length + readdirSync(join(dir, "nested", "deeper")).length,
      goodDocuments: documents.length,
      warnings: warnings.length,
      elapsedMs,
    });
  }, 60_000);

  it("WHEN two files claim the same id THEN both documents are kept, the second renamed, and the clash named", async () => {
    const dir = tempCorpus({
      "story.md": article("Story", "harbour"),
      "more.json": JSON.stringify([
        { id: "story", title: "Also story", text: "A second story with the same id." },
        { id: "twin", title: "Twin A", text: "First twin." },
        { id: "twin", title: "Twin B", text: "Second twin." },
      ]),
    });
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents.map((d) => d.id).sort()).toEqual(["story", "story~2", "twin", "twin~2"]);
    // Files load in name order: more.json's "story" comes first, story.md's is renamed.
    expect(warnings).toContainEqual({ file: "story.md", reason: 'duplicate id "story": kept as "story~2"' });
    expect(warnings).toContainEqual({ file: "more.json", reason: 'duplicate id "twin": kept as "twin~2"' });
  });

  it("WHEN a JSON Lines file holds 5 MB of lines that are not JSON THEN it is named, the good documents are kept, and the warnings stay few", async () => {
    const line = "a,csv,export,renamed,to,jsonl,by,mistake,1234567890\n";
    const dir = tempCorpus({
      "good.md": article("Good", "harbour"),
      "export.jsonl": line.repeat(Math.ceil((5 * MB) / line.length)),
    });
    const started = performance.now();
    const { documents, warnings } = await loadCorpus(dir);
    const elapsedMs = Math.round(performance.now() - started);
    const fromExport = warnings.filter((w) => w.file === "export.jsonl").length;
    recordFigures(FIGURES, "5 MB of bad JSON Lines", { warnings: fromExport, elapsedMs });
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(warnings.some((w) => w.file === "export.jsonl" && /line 1: not valid JSON/u.test(w.reason))).toBe(
      true,
    );
    // One log line per bad line would flood the log (≈ 100,000 lines here, 750,000 for 50 MB).
    expect(fromExport).toBeLessThanOrEqual(100);
  }, 60_000);
});

describe("GIVEN files that change while the corpus is being indexed", () => {
  it("WHEN one file is deleted and another rewritten mid-load THEN the deleted one is named, the rewritten one read as it now is, and the rest kept", async () => {
    const dir = tempCorpus({
      "a-first.md": article("First", "harbour"),
      "b-deleted.md": article("Deleted", "ferry"),
      "c-rewritten.md": article("Before", "tram"),
      "d-replaced.md": article("Replaced", "bridge"),
      "e-last.md": article("Last", "canal"),
    });
    let done = false;
    const { documents, warnings } = await loadCorpus(dir, {
      onProgress: ({ filesDone }) => {
        if (done || filesDone !== 1) return;
        done = true;
        unlinkSync(join(dir, "b-deleted.md"));
        writeFileSync(join(dir, "c-rewritten.md"), article("After", "monorail"));
        unlinkSync(join(dir, "d-replaced.md"));
        mkdirSync(join(dir, "d-replaced.md"));
      },
    });
    expect(done).toBe(true);
    expect(documents.map((d) => d.id)).toEqual(["a-first", "c-rewritten", "e-last"]);
    expect(documents.find((d) => d.id === "c-rewritten")?.title).toBe("After");
    expect(warningFor(warnings, "b-deleted.md")).toMatch(/unreadable: ENOENT/u);
    expect(warningFor(warnings, "d-replaced.md")).toMatch(/not a regular file|EISDIR/u);
  });
});

describe("GIVEN a corrupt index snapshot", () => {
  let corpus: SeedCorpusCopy;
  beforeAll(async () => {
    corpus = await copySeedCorpus();
    await loadOrBuildEngine(corpus.corpusDir, { snapshotDir: corpus.snapshotDir });
  });
  afterAll(async () => {
    await corpus?.remove();
  });

  const corruptions: [string, (good: string) => string | Buffer][] = [
    ["truncated half way", (good) => good.slice(0, Math.floor(good.length / 2))],
    ["random bytes", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["empty", () => ""],
    ["JSON null", () => "null"],
    ["another shape", () => JSON.stringify({ format: 1, documents: "many", index: 3 })],
    [
      "a document missing",
      (good) => {
        const data = JSON.parse(good) as { documents: unknown[] };
        data.documents.pop();
        return JSON.stringify(data);
      },
    ],
    [
      "paragraphs replaced by null",
      (good) => {
        const data = JSON.parse(good) as { documents: { paragraphs: unknown }[] };
        for (const document of data.documents) document.paragraphs = null;
        return JSON.stringify(data);
      },
    ],
  ];

  it.each(corruptions)(
    "WHEN the snapshot is %s THEN the engine is rebuilt from the corpus with every document, a warning is logged, and a good snapshot replaces it",
    async (_name, corrupt) => {
      const key = await corpusFingerprint(corpus.corpusDir);
      const path = snapshotPath(corpus.snapshotDir, key);
      const good = readFileSync(path, "utf8");
      writeFileSync(path, corrupt(good));
      const log = memoryLogger("debug");
      const loaded = await loadOrBuildEngine(corpus.corpusDir, {
        snapshotDir: corpus.snapshotDir,
        logger: log.logger,
      });
      expect(loaded.origin).toBe("build");
      expect(loaded.engine.stats.documents).toBe(2);
      const warning = log.lines().find((l) => l.msg === "snapshot unreadable; rebuilding");
      expect(warning).toMatchObject({ level: 40, snapshotDir: corpus.snapshotDir });
      expect(String(warning?.err)).not.toBe("");
      const again = await loadOrBuildEngine(corpus.corpusDir, { snapshotDir: corpus.snapshotDir });
      expect(again.origin).toBe("snapshot");
      expect(again.engine.stats.documents).toBe(2);
    },
    30_000,
  );
});

describe("GIVEN the running service and its reloading index", () => {
  let corpus: SeedCorpusCopy;
  let app: TestService;
  const saved = new Map<string, Buffer>();

  beforeAll(async () => {
    corpus = await copySeedCorpus();
    for (const name of readdirSync(corpus.corpusDir))
      saved.set(name, readFileSync(join(corpus.corpusDir, name)));
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      captureLogs: true,
      env: { RATE_LIMIT_PER_MINUTE: "0" },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await corpus?.remove();
  });

  const restore = async () => {
    rmSync(corpus.corpusDir, { recursive: true, force: true });
    mkdirSync(corpus.corpusDir, { recursive: true });
    for (const [name, bytes] of saved) await writeFile(join(corpus.corpusDir, name), bytes);
  };
  const sources = async () =>
    (await getJson<Answer>(`${app.url}/api/ask?q=${encodeURIComponent("/sources")}`)).body.items.length;

  it("WHEN every article is overwritten with binary or invalid UTF-8 THEN the reload is refused, the last good index keeps serving, and why is logged", async () => {
    const generation = app.service.engines.serving?.generation;
    for (const name of saved.keys()) {
      if (name === "corpus.yaml") continue;
      await writeFile(join(corpus.corpusDir, name), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0xc3, 0x28]));
    }
    const outcome = await app.service.reload("test: corrupted articles");
    expect(outcome.ok).toBe(false);
    expect(app.service.engines.serving?.generation).toBe(generation);
    expect(await sources()).toBe(2);
    expect(app.logs().some((l) => l.msg === "index reload failed; the previous index keeps serving")).toBe(
      true,
    );
    await restore();
  }, 30_000);

  it("WHEN the corpus folder disappears THEN the reload fails and the last good index keeps serving", async () => {
    rmSync(corpus.corpusDir, { recursive: true, force: true });
    const outcome = await app.service.reload("test: folder gone");
    expect(outcome.ok).toBe(false);
    expect(await sources()).toBe(2);
    await restore();
  }, 30_000);

  it("WHEN a bad file joins the good ones THEN the reload succeeds, keeps every good document, and logs a warning naming the file", async () => {
    await writeFile(join(corpus.corpusDir, "garbage.md"), Buffer.from([0x41, 0xff, 0x0a]));
    const outcome = await app.service.reload("test: a bad file");
    expect(outcome.ok && outcome.serving.engine.stats.documents).toBe(2);
    expect(
      app.logs().some((l) => l.level === 40 && l.file === "garbage.md" && /UTF-8/u.test(String(l.msg))),
    ).toBe(true);
    await rm(join(corpus.corpusDir, "garbage.md"));
  }, 30_000);

  it("WHEN links to a named pipe and to /dev/zero appear in the corpus THEN the reload still finishes within 5 s and the index keeps serving", async () => {
    const fifo = join(corpus.root, "pipe");
    execFileSync("mkfifo", [fifo]);
    symlinkSync(fifo, join(corpus.corpusDir, "pipe.md"));
    symlinkSync("/dev/zero", join(corpus.corpusDir, "zero.md"));
    const started = Date.now();
    const outcome = await Promise.race([
      app.service.reload("test: a named pipe"),
      new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 5000)),
    ]);
    recordFigures(FIGURES, "named pipe", {
      reloadFinished: outcome !== "still running",
      ms: Date.now() - started,
    });
    expect(await sources()).toBe(2);
    // Unblock a reader stuck on the pipe, so the service can stop (non-blocking: there may be none).
    unlinkSync(join(corpus.corpusDir, "pipe.md"));
    unlinkSync(join(corpus.corpusDir, "zero.md"));
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: nobody was reading it.
    }
    await app.service.engines.settled();
    expect(outcome).not.toBe("still running");
  }, 30_000);

  it("WHEN the service restarts on a corrupt snapshot THEN it starts, rebuilds and serves every document", async () => {
    const key = await corpusFingerprint(corpus.corpusDir);
    writeFileSync(snapshotPath(corpus.snapshotDir, key), "{ not a snapshot");
    const second = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      captureLogs: true,
    });
    try {
      expect(second.service.engines.serving?.origin).toBe("build");
      expect((await getJson<Answer>(`${second.url}/api/ask?q=%2Fsources`)).body.items).toHaveLength(2);
      expect(second.logs().some((l) => l.msg === "snapshot unreadable; rebuilding")).toBe(true);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
