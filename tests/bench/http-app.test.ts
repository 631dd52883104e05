import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bench/corpora.js";
import { procfileNodeFlags } from "../../bench/http-app.js";

describe("GIVEN the Procfile", () => {
  it("THEN the HTTP benchmark starts the web process with the Node flags the Procfile's web line has", () => {
    const web = readFileSync(join(PROJECT_ROOT, "Procfile"), "utf8")
      .split("\n")
      .find((line) => line.startsWith("web:"));
    const flags = procfileNodeFlags("web");
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(web).toContain(` ${flag} `);
    expect(procfileNodeFlags("no-such-role")).toEqual([]);
  });
});
