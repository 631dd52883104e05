import { describe, expect, it } from "vitest";
import { mentionToAsk, slashCommandToAsk } from "../../../src/adapters/slack/invocation.js";
import { BackstoryError } from "../../../src/core/errors.js";

const ask = (command: string, text: string) => slashCommandToAsk({ command, text, user_id: "U0ANA" });

describe("slashCommandToAsk", () => {
  it("GIVEN a table command THEN its text fills the options, even when it starts with another command's name", () => {
    expect(ask("/why", "visa").invocation).toEqual({
      command: "why",
      args: { topic: "visa" },
      platform: "slack",
      user: "U0ANA",
    });
    expect(ask("/search", "who said it").invocation.args).toEqual({ query: "who said it" });
  });

  it("GIVEN the umbrella command THEN the first word names the command", () => {
    expect(ask("/backstory", "quote petro about visa").invocation).toMatchObject({
      command: "quote",
      args: { speaker: "petro", about: "visa" },
    });
  });

  it("GIVEN the umbrella with no text THEN help is asked", () => {
    expect(ask("/backstory", "  ").invocation.command).toBe("help");
  });

  it("GIVEN a renamed command THEN it works like the umbrella", () => {
    expect(ask("/bs", "why visa").invocation).toMatchObject({ command: "why", args: { topic: "visa" } });
  });

  it("GIVEN private or public at the end THEN the visibility is taken and the word dropped", () => {
    expect(ask("/why", "visa public")).toMatchObject({
      visibility: "public",
      invocation: { args: { topic: "visa" } },
    });
    expect(ask("/sources", "private").visibility).toBe("private");
    expect(ask("/why", "visa").visibility).toBeUndefined();
  });

  it("GIVEN Slack's escaped text THEN the query is what the user typed", () => {
    expect(ask("/search", "R&amp;D &lt;!channel&gt;").invocation.args).toEqual({ query: "R&D <!channel>" });
  });

  it("GIVEN an unknown command through the umbrella THEN a BackstoryError says so", () => {
    expect(() => ask("/backstory", "dance now")).toThrow(BackstoryError);
  });
});

describe("mentionToAsk", () => {
  it("GIVEN a mention with a command THEN the bot's mention is dropped", () => {
    expect(mentionToAsk("<@U0BOT> why visa", "U0ANA").invocation).toMatchObject({
      command: "why",
      args: { topic: "visa" },
      user: "U0ANA",
    });
  });

  it("GIVEN words that name no command THEN they are searched", () => {
    expect(mentionToAsk("<@U0BOT> petro visa", "U0ANA").invocation).toMatchObject({
      command: "search",
      args: { query: "petro visa" },
    });
  });

  it("GIVEN a bare mention THEN help is asked", () => {
    expect(mentionToAsk("<@U0BOT>", undefined).invocation).toEqual({
      command: "help",
      args: {},
      platform: "slack",
    });
  });
});
