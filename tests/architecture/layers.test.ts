import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { layerProblems } from "../../scripts/check-layers.js";
import { repoRoot } from "../helpers/paths.js";

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A throwaway tree with these files under src/. */
function tree(files: Record<string, string>): string {
  scratch = mkdtempSync(join(tmpdir(), "layers-"));
  for (const [path, text] of Object.entries(files)) {
    const file = join(scratch, "src", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return scratch;
}

describe("the layers of src/", () => {
  it("GIVEN this repository THEN every import points down and no two folders import each other", () => {
    expect(layerProblems(repoRoot)).toEqual([]);
  });

  it("GIVEN the core importing a command THEN the upward import is named", () => {
    const root = tree({
      "core/answer.ts": 'import { quote } from "../commands/quote.js";\n',
      "commands/quote.ts": "export const quote = 1;\n",
    });
    expect(layerProblems(root)).toEqual([
      { file: "core/answer.ts", message: "core (rank 0) imports commands (rank 1): commands/quote.js" },
    ]);
  });

  it("GIVEN the top-level command table importing the answer view THEN the upward import is named", () => {
    scratch = mkdtempSync(join(tmpdir(), "layers-"));
    mkdirSync(join(scratch, "commands"), { recursive: true });
    mkdirSync(join(scratch, "src", "present"), { recursive: true });
    writeFileSync(join(scratch, "commands", "quote.ts"), 'import { view } from "../src/present/view.js";\n');
    writeFileSync(join(scratch, "src", "present", "view.ts"), "export const view = 1;\n");
    expect(layerProblems(scratch)).toEqual([
      { file: "commands/quote.ts", message: "commands (rank 1) imports present (rank 2): present/view.js" },
    ]);
  });

  it("GIVEN the server and an adapter importing each other THEN both imports are refused, and so is the cycle", () => {
    const root = tree({
      "server/app.ts": 'import { x } from "../adapters/slack/x.js";\n',
      "adapters/slack/x.ts": 'import { app } from "../../server/app.js";\n',
    });
    const messages = layerProblems(root).map((p) => p.message);
    expect(messages.filter((m) => m.includes("rank 4) imports"))).toHaveLength(2);
    expect(messages.some((m) => m.startsWith("folders import each other"))).toBe(true);
  });

  it("GIVEN two platform folders importing each other at run time THEN the cycle is named; a type import alone is not one", () => {
    const cyclic = tree({
      "adapters/discord/a.ts": 'import { b } from "../slack/b.js";\n',
      "adapters/slack/b.ts": 'import { a } from "../discord/a.js";\n',
    });
    expect(layerProblems(cyclic).map((p) => p.message)).toEqual([
      "folders import each other: adapters/discord → adapters/slack → adapters/discord",
    ]);
    const typed = tree({
      "adapters/discord/a.ts": 'import { b } from "../slack/b.js";\n',
      "adapters/slack/b.ts": 'import type { A } from "../discord/a.js";\n',
    });
    expect(layerProblems(typed)).toEqual([]);
  });
});
