import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

const ESC = "\u001b";
const BEL = "\u0007";
const CSI = "\u009b";
// Anything a terminal would act on: C0 (but the line break), DEL and C1.
const CONTROL = /[^\P{Cc}\n]/u;

describe("GIVEN a corpus whose metadata holds terminal escapes", () => {
  const dir = () =>
    tempCorpus({
      "escapes.md": [
        "---",
        `title: "Bridge ${ESC}]0;pwned${BEL}opens"`,
        `source: "Wire ${ESC}[2J${CSI}31m"`,
        'url: "https://example.com/bridge"',
        "---",
        `## Reactions ${ESC}[5m`,
        "",
        `The bridge opened on Thursday ${ESC}[2J after a year of work.`,
      ].join("\n"),
      [`evil${ESC}[2J.pdf`]: "not an article",
    });

  it.each([
    ["/search bridge", "Bridge ]0;pwnedopens"],
    ["/sources", "Bridge ]0;pwnedopens"],
  ])(
    "WHEN `ask %s` prints to the terminal THEN no control character reaches it in any field",
    (question, title) => {
      const { code, stdout, stderr } = runCli(["ask", question, "--corpus", dir()]);
      expect(code).toBe(0);
      expect(stdout).toContain(title);
      expect(stdout).not.toMatch(CONTROL);
      expect(stderr).toContain("warning: evil[2J.pdf: skipped: unsupported file type");
      expect(stderr).not.toMatch(CONTROL);
    },
  );
});

describe("GIVEN --corpus naming something that is not a corpus", () => {
  it("WHEN it is /dev/zero THEN one sentence says so, without a stack trace, and the exit code is 2", () => {
    const { code, stdout, stderr } = runCli(["ask", "/help", "--corpus", "/dev/zero"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(
      "Cannot read the corpus /dev/zero: /dev/zero is neither a folder of articles nor a file",
    );
  });
});
