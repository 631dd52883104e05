import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

describe("the backstory command line", () => {
  it("answers one command as readable text, with a load summary on stderr", () => {
    const { code, stdout, stderr } = runCli(["ask", "/quote petro"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Quotes: Gustavo Petro/u);
    expect(stdout).toContain("“I will never allow Colombians to be brought in handcuffs.”");
    expect(stdout).toMatch(/— US and Colombia clash over deportation flights · ¶2 · 2025-01-27/u);
    expect(stderr).toMatch(/Loaded 2 documents · \d+ passages · \d+ quotes · \d+ events/u);
  });

  it("prints the Answer JSON contract with --json", () => {
    const { code, stdout } = runCli(["ask", "/quote petro", "--json"]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).sort()).toEqual(["args", "command", "items", "query", "title"]);
    expect(answer.args).toEqual({ speaker: "petro" });
    expect(answer.items[0]).toMatchObject({
      lead: "speaker",
      speaker: "Gustavo Petro",
      quote: expect.any(String),
      citation: { docId: expect.any(String), title: expect.any(String), paragraph: expect.any(Number) },
    });
  });

  it("reads another corpus with --corpus", () => {
    const dir = tempCorpus({
      "a.md": "---\ntitle: Bridge opens\npublished: 2024-05-02\n---\nThe bridge opened on Thursday.",
    });
    const { stdout } = runCli(["ask", "/search bridge", "--corpus", dir]);
    expect(stdout).toContain("The [bridge] opened on Thursday.");
  });

  it("takes slash commands at an interactive prompt until exit", () => {
    const { code, stdout } = runCli([], "/who rubio\n/nonsense\nexit\n");
    expect(code).toBe(0);
    expect(stdout).toContain("Who: Marco Rubio");
    expect(stdout).toContain("Unknown command “nonsense”");
  });

  it("exports quotes as CSV and the timeline as TimelineJS", () => {
    const csv = runCli(["export", "quotes", "--csv"]).stdout;
    expect(csv.split("\n")[0]).toBe("speaker,quote,partial,doc_id,title,paragraph,published,url,text");
    expect(csv).toContain(
      "Gustavo Petro,I will never allow Colombians to be brought in handcuffs.,false,004_8c4339dd0b6997c8",
    );
    const timeline = JSON.parse(runCli(["export", "timeline", "--timelinejs"]).stdout);
    for (const event of timeline.events) {
      expect(event.start_date.year).toBeGreaterThan(2000);
      expect(event.credit).toMatch(/¶\d+/u);
    }
  });

  it("exports entities as JSON", () => {
    const entities = JSON.parse(runCli(["export", "entities"]).stdout);
    expect(entities.find((e: { name: string }) => e.name === "Marco Rubio")).toMatchObject({
      kind: "person",
      descriptions: ["US Secretary of State Marco Rubio"],
    });
  });

  it("explains bad usage and exits non-zero", () => {
    expect(runCli(["export", "everything"]).code).toBe(2);
    expect(runCli(["ask"]).stderr).toMatch(/ask needs a command/u);
    const missing = runCli(["ask", "/why visa", "--corpus", "/no/such/folder"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/The corpus \/no\/such\/folder does not exist/u);
    const unknown = runCli(["ask", "/frobnicate"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown command/u);
  });
});
