import { describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.js";
import { textToInvocation } from "../../commands/text-to-invocation.js";
import { BackstoryError } from "../../src/core/errors.js";
import { seedEngine } from "../helpers/seed-engine.js";

const parse = (text: string) => textToInvocation(text, { platform: "cli" });

describe("textToInvocation", () => {
  it("gives the first option every word up to another option's name", () => {
    expect(parse("/quote gustavo petro about deportation flights")).toEqual({
      command: "quote",
      args: { speaker: "gustavo petro", about: "deportation flights" },
      platform: "cli",
    });
  });

  it("accepts name:value options and the umbrella /backstory", () => {
    expect(parse("/backstory quote speaker:petro about:visa")).toEqual({
      command: "quote",
      args: { speaker: "petro", about: "visa" },
      platform: "cli",
    });
  });

  it("reads a trailing private or public as visibility", () => {
    expect(parse("/why visa public")).toEqual({
      command: "why",
      args: { topic: "visa" },
      platform: "cli",
      visibility: "public",
    });
    expect(parse("/sources --private")).toEqual({
      command: "sources",
      args: {},
      platform: "cli",
      visibility: "private",
    });
  });

  it("keeps a lone private as the query when the command needs one", () => {
    expect(parse("/search private")).toEqual({
      command: "search",
      args: { query: "private" },
      platform: "cli",
    });
  });

  it("takes the command the platform names, leaving every word to its options", () => {
    expect(textToInvocation("who said it", { platform: "slack", user: "U1", command: "/search" })).toEqual({
      command: "search",
      args: { query: "who said it" },
      platform: "slack",
      user: "U1",
    });
  });

  it("reads the command from the text when the platform names the umbrella or an unknown name", () => {
    for (const command of ["/backstory", "/bs"]) {
      expect(textToInvocation("why visa", { platform: "slack", command }).command).toBe("why");
    }
  });

  it("asks the default command when the first word names none", () => {
    expect(textToInvocation("petro visa", { platform: "slack", defaultCommand: "search" }).args).toEqual({
      query: "petro visa",
    });
  });

  it("rejects an unknown command with a helpful message", () => {
    expect(() => parse("/frobnicate now")).toThrowError(/Unknown command “frobnicate”. Try \/help/);
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
