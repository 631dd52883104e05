import fc from "fast-check";
import { expect } from "vitest";
import { dispatch } from "../../../commands/dispatch.js";
import { commands } from "../../../commands/index.js";
import { parseAskedLine } from "../../../src/adapters/discord/asked-line.js";
import { decodeButtonState } from "../../../src/adapters/discord/button-state.js";
import { failureMessage as discordFailure } from "../../../src/adapters/discord/errors.js";
import { type RawOption, toInvocation } from "../../../src/adapters/discord/invocation.js";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";
import { renderDiscordAnswer } from "../../../src/adapters/discord/render-answer.js";
import { failureMessage as slackFailure } from "../../../src/adapters/slack/failure.js";
import { slashCommandToInvocation } from "../../../src/adapters/slack/invocation.js";
import { decodePagingState } from "../../../src/adapters/slack/paging.js";
import { renderSlackAnswer, type SlackMessage } from "../../../src/adapters/slack/render-blocks.js";
import type { Answer } from "../../../src/core/answer.js";
import type { Engine } from "../../../src/core/engine.js";
import { BackstoryError } from "../../../src/core/errors.js";
import type { Invocation } from "../../../src/core/invocation.js";
import { silentLogger } from "../../../src/logger.js";
import type { Tally } from "./figures.js";
import { hostileOptionValue } from "./hostile-text.js";

/**
 * The adapters' path from a platform payload to the message sent back, with the
 * engine called directly (no HTTP, no Asker) so tens of thousands of cases run in
 * seconds: parse → dispatch → render, or parse → user error → failure message.
 */

/**
 * What escapes parsing and dispatch must be a BackstoryError the user can act on
 * (never `internal`), with a message to show; anything else fails the test.
 */
export function expectUserError(error: unknown): BackstoryError {
  if (!(error instanceof BackstoryError)) throw error;
  expect(error.code).not.toBe("internal");
  expect(error.userMessage.trim()).not.toBe("");
  return error;
}

/** A Slack slash command as the adapter answers it. */
export function answerSlack(engine: Engine, command: string, text: string, tally: Tally): SlackMessage {
  let answer: Answer;
  let invocation: Invocation;
  try {
    invocation = slashCommandToInvocation({ command, text, user_id: "U0ANA" });
    answer = dispatch(invocation, { engine });
  } catch (error) {
    tally.add(`refused:${expectUserError(error).code}`);
    return slackFailure(error, silentLogger, { stage: "slash_command" });
  }
  tally.add(answer.items.length > 0 ? "answered with items" : "answered empty");
  const message = renderSlackAnswer(answer, {
    args: invocation.args,
    visibility: invocation.visibility ?? "private",
  });
  for (const block of message.blocks) {
    if (block.type !== "actions") continue;
    for (const button of block.elements) {
      // Every button asks exactly the question again: the options as the command table checked them.
      const state = button.type === "button" ? decodePagingState(button.value) : undefined;
      expect(state?.command).toBe(invocation.command);
      expect(state?.args).toEqual(answer.args);
    }
  }
  return message;
}

/** A Discord slash command with these options, as the adapter answers it. */
export function answerDiscord(
  engine: Engine,
  command: string,
  options: RawOption[],
  page: number,
  tally: Tally,
): DiscordMessage {
  const { invocation, isPrivate } = toInvocation({ command, options, user: "300000000000000004" }, true);
  let answer: Answer;
  try {
    answer = dispatch(invocation, { engine });
  } catch (error) {
    tally.add(`refused:${expectUserError(error).code}`);
    return discordFailure(error, silentLogger, { stage: "command", command });
  }
  tally.add(answer.items.length > 0 ? "answered with items" : "answered empty");
  const message = renderDiscordAnswer(answer, {
    args: invocation.args,
    visibility: isPrivate ? "private" : "public",
    page,
  });
  const footer = message.embeds[0]?.footer?.text ?? "";
  for (const row of message.components) {
    for (const button of row.components) {
      // Every button decodes, and one that leaves its arguments to the footer finds them there.
      const state = decodeButtonState(button.custom_id);
      expect(state?.command).toBe(answer.command);
      if (state?.args === undefined) expect(parseAskedLine(footer)?.command).toBe(answer.command);
    }
  }
  return message;
}

/**
 * Option sets for a Discord command: each of its options given a hostile value four
 * times in five, sometimes `private` and options Discord would never send.
 */
export function discordOptions(command: string): fc.Arbitrary<RawOption[]> {
  const own = commands.find((c) => c.name === command)?.options.map((o) => o.name) ?? [];
  const names = [...own, "private", "__proto__", "unknown"];
  const absent = fc.constant(undefined);
  const maybe = (name: string) =>
    own.includes(name)
      ? fc.oneof({ weight: 4, arbitrary: hostileOptionValue }, { weight: 1, arbitrary: absent })
      : fc.oneof({ weight: 1, arbitrary: hostileOptionValue }, { weight: 4, arbitrary: absent });
  return fc.tuple(...names.map(maybe)).map((values) =>
    values.flatMap((value, i): RawOption[] => {
      const name = names[i];
      return value === undefined || name === undefined ? [] : [{ name, value }];
    }),
  );
}
