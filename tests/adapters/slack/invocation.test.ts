import { describe, expect, it } from "vitest";
import { mentionToInvocation, slashCommandToInvocation } from "../../../src/adapters/slack/invocation.js";
import { BackstoryError } from "../../../src/core/errors.js";

const ask = (command: string, text: string) => slashCommandToInvocation({ command, text, user_id: "U0ANA" });

describe("slashCommandToInvocation", () => {
  it("GIVEN a table command THEN its text fills the options, even when it starts with another command's name", () => {
    expect(ask("/why", "visa")).toEqual({
      command: "why",
      args: { topic: "visa" },
      platform: "slack",
      user: "U0ANA",
    });
    expect(ask("/search", "who said it").args).toEqual({ query: "who said it" });
  });

  it("GIVEN the umbrella command THEN the first word names the command", () => {
    expect(ask("/backstory", "quote petro about visa")).toMatchObject({
      command: "quote",
      args: { speaker: "petro", about: "visa" },
    });
  });

  it("GIVEN the umbrella with no text THEN help is asked", () => {
    expect(ask("/backstory", "  ").command).toBe("help");
  });

  it("GIVEN a renamed command THEN it works like the umbrella", () => {
    expect(ask("/bs", "why visa")).toMatchObject({ command: "why", args: { topic: "visa" } });
  });

  it("GIVEN private or public at the end THEN the visibility is taken and the word dropped", () => {
    expect(ask("/why", "visa public")).toMatchObject({ visibility: "public", args: { topic: "visa" } });
    expect(ask("/sources", "private").visibility).toBe("private");
    expect(ask("/why", "visa").visibility).toBeUndefined();
  });

  it("GIVEN Slack's escaped text THEN the query is what the user typed", () => {
    expect(ask("/search", "R&amp;D &lt;!channel&gt;").args).toEqual({ query: "R&D <!channel>" });
  });

  it("GIVEN an unknown command through the umbrella THEN a BackstoryError says so", () => {
    expect(() => ask("/backstory", "dance now")).toThrow(BackstoryError);
  });
});

describe("mentionToInvocation", () => {
  it("GIVEN a mention with a command THEN the bot's mention is dropped", () => {
    expect(mentionToInvocation("<@U0BOT> why visa", "U0ANA")).toMatchObject({
      command: "why",
      args: { topic: "visa" },
      user: "U0ANA",
    });
  });

  it("GIVEN words that name no command THEN they are searched", () => {
    expect(mentionToInvocation("<@U0BOT> petro visa", "U0ANA")).toMatchObject({
      command: "search",
      args: { query: "petro visa" },
    });
  });

  it("GIVEN a bare mention THEN help is asked", () => {
    expect(mentionToInvocation("<@U0BOT>", undefined)).toEqual({
      command: "help",
      args: {},
      platform: "slack",
    });
  });
});
