import { describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.js";
import { parseCommandText } from "../../commands/parse-text.js";
import { BackstoryError } from "../../src/core/errors.js";
import { seedEngine } from "../helpers/seed-engine.js";

describe("parseCommandText", () => {
  it("gives the first option every word up to another option's name", () => {
    expect(parseCommandText("/quote gustavo petro about deportation flights")).toEqual({
      command: "quote",
      args: { speaker: "gustavo petro", about: "deportation flights" },
    });
  });

  it("accepts name:value options and the umbrella /backstory", () => {
    expect(parseCommandText("/backstory quote speaker:petro about:visa")).toEqual({
      command: "quote",
      args: { speaker: "petro", about: "visa" },
    });
  });

  it("reads a trailing private or public as visibility", () => {
    expect(parseCommandText("/why visa public")).toEqual({
      command: "why",
      args: { topic: "visa" },
      visibility: "public",
    });
    expect(parseCommandText("/sources --private")).toEqual({
      command: "sources",
      args: {},
      visibility: "private",
    });
  });

  it("keeps a lone private as the query when the command needs one", () => {
    expect(parseCommandText("/search private")).toEqual({ command: "search", args: { query: "private" } });
  });

  it("rejects an unknown command with a helpful message", () => {
    expect(() => parseCommandText("/frobnicate now")).toThrowError(
      /Unknown command “frobnicate”. Try \/help/,
    );
  });
});

describe("dispatch", () => {
  it("names the missing option and shows the usage", async () => {
    const engine = await seedEngine();
    const run = () => dispatch({ command: "quote", args: {}, platform: "cli" }, { engine });
    expect(run).toThrowError(BackstoryError);
    expect(run).toThrowError("/quote needs a speaker. Usage: /quote <speaker> [about]");
  });

  it("treats white space and control characters as no value", async () => {
    const engine = await seedEngine();
    expect(() =>
      dispatch({ command: "why", args: { topic: " \u0000\t " }, platform: "cli" }, { engine }),
    ).toThrowError(/needs a topic/);
  });

  it("cuts very long values instead of working on them whole", async () => {
    const engine = await seedEngine();
    const answer = dispatch(
      { command: "search", args: { query: "visa ".repeat(20_000) }, platform: "cli" },
      { engine },
    );
    expect(answer.query.length).toBeLessThanOrEqual(200);
  });
});
